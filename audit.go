package accord

import (
	"context"
	"time"
)

// AuditEntry is one recorded write: who, when, what, before and after.
type AuditEntry struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Action string    `json:"action"` // "update mandate", "add user"
	Target string    `json:"target"` // "mandate 12"
	Before string    `json:"before,omitempty"`
	After  string    `json:"after,omitempty"`
}

// Retention says how long the store keeps what it holds only for a while.
type Retention struct {
	// Sessions is how long a session is kept once it has expired;
	// zero deletes it at the first purge after it expires.
	Sessions time.Duration
	// Uploads is how long an unconfirmed upload is kept, at most
	// UploadTTL (zero means UploadTTL).
	Uploads time.Duration
	// Audit is how long an entry of the audit log is kept; zero keeps
	// the log whole.
	Audit time.Duration
}

// PurgeResult counts what one purge deleted.
type PurgeResult struct {
	Sessions int `json:"sessions"`
	Uploads  int `json:"uploads"`
	Audit    int `json:"audit"`
}

// AuditStore keeps the audit log: every write, who made it and when, and
// events such as lockouts.
type AuditStore interface {
	// AuditLog returns the latest recorded writes, newest first.
	AuditLog(ctx context.Context, limit int) ([]AuditEntry, error)
	// AuditLogBefore returns the writes recorded before entry id, newest
	// first: the pages after AuditLog's.
	AuditLogBefore(ctx context.Context, id int64, limit int) ([]AuditEntry, error)
	// RecordAudit records an event that is no write of the store's own,
	// such as an address locked out after failed sign-ins; At is now.
	RecordAudit(ctx context.Context, e AuditEntry) error
	// Purge deletes, in one transaction, what r keeps no longer at time
	// now, and records what it deleted, when anything, in the audit log.
	Purge(ctx context.Context, r Retention, now time.Time) (PurgeResult, error)
}
