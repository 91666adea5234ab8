package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
)

// signInRole signs in a new account of role and returns its client and
// the token its forms carry.
func signInRole(t *testing.T, srv *httptest.Server, st accord.Store, name string, role accord.Role, insts ...string) (*http.Client, string) {
	t.Helper()
	c := client(t)
	if resp, _ := signInWith(t, c, srv, addUser(t, st, name, role, insts...), ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in %s = %d", name, resp.StatusCode)
	}
	_, doc := getWith(t, c, srv, "/upload")
	for _, in := range all(doc, "form.upload input") {
		if attr(in, "name") == "csrf" {
			return c, attr(in, "value")
		}
	}
	t.Fatalf("no form token for %s", name)
	return nil, ""
}

// TestInstrumentPages: the list and an instrument's page show parents,
// Protocols, joint instruments, bodies and counts; only admins add and
// change instruments, editors of an instrument (and of those a joint one
// groups) its bodies; an instrument added is named on decision pages and
// filters at once, and renamed at once.
func TestInstrumentPages(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	doc := fetch(t, srv, "/instruments", 200)
	rows := map[string]string{}
	for _, tr := range all(doc, "table.instruments tbody tr") {
		cells := all(tr, "td")
		rows[text(cells[0])] = text(tr)
	}
	if !strings.Contains(rows["Cartagena Protocol"], "CBD") || !strings.Contains(rows["BRS conventions"], "Basel Convention, Rotterdam Convention, Stockholm Convention") {
		t.Errorf("instruments: Cartagena %q, BRS %q", rows["Cartagena Protocol"], rows["BRS conventions"])
	}
	if !strings.Contains(rows["Minamata Convention"], "COP") || strings.Contains(rows["Minamata Convention"], "Minamata Convention 0 0") {
		t.Errorf("Minamata's row %q: want its governing body and the sample's decisions counted", rows["Minamata Convention"])
	}
	if len(all(doc, "form")) != 1 {
		t.Errorf("an anonymous reader is offered %d forms on /instruments", len(all(doc, "form")))
	}
	linked := false
	for _, a := range all(fetch(t, srv, "/registry", 200), "dl.registry a") {
		linked = linked || attr(a, "href") == "/instruments"
	}
	if !linked {
		t.Error("/registry does not link /instruments")
	}
	doc = fetch(t, srv, "/instruments/cbd", 200)
	var under []string
	for _, a := range all(doc, "dd a") {
		under = append(under, attr(a, "href"))
	}
	if s := strings.Join(under, " "); !strings.Contains(s, "/instruments/cartagena") || !strings.Contains(s, "/instruments/nagoya") {
		t.Errorf("cbd's page links %q, want its Protocols", under)
	}
	if b := all(doc, "table.bodies tbody tr"); len(b) == 0 || !strings.Contains(text(b[0]), "COP") {
		t.Errorf("cbd's bodies: %d rows", len(b))
	}
	if s := text(fetch(t, srv, "/instruments/basel", 200)); !strings.Contains(s, "Decides jointly as") || !strings.Contains(s, "BRS conventions") {
		t.Errorf("basel's page does not name brs")
	}
	fetch(t, srv, "/instruments/nowhere", 404)

	add := url.Values{"id": {"web-conv"}, "short": {"Web Convention"}, "name": {"Convention on the Web"}, "bodies": {"COP, ExCOP"},
		"website": {"https://web.example/"}, "source": {"https://web.example/text"}}
	ed, edCSRF := signInRole(t, srv, st, "bea", accord.RoleEditor, "basel")
	if resp, _ := post(t, ed, srv, "/instruments", withCSRF(add, edCSRF), ""); resp.StatusCode != 403 {
		t.Errorf("an instrument added by an editor = %d, want 403", resp.StatusCode)
	}
	if resp, _ := post(t, ed, srv, "/instruments/basel", withCSRF(url.Values{"short": {"Basel"}, "name": {"Basel"}, "source": {"https://x.example"}}, edCSRF), ""); resp.StatusCode != 403 {
		t.Errorf("basel changed by its editor = %d, want 403", resp.StatusCode)
	}
	if resp, _ := post(t, client(t), srv, "/instruments", add, ""); resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("an instrument added anonymously = %d to %q, want sent to sign in", resp.StatusCode, resp.Header.Get("Location"))
	}
	if accord.InstrumentName("basel") != "Basel Convention" {
		t.Errorf("a refused change renamed basel %q", accord.InstrumentName("basel"))
	}
	if ins, _ := st.Instruments(ctx); len(ins) != len(rows) {
		t.Errorf("after refused forms, %d instruments stored, want %d", len(ins), len(rows))
	}
	// An editor of basel adds a body of brs, not of minamata.
	body := url.Values{"code": {"ExCOPs"}, "name": {"Extraordinary meetings of the conferences of the Parties"}, "kind": {"governing"}, "source": {"https://www.brsmeas.org/"}}
	if resp, _ := post(t, ed, srv, "/instruments/brs/bodies", withCSRF(body, edCSRF), ""); resp.StatusCode != 303 {
		t.Errorf("a body of brs by an editor of basel = %d, want 303", resp.StatusCode)
	}
	if resp, _ := post(t, ed, srv, "/instruments/minamata/bodies", withCSRF(body, edCSRF), ""); resp.StatusCode != 403 {
		t.Errorf("a body of minamata by an editor of basel = %d, want 403", resp.StatusCode)
	}
	if bs, _ := st.Bodies(ctx, "brs"); len(bs) != 1 || bs[0].ChangedBy != "bea" {
		t.Errorf("bodies of brs = %+v, want the one bea added", bs)
	}
	if bs, _ := st.Bodies(ctx, "minamata"); hasBodyCode(bs, "ExCOPs") {
		t.Error("a refused body was stored under minamata")
	}

	admin, csrf := signInRole(t, srv, st, "ada", accord.RoleAdmin)
	if _, doc := getWith(t, admin, srv, "/instruments"); len(all(doc, "form.change")) != 1 {
		t.Error("an admin is offered no form to add an instrument")
	}
	bad := url.Values{}
	for k, v := range add {
		bad[k] = v
	}
	bad.Set("parent", "nowhere")
	if resp, b := post(t, admin, srv, "/instruments", withCSRF(bad, csrf), ""); resp.StatusCode != 400 || !strings.Contains(b, "parent") || !strings.Contains(b, `value="Web Convention"`) {
		t.Errorf("an instrument with an unknown parent = %d, want 400 naming parent and keeping the entry", resp.StatusCode)
	}
	resp, _ := post(t, admin, srv, "/instruments", withCSRF(add, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/instruments/web-conv" {
		t.Fatalf("an instrument added by an admin = %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := post(t, admin, srv, "/instruments", withCSRF(add, csrf), ""); resp.StatusCode != 409 {
		t.Errorf("the same instrument added again = %d, want 409", resp.StatusCode)
	}
	_, doc = getWith(t, admin, srv, "/instruments/web-conv")
	if h := text(all(doc, "h1")[0]); h != "Web Convention" || !strings.Contains(text(doc), "changed by ada") || len(all(doc, "form.change")) != 2 {
		t.Errorf("the added instrument's page: h1 %q, %d forms", h, len(all(doc, "form.change")))
	}
	// Its decisions are named by it at once, and renamed at once.
	const text1 = "Decision 1/1: Cooperation\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its second meeting.\n"
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "wc.txt"}, []byte(text1), parse.Options{Instrument: "Web Convention"}); err != nil {
		t.Fatal(err)
	}
	ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: "Web Convention"})
	if err != nil || len(ds) != 1 {
		t.Fatalf("decisions of the Web Convention = %d, %v; want the one ingested", len(ds), err)
	}
	id := ds[0].ID
	if s := text(fetch(t, srv, fmt.Sprintf("/decisions/%d", id), 200)); !strings.Contains(s, "Convention on the Web") {
		t.Errorf("the decision's page does not name its instrument: %.300q", s)
	}
	opts := all(fetch(t, srv, "/decisions?instrument=web-conv", 200), "form.filters select option")
	named := false
	for _, o := range opts {
		named = named || attr(o, "value") == "web-conv" && text(o) == "Web Convention"
	}
	if !named {
		var got []string
		for _, o := range opts {
			got = append(got, attr(o, "value")+"="+text(o))
		}
		t.Errorf("the decisions' filter offers %q, not Web Convention by name", got)
	}
	change := url.Values{"short": {"WebConv"}, "name": {"Convention on the World Wide Web"}, "bodies": {"COP"}, "source": {"https://web.example/text"}}
	if resp, _ := post(t, admin, srv, "/instruments/web-conv", withCSRF(change, csrf), ""); resp.StatusCode != 303 {
		t.Errorf("an instrument changed by an admin = %d", resp.StatusCode)
	}
	if s := text(fetch(t, srv, fmt.Sprintf("/decisions/%d", id), 200)); !strings.Contains(s, "Convention on the World Wide Web") {
		t.Errorf("the decision's page does not follow the rename: %.300q", s)
	}
	if resp, _ := post(t, admin, srv, "/instruments/web-nowhere", withCSRF(change, csrf), ""); resp.StatusCode != 404 {
		t.Errorf("a change of an instrument not stored = %d, want 404", resp.StatusCode)
	}
	if s := text(fetch(t, srv, "/instruments", 200)); !strings.Contains(s, "WebConv") {
		t.Error("the list does not follow the rename")
	}
}

