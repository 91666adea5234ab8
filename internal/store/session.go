package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/accordmea/accord"
)

// CreateSession starts a session and records the sign-in, in one
// transaction, deleting the sessions past their expiry on the way.
// Sessions live in the store, so that several serve processes share them.
func (s *Store) CreateSession(ctx context.Context, ss accord.Session) error {
	if ss.Idle < 0 {
		return fmt.Errorf("%w: session idle timeout %v", accord.ErrInvalid, ss.Idle)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		var removed time.Time
		err := tx.QueryRowContext(ctx, s.q(`SELECT name, removed_at FROM users WHERE id = ?`), ss.UserID).Scan(&name, timeValue{&removed})
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("user %d: %w", ss.UserID, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if !removed.IsZero() {
			return fmt.Errorf("%w: the account %s was removed on %s", accord.ErrExpired, name, day(removed))
		}
		now := s.dialect.now()
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires_at < ?`), now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO sessions (id_hash, user_id, csrf, expires_at, token_id, idle_seconds, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			ss.IDHash, ss.UserID, ss.CSRF, s.timeArg(ss.Expires), ss.TokenID, int64(ss.Idle/time.Second), now); err != nil {
			return err
		}
		after := map[string]any{"via": ss.Via, "expires": ss.Expires.UTC(), "idle_seconds": int64(ss.Idle / time.Second)}
		if ss.TokenID != 0 {
			after["token"] = ss.TokenID
		}
		b, _ := json.Marshal(after)
		return s.audit(ctx, tx, name, "sign in", "user "+name, "", string(b))
	})
}

// touchEvery is the share of a session's idle timeout after which a
// request records that it was seen: often enough that a session in use
// never lapses, rare enough that most requests write nothing.
const touchEvery = 60

// Session returns the account and form token of a session neither past
// its expiry nor left idle past its idle timeout, and records that it was
// seen.
func (s *Store) Session(ctx context.Context, idHash string) (accord.User, string, error) {
	var csrf string
	var expires, seen time.Time
	var idle int64
	row := s.read.QueryRowContext(ctx, s.q(`SELECT `+userColumns+`, s.csrf, s.expires_at, s.idle_seconds, s.seen_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`), idHash)
	u, err := scanAccount(row, &csrf, timeValue{&expires}, &idle, timeValue{&seen})
	now := time.Now()
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return accord.User{}, "", fmt.Errorf("session: %w", accord.ErrNotFound)
	case err != nil:
		return accord.User{}, "", err
	case !u.Removed.IsZero():
		return accord.User{}, "", fmt.Errorf("%w: the account %s was removed", accord.ErrExpired, u.Name)
	case !now.Before(expires):
		return accord.User{}, "", fmt.Errorf("%w: session ended at %s", accord.ErrExpired, day(expires))
	}
	if idle > 0 && !seen.IsZero() {
		timeout := time.Duration(idle) * time.Second
		if now.Sub(seen) >= timeout {
			return accord.User{}, "", fmt.Errorf("%w: session idle since %s", accord.ErrExpired, day(seen))
		}
		if now.Sub(seen) >= timeout/touchEvery {
			if _, err := s.write.ExecContext(ctx, s.q(`UPDATE sessions SET seen_at = ? WHERE id_hash = ?`), s.timeArg(now), idHash); err != nil {
				return accord.User{}, "", err
			}
		}
	}
	return u, csrf, nil
}

// DeleteSession ends a session and records the sign-out; ending one that
// is gone is no error, and records nothing.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, s.q(`DELETE FROM sessions WHERE id_hash = ?
			RETURNING (SELECT name FROM users WHERE users.id = sessions.user_id)`), idHash).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, name, "sign out", "user "+name, "", "")
	})
}
