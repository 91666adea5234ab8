package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

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

// TestCountryForms: an editor adds, and deletes, focal points and records
// memberships of their instruments from a country's page; other
// instruments' are refused, bad input is told on the page and stores
// nothing, an admin publishes contact details; every change is audited.
func TestCountryForms(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	c, csrf := signIn(t, srv, st, "jane", "minamata")
	fp := url.Values{"instrument": {"minamata"}, "role": {"national-focal-point"}, "name": {"Wanjiru Kamau"}, "email": {"nfp@environment.example.org"}}
	resp, body := post(t, c, srv, "/countries/KE/focal-points", withCSRF(fp, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/countries/KE#focal-points" {
		t.Fatalf("adding a focal point = %d to %s: %.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE"})
	if len(fps) != 1 || fps[0].UpdatedBy != "jane" || fps[0].Email != "nfp@environment.example.org" {
		t.Fatalf("focal points = %+v", fps)
	}
	// The page offers the signed-in editor the delete button of it.
	_, doc := getWith(t, c, srv, "/countries/KE")
	if len(all(doc, "table.focal-points form.inline")) != 1 {
		t.Error("the editor is offered no delete button")
	}
	other := withCSRF(url.Values{"instrument": {"basel"}, "role": {"competent-authority"}, "name": {"X"}}, csrf)
	if resp, _ := post(t, c, srv, "/countries/KE/focal-points", other, ""); resp.StatusCode != 403 {
		t.Errorf("a Minamata editor adding a Basel focal point = %d, want 403", resp.StatusCode)
	}
	bad := withCSRF(url.Values{"instrument": {"minamata"}, "role": {"national-focal-point"}, "name": {"Other"}, "email": {"not-an-address"}}, csrf)
	resp, body = post(t, c, srv, "/countries/KE/focal-points", bad, "")
	if resp.StatusCode != 400 || !strings.Contains(body, "email: &#34;not-an-address&#34; is not an e-mail address") {
		t.Errorf("a bad e-mail address = %d %.400s", resp.StatusCode, body)
	}
	if fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE"}); len(fps) != 1 {
		t.Errorf("a refused form stored a focal point: %d", len(fps))
	}
	m := withCSRF(url.Values{"instrument": {"minamata"}, "consent": {"ratification"}, "consent_date": {"2021-03-01"}}, csrf)
	if resp, body := post(t, c, srv, "/countries/KE/memberships", m, ""); resp.StatusCode != 303 {
		t.Errorf("recording a membership = %d %.300s", resp.StatusCode, body)
	}
	if ms, _ := st.Memberships(ctx, "KE"); len(ms) != 1 || ms[0].Consent != accord.Ratification {
		t.Errorf("memberships = %+v", ms)
	}
	if resp, _ := post(t, c, srv, "/countries/KE/contacts", withCSRF(url.Values{"instrument": {"minamata"}, "published": {"yes"}}, csrf), ""); resp.StatusCode != 403 {
		t.Errorf("an editor publishing contacts = %d, want 403", resp.StatusCode)
	}
	del := withCSRF(url.Values{"id": {fmt.Sprint(fps[0].ID)}}, csrf)
	if resp, _ := post(t, c, srv, "/countries/KE/focal-points/delete", withCSRF(url.Values{"id": {fmt.Sprint(fps[0].ID)}}, "stale"), ""); resp.StatusCode != 403 {
		t.Errorf("a delete without the session's token = %d, want 403", resp.StatusCode)
	}
	if resp, _ := post(t, c, srv, "/countries/TZ/focal-points/delete", del, ""); resp.StatusCode != 404 {
		t.Errorf("deleting Kenya's focal point from Tanzania's page = %d, want 404", resp.StatusCode)
	}
	if resp, _ := post(t, c, srv, "/countries/KE/focal-points/delete", del, ""); resp.StatusCode != 303 {
		t.Errorf("deleting = %d", resp.StatusCode)
	}
	if fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE"}); len(fps) != 0 {
		t.Errorf("after the deletion %d focal points", len(fps))
	}
	log, _ := st.AuditLog(ctx, 3)
	if len(log) != 3 || log[0].Action != "delete focal point" || log[1].Action != "add membership" || log[2].Action != "add focal point" {
		t.Errorf("audit = %+v", log)
	}
	if resp, _ := post(t, client(t), srv, "/countries/KE/focal-points", fp, ""); !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("an anonymous form went to %q, want the sign-in page", resp.Header.Get("Location"))
	}
}

