package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/store"
)

// maxTestPage is the size no page may pass however large what it shows.
const maxTestPage = 2 << 20

// ones is a decision of n paragraphs that all print the number "1.", each
// asking the Executive Secretary for something.
func ones(n int) []byte {
	var b strings.Builder
	b.WriteString("Decision BS-V/10: Repeated numbers\n\nThe Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "1. Requests the Executive Secretary to report on item %d at its sixth meeting;\n\n", i)
	}
	return []byte(b.String())
}

// get fetches path and returns its status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// decisionPages fetches every page of a decision, following its next
// links, and checks each one's size; it returns the pages parsed.
func decisionPages(t *testing.T, srv *httptest.Server, id int64) []*html.Node {
	t.Helper()
	var docs []*html.Node
	for path := fmt.Sprintf("/decisions/%d", id); path != ""; {
		status, body := get(t, srv, path)
		if status != 200 {
			t.Fatalf("GET %s = %d: %.300s", path, status, body)
		}
		if len(body) > maxTestPage {
			t.Fatalf("GET %s: %d bytes, want at most %d", path, len(body), maxTestPage)
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
		path = ""
		if next := all(doc, "a.next"); len(next) > 0 {
			path = attr(next[0], "href")
		}
		if len(docs) > 100 {
			t.Fatal("more than 100 pages")
		}
	}
	return docs
}

// TestRepeatedNumbers: a decision whose two thousand paragraphs all carry
// the number "1." shows each paragraph once, beside its own mandate, on
// pages of bounded size.
func TestRepeatedNumbers(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "ones.txt"}, ones(2000), parse.Options{}); err != nil {
		t.Fatal(err)
	}
	id := decisionID(t, st, "BS-V/10")
	ids := map[string]bool{}
	mandates := 0
	for _, doc := range decisionPages(t, srv, id) {
		for _, p := range all(doc, "div.para") {
			a := attr(p, "id")
			if ids[a] {
				t.Errorf("paragraph id %q twice", a)
			}
			ids[a] = true
			if ms := all(p, "div.mandates li"); len(ms) != 1 {
				t.Fatalf("paragraph %s lists %d mandates, want its own one", a, len(ms))
			}
			mandates++
		}
	}
	if len(ids) != 2000 || mandates != 2000 {
		t.Errorf("%d paragraphs and %d mandates shown, want 2000 each", len(ids), mandates)
	}
}

// TestManyMandatesOnePath: a decision stored before paths were unique,
// whose thousand paragraphs share one path and its thousand mandates,
// still makes pages of bounded size that list a bounded number of
// mandates per paragraph and link to the rest.
func TestManyMandatesOnePath(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	d := accord.Decision{Symbol: "BS-V/11", Instrument: "cartagena", Meeting: "COP-MOP-5", Title: "One path", Kind: accord.KindDecision}
	for i := 0; i < 1000; i++ {
		d.Paragraphs = append(d.Paragraphs, accord.Paragraph{Number: "1", Path: "1", Phrase: "Requests", Verb: "request", Class: accord.Directive,
			Text: fmt.Sprintf("Requests the Executive Secretary to report on item %d;", i)})
		d.Mandates = append(d.Mandates, accord.Mandate{Path: "1", Seq: i + 1, Verb: "request", Phrase: "Requests",
			Addressees: []accord.Addressee{{Text: "the Executive Secretary", Actor: "executive-secretary"}},
			Action:     fmt.Sprintf("to report on item %d", i), Deliverable: "report"})
	}
	if _, err := st.Ingest(ctx, accord.Source{Name: "one-path.txt"}, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	id := decisionID(t, st, "BS-V/11")
	paras := 0
	for _, doc := range decisionPages(t, srv, id) {
		for _, p := range all(doc, "div.para") {
			paras++
			if ms := all(p, "div.mandates li"); len(ms) > mandatesShown {
				t.Fatalf("a paragraph lists %d mandates, want at most %d", len(ms), mandatesShown)
			}
			more := all(p, "a.more")
			if len(more) != 1 || attr(more[0], "href") != fmt.Sprintf("/mandates?decision=%d", id) {
				t.Fatalf("no link to the paragraph's other mandates: %q", text(p))
			}
		}
	}
	if paras != 1000 {
		t.Errorf("%d paragraphs shown, want 1000", paras)
	}
	doc := fetch(t, srv, fmt.Sprintf("/mandates?decision=%d", id), 200)
	if rows := all(doc, "table.board tbody tr"); len(rows) != listPageSize {
		t.Errorf("board of the decision: %d rows, want a page of %d", len(rows), listPageSize)
	}
}

// TestDecisionPageParam: a link to a paragraph names it, and lands on the
// page that holds it; bad page numbers are refused.
func TestDecisionPageParam(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "ones.txt"}, ones(6000), parse.Options{}); err != nil {
		t.Fatal(err)
	}
	id := decisionID(t, st, "BS-V/10")
	if docs := decisionPages(t, srv, id); len(docs) < 2 {
		t.Fatalf("%d pages of 6000 paragraphs, want several", len(docs))
	}
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d?para=1~5000", id), 200)
	if len(all(doc, "#p-1~5000")) != 1 {
		t.Errorf("?para=1~5000 does not show paragraph 1~5000")
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{DecisionID: id, Limit: 1, Offset: 4999})
	if err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", ms[0].ID), 200)
	var href string
	for _, a := range all(doc, "a") {
		if strings.HasPrefix(attr(a, "href"), fmt.Sprintf("/decisions/%d", id)) {
			href = attr(a, "href")
		}
	}
	if want := fmt.Sprintf("/decisions/%d?para=1~5000#p-1~5000", id); href != want {
		t.Errorf("mandate page links to %q, want %q", href, want)
	}
	for _, q := range []string{"page=0", "page=x", "page=999999"} {
		status, _ := get(t, srv, fmt.Sprintf("/decisions/%d?%s", id, q))
		if status != 400 && status != 404 {
			t.Errorf("?%s = %d, want 400 or 404", q, status)
		}
	}
}

