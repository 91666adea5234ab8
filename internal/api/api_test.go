package api

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
)

// newServer serves the API over a new store holding the sample: SQLite,
// or PostgreSQL when backend says so.
func newServer(t *testing.T, backend string) (*httptest.Server, accord.Store) {
	t.Helper()
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "api.db")
	if backend == "postgres" {
		dsn = pgtest.URL(t)
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, f := range sample.Files() {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, srv *httptest.Server, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func TestDecisions(t *testing.T) { onBackends(t, testDecisions) }

func testDecisions(t *testing.T, backend string) {
	srv, _ := newServer(t, backend)
	resp, body := get(t, srv, "/api/v1/decisions?limit=2")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("list: %d %s", resp.StatusCode, body)
	}
	var page struct {
		Items []struct {
			ID     int64
			Symbol string
		}
		NextCursor string `json:"next_cursor"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 || page.NextCursor == "" {
		t.Fatalf("first page = %s", body)
	}
	_, body = get(t, srv, "/api/v1/decisions?limit=2&cursor="+page.NextCursor)
	var second struct {
		Items      []struct{ ID int64 }
		NextCursor string `json:"next_cursor"`
	}
	json.Unmarshal(body, &second)
	if len(second.Items) != 1 || second.NextCursor != "" || second.Items[0].ID <= page.Items[1].ID {
		t.Errorf("second page = %s", body)
	}
	_, body = get(t, srv, "/api/v1/decisions?instrument=cartagena")
	if !strings.Contains(string(body), `"symbol":"BS-IV/6"`) || strings.Contains(string(body), "MC-6") {
		t.Errorf("filtered list = %s", body)
	}
	var bs int64
	for _, it := range page.Items {
		if it.Symbol == "BS-IV/6" {
			bs = it.ID
		}
	}
	if bs == 0 {
		t.Fatalf("BS-IV/6 not on the first page: %+v", page.Items)
	}
	resp, body = get(t, srv, fmt.Sprintf("/api/v1/decisions/%d", bs))
	var d struct {
		Symbol     string
		Paragraphs []struct {
			Number, Verb, Lemma, Class string
			Items                      []struct{ Path string }
		}
		References struct {
			Decisions []struct{ Cited, Instrument string }
		}
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	if d.Symbol != "BS-IV/6" || len(d.Paragraphs) != 5 || d.Paragraphs[4].Verb != "Requests" || d.Paragraphs[4].Lemma != "request" || len(d.Paragraphs[4].Items) != 3 ||
		d.Paragraphs[4].Items[2].Path != "5(c)" || d.References.Decisions[0].Instrument != "cartagena" {
		t.Errorf("decision = %s", body)
	}
	// ETag and If-None-Match.
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	resp, body = get(t, srv, fmt.Sprintf("/api/v1/decisions/%d", bs), "If-None-Match", etag)
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("If-None-Match: %d %q", resp.StatusCode, body)
	}
	// gzip when asked.
	resp, body = get(t, srv, fmt.Sprintf("/api/v1/decisions/%d", bs), "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(string(body), "BS-IV/6") {
		t.Errorf("gzip: %q", resp.Header.Get("Content-Encoding"))
	}
}

func TestParagraphsAndActors(t *testing.T) { onBackends(t, testParagraphsAndActors) }

func testParagraphsAndActors(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	// Decisions by year: the Minamata decision dates itself (2025).
	_, body := get(t, srv, "/api/v1/decisions?year=2025")
	if !strings.Contains(string(body), `"symbol":"MC-6/[--]"`) || !strings.Contains(string(body), `"year":2025`) || strings.Contains(string(body), "BS-IV/6") {
		t.Errorf("decisions of 2025 = %s", body)
	}
	// Every paragraph and item of BS-IV/6, page by page, once each.
	d, err := st.Decision(context.Background(), "", "BS-IV/6")
	if err != nil {
		t.Fatal(err)
	}
	bs := d.ID
	type row struct {
		Path, Verb, Lemma, URL string
		Depth                  int
	}
	var rows []row
	next := ""
	for pages := 0; ; pages++ {
		path := fmt.Sprintf("/api/v1/paragraphs?decision=%d&limit=3", bs)
		if next != "" {
			path += "&cursor=" + next
		}
		resp, body := get(t, srv, path)
		var page struct {
			Items      []row
			NextCursor string `json:"next_cursor"`
		}
		if resp.StatusCode != 200 || json.Unmarshal(body, &page) != nil || pages > 10 {
			t.Fatalf("GET %s = %d %s", path, resp.StatusCode, body)
		}
		rows = append(rows, page.Items...)
		if next = page.NextCursor; next == "" {
			break
		}
	}
	var paths []string
	for _, r := range rows {
		paths = append(paths, r.Path)
	}
	if fmt.Sprint(paths) != "[1 2 3 4 5 5(a) 5(b) 5(c)]" || rows[5].Depth != 1 || rows[4].Lemma != "request" || rows[4].Verb != "Requests" {
		t.Errorf("paragraphs of BS-IV/6 = %+v", rows)
	}
	_, body = get(t, srv, "/api/v1/paragraphs?lemma=request&class=directive")
	if !strings.Contains(string(body), `"path":"5"`) || strings.Contains(string(body), `"lemma":"welcome"`) {
		t.Errorf("requests = %.300s", body)
	}
	// One item, with the mandate it makes.
	resp, body := get(t, srv, rows[7].URL)
	var one struct {
		Decision  struct{ Symbol string }
		Paragraph struct{ Path, Text string }
		Anchor    string
		Mandates  []struct {
			Path     string
			Deadline struct{ Meeting string }
		}
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &one) != nil || one.Decision.Symbol != "BS-IV/6" || one.Paragraph.Path != "5(c)" ||
		one.Anchor != "p-5c" || len(one.Mandates) != 1 || one.Mandates[0].Deadline.Meeting != "COP-MOP-5" {
		t.Errorf("GET %s = %d %s", rows[7].URL, resp.StatusCode, body)
	}
	// Actors: the registry's and the mandates', with counts.
	_, body = get(t, srv, "/api/v1/actors")
	var actors struct {
		Items []struct {
			ID         string
			Names      []string
			Registered bool
			Mandates   int
			ByStatus   map[string]int `json:"by_status"`
		}
	}
	if err := json.Unmarshal(body, &actors); err != nil {
		t.Fatal(err)
	}
	found := map[string]int{}
	for _, a := range actors.Items {
		found[a.ID] = a.Mandates
		if a.ID == "gef" && (!a.Registered || !slices.Contains(a.Names, "global environment facility")) {
			t.Errorf("gef = %+v", a)
		}
		if a.Mandates != 0 && a.ByStatus["open"] != a.Mandates {
			t.Errorf("%s: %d mandates, by status %v", a.ID, a.Mandates, a.ByStatus)
		}
	}
	if found["secretariat"] < 5 || found["parties"] < 1 {
		t.Errorf("actor mandates = %v", found)
	}
	resp, body = get(t, srv, "/api/v1/actors/secretariat")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"mandates_url":"/api/v1/mandates?actor=secretariat"`) {
		t.Errorf("secretariat = %d %s", resp.StatusCode, body)
	}
}

func TestMandates(t *testing.T) { onBackends(t, testMandates) }

func testMandates(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	_, body := get(t, srv, "/api/v1/mandates?instrument=minamata&actor=executive-secretary")
	var page struct {
		Items []struct {
			ID         int64
			Symbol     string
			Addressees []struct{ Actor string }
			Deadline   *struct{ Meeting string }
		}
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || page.Items[0].Symbol != "MC-6/[--]" || page.Items[0].Addressees[0].Actor != "executive-secretary" {
		t.Fatalf("mandates = %s", body)
	}
	id := page.Items[0].ID
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(context.Background(), id, accord.MandateUpdate{Status: &done, Note: "Joined.", Evidence: []string{"https://example.org/iomc"}, Who: "t"}); err != nil {
		t.Fatal(err)
	}
	_, body = get(t, srv, fmt.Sprintf("/api/v1/mandates/%d", id))
	if !strings.Contains(string(body), `"status":"completed"`) || !strings.Contains(string(body), `"history":[`) || !strings.Contains(string(body), `"ref":"https://example.org/iomc"`) {
		t.Errorf("mandate = %s", body)
	}
	_, body = get(t, srv, "/api/v1/mandates?status=completed")
	if strings.Count(string(body), `"id":`) != 1 {
		t.Errorf("completed = %s", body)
	}
	// The secretariat gathers its Executive Secretary; owners and a
	// person's check filter too.
	_, body = get(t, srv, "/api/v1/mandates?instrument=minamata&actor=secretariat")
	if n := strings.Count(string(body), `"id":`); n != 8 || !strings.Contains(string(body), `"actor":"executive-secretary"`) {
		t.Errorf("the Minamata secretariat's mandates = %d, want 8 with the Executive Secretary's: %s", n, body)
	}
	owner := "Jane Doe"
	if _, err := st.UpdateMandate(context.Background(), id, accord.MandateUpdate{Owner: &owner, Who: "t"}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"owner=Jane+Doe", "checked=no&instrument=minamata&body=COP&owner=Jane+Doe"} {
		_, body = get(t, srv, "/api/v1/mandates?"+q)
		if strings.Count(string(body), `"id":`) != 1 || !strings.Contains(string(body), fmt.Sprintf(`"id":%d`, id)) {
			t.Errorf("mandates?%s = %s, want mandate %d", q, body, id)
		}
	}
	if resp, body := get(t, srv, "/api/v1/mandates?checked=maybe"); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "checked") {
		t.Errorf("mandates?checked=maybe = %d %s", resp.StatusCode, body)
	}
	// Paging through every mandate, one by one, visits each once.
	seen, cursor := map[float64]bool{}, ""
	for i := 0; i < 200; i++ {
		_, body := get(t, srv, "/api/v1/mandates?limit=7&cursor="+cursor)
		var p struct {
			Items      []map[string]any
			NextCursor string `json:"next_cursor"`
		}
		json.Unmarshal(body, &p)
		for _, it := range p.Items {
			id := it["id"].(float64)
			if seen[id] {
				t.Fatalf("mandate %v on two pages", id)
			}
			seen[id] = true
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	all, _ := st.Mandates(context.Background(), accord.MandateFilter{})
	if len(seen) != len(all) {
		t.Errorf("paged through %d mandates, store holds %d", len(seen), len(all))
	}
}

// TestBadRequests: each gets a 4xx problem+json naming what was wrong,
// never a 500.
func TestBadRequests(t *testing.T) { onBackends(t, testBadRequests) }

func testBadRequests(t *testing.T, backend string) {
	srv, _ := newServer(t, backend)
	tests := []struct {
		path   string
		status int
		detail string
	}{
		{"/api/v1/decisions?colour=red", 400, `unknown query parameter "colour"`},
		{"/api/v1/decisions?cursor=!!!", 400, "malformed cursor"},
		{"/api/v1/decisions?cursor=" + cursorOf("m", 3), 400, "malformed cursor"},
		{"/api/v1/decisions?limit=0", 400, "limit"},
		{"/api/v1/decisions?limit=ten", 400, "limit"},
		{"/api/v1/decisions?kind=memo", 400, `kind "memo"`},
		{"/api/v1/decisions?instrument=a&instrument=b", 400, "given 2 times"},
		{"/api/v1/decisions?instrument=%ff%fe", 400, "not valid UTF-8"},
		{"/api/v1/decisions/abc", 400, `id "abc"`},
		{"/api/v1/decisions/999999", 404, "decision 999999: not found"},
		{"/api/v1/mandates?status=done", 400, `status "done"`},
		{"/api/v1/mandates?overdue=maybe", 400, `overdue "maybe"`},
		{"/api/v1/mandates/0", 400, `id "0"`},
		{"/api/v1/mandates/424242", 404, "mandate 424242: not found"},
		{"/api/v1/nothing", 404, "no such API endpoint"},
		{"/api/v1/decisions?year=25", 400, `year "25"`},
		{"/api/v1/search?q=mercury&year=next", 400, `year "next"`},
		{"/api/v1/paragraphs?decision=x", 400, `decision "x"`},
		{"/api/v1/paragraphs?class=nice", 400, `class "nice"`},
		{"/api/v1/paragraphs?cursor=" + cursorOf("d", 3), 400, "malformed cursor"},
		{"/api/v1/decisions/1/paragraphs/99(z)", 404, `no paragraph "99(z)"`},
		{"/api/v1/decisions/999999/paragraphs/1", 404, "not found"},
		{"/api/v1/actors?colour=red", 400, "unknown query parameter"},
		{"/api/v1/actors/no-such-body", 404, `actor "no-such-body": not found`},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path)
		var p struct {
			Type, Title, Detail string
			Status              int
		}
		if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != "application/problem+json" ||
			json.Unmarshal(body, &p) != nil || p.Status != tt.status || !strings.Contains(p.Detail, tt.detail) {
			t.Errorf("GET %s = %d %s %s; want %d problem with %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), body, tt.status, tt.detail)
		}
	}
	resp, _ := get(t, srv, "/api/v1/decisions")
	req, _ := http.NewRequest("DELETE", srv.URL+"/api/v1/decisions/1", nil)
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := io.ReadAll(r2.Body)
	r2.Body.Close()
	if r2.StatusCode != http.StatusMethodNotAllowed || r2.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(string(b2), "DELETE is not allowed") {
		t.Errorf("DELETE = %d %s %s", r2.StatusCode, r2.Header.Get("Content-Type"), b2)
	}
	if resp.StatusCode != 200 {
		t.Errorf("plain list = %d", resp.StatusCode)
	}
}

func cursorOf(kind string, id int64) string { return cursor(kind, id) }

// pathShape is a path with its segments' names left out: "/documents/{}".
func pathShape(path string) string {
	return regexp.MustCompile(`\{[^}]*\}`).ReplaceAllString(path, "{}")
}

// apiRoutes reads the routes New registers from its source, as OpenAPI
// names them: "get /documents/{ref}" for "GET /api/v1/documents/{ref...}".
// The catch-all of unknown endpoints and the description itself are not
// routes of the API.
func apiRoutes(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "api.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, isLit := call.Args[0].(*ast.BasicLit)
		if !ok || sel.Sel.Name != "Handle" || !isLit || lit.Kind != token.STRING {
			return true
		}
		pattern, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		method, path, _ := strings.Cut(pattern, " ")
		path = strings.TrimPrefix(path, "/api/v1")
		if path == "/" || path == "/openapi.json" {
			return true
		}
		routes = append(routes, strings.ToLower(method)+" "+strings.ReplaceAll(path, "...}", "}"))
		return true
	})
	return routes
}

func TestOpenAPI(t *testing.T) {
	srv, _ := newServer(t, "sqlite")
	resp, body := get(t, srv, "/api/v1/openapi.json")
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct{ Name string }
		}
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &doc) != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %d %.200s", resp.StatusCode, body)
	}
	// The description names every route and every query parameter the
	// handlers take.
	want := map[string][]string{
		"/decisions":                        {"instrument", "meeting", "year", "kind", "limit", "cursor"},
		"/decisions/{id}":                   {"id"},
		"/paragraphs":                       {"decision", "instrument", "meeting", "year", "class", "lemma", "limit", "cursor"},
		"/decisions/{id}/paragraphs/{path}": {"id", "path"},
		"/actors":                           nil,
		"/actors/{actor}":                   {"actor"},
		"/mandates":                         {"instrument", "meeting", "symbol", "due", "status", "actor", "body", "owner", "checked", "mentions", "overdue", "limit", "cursor"},
		"/mandates/{id}":                    {"id"},
		"/audit":                            {"limit", "cursor"},
		"/search":                           {"q", "instrument", "meeting", "year", "class", "actor", "status", "order", "limit", "cursor"},
		"/meetings":                         {"instrument", "body", "year", "from", "to", "limit", "cursor"},
		"/meetings/{id}":                    {"id"},
		"/bodies":                           {"instrument"},
		"/organizations":                    {"kind", "q"},
		"/organizations/{id}":               {"id"},
		"/arrangements":                     {"organization", "instrument", "status"},
		"/arrangements/{id}":                {"id"},
		"/documents":                        {"instrument", "meeting", "q", "limit", "cursor"},
		"/documents/{ref}":                  {"ref"},
		"/decisions/{id}/cited-by":          {"id"},
		"/countries":                        {"group", "q"},
		"/countries/{code}":                 {"code"},
		"/focal-points":                     {"country", "instrument", "role", "limit", "cursor"},
		"/focal-points/{id}":                {"id"},
		"/centres":                          {"convention", "country"},
		"/centres/{id}":                     {"id"},
		"/memberships":                      {"country", "instrument"},
		"/memberships/{id}":                 {"id"},
		"/coordinations":                    {"country", "instrument"},
		"/coordinations/{id}":               {"id"},
		"/instruments":                      nil,
		"/instruments/{id}":                 {"id"},
	}
	// Every route New registers is described, and nothing else.
	routes := apiRoutes(t)
	if len(routes) < 40 {
		t.Fatalf("read %d routes from api.go: %v", len(routes), routes)
	}
	// OpenAPI holds one path of a shape ("/documents/{ref}"), whatever
	// its routes call the segment ("DELETE /documents/{id}").
	described := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" {
				described[method+" "+pathShape(path)] = true
			}
		}
	}
	served := map[string]bool{}
	for _, rt := range routes {
		served[pathShape(rt)] = true
		if !described[pathShape(rt)] {
			t.Errorf("openapi lacks %s, a route of New", rt)
		}
	}
	for op := range described {
		if !served[op] {
			t.Errorf("openapi describes %s, which New does not serve", op)
		}
	}
	for _, rt := range routes {
		if path, ok := strings.CutPrefix(rt, "get "); ok {
			if _, ok := want[path]; !ok {
				t.Errorf("GET %s is a route whose query parameters this test does not check: add it to want", path)
			}
		}
	}
	for path, params := range want {
		op, ok := doc.Paths[path]["get"]
		if !ok {
			t.Errorf("openapi lacks GET %s", path)
			continue
		}
		var got []string
		for _, p := range op.Parameters {
			got = append(got, p.Name)
		}
		if fmt.Sprint(got) != fmt.Sprint(params) {
			t.Errorf("GET %s parameters = %v, want %v", path, got, params)
		}
	}
}

