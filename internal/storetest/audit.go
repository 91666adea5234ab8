package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// testPurge: Purge deletes by the retention it is given, at the time it
// is given (the clock is the caller's), in one go recorded in the audit
// log; what is within its retention stays.
func testPurge(t *testing.T, s accord.Store) {
	ctx := context.Background()
	now := time.Now()
	u, err := s.AddUser(ctx, accord.User{Name: "pia", Role: accord.RoleEditor}, tok(strings.Repeat("cd", 32)))
	if err != nil {
		t.Fatal(err)
	}
	for _, ss := range []accord.Session{
		{IDHash: "short", Expires: now.Add(time.Hour)},
		{IDHash: "long", Expires: now.Add(100 * 24 * time.Hour)},
		{IDHash: "idle", Expires: now.Add(100 * 24 * time.Hour), Idle: 2 * time.Hour},
	} {
		ss.UserID, ss.CSRF = u.ID, "csrf"
		if err := s.CreateSession(ctx, ss); err != nil {
			t.Fatal(err)
		}
	}
	for id, age := range map[string]time.Duration{"hour": time.Hour, "two-hours": 2 * time.Hour} {
		up := accord.Upload{IDHash: id, UserID: u.ID, Body: "Decision MC-7/4", Source: accord.Source{Name: id + ".txt", SHA256: "abc", Format: "txt"}, Created: now.Add(-age)}
		if err := s.SaveUpload(ctx, up); err != nil {
			t.Fatal(err)
		}
	}
	purges := func() []string {
		log, err := s.AuditLog(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range log {
			if e.Action == "purge" {
				out = append(out, e.After)
			}
		}
		return out
	}
	day, year := 24*time.Hour, 365*24*time.Hour
	steps := []struct {
		name string
		r    accord.Retention
		at   time.Time
		want accord.PurgeResult
	}{
		{"sessions ended under 30 days ago stay; uploads made over 4.5 hours before go", accord.Retention{Sessions: 30 * day, Uploads: 270 * time.Minute, Audit: 2 * year}, now.Add(3 * time.Hour),
			accord.PurgeResult{Uploads: 1}},
		{"sessions past their expiry or idle timeout", accord.Retention{}, now.Add(3 * time.Hour), accord.PurgeResult{Sessions: 2}},
		{"nothing more to purge", accord.Retention{}, now.Add(3 * time.Hour), accord.PurgeResult{}},
		{"uploads past the TTL", accord.Retention{}, now.Add(accord.UploadTTL + time.Minute), accord.PurgeResult{Uploads: 1}},
		{"audit kept whole when no retention is set", accord.Retention{}, now.Add(3 * year), accord.PurgeResult{Sessions: 1}},
	}
	for i, st := range steps {
		before := len(purges())
		got, err := s.Purge(ctx, st.r, st.at)
		if err != nil {
			t.Fatalf("%s: Purge: %v", st.name, err)
		}
		if got != st.want {
			t.Errorf("%s: Purge = %+v, want %+v", st.name, got, st.want)
		}
		p := purges()
		switch {
		case st.want == accord.PurgeResult{} && len(p) != before:
			t.Errorf("%s: a purge of nothing was recorded: %q", st.name, p)
		case st.want != accord.PurgeResult{} && (len(p) != before+1 || !strings.Contains(p[0], fmt.Sprintf(`"sessions":%d,"uploads":%d,"audit":0`, st.want.Sessions, st.want.Uploads))):
			t.Errorf("%s: purges recorded = %q, want one more with the counts", st.name, p)
		}
		if i == 0 {
			if _, _, err := s.Session(ctx, "long"); err != nil {
				t.Errorf("live session after a purge: %v", err)
			}
			if _, err := s.Upload(ctx, "hour", u.ID); err != nil {
				t.Errorf("upload within its retention after a purge: %v", err)
			}
			if _, err := s.Upload(ctx, "two-hours", u.ID); !errors.Is(err, accord.ErrNotFound) {
				t.Errorf("upload past its retention after a purge: err = %v, want ErrNotFound", err)
			}
		}
	}
	log, err := s.AuditLog(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Purge(ctx, accord.Retention{Audit: 2 * year}, now.Add(3*year))
	if err != nil || got != (accord.PurgeResult{Audit: len(log)}) {
		t.Errorf("Purge of audit entries over two years old = %+v, %v; want all %d", got, err, len(log))
	}
	// The audit purge leaves only its own entry.
	log, err = s.AuditLog(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != "purge" || !strings.Contains(log[0].After, fmt.Sprintf(`"audit":%d`, got.Audit)) {
		t.Errorf("audit log after purging two years = %+v, want the purge's own entry", log)
	}
	if _, err := s.Purge(ctx, accord.Retention{Audit: -time.Hour}, now); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("Purge with a negative retention: err = %v, want ErrInvalid", err)
	}
}
