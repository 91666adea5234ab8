package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/accordmea/accord"
)

// CreateSession starts a session. Sessions live in the store, so that
// several serve processes share them.
func (s *Store) CreateSession(ctx context.Context, userID int64, idHash, csrf string, expires time.Time) error {
	at := any(expires.UTC())
	if s.dialect.name == "sqlite" {
		at = expires.UTC().Format(time.RFC3339Nano)
	}
	_, err := s.write.ExecContext(ctx, s.q(`INSERT INTO sessions (id_hash, user_id, csrf, expires_at) VALUES (?, ?, ?, ?)`), idHash, userID, csrf, at)
	return err
}

// Session returns the account and form token of a session not expired.
func (s *Store) Session(ctx context.Context, idHash string) (accord.User, string, error) {
	var csrf string
	var expires time.Time
	row := s.read.QueryRowContext(ctx, s.q(`SELECT u.id, u.name, u.role, u.instruments, u.created_at, s.csrf, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`), idHash)
	u, err := scanUser(scanFunc(func(dest ...any) error {
		return row.Scan(append(dest, &csrf, timeValue{&expires})...)
	}))
	if errors.Is(err, sql.ErrNoRows) || err == nil && time.Now().After(expires) {
		return accord.User{}, "", fmt.Errorf("session: %w", accord.ErrNotFound)
	}
	return u, csrf, err
}

// scanFunc adapts a function to the Scan interface scanUser takes.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// DeleteSession ends a session; ending one that is gone is no error.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	_, err := s.write.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE id_hash = ?`), idHash)
	return err
}
