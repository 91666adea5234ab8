package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
)

// TestCorrectDecisionPage: a signed-in editor of the instrument corrects
// a decision from its page; the page says what was corrected and by
// whom. Others see no form, and forms without the session's token, of
// another instrument's editor or with bad values change nothing.
func TestCorrectDecisionPage(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	id := decisionID(t, st, "MC-6/[--]")
	path := fmt.Sprintf("/decisions/%d", id)
	if doc := fetch(t, srv, path, 200); len(all(doc, "form.change")) != 0 {
		t.Errorf("an anonymous reader sees the correction form")
	}
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	_, doc := getWith(t, c, srv, path)
	forms := all(doc, "form.change")
	if len(forms) != 1 || attr(forms[0], "action") != path {
		t.Fatalf("the editor sees %d correction forms", len(forms))
	}
	names := map[string]string{}
	for _, in := range all(forms[0], "input") {
		names[attr(in, "name")] = attr(in, "value")
	}
	for _, n := range []string{"csrf", "symbol", "title", "instrument", "meeting", "year", "url"} {
		if _, ok := names[n]; !ok {
			t.Errorf("the correction form has no %s field", n)
		}
	}
	if names["csrf"] != csrf || names["symbol"] != "MC-6/[--]" {
		t.Errorf("the form holds csrf %q and symbol %q", names["csrf"], names["symbol"])
	}
	before, err := st.DecisionByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	change := url.Values{"symbol": {"MC-6/3"}, "title": {"Cooperation with other organizations"}, "kind": {"decision"},
		"instrument": {"minamata"}, "meeting": {before.Meeting}, "year": {"2025"}, "url": {"https://example.org/mc-6-3.pdf"}}
	bea, bcsrf := signIn(t, srv, st, "bea", "basel")
	if _, doc := getWith(t, bea, srv, path); len(all(doc, "form.change")) != 0 {
		t.Errorf("a basel editor sees the correction form of a minamata decision")
	}
	withField := func(k, v string) url.Values {
		out := withCSRF(change, csrf)
		out[k] = []string{v}
		return out
	}
	for _, b := range []struct {
		name   string
		c      *http.Client
		form   url.Values
		status int
		msg    string
	}{
		{"no token", c, change, 403, "stale"},
		{"another instrument's editor", bea, withCSRF(change, bcsrf), 403, "bea may not correct decision"},
		{"year", c, withField("year", "twenty"), 400, "not a number"},
		{"url", c, withField("url", "javascript:alert(1)"), 400, "http or https"},
		{"kind", c, withField("kind", "memo"), 400, "kind"},
		{"moved away", c, withField("instrument", "basel"), 403, "jo may not move decision"},
	} {
		resp, body := post(t, b.c, srv, path, b.form, "")
		if resp.StatusCode != b.status || !strings.Contains(body, b.msg) {
			t.Errorf("%s: %d %.300s; want %d with %q", b.name, resp.StatusCode, body, b.status, b.msg)
		}
	}
	if got, err := st.DecisionByID(ctx, id); err != nil || got.Symbol != before.Symbol || got.Title != before.Title || len(got.Corrections) != 0 {
		t.Fatalf("refused forms changed the decision: %+v, %v", got, err)
	}
	if resp, body := post(t, c, srv, path, withCSRF(change, csrf), srv.URL); resp.StatusCode != 303 || resp.Header.Get("Location") != path {
		t.Fatalf("correction = %d %.300s", resp.StatusCode, body)
	}
	_, doc = getWith(t, c, srv, path)
	page := text(doc)
	for _, want := range []string{"MC-6/3: Cooperation with other organizations", "Symbol corrected by jo", "read as “MC-6/[--]”", "Kind corrected by jo", "read as “draft”"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page after the correction lacks %q: %.600s", want, page)
		}
	}
	var official string
	for _, a := range all(doc, "a") {
		if text(a) == "Official document" {
			official = attr(a, "href")
		}
	}
	if official != "https://example.org/mc-6-3.pdf" {
		t.Errorf("official document link = %q", official)
	}
	// The same form again changes nothing, and says so.
	if resp, body := post(t, c, srv, path, withCSRF(change, csrf), ""); resp.StatusCode != 400 || !strings.Contains(body, "nothing to correct") {
		t.Errorf("the same correction again = %d %.300s", resp.StatusCode, body)
	}
	// Spaces around a value do not make it another.
	if resp, body := post(t, c, srv, path, withField("symbol", " MC-6/3 "), ""); resp.StatusCode != 400 || !strings.Contains(body, "nothing to correct") {
		t.Errorf("the same symbol with spaces = %d %.300s", resp.StatusCode, body)
	}
}

