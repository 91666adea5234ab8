package web

import (
	"context"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestReportNames: the report page and its downloads name who reported
// on a mandate only to signed-in readers, as the mandate's page does;
// others read "secretariat staff".
func TestReportNames(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata", Meeting: "COP-6"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("sample: %d mandates of COP-6 (%v)", len(ms), err)
	}
	if _, err := st.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Note: "Scoping study commissioned", Who: "officerann"}); err != nil {
		t.Fatal(err)
	}
	c, _ := signIn(t, srv, st, "jo", "minamata")
	for _, path := range []string{"/report?instrument=minamata&meeting=COP-6", "/report.csv?instrument=minamata&meeting=COP-6",
		"/report.md?instrument=minamata&meeting=COP-6", "/report.html?instrument=minamata&meeting=COP-6"} {
		_, anon := download(t, srv.Client(), srv, path, 200)
		if s := string(anon); strings.Contains(s, "officerann") || !strings.Contains(s, "Scoping study commissioned") || !strings.Contains(s, accord.Staff) {
			t.Errorf("%s, not signed in: names the officer, or lacks the note or %q", path, accord.Staff)
		}
		_, named := download(t, c, srv, path, 200)
		if s := string(named); !strings.Contains(s, "officerann") {
			t.Errorf("%s, signed in: does not name the officer", path)
		}
	}
}
