package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
)

// dumpTables reads every table of the SQLite file at path (the full-text
// index through its shadow tables), each row as text, rows sorted.
func dumpTables(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for names.Next() {
		var n string
		names.Scan(&n)
		tables = append(tables, n)
	}
	names.Close()
	out := map[string][]string{}
	for _, tb := range tables {
		rows, err := db.Query(`SELECT * FROM "` + tb + `"`)
		if err != nil {
			t.Fatalf("dump %s: %v", tb, err)
		}
		cols, _ := rows.Columns()
		out[tb] = []string{}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[tb] = append(out[tb], fmt.Sprintf("%q", vals))
		}
		rows.Close()
		sort.Strings(out[tb])
	}
	return out
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestBackupWhileWriting: a backup taken while mandates are updated and
// files ingested is a snapshot of one moment (every write in it whole);
// restored into another store it gives back every table as it was; a
// backup once writes stop equals the store.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openTestSQLite(t)
	defer s.Close()
	if _, err := s.Ingest(ctx, accord.Source{Name: "base.txt"}, []accord.Decision{decisionWithMandates("MC-6/3", "Requests the secretariat to cooperate;")}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Mandates(ctx, accord.MandateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	var updates, ingests atomic.Int64
	wg.Add(2)
	go func() { // notes, one history row and one audit entry each
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			if _, err := s.UpdateMandate(ctx, ms[i%len(ms)].ID, accord.MandateUpdate{Note: fmt.Sprintf("note %d", i), Who: "jo"}); err != nil {
				t.Error(err)
				return
			}
			updates.Add(1)
		}
	}()
	go func() { // a decision with two mandates each
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			d := decisionWithMandates(fmt.Sprintf("MC-7/%d", i+1), "Requests the secretariat to report on mercury;")
			if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("f%d.txt", i)}, []accord.Decision{d}); err != nil {
				t.Error(err)
				return
			}
			ingests.Add(1)
		}
	}()
	for (updates.Load() < 20 || ingests.Load() < 5) && !t.Failed() {
		time.Sleep(time.Millisecond)
	}
	mid := filepath.Join(dir, "mid.db")
	if err := s.Backup(ctx, mid); err != nil {
		stop.Store(true)
		wg.Wait()
		t.Fatalf("Backup while writing: %v", err)
	}
	before := updates.Load()
	for updates.Load() < before+20 && !t.Failed() {
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d updates and %d ingests ran; the backup was taken after %d updates", updates.Load(), ingests.Load(), before)

	// The snapshot holds every write whole: each update's note, history
	// row and audit entry together; each ingest's decision and mandates.
	db, err := sql.Open("sqlite", "file:"+mid+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	hist, audits := count(t, db, `SELECT count(*) FROM mandate_history`), count(t, db, `SELECT count(*) FROM audit WHERE action = 'update mandate'`)
	lines := count(t, db, `SELECT coalesce(sum(length(notes) - length(replace(notes, char(10), '')) + 1), 0) FROM mandates WHERE notes <> ''`)
	decs, mans := count(t, db, `SELECT count(*) FROM decisions`), count(t, db, `SELECT count(*) FROM mandates`)
	listVersion := count(t, db, `SELECT version FROM list_version`)
	db.Close()
	if hist != audits || hist != lines || hist == 0 || int64(hist) == updates.Load() {
		t.Errorf("backup: %d history rows, %d audit entries, %d note lines (want equal, between 1 and %d)", hist, audits, lines, updates.Load()-1)
	}
	if mans != 2*decs {
		t.Errorf("backup: %d decisions and %d mandates, want two mandates a decision", decs, mans)
	}

	// Restored into a new store, it gives back every table.
	r := openTestSQLite(t)
	defer r.Close()
	if err := r.Restore(ctx, mid, false); err != nil {
		t.Fatalf("Restore into an empty store: %v", err)
	}
	rPath := storePath(t, r)
	want, got := dumpTables(t, mid), dumpTables(t, rPath)
	wantAudit, gotAudit := want["audit"], got["audit"]
	for _, t := range []string{"audit", "list_version"} {
		delete(want, t)
		delete(got, t)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("restored store differs from the backup (-want +got):\n%s", diff)
	}
	if len(gotAudit) != len(wantAudit)+1 || !strings.Contains(strings.Join(gotAudit, "\n"), `"restore"`) {
		t.Errorf("restored audit log: %d entries, backup's %d; want the backup's and the restore", len(gotAudit), len(wantAudit))
	}
	// The list version goes past the backup's, which processes may have
	// kept lists of.
	var restored int
	if err := r.read.QueryRowContext(ctx, `SELECT version FROM list_version`).Scan(&restored); err != nil || restored <= listVersion {
		t.Errorf("restored list version = %d, %v; want past the backup's %d", restored, err, listVersion)
	}
	var mode string
	r.write.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode after restore = %q, want wal", mode)
	}
	if res, err := r.Search(ctx, accord.SearchQuery{Terms: []accord.SearchTerm{{Words: []string{"mercury"}}}}); err != nil || res.Total != decs-1 {
		t.Errorf("search in the restored store = %d hits, %v; want %d", res.Total, err, decs-1)
	}

	// A backup once writes stop equals the store, table by table.
	end := filepath.Join(dir, "end.db")
	if err := s.Backup(ctx, end); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(dumpTables(t, storePath(t, s)), dumpTables(t, end)); diff != "" {
		t.Errorf("backup of a quiet store differs from it (-store +backup):\n%s", diff)
	}

	// The restored store is not empty: without force it is left alone;
	// with force it becomes the newer backup.
	held := dumpTables(t, rPath)
	if err := r.Restore(ctx, end, false); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("Restore over a store that is not empty, without force: err = %v, want ErrConflict", err)
	}
	if diff := cmp.Diff(held, dumpTables(t, rPath)); diff != "" {
		t.Errorf("a refused restore changed the store (-before +after):\n%s", diff)
	}
	if err := r.Restore(ctx, end, true); err != nil {
		t.Fatalf("Restore with force: %v", err)
	}
	if n := len(dumpTables(t, rPath)["decisions"]); n != decsIn(t, end) {
		t.Errorf("after a forced restore: %d decisions, want the backup's %d", n, decsIn(t, end))
	}
	if err := s.Backup(ctx, end); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("Backup over an existing file: err = %v, want ErrConflict", err)
	}
}