// account adds a user to st and returns its token.
func account(t *testing.T, st accord.Store, name string, role accord.Role, insts ...string) string {
	t.Helper()
	token, hash, err := auth.New(accord.TokenTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUser(context.Background(), accord.User{Name: name, Role: role, Instruments: insts}, hash); err != nil {
		t.Fatal(err)
	}
	return token
}

func send(t *testing.T, srv *httptest.Server, method, path, token, contentType, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// TestWrites: a write without a token is 401, with a token of the wrong
// scope 403, and neither changes anything; an allowed one is recorded.
func TestWrites(t *testing.T) { onBackends(t, testWrites) }

func testWrites(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	admin := account(t, st, "admin", accord.RoleAdmin)
	basel := account(t, st, "basel-editor", accord.RoleEditor, "basel")
	minamata := account(t, st, "mc-editor", accord.RoleEditor, "minamata")
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatal(err)
	}
	id := ms[0].ID
	path := fmt.Sprintf("/api/v1/mandates/%d", id)
	const change = `{"status":"in-progress","note":"Started.","evidence":["UNEP/MC/COP.7/INF/3"],"why":"work began"}`
	tests := []struct {
		name, token, ctype, body string
		status                   int
		detail                   string
	}{
		{"no token", "", "application/json", change, 401, "writing needs an account"},
		{"unknown token", "acc_nope", "application/json", change, 401, "unknown token"},
		{"wrong scope", basel, "application/json", change, 403, "basel-editor may not change mandates of minamata"},
		{"wrong content type", minamata, "text/plain", change, 415, "send application/json"},
		{"unknown field", minamata, "application/json", `{"state":"done"}`, 400, `unknown field \"state\"`},
		{"not json", minamata, "application/json", `status=done`, 400, "not the JSON"},
		{"bad status", minamata, "application/json", `{"status":"done"}`, 400, `unknown status \"done\"`},
		{"bad evidence", minamata, "application/json", `{"evidence":["see minutes"]}`, 400, "neither a http(s) URL"},
		{"long note", minamata, "application/json", `{"note":"` + strings.Repeat("x", 10001) + `"}`, 400, "over the limit of 10000"},
		{"huge body", minamata, "application/json", `{"note":"` + strings.Repeat("x", 70000) + `"}`, 413, "over 64 KB"},
	}
	for _, tt := range tests {
		code, h, body := send(t, srv, "PATCH", path, tt.token, tt.ctype, tt.body)
		if code != tt.status || !strings.Contains(body, tt.detail) || h.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, code, body, tt.status, tt.detail)
		}
		if code == 401 && h.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}
	m, err := st.Mandate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != accord.StatusOpen || len(m.History) != 0 || len(m.Evidence) != 0 {
		t.Fatalf("refused writes changed the mandate: %+v", m)
	}
	code, _, body := send(t, srv, "PATCH", path, minamata, "application/json; charset=utf-8", change)
	if code != 200 || !strings.Contains(body, `"status":"in-progress"`) || !strings.Contains(body, `"who":"mc-editor"`) {
		t.Fatalf("allowed write: %d %s", code, body)
	}
	// The audit log: admins only.
	if code, _, _ := send(t, srv, "GET", "/api/v1/audit", "", "", ""); code != 401 {
		t.Errorf("audit without token = %d", code)
	}
	if code, _, _ := send(t, srv, "GET", "/api/v1/audit", minamata, "", ""); code != 403 {
		t.Errorf("audit as editor = %d", code)
	}
	code, _, body = send(t, srv, "GET", "/api/v1/audit?limit=1", admin, "", "")
	if code != 200 || !strings.Contains(body, `"action":"update mandate"`) || !strings.Contains(body, `"who":"mc-editor"`) ||
		!strings.Contains(body, `\"status\":\"open\"`) || strings.Count(body, `"action"`) != 1 {
		t.Errorf("audit as admin: %d %s", code, body)
	}
	// Older entries page by page through the cursor.
	var seen []int64
	for path := "/api/v1/audit?limit=1"; path != ""; {
		code, _, body = send(t, srv, "GET", path, admin, "", "")
		var page struct {
			Items []struct {
				ID int64 `json:"id"`
			} `json:"items"`
			Next string `json:"next_cursor"`
		}
		if err := json.Unmarshal([]byte(body), &page); code != 200 || err != nil || len(page.Items) != 1 {
			t.Fatalf("GET %s = %d %s", path, code, body)
		}
		if len(seen) > 0 && page.Items[0].ID >= seen[len(seen)-1] {
			t.Errorf("audit entry %d after %d: want older", page.Items[0].ID, seen[len(seen)-1])
		}
		seen = append(seen, page.Items[0].ID)
		path = ""
		if page.Next != "" {
			path = "/api/v1/audit?limit=1&cursor=" + page.Next
		}
		if len(seen) > 100 {
			t.Fatal("more than 100 pages of one entry")
		}
	}
	all, err := st.AuditLog(context.Background(), 1000)
	if err != nil || len(seen) != len(all) {
		t.Errorf("audit pages gave %d entries, the log holds %d (%v)", len(seen), len(all), err)
	}
}

