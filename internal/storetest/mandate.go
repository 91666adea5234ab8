package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

func mandatesOf(t *testing.T, s accord.Store, f accord.MandateFilter) []accord.Mandate {
	t.Helper()
	ms, err := s.Mandates(context.Background(), f)
	if err != nil {
		t.Fatalf("Mandates(%+v): %v", f, err)
	}
	return ms
}

func testMandates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to report."), "COP-7")
	b := withMandates(sample("BC-16/4", "basel", "COP-16", "Invites Parties."), "COP-17")
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b}); err != nil {
		t.Fatal(err)
	}
	all := mandatesOf(t, s, accord.MandateFilter{})
	if len(all) != 4 {
		t.Fatalf("Mandates() = %d, want 4", len(all))
	}
	m := all[0]
	if m.Symbol != "BC-16/4" || m.Instrument != "basel" || m.Status != accord.StatusOpen || !m.Extracted ||
		m.Deadline == nil || m.Deadline.Meeting != "COP-17" || len(m.Conditions) != 1 || m.Addressees[0].Actor != "secretariat" {
		t.Errorf("first mandate = %+v", m)
	}
	tests := []struct {
		f    accord.MandateFilter
		want int
	}{
		{accord.MandateFilter{Actor: "secretariat"}, 2},
		{accord.MandateFilter{Actor: "Parties"}, 2},
		{accord.MandateFilter{Instrument: "minamata"}, 2},
		{accord.MandateFilter{Instrument: "Minamata"}, 2},
		{accord.MandateFilter{Instrument: "Minamata Convention"}, 2},
		{accord.MandateFilter{Symbol: "mc-6/3", Actor: "parties"}, 1},
		{accord.MandateFilter{DueMeeting: "COP-7"}, 1},
		{accord.MandateFilter{Mentions: "global framework"}, 2},
		{accord.MandateFilter{Mentions: "unep"}, 2},
		{accord.MandateFilter{Status: accord.StatusCompleted}, 0},
		{accord.MandateFilter{Mentions: "100%_"}, 0},
		{accord.MandateFilter{After: minIDs(all)[1], ByID: true}, 2},
	}
	for _, tt := range tests {
		if got := mandatesOf(t, s, tt.f); len(got) != tt.want {
			t.Errorf("Mandates(%+v) = %d mandates, want %d", tt.f, len(got), tt.want)
		}
	}
	// Pages of the list, by offset, follow its order.
	for off := 0; off < 5; off++ {
		got := mandatesOf(t, s, accord.MandateFilter{Limit: 2, Offset: off})
		want := all[min(off, len(all)):min(off+2, len(all))]
		if len(got) != len(want) || len(got) > 0 && got[0].ID != want[0].ID {
			t.Errorf("Mandates(Limit 2, Offset %d) = %d mandates from %v, want %d", off, len(got), got, len(want))
		}
	}
	// Cross-convention: the same organization named by two instruments.
	var insts []string
	for _, m := range mandatesOf(t, s, accord.MandateFilter{Mentions: "Global Framework on Chemicals"}) {
		insts = append(insts, m.Instrument)
	}
	if strings.Join(insts, ",") != "basel,minamata" {
		t.Errorf("cross-convention instruments = %v", insts)
	}
}

func testUpdateMandate(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	st, owner := accord.StatusInProgress, "Jane"
	m, err := s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &st, Owner: &owner, Note: "Draft circulated.",
		Evidence: []string{"https://example.org/report.pdf", "UNEP/MC/COP.7/5"}, Who: "editor", Why: "work started"})
	if err != nil {
		t.Fatalf("UpdateMandate: %v", err)
	}
	if m.Status != st || m.Owner != "Jane" || !strings.HasSuffix(m.Notes, "editor: Draft circulated.") || len(m.Evidence) != 2 {
		t.Errorf("after update: %+v", m)
	}
	if m.Evidence[0].Kind != "url" || m.Evidence[1].Kind != "document" {
		t.Errorf("evidence kinds = %+v", m.Evidence)
	}
	var fields []string
	for _, c := range m.History {
		fields = append(fields, c.Field+":"+c.From+">"+c.To)
		if c.Who != "editor" || c.Why != "work started" || c.At.IsZero() {
			t.Errorf("history row = %+v", c)
		}
	}
	want := "status:open>in-progress owner:>Jane note:>Draft circulated. evidence:>https://example.org/report.pdf evidence:>UNEP/MC/COP.7/5"
	if strings.Join(fields, " ") != want {
		t.Errorf("history = %q\nwant      %q", strings.Join(fields, " "), want)
	}
	done := accord.StatusCompleted
	m, err = s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &done, Note: "Reported.", Who: "editor"})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.History) != 7 || strings.Count(m.Notes, "\n") != 1 {
		t.Errorf("after second update: %d history rows, notes %q", len(m.History), m.Notes)
	}
}

