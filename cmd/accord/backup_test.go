package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/store"
)

// TestBackupAndRestore: backup copies the store to a new file, restore
// puts it into another, refusing a store that holds anything without
// --force and a file that is not an accord store; each refusal exits 1
// and changes nothing.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db, saved, other := filepath.Join(dir, "a.db"), filepath.Join(dir, "copy.db"), filepath.Join(dir, "b.db")
	f := writeFile(t, dir, "d.txt", []byte(decisionText))
	if code, _, errs := runAccord(t, "ingest", "--db", db, f); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	if code, out, errs := runAccord(t, "backup", "--db", db, saved); code != 0 || !strings.Contains(out, "backed up") {
		t.Fatalf("backup exit %d: %s%s", code, out, errs)
	}
	if code, _, errs := runAccord(t, "backup", "--db", db, saved); code != 1 || !strings.Contains(errs, "exists") {
		t.Errorf("backup over an existing file: exit %d, %s; want 1 and a message saying it exists", code, errs)
	}
	garbage := writeFile(t, dir, "garbage.db", []byte(strings.Repeat("x", 8192)))
	if code, _, errs := runAccord(t, "restore", "--db", other, garbage); code != 1 || !strings.Contains(errs, "not an accord store") {
		t.Errorf("restore of a file that is not a store: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("a refused restore created the store %s", other)
	}
	if code, out, errs := runAccord(t, "restore", "--db", other, saved); code != 0 || !strings.Contains(out, "restored") {
		t.Fatalf("restore into a new store: exit %d: %s%s", code, out, errs)
	}
	if code, out, _ := runAccord(t, "decisions", "list", "--db", other); code != 0 || !strings.Contains(out, "MC-7/2") {
		t.Errorf("decisions of the restored store: exit %d, %s", code, out)
	}
	if code, _, errs := runAccord(t, "restore", "--db", other, saved); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("restore over a store that is not empty: exit %d, %s; want 1 and a message naming --force", code, errs)
	}
	if code, _, errs := runAccord(t, "restore", "--db", other, "--force", saved); code != 0 {
		t.Errorf("restore --force: exit %d, %s", code, errs)
	}
	if code, _, errs := runAccord(t, "restore", "--db", other); code != 2 {
		t.Errorf("restore without FILE: exit %d, %s; want 2", code, errs)
	}
}

func TestBackupPostgres(t *testing.T) {
	url := pgtest.URL(t)
	for _, args := range [][]string{{"backup", "--db", url, "x.db"}, {"restore", "--db", url, "x.db"}} {
		code, _, errs := runAccord(t, args...)
		if code != 1 || !strings.Contains(errs, "pg_dump") {
			t.Errorf("%s on PostgreSQL: exit %d, %s; want 1 and a message naming pg_dump", args[0], code, errs)
		}
	}
}

// TestPurge: accord purge deletes by the retention its flags or
// environment set, prints the counts, and refuses a retention it cannot
// read before touching anything.
func TestPurge(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "a.db")
	session := func(id string, ended time.Duration) {
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, err := st.AddUser(ctx, accord.User{Name: "pia" + id, Role: accord.RoleAdmin}, accord.Token{Hash: fmt.Sprintf("%064x", id), Expires: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: id, CSRF: "c", Expires: time.Now().Add(-ended)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		session string
		ended   time.Duration
		args    []string
		env     string
		code    int
		want    string
	}{
		{"", 0, []string{"--retain-sessions", "soon"}, "", 2, "want a number and a unit"},
		{"", 0, []string{"--retain-audit", "-2y"}, "", 2, "want a whole number"},
		{"", 0, nil, "ACCORD_RETAIN_AUDIT=2 years", 2, "ACCORD_RETAIN_AUDIT"},
		{"a", 40 * 24 * time.Hour, []string{"--retain-sessions", "50d"}, "", 0, "purged 0 sessions, 0 uploads and 0 audit entries"},
		{"", 0, nil, "ACCORD_RETAIN_SESSIONS=30d", 0, "purged 1 session, 0 uploads and 0 audit entries"},
		{"b", time.Minute, []string{"--retain-sessions", "1h"}, "", 0, "purged 0 sessions"},
		{"", 0, nil, "", 0, "purged 1 session,"},
	} {
		if tt.session != "" {
			session(tt.session, tt.ended)
		}
		if k, v, ok := strings.Cut(tt.env, "="); ok {
			t.Setenv(k, v)
		}
		code, out, errs := runAccord(t, append([]string{"purge", "--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("purge %q %s: exit %d, %s%s; want %d and %q", tt.args, tt.env, code, out, errs, tt.code, tt.want)
		}
		if k, _, ok := strings.Cut(tt.env, "="); ok {
			os.Unsetenv(k)
		}
	}
}

// TestServePurges: serve's purge runs at start and then every period.
func TestServePurges(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := sampleStore(t)
	u, err := st.AddUser(ctx, accord.User{Name: "pia", Role: accord.RoleAdmin}, accord.Token{Hash: strings.Repeat("ab", 32), Expires: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	st.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "ended", CSRF: "c", Expires: time.Now().Add(-time.Hour)})
	done := make(chan struct{})
	go func() {
		purgeEvery(ctx, st, accord.Retention{}, 20*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	purges := func() int {
		log, _ := st.AuditLog(ctx, 100)
		n := 0
		for _, e := range log {
			if e.Action == "purge" {
				n++
			}
		}
		return n
	}
	deadline := time.Now().Add(10 * time.Second)
	for purges() < 1 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	st.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "ended-later", CSRF: "c", Expires: time.Now().Add(-time.Minute)})
	for purges() < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := purges(); n != 2 {
		t.Errorf("purges recorded = %d, want 2: one at start, one a period later", n)
	}
	cancel()
	<-done
}
