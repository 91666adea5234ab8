package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

var userNameRE = regexp.MustCompile(`^[\p{L}\p{N}._@-]{1,64}$`)

// minPrefix is the fewest characters of a token, after "acc_", that name
// it: 48 bits, so that two tokens of one deployment share none by chance.
const minPrefix = 8

// AddUser creates an account and its first token, and records it in the
// audit log, in one transaction.
func (s *Store) AddUser(ctx context.Context, u accord.User, t accord.Token) (accord.User, error) {
	if err := checkUser(u); err != nil {
		return u, err
	}
	if t.Hash != "" {
		if err := checkToken(t); err != nil {
			return u, err
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = s.insertUser(ctx, tx, u)
		if err != nil {
			return err
		}
		after := map[string]any{"name": u.Name, "role": u.Role, "instruments": u.Instruments}
		if t.Hash != "" {
			t.User = u.Name
			t, err = s.insertToken(ctx, tx, u.ID, t)
			if err != nil {
				return err
			}
			after["token"], after["token_expires"] = t.ID, t.Expires
		}
		if u.Subject != "" {
			after["subject"] = u.Subject
		}
		b, _ := json.Marshal(after)
		return s.audit(ctx, tx, "admin", "add user", "user "+u.Name, "", string(b))
	})
	return u, err
}

func checkUser(u accord.User) error {
	if !userNameRE.MatchString(u.Name) {
		return fmt.Errorf("%w: user name %q: want 1 to 64 letters, digits or . _ @ -", accord.ErrInvalid, u.Name)
	}
	if u.Role != accord.RoleAdmin && u.Role != accord.RoleEditor {
		return fmt.Errorf("%w: role %q: want admin or editor", accord.ErrInvalid, u.Role)
	}
	return nil
}

func checkToken(t accord.Token) error {
	if len(t.Hash) != 64 {
		return fmt.Errorf("%w: token hash must be 64 hex digits", accord.ErrInvalid)
	}
	if !t.Expires.After(time.Now()) {
		return fmt.Errorf("%w: token expiry %s is not in the future", accord.ErrInvalid, t.Expires.UTC().Format(time.RFC3339))
	}
	return nil
}

func (s *Store) insertUser(ctx context.Context, tx *sql.Tx, u accord.User) (accord.User, error) {
	var subject any
	if u.Subject != "" {
		subject = u.Subject
	}
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO users (name, role, instruments, token_hash, created_at, subject) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
		u.Name, string(u.Role), strings.Join(u.Instruments, ","), "none:"+u.Name, s.dialect.now(), subject).Scan(&u.ID)
	if err != nil && isUniqueViolation(err) {
		return u, fmt.Errorf("%w: user %q exists", accord.ErrConflict, u.Name)
	}
	return u, err
}

func (s *Store) insertToken(ctx context.Context, tx *sql.Tx, userID int64, t accord.Token) (accord.Token, error) {
	t.Created = time.Now().UTC()
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO tokens (user_id, hash, prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		userID, t.Hash, t.Prefix, s.timeArg(t.Created), s.timeArg(t.Expires)).Scan(&t.ID)
	if err != nil && isUniqueViolation(err) {
		return t, fmt.Errorf("%w: that token exists", accord.ErrConflict)
	}
	return t, err
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
	return scanAccount(sc)
}

// userColumns are the columns of users scanAccount reads, the table
// named u.
const userColumns = `u.id, u.name, u.role, u.instruments, u.created_at, COALESCE(u.subject, ''), u.removed_at`

// scanAccount reads userColumns, then extra.
func scanAccount(sc interface{ Scan(...any) error }, extra ...any) (accord.User, error) {
	var u accord.User
	var role, insts string
	if err := sc.Scan(append([]any{&u.ID, &u.Name, &role, &insts, timeValue{&u.Created}, &u.Subject, timeValue{&u.Removed}}, extra...)...); err != nil {
		return u, err
	}
	u.Role = accord.Role(role)
	if insts != "" {
		u.Instruments = strings.Split(insts, ",")
	}
	return u, nil
}

