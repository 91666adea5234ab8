package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestBackfillCitationKeys: the citations of decisions stored before
// migration 20 get the keys cited-by reads, so that they are found.
func TestBackfillCitationKeys(t *testing.T) {
	ctx := context.Background()
	s := openTestSQLite(t)
	defer s.Close()
	cited := accord.Decision{Symbol: "BC-16/2", Instrument: "basel", Kind: accord.KindDecision}
	citing := accord.Decision{Symbol: "MC-6/3", Instrument: "minamata", Kind: accord.KindDecision,
		References: accord.References{Documents: []string{"UNEP/MC/COP 6/INF/28"}, Decisions: []accord.DecisionRef{{Cited: "BC 16/2", Instrument: "basel"}}}}
	if _, err := s.Ingest(ctx, accord.Source{Name: "old.txt"}, []accord.Decision{cited, citing}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE document_refs SET symbol_key = ''`, `UPDATE decision_refs SET cited_key = ''`} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if cs, _ := s.CitedBy(ctx, accord.CitesDocument, "UNEP/MC/COP.6/INF/28", 0); len(cs) != 0 {
		t.Fatalf("citations without keys are found: %+v", cs)
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.backfillCitationKeys(ctx, tx) }); err != nil {
		t.Fatalf("backfill: %v", err)
	}
	if cs, err := s.CitedBy(ctx, accord.CitesDocument, "UNEP/MC/COP.6/INF/28", 0); err != nil || len(cs) != 1 || cs[0].By.Symbol != "MC-6/3" {
		t.Errorf("CitedBy(document) after the backfill = %+v, %v; want MC-6/3", cs, err)
	}
	d, err := s.Decision(ctx, "basel", "BC-16/2")
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := s.CitedBy(ctx, accord.CitesDecision, strconv.FormatInt(d.ID, 10), 0); err != nil || len(cs) != 1 || cs[0].By.Symbol != "MC-6/3" {
		t.Errorf("CitedBy(decision) after the backfill = %+v, %v; want MC-6/3", cs, err)
	}
}

// TestCitedByUsesIndex: what cites a document or a decision is read from
// the index of the keys, not by a scan of the citations.
func TestCitedByUsesIndex(t *testing.T) {
	s := openTestSQLite(t)
	defer s.Close()
	for _, tt := range []struct{ query, index string }{
		{`SELECT d.id FROM document_refs r JOIN decisions d ON d.id = r.decision_id WHERE r.symbol_key = ?`, "document_refs_key"},
		{`SELECT d.id FROM decision_refs r JOIN decisions d ON d.id = r.decision_id
			WHERE r.cited_key = ? AND (r.instrument = ? OR r.instrument = '') AND r.decision_id <> ?`, "decision_refs_key"},
	} {
		rows, err := s.read.Query(`EXPLAIN QUERY PLAN `+tt.query, "X", "basel", 1)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		got := strings.Join(plan, "; ")
		if !strings.Contains(got, tt.index) || strings.Contains(got, "SCAN r") {
			t.Errorf("plan of %s = %s, want a search of %s", tt.index, got, tt.index)
		}
	}
}
