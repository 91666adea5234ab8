package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"golang.org/x/net/html"
)

// boardColumn are the texts of a column of the board's rows, by its label.
func boardColumn(doc *html.Node, label string) []string {
	var out []string
	for _, td := range all(doc, "td") {
		if attr(td, "data-label") == label {
			out = append(out, strings.TrimSpace(text(td)))
		}
	}
	return out
}

// TestBoardLists: the board's filters are lists of what is stored (actors
// by name with their counts, bodies, due meetings, owners, a person's
// check), asking for the secretariat gathers its Executive Secretary, and
// its columns sort, the sort kept by the pager and the downloads.
func TestBoardLists(t *testing.T) { onBoth(t, testBoardLists) }

func testBoardLists(t *testing.T, srv *httptest.Server, st accord.Store) {
	doc := fetch(t, srv, "/mandates?instrument=minamata&actor=secretariat", 200)
	asked := boardColumn(doc, "Asked of")
	if len(asked) != 8 || !slices.Contains(asked, "Executive Secretary") || !slices.Contains(asked, "secretariat of the Convention") {
		t.Errorf("the Minamata secretariat's mandates are asked of %q, want 8 with its Executive Secretary", asked)
	}
	var actorOptions []string
	for _, s := range all(doc, "select") {
		if attr(s, "name") == "actor" {
			for _, o := range all(s, "option") {
				actorOptions = append(actorOptions, attr(o, "value")+"="+text(o))
			}
		}
	}
	if !slices.Contains(actorOptions, "parties=Parties (11)") || !slices.Contains(actorOptions, "executive-secretary=Executive Secretary (6)") {
		t.Errorf("actor options = %q, want actors by name with counts", actorOptions)
	}
	for name, want := range map[string]string{"body": "COP-MOP", "due": "COP-MOP-5", "checked": "yes", "status": "open"} {
		if vs := selectValues(doc, name); !slices.Contains(vs, want) {
			t.Errorf("select %s = %q, want %q among them", name, vs, want)
		}
	}

	// Sorting by due: dated first, meetings next, the rest last; the
	// column's link reverses it and every link keeps the filters.
	doc = fetch(t, srv, "/mandates?instrument=minamata&sort=due", 200)
	due := boardColumn(doc, "Due")
	if len(due) != 8 || due[0] == "" || due[len(due)-1] != "" {
		t.Errorf("Minamata's mandates by due = %q, want those due somewhere first", due)
	}
	var heads []string
	for _, a := range all(doc, "th a") {
		heads = append(heads, attr(a, "href"))
	}
	if !slices.Contains(heads, "/mandates?instrument=minamata&sort=-due") || !slices.Contains(heads, "/mandates?instrument=minamata&sort=status") {
		t.Errorf("column links = %q", heads)
	}
	if links := all(doc, "p.downloads a"); len(links) != 2 || attr(links[0], "href") != "/mandates.csv?instrument=minamata&sort=due" {
		t.Errorf("downloads of a sorted board do not keep its sort: %v", links)
	}
	// The filter form offers every sort both ways (a phone hides the
	// column links), the current one chosen.
	orders := selectValues(doc, "sort")
	for _, k := range accord.MandateSorts {
		for _, v := range []string{k, "-" + k} {
			if v == "decision" {
				v = ""
			}
			if !slices.Contains(orders, v) {
				t.Errorf("the sort list %q lacks %q", orders, v)
			}
		}
	}
	var chosen []string
	for _, sel := range all(doc, "select") {
		for _, o := range all(sel, "option") {
			if attr(sel, "name") == "sort" && slices.ContainsFunc(o.Attr, func(a html.Attribute) bool { return a.Key == "selected" }) {
				chosen = append(chosen, attr(o, "value"))
			}
		}
	}
	if len(chosen) != 1 || chosen[0] != "due" {
		t.Errorf("the sort list of a board sorted by due chooses %q, want due", chosen)
	}
	doc = fetch(t, srv, "/mandates?sort=-decision", 200)
	ids := boardColumn(doc, "#")
	first := boardColumn(fetch(t, srv, "/mandates", 200), "#")
	if len(ids) == 0 || len(first) == 0 || ids[0] == first[0] {
		t.Errorf("the board reversed starts with mandate %v, as the board does (%v)", ids[:1], first[:1])
	}

	// A person's check and an owner are filters.
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil {
		t.Fatal(err)
	}
	owner := "Jane Doe"
	if _, err := st.UpdateMandate(ctx, ms[2].ID, accord.MandateUpdate{Owner: &owner, Who: "jane"}); err != nil {
		t.Fatal(err)
	}
	deliv := "study"
	if _, err := st.CorrectMandate(ctx, ms[3].ID, accord.MandateCorrection{Deliverable: &deliv, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  int64
	}{{"owner=Jane+Doe", ms[2].ID}, {"checked=yes", ms[3].ID}} {
		doc := fetch(t, srv, "/mandates?"+tt.query, 200)
		if got := boardColumn(doc, "#"); len(got) != 1 || got[0] != itoa(tt.want) {
			t.Errorf("/mandates?%s = %q, want mandate %d", tt.query, got, tt.want)
		}
	}
	if vs := selectValues(fetch(t, srv, "/mandates", 200), "owner"); !slices.Contains(vs, "") || len(vs) != 2 {
		t.Errorf("owner choices = %q, want anyone and Jane Doe", vs)
	}
	for _, bad := range []string{"/mandates?sort=title", "/mandates?checked=maybe", "/mandates.csv?sort=--due", "/decisions?kind=law"} {
		fetch(t, srv, bad, http.StatusBadRequest)
	}
}

// TestDecisionsFilters: the decisions list filters by instrument (by
// name), meeting, year, kind and words of symbol or title.
func TestDecisionsFilters(t *testing.T) {
	srv, _ := newSite(t)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"", []string{"(no symbol)", "BS-IV/6", "BS-V/9", "MC-6/[--]"}},
		{"instrument=Minamata+Convention", []string{"MC-6/[--]"}},
		{"kind=draft", []string{"MC-6/[--]"}},
		{"q=cooperation+bs-iv", []string{"BS-IV/6"}},
		{"q=nothing+of+the+kind", nil},
	} {
		doc := fetch(t, srv, "/decisions?"+tt.query, 200)
		got := boardColumn(doc, "Symbol")
		if !slices.Equal(got, tt.want) {
			t.Errorf("/decisions?%s = %q, want %q", tt.query, got, tt.want)
		}
		for _, name := range []string{"instrument", "kind"} {
			if len(selectValues(doc, name)) < 2 {
				t.Errorf("/decisions?%s: no list of %s", tt.query, name)
			}
		}
	}
}

