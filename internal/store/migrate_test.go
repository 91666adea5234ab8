package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/accordmea/accord/internal/pgtest"
)

// TestOpenWaitsForMigration: a store whose connections carry a short
// lock_timeout (meant for the writes it serves) still opens while
// another process holds the schema's migration lock: it waits its turn
// instead of failing. A store of another schema does not wait at all.
func TestOpenWaitsForMigration(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	other, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(727274, hashtext(current_schema()))`); err != nil {
		t.Fatal(err)
	}
	const held = 300 * time.Millisecond
	time.AfterFunc(held, func() { tx.Rollback() })

	// Another schema migrates at once.
	start := time.Now()
	elsewhere, err := Open(ctx, pgtest.URL(t)+"&lock_timeout=50ms")
	if err != nil {
		t.Fatalf("Open of another schema while this one migrates: %v", err)
	}
	elsewhere.Close()
	if d := time.Since(start); d >= held {
		t.Logf("another schema took %v to open (the machine may be loaded)", d)
	}

	st, err := Open(ctx, url+"&lock_timeout=50ms")
	if err != nil {
		t.Fatalf("Open with lock_timeout=50ms while the migration lock is held: %v", err)
	}
	defer st.Close()
	if d := time.Since(start); d < held {
		t.Errorf("Open returned after %v, before the lock was let go at %v", d, held)
	}
}