// TestCorrectMandatePage: an editor corrects a mandate's deadline and
// addressees from its page; the mandate is then checked by that person,
// which its page, its decision's page and the board say.
func TestCorrectMandatePage(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatal(ms, err)
	}
	m := ms[0]
	path := fmt.Sprintf("/mandates/%d", m.ID)
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	_, doc := getWith(t, c, srv, path)
	if forms := all(doc, "form.change"); len(forms) != 2 || attr(forms[1], "action") != path+"/correct" {
		t.Fatalf("the editor sees %d forms on the mandate page", len(forms))
	}
	if !strings.Contains(text(doc), "no person checked it") {
		t.Errorf("an extracted mandate's page: %.300s", text(doc))
	}
	fix := url.Values{"addressees": {"Executive Secretary\nGlobal Environment Facility\n"}, "action": {m.Action}, "deadline": {"by 31 March 2027"},
		"due_meeting": {""}, "due_date": {"2027-03-31"}, "deliverable": {m.Deliverable}, "why": {"as adopted"}}
	bad := withCSRF(fix, csrf)
	bad["due_date"] = []string{"31/03/2027"}
	if resp, body := post(t, c, srv, path+"/correct", bad, ""); resp.StatusCode != 400 || !strings.Contains(body, "YYYY-MM-DD") {
		t.Errorf("bad date = %d %.300s", resp.StatusCode, body)
	}
	bea, bcsrf := signIn(t, srv, st, "bea", "basel")
	if resp, _ := post(t, bea, srv, path+"/correct", withCSRF(fix, bcsrf), ""); resp.StatusCode != 403 {
		t.Errorf("a basel editor's correction = %d", resp.StatusCode)
	}
	if got, _ := st.Mandate(ctx, m.ID); got.CheckedBy != "" || len(got.History) != 0 {
		t.Fatalf("refused corrections changed the mandate: %+v", got)
	}
	if resp, body := post(t, c, srv, path+"/correct", withCSRF(fix, csrf), ""); resp.StatusCode != 303 {
		t.Fatalf("correction = %d %.300s", resp.StatusCode, body)
	}
	got, err := st.Mandate(ctx, m.ID)
	if err != nil || got.CheckedBy != "jo" || got.Deadline == nil || got.Deadline.Date != "2027-03-31" || got.AskedOf() != "Executive Secretary; Global Environment Facility" {
		t.Fatalf("corrected mandate = %+v, %v", got, err)
	}
	if got.Action != m.Action || got.Deliverable != m.Deliverable || len(got.Corrections) != 2 {
		t.Errorf("fields left as they were are corrections too: %+v", got.Corrections)
	}
	_, doc = getWith(t, c, srv, path)
	for _, want := range []string{"checked by a person: jo", "Deadline corrected by jo", "Asked of corrected by jo"} {
		if !strings.Contains(text(doc), want) {
			t.Errorf("the mandate page lacks %q", want)
		}
	}
	_, doc = getWith(t, c, srv, fmt.Sprintf("/decisions/%d", m.DecisionID))
	if n := len(all(doc, ".mandates .checked")); n != 1 {
		t.Errorf("the decision page marks %d mandates checked, want 1", n)
	}
	_, doc = getWith(t, c, srv, "/mandates?instrument=minamata")
	if n := len(all(doc, "table.board .checked")); n != 1 {
		t.Errorf("the board marks %d mandates checked, want 1", n)
	}
}