// UserByToken returns the account whose token hashes to tokenHash, when
// the token is live and the account not removed.
func (s *Store) UserByToken(ctx context.Context, tokenHash string) (accord.User, error) {
	var t accord.Token
	u, err := scanAccount(s.read.QueryRowContext(ctx, s.q(`SELECT `+userColumns+`, t.id, t.prefix, t.expires_at, t.revoked_at
		FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?`), tokenHash),
		&t.ID, &t.Prefix, timeValue{&t.Expires}, timeValue{&t.Revoked})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return accord.User{}, fmt.Errorf("token: %w", accord.ErrNotFound)
	case err != nil:
		return accord.User{}, err
	case !u.Removed.IsZero():
		return accord.User{}, fmt.Errorf("%w: the account %s was removed on %s", accord.ErrExpired, u.Name, day(u.Removed))
	case !t.Revoked.IsZero():
		return accord.User{}, fmt.Errorf("%w: token %d of %s was revoked on %s", accord.ErrExpired, t.ID, u.Name, day(t.Revoked))
	case !t.Live(time.Now()):
		return accord.User{}, fmt.Errorf("%w: token %d of %s expired on %s", accord.ErrExpired, t.ID, u.Name, day(t.Expires))
	}
	u.TokenID = t.ID
	return u, nil
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// Users lists the accounts by name, each with its tokens.
func (s *Store) Users(ctx context.Context) ([]accord.User, error) {
	users, err := list(ctx, s, `SELECT `+userColumns+` FROM users u ORDER BY u.name`, nil, 0,
		func(rows *sql.Rows) (accord.User, error) { return scanUser(rows) })
	if err != nil {
		return nil, err
	}
	tokens, err := s.tokens(ctx)
	if err != nil {
		return nil, err
	}
	for i := range users {
		users[i].Tokens = tokens[users[i].ID]
	}
	return users, nil
}

// tokens returns every token by account id, oldest first.
func (s *Store) tokens(ctx context.Context) (map[int64][]accord.Token, error) {
	out := map[int64][]accord.Token{}
	_, err := list(ctx, s, `SELECT t.user_id, u.name, t.id, t.prefix, t.created_at, t.expires_at, t.revoked_at
		FROM tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`, nil, 0,
		func(rows *sql.Rows) (struct{}, error) {
			var uid int64
			var t accord.Token
			err := rows.Scan(&uid, &t.User, &t.ID, &t.Prefix, timeValue{&t.Created}, timeValue{&t.Expires}, timeValue{&t.Revoked})
			out[uid] = append(out[uid], t)
			return struct{}{}, err
		})
	return out, err
}

// userByName reads an account in a transaction that changes it.
func (s *Store) userByName(ctx context.Context, tx *sql.Tx, name string) (accord.User, error) {
	u, err := scanUser(tx.QueryRowContext(ctx, s.q(`SELECT `+userColumns+` FROM users u WHERE u.name = ?`), name))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %q: %w", name, accord.ErrNotFound)
	}
	return u, err
}

// RemoveUser marks the account removed, revokes its tokens, ends its
// sessions and drops its unconfirmed uploads, in one transaction. The
// row stays, so that its name is not given to anyone else and the audit
// log keeps saying who did what.
func (s *Store) RemoveUser(ctx context.Context, who, name string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := s.userByName(ctx, tx, name)
		if err != nil {
			return err
		}
		if !u.Removed.IsZero() {
			return fmt.Errorf("%w: user %q was removed on %s", accord.ErrConflict, name, day(u.Removed))
		}
		now := s.dialect.now()
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE users SET removed_at = ? WHERE id = ?`), now, u.ID); err != nil {
			return err
		}
		tokens, err := tx.ExecContext(ctx, s.q(`UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`), now, u.ID)
		if err != nil {
			return err
		}
		sessions, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE user_id = ?`), u.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM uploads WHERE user_id = ?`), u.ID); err != nil {
			return err
		}
		nt, _ := tokens.RowsAffected()
		ns, _ := sessions.RowsAffected()
		after, _ := json.Marshal(map[string]int64{"tokens_revoked": nt, "sessions_ended": ns})
		return s.audit(ctx, tx, who, "remove user", "user "+name, "", string(after))
	})
}

// AddToken gives the account t.User, not removed, a new token.
func (s *Store) AddToken(ctx context.Context, who string, t accord.Token) (accord.Token, error) {
	if err := checkToken(t); err != nil {
		return t, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := s.userByName(ctx, tx, t.User)
		if err != nil {
			return err
		}
		if !u.Removed.IsZero() {
			return fmt.Errorf("%w: user %q was removed on %s", accord.ErrConflict, u.Name, day(u.Removed))
		}
		if t, err = s.insertToken(ctx, tx, u.ID, t); err != nil {
			return err
		}
		after, _ := json.Marshal(map[string]any{"token": t.ID, "prefix": t.Prefix, "expires": t.Expires})
		return s.audit(ctx, tx, who, "add token", "user "+u.Name, "", string(after))
	})
	return t, err
}

// RevokeTokens revokes the live tokens f selects and ends the sessions
// signed in with them, in one transaction, recording each token revoked.
// A filter that selects no token at all is an error wrapping
// ErrNotFound; one whose tokens are all revoked already revokes none.
func (s *Store) RevokeTokens(ctx context.Context, who string, f accord.TokenFilter) (int, error) {
	var where string
	var arg any
	switch {
	case f.ID > 0 && f.Prefix == "" && f.User == "":
		where, arg = `t.id = ?`, f.ID
	case f.Prefix != "" && f.ID == 0 && f.User == "":
		if !strings.HasPrefix(f.Prefix, "acc_") || len(f.Prefix) < len("acc_")+minPrefix {
			return 0, fmt.Errorf("%w: token prefix %q: want acc_ and at least %d more characters of the token", accord.ErrInvalid, f.Prefix, minPrefix)
		}
		where, arg = `t.prefix <> '' AND substr(?, 1, length(t.prefix)) = t.prefix`, f.Prefix
	case f.User != "" && f.ID == 0 && f.Prefix == "":
		where, arg = `u.name = ?`, f.User
	default:
		return 0, fmt.Errorf("%w: name the tokens to revoke by one of id, prefix or user", accord.ErrInvalid)
	}
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT t.id, u.name, t.prefix, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE `+where+` ORDER BY t.id`), arg)
		if err != nil {
			return err
		}
		var live []accord.Token
		found := 0
		for rows.Next() {
			var t accord.Token
			if err := rows.Scan(&t.ID, &t.User, &t.Prefix, timeValue{&t.Revoked}); err != nil {
				rows.Close()
				return err
			}
			found++
			if t.Revoked.IsZero() {
				live = append(live, t)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if found == 0 {
			return fmt.Errorf("no token %s: %w", describe(f), accord.ErrNotFound)
		}
		if f.Prefix != "" && len(live) > 1 {
			return fmt.Errorf("%w: prefix %q names %d tokens: give more of the token, or its id", accord.ErrInvalid, f.Prefix, len(live))
		}
		now := s.dialect.now()
		for _, t := range live {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE tokens SET revoked_at = ? WHERE id = ?`), now, t.ID); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE token_id = ?`), t.ID)
			if err != nil {
				return err
			}
			ended, _ := res.RowsAffected()
			after, _ := json.Marshal(map[string]any{"token": t.ID, "prefix": t.Prefix, "sessions_ended": ended})
			if err := s.audit(ctx, tx, who, "revoke token", "user "+t.User, "", string(after)); err != nil {
				return err
			}
		}
		n = len(live)
		return nil
	})
	return n, err
}

