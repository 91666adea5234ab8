package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) accord.Store { return openTestSQLite(t) })
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T) accord.Store { return OpenTestPostgres(t) })
}

func openTestSQLite(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "accord.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

// OpenTestPostgres opens a store on a schema of its own (see pgtest).
func OpenTestPostgres(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatalf("Open postgres: %v", err)
	}
	return s
}

func TestMigrateTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "accord.db")
	for i := 0; i < 2; i++ {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		s.Close()
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), filepath.Join(file, "accord.db")); err == nil {
		t.Errorf("Open under a regular file succeeded, want an error")
	}
}

func TestSplitStatements(t *testing.T) {
	got := splitStatements("-- c\nCREATE TABLE a (x INT);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n\tINSERT INTO b VALUES (1);\n\tDELETE FROM c;\nEND;\nCREATE INDEX i ON a (x);\n")
	want := []string{"CREATE TABLE a (x INT)", "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n\tINSERT INTO b VALUES (1);\n\tDELETE FROM c;\nEND;", "CREATE INDEX i ON a (x)"}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("splitStatements = %q\nwant %q", got, want)
	}
}

// TestBackfillFacets checks that paragraphs stored before facet sets
// existed get theirs from migration 9's step.
func TestBackfillFacets(t *testing.T) {
	ctx := context.Background()
	s := openTestSQLite(t)
	defer s.Close()
	d := accord.Decision{Symbol: "MC-6/3", Instrument: "minamata", Meeting: "COP-6", Year: 2025, Kind: accord.KindDecision,
		Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Verb: "request", Class: accord.Directive, Text: "Requests the secretariat to report on mercury;"}},
		Mandates: []accord.Mandate{{Seq: 1, Path: "1", Verb: "request", Action: "to report on mercury", Deliverable: "report",
			Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}}}}}
	if _, err := s.Ingest(ctx, accord.Source{Name: "a.txt"}, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE paragraphs SET facet_set = 0`); err != nil {
		t.Fatal(err)
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.backfillFacets(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, accord.SearchQuery{Terms: []accord.SearchTerm{{Words: []string{"mercury"}}}})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(res.Total, res.Facets["instrument"], res.Facets["year"], res.Facets["actor"], res.Facets["status"])
	if want := "1 [{minamata 1}] [{2025 1}] [{secretariat 1}] [{open 1}]"; got != want {
		t.Errorf("after backfill: %s, want %s", got, want)
	}
}
