package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// testBundledMeetings: a new store holds the bundled meetings and bodies,
// found by id, by the label decisions use and by filters.
func testBundledMeetings(t *testing.T, s accord.Store) {
	ctx := context.Background()
	m, err := s.MeetingOf(ctx, "minamata", "COP-6")
	if err != nil || m.ID != "minamata-COP-6" || !m.Start.Equal(day("2025-11-03")) || m.City != "Geneva" || m.ChangedBy != "" {
		t.Errorf("MeetingOf(minamata, COP-6) = %+v, %v", m, err)
	}
	// A meeting in two parts is found by its session's label.
	if m, err := s.MeetingOf(ctx, "minamata", "COP-4"); err != nil || m.ID != "minamata-COP-4.1" {
		t.Errorf("MeetingOf(minamata, COP-4) = %s, %v; want its first part", m.ID, err)
	}
	if _, err := s.MeetingOf(ctx, "minamata", "COP-99"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("MeetingOf(minamata, COP-99) error = %v, want ErrNotFound", err)
	}
	if m, err := s.Meeting(ctx, "minamata-COP-7"); err != nil || m.Dated() {
		t.Errorf("Meeting(minamata-COP-7) = %+v, %v; want it undated", m, err)
	}
	ms, err := s.Meetings(ctx, accord.MeetingFilter{Instrument: "Minamata Convention", Year: 2025})
	if err != nil || len(ms) != 1 || ms[0].ID != "minamata-COP-6" {
		t.Errorf("Meetings(minamata, 2025) = %v, %v", meetingIDs(ms), err)
	}
	ms, err = s.Meetings(ctx, accord.MeetingFilter{From: day("2025-11-01"), To: day("2025-11-30")})
	if err != nil || len(ms) < 2 || !ms[0].Start.Before(ms[len(ms)-1].Start) {
		t.Errorf("Meetings(November 2025) = %v, %v; want Minamata COP-6 and CITES CoP20 by date", meetingIDs(ms), err)
	}
	all, err := s.Meetings(ctx, accord.MeetingFilter{Instrument: "minamata"})
	if err != nil || len(all) < 7 || all[len(all)-1].ID != "minamata-COP-7" {
		t.Errorf("Meetings(minamata) = %v, %v; want the undated COP-7 last", meetingIDs(all), err)
	}
	bs, err := s.Bodies(ctx, "stockholm")
	if err != nil || len(bs) < 2 || bs[0].Code != "COP" || !hasBody(bs, "POPRC") {
		t.Errorf("Bodies(stockholm) = %+v, %v; want the COP first and the POPRC", bs, err)
	}
}

func hasBody(bs []accord.Body, code string) bool {
	for _, b := range bs {
		if b.Code == code {
			return true
		}
	}
	return false
}

func meetingIDs(ms []accord.Meeting) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

