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

// SaveUpload keeps an upload's text, and deletes the uploads left
// unconfirmed past accord.UploadTTL, in one transaction.
func (s *Store) SaveUpload(ctx context.Context, u accord.Upload) error {
	if u.Created.IsZero() {
		u.Created = time.Now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.purgeUploads(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO uploads (id_hash, user_id, name, format, sha256, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			u.IDHash, u.UserID, u.Source.Name, u.Source.Format, u.Source.SHA256, u.Body, s.timeArg(u.Created))
		return err
	})
}

// Upload returns the upload idHash if it is userID's and has not
// expired.
func (s *Store) Upload(ctx context.Context, idHash string, userID int64) (accord.Upload, error) {
	u := accord.Upload{IDHash: idHash}
	err := s.read.QueryRowContext(ctx, s.q(`SELECT user_id, name, format, sha256, body, created_at FROM uploads WHERE id_hash = ? AND user_id = ?`), idHash, userID).
		Scan(&u.UserID, &u.Source.Name, &u.Source.Format, &u.Source.SHA256, &u.Body, timeValue{&u.Created})
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("upload: %w", accord.ErrNotFound)
	}
	if err == nil && time.Since(u.Created) > accord.UploadTTL {
		return accord.Upload{IDHash: idHash}, fmt.Errorf("upload: %w: expired", accord.ErrNotFound)
	}
	return u, err
}

// TakeUpload removes an upload.
func (s *Store) TakeUpload(ctx context.Context, idHash string) error {
	_, err := s.write.ExecContext(ctx, s.q(`DELETE FROM uploads WHERE id_hash = ?`), idHash)
	return err
}

// PurgeUploads deletes the uploads left unconfirmed past
// accord.UploadTTL.
func (s *Store) PurgeUploads(ctx context.Context) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = s.purgeUploads(ctx, tx)
		return err
	})
	return n, err
}

// purgeUploads deletes expired uploads in tx and records how many, when
// any, in the audit log.
func (s *Store) purgeUploads(ctx context.Context, tx *sql.Tx) (int, error) {
	r, err := tx.ExecContext(ctx, s.q(`DELETE FROM uploads WHERE created_at < ?`), s.timeArg(time.Now().Add(-accord.UploadTTL)))
	if err != nil {
		return 0, fmt.Errorf("purge uploads: %w", err)
	}
	n, err := r.RowsAffected()
	if err != nil || n == 0 {
		return 0, err
	}
	after, _ := json.Marshal(map[string]int64{"removed": n})
	return int(n), s.audit(ctx, tx, "accord", "purge uploads", fmt.Sprintf("uploads unconfirmed for over %v", accord.UploadTTL), "", string(after))
}

// timeArg is t as the database stores timestamps (see dialect.now).
func (s *Store) timeArg(t time.Time) any {
	if s.dialect.name == "sqlite" {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return t.UTC()
}
