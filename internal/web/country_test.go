package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// addKenya stores Kenya's memberships of three instruments (Party to
// two) and two of its focal points.
func addKenya(t *testing.T, st accord.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.SaveMemberships(ctx, []accord.Membership{
		{Country: "KE", Instrument: "minamata", Signed: "2013-10-10", Consent: accord.Ratification, ConsentOn: "2021-03-01"},
		{Country: "KE", Instrument: "cartagena", Consent: accord.Accession, ConsentOn: "2002-01-24"},
		{Country: "KE", Instrument: "nagoya", Signed: "2011-05-05"},
	}, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFocalPoints(ctx, []accord.FocalPoint{
		{Country: "KE", Instrument: "minamata", Role: accord.NationalFocalPoint, Title: "Ms.", Name: "Wanjiru Kamau",
			Position: "Director, Chemicals", Organization: "Ministry of Environment", Phone: "+254 20 2730808", Email: "nfp@environment.example.org"},
		{Country: "KE", Instrument: "cartagena", Role: accord.CompetentAuthority, Name: "National Biosafety Authority",
			Email: "cna@biosafety.example.org"},
	}, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveCoordinations(ctx, []accord.Coordination{{Country: "KE", Institution: "National Chemicals Management Committee",
		Instruments: []string{"basel", "rotterdam", "stockholm", "minamata"}}}, "admin"); err != nil {
		t.Fatal(err)
	}
}

func TestCountryPage(t *testing.T) {
	srv, st := newSite(t)
	addKenya(t, st)
	doc := fetch(t, srv, "/countries/KE", http.StatusOK)
	if h := text(all(doc, "h1")[0]); h != "Kenya" {
		t.Errorf("h1 = %q, want Kenya", h)
	}
	members := text(all(doc, "table.memberships")[0])
	for _, want := range []string{"Minamata Convention", "Party", "ratification", "Nagoya Protocol", "signatory"} {
		if !strings.Contains(members, want) {
			t.Errorf("memberships lack %q: %s", want, members)
		}
	}
	// An anonymous reader gets no name, phone nor e-mail address.
	focal := text(all(doc, "table.focal-points")[0])
	for _, secret := range []string{"Wanjiru", "nfp@environment.example.org", "2730808", "cna@biosafety"} {
		if strings.Contains(focal, secret) {
			t.Errorf("an anonymous reader sees %q: %s", secret, focal)
		}
	}
	if !strings.Contains(focal, "Ministry of Environment") || !strings.Contains(focal, "withheld") {
		t.Errorf("focal points = %s, want the office shown and the name withheld", focal)
	}
	for _, a := range all(doc, "a") {
		if strings.HasPrefix(attr(a, "href"), "mailto:") {
			t.Errorf("an anonymous reader gets a mail link %s", attr(a, "href"))
		}
	}
	// Gaps: the Cartagena Protocol requires a national focal point; the
	// Nagoya Protocol is only signed.
	gaps := text(all(doc, "ul.gaps")[0])
	if !strings.Contains(gaps, "National focal point of the Cartagena Protocol") || !strings.Contains(gaps, "article 19(1)") || strings.Contains(gaps, "Nagoya") || strings.Contains(gaps, "Minamata") {
		t.Errorf("gaps = %s, want the Cartagena national focal point only, with its article", gaps)
	}
	asks := text(all(doc, "table.asks")[0])
	if !strings.Contains(asks, "Minamata Convention") || strings.Contains(asks, "Nagoya") {
		t.Errorf("asks = %s, want the instruments Kenya is Party to", asks)
	}
	if co := text(all(doc, "ul.coordination")[0]); !strings.Contains(co, "National Chemicals Management Committee") || !strings.Contains(co, "Basel Convention") {
		t.Errorf("coordination = %s", co)
	}

	// A signed-in reader sees them.
	c, _ := signIn(t, srv, st, "jane", "minamata")
	_, doc = getWith(t, c, srv, "/countries/KE")
	if focal := text(all(doc, "table.focal-points")[0]); !strings.Contains(focal, "Ms. Wanjiru Kamau") || !strings.Contains(focal, "nfp@environment.example.org") {
		t.Errorf("a signed-in reader sees focal points %s, want names and e-mail", focal)
	}

	// Published by an admin for Minamata: anyone sees those, not Cartagena's.
	if err := st.PublishContacts(context.Background(), "minamata", true, "admin"); err != nil {
		t.Fatal(err)
	}
	doc = fetch(t, srv, "/countries/KE", http.StatusOK)
	focal = text(all(doc, "table.focal-points")[0])
	if !strings.Contains(focal, "nfp@environment.example.org") || strings.Contains(focal, "cna@biosafety") {
		t.Errorf("published for Minamata only, an anonymous reader sees %s", focal)
	}

	// Codes as people type them lead to the page; unknown ones do not.
	resp, err := http.Get(srv.URL + "/countries/KEN")
	if err != nil || resp.Request.URL.Path != "/countries/KE" {
		t.Errorf("/countries/KEN went to %v, %v, want /countries/KE", resp.Request.URL, err)
	}
	fetch(t, srv, "/countries/XX", http.StatusNotFound)
}

func TestCountriesList(t *testing.T) {
	srv, st := newSite(t)
	addKenya(t, st)
	doc := fetch(t, srv, "/countries?group=african", http.StatusOK)
	rows := all(doc, "table.countries tbody tr")
	if len(rows) != 54 {
		t.Errorf("%d African States listed, want 54", len(rows))
	}
	found := false
	for _, r := range rows {
		if strings.HasPrefix(text(r), "KenyaKE") {
			found = true
			if !strings.Contains(text(r), "African States22") {
				t.Errorf("Kenya's row = %q, want Party to 2 with 2 focal points", text(r))
			}
		}
		if strings.Contains(text(r), "France") {
			t.Errorf("France among the African States")
		}
	}
	if !found {
		t.Error("Kenya not listed among the African States")
	}
	if rows := all(fetch(t, srv, "/countries?q=kenya", http.StatusOK), "table.countries tbody tr"); len(rows) != 1 {
		t.Errorf("q=kenya lists %d rows", len(rows))
	}
	fetch(t, srv, "/countries?group=atlantis", http.StatusBadRequest)
}

func TestCentrePages(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, "/centres", http.StatusOK)
	if n := len(all(doc, "table.centres tbody tr")); n < 20 {
		t.Errorf("%d centres listed, want the bundled ones", n)
	}
	c, err := st.Centre(context.Background(), "bcrc-caribbean")
	if err != nil {
		t.Fatal(err)
	}
	c.FocalCentre = true
	c.Documents = []accord.CentreDocument{{Kind: "work programme", Ref: "UNEP/CHW.16/INF/12"}}
	if _, err := st.SaveCentres(context.Background(), []accord.Centre{c}, "admin"); err != nil {
		t.Fatal(err)
	}
	doc = fetch(t, srv, "/centres/bcrc-caribbean", http.StatusOK)
	body := text(all(doc, "main")[0])
	for _, want := range []string{"Trinidad and Tobago", "Port of Spain", "Basel Convention", "yes: it coordinates", "Saint Lucia", "UNEP/CHW.16/INF/12"} {
		if !strings.Contains(body, want) {
			t.Errorf("centre page lacks %q", want)
		}
	}
	fetch(t, srv, "/centres/nowhere", http.StatusNotFound)
	// The host's page names the centre.
	if body := text(all(fetch(t, srv, "/countries/TT", http.StatusOK), "main")[0]); !strings.Contains(body, "Hosts the Basel Convention Regional Centre") {
		t.Errorf("Trinidad and Tobago's page does not name the centre it hosts")
	}
	if body := text(all(fetch(t, srv, "/countries/LC", http.StatusOK), "main")[0]); !strings.Contains(body, "Served by the Basel Convention Regional Centre") {
		t.Errorf("Saint Lucia's page does not name the centre serving it")
	}
}