func hasBodyCode(bs []accord.Body, code string) bool {
	for _, b := range bs {
		if b.Code == code {
			return true
		}
	}
	return false
}

// TestJointInstrumentConcerns: the sample's joint BRS recommendation is
// brs's; a Party of one of the three conventions, and not another
// country, is asked by its mandates on its page; a Basel centre lists its
// mandates about regional centres; the IOMC's page shows no mandate
// without an instrument.
func TestJointInstrumentConcerns(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: "brs"}); err != nil || len(ds) != 1 || ds[0].Kind != accord.KindRecommendation {
		t.Fatalf("decisions of brs = %d, %v; want the sample's joint recommendation", len(ds), err)
	}
	if _, err := st.SaveMemberships(ctx, []accord.Membership{
		{Country: "KE", Instrument: "rotterdam", Consent: accord.Accession, ConsentOn: "2005-02-23"},
		{Country: "TZ", Instrument: "minamata", Consent: accord.Ratification, ConsentOn: "2020-03-01"},
	}, "admin"); err != nil {
		t.Fatal(err)
	}
	asks := func(code string) map[string]string {
		out := map[string]string{}
		for _, tr := range all(fetch(t, srv, "/countries/"+code, 200), "table.asks tbody tr") {
			cells := all(tr, "td")
			out[text(cells[0])] = text(cells[len(cells)-1])
		}
		return out
	}
	ke := asks("KE")
	if ke["BRS conventions"] == "" || ke["BRS conventions"] == "0" {
		t.Errorf("Kenya, Party to Rotterdam, is asked %v: want the brs mandates counted", ke)
	}
	if _, ok := asks("TZ")["BRS conventions"]; ok {
		t.Error("Tanzania, Party to Minamata alone, is asked by brs")
	}
	var brs []string
	for _, tr := range all(fetch(t, srv, "/centres/bcrc-caribbean", 200), "table.board tbody tr") {
		if s := text(tr); strings.Contains(s, "regional centres") {
			brs = append(brs, s)
		}
	}
	if len(brs) == 0 {
		t.Error("a Basel centre's page lists no brs mandate about regional centres")
	}
	for _, td := range all(fetch(t, srv, "/organizations/iomc", 200), "table.board td") {
		if attr(td, "data-label") == "Instrument" && strings.TrimSpace(text(td)) == "" {
			t.Error("the IOMC's page shows a mandate without an instrument")
		}
	}
}
