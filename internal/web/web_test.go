package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mp "mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
)

const citing = "Decision BS-V/9: Cooperation\n\nThe Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,\n\nRecalling decision BS-IV/6,\n\n1. Requests the Executive Secretary to report at its sixth meeting.\n"

// newSite serves the pages over a SQLite store holding the sample and a
// decision that cites one of the sample's.
func newSite(t *testing.T) (*httptest.Server, accord.Store) {
	t.Helper()
	return newSiteWith(t, Config{})
}

// newSiteWith is newSite configured by cfg.
func newSiteWith(t *testing.T, cfg Config) (*httptest.Server, accord.Store) {
	t.Helper()
	return newSiteAt(t, filepath.Join(t.TempDir(), "web.db"), cfg)
}

// newSiteOn is newSite on backend, "sqlite" or "postgres" (skipped
// without ACCORD_TEST_POSTGRES).
func newSiteOn(t *testing.T, backend string) (*httptest.Server, accord.Store) {
	t.Helper()
	if backend == "postgres" {
		return newSiteAt(t, pgtest.URL(t), Config{})
	}
	return newSite(t)
}

// onBackends runs fn on SQLite and on PostgreSQL.
func onBackends(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) { fn(t, b) })
	}
}

// newSiteAt is newSite on the store of dsn, configured by cfg.
func newSiteAt(t *testing.T, dsn string, cfg Config) (*httptest.Server, accord.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	files := sample.Files()
	files = append(files, sample.File{Name: "citing.txt", Data: []byte(citing)})
	for _, f := range files {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	// The identity provider must know the site's address before it serves.
	srv := httptest.NewUnstartedServer(nil)
	if cfg.OIDC != nil && cfg.OIDC.RedirectURL == "" {
		o := *cfg.OIDC
		o.RedirectURL = "http://" + srv.Listener.Addr().String() + "/signin/oidc/callback"
		cfg.OIDC = &o
	}
	srv.Config.Handler = New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), cfg)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, st
}