// TestListPages: every list is shown a bounded page at a time, with links
// to the pages beside it.
func TestListPages(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "lists.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const n = 250
	var ds []accord.Decision
	for i := 0; i < n; i++ {
		ds = append(ds, accord.Decision{Symbol: fmt.Sprintf("MC-6/%d", i+1), Instrument: "minamata", Meeting: "COP-6", Title: "Decision", Kind: accord.KindDecision,
			Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Text: "Requests the Secretariat to report;"}},
			Mandates: []accord.Mandate{{Path: "1", Seq: 1, Verb: "request", Phrase: "Requests", Action: "to report", Deliverable: "report",
				Addressees: []accord.Addressee{{Text: "the Secretariat", Actor: "secretariat"}}}}})
	}
	if _, err := st.Ingest(ctx, accord.Source{Name: "many.txt", Who: "test"}, ds); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)

	for _, tt := range []struct{ path, rows string }{
		{"/decisions?instrument=minamata", "table.decisions tbody tr"},
		{"/mandates?instrument=minamata", "table.board tbody tr"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			seen := map[string]bool{}
			path, pages := tt.path, 0
			for path != "" {
				doc := fetch(t, srv, path, 200)
				pages++
				rows := all(doc, tt.rows)
				if len(rows) > listPageSize {
					t.Fatalf("GET %s: %d rows, want at most %d", path, len(rows), listPageSize)
				}
				for _, r := range rows {
					if seen[text(r)] {
						t.Errorf("row %q on two pages", text(r))
					}
					seen[text(r)] = true
				}
				if pages > 1 && len(all(doc, "a.prev")) != 1 {
					t.Errorf("GET %s: no link to the page before", path)
				}
				path = ""
				if next := all(doc, "a.next"); len(next) > 0 {
					path = attr(next[0], "href")
					if !strings.Contains(path, "instrument=minamata") {
						t.Errorf("next page %q drops the filter", path)
					}
				}
			}
			if len(seen) != n || pages != (n+listPageSize-1)/listPageSize {
				t.Errorf("%d rows on %d pages, want %d on %d", len(seen), pages, n, (n+listPageSize-1)/listPageSize)
			}
		})
	}
	for _, p := range []string{"/decisions?page=0", "/decisions?page=x", "/mandates?page=-1", "/mandates?decision=x",
		"/search?q=report&offset=-1", "/search?q=report&offset=99999999", "/search?q=report&offset=x"} {
		fetch(t, srv, p, 400)
	}

	// Search: 250 hits, twenty a page, with links both ways.
	doc := fetch(t, srv, "/search?q=report", 200)
	if hits := all(doc, "ol.hits li"); len(hits) != searchPageSize || len(all(doc, "a.prev")) != 0 || len(all(doc, "a.next")) != 1 {
		t.Fatalf("first page of search: %d hits, prev %d, next %d", len(hits), len(all(doc, "a.prev")), len(all(doc, "a.next")))
	}
	doc = fetch(t, srv, attr(all(doc, "a.next")[0], "href"), 200)
	if hits := all(doc, "ol.hits li"); len(hits) != searchPageSize || len(all(doc, "a.prev")) != 1 {
		t.Fatalf("second page of search: %d hits, prev %d", len(hits), len(all(doc, "a.prev")))
	}
	if prev := attr(all(doc, "a.prev")[0], "href"); !strings.Contains(prev, "offset=0") || !strings.Contains(prev, "q=report") {
		t.Errorf("previous results link %q", prev)
	}

	// The audit log: a hundred entries a page, older ones after.
	for i := 0; i < 150; i++ {
		if _, err := st.AddUser(ctx, accord.User{Name: fmt.Sprintf("u%d", i), Role: accord.RoleEditor}, accord.Token{Hash: fmt.Sprintf("%064x", i), Expires: time.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	token, tok, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(ctx, accord.User{Name: "root", Role: accord.RoleAdmin}, tok); err != nil {
		t.Fatal(err)
	}
	admin := client(t)
	signInWith(t, admin, srv, token, "")
	seen := map[string]bool{}
	path, pages := "/audit", 0
	for path != "" {
		resp, doc := getWith(t, admin, srv, path)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s = %d", path, resp.StatusCode)
		}
		pages++
		rows := all(doc, "table.audit tbody tr")
		if len(rows) > listPageSize {
			t.Fatalf("GET %s: %d rows", path, len(rows))
		}
		for _, r := range rows {
			if seen[text(r)] {
				t.Errorf("audit row %q twice", text(r))
			}
			seen[text(r)] = true
		}
		path = ""
		if next := all(doc, "a.next"); len(next) > 0 {
			path = attr(next[0], "href")
		}
	}
	if len(seen) != 153 || pages != 2 { // the ingest, 151 users, root's sign-in
		t.Errorf("audit: %d entries on %d pages, want 153 on 2", len(seen), pages)
	}
	if resp, _ := getWith(t, admin, srv, "/audit?before=x"); resp.StatusCode != 400 {
		t.Errorf("/audit?before=x = %d, want 400", resp.StatusCode)
	}
}

// TestClientGone: a request whose client has gone is not rendered, and
// is not logged as a failure.
func TestClientGoneStopsRendering(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "gone.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "ones.txt"}, ones(50), parse.Options{}); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	h := New(st, slog.New(slog.NewTextHandler(&logged, nil)))
	id := decisionID(t, st, "BS-V/10")
	for _, path := range []string{"/decisions", fmt.Sprintf("/decisions/%d", id), "/mandates", "/search?q=report"} {
		gone, cancel := context.WithCancel(ctx)
		cancel()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil).WithContext(gone))
		if rec.Body.Len() > 0 && rec.Code == 200 {
			t.Errorf("GET %s after the client left: rendered %d bytes", path, rec.Body.Len())
		}
	}
	if strings.Contains(logged.String(), "level=ERROR") {
		t.Errorf("a client that left is logged as a failure:\n%s", logged.String())
	}
}

// TestPageBuffer: rendering stops at maxPageBytes, and once the request's
// context is done.
func TestPageBuffer(t *testing.T) {
	var buf bytes.Buffer
	w := pageBuffer(httptest.NewRecorder(), &buf)
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	var err error
	for i := 0; i <= maxPageBytes>>20 && err == nil; i++ {
		_, err = w.Write(chunk)
	}
	if err != errPageTooLarge || buf.Len() > maxPageBytes {
		t.Errorf("after %d bytes: %v, want %v", buf.Len(), err, errPageTooLarge)
	}
	ctx, cancel := context.WithCancel(context.Background())
	buf.Reset()
	w = pageBuffer(&pageWriter{ResponseWriter: httptest.NewRecorder(), ctx: ctx}, &buf)
	if _, err := w.Write(chunk); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := w.Write(chunk); err != context.Canceled || buf.Len() != len(chunk) {
		t.Errorf("write after the client left: %v, %d bytes kept", err, buf.Len())
	}
}
