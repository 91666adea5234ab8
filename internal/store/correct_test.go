package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/accordmea/accord"
)

// TestBackfillContentHashes: decisions stored before content hashes get
// theirs, so that their file under another name updates them.
func TestBackfillContentHashes(t *testing.T) {
	ctx := context.Background()
	s := openTestSQLite(t)
	defer s.Close()
	d := accord.Decision{Instrument: "minamata", Kind: accord.KindDecision, Formula: "The Conference of the Parties,",
		Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Text: "Requests the secretariat to report."}}}
	if _, err := s.Ingest(ctx, accord.Source{Name: "old.txt"}, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE decisions SET content_hash = ''`); err != nil {
		t.Fatal(err)
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.backfillContentHashes(ctx, tx) }); err != nil {
		t.Fatalf("backfill: %v", err)
	}
	res, err := s.Ingest(ctx, accord.Source{Name: "old (copy).txt"}, []accord.Decision{d})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 0 || st.Decisions != 1 {
		t.Errorf("the file stored before the backfill, under another name: %+v, %d decisions; want 1 updated", res, st.Decisions)
	}
}