// fetch gets a page and parses it.
func fetch(t *testing.T, srv *httptest.Server, path string, status int) *html.Node {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != status {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s = %d, want %d\n%.500s", path, resp.StatusCode, status, b)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	doc, err := html.Parse(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// selector matches a tag with an optional .class or #id: "div.para",
// "li", "#p-5c", "span.verb".
func matches(n *html.Node, sel string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	tag, rest := sel, ""
	if i := strings.IndexAny(sel, ".#"); i >= 0 {
		tag, rest = sel[:i], sel[i:]
	}
	if tag != "" && n.Data != tag {
		return false
	}
	if rest == "" {
		return true
	}
	for _, a := range n.Attr {
		switch {
		case rest[0] == '#' && a.Key == "id" && a.Val == rest[1:]:
			return true
		case rest[0] == '.' && a.Key == "class" && hasWord(a.Val, rest[1:]):
			return true
		}
	}
	return false
}

func hasWord(list, w string) bool {
	for _, x := range strings.Fields(list) {
		if x == w {
			return true
		}
	}
	return false
}

// all returns the nodes below n matching sel, or, with "A B", the B
// nodes below A nodes.
func all(n *html.Node, sel string) []*html.Node {
	parts := strings.Fields(sel)
	nodes := []*html.Node{n}
	for _, p := range parts {
		var next []*html.Node
		for _, root := range nodes {
			var walk func(*html.Node)
			walk = func(x *html.Node) {
				for c := x.FirstChild; c != nil; c = c.NextSibling {
					if matches(c, p) {
						next = append(next, c)
					}
					walk(c)
				}
			}
			walk(root)
		}
		nodes = next
	}
	return nodes
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func decisionID(t *testing.T, st accord.Store, sym string) int64 {
	t.Helper()
	d, err := st.Decision(context.Background(), "", sym)
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func TestHome(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/", 200)
	if h := all(doc, "h1"); len(h) != 1 || text(h[0]) != "Decisions and mandates" {
		t.Errorf("h1 = %v", h)
	}
	var insts []string
	for _, li := range all(doc, "ul.instruments li a") {
		insts = append(insts, text(li))
	}
	if strings.Join(insts, ",") != "Cartagena Protocol,BRS conventions,Minamata Convention" { // the joint recommendation is brs's
		t.Errorf("instruments listed = %v", insts)
	}
	// COP-MOP-5 met in 2010: what is due at it is overdue, not coming.
	var due []string
	for _, h := range all(doc, "h3") {
		due = append(due, text(h))
	}
	if strings.Join(due, ",") != "Minamata Convention COP-7" {
		t.Errorf("due at coming meetings = %q, want Minamata Convention COP-7 only", due)
	}
	if len(all(doc, "form input#q")) != 1 || len(all(doc, "a.skip")) != 1 {
		t.Errorf("search box or skip link missing")
	}
}

func TestDecisionPage(t *testing.T) {
	srv, st := newSite(t)
	id := decisionID(t, st, "BS-IV/6")
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d", id), 200)
	if h := all(doc, "h1"); len(h) != 1 || !strings.HasPrefix(text(h[0]), "BS-IV/6: Cooperation with other") {
		t.Errorf("h1 = %q", text(h[0]))
	}
	paras := all(doc, "div.para")
	if len(paras) != 5 {
		t.Fatalf("%d paragraphs, want 5", len(paras))
	}
	if attr(paras[4], "id") != "p-5" || len(all(doc, "#p-5c")) != 1 {
		t.Errorf("anchors: %q, p-5c %d", attr(paras[4], "id"), len(all(doc, "#p-5c")))
	}
	var verbs []string
	for _, v := range all(doc, "div.para span.verb") {
		verbs = append(verbs, text(v))
	}
	if strings.Join(verbs, ",") != "Welcomes,Further welcomes,Commends,Further commends,Requests" {
		t.Errorf("verbs = %v", verbs)
	}
	// ¶5's three chapeau mandates stand beside it, with due meeting and status.
	ms := all(paras[4], "div.mandates li")
	if len(ms) != 3 || !strings.Contains(text(ms[2]), "due at its fifth meeting (COP-MOP-5)") || !strings.Contains(text(ms[2]), "open") {
		t.Errorf("¶5 mandates = %d: %q", len(ms), text(paras[4]))
	}
	if c := all(paras[0], "a.cite"); len(c) != 1 || attr(c[0], "href") != "#p-1" {
		t.Errorf("cite link of ¶1 = %v", c)
	}
	// A reference to a stored decision links to it.
	citer := fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-V/9")), 200)
	var linked bool
	for _, a := range all(citer, "ul.refs a") {
		if attr(a, "href") == fmt.Sprintf("/decisions/%d", id) && text(a) == "decision BS-IV/6" {
			linked = true
		}
	}
	if !linked {
		t.Errorf("reference to BS-IV/6 not linked: %q", text(citer))
	}
	fetch(t, srv, "/decisions/999999", 404)
	fetch(t, srv, "/decisions/abc", 404)
}

func TestMandatePages(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, "/mandates?instrument=minamata", 200)
	rows := all(doc, "table.board tbody tr")
	if len(rows) != 8 {
		t.Fatalf("%d minamata mandates on the board, want 8", len(rows))
	}
	ms, _ := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata"})
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(context.Background(), ms[0].ID, accord.MandateUpdate{Status: &done, Note: "Done <b>now</b>.", Evidence: []string{"https://example.org/x?a=1&b=2"}, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	doc = fetch(t, srv, "/mandates?status=completed", 200)
	if rows := all(doc, "table.board tbody tr"); len(rows) != 1 {
		t.Errorf("%d completed on the board", len(rows))
	}
	doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", ms[0].ID), 200)
	if !strings.Contains(text(doc), "Done <b>now</b>.") || len(all(doc, "pre.notes b")) != 0 {
		t.Errorf("notes not shown as text: %q", text(doc))
	}
	if h := all(doc, "table tbody tr"); len(h) != 3 { // status, note, evidence
		t.Errorf("%d history rows", len(h))
	}
	fetch(t, srv, "/mandates?status=bogus", 400)
	fetch(t, srv, "/mandates/424242", 404)
}

func TestSearchPage(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/search?q=observer+status", 200)
	hits := all(doc, "ol.hits li")
	if len(hits) < 2 || len(all(hits[0], "mark")) == 0 {
		t.Fatalf("hits = %d, first %q", len(hits), text(doc))
	}
	href := attr(all(hits[0], "a")[0], "href")
	if !strings.HasPrefix(href, "/decisions/") || !strings.Contains(href, "#p-") {
		t.Errorf("hit link %q does not point at a paragraph", href)
	}
	var facet string
	for _, a := range all(doc, "div.facets a") {
		if strings.Contains(attr(a, "href"), "instrument=cartagena") {
			facet = attr(a, "href")
		}
	}
	if facet == "" {
		t.Fatalf("no instrument facet for cartagena")
	}
	narrowed := fetch(t, srv, facet, 200)
	for _, h := range all(narrowed, "ol.hits li") {
		if !strings.Contains(text(h), "Cartagena Protocol") {
			t.Errorf("narrowed hit outside cartagena: %q", text(h))
		}
	}
	// The year facet narrows to the decisions of a year.
	doc = fetch(t, srv, "/search?q=secretariat", 200)
	var year string
	for _, a := range all(doc, "div.facets a") {
		if strings.Contains(attr(a, "href"), "year=2025") {
			year = attr(a, "href")
		}
	}
	if year == "" {
		t.Fatalf("no year facet for 2025: %q", text(doc))
	}
	for _, h := range all(fetch(t, srv, year, 200), "ol.hits li") {
		if !strings.Contains(text(h), "MC-6") {
			t.Errorf("hit of 2025 outside MC-6: %q", text(h))
		}
	}
	// Latest first: the decisions of 2025 before those of no known year.
	doc = fetch(t, srv, "/search?q=secretariat&order=recent", 200)
	if hits := all(doc, "ol.hits li"); len(hits) < 2 || !strings.Contains(text(hits[0]), "2025") ||
		!strings.Contains(text(all(doc, "p.order strong")[0]), "latest first") {
		t.Errorf("latest first = %q", text(doc))
	}
	if links := all(doc, "p.order a"); len(links) != 1 || !strings.Contains(attr(links[0], "href"), "order=relevance") {
		t.Errorf("order links = %v", links)
	}
	fetch(t, srv, "/search?q=secretariat&order=random", 400)
	fetch(t, srv, "/search?q=secretariat&year=soon", 400)
	fetch(t, srv, "/search?q=secretariat&actor=%25", 400)
	doc = fetch(t, srv, "/search?q=%22+*+OR", 400)
	if e := all(doc, "p.error"); len(e) != 1 || !strings.Contains(text(e[0]), "nothing to search for") {
		t.Errorf("error shown = %v", text(doc))
	}
	fetch(t, srv, "/search", 200)
	fetch(t, srv, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", 200)
}

func TestStaticAndErrors(t *testing.T) {
	srv, _ := newSite(t)
	resp, err := http.Get(srv.URL + "/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Errorf("style.css = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	doc := fetch(t, srv, "/no/such/page", 404)
	if h := all(doc, "h1"); len(h) != 1 || text(h[0]) != "Not found" {
		t.Errorf("404 page = %q", text(doc))
	}
	fetch(t, srv, "/decisions?instrument=basel", 200)
	doc = fetch(t, srv, "/decisions?year=2025", 200)
	if rows := all(doc, "table.decisions tbody tr"); len(rows) != 1 || !strings.Contains(text(rows[0]), "MC-6/[--]") ||
		!strings.Contains(text(all(doc, "h1")[0]), "adopted in 2025") {
		t.Errorf("decisions of 2025 = %q", text(doc))
	}
	fetch(t, srv, "/decisions?year=MMXXV", 400)
}

// client keeps cookies and does not follow redirects.
func client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func post(t *testing.T, c *http.Client, srv *httptest.Server, path string, form url.Values, origin string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func getWith(t *testing.T, c *http.Client, srv *httptest.Server, path string) (*http.Response, *html.Node) {
	t.Helper()
	resp, err := c.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, _ := html.Parse(resp.Body)
	return resp, doc
}

// TestSignInAndChange: an editor signs in with a token, gets an HttpOnly
// SameSite cookie, and changes a mandate through its page's form; forms
// without the session's token, from another site, or outside the
// editor's instruments change nothing.
func TestSignInAndChange(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(ctx, accord.User{Name: "jo", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, hash); err != nil {
		t.Fatal(err)
	}
	btoken, bhash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(ctx, accord.User{Name: "bea", Role: accord.RoleEditor, Instruments: []string{"basel"}}, bhash); err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	path := fmt.Sprintf("/mandates/%d", ms[0].ID)

	anon := client(t)
	if resp, _ := post(t, anon, srv, path, url.Values{"status": {"completed"}}, ""); resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("anonymous post = %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	c := client(t)
	if resp, body := signInWith(t, c, srv, "acc_wrong", ""); resp.StatusCode != 401 || !strings.Contains(body, "not one of an account") {
		t.Errorf("wrong token = %d", resp.StatusCode)
	}
	resp, _ := signInWith(t, c, srv, token, path)
	if resp.StatusCode != 303 || resp.Header.Get("Location") != path {
		t.Fatalf("sign in = %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	cookie := resp.Header.Get("Set-Cookie")
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") || strings.Contains(cookie, token) {
		t.Errorf("cookie = %q", cookie)
	}
	_, doc := getWith(t, c, srv, path)
	var csrf string
	for _, in := range all(doc, "form.change input") {
		if attr(in, "name") == "csrf" {
			csrf = attr(in, "value")
		}
	}
	if csrf == "" || !strings.Contains(text(doc), "jo") {
		t.Fatalf("no change form for the editor: %q", text(doc))
	}
	change := url.Values{"status": {"in-progress"}, "note": {"Draft sent."}, "evidence": {"https://example.org/d.pdf\nUNEP/MC/COP.7/2"}, "why": {"started"}}
	bad := []struct {
		name   string
		form   url.Values
		origin string
		status int
	}{
		{"no token", change, "", 403},
		{"other site", withCSRF(change, csrf), "https://evil.example", 403},
		{"bad evidence", withCSRF(url.Values{"evidence": {"see the minutes"}}, csrf), "", 400},
		{"unknown status", withCSRF(url.Values{"status": {"finished"}}, csrf), "", 400},
	}
	for _, b := range bad {
		if resp, body := post(t, c, srv, path, b.form, b.origin); resp.StatusCode != b.status {
			t.Errorf("%s: %d %.300s", b.name, resp.StatusCode, body)
		}
	}
	if m, _ := st.Mandate(ctx, ms[0].ID); m.Status != accord.StatusOpen || len(m.History) != 0 {
		t.Fatalf("refused forms changed the mandate: %+v", m)
	}
	if resp, body := post(t, c, srv, path, withCSRF(change, csrf), srv.URL); resp.StatusCode != 303 {
		t.Fatalf("change = %d %.300s", resp.StatusCode, body)
	}
	m, _ := st.Mandate(ctx, ms[0].ID)
	if m.Status != accord.StatusInProgress || len(m.Evidence) != 2 || m.History[0].Who != "jo" || m.History[0].Why != "started" {
		t.Errorf("after change: %+v", m)
	}
	// Another instrument's editor sees no form and may not post.
	other := client(t)
	signInWith(t, other, srv, btoken, "")
	_, doc = getWith(t, other, srv, path)
	if len(all(doc, "form.change")) != 0 {
		t.Errorf("basel editor sees the form on a minamata mandate")
	}
	var ocsrf string
	for _, in := range all(doc, "form.who input") {
		ocsrf = attr(in, "value")
	}
	if resp, _ := post(t, other, srv, path, withCSRF(url.Values{"status": {"completed"}}, ocsrf), ""); resp.StatusCode != 403 {
		t.Errorf("basel editor's post = %d", resp.StatusCode)
	}
	// Sign out ends the session.
	if resp, _ := post(t, c, srv, "/signout", url.Values{"csrf": {csrf}}, ""); resp.StatusCode != 303 {
		t.Errorf("sign out = %d", resp.StatusCode)
	}
	if _, doc := getWith(t, c, srv, path); len(all(doc, "form.change")) != 0 {
		t.Errorf("form still shown after sign out")
	}
}

func withCSRF(v url.Values, csrf string) url.Values {
	out := url.Values{"csrf": {csrf}}
	for k, vs := range v {
		out[k] = vs
	}
	return out
}

func multipart(t *testing.T, name string, data []byte, csrf string) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := mp.NewWriter(&b)
	if csrf != "" {
		mw.WriteField("csrf", csrf)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return mw.FormDataContentType(), &b
}

// upload posts file name with data to the upload form as c, with csrf,
// and returns the status and the page.
func upload(t *testing.T, c *http.Client, srv *httptest.Server, name string, data []byte, csrf string) (int, *html.Node) {
	t.Helper()
	ct, body := multipart(t, name, data, csrf)
	req, _ := http.NewRequest("POST", srv.URL+"/upload", body)
	req.Header.Set("Content-Type", ct)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, _ := html.Parse(resp.Body)
	return resp.StatusCode, doc
}

func signIn(t *testing.T, srv *httptest.Server, st accord.Store, name string, insts ...string) (*http.Client, string) {
	t.Helper()
	return signInRole(t, srv, st, name, accord.RoleEditor, insts...)
}

// TestUpload: a file, a preview of what accord parsed, and a confirmation
// that stores it; bad files are told in the page and store nothing.
func TestUpload(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if resp, _ := getWith(t, client(t), srv, "/upload"); resp.StatusCode != 303 {
		t.Errorf("anonymous upload form = %d", resp.StatusCode)
	}
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	send := func(c *http.Client, name string, data []byte, csrf string) (int, *html.Node) {
		return upload(t, c, srv, name, data, csrf)
	}
	text7 := []byte("Decision MC-7/4: Reporting\n\nThe Conference of the Parties,\n\nRecalling decision MC-6/3,\n\n1. Requests the secretariat to report at its eighth meeting.\n")
	bad := []struct {
		name   string
		data   []byte
		csrf   string
		status int
		msg    string
	}{
		{"empty.txt", nil, csrf, 400, "empty file"},
		{"tool.exe", []byte("MZ\x90\x00\x03\x00\x00\x00"), csrf, 400, "binary file"},
		{"notes.txt", []byte("Lunch was good."), csrf, 400, "no decision found"},
		{"minutes.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...), csrf, 400, "minutes.doc: a Word 97-2003 document (.doc): save it as .docx or PDF"},
		{"big.txt", bytes.Repeat([]byte("a"), MaxUpload+10), csrf, 413, "over 20 MB"},
		{"mc7.txt", text7, "", 403, "stale"},
	}
	for _, b := range bad {
		code, doc := send(c, b.name, b.data, b.csrf)
		if code != b.status || !strings.Contains(text(doc), b.msg) {
			t.Errorf("%s: %d %q", b.name, code, text(doc))
		}
	}
	if _, err := st.Decision(ctx, "", "MC-7/4"); !errors.Is(err, accord.ErrNotFound) {
		t.Fatalf("a refused upload stored something: %v", err)
	}
	code, doc := send(c, "mc7.txt", text7, csrf)
	rows := all(doc, "table.preview tbody tr")
	if code != 200 || len(rows) != 1 || !strings.Contains(text(rows[0]), "MC-7/4") || !strings.Contains(text(rows[0]), "Minamata Convention COP-7") {
		t.Fatalf("preview: %d %q", code, text(doc))
	}
	if _, err := st.Decision(ctx, "", "MC-7/4"); !errors.Is(err, accord.ErrNotFound) {
		t.Fatalf("the preview stored the decision: %v", err)
	}
	var upload string
	for _, in := range all(doc, "form.confirm input") {
		if attr(in, "name") == "upload" {
			upload = attr(in, "value")
		}
	}
	// Another editor may neither take this upload nor store it.
	other, ocsrf := signIn(t, srv, st, "bea", "basel")
	if resp, _ := post(t, other, srv, "/upload/confirm", url.Values{"csrf": {ocsrf}, "upload": {upload}}, ""); resp.StatusCode != 404 {
		t.Errorf("confirm of another's upload = %d", resp.StatusCode)
	}
	resp, body := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {upload}}, "")
	if resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/decisions/") {
		t.Fatalf("confirm = %d %s %.200s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	d, err := st.Decision(ctx, "", "MC-7/4")
	if err != nil || fmt.Sprintf("/decisions/%d", d.ID) != resp.Header.Get("Location") {
		t.Fatalf("stored: %v %v", d.ID, err)
	}
	if ms, _ := st.Mandates(ctx, accord.MandateFilter{Symbol: "MC-7/4"}); len(ms) != 1 || ms[0].Deadline.Meeting != "COP-8" {
		t.Errorf("mandates of the upload = %+v", ms)
	}
	if resp, _ := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {upload}}, ""); resp.StatusCode != 404 {
		t.Errorf("confirming twice = %d", resp.StatusCode)
	}
	// An editor of another instrument is told at the preview, and
	// nothing is kept to confirm.
	code, doc = send(other, "mc7b.txt", bytes.Replace(text7, []byte("MC-7/4"), []byte("MC-7/5"), 1), ocsrf)
	if msg := text(doc); code != 403 || !strings.Contains(msg, "You may not change decisions of minamata") || !strings.Contains(msg, "MC-7/5") || keptUpload(doc) != "" {
		t.Errorf("basel editor's preview of a minamata decision: %d %q", code, msg)
	}
	if _, err := st.Decision(ctx, "", "MC-7/5"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("a refused preview stored the decision")
	}
}

// TestUploadExpires: an upload left unconfirmed past accord.UploadTTL
// cannot be confirmed, and the next upload deletes it.
func TestUploadExpires(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	users, _ := st.Users(ctx)
	text7 := "Decision MC-7/4: Reporting\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its eighth meeting.\n"
	old := accord.Upload{IDHash: auth.Hash("left-yesterday"), UserID: users[0].ID, Body: text7,
		Source: accord.Source{Name: "mc7.txt", SHA256: "abc", Format: "txt"}, Created: time.Now().Add(-accord.UploadTTL - time.Minute)}
	if err := st.SaveUpload(ctx, old); err != nil {
		t.Fatal(err)
	}
	resp, body := post(t, c, srv, "/upload/confirm", url.Values{"csrf": {csrf}, "upload": {"left-yesterday"}}, "")
	if resp.StatusCode != 404 || !strings.Contains(body, "upload the file again") {
		t.Errorf("confirm of an expired upload = %d %.500s", resp.StatusCode, body)
	}
	if _, err := st.Decision(ctx, "", "MC-7/4"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("an expired upload was stored")
	}
	if code, doc := upload(t, c, srv, "mc7.txt", []byte(text7), csrf); code != 200 || keptUpload(doc) == "" {
		t.Fatalf("a fresh upload: %d %q", code, text(doc))
	}
	log, _ := st.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "purge uploads" || log[0].After != `{"removed":1}` {
		t.Errorf("the next upload did not purge the expired one: audit %+v", log)
	}
}

// keptUpload is the id of the upload a preview page asks to confirm.
func keptUpload(doc *html.Node) string {
	for _, in := range all(doc, "form.confirm input") {
		if attr(in, "name") == "upload" {
			return attr(in, "value")
		}
	}
	return ""
}

// TestUploadOwnership: an editor of one instrument who uploads a file
// named like another's removes nothing and changes nothing of it: each
// account's uploads are its own sources.
func TestUploadOwnership(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	// Stored at the command line, as a secretariat would.
	mc := []byte("Decision MC-6/3: Cooperation\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its seventh meeting.\n")
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "mc6.txt", Who: "cli"}, mc, parse.Options{}); err != nil {
		t.Fatal(err)
	}
	before, err := st.Decision(ctx, "minamata", "MC-6/3")
	if err != nil {
		t.Fatal(err)
	}
	cop := []byte("Decision 4/CP.27: Reporting\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its twenty-eighth session.\n")
	una, ucsrf := signIn(t, srv, st, "una", "unfccc")
	code, doc := upload(t, una, srv, before.Source.Name, cop, ucsrf)
	kept := keptUpload(doc)
	if code != 200 || kept == "" {
		t.Fatalf("preview: %d %q", code, text(doc))
	}
	resp, body := post(t, una, srv, "/upload/confirm", url.Values{"csrf": {ucsrf}, "upload": {kept}}, "")
	if resp.StatusCode != 303 {
		t.Fatalf("confirm = %d %.300s", resp.StatusCode, body)
	}
	after, err := st.DecisionByID(ctx, before.ID)
	if err != nil {
		t.Fatalf("the upload removed the minamata decision of %s: %v", before.Source.Name, err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("the upload changed the minamata decision (-want +got):\n%s", diff)
	}
	d, err := st.Decision(ctx, "unfccc", "4/CP.27")
	if err != nil {
		t.Fatal(err)
	}
	if d.Source.Name == before.Source.Name || !strings.HasSuffix(d.Source.Name, "/"+before.Source.Name) {
		t.Errorf("the upload's source = %q, want una's own, named after %q", d.Source.Name, before.Source.Name)
	}
	log, _ := st.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Who != "una" || !strings.Contains(log[0].After, `"removed":0`) {
		t.Errorf("audit = %+v", log)
	}
	// A file that holds one decision twice is told why, and stores nothing.
	twice := append(append([]byte{}, cop...), bytes.Replace(cop, []byte("Reporting"), []byte("Reporting (again)"), 1)...)
	twice = bytes.ReplaceAll(twice, []byte("twenty-eighth"), []byte("twenty-ninth"))
	_, doc = upload(t, una, srv, "twice.txt", twice, ucsrf)
	resp, body = post(t, una, srv, "/upload/confirm", url.Values{"csrf": {ucsrf}, "upload": {keptUpload(doc)}}, "")
	if resp.StatusCode != 409 || !strings.Contains(body, "appears twice") {
		t.Errorf("confirm of a decision twice = %d %.500s", resp.StatusCode, body)
	}
	if d, _ := st.Decision(ctx, "unfccc", "4/CP.27"); strings.Contains(d.Paragraphs[0].Text, "twenty-ninth") {
		t.Errorf("a refused upload changed 4/CP.27")
	}
}

func TestAPIAndAuditPages(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, "/api", 200)
	var ops []string
	for _, h := range all(doc, "section.op h2") {
		ops = append(ops, text(h))
	}
	for _, want := range []string{"GET /api/v1/decisions", "GET /api/v1/decisions/{id}", "PATCH /api/v1/mandates/{id}", "GET /api/v1/search"} {
		found := false
		for _, o := range ops {
			found = found || o == want
		}
		if !found {
			t.Errorf("API page lacks %q: %v", want, ops)
		}
	}
	if resp, _ := getWith(t, client(t), srv, "/audit"); resp.StatusCode != 303 {
		t.Errorf("anonymous audit = %d", resp.StatusCode)
	}
	editor, _ := signIn(t, srv, st, "ed", "minamata")
	if resp, _ := getWith(t, editor, srv, "/audit"); resp.StatusCode != 403 {
		t.Errorf("editor audit = %d", resp.StatusCode)
	}
	token, hash, _ := auth.New(accord.TokenTTL)
	st.AddUser(context.Background(), accord.User{Name: "root", Role: accord.RoleAdmin}, hash)
	admin := client(t)
	signInWith(t, admin, srv, token, "")
	resp, doc := getWith(t, admin, srv, "/audit")
	rows := all(doc, "table.audit tbody tr")
	// The newest: root's sign-in, after root was added.
	if resp.StatusCode != 200 || len(rows) < 3 || !strings.Contains(text(rows[0]), "root signed in") || !strings.Contains(text(rows[1]), "added the user root") {
		t.Errorf("admin audit = %d, %d rows", resp.StatusCode, len(rows))
	}
}

// TestTwoServersOnePostgres: two serve processes against one PostgreSQL
// database share sessions and data; nothing lives in one process only.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.URL(t)
	ctx := context.Background()
	var sites []*httptest.Server
	var stores []accord.Store
	for i := 0; i < 2; i++ {
		st, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
		t.Cleanup(srv.Close)
		sites, stores = append(sites, srv), append(stores, st)
	}
	txt := "Decision MC-7/4: Reporting\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its eighth meeting.\n"
	d := parse.Parse(txt, parse.Options{}).Decisions
	d[0].Mandates = extract.Decision(&d[0], nil).Mandates
	if _, err := stores[0].Ingest(ctx, accord.Source{Name: "a.txt"}, d); err != nil {
		t.Fatal(err)
	}
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := stores[0].AddUser(ctx, accord.User{Name: "jo", Role: accord.RoleAdmin}, hash); err != nil {
		t.Fatal(err)
	}
	// Sign in on the first server; the cookie works on the second.
	c := client(t)
	resp, _ := signInWith(t, c, sites[0], token, "")
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == cookieName {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatal("no session cookie")
	}
	ms, _ := stores[1].Mandates(ctx, accord.MandateFilter{})
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/mandates/%d", sites[1].URL, ms[0].ID), nil)
	req.AddCookie(cookie)
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := html.Parse(r2.Body)
	r2.Body.Close()
	if len(all(doc, "form.change")) == 0 || !strings.Contains(text(doc), "jo") {
		t.Errorf("the second server does not know the session of the first: %q", text(doc))
	}
}

// TestStaffNamesOnPages: a mandate's page names the staff who changed
// it only to a signed-in visitor; anyone else reads "secretariat staff".
func TestStaffNamesOnPages(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	ms, _ := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Note: "Done.", Evidence: []string{"UNEP/MC/COP.7/5"}, Who: "jane.doe", Why: "reported"}); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/mandates/%d", ms[0].ID)
	doc := fetch(t, srv, path, 200)
	if strings.Contains(text(doc), "jane.doe") {
		t.Errorf("%s without signing in names jane.doe: %q", path, text(doc))
	}
	if got := text(all(doc, "pre.notes")[0]); !strings.HasSuffix(got, " secretariat staff: Done.") {
		t.Errorf("%s without signing in: notes = %q, want signed by secretariat staff", path, got)
	}
	for _, row := range all(doc, "table.history tbody tr") {
		if who := text(all(row, "td")[1]); who != accord.Staff {
			t.Errorf("%s without signing in: history names %q, want %q", path, who, accord.Staff)
		}
	}
	c, _ := signIn(t, srv, st, "reader", "basel")
	_, doc = getWith(t, c, srv, path)
	if got := text(all(doc, "pre.notes")[0]); !strings.HasSuffix(got, " jane.doe: Done.") {
		t.Errorf("%s signed in: notes = %q, want signed by jane.doe", path, got)
	}
	rows := all(doc, "table.history tbody tr")
	if len(rows) != 3 {
		t.Fatalf("%s signed in: %d history rows, want 3", path, len(rows))
	}
	for _, row := range rows {
		if who := text(all(row, "td")[1]); who != "jane.doe" {
			t.Errorf("%s signed in: history names %q, want jane.doe", path, who)
		}
	}
}
