package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/pgtest"
)

// TestListsSeeOtherWriters: what the lists show beside their rows (the
// board's choices and counts, the decisions by instrument, the meetings
// of a body and those held) is what the database holds after each write
// another process makes: an ingest, a change of status and owner, a
// correction of a decision and of a mandate, a meeting's record. Store b
// reads, as a server would, while store a, on the same database, writes.
func TestListsSeeOtherWriters(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "accord.db")
		testListsSeeOtherWriters(t, openAt(t, path), openAt(t, path))
	})
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.URL(t)
		testListsSeeOtherWriters(t, openAt(t, url), openAt(t, url))
	})
}

func openAt(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testListsSeeOtherWriters(t *testing.T, a, b *Store) {
	ctx := context.Background()
	decision := func(symbol, inst, meeting, actor, due string) accord.Decision {
		return accord.Decision{Symbol: symbol, Instrument: inst, Meeting: meeting, Kind: accord.KindDecision, Title: "On " + symbol,
			Mandates: []accord.Mandate{{Seq: 1, Path: "1", Verb: "request", Action: "to report",
				Addressees: []accord.Addressee{{Text: "the " + actor, Actor: actor}}, Deadline: &accord.Deadline{Text: "at " + due, Meeting: due}}}}
	}
	if _, err := a.Ingest(ctx, accord.Source{Name: "a.txt"}, []accord.Decision{decision("MC-39/1", "minamata", "COP-39", "secretariat", "COP-40")}); err != nil {
		t.Fatal(err)
	}
	// read is what b's lists show now, each read twice: the second
	// from what b keeps when nothing changed in between.
	type lists struct {
		Stats   accord.Stats
		Choices accord.MandateChoices
		COPs    int      // mandates of decisions of a COP
		Overdue []string // the actions of the mandates overdue
	}
	asOf := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	read := func(what string) lists {
		t.Helper()
		var got [2]lists
		for i := range got {
			var err error
			l := &got[i]
			if l.Stats, err = b.Stats(ctx); err != nil {
				t.Fatalf("%s: Stats: %v", what, err)
			}
			if l.Choices, err = b.MandateChoices(ctx); err != nil {
				t.Fatalf("%s: MandateChoices: %v", what, err)
			}
			ms, err := b.Mandates(ctx, accord.MandateFilter{Body: "COP"})
			if err != nil {
				t.Fatalf("%s: Mandates(Body COP): %v", what, err)
			}
			l.COPs = len(ms)
			if ms, err = b.Mandates(ctx, accord.MandateFilter{Overdue: true, AsOf: asOf}); err != nil {
				t.Fatalf("%s: Mandates(Overdue): %v", what, err)
			}
			for _, m := range ms {
				l.Overdue = append(l.Overdue, m.Symbol)
			}
		}
		if !equalLists(got[0].Stats, got[1].Stats, got[0].Choices, got[1].Choices) || got[0].COPs != got[1].COPs || !slices.Equal(got[0].Overdue, got[1].Overdue) {
			t.Errorf("%s: b's lists read twice differ: %+v, then %+v", what, got[0], got[1])
		}
		return got[1]
	}
	l := read("after the first ingest")
	if l.Stats.Decisions != 1 || l.Stats.Mandates != 1 || len(l.Choices.Actors) != 1 || l.COPs != 1 || len(l.Overdue) != 0 {
		t.Fatalf("after the first ingest, b reads %+v", l)
	}

	// An ingest by a: a decision of another instrument and body, whose
	// meeting, COP-40, is the one the first mandate is due at, but of
	// Basel: the first mandate, due at Minamata's COP-40, is not overdue.
	if _, err := a.Ingest(ctx, accord.Source{Name: "b.txt"}, []accord.Decision{decision("BC-40/1", "basel", "COP-40", "parties", "OEWG-41")}); err != nil {
		t.Fatal(err)
	}
	l = read("after an ingest of another process")
	if l.Stats.Decisions != 2 || l.Stats.Mandates != 2 || len(l.Stats.Instruments) != 2 || len(l.Choices.Actors) != 2 ||
		!slices.Equal(l.Choices.DueMeetings, []string{"COP-40", "OEWG-41"}) || l.COPs != 2 || len(l.Overdue) != 0 {
		t.Errorf("after an ingest of another process, b reads %+v", l)
	}
	// A decision adopted at Minamata's COP-40: the first mandate is due
	// at a meeting held.
	if _, err := a.Ingest(ctx, accord.Source{Name: "c.txt"}, []accord.Decision{decision("MC-40/1", "minamata", "COP-40", "secretariat", "COP-41")}); err != nil {
		t.Fatal(err)
	}
	l = read("after an ingest of a meeting mandates are due at")
	if !slices.Equal(l.Overdue, []string{"MC-39/1"}) {
		t.Errorf("after an ingest of COP-40 of Minamata, b's overdue mandates are %q, want MC-39/1's", l.Overdue)
	}

	// A change of status and owner.
	first, err := a.Mandates(ctx, accord.MandateFilter{Symbol: "MC-39/1"})
	if err != nil || len(first) != 1 {
		t.Fatalf("MC-39/1's mandates = %v, %v", first, err)
	}
	completed, owner := accord.StatusCompleted, "Ann Lee"
	if _, err := a.UpdateMandate(ctx, first[0].ID, accord.MandateUpdate{Status: &completed, Owner: &owner, Who: "ann"}); err != nil {
		t.Fatal(err)
	}
	l = read("after a change of status and owner")
	if !slices.Equal(l.Choices.Owners, []string{"Ann Lee"}) || len(l.Overdue) != 0 {
		t.Errorf("after a change of status and owner, b reads owners %q and overdue %q, want Ann Lee and none", l.Choices.Owners, l.Overdue)
	}

	// Corrections: a decision moved to another meeting, body and
	// instrument; a mandate asking someone else.
	bc, err := a.Decision(ctx, "basel", "BC-40/1")
	if err != nil {
		t.Fatal(err)
	}
	inst, meeting := "stockholm", "OEWG-3"
	if _, err := a.CorrectDecision(ctx, bc.ID, accord.DecisionCorrection{Instrument: &inst, Meeting: &meeting, Who: "ann"}); err != nil {
		t.Fatal(err)
	}
	l = read("after a correction of a decision")
	if l.COPs != 2 || !slices.Contains(l.Choices.Bodies, "OEWG") || slices.ContainsFunc(l.Stats.Instruments, func(c accord.FacetCount) bool { return c.Value == "basel" }) {
		t.Errorf("after BC-40/1 moved to Stockholm's OEWG-3, b reads %+v", l)
	}
	as := []accord.Addressee{{Text: "the Executive Secretary", Actor: "executive-secretary"}}
	if _, err := a.CorrectMandate(ctx, first[0].ID, accord.MandateCorrection{Addressees: &as, Who: "ann"}); err != nil {
		t.Fatal(err)
	}
	l = read("after a correction of a mandate")
	if !slices.ContainsFunc(l.Choices.Actors, func(c accord.ActorChoice) bool { return c.ID == "executive-secretary" && c.Mandates == 1 }) {
		t.Errorf("after a mandate asks the Executive Secretary, b's actors are %+v", l.Choices.Actors)
	}

	// A meeting's record: Stockholm's OEWG-41 opened in 2029, and BC-40/1,
	// now Stockholm's, asks for OEWG-41.
	if _, err := a.PutMeetings(ctx, "ann", []accord.Meeting{{ID: "stockholm-OEWG-41", Instrument: "stockholm", Body: "OEWG", Number: "41", Kind: "ordinary",
		Start: time.Date(2029, 5, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2029, 5, 3, 0, 0, 0, 0, time.UTC), Source: "https://chm.pops.int/oewg41"}}); err != nil {
		t.Fatal(err)
	}
	l = read("after a meeting's record")
	if !slices.Equal(l.Overdue, []string{"BC-40/1"}) {
		t.Errorf("after Stockholm's OEWG-41 was held, b's overdue mandates are %q, want BC-40/1's", l.Overdue)
	}
}

// equalLists reports whether two reads of the lists are the same.
func equalLists(s1, s2 accord.Stats, c1, c2 accord.MandateChoices) bool {
	return s1.Decisions == s2.Decisions && s1.Mandates == s2.Mandates && slices.Equal(s1.Instruments, s2.Instruments) &&
		slices.Equal(c1.Actors, c2.Actors) && slices.Equal(c1.Bodies, c2.Bodies) && slices.Equal(c1.DueMeetings, c2.DueMeetings) && slices.Equal(c1.Owners, c2.Owners)
}

// TestListsFollowCommitOrder: on PostgreSQL, a write that began first
// and commits last is seen too. Two transactions change the decisions of
// two instruments; the second commits, the lists are read and kept, then
// the first commits: the lists read next show both changes.
func TestListsFollowCommitOrder(t *testing.T) {
	ctx := context.Background()
	s := OpenTestPostgres(t)
	defer s.Close()
	var ds []accord.Decision
	for _, d := range []struct{ symbol, inst string }{{"MC-6/1", "minamata"}, {"BC-16/1", "basel"}, {"SC-11/1", "stockholm"}} {
		ds = append(ds, accord.Decision{Symbol: d.symbol, Instrument: d.inst, Meeting: "COP-6", Kind: accord.KindDecision, Title: "On " + d.symbol})
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "a.txt"}, ds); err != nil {
		t.Fatal(err)
	}
	instruments := func() string {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range st.Instruments {
			out = append(out, fmt.Sprintf("%s %d", c.Value, c.Count))
		}
		return strings.Join(out, ", ")
	}
	if got, want := instruments(), "basel 1, minamata 1, stockholm 1"; got != want {
		t.Fatalf("Stats instruments = %s, want %s", got, want)
	}
	move := func(symbol, to string) *sql.Tx {
		t.Helper()
		tx, err := s.write.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE decisions SET instrument = $1 WHERE symbol = $2`, to, symbol); err != nil {
			tx.Rollback()
			t.Fatal(err)
		}
		return tx
	}
	first := move("MC-6/1", "basel")
	second := move("SC-11/1", "basel")
	if err := second.Commit(); err != nil {
		first.Rollback()
		t.Fatal(err)
	}
	if got, want := instruments(), "basel 2, minamata 1"; got != want {
		first.Rollback()
		t.Fatalf("Stats instruments after the second commit = %s, want %s", got, want)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, want := instruments(), "basel 3"; got != want {
		t.Errorf("Stats instruments after the first commit = %s, want %s", got, want)
	}
}
