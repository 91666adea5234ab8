package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

func testSearch(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := withMandates(sample("MC-6/3", "minamata", "COP-6",
		"Requests the secretariat to continue cooperation with the Global Framework on Chemicals;",
		"Invites Parties to strengthen capacity-building for the sound management of mercury waste;"), "COP-7")
	b := sample("BC-16/4", "basel", "COP-16", "Requests the Secretariat to cooperate with the Minamata Convention secretariat on mercury wastes;")
	c := sample("RC-11/2", "rotterdam", "COP-11", "Prie le Secrétariat de poursuivre la coopération avec la Convention de Minamata;")
	a.Year, b.Year, c.Year = 2025, 2023, 2023
	for i, d := range []accord.Decision{a, b, c} {
		if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("s%d.txt", i)}, []accord.Decision{d}); err != nil {
			t.Fatal(err)
		}
	}
	q := func(query string) accord.SearchQuery {
		terms, err := search.Parse(query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", query, err)
		}
		return accord.SearchQuery{Terms: terms}
	}
	tests := []struct {
		name  string
		query accord.SearchQuery
		want  []string // symbol ¶ path, in order
	}{
		{"stemmed", q("wastes"), []string{"BC-16/4 1", "MC-6/3 2"}},
		{"phrase", q(`"global framework"`), []string{"MC-6/3 1"}},
		{"prefix", q("chemi*"), []string{"MC-6/3 1"}},
		{"two words", q("mercury secretariat"), []string{"BC-16/4 1"}},
		{"french", q("poursuivre coopération"), []string{"RC-11/2 1"}},
		{"filter instrument", func() accord.SearchQuery { x := q("mercury"); x.Instrument = "basel"; return x }(), []string{"BC-16/4 1"}},
		{"filter instrument by name", func() accord.SearchQuery { x := q("mercury"); x.Instrument = "Basel Convention"; return x }(), []string{"BC-16/4 1"}},
		{"filter actor", func() accord.SearchQuery { x := q("requests"); x.Actor = "secretariat"; return x }(), []string{"MC-6/3 1"}},
		{"filter year", func() accord.SearchQuery { x := q("minamata"); x.Year = 2023; return x }(), []string{"BC-16/4 1", "RC-11/2 1"}},
		{"filter status", func() accord.SearchQuery { x := q("requests"); x.Status = accord.StatusOpen; return x }(), []string{"MC-6/3 1"}},
		{"filter class", func() accord.SearchQuery { x := q("pursuing"); x.Class = accord.Evaluative; return x }(), nil},
		{"filters together", func() accord.SearchQuery {
			x := q("mercury")
			x.Instrument, x.Meeting, x.Year, x.Class = "minamata", "COP-6", 2025, accord.Directive
			return x
		}(), []string{"MC-6/3 2"}},
		{"engine syntax is words", q(`mercury OR NEAR( "`), []string{"BC-16/4 1", "MC-6/3 2"}},
		{"nothing", q("zebra"), nil},
	}
	for _, tt := range tests {
		tt.query.Order = "recent"
		res, err := s.Search(ctx, tt.query)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Symbol+" "+h.Path)
		}
		sort.Strings(got)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || res.Total != len(tt.want) {
			t.Errorf("%s: hits %v (total %d), want %v", tt.name, got, res.Total, tt.want)
		}
	}
	res, err := s.Search(ctx, q("mercury"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, "\x02") || !strings.Contains(res.Hits[0].Snippet, "\x03") {
		t.Errorf("snippet without marks: %+v", res.Hits)
	}
	if fmt.Sprint(res.Facets["instrument"]) != "[{basel 1} {minamata 1}]" || fmt.Sprint(res.Facets["class"]) != "[{directive 2}]" ||
		fmt.Sprint(res.Facets["year"]) != "[{2023 1} {2025 1}]" || fmt.Sprint(res.Facets["meeting"]) != "[{COP-16 1} {COP-6 1}]" {
		t.Errorf("facets = %v", res.Facets)
	}
	// Facets of mandates: ¶1 of MC-6/3 asks the secretariat and Parties.
	res, err = s.Search(ctx, q("cooperation"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Facets["actor"]) != "[{parties 1} {secretariat 1}]" || fmt.Sprint(res.Facets["status"]) != "[{open 1}]" {
		t.Errorf("mandate facets = actor %v, status %v", res.Facets["actor"], res.Facets["status"])
	}
	// A status change moves the paragraph between status facets.
	ms, err := s.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("Mandates: %v, %v", ms, err)
	}
	done := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	res, err = s.Search(ctx, q("cooperation"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Facets["status"]) != "[{completed 1} {open 1}]" {
		t.Errorf("status facet after a change = %v", res.Facets["status"])
	}
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("cooperation"); x.Status = done; return x }())
	if err != nil || res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Symbol != "MC-6/3" {
		t.Errorf("search by the new status: %+v, %v", res, err)
	}
	// Recent order: the latest year first, though MC-6/3 was stored first.
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("requests"); x.Order = "recent"; return x }())
	if err != nil || len(res.Hits) != 2 || res.Hits[0].Symbol != "MC-6/3" || res.Hits[1].Symbol != "BC-16/4" {
		t.Errorf("recent order: %+v, %v", res.Hits, err)
	}
	// A paragraph whose text changes is found by its new words only, and
	// a decision removed is found no more.
	b.Paragraphs[0].Text = "Requests the Secretariat to cooperate with the Minamata Convention secretariat on residues;"
	if _, err := s.Ingest(ctx, accord.Source{Name: "s1.txt"}, []accord.Decision{b}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "s2.txt"}, []accord.Decision{a}); err != nil {
		t.Fatal(err) // RC-11/2's source now holds MC-6/3 only
	}
	for query, want := range map[string]int{"wastes": 1, "residues": 1, "poursuivre": 0} {
		res, err := s.Search(ctx, q(query))
		if err != nil || res.Total != want || len(res.Hits) != want {
			t.Errorf("after re-ingest, %q: total %d, %d hits, %v; want %d", query, res.Total, len(res.Hits), err, want)
		}
	}
	for _, bad := range []accord.SearchQuery{
		func() accord.SearchQuery { x := q("x"); x.Actor = "% secretariat"; return x }(),
		func() accord.SearchQuery { x := q("x"); x.Status = "done_"; return x }(),
	} {
		if _, err := s.Search(ctx, bad); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("Search(actor %q, status %q): err = %v, want invalid", bad.Actor, bad.Status, err)
		}
	}
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("requests"); x.Limit = 1; x.Offset = 1; return x }())
	if err != nil || res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf("paged search: total %d, %d hits, %v", res.Total, len(res.Hits), err)
	}
	if _, err := s.Search(ctx, accord.SearchQuery{}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("empty search: err = %v", err)
	}
	if _, err := s.Search(ctx, func() accord.SearchQuery { x := q("x"); x.Order = "random"; return x }()); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("bad order: err = %v", err)
	}
}
