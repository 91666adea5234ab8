package accord

import (
	"context"
	"time"
)

// Upload is a file uploaded through the web pages, between its preview
// and its confirmation.
type Upload struct {
	IDHash  string
	UserID  int64
	Source  Source
	Body    string    // the text read from the file
	Created time.Time // when it was uploaded; now when zero
}

// UploadTTL is how long an upload waits for its confirmation. Older
// uploads cannot be confirmed and are deleted: a file someone previewed
// and left is not kept.
const UploadTTL = 24 * time.Hour

// UploadStore keeps uploaded files between their preview and their
// confirmation.
type UploadStore interface {
	// SaveUpload keeps an uploaded file's text until its owner confirms it.
	SaveUpload(ctx context.Context, u Upload) error
	// Upload returns a kept upload of user userID, and TakeUpload
	// removes it.
	Upload(ctx context.Context, idHash string, userID int64) (Upload, error)
	TakeUpload(ctx context.Context, idHash string) error
	// PurgeUploads deletes the uploads older than UploadTTL and says how
	// many it deleted. SaveUpload purges them too.
	PurgeUploads(ctx context.Context) (int, error)
}
