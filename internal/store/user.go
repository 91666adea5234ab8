package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/accordmea/accord"
)

var userNameRE = regexp.MustCompile(`^[\p{L}\p{N}._@-]{1,64}$`)

// AddUser creates an account, and records it in the audit log, in one
// transaction.
func (s *Store) AddUser(ctx context.Context, u accord.User, tokenHash string) (accord.User, error) {
	if !userNameRE.MatchString(u.Name) {
		return u, fmt.Errorf("%w: user name %q: want 1 to 64 letters, digits or . _ @ -", accord.ErrInvalid, u.Name)
	}
	if u.Role != accord.RoleAdmin && u.Role != accord.RoleEditor {
		return u, fmt.Errorf("%w: role %q: want admin or editor", accord.ErrInvalid, u.Role)
	}
	if len(tokenHash) != 64 {
		return u, fmt.Errorf("%w: token hash must be 64 hex digits", accord.ErrInvalid)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO users (name, role, instruments, token_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
			u.Name, string(u.Role), strings.Join(u.Instruments, ","), tokenHash, s.dialect.now()).Scan(&u.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("%w: user %q exists", accord.ErrConflict, u.Name)
			}
			return err
		}
		after, _ := json.Marshal(accord.User{Name: u.Name, Role: u.Role, Instruments: u.Instruments})
		return s.audit(ctx, tx, "admin", "add user", "user "+u.Name, "", string(after))
	})
	return u, err
}

// audit records a write in the transaction that makes it.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, who, action, target, before, after string) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO audit (at, who, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)`),
		s.dialect.now(), who, action, target, before, after)
	return err
}

// RecordAudit records e, at the current time.
func (s *Store) RecordAudit(ctx context.Context, e accord.AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, e.Who, e.Action, e.Target, e.Before, e.After)
	})
}

func scanUser(sc interface{ Scan(...any) error }) (accord.User, error) {
	var u accord.User
	var role, insts string
	if err := sc.Scan(&u.ID, &u.Name, &role, &insts, timeValue{&u.Created}); err != nil {
		return u, err
	}
	u.Role = accord.Role(role)
	if insts != "" {
		u.Instruments = strings.Split(insts, ",")
	}
	return u, nil
}

// UserByToken returns the account whose token hashes to tokenHash.
func (s *Store) UserByToken(ctx context.Context, tokenHash string) (accord.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, s.q(`SELECT id, name, role, instruments, created_at FROM users WHERE token_hash = ?`), tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("token: %w", accord.ErrNotFound)
	}
	return u, err
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]accord.User, error) {
	return list(ctx, s, `SELECT id, name, role, instruments, created_at FROM users ORDER BY name`, nil, 0,
		func(rows *sql.Rows) (accord.User, error) { return scanUser(rows) })
}

// AuditLog returns the latest limit entries, newest first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]accord.AuditEntry, error) {
	return s.AuditLogBefore(ctx, 0, limit)
}

// AuditLogBefore returns the limit entries recorded before entry id
// (all when id is 0), newest first.
func (s *Store) AuditLogBefore(ctx context.Context, id int64, limit int) ([]accord.AuditEntry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	query := `SELECT id, at, who, action, target, before, after FROM audit`
	var args []any
	if id > 0 {
		query += ` WHERE id < ?`
		args = append(args, id)
	}
	return list(ctx, s, query+` ORDER BY id DESC`, args, limit,
		func(rows *sql.Rows) (accord.AuditEntry, error) {
			var e accord.AuditEntry
			err := rows.Scan(&e.ID, timeValue{&e.At}, &e.Who, &e.Action, &e.Target, &e.Before, &e.After)
			return e, err
		})
}