// testPutMeetings: people add, change and delete meetings; a write is one
// transaction, checked whole first; writing the same records twice
// changes nothing; every change and deletion is in the audit log.
func testPutMeetings(t *testing.T, s accord.Store) {
	ctx := context.Background()
	oewg := accord.Meeting{ID: "basel-OEWG-14", Instrument: "basel", Body: "OEWG", Number: "14", Kind: "ordinary",
		Start: day("2024-06-24"), End: day("2024-06-28"), City: "Geneva", Country: "CH", Source: "https://www.basel.int/a"}
	cop7 := accord.Meeting{ID: "minamata-COP-7", Instrument: "minamata", Body: "COP", Number: "7", Kind: "ordinary",
		Start: day("2027-11-01"), End: day("2027-11-05"), City: "Geneva", Country: "CH", Source: "https://minamataconvention.org/b"}
	bad := oewg
	bad.ID, bad.Number, bad.Kind = "basel-OEWG-15", "15", "special"
	if _, err := s.PutMeetings(ctx, "ana", []accord.Meeting{oewg, cop7, bad}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "kind") {
		t.Errorf("PutMeetings with a bad kind: error = %v, want ErrInvalid naming kind", err)
	}
	if _, err := s.Meeting(ctx, "basel-OEWG-14"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("after a refused write, basel-OEWG-14: %v, want ErrNotFound", err)
	}
	if _, err := s.PutMeetings(ctx, "", []accord.Meeting{oewg}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("PutMeetings by nobody: error = %v, want ErrInvalid", err)
	}
	res, err := s.PutMeetings(ctx, "ana", []accord.Meeting{oewg, cop7})
	if err != nil || res != (accord.ImportCounts{Added: 1, Updated: 1}) {
		t.Fatalf("PutMeetings = %+v, %v; want one added, one changed", res, err)
	}
	res, err = s.PutMeetings(ctx, "ana", []accord.Meeting{oewg, cop7})
	if err != nil || res != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("PutMeetings again = %+v, %v; want both unchanged", res, err)
	}
	got, err := s.Meeting(ctx, "minamata-COP-7")
	if err != nil || !got.Start.Equal(cop7.Start) || got.ChangedBy != "ana" || got.Updated.IsZero() || got.Created.IsZero() {
		t.Errorf("Meeting(minamata-COP-7) = %+v, %v", got, err)
	}
	if err := s.DeleteMeeting(ctx, "ana", "basel-OEWG-14"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Meeting(ctx, "basel-OEWG-14"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleted meeting: %v, want ErrNotFound", err)
	}
	if err := s.DeleteMeeting(ctx, "ana", "basel-OEWG-14"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	log, err := s.AuditLog(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action+" "+e.Target)
	}
	want := []string{"delete meeting meeting basel-OEWG-14", "change meeting meeting minamata-COP-7", "add meeting meeting basel-OEWG-14"}
	if strings.Join(actions, "; ") != strings.Join(want, "; ") {
		t.Errorf("audit log = %q, want %q", actions, want)
	}
	if !strings.Contains(log[0].Before, `"start_date":"2024-06-24"`) || log[0].Who != "ana" {
		t.Errorf("deletion's audit entry = %+v, want the record's content and who", log[0])
	}
	if !strings.Contains(log[1].Before, `"start_date":""`) || !strings.Contains(log[1].After, `"start_date":"2027-11-01"`) {
		t.Errorf("change's audit entry = %+v, want before and after", log[1])
	}
	// Writing a deleted record again brings it back.
	if res, err := s.PutMeetings(ctx, "ana", []accord.Meeting{oewg}); err != nil || res.Updated != 1 {
		t.Errorf("PutMeetings of a deleted meeting = %+v, %v", res, err)
	}
	if _, err := s.Meeting(ctx, "basel-OEWG-14"); err != nil {
		t.Errorf("meeting written again: %v", err)
	}

	body := accord.Body{ID: "minamata-OEWG", Instrument: "minamata", Code: "OEWG", Name: "Open-ended working group", Kind: "subsidiary", Source: "https://minamataconvention.org/c"}
	if res, err := s.PutBodies(ctx, "ana", []accord.Body{body}); err != nil || res.Added != 1 {
		t.Errorf("PutBodies = %+v, %v", res, err)
	}
	body.Kind = "panel"
	if _, err := s.PutBodies(ctx, "ana", []accord.Body{body}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("PutBodies with a bad kind: %v, want ErrInvalid", err)
	}
	if err := s.DeleteBody(ctx, "ana", "minamata-OEWG"); err != nil {
		t.Fatal(err)
	}
	if bs, _ := s.Bodies(ctx, "minamata"); hasBody(bs, "OEWG") {
		t.Errorf("deleted body still listed: %+v", bs)
	}
}

// testMeetingDeadlines: a mandate due at a meeting is overdue once the
// meeting's record has opened, and upcoming before; a decision whose
// text prints no year takes its meeting's.
func testMeetingDeadlines(t *testing.T, s accord.Store) {
	ctx := context.Background()
	d := withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Decision(ctx, "minamata", "MC-6/3")
	if err != nil || stored.Year != 2025 {
		t.Errorf("year of MC-6/3, adopted at COP-6 = %d, %v; want 2025 from the meeting", stored.Year, err)
	}
	cop7 := accord.Meeting{ID: "minamata-COP-7", Instrument: "minamata", Body: "COP", Number: "7", Kind: "ordinary",
		Start: day("2027-11-01"), End: day("2027-11-05"), City: "Geneva", Country: "CH", Source: "https://minamataconvention.org/b"}
	if _, err := s.PutMeetings(ctx, "ana", []accord.Meeting{cop7}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		asOf              string
		overdue, upcoming int
	}{
		{"2027-10-31", 0, 1},
		{"2027-11-01", 1, 0},
	} {
		asOf := day(tc.asOf)
		if got := mandatesOf(t, s, accord.MandateFilter{Overdue: true, AsOf: asOf}); len(got) != tc.overdue {
			t.Errorf("overdue as of %s = %d, want %d", tc.asOf, len(got), tc.overdue)
		}
		if got := mandatesOf(t, s, accord.MandateFilter{Upcoming: true, AsOf: asOf}); len(got) != tc.upcoming {
			t.Errorf("upcoming as of %s = %d, want %d", tc.asOf, len(got), tc.upcoming)
		}
	}
}
