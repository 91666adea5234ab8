package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// queryPlan is what SQLite's EXPLAIN QUERY PLAN says of a query, a step a
// line.
func queryPlan(t *testing.T, s *Store, query string, args []any) string {
	t.Helper()
	rows, err := s.read.QueryContext(context.Background(), `EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN QUERY PLAN %s: %v", query, err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "\n")
}

// TestListPlans: on SQLite, every filter of the mandate board under every
// sort, and of the decisions list, is read by one walk of the covering
// index of the list's order, in order: no table is read to filter or to
// skip rows, and nothing is sorted; the filters that keep a few mandates
// find them by their own index.
func TestListPlans(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "accord.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	planFixture(t, s)
	walkQueries(t, s, func(f accord.MandateFilter, query string, args []any) {
		plan := queryPlan(t, s, query, args)
		index := "mandates_board_" + strings.TrimPrefix(cmpOr(f.Sort, "decision"), "-")
		walk := strings.Contains(plan, "SCAN m USING COVERING INDEX "+index) || strings.Contains(plan, "SEARCH m USING COVERING INDEX "+index+" (")
		if !walk || strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, " d ") {
			t.Errorf("Mandates(%+v) is read:\n%s\nwant one walk of %s", f, plan, index)
		}
	})
	// The words of mentions (the command line's) are read from each
	// mandate's row, in the order of the index still.
	query, args, err := s.mandateIDs(ctx, accord.MandateFilter{Mentions: "report", Sort: "-due"})
	if err != nil {
		t.Fatal(err)
	}
	if plan := queryPlan(t, s, query, args); !strings.Contains(plan, "SCAN m USING INDEX mandates_board_due") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("Mandates(Mentions) is read:\n%s\nwant one walk of mandates_board_due", plan)
	}
	for _, f := range []accord.MandateFilter{{Owner: "Jane Doe"}, {Checked: "yes"}, {DecisionID: 1}, {Symbol: "MC-6/1", Sort: "due"}} {
		query, args, err := s.mandateIDs(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if plan := queryPlan(t, s, query, args); !strings.Contains(plan, "SEARCH m USING") {
			t.Errorf("Mandates(%+v), which keeps a few, is read:\n%s\nwant a search of its index", f, plan)
		}
	}
	for _, f := range decisionFilters {
		query, args := s.decisionIDs(f)
		plan := queryPlan(t, s, query, args)
		if !strings.Contains(plan, "USING COVERING INDEX decisions_board") || strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("Decisions(%+v) is read:\n%s\nwant one walk of decisions_board", f, plan)
		}
	}
}

// planFixture stores a decision and its mandate, for the plans of the
// lists.
func planFixture(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.Ingest(context.Background(), accord.Source{Name: "a.txt"}, []accord.Decision{{Symbol: "MC-6/1", Instrument: "minamata", Meeting: "COP-6", Kind: accord.KindDecision,
		Title: "Cooperation", Mandates: []accord.Mandate{{Seq: 1, Path: "1", Verb: "request", Action: "to report",
			Addressees: []accord.Addressee{{Text: "the Secretariat", Actor: "secretariat"}}, Deadline: &accord.Deadline{Text: "at its seventh meeting", Meeting: "COP-7"}}}}}); err != nil {
		t.Fatal(err)
	}
}

// walkQueries calls check with each of walkFilters under each of
// mandateSorts and the query of the ids of its mandates.
func walkQueries(t *testing.T, s *Store, check func(f accord.MandateFilter, query string, args []any)) {
	t.Helper()
	for _, f := range walkFilters {
		for _, sort := range mandateSorts {
			f.Sort = sort
			query, args, err := s.mandateIDs(context.Background(), f)
			if err != nil {
				t.Fatalf("mandateIDs(%+v): %v", f, err)
			}
			check(f, query, args)
		}
	}
}

// walkFilters are filters of the board whose pages are found by one walk
// of the index of their order (mandateWalk), and mandateSorts its sorts.
var (
	walkFilters = []accord.MandateFilter{{}, {Instrument: "Minamata"}, {Body: "COP"}, {Meeting: "COP-6"}, {Instrument: "minamata", Meeting: "COP-6"},
		{Actor: "secretariat"}, {Actor: "secretariat", Instrument: "basel"}, {Actor: "Executive Secretary"},
		{Status: accord.StatusCompleted}, {DueMeeting: "COP-7"}, {Overdue: true}, {Upcoming: true}, {Pending: true}, {Checked: "no"},
		{Instrument: "minamata", Actor: "gef", Status: accord.StatusOpen, Overdue: true, Checked: "no"}}
	mandateSorts = []string{"", "decision", "-decision", "due", "-due", "status", "-status", "actor", "-actor"}
	// decisionFilters are filters of the decisions list.
	decisionFilters = []accord.DecisionFilter{{}, {Instrument: "basel"}, {Meeting: "COP-6"}, {Instrument: "minamata", Meeting: "COP-6"}, {Year: 2026}, {Kind: accord.KindDecision}, {Text: "cooperation"},
		{Text: "MC-6/1 coop", Instrument: "minamata", Year: 2026, Kind: accord.KindDecision}}
)

// TestListPlansPostgres: on PostgreSQL too, a page of the board under
// every filter and sort, and of the decisions list, is read by one walk
// of the index of the list's order, as walkIDs reads it: no table is
// scanned whole and nothing is sorted.
func TestListPlansPostgres(t *testing.T) {
	ctx := context.Background()
	s := OpenTestPostgres(t)
	defer s.Close()
	planFixture(t, s)
	explain := func(query string, args []any) string {
		t.Helper()
		tx, err := s.walkTx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		rows, err := tx.QueryContext(ctx, `EXPLAIN `+s.q(query+` LIMIT 101 OFFSET 19900`), args...)
		if err != nil {
			t.Fatalf("EXPLAIN %s: %v", query, err)
		}
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, l)
		}
		return strings.Join(lines, "\n")
	}
	walks := func(plan, index string) bool {
		return (strings.Contains(plan, "Index Only Scan using "+index+" on ") || strings.Contains(plan, "Index Only Scan Backward using "+index+" on ")) &&
			!strings.Contains(plan, "Sort") && !strings.Contains(plan, "Seq Scan")
	}
	walkQueries(t, s, func(f accord.MandateFilter, query string, args []any) {
		if plan, index := explain(query, args), mandateWalk(f); !walks(plan, index) {
			t.Errorf("Mandates(%+v) is read:\n%s\nwant one walk of %s", f, plan, index)
		}
	})
	for _, f := range decisionFilters {
		query, args := s.decisionIDs(f)
		if plan := explain(query, args); !walks(plan, "decisions_board") {
			t.Errorf("Decisions(%+v) is read:\n%s\nwant one walk of decisions_board", f, plan)
		}
	}
}

func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}