// TestUploadSameContent: the same file uploaded twice under two names
// stores one decision; the second preview says it is stored already and
// what would change.
func TestUploadSameContent(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	nosym := []byte("Cooperation on mercury waste\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\nRecalling Article 11,\n\n" +
		"1. Requests the secretariat to report on cooperation at its next meeting;\n\n2. Invites Parties to submit views.\n")
	count := func() (int, int) {
		s, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return s.Decisions, s.Mandates
	}
	store := func(name string, data []byte) string {
		t.Helper()
		code, doc := upload(t, c, srv, name, data, csrf)
		if code != 200 {
			t.Fatalf("preview of %s: %d %q", name, code, text(doc))
		}
		stored := ""
		for _, td := range all(doc, "table.preview td.stored") {
			stored += text(td) + "\n"
		}
		resp, body := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {keptUpload(doc)}}, "")
		if resp.StatusCode != 303 {
			t.Fatalf("confirm of %s = %d %.300s", name, resp.StatusCode, body)
		}
		return stored
	}
	d0, m0 := count()
	if got := store("mercury-waste.txt", nosym); got != "new\n" {
		t.Errorf("preview of a new file says %q, want new", got)
	}
	d1, m1 := count()
	if d1 != d0+1 || m1 <= m0 {
		t.Fatalf("after the first upload: %d decisions, %d mandates; before %d, %d", d1, m1, d0, m0)
	}
	got := store("mercury-waste (copy).txt", nosym)
	if !strings.Contains(got, "already stored as Cooperation on mercury waste") || !strings.Contains(got, "the same text") || !strings.Contains(got, "nothing else changes") {
		t.Errorf("preview of the same file under another name says %q", got)
	}
	if d, m := count(); d != d1 || m != m1 {
		t.Errorf("the same file under two names: %d decisions, %d mandates; want %d, %d", d, m, d1, m1)
	}
	// A file with a symbol stored, then a revision of it under another
	// name: the preview says what would change.
	text7 := "Decision MC-7/4: Reporting\n\nThe Conference of the Parties,\n\nRecalling decision MC-6/3,\n\n1. Requests the secretariat to report at its eighth meeting.\n"
	if got := store("mc7.txt", []byte(text7)); got != "new\n" {
		t.Errorf("preview of MC-7/4 says %q, want new", got)
	}
	d2, _ := count()
	revised := text7 + "\n2. Invites Parties to submit views on reporting.\n"
	code, doc := upload(t, c, srv, "mc7-revised.txt", []byte(revised), csrf)
	cells := all(doc, "table.preview td.stored")
	if code != 200 || len(cells) != 1 {
		t.Fatalf("preview of the revision: %d %q", code, text(doc))
	}
	for _, want := range []string{"already stored as MC-7/4 from uploads/", "its text would be replaced", "paragraphs and items: 1 → 2", "mandates: 1 → 2", "¶ 2 added"} {
		if !strings.Contains(text(cells[0]), want) {
			t.Errorf("preview of the revision lacks %q: %q", want, text(cells[0]))
		}
	}
	resp, body := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {keptUpload(doc)}}, "")
	if d, _ := count(); resp.StatusCode != 303 || d != d2 {
		t.Errorf("confirm of the revision = %d, %d decisions (want %d) %.200s", resp.StatusCode, d, d2, body)
	}
}

// TestUploadSameContentOtherInstrument: the same words stored for another
// instrument (the BRS COPs adopt joint decisions word for word) are not
// what an upload would update: the preview says new, as the ingest that
// follows adds a decision.
func TestUploadSameContentOtherInstrument(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	words := "Cooperation on mercury waste\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\n" +
		"1. Requests the secretariat to report on cooperation at its next meeting;\n"
	basel := parse.Parse(words, parse.Options{}).Decisions
	if len(basel) != 1 || basel[0].Instrument != "minamata" {
		t.Fatalf("parsed %d decisions (%+v)", len(basel), basel)
	}
	basel[0].Instrument = "basel"
	if _, err := st.Ingest(ctx, accord.Source{Name: "basel.txt"}, basel); err != nil {
		t.Fatal(err)
	}
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	code, doc := upload(t, c, srv, "mercury-waste.txt", []byte(words), csrf)
	cells := all(doc, "table.preview td.stored")
	if code != 200 || len(cells) != 1 || text(cells[0]) != "new" {
		t.Fatalf("preview of the Minamata words stored for Basel: %d %q", code, text(doc))
	}
	resp, body := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {keptUpload(doc)}}, "")
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 303 || after.Decisions != before.Decisions+1 {
		t.Errorf("confirm = %d, %d decisions, want %d (a new one) %.200s", resp.StatusCode, after.Decisions, before.Decisions+1, body)
	}
}
