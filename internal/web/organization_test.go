package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestOrganizationPages: the list filters by kind and words; the IOMC's
// page shows the Minamata COP-6 mandates that name it, by status, and its
// arrangements; a mandate's page links the organizations it asks and
// names; an editor adds and deletes an arrangement of their instrument
// only; only who may edit every instrument changes the record.
func TestOrganizationPages(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, "/organizations?kind=science-policy-panel", 200)
	var names []string
	for _, a := range all(doc, "table.organizations tbody td a") {
		names = append(names, text(a))
	}
	if !strings.Contains(strings.Join(names, "|"), "Intergovernmental Science-Policy Panel on Chemicals, Waste and Pollution") || strings.Contains(strings.Join(names, "|"), "United Nations Environment Programme") {
		t.Errorf("science-policy panels = %q", names)
	}
	doc = fetch(t, srv, "/organizations?q=iomc", 200)
	if rows := all(doc, "table.organizations tbody tr"); len(rows) != 1 || !strings.Contains(text(rows[0]), "IOMC") {
		t.Errorf("organizations?q=iomc = %d rows", len(rows))
	}
	fetch(t, srv, "/organizations?kind=club", 400)
	fetch(t, srv, "/organizations/nobody", 404)

	doc = fetch(t, srv, "/organizations/iomc", 200)
	if h := text(all(doc, "h1")[0]); h != "Inter-Organization Programme for the Sound Management of Chemicals (IOMC)" {
		t.Errorf("h1 = %q", h)
	}
	var minamata []string
	for _, tr := range all(doc, "table.board tbody tr") {
		if s := text(tr); strings.Contains(s, "MC-6") {
			minamata = append(minamata, s)
		}
	}
	if len(minamata) != 2 || !strings.Contains(minamata[0], "Executive Secretary") || !strings.Contains(minamata[1], "close cooperation with the Programme") {
		t.Errorf("IOMC's Minamata mandates = %q", minamata)
	}
	if g := all(doc, "h3 .status"); len(g) != 1 || text(g[0]) != "open" {
		t.Errorf("status groups = %d", len(g))
	}
	if len(all(doc, "form")) != 1 { // the search box only
		t.Errorf("an anonymous reader is offered %d forms", len(all(doc, "form")))
	}

	// The mandate asking the Executive Secretary to join the IOMC links it.
	ms, err := st.OrganizationMandates(context.Background(), "iomc")
	if err != nil {
		t.Fatal(err)
	}
	var join accord.Mandate
	for _, m := range ms {
		if m.Instrument == "minamata" && m.Verb == "request" {
			join = m
		}
	}
	doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", join.ID), 200)
	linked := false
	for _, a := range all(doc, "dd a") {
		linked = linked || attr(a, "href") == "/organizations/iomc"
	}
	if !linked {
		t.Errorf("mandate %d does not link the IOMC", join.ID)
	}
	gef := fetch(t, srv, "/organizations/gef", 200)
	if len(all(gef, "table.board tbody tr")) == 0 {
		t.Error("the GEF's page lists no mandate")
	}
	// An editor of Minamata adds an arrangement, not one of Basel.
	c, csrf := signIn(t, srv, st, "mina", "minamata")
	form := url.Values{"instrument": {"minamata"}, "kind": {"membership"}, "status": {"requested"}, "start": {"2025-11"},
		"evidence": {"UNEP/MC/COP.6/19"}, "mandates": {fmt.Sprint(join.ID)}}
	resp, _ := post(t, c, srv, "/organizations/iomc/arrangements", withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/organizations/iomc#arrangements" {
		t.Fatalf("add arrangement = %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, doc := getWith(t, c, srv, "/organizations/iomc"); !strings.Contains(text(all(doc, "table.arrangements")[0]), "UNEP/MC/COP.6/19") ||
		len(all(doc, "table.arrangements form")) != 1 {
		t.Errorf("the arrangement is not on the page with its delete button")
	}
	form.Set("instrument", "basel")
	if resp, _ := post(t, c, srv, "/organizations/iomc/arrangements", withCSRF(form, csrf), ""); resp.StatusCode != 403 {
		t.Errorf("an arrangement of Basel by an editor of Minamata = %d, want 403", resp.StatusCode)
	}
	form.Set("instrument", "minamata")
	form.Set("start", "2025-13")
	if resp, body := post(t, c, srv, "/organizations/iomc/arrangements", withCSRF(form, csrf), ""); resp.StatusCode != 400 || !strings.Contains(body, "start") {
		t.Errorf("a bad date = %d", resp.StatusCode)
	}
	as, _ := st.Arrangements(context.Background(), accord.ArrangementFilter{Organization: "iomc"})
	if len(as) != 1 || as[0].ChangedBy != "mina" || fmt.Sprint(as[0].Mandates) != fmt.Sprintf("[%d]", join.ID) {
		t.Fatalf("arrangements = %+v", as)
	}
	// The record is every instrument's: an editor of one may not change it.
	if resp, _ := post(t, c, srv, "/organizations/iomc", withCSRF(url.Values{"name": {"X"}, "kind": {"ngo"}}, csrf), ""); resp.StatusCode != 403 {
		t.Errorf("change by an editor of one instrument = %d, want 403", resp.StatusCode)
	}
	resp, _ = post(t, c, srv, fmt.Sprintf("/arrangements/%d/delete", as[0].ID), withCSRF(url.Values{}, csrf), "")
	if resp.StatusCode != 303 {
		t.Errorf("delete = %d", resp.StatusCode)
	}
	if as, _ := st.Arrangements(context.Background(), accord.ArrangementFilter{Organization: "iomc"}); len(as) != 0 {
		t.Errorf("arrangements after delete = %d", len(as))
	}

	// An editor of every instrument changes the record; the registry
	// follows.
	c2, csrf2 := signIn(t, srv, st, "eve")
	change := url.Values{"name": {"Inter-Organization Programme for the Sound Management of Chemicals"}, "acronym": {"IOMC"},
		"aliases": {"Inter-Organisation Programme for the Sound Management of Chemicals\nthe Chemicals Programme\n"}, "kind": {"intergovernmental"},
		"website": {"https://www.who.int/groups/iomc"}, "source": {""}}
	if resp, _ := post(t, c2, srv, "/organizations/iomc", withCSRF(change, csrf2), ""); resp.StatusCode != 303 {
		t.Errorf("change by an editor of every instrument = %d", resp.StatusCode)
	}
	if _, doc := getWith(t, c2, srv, "/organizations/iomc"); !strings.Contains(text(doc), "the Chemicals Programme") || !strings.Contains(text(doc), "changed by eve") {
		t.Errorf("the changed record is not shown: %q", text(doc))
	}
	// The registry the pages read follows: an addressee corrected to the
	// new alias is the IOMC.
	if resp, _ := post(t, c2, srv, fmt.Sprintf("/mandates/%d/correct", join.ID), withCSRF(url.Values{"addressees": {"the Chemicals Programme"}}, csrf2), ""); resp.StatusCode != 303 {
		t.Errorf("correct addressees = %d", resp.StatusCode)
	}
	if m, _ := st.Mandate(context.Background(), join.ID); len(m.Addressees) != 1 || m.Addressees[0].Actor != "iomc" {
		t.Errorf("addressees corrected to the new alias = %+v, want iomc", m.Addressees)
	}
	change.Set("website", "http://insecure.example.org")
	if resp, body := post(t, c2, srv, "/organizations/iomc", withCSRF(change, csrf2), ""); resp.StatusCode != 400 || !strings.Contains(body, "https") {
		t.Errorf("an http website = %d", resp.StatusCode)
	}
}

// TestBrowserOrganization opens the IOMC's page in a browser, at a
// phone's width and a desktop's, from the organizations list, and checks
// what it shows and that it fits.
func TestBrowserOrganization(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	ms, err := st.OrganizationMandates(context.Background(), "iomc")
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates of the IOMC: %d, %v", len(ms), err)
	}
	if _, _, err := st.PutArrangements(context.Background(), "mina", []accord.Arrangement{{Instrument: "minamata", Organization: "iomc",
		Kind: accord.ArrangementMembership, Status: accord.ArrangementRequested, Start: "2025-11", Evidence: "UNEP/MC/COP.6/19", Mandates: []int64{ms[0].ID}}}); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{390, 1280} {
		do(ctx, t, chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+"/organizations?q=chemicals"), chromedp.WaitVisible(css("main h1")),
			chromedp.Click(css(`a[href="/organizations/iomc"]`)), chromedp.WaitVisible(css("#arrangements")), shot(fmt.Sprintf("organization-%d", width)))
		if h := waitText(ctx, t, "main h1", hasPrefix("Inter-Organization")); h != "Inter-Organization Programme for the Sound Management of Chemicals (IOMC)" {
			t.Errorf("%d px: h1 = %q", width, h)
		}
		if s := textOf(ctx, t, "table.board"); !strings.Contains(s, "MC-6") || !strings.Contains(s, "Executive Secretary") {
			t.Errorf("%d px: mandates = %q", width, s)
		}
		if s := textOf(ctx, t, "table.arrangements"); !strings.Contains(s, "membership") || !strings.Contains(s, "requested") {
			t.Errorf("%d px: arrangements = %q", width, s)
		}
		faults, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutFaults))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range faults {
			t.Errorf("%d px: %s", width, f)
		}
	}
}