// TestMine: a signed-in editor's own view lists what is asked of the
// secretariat of their instruments, its Executive Secretary too, overdue
// first, and the mandates they own; a reader is sent to sign in.
func TestMine(t *testing.T) {
	srv, st := newSite(t)
	c := client(t)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, _ := getWith(t, c, srv, "/mandates/mine")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/signin") {
		t.Errorf("/mandates/mine for a reader = %d to %q, want a redirect to sign in", resp.StatusCode, resp.Header.Get("Location"))
	}
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil {
		t.Fatal(err)
	}
	late := accord.Deadline{Text: "by 1 January 2020", Date: "2020-01-01"}
	if _, err := st.CorrectMandate(ctx, ms[4].ID, accord.MandateCorrection{Deadline: &late, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	c, _ = signIn(t, srv, st, "mia", "minamata")
	owner := "mia"
	parties, err := st.Mandates(ctx, accord.MandateFilter{Actor: "parties", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpdateMandate(ctx, parties[0].ID, accord.MandateUpdate{Owner: &owner, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	resp, doc := getWith(t, c, srv, "/mandates/mine")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/mandates/mine = %d", resp.StatusCode)
	}
	ids := func(sel string) []string {
		var out []string
		for _, tb := range all(doc, sel) {
			out = append(out, boardColumn(tb, "#")...)
		}
		return out
	}
	if got := ids("table.overdue"); !slices.Equal(got, []string{itoa(ms[4].ID)}) {
		t.Errorf("overdue = %q, want mandate %d", got, ms[4].ID)
	}
	pending := ids("table.pending")
	if len(pending) != 6 || slices.Contains(pending, itoa(ms[0].ID)) || slices.Contains(pending, itoa(ms[4].ID)) {
		t.Errorf("not yet due = %q, want the 6 Minamata mandates neither completed nor overdue", pending)
	}
	if got := ids("table.owned"); !slices.Equal(got, []string{itoa(parties[0].ID)}) {
		t.Errorf("owned = %q, want mandate %d", got, parties[0].ID)
	}
	if h := all(doc, "h2"); len(h) == 0 || !strings.Contains(text(h[0]), "Minamata Convention") {
		t.Errorf("the first section is not named for the Minamata Convention")
	}
	board := "/mandates?" + url.Values{"actor": {"secretariat"}, "instrument": {"minamata"}, "sort": {"due"}}.Encode()
	for _, a := range all(doc, "section.mine p a") {
		if href := attr(a, "href"); href != board {
			t.Errorf("the section links to %q", href)
		}
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