// TestCentreForm: an editor of the Basel Convention marks a Basel centre
// a focal centre and lists its reports; a Stockholm editor may not; a bad
// line is told on the page and changes nothing.
func TestCentreForm(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	pops, popsCSRF := signIn(t, srv, st, "pops", "stockholm")
	form := url.Values{"focal_centre": {"yes"}, "documents": {"work programme: UNEP/CHW.16/INF/12\r\nreport: https://www.basel.int/report.pdf\r\n"}}
	if resp, _ := post(t, pops, srv, "/centres/bcrc-caribbean", withCSRF(form, popsCSRF), ""); resp.StatusCode != 403 {
		t.Errorf("a Stockholm editor changing a Basel centre = %d, want 403", resp.StatusCode)
	}
	c, csrf := signIn(t, srv, st, "jane", "basel")
	_, doc := getWith(t, c, srv, "/centres/bcrc-caribbean")
	if len(all(doc, "form.centre")) != 1 {
		t.Fatal("the Basel editor is offered no form")
	}
	bad := url.Values{"focal_centre": {"yes"}, "documents": {"UNEP/CHW.16/INF/12"}}
	if resp, body := post(t, c, srv, "/centres/bcrc-caribbean", withCSRF(bad, csrf), ""); resp.StatusCode != 400 || !strings.Contains(body, "want KIND: SYMBOL") {
		t.Errorf("a document without its kind = %d %.300s", resp.StatusCode, body)
	}
	if ce, _ := st.Centre(ctx, "bcrc-caribbean"); ce.FocalCentre {
		t.Error("a refused form changed the centre")
	}
	if resp, body := post(t, c, srv, "/centres/bcrc-caribbean", withCSRF(form, csrf), ""); resp.StatusCode != 303 {
		t.Fatalf("saving = %d %.300s", resp.StatusCode, body)
	}
	ce, _ := st.Centre(ctx, "bcrc-caribbean")
	if !ce.FocalCentre || len(ce.Documents) != 2 || ce.Documents[1].Ref != "https://www.basel.int/report.pdf" || ce.UpdatedBy != "jane" {
		t.Errorf("centre after the form = %+v", ce)
	}
	// The centre's documents link to their pages, an address to itself.
	var hrefs []string
	for _, a := range all(fetch(t, srv, "/centres/bcrc-caribbean", http.StatusOK), "ul.documents a") {
		hrefs = append(hrefs, attr(a, "href"))
	}
	if want := []string{"/documents/UNEP/CHW.16/INF/12", "https://www.basel.int/report.pdf"}; !slices.Equal(hrefs, want) {
		t.Errorf("the centre's documents link to %q, want %q", hrefs, want)
	}
	fetch(t, srv, hrefs[0], http.StatusOK)
	body := text(all(fetch(t, srv, "/centres", http.StatusOK), "table.centres")[0])
	if !strings.Contains(body, "Caribbean focal centre") {
		t.Errorf("the list does not flag the focal centre: %.300s", body)
	}
}

// auditLen is how many entries the audit log holds: a refused form adds
// none.
func auditLen(t *testing.T, st accord.Store) int {
	t.Helper()
	log, err := st.AuditLog(context.Background(), 10000)
	if err != nil {
		t.Fatal(err)
	}
	return len(log)
}

// refusedForm posts a form that must be refused with status want, the
// page naming mention, and change nothing.
func refusedForm(t *testing.T, c *http.Client, srv *httptest.Server, st accord.Store, path string, form url.Values, want int, mention string) {
	t.Helper()
	before := auditLen(t, st)
	resp, body := post(t, c, srv, path, form, "")
	if resp.StatusCode != want || !strings.Contains(body, mention) {
		t.Errorf("POST %s %v = %d, want %d naming %q: %.600s", path, form, resp.StatusCode, want, mention, body)
	}
	if after := auditLen(t, st); after != before {
		t.Errorf("POST %s, refused, wrote %d audit entries", path, after-before)
	}
}

// formValue is the value of the field name of the form sel of doc.
func formValue(doc *html.Node, sel, name string) string {
	for _, f := range all(doc, sel) {
		for _, in := range append(all(f, "input"), all(f, "textarea")...) {
			if attr(in, "name") == name {
				if in.Data == "textarea" {
					return text(in)
				}
				return attr(in, "value")
			}
		}
	}
	return ""
}

