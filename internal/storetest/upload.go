package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// testUploads: an upload waits UploadTTL for its confirmation; older ones
// cannot be read and are deleted, at the next upload or by PurgeUploads,
// and each purge is in the audit log.
func testUploads(t *testing.T, s accord.Store) {
	ctx := context.Background()
	u, err := s.AddUser(ctx, accord.User{Name: "ula", Role: accord.RoleEditor}, tok(strings.Repeat("ab", 32)))
	if err != nil {
		t.Fatal(err)
	}
	up := func(id string, age time.Duration) accord.Upload {
		x := accord.Upload{IDHash: id, UserID: u.ID, Body: "Decision MC-7/4", Source: accord.Source{Name: id + ".txt", SHA256: "abc", Format: "txt"}}
		if age > 0 {
			x.Created = time.Now().Add(-age)
		}
		if err := s.SaveUpload(ctx, x); err != nil {
			t.Fatalf("SaveUpload(%s): %v", id, err)
		}
		return x
	}
	purges := func() []string {
		log, err := s.AuditLog(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range log {
			if e.Action == "purge uploads" {
				out = append(out, e.After)
			}
		}
		return out
	}
	up("fresh", 0)
	got, err := s.Upload(ctx, "fresh", u.ID)
	if err != nil || got.Body != "Decision MC-7/4" || got.Source.Name != "fresh.txt" || time.Since(got.Created) > time.Minute {
		t.Errorf("Upload(fresh) = %+v, %v", got, err)
	}
	if _, err := s.Upload(ctx, "fresh", u.ID+1); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Upload(fresh) of another account: err = %v, want ErrNotFound", err)
	}
	up("recent", accord.UploadTTL-time.Hour)
	up("old", accord.UploadTTL+time.Hour)
	if _, err := s.Upload(ctx, "old", u.ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Upload(old) past UploadTTL: err = %v, want ErrNotFound", err)
	}
	// The next upload deletes it.
	up("next", 0)
	if p := purges(); len(p) != 1 || p[0] != `{"removed":1}` {
		t.Errorf("purges after the next upload = %q, want one that removed 1", p)
	}
	if n, err := s.PurgeUploads(ctx); err != nil || n != 0 {
		t.Errorf("PurgeUploads after the next upload = %d, %v; want 0 (nothing left to purge)", n, err)
	}
	for _, id := range []string{"fresh", "recent", "next"} {
		if _, err := s.Upload(ctx, id, u.ID); err != nil {
			t.Errorf("Upload(%s) after the purge: %v", id, err)
		}
	}
	// PurgeUploads on its own, as a timer runs it.
	up("stale", 2*accord.UploadTTL)
	if n, err := s.PurgeUploads(ctx); err != nil || n != 1 {
		t.Errorf("PurgeUploads = %d, %v; want 1", n, err)
	}
	if p := purges(); len(p) != 2 {
		t.Errorf("purges = %q, want 2", p)
	}
	if n, err := s.PurgeUploads(ctx); err != nil || n != 0 {
		t.Errorf("PurgeUploads again = %d, %v; want 0", n, err)
	}
	if p := purges(); len(p) != 2 {
		t.Errorf("a purge of nothing was recorded: %q", p)
	}
	if err := s.TakeUpload(ctx, "fresh"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Upload(ctx, "fresh", u.ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Upload(fresh) after TakeUpload: err = %v, want ErrNotFound", err)
	}
}
