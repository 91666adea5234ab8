package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/pgtest"
)

// busyDecision is a decision with one mandate, for the tests of writes
// that find what they need held by another writer.
var busyDecision = accord.Decision{Symbol: "MC-6/3", Instrument: "minamata", Meeting: "COP-6", Year: 2025, Kind: accord.KindDecision,
	Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Verb: "request", Class: accord.Directive, Text: "Requests the secretariat to report on mercury;"}},
	Mandates: []accord.Mandate{{Seq: 1, Path: "1", Verb: "request", Action: "to report on mercury", Deliverable: "report",
		Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}}}}}

// checkBusy checks that the writes of a store whose database another
// writer holds fail with accord.ErrBusy saying to try again, change
// nothing, and succeed once the other writer is done.
func checkBusy(t *testing.T, s *Store, hold func() (release func())) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, accord.Source{Name: "a.txt"}, []accord.Decision{busyDecision}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Mandates(ctx, accord.MandateFilter{})
	if err != nil || len(ms) != 1 {
		t.Fatalf("mandates: %v %v", ms, err)
	}
	status := accord.StatusCompleted
	change := accord.MandateUpdate{Status: &status, Note: "Done.", Who: "jane"}
	again := busyDecision
	again.Title = "Cooperation"
	writes := []struct {
		name string
		do   func() error
	}{
		{"UpdateMandate", func() error { _, err := s.UpdateMandate(ctx, ms[0].ID, change); return err }},
		{"Ingest", func() error {
			_, err := s.Ingest(ctx, accord.Source{Name: "a.txt"}, []accord.Decision{again})
			return err
		}},
	}
	release := hold()
	for _, w := range writes {
		start := time.Now()
		err := w.do()
		if !errors.Is(err, accord.ErrBusy) || !strings.Contains(err.Error(), "try again") {
			t.Errorf("%s while another writer holds the data: err = %v, want ErrBusy saying to try again", w.name, err)
		}
		t.Logf("%s: %v after %v", w.name, err, time.Since(start).Round(time.Millisecond))
	}
	release()
	m, err := s.Mandate(ctx, ms[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Decision(ctx, "minamata", "MC-6/3")
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != accord.StatusOpen || len(m.History) != 0 || d.Title != "" {
		t.Errorf("refused writes changed the store: status %s, history %v, title %q", m.Status, m.History, d.Title)
	}
	for _, w := range writes {
		if err := w.do(); err != nil {
			t.Errorf("%s once the other writer is done: %v", w.name, err)
		}
	}
}

// TestBusySQLite: another process's writer holds the SQLite file for
// longer than the busy timeout.
func TestBusySQLite(t *testing.T) {
	s := openTestSQLite(t)
	defer s.Close()
	ctx := context.Background()
	// Wait 50 ms, not 10 s, for the other writer.
	if _, err := s.write.ExecContext(ctx, `PRAGMA busy_timeout = 50`); err != nil {
		t.Fatal(err)
	}
	var path string
	if err := s.read.QueryRowContext(ctx, `SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&path); err != nil {
		t.Fatal(err)
	}
	checkBusy(t, s, func() func() {
		other, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := other.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
			t.Fatal(err)
		}
		return func() {
			conn.ExecContext(ctx, `ROLLBACK`)
			conn.Close()
			other.Close()
		}
	})
}

// TestBusyPostgres: another transaction holds the rows a write needs for
// longer than the lock timeout the database sets, at every attempt.
func TestBusyPostgres(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	s, err := Open(ctx, url) // migrated without a lock timeout
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, url+"&lock_timeout=100ms")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkBusy(t, s, func() func() {
		tx, err := s.read.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `SELECT id FROM decisions FOR UPDATE`); err != nil {
			t.Fatal(err)
		}
		return func() { tx.Rollback() }
	})
}