func describe(f accord.TokenFilter) string {
	switch {
	case f.ID > 0:
		return fmt.Sprintf("with id %d", f.ID)
	case f.Prefix != "":
		return fmt.Sprintf("starting %q", f.Prefix)
	}
	return fmt.Sprintf("of user %q", f.User)
}

// UserBySubject returns the account of an OpenID Connect subject, made
// when the subject signs in for the first time, its role and instruments
// brought up to what the identity provider says now; each change is in
// the audit log. A removed account stays removed.
func (s *Store) UserBySubject(ctx context.Context, in accord.User) (accord.User, error) {
	if in.Subject == "" {
		return in, fmt.Errorf("%w: no subject", accord.ErrInvalid)
	}
	if err := checkUser(in); err != nil {
		return in, err
	}
	var out accord.User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, s.q(`SELECT `+userColumns+` FROM users u WHERE u.subject = ?`), in.Subject))
		if errors.Is(err, sql.ErrNoRows) {
			if out, err = s.insertUser(ctx, tx, in); err != nil {
				if errors.Is(err, accord.ErrConflict) {
					return fmt.Errorf("%w: an account named %q exists that does not sign in with this identity provider", accord.ErrConflict, in.Name)
				}
				return err
			}
			after, _ := json.Marshal(map[string]any{"name": in.Name, "role": in.Role, "instruments": in.Instruments, "subject": in.Subject})
			return s.audit(ctx, tx, in.Name, "add user", "user "+in.Name, "", string(after))
		}
		if err != nil {
			return err
		}
		if !u.Removed.IsZero() {
			return fmt.Errorf("%w: the account %s was removed on %s", accord.ErrExpired, u.Name, day(u.Removed))
		}
		out = u
		if u.Role == in.Role && strings.Join(u.Instruments, ",") == strings.Join(in.Instruments, ",") {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE users SET role = ?, instruments = ? WHERE id = ?`),
			string(in.Role), strings.Join(in.Instruments, ","), u.ID); err != nil {
			return err
		}
		before, _ := json.Marshal(map[string]any{"role": u.Role, "instruments": u.Instruments})
		after, _ := json.Marshal(map[string]any{"role": in.Role, "instruments": in.Instruments})
		out.Role, out.Instruments = in.Role, in.Instruments
		return s.audit(ctx, tx, u.Name, "update user", "user "+u.Name, string(before), string(after))
	})
	return out, err
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
