package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/pgtest"
)

// TestTokensBeforeExpiry: the tokens of a store made before tokens
// expired keep working after the upgrade, and expire 90 days after it.
func TestTokensBeforeExpiry(t *testing.T) {
	for _, tt := range unmigratedBackends {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := tt.open(t)
			if err := s.migrateTo(ctx, 11); err != nil {
				t.Fatal(err)
			}
			hash := strings.Repeat("ab", 32)
			if _, err := s.write.ExecContext(ctx, s.q(`INSERT INTO users (name, role, instruments, token_hash, created_at) VALUES (?, ?, ?, ?, ?)`),
				"old", "editor", "minamata", hash, s.dialect.now()); err != nil {
				t.Fatal(err)
			}
			if err := s.migrate(ctx); err != nil {
				t.Fatal(err)
			}
			u, err := s.UserByToken(ctx, hash)
			if err != nil || u.Name != "old" || strings.Join(u.Instruments, ",") != "minamata" {
				t.Fatalf("UserByToken after the upgrade = %+v, %v", u, err)
			}
			users, err := s.Users(ctx)
			if err != nil || len(users) != 1 || len(users[0].Tokens) != 1 {
				t.Fatalf("Users() = %+v, %v", users, err)
			}
			if exp := users[0].Tokens[0].Expires; exp.Sub(time.Now().Add(accord.TokenTTL)).Abs() > time.Hour {
				t.Errorf("a token made before expiry expires %v, want 90 days from now", exp)
			}
			if _, err := s.AddUser(ctx, accord.User{Name: "new", Role: accord.RoleEditor}, accord.Token{Hash: strings.Repeat("cd", 32), Expires: time.Now().Add(time.Hour)}); err != nil {
				t.Errorf("AddUser after the upgrade: %v", err)
			}
		})
	}
}

// unmigratedBackends open a store of each backend without migrating it,
// for tests of what a migration does to an older store; the test closes
// it.
var unmigratedBackends = []struct {
	name string
	open func(t *testing.T) *Store
}{
	{"sqlite", func(t *testing.T) *Store {
		return unmigrated(t)(openSQLite(context.Background(), filepath.Join(t.TempDir(), "old.db")))
	}},
	{"postgres", func(t *testing.T) *Store {
		return unmigrated(t)(openPostgres(context.Background(), pgtest.URL(t)))
	}},
}

// unmigrated fails t on an error opening a store, and closes the store
// when t ends.
func unmigrated(t *testing.T) func(*Store, error) *Store {
	return func(s *Store, err error) *Store {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}
