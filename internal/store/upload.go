package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/accordmea/accord"
)

// SaveUpload keeps an upload's text.
func (s *Store) SaveUpload(ctx context.Context, u accord.Upload) error {
	_, err := s.write.ExecContext(ctx, s.q(`INSERT INTO uploads (id_hash, user_id, name, format, sha256, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		u.IDHash, u.UserID, u.Source.Name, u.Source.Format, u.Source.SHA256, u.Body, s.dialect.now())
	return err
}

// Upload returns the upload idHash if it is userID's.
func (s *Store) Upload(ctx context.Context, idHash string, userID int64) (accord.Upload, error) {
	u := accord.Upload{IDHash: idHash}
	err := s.read.QueryRowContext(ctx, s.q(`SELECT user_id, name, format, sha256, body FROM uploads WHERE id_hash = ? AND user_id = ?`), idHash, userID).
		Scan(&u.UserID, &u.Source.Name, &u.Source.Format, &u.Source.SHA256, &u.Body)
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("upload: %w", accord.ErrNotFound)
	}
	return u, err
}

// TakeUpload removes an upload.
func (s *Store) TakeUpload(ctx context.Context, idHash string) error {
	_, err := s.write.ExecContext(ctx, s.q(`DELETE FROM uploads WHERE id_hash = ?`), idHash)
	return err
}
