package store

import (
	"context"
	"testing"

	"github.com/accordmea/accord"
)

// TestLoadBundled checks that loading the bundle again changes nothing,
// and that a newer bundle updates what nobody changed but leaves what a
// person changed or deleted.
func TestLoadBundled(t *testing.T) {
	ctx := context.Background()
	s := openTestSQLite(t)
	defer s.Close()
	count := func() (n int) {
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM meetings`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	cop5, err := s.Meeting(ctx, "minamata-COP-5")
	if err != nil {
		t.Fatal(err)
	}
	cop6, err := s.Meeting(ctx, "minamata-COP-6")
	if err != nil {
		t.Fatal(err)
	}
	// A person moves COP-5 and deletes COP-3; the bundle is changed
	// under COP-6 behind the store's back, as an older bundle left it.
	moved := cop5
	moved.Start, moved.End = cop5.Start.AddDate(0, 0, 1), cop5.End.AddDate(0, 0, 1)
	if _, err := s.PutMeetings(ctx, "ana", []accord.Meeting{moved}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeeting(ctx, "ana", "minamata-COP-3"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE meetings SET city = 'Bali' WHERE id = 'minamata-COP-6'`); err != nil {
		t.Fatal(err)
	}
	log0, _ := s.AuditLog(ctx, 1000)
	// The same bundle again: nothing is read or written.
	if err := s.loadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Meeting(ctx, "minamata-COP-6"); got.City != "Bali" {
		t.Errorf("the bundle loaded again although it is the same: COP-6 in %s", got.City)
	}
	// A newer bundle.
	if _, err := s.write.ExecContext(ctx, `DELETE FROM registry_bundles`); err != nil {
		t.Fatal(err)
	}
	if err := s.loadBundled(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Meeting(ctx, "minamata-COP-6"); got.City != cop6.City || got.ChangedBy != "" {
		t.Errorf("COP-6 after a newer bundle = %+v, want the bundle's city %s", got, cop6.City)
	}
	if got, _ := s.Meeting(ctx, "minamata-COP-5"); !got.Start.Equal(moved.Start) || got.ChangedBy != "ana" {
		t.Errorf("COP-5 after a newer bundle = %+v, want ana's dates kept", got)
	}
	if _, err := s.Meeting(ctx, "minamata-COP-3"); err == nil {
		t.Error("COP-3, deleted by ana, came back with the bundle")
	}
	if n := count(); n != before {
		t.Errorf("%d meeting rows after loading again, want %d", n, before)
	}
	log1, _ := s.AuditLog(ctx, 1000)
	if len(log1) != len(log0)+1 || log1[0].Action != "change meeting" || log1[0].Target != "meeting minamata-COP-6" {
		t.Errorf("audit log after a newer bundle: %d entries then %d, latest %+v; want the change of COP-6", len(log0), len(log1), log1[0])
	}
}