func TestExpiredTokens(t *testing.T) { onBackends(t, testExpiredTokens) }

// testExpiredTokens: a token past its expiry, a revoked one, and one of a
// removed account are refused with 401 saying which, and change nothing;
// another live token of the same account still works.
func testExpiredTokens(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/mandates/%d", ms[0].ID)
	const change = `{"status":"in-progress"}`
	mk := func(user string, ttl time.Duration) string {
		secret, tok, err := auth.New(ttl)
		if err != nil {
			t.Fatal(err)
		}
		tok.User = user
		if _, err := st.AddToken(ctx, "admin", tok); err != nil {
			t.Fatal(err)
		}
		return secret
	}
	account(t, st, "ed", accord.RoleEditor, "minamata")
	short, revoked, live := mk("ed", time.Second), mk("ed", time.Hour), mk("ed", time.Hour)
	account(t, st, "gone", accord.RoleEditor, "minamata")
	removed := mk("gone", time.Hour)
	if _, err := st.RevokeTokens(ctx, "admin", accord.TokenFilter{Prefix: revoked}); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveUser(ctx, "admin", "gone"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	for _, tt := range []struct{ name, token, detail string }{
		{"expired", short, "expired on"},
		{"revoked", revoked, "was revoked on"},
		{"removed account", removed, "the account gone was removed"},
	} {
		code, h, body := send(t, srv, "PATCH", path, tt.token, "application/json", change)
		if code != 401 || !strings.Contains(body, tt.detail) || !strings.Contains(h.Get("WWW-Authenticate"), "invalid_token") {
			t.Errorf("%s token: %d %s %q; want 401 saying %q", tt.name, code, body, h.Get("WWW-Authenticate"), tt.detail)
		}
	}
	if m, _ := st.Mandate(ctx, ms[0].ID); m.Status != accord.StatusOpen {
		t.Fatalf("a refused token changed the mandate: %+v", m)
	}
	if code, _, body := send(t, srv, "PATCH", path, live, "application/json", change); code != 200 {
		t.Errorf("live token: %d %s", code, body)
	}
}

func TestSearch(t *testing.T) { onBackends(t, testSearch) }

func testSearch(t *testing.T, backend string) {
	srv, _ := newServer(t, backend)
	resp, body := get(t, srv, "/api/v1/search?q=observer+status&limit=1")
	var res struct {
		Query string
		Total int
		Hits  []struct {
			Symbol, Path, Snippet, Anchor, Decision string
			SnippetHTML                             string `json:"snippet_html"`
		}
		Facets map[string][]struct {
			Value string
			Count int
		}
		Next string `json:"next_cursor"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &res) != nil {
		t.Fatalf("search: %d %s", resp.StatusCode, body)
	}
	if res.Query != "observer status" || res.Total < 2 || len(res.Hits) != 1 || res.Next == "" {
		t.Errorf("search = %s", body)
	}
	h := res.Hits[0]
	if !strings.Contains(h.SnippetHTML, "<mark>observer</mark>") || strings.Contains(h.Snippet, "<mark>") ||
		!strings.HasPrefix(h.Anchor, "p-") || !strings.HasPrefix(h.Decision, "/api/v1/decisions/") {
		t.Errorf("hit = %+v", h)
	}
	if len(res.Facets["instrument"]) < 2 || len(res.Facets["class"]) == 0 {
		t.Errorf("facets = %+v", res.Facets)
	}
	_, body = get(t, srv, "/api/v1/search?q=observer+status&limit=1&cursor="+res.Next)
	var second struct {
		Hits []struct{ Symbol, Path string }
	}
	json.Unmarshal(body, &second)
	if len(second.Hits) != 1 || second.Hits[0] == (struct{ Symbol, Path string }{h.Symbol, h.Path}) {
		t.Errorf("second page = %s", body)
	}
	_, body = get(t, srv, "/api/v1/search?q=observ*&instrument=cartagena&class=evaluative")
	if !strings.Contains(string(body), `"symbol":"BS-IV/6"`) || strings.Contains(string(body), "MC-6") {
		t.Errorf("filtered search = %s", body)
	}
	for _, bad := range []struct{ q, detail string }{
		{"", "nothing to search for"},
		{"q=" + strings.Repeat("x", 300), "over the limit of 256"},
		{"q=%22%22+*+OR", "nothing to search for"},
		{"q=x&class=nice", `class \"nice\"`},
		{"q=x&order=random", `order \"random\"`},
		{"q=x&cursor=abc", "malformed cursor"},
	} {
		resp, body := get(t, srv, "/api/v1/search?"+bad.q)
		if resp.StatusCode != 400 || !strings.Contains(string(body), bad.detail) {
			t.Errorf("search?%s = %d %s; want 400 with %q", bad.q, resp.StatusCode, body, bad.detail)
		}
	}
	// Engine syntax is read as words, never passed on: no 500.
	for _, q := range []string{`mercury OR NEAR(`, `"unclosed`, `a* b*`, `'); DROP TABLE decisions; --`, `x"y"z*`} {
		resp, body := get(t, srv, "/api/v1/search?q="+url.QueryEscape(q))
		if resp.StatusCode != 200 {
			t.Errorf("search %q = %d %s", q, resp.StatusCode, body)
		}
	}
}

// onBackends runs a test over SQLite, and over PostgreSQL when
// ACCORD_TEST_POSTGRES is set (the subtest says so when it is not).
func onBackends(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) { fn(t, b) })
	}
}