// decisionWithMandates is a Minamata decision of one paragraph that asks
// two things of the secretariat.
func decisionWithMandates(symbol, text string) accord.Decision {
	m := func(seq int, action string) accord.Mandate {
		return accord.Mandate{Seq: seq, Path: "1", Verb: "request", Action: action, Deliverable: "report",
			Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}}}
	}
	return accord.Decision{Symbol: symbol, Instrument: "minamata", Meeting: "COP-7", Year: 2025, Kind: accord.KindDecision,
		Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Verb: "request", Class: accord.Directive, Text: text}},
		Mandates:   []accord.Mandate{m(1, "to report"), m(2, "to cooperate")}}
}

func decsIn(t *testing.T, path string) int { return len(dumpTables(t, path)["decisions"]) }

func storePath(t *testing.T, s *Store) string {
	t.Helper()
	var seq int
	var name, file string
	if err := s.read.QueryRow(`PRAGMA database_list`).Scan(&seq, &name, &file); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestRestoreRefuses: a file that is not an accord store, or is one of a
// schema this accord does not know, is refused and changes nothing.
func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openTestSQLite(t)
	defer s.Close()
	if _, err := s.Ingest(ctx, accord.Source{Name: "base.txt"}, []accord.Decision{decisionWithMandates("MC-6/3", "Requests the secretariat to cooperate;")}); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database\n", 500)), 0o644)
	other := filepath.Join(dir, "other.db")
	odb, _ := sql.Open("sqlite", other)
	odb.Exec(`CREATE TABLE notes (x TEXT)`)
	odb.Close()
	future := filepath.Join(dir, "future.db")
	if err := s.Backup(ctx, future); err != nil {
		t.Fatal(err)
	}
	fdb, _ := sql.Open("sqlite", future)
	if _, err := fdb.Exec(`INSERT INTO schema_migrations (version) VALUES (999)`); err != nil {
		t.Fatal(err)
	}
	fdb.Close()
	held := dumpTables(t, storePath(t, s))
	for _, tt := range []struct{ name, path, want string }{
		{"not SQLite", garbage, "not an accord store"},
		{"SQLite, not accord", other, "not an accord store"},
		{"a newer schema", future, "schema version 999"},
		{"absent", filepath.Join(dir, "absent.db"), "no such file"},
	} {
		err := s.Restore(ctx, tt.path, true)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Restore(%s) err = %v, want one saying %q", tt.name, err, tt.want)
		}
		if _, err := os.Stat(tt.path); tt.name == "absent" && err == nil {
			t.Errorf("Restore(%s) created the file", tt.name)
		}
	}
	if diff := cmp.Diff(held, dumpTables(t, storePath(t, s))); diff != "" {
		t.Errorf("refused restores changed the store (-before +after):\n%s", diff)
	}
}

func TestBackupPostgres(t *testing.T) {
	s := OpenTestPostgres(t)
	defer s.Close()
	err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "b.db"))
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("Backup on PostgreSQL: err = %v, want one naming pg_dump", err)
	}
	if err := s.Restore(context.Background(), "x.db", true); err == nil || !strings.Contains(err.Error(), "pg_restore") {
		t.Errorf("Restore on PostgreSQL: err = %v, want one naming pg_restore", err)
	}
}
