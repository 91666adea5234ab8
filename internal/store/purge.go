package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/accordmea/accord"
)

// Purge deletes what r keeps no longer at time now: sessions ended (past
// their expiry or left idle past their idle timeout) longer than
// r.Sessions ago, uploads older than r.Uploads (at most
// accord.UploadTTL), and audit entries older than r.Audit when it is set.
// It runs in one transaction and records the counts in the audit log
// when it deleted anything; that entry is newer than any it deleted.
func (s *Store) Purge(ctx context.Context, r accord.Retention, now time.Time) (accord.PurgeResult, error) {
	var res accord.PurgeResult
	if r.Sessions < 0 || r.Uploads < 0 || r.Audit < 0 {
		return res, fmt.Errorf("%w: retention %+v: durations must not be negative", accord.ErrInvalid, r)
	}
	uploads := r.Uploads
	if uploads == 0 || uploads > accord.UploadTTL {
		uploads = accord.UploadTTL
	}
	del := func(tx *sql.Tx, query string, cutoff time.Time) (int, error) {
		r, err := tx.ExecContext(ctx, s.q(query), s.timeArg(cutoff))
		if err != nil {
			return 0, err
		}
		n, err := r.RowsAffected()
		return int(n), err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if res.Sessions, err = del(tx, `DELETE FROM sessions WHERE expires_at < ?`, now.Add(-r.Sessions)); err != nil {
			return fmt.Errorf("purge sessions: %w", err)
		}
		idle, err := s.purgeIdleSessions(ctx, tx, now.Add(-r.Sessions))
		if err != nil {
			return fmt.Errorf("purge sessions: %w", err)
		}
		res.Sessions += idle
		if res.Uploads, err = del(tx, `DELETE FROM uploads WHERE created_at < ?`, now.Add(-uploads)); err != nil {
			return fmt.Errorf("purge uploads: %w", err)
		}
		if r.Audit > 0 {
			if res.Audit, err = del(tx, `DELETE FROM audit WHERE at < ?`, now.Add(-r.Audit)); err != nil {
				return fmt.Errorf("purge audit: %w", err)
			}
		}
		if res == (accord.PurgeResult{}) {
			return nil
		}
		after, _ := json.Marshal(struct {
			Kept    map[string]string  `json:"kept"`
			Removed accord.PurgeResult `json:"removed"`
		}{map[string]string{"sessions": r.Sessions.String() + " after expiry", "uploads": uploads.String(), "audit": auditKept(r.Audit)}, res})
		return s.audit(ctx, tx, "accord", "purge", "sessions, uploads and audit log past retention", "", string(after))
	})
	if err != nil {
		return accord.PurgeResult{}, err
	}
	return res, nil
}

func auditKept(d time.Duration) string {
	if d == 0 {
		return "always"
	}
	return d.String()
}

// purgeIdleSessions deletes the sessions that ended by being left idle
// before cutoff. Their end is the time last seen plus their idle timeout,
// which the two databases would compute in two dialects; the rows are few
// (sessions that end idle), so Go computes it.
func (s *Store) purgeIdleSessions(ctx context.Context, tx *sql.Tx, cutoff time.Time) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id_hash, idle_seconds, seen_at FROM sessions WHERE idle_seconds > 0 AND seen_at IS NOT NULL`)
	if err != nil {
		return 0, err
	}
	var ended []string
	for rows.Next() {
		var id string
		var idle int64
		var seen time.Time
		if err := rows.Scan(&id, &idle, timeValue{&seen}); err != nil {
			rows.Close()
			return 0, err
		}
		if seen.Add(time.Duration(idle) * time.Second).Before(cutoff) {
			ended = append(ended, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, id := range ended {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE id_hash = ?`), id); err != nil {
			return 0, err
		}
	}
	return len(ended), nil
}
