package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accordmea/accord"
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

var schemaSeq atomic.Int64

// OpenTestPostgres opens a store on a schema of its own in the database
// at ACCORD_TEST_POSTGRES, dropped when the test ends; it skips the test
// when the variable is unset.
func OpenTestPostgres(t testing.TB) *Store {
	t.Helper()
	base := os.Getenv("ACCORD_TEST_POSTGRES")
	if base == "" {
		t.Skip("ACCORD_TEST_POSTGRES is not set: skipping the PostgreSQL run")
	}
	ctx := context.Background()
	schema := fmt.Sprintf("accord_test_%d_%d", time.Now().UnixNano(), schemaSeq.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema on %s: %v", base, err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := Open(ctx, u.String())
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