// withField is form with the session's token csrf and field set to value.
func withField(form url.Values, csrf, field, value string) url.Values {
	out := withCSRF(form, csrf)
	out[field] = []string{value}
	return out
}

// auditActions lists who did what to target, newest first, from the
// audit log.
func auditActions(t *testing.T, st accord.Store, target string) []string {
	t.Helper()
	log, err := st.AuditLog(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		if e.Target == target {
			actions = append(actions, e.Who+" "+e.Action)
		}
	}
	return actions
}

// TestCountryRecordForms: from a country's page an editor changes a
// focal point (its name too) and a membership, and deletes a membership,
// of their instruments; an editor of every instrument a national
// coordination names adds, changes and deletes it. Others are refused,
// bad input is told on the page, and neither changes anything; every
// change is audited.
func TestCountryRecordForms(t *testing.T) { onBackends(t, testCountryRecordForms) }

func testCountryRecordForms(t *testing.T, backend string) {
	srv, st := newSiteOn(t, backend)
	ctx := context.Background()
	addKenya(t, st)
	jane, csrf := signIn(t, srv, st, "jane", "minamata")
	fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE"})
	var mcFP, cpFP accord.FocalPoint
	for _, f := range fps {
		if f.Instrument == "minamata" {
			mcFP = f
		} else {
			cpFP = f
		}
	}
	ms, _ := st.Memberships(ctx, "KE")
	var mcM, cpM accord.Membership
	for _, m := range ms {
		switch m.Instrument {
		case "minamata":
			mcM = m
		case "cartagena":
			cpM = m
		}
	}

	// The page offers the Minamata editor a change link for the
	// Minamata records only.
	_, doc := getWith(t, jane, srv, "/countries/KE")
	var hrefs []string
	for _, a := range all(doc, "span.record-actions a") {
		hrefs = append(hrefs, attr(a, "href"))
	}
	want := []string{fmt.Sprintf("/countries/KE?membership=%d#membership-form", mcM.ID), fmt.Sprintf("/countries/KE?focal-point=%d#focal-form", mcFP.ID)}
	if !slices.Equal(hrefs, want) {
		t.Errorf("change links = %q, want %q", hrefs, want)
	}
	// A change link fills the form with the record.
	_, doc = getWith(t, jane, srv, fmt.Sprintf("/countries/KE?focal-point=%d", mcFP.ID))
	if f := all(doc, "form#focal-form"); len(f) != 1 || attr(f[0], "action") != "/countries/KE/focal-points/edit" ||
		formValue(doc, "form#focal-form", "name") != "Wanjiru Kamau" || formValue(doc, "form#focal-form", "id") != fmt.Sprint(mcFP.ID) {
		t.Errorf("the focal point's form is not filled with it")
	}
	_, doc = getWith(t, jane, srv, fmt.Sprintf("/countries/KE?membership=%d", mcM.ID))
	if formValue(doc, "form#membership-form", "consent_date") != "2021-03-01" {
		t.Errorf("the membership's form is not filled with it")
	}
	if resp, _ := getWith(t, jane, srv, fmt.Sprintf("/countries/KE?focal-point=%d", cpFP.ID)); resp.StatusCode != 403 {
		t.Errorf("the form of a Cartagena focal point for a Minamata editor = %d, want 403", resp.StatusCode)
	}
	if resp, _ := getWith(t, client(t), srv, fmt.Sprintf("/countries/KE?focal-point=%d", mcFP.ID)); resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("the form of a focal point for an anonymous reader = %d to %s, want the sign-in page", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := getWith(t, jane, srv, fmt.Sprintf("/countries/TZ?focal-point=%d", mcFP.ID)); resp.StatusCode != 404 {
		t.Errorf("Kenya's focal point on Tanzania's page = %d, want 404", resp.StatusCode)
	}

	// Changing a focal point, its name among its fields.
	edit := url.Values{"id": {fmt.Sprint(mcFP.ID)}, "instrument": {"minamata"}, "role": {"national-focal-point"},
		"name": {"Wanjiru Kamau-Otieno"}, "email": {"focal@environment.example.org"}}
	refusedForm(t, jane, srv, st, "/countries/KE/focal-points/edit", withCSRF(edit, "stale"), 403, "stale")
	refusedForm(t, client(t), srv, st, "/countries/KE/focal-points/edit", edit, 303, "") // to the sign-in page
	bad := withField(edit, csrf, "email", "not-an-address")
	refusedForm(t, jane, srv, st, "/countries/KE/focal-points/edit", bad, 400, "email: &#34;not-an-address&#34; is not an e-mail address")
	moved := withField(edit, csrf, "instrument", "cartagena")
	refusedForm(t, jane, srv, st, "/countries/KE/focal-points/edit", moved, 403, "Cartagena Protocol")
	other := withCSRF(edit, csrf)
	other.Set("id", fmt.Sprint(cpFP.ID))
	refusedForm(t, jane, srv, st, "/countries/KE/focal-points/edit", other, 403, "Cartagena Protocol")
	refusedForm(t, jane, srv, st, "/countries/TZ/focal-points/edit", withCSRF(edit, csrf), 404, "Not found")
	resp, body := post(t, jane, srv, "/countries/KE/focal-points/edit", withCSRF(edit, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/countries/KE#focal-points" {
		t.Fatalf("changing the focal point = %d to %s: %.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if f, err := st.FocalPoint(ctx, mcFP.ID); err != nil || f.Name != "Wanjiru Kamau-Otieno" || f.Email != "focal@environment.example.org" || f.UpdatedBy != "jane" {
		t.Errorf("the focal point after the change = %+v, %v", f, err)
	}
	if log, _ := st.AuditLog(ctx, 1); log[0].Action != "update focal point" || log[0].Who != "jane" || !strings.Contains(log[0].Before, "Wanjiru Kamau\"") {
		t.Errorf("audit = %+v", log[0])
	}

	// Deleting a membership.
	refusedForm(t, jane, srv, st, "/countries/KE/memberships/delete", withCSRF(url.Values{"id": {fmt.Sprint(cpM.ID)}}, csrf), 403, "Cartagena Protocol")
	refusedForm(t, jane, srv, st, "/countries/KE/memberships/delete", withCSRF(url.Values{"id": {"x"}}, csrf), 400, "want the number of a record")
	refusedForm(t, jane, srv, st, "/countries/TZ/memberships/delete", withCSRF(url.Values{"id": {fmt.Sprint(mcM.ID)}}, csrf), 404, "Not found")
	resp, _ = post(t, jane, srv, "/countries/KE/memberships/delete", withCSRF(url.Values{"id": {fmt.Sprint(mcM.ID)}}, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/countries/KE#memberships" {
		t.Errorf("deleting the membership = %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := st.Membership(ctx, mcM.ID); err == nil {
		t.Error("the membership is still stored")
	}
	if log, _ := st.AuditLog(ctx, 1); log[0].Action != "delete membership" || log[0].Who != "jane" {
		t.Errorf("audit = %+v", log[0])
	}

	// National coordination: the Minamata editor may not change one of
	// four instruments; an editor of the four may.
	cs, _ := st.Coordinations(ctx, "KE")
	co := cs[0]
	coEdit := url.Values{"id": {fmt.Sprint(co.ID)}, "institution": {"Chemicals and Waste Unit"}, "instruments": {"basel", "rotterdam", "stockholm"}}
	refusedForm(t, jane, srv, st, "/countries/KE/coordinations/edit", withCSRF(coEdit, csrf), 403, "Basel Convention")
	refusedForm(t, jane, srv, st, "/countries/KE/coordinations/delete", withCSRF(url.Values{"id": {fmt.Sprint(co.ID)}}, csrf), 403, "Basel Convention")
	all4, csrf4 := signIn(t, srv, st, "amina", "basel", "rotterdam", "stockholm", "minamata")
	_, doc = getWith(t, all4, srv, fmt.Sprintf("/countries/KE?coordination=%d", co.ID))
	var checked []string
	for _, in := range all(doc, "form#coordination-form input") {
		if attr(in, "name") == "instruments" && slices.ContainsFunc(in.Attr, func(a html.Attribute) bool { return a.Key == "checked" }) {
			checked = append(checked, attr(in, "value"))
		}
	}
	if formValue(doc, "form#coordination-form", "institution") != co.Institution || len(checked) != 4 {
		t.Errorf("the coordination's form holds %q and %q checked, want it filled", formValue(doc, "form#coordination-form", "institution"), checked)
	}
	noIns := withCSRF(coEdit, csrf4)
	noIns.Del("instruments")
	refusedForm(t, all4, srv, st, "/countries/KE/coordinations/edit", noIns, 400, "instruments: empty")
	refusedForm(t, all4, srv, st, "/countries/KE/coordinations", withCSRF(url.Values{"institution": {"Ozone Unit"}}, csrf4), 400, "instruments: empty")
	resp, body = post(t, all4, srv, "/countries/KE/coordinations/edit", withCSRF(coEdit, csrf4), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/countries/KE#coordination" {
		t.Fatalf("changing the coordination = %d to %s: %.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if got, err := st.Coordination(ctx, co.ID); err != nil || got.Institution != "Chemicals and Waste Unit" || !slices.Equal(got.Instruments, []string{"basel", "rotterdam", "stockholm"}) {
		t.Errorf("the coordination after the change = %+v, %v", got, err)
	}
	add := withCSRF(url.Values{"institution": {"Ozone Unit"}, "instruments": {"minamata", "basel"}, "mechanism": {"national ozone office"}}, csrf4)
	if resp, body := post(t, all4, srv, "/countries/KE/coordinations", add, ""); resp.StatusCode != 303 {
		t.Errorf("adding a coordination = %d %.300s", resp.StatusCode, body)
	}
	if cs, _ := st.Coordinations(ctx, "KE"); len(cs) != 2 {
		t.Errorf("coordinations after adding one = %+v", cs)
	}
	if resp, _ := post(t, all4, srv, "/countries/KE/coordinations/delete", withCSRF(url.Values{"id": {fmt.Sprint(co.ID)}}, csrf4), ""); resp.StatusCode != 303 {
		t.Errorf("deleting the coordination = %d", resp.StatusCode)
	}
	log, _ := st.AuditLog(ctx, 3)
	if len(log) != 3 || log[0].Action != "delete coordination" || log[1].Action != "add coordination" || log[2].Action != "update coordination" || log[0].Who != "amina" {
		t.Errorf("audit = %+v", log)
	}
}

// TestCentreRecordForms: an editor of a convention adds a centre of it
// from the list, corrects its record on its page and deletes it; an id
// stored already, a bad country and another convention's centre are
// refused and change nothing.
func TestCentreRecordForms(t *testing.T) { onBackends(t, testCentreRecordForms) }

func testCentreRecordForms(t *testing.T, backend string) {
	srv, st := newSiteOn(t, backend)
	ctx := context.Background()
	if doc := fetch(t, srv, "/centres", http.StatusOK); len(all(doc, "details#add-centre")) != 0 {
		t.Error("an anonymous reader is offered the form that adds a centre")
	}
	c, csrf := signIn(t, srv, st, "pops", "stockholm")
	form := url.Values{"id": {"scrc-atlantis"}, "name": {"Stockholm Convention Regional Centre for Atlantis"}, "host_country": {"pt"},
		"city": {"Lisbon"}, "conventions": {"stockholm"}, "countries_served": {"PT, ES CV"}, "focal_centre": {"no"},
		"documents": {"report: UNEP/POPS/COP.12/INF/9"}, "source": {"https://www.pops.int/"}}
	basel := withField(form, csrf, "conventions", "basel")
	refusedForm(t, c, srv, st, "/centres", basel, 403, "Basel Convention")
	bad := withField(form, csrf, "countries_served", "PT XX")
	refusedForm(t, c, srv, st, "/centres", bad, 400, "countries_served")
	taken := withField(form, csrf, "id", "bcrc-caribbean")
	taken.Set("conventions", "stockholm")
	refusedForm(t, c, srv, st, "/centres", taken, 409, "stored already")
	resp, body := post(t, c, srv, "/centres", withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/centres/scrc-atlantis" {
		t.Fatalf("adding a centre = %d to %s: %.400s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	ce, err := st.Centre(ctx, "scrc-atlantis")
	if err != nil || ce.HostCountry != "PT" || !slices.Equal(ce.CountriesServed, []string{"PT", "ES", "CV"}) || len(ce.Documents) != 1 || ce.UpdatedBy != "pops" {
		t.Errorf("the centre added = %+v, %v", ce, err)
	}
	// Its page's form holds it whole; a correction keeps the rest.
	_, doc := getWith(t, c, srv, "/centres/scrc-atlantis")
	if formValue(doc, "form.centre", "name") != ce.Name || formValue(doc, "form.centre", "countries_served") != "PT ES CV" {
		t.Errorf("the centre's form does not hold it")
	}
	fix := withField(form, csrf, "city", "Porto")
	fix.Set("closed", "2030-01-01")
	if resp, body := post(t, c, srv, "/centres/scrc-atlantis", fix, ""); resp.StatusCode != 303 {
		t.Fatalf("correcting the centre = %d %.300s", resp.StatusCode, body)
	}
	if ce, _ := st.Centre(ctx, "scrc-atlantis"); ce.City != "Porto" || ce.Closed != "2030-01-01" || len(ce.CountriesServed) != 3 {
		t.Errorf("the centre corrected = %+v", ce)
	}
	none := withCSRF(form, csrf)
	none.Del("conventions")
	refusedForm(t, c, srv, st, "/centres/scrc-atlantis", none, 400, "conventions")
	b, bcsrf := signIn(t, srv, st, "basil", "basel")
	refusedForm(t, b, srv, st, "/centres/scrc-atlantis/delete", withCSRF(url.Values{}, bcsrf), 403, "Stockholm Convention")
	if resp, _ := post(t, c, srv, "/centres/scrc-atlantis/delete", withCSRF(url.Values{}, csrf), ""); resp.StatusCode != 303 || resp.Header.Get("Location") != "/centres" {
		t.Errorf("deleting the centre = %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := st.Centre(ctx, "scrc-atlantis"); err == nil {
		t.Error("the centre is still stored")
	}
	if actions, want := auditActions(t, st, "centre scrc-atlantis"), []string{"pops delete centre", "pops update centre", "pops add centre"}; !slices.Equal(actions, want) {
		t.Errorf("audit of the centre = %q, want %q", actions, want)
	}
}

// TestCentresFilter: the list of centres filters by convention and by a
// country that hosts a centre or is served by it, as people type it.
func TestCentresFilter(t *testing.T) {
	srv, st := newSite(t)
	cs, err := st.Centres(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		f     accord.CentreFilter
	}{
		{"?convention=stockholm", accord.CentreFilter{Convention: "stockholm"}},
		{"?country=Trinidad+and+Tobago", accord.CentreFilter{Country: "TT"}},
		{"?convention=basel&country=lc", accord.CentreFilter{Convention: "basel", Country: "LC"}},
	} {
		want := 0
		for _, c := range cs {
			if tt.f.Match(c) {
				want++
			}
		}
		rows := all(fetch(t, srv, "/centres"+tt.query, http.StatusOK), "table.centres tbody tr")
		if want == 0 || want == len(cs) || len(rows) != want {
			t.Errorf("/centres%s lists %d centres, want %d of %d", tt.query, len(rows), want, len(cs))
		}
	}
	fetch(t, srv, "/centres?convention=ramsar", http.StatusBadRequest)
	fetch(t, srv, "/centres?country=Atlantis", http.StatusBadRequest)
}

// TestFocalPointsList: the list of focal points filters by instrument,
// role and country, and withholds names and contacts from anonymous
// readers as the country's page does.
func TestFocalPointsList(t *testing.T) {
	srv, st := newSite(t)
	addKenya(t, st)
	rows := all(fetch(t, srv, "/focal-points?instrument=Minamata+Convention&role=NFP&country=Kenya", http.StatusOK), "table.focal-points tbody tr")
	if len(rows) != 1 || !strings.Contains(text(rows[0]), "Ministry of Environment") || strings.Contains(text(rows[0]), "Wanjiru") {
		t.Errorf("Kenya's Minamata focal point, anonymous = %d rows: %v", len(rows), rows)
	}
	c, _ := signIn(t, srv, st, "jane", "minamata")
	_, doc := getWith(t, c, srv, "/focal-points?country=KE")
	if list := text(all(doc, "table.focal-points")[0]); !strings.Contains(list, "Wanjiru Kamau") || !strings.Contains(list, "National Biosafety Authority") {
		t.Errorf("Kenya's focal points, signed in = %q", list)
	}
	if rows := all(fetch(t, srv, "/focal-points?instrument=basel", http.StatusOK), "table.focal-points tbody tr td a"); len(rows) != 0 {
		t.Errorf("Basel focal points = %d links, want none", len(rows))
	}
	for _, q := range []string{"?role=ambassador", "?instrument=atlantis", "?country=XX"} {
		fetch(t, srv, "/focal-points"+q, http.StatusBadRequest)
	}
}