// TestStaffNames: the names of staff who changed a mandate, added its
// evidence or signed its notes reach only readers with an account; anyone
// else reads "secretariat staff", in the mandate, the list and the
// paragraph's mandates.
func TestStaffNames(t *testing.T) { onBackends(t, testStaffNames) }

func testStaffNames(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates: %v", err)
	}
	m := ms[0]
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, m.ID, accord.MandateUpdate{Status: &done, Note: "Joined.", Evidence: []string{"https://example.org/iomc"}, Who: "jane.doe"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateMandate(ctx, m.ID, accord.MandateUpdate{Note: "Reported to the Bureau.", Who: "omar"}); err != nil {
		t.Fatal(err)
	}
	token := account(t, st, "reader", accord.RoleEditor, "basel")
	paths := []string{
		fmt.Sprintf("/api/v1/mandates/%d", m.ID),
		"/api/v1/mandates?status=completed",
		fmt.Sprintf("/api/v1/decisions/%d/paragraphs/%s", m.DecisionID, url.PathEscape(m.Path)),
	}
	for _, path := range paths {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s = %d %s", path, resp.StatusCode, body)
		}
		for _, name := range []string{"jane.doe", "omar"} {
			if strings.Contains(string(body), name) {
				t.Errorf("GET %s without an account shows %q: %s", path, name, body)
			}
		}
		// The mandate itself: history of status, note, evidence and
		// note, and the evidence's own row.
		if n := strings.Count(string(body), `"who":"secretariat staff"`); path == paths[0] && n != 5 {
			t.Errorf("GET %s without an account: %d staff in history and evidence, want 5: %s", path, n, body)
		}
		if !strings.Contains(string(body), `secretariat staff: Joined.\n`) || !strings.Contains(string(body), `secretariat staff: Reported to the Bureau."`) {
			t.Errorf("GET %s without an account: notes not signed by staff: %s", path, body)
		}
		if v := resp.Header.Values("Vary"); !strings.Contains(strings.Join(v, ","), "Authorization") {
			t.Errorf("GET %s: Vary = %q, want Authorization in it", path, v)
		}
		resp, body = get(t, srv, path, "Authorization", "Bearer "+token)
		if resp.StatusCode != 200 || !strings.Contains(string(body), ` jane.doe: Joined.`) || !strings.Contains(string(body), ` omar: Reported`) {
			t.Errorf("GET %s with an account = %d, want the names: %s", path, resp.StatusCode, body)
		}
		if resp, body := get(t, srv, path, "Authorization", "Bearer not-a-token"); resp.StatusCode != 401 {
			t.Errorf("GET %s with an unknown token = %d, want 401: %s", path, resp.StatusCode, body)
		}
	}
}