func testUpdateBad(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	bogus, done := accord.Status("finished"), accord.StatusCompleted
	tests := []struct {
		name string
		id   int64
		u    accord.MandateUpdate
		want error
	}{
		{"unknown status", id, accord.MandateUpdate{Status: &bogus}, accord.ErrInvalid},
		{"unknown id", 987654, accord.MandateUpdate{Status: &done}, accord.ErrNotFound},
		{"long note", id, accord.MandateUpdate{Status: &done, Note: strings.Repeat("é", accord.MaxNote+1)}, accord.ErrInvalid},
		{"bad evidence", id, accord.MandateUpdate{Status: &done, Evidence: []string{"https://ok.org/x", "see the report"}}, accord.ErrInvalid},
		{"relative url", id, accord.MandateUpdate{Evidence: []string{"/files/report.pdf"}}, accord.ErrInvalid},
		{"nothing", id, accord.MandateUpdate{Note: "   "}, accord.ErrInvalid},
		{"who with a colon", id, accord.MandateUpdate{Note: "x", Who: "2025-01-01 jane: forged"}, accord.ErrInvalid},
		{"who with a line break", id, accord.MandateUpdate{Note: "x", Who: "jane\n2025-01-01 joe"}, accord.ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := s.UpdateMandate(ctx, tt.id, tt.u); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	m, err := s.Mandate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != accord.StatusOpen || len(m.History) != 0 || len(m.Evidence) != 0 || m.Notes != "" {
		t.Errorf("bad updates changed the mandate: %+v", m)
	}
	if _, err := s.Mandate(ctx, 987654); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Mandate(987654) err = %v", err)
	}
}

func testReingestMandates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	d := withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	ms := mandatesOf(t, s, accord.MandateFilter{})
	st := accord.StatusInProgress
	if _, err := s.UpdateMandate(ctx, ms[1].ID, accord.MandateUpdate{Status: &st, Who: "editor"}); err != nil {
		t.Fatal(err)
	}
	// Re-ingest with the text changed: status and history stay.
	d.Mandates[1].Action = "to cooperate closely with the Global Framework on Chemicals"
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Mandate(ctx, ms[1].ID)
	if err != nil {
		t.Fatalf("tracked mandate lost on re-ingest: %v", err)
	}
	if got.Status != st || got.Action != d.Mandates[1].Action || len(got.History) != 1 || !got.Extracted {
		t.Errorf("after re-ingest: %+v", got)
	}
	// The text no longer holds the tracked mandate: kept, marked.
	d.Mandates = d.Mandates[:1]
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Mandate(ctx, ms[1].ID); err != nil || got.Extracted {
		t.Errorf("tracked mandate after its text went: %+v, %v", got, err)
	}
	// The file no longer holds the decision: the decision stays.
	res, err := s.Ingest(ctx, src, []accord.Decision{sample("MC-6/4", "minamata", "COP-6", "y")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept != 1 || res.Removed != 0 {
		t.Errorf("ingest without the tracked decision = %+v, want 1 kept", res)
	}
	if _, err := s.Decision(ctx, "minamata", "MC-6/3"); err != nil {
		t.Errorf("tracked decision removed: %v", err)
	}
}

func testOverdue(t *testing.T, s accord.Store) {
	ctx := context.Background()
	d := withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")
	d.Mandates[1].Deadline = &accord.Deadline{Text: "by 31 March 2024", Date: "2024-03-31"}
	if _, err := s.Ingest(ctx, src, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := mandatesOf(t, s, accord.MandateFilter{Upcoming: true}); len(got) != 1 || got[0].Deadline.Meeting != "COP-7" {
		t.Errorf("upcoming before COP-7 = %+v", got)
	}
	if got := mandatesOf(t, s, accord.MandateFilter{Overdue: true, AsOf: asOf}); len(got) != 0 {
		t.Errorf("overdue before COP-7 and before the date = %d, want 0", len(got))
	}
	if got := mandatesOf(t, s, accord.MandateFilter{Overdue: true, AsOf: asOf.AddDate(1, 0, 0)}); len(got) != 1 || got[0].Path != "1" || got[0].Verb != "invite" {
		t.Errorf("overdue after the date = %+v, want the dated mandate", got)
	}
	// COP-7 has met: its decisions are in the store.
	if _, err := s.Ingest(ctx, accord.Source{Name: "cop7.txt"}, []accord.Decision{sample("MC-7/1", "minamata", "COP-7", "z")}); err != nil {
		t.Fatal(err)
	}
	got := mandatesOf(t, s, accord.MandateFilter{Overdue: true, AsOf: asOf})
	if len(got) != 1 || got[0].Deadline.Meeting != "COP-7" {
		t.Fatalf("overdue after COP-7 = %+v", got)
	}
	if up := mandatesOf(t, s, accord.MandateFilter{Upcoming: true}); len(up) != 0 {
		t.Errorf("upcoming after COP-7 met = %+v", up)
	}
	done := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, got[0].ID, accord.MandateUpdate{Status: &done}); err != nil {
		t.Fatal(err)
	}
	if got := mandatesOf(t, s, accord.MandateFilter{Overdue: true, AsOf: asOf}); len(got) != 0 {
		t.Errorf("completed mandate still overdue: %+v", got)
	}
}

// testConcurrentUpdates updates one mandate from two goroutines at once:
// every change lands and is recorded.
func testConcurrentUpdates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	const n = 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for w, st := range []accord.Status{accord.StatusInProgress, accord.StatusDeferred} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				st := st
				_, err := s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &st, Note: fmt.Sprintf("w%d-%d", w, i), Who: fmt.Sprintf("w%d", w)})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent update: %v", err)
	}
	m, err := s.Mandate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for w := 0; w < 2; w++ {
		for i := 0; i < n; i++ {
			if !strings.Contains(m.Notes, fmt.Sprintf("w%d: w%d-%d", w, w, i)) {
				t.Errorf("note w%d-%d lost", w, i)
			}
		}
	}
	notes, prev := 0, accord.StatusOpen
	for _, c := range m.History {
		switch c.Field {
		case "note":
			notes++
		case "status":
			if c.From != string(prev) {
				t.Errorf("status change from %q, but the status was %q: a change was lost", c.From, prev)
			}
			prev = accord.Status(c.To)
		}
	}
	if notes != 2*n || prev != m.Status {
		t.Errorf("history: %d notes (want %d), last status %q vs mandate %q", notes, 2*n, prev, m.Status)
	}
}

func testActorMandates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	ds := []accord.Decision{withMandates(sample("MC-6/1", "minamata", "COP-6", "Requests."), "COP-7"),
		withMandates(sample("MC-6/2", "minamata", "COP-6", "Requests."), "COP-7")}
	if _, err := s.Ingest(ctx, src, ds); err != nil {
		t.Fatal(err)
	}
	ms := mandatesOf(t, s, accord.MandateFilter{Actor: "secretariat"})
	if byDecision := mandatesOf(t, s, accord.MandateFilter{DecisionID: ms[1].DecisionID}); len(byDecision) != 2 || byDecision[0].Symbol != ms[1].Symbol {
		t.Errorf("mandates of decision %d: %+v", ms[1].DecisionID, byDecision)
	}
	done := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ActorMandates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := "map[parties:map[open:2] secretariat:map[completed:1 open:1]]"; fmt.Sprint(got) != want {
		t.Errorf("ActorMandates() = %v, want %s", got, want)
	}
}

// minIDs returns the ids of ms in increasing order.
func minIDs(ms []accord.Mandate) []int64 {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}