// TestArrangementForm: an editor changes an arrangement of their
// instrument from its organization's page, naming the mandates that
// asked for it by decision and paragraph; the page names them so; a
// paragraph without a mandate is told on the page, with the form as
// posted, and changes nothing; an editor of another instrument may not.
func TestArrangementForm(t *testing.T) { onBackends(t, testArrangementForm) }

func testArrangementForm(t *testing.T, backend string) {
	srv, st := newSiteOn(t, backend)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Symbol: "MC-6/[--]"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates of MC-6/[--]: %v", err)
	}
	m := ms[len(ms)-1]
	var want []int64
	for _, x := range ms {
		if x.Path == m.Path {
			want = append(want, x.ID)
		}
	}
	as, _, err := st.PutArrangements(ctx, "admin", []accord.Arrangement{{Instrument: "minamata", Organization: "iomc",
		Kind: accord.ArrangementPartnership, Status: accord.ArrangementProposed}})
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	path := fmt.Sprintf("/arrangements/%d", a.ID)
	basel, bcsrf := signIn(t, srv, st, "basil", "basel")
	c, csrf := signIn(t, srv, st, "mina", "minamata")
	form := url.Values{"instrument": {"minamata"}, "kind": {"partnership"}, "status": {"in-force"}, "start": {"2025"},
		"mandates": {"MC-6/[--] ¶ " + m.Path}}
	refusedForm(t, basel, srv, st, path, withCSRF(form, bcsrf), 403, "Minamata Convention")
	if resp, _ := getWith(t, basel, srv, "/organizations/iomc?arrangement="+fmt.Sprint(a.ID)); resp.StatusCode != 403 {
		t.Errorf("the form of a Minamata arrangement for a Basel editor = %d, want 403", resp.StatusCode)
	}
	if resp, _ := getWith(t, c, srv, "/organizations/unep?arrangement="+fmt.Sprint(a.ID)); resp.StatusCode != 404 {
		t.Errorf("IOMC's arrangement on UNEP's page = %d, want 404", resp.StatusCode)
	}
	bad := withField(form, csrf, "mandates", "MC-6/[--] ¶ 999")
	refusedForm(t, c, srv, st, path, bad, 400, "decision MC-6/[--] has no mandate at ¶ 999")
	_, body := post(t, c, srv, path, bad, "")
	if !strings.Contains(body, `value="MC-6/[--] ¶ 999"`) || !strings.Contains(body, fmt.Sprintf(`action="/arrangements/%d"`, a.ID)) {
		t.Errorf("the refused form is not given back as posted: %.2000s", body)
	}
	resp, body := post(t, c, srv, path, withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/organizations/iomc#arrangements" {
		t.Fatalf("changing the arrangement = %d to %s: %.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	got, _ := st.Arrangement(ctx, a.ID)
	if got.Status != accord.ArrangementInForce || got.Start != "2025" || !slices.Equal(got.Mandates, want) {
		t.Errorf("the arrangement after the change = %+v, want in force from 2025 asked by %v", got, want)
	}
	if log, _ := st.AuditLog(ctx, 1); log[0].Action != "update arrangement" || log[0].Who != "mina" {
		t.Errorf("audit = %+v", log[0])
	}
	// The page names the mandates by decision and paragraph, and the
	// change link fills the form so.
	_, doc := getWith(t, c, srv, "/organizations/iomc")
	if cell := text(all(doc, "table.arrangements")[0]); !strings.Contains(cell, "MC-6/[--] ¶ "+m.Path) {
		t.Errorf("arrangements = %q, want the mandate named MC-6/[--] ¶ %s", cell, m.Path)
	}
	_, doc = getWith(t, c, srv, "/organizations/iomc?arrangement="+fmt.Sprint(a.ID))
	if v := formValue(doc, "form.arrangement", "mandates"); v != "MC-6/[--] ¶ "+m.Path {
		t.Errorf("the arrangement form's mandates = %q", v)
	}
	// The list of arrangements filters by instrument and status.
	rows := all(fetch(t, srv, "/arrangements?instrument=Minamata+Convention&status=granted", http.StatusOK), "table.arrangements tbody tr")
	if len(rows) != 1 || !strings.Contains(text(rows[0]), "IOMC") || !strings.Contains(text(rows[0]), "MC-6/[--] ¶ "+m.Path) {
		t.Errorf("/arrangements of Minamata in force = %d rows, want the IOMC's with its mandate", len(rows))
	}
	for _, q := range []string{"?status=ended", "?instrument=basel", "?organization=unep"} {
		if rows := all(fetch(t, srv, "/arrangements"+q, http.StatusOK), "table.arrangements tbody tr td a"); len(rows) != 0 {
			t.Errorf("/arrangements%s lists %d links, want none", q, len(rows))
		}
	}
	fetch(t, srv, "/arrangements?status=friendly", http.StatusBadRequest)
}

// TestOrganizationAddDelete: an editor of every instrument adds an
// organization from the list and deletes it from its page; an editor of
// one instrument may not; an id stored already and a bad kind are
// refused and change nothing.
func TestOrganizationAddDelete(t *testing.T) { onBackends(t, testOrganizationAddDelete) }

func testOrganizationAddDelete(t *testing.T, backend string) {
	srv, st := newSiteOn(t, backend)
	ctx := context.Background()
	form := url.Values{"id": {"saicm-ngo"}, "name": {"Chemicals Policy Network"}, "acronym": {"CPN"}, "kind": {"ngo"},
		"aliases": {"the Network\r\n"}, "website": {"https://cpn.example.org/"}}
	one, ocsrf := signIn(t, srv, st, "mina", "minamata")
	if _, doc := getWith(t, one, srv, "/organizations"); len(all(doc, "details#add-organization")) != 0 {
		t.Error("an editor of one instrument is offered the form that adds an organization")
	}
	refusedForm(t, one, srv, st, "/organizations", withCSRF(form, ocsrf), 403, "shared by every instrument")
	c, csrf := signIn(t, srv, st, "ada")
	badKind := withField(form, csrf, "kind", "club")
	refusedForm(t, c, srv, st, "/organizations", badKind, 400, "kind")
	taken := withField(form, csrf, "id", "iomc")
	refusedForm(t, c, srv, st, "/organizations", taken, 409, "stored already")
	resp, body := post(t, c, srv, "/organizations", withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/organizations/saicm-ngo" {
		t.Fatalf("adding an organization = %d to %s: %.400s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if o, err := st.Organization(ctx, "saicm-ngo"); err != nil || o.Acronym != "CPN" || !slices.Equal(o.Aliases, []string{"the Network"}) {
		t.Errorf("the organization added = %+v, %v", o, err)
	}
	refusedForm(t, one, srv, st, "/organizations/saicm-ngo/delete", withCSRF(url.Values{}, ocsrf), 403, "shared by every instrument")
	if resp, _ := post(t, c, srv, "/organizations/saicm-ngo/delete", withCSRF(url.Values{}, csrf), ""); resp.StatusCode != 303 {
		t.Errorf("deleting the organization = %d", resp.StatusCode)
	}
	if _, err := st.Organization(ctx, "saicm-ngo"); err == nil {
		t.Error("the organization is still stored")
	}
	if actions, want := auditActions(t, st, "organization saicm-ngo"), []string{"ada delete organization", "ada add organization"}; !slices.Equal(actions, want) {
		t.Errorf("audit of the organization = %q, want %q", actions, want)
	}
}
