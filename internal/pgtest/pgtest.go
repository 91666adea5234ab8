// Package pgtest gives tests a PostgreSQL schema of their own in the
// database at ACCORD_TEST_POSTGRES, dropped when the test ends, and skips
// the test, saying so, when the variable is unset. It imports no accord
// package.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

var seq atomic.Int64

// URL returns the URL of a new, empty schema for the test.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("ACCORD_TEST_POSTGRES")
	if base == "" {
		t.Skip("ACCORD_TEST_POSTGRES is not set: skipping the PostgreSQL run")
	}
	schema := fmt.Sprintf("accord_test_%d_%d", time.Now().UnixNano(), seq.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), `CREATE SCHEMA `+schema); err != nil {
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
	return u.String()
}
