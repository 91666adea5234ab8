package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/accordmea/accord"
	"github.com/google/go-cmp/cmp"
)

// board stores decisions whose mandates ask the secretariat under its
// several names, of Minamata and of the three BRS conventions, with
// deadlines, owners and people's checks to filter and sort by.
func board(t *testing.T, s accord.Store) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	mk := func(symbol, inst, meeting, title string, ms ...accord.Mandate) accord.Decision {
		d := sample(symbol, inst, meeting, "Requests the secretariat to report.")
		d.Title = title
		for i := range ms {
			ms[i].Seq, ms[i].Path, ms[i].Verb, ms[i].Phrase = i+1, "1", "request", "Requests"
		}
		d.Mandates = ms
		return d
	}
	m := func(action, text, actor string, dl *accord.Deadline) accord.Mandate {
		return accord.Mandate{Action: action, Addressees: []accord.Addressee{{Text: text, Actor: actor}}, Deadline: dl}
	}
	ds := []accord.Decision{
		mk("MC-6/3", "minamata", "COP-6", "Cooperation with other organizations",
			m("mc secretariat", "the Secretariat of the Convention", "secretariat", &accord.Deadline{Text: "at its seventh meeting", Meeting: "COP-7"}),
			m("mc executive", "the Executive Secretary", "executive-secretary", &accord.Deadline{Text: "by 31 March 2027", Date: "2027-03-31"}),
			m("mc parties", "Parties", "parties", nil)),
		mk("MC-6/4", "minamata", "COP-MOP-4", "Budget of the secretariat",
			m("mc secretariats", "the secretariats", "secretariats", &accord.Deadline{Text: "by 1 January 2027", Date: "2027-01-01"})),
		mk("BC-17/1", "basel", "COP-17", "Technical assistance",
			m("bc secretariat", "Secretariat", "secretariat", &accord.Deadline{Text: "at its eighteenth meeting", Meeting: "COP-18"})),
		mk("RC-12/2", "rotterdam", "COP-12", "Synergies",
			m("rc brs", "the Secretariat of the Basel, Rotterdam and Stockholm conventions", "brs-secretariat", nil)),
		mk("UNEP/EA.6/Res.3", "unea", "UNEA-6", "Chemicals",
			m("unea executive director", "Executive Director", "unep-executive-director", nil)),
	}
	if _, err := s.Ingest(ctx, src, ds); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, x := range mandatesOf(t, s, accord.MandateFilter{}) {
		ids[x.Action] = x.ID
	}
	owner := "Jane Doe"
	if _, err := s.UpdateMandate(ctx, ids["mc executive"], accord.MandateUpdate{Owner: &owner, Who: "jane"}); err != nil {
		t.Fatal(err)
	}
	deliv := "report"
	if _, err := s.CorrectMandate(ctx, ids["mc parties"], accord.MandateCorrection{Deliverable: &deliv, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	done := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, ids["bc secretariat"], accord.MandateUpdate{Status: &done, Who: "jane"}); err != nil {
		t.Fatal(err)
	}
	return ids
}

func actions(ms []accord.Mandate) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Action)
	}
	return out
}

func testBoardFilters(t *testing.T, s accord.Store) {
	board(t, s)
	for _, tt := range []struct {
		name string
		f    accord.MandateFilter
		want []string // in the default order: by instrument, meeting, decision
	}{
		{"secretariat gathers its Executive Secretary and secretariats", accord.MandateFilter{Actor: "secretariat", Instrument: "minamata"},
			[]string{"mc secretariat", "mc executive", "mc secretariats"}},
		{"secretariat by name", accord.MandateFilter{Actor: "Secretariat", Instrument: "Minamata Convention"},
			[]string{"mc secretariat", "mc executive", "mc secretariats"}},
		{"secretariat of Basel gathers the joint BRS secretariat", accord.MandateFilter{Actor: "secretariat", Instrument: "basel"},
			[]string{"bc secretariat", "rc brs"}},
		{"the joint secretariat", accord.MandateFilter{Actor: "brs-secretariat"}, []string{"bc secretariat", "rc brs"}},
		{"secretariat anywhere", accord.MandateFilter{Actor: "secretariat"},
			[]string{"bc secretariat", "mc secretariat", "mc executive", "mc secretariats", "rc brs"}},
		{"Executive Secretary alone", accord.MandateFilter{Actor: "executive-secretary"}, []string{"mc executive"}},
		{"an instrument and its own decisions only", accord.MandateFilter{Instrument: "basel"}, []string{"bc secretariat"}},
		{"checked by a person", accord.MandateFilter{Checked: "yes"}, []string{"mc parties"}},
		{"not checked", accord.MandateFilter{Checked: "no", Instrument: "minamata"}, []string{"mc secretariat", "mc executive", "mc secretariats"}},
		{"owner", accord.MandateFilter{Owner: "Jane Doe"}, []string{"mc executive"}},
		{"owner nobody has", accord.MandateFilter{Owner: "Jan"}, nil},
		{"body COP", accord.MandateFilter{Body: "COP", Instrument: "minamata"}, []string{"mc secretariat", "mc executive", "mc parties"}},
		{"body COP-MOP", accord.MandateFilter{Body: "cop-mop"}, []string{"mc secretariats"}},
		{"body nobody has", accord.MandateFilter{Body: "SBI"}, nil},
		{"pending", accord.MandateFilter{Pending: true, Actor: "brs-secretariat"}, []string{"rc brs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := actions(mandatesOf(t, s, tt.f)); !slices.Equal(got, tt.want) {
				t.Errorf("Mandates(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
	for _, f := range []accord.MandateFilter{{Checked: "maybe"}, {Sort: "title"}, {Sort: "--due"}} {
		if ms, err := s.Mandates(context.Background(), f); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("Mandates(%+v) = %d mandates, %v; want ErrInvalid", f, len(ms), err)
		}
	}
}

func testBoardSort(t *testing.T, s accord.Store) {
	ctx := context.Background()
	board(t, s)
	for _, tt := range []struct {
		sort string
		want []string
	}{
		{"due", []string{"mc secretariats", "mc executive", "bc secretariat", "mc secretariat", "mc parties", "rc brs", "unea executive director"}},
		{"-due", []string{"unea executive director", "rc brs", "mc parties", "mc secretariat", "bc secretariat", "mc executive", "mc secretariats"}},
		{"status", []string{"bc secretariat", "mc secretariat", "mc executive", "mc parties", "mc secretariats", "rc brs", "unea executive director"}},
		{"actor", []string{"unea executive director", "mc parties", "bc secretariat", "mc executive", "rc brs", "mc secretariat", "mc secretariats"}},
		{"decision", []string{"bc secretariat", "mc secretariat", "mc executive", "mc parties", "mc secretariats", "rc brs", "unea executive director"}},
		{"-decision", []string{"unea executive director", "rc brs", "mc secretariats", "mc parties", "mc executive", "mc secretariat", "bc secretariat"}},
	} {
		t.Run(tt.sort, func(t *testing.T) {
			all := mandatesOf(t, s, accord.MandateFilter{Sort: tt.sort})
			if got := actions(all); !slices.Equal(got, tt.want) {
				t.Errorf("Mandates(Sort %q) = %q, want %q", tt.sort, got, tt.want)
			}
			// Pages of two by offset make up the whole list, each row once.
			var paged []string
			for off := 0; off < len(all)+2; off += 2 {
				paged = append(paged, actions(mandatesOf(t, s, accord.MandateFilter{Sort: tt.sort, Limit: 2, Offset: off}))...)
			}
			if !slices.Equal(paged, actions(all)) {
				t.Errorf("pages of Mandates(Sort %q) = %q, want %q", tt.sort, paged, actions(all))
			}
		})
	}
	// Ties (every mandate open and due nowhere) are broken by id.
	var ds []accord.Decision
	for i := range 7 {
		d := withMandates(sample(fmt.Sprintf("X-1/%d", i+1), "cms", "COP-1", "x"), "")
		d.Mandates[0].Deadline = nil
		ds = append(ds, d)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "ties.txt", SHA256: "ties", Format: "txt"}, ds); err != nil {
		t.Fatal(err)
	}
	for _, sort := range []string{"status", "-status", "due", "actor"} {
		f := accord.MandateFilter{Instrument: "cms", Sort: sort}
		all := mandatesOf(t, s, f)
		var ids []int64
		for off := 0; off < len(all); off += 3 {
			f.Limit, f.Offset = 3, off
			for _, m := range mandatesOf(t, s, f) {
				ids = append(ids, m.ID)
			}
		}
		if len(ids) != 14 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 14 {
			t.Errorf("pages of Mandates(Sort %q) over ties = %v, want 14 mandates each once", sort, ids)
		}
	}
}

func testDecisionText(t *testing.T, s accord.Store) {
	board(t, s)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"budget", []string{"MC-6/4"}},
		{"SECRETARIAT budget", []string{"MC-6/4"}},
		{"mc-6", []string{"MC-6/3", "MC-6/4"}},
		{"synergies rc", []string{"RC-12/2"}},
		{"nothing-like-it", nil},
	} {
		ds, err := s.Decisions(context.Background(), accord.DecisionFilter{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.Symbol)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Decisions(Text %q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func testMandateChoices(t *testing.T, s accord.Store) {
	board(t, s)
	c, err := s.MandateChoices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := accord.MandateChoices{
		Actors: []accord.ActorChoice{{ID: "secretariat", Name: "Secretariat", Mandates: 2}, {ID: "brs-secretariat", Name: "the Secretariat of the Basel, Rotterdam and Stockholm conventions", Mandates: 1},
			{ID: "executive-secretary", Name: "the Executive Secretary", Mandates: 1}, {ID: "parties", Name: "Parties", Mandates: 1}, {ID: "secretariats", Name: "the secretariats", Mandates: 1},
			{ID: "unep-executive-director", Name: "Executive Director", Mandates: 1}},
		Bodies:      []string{"COP", "COP-MOP", "UNEA"},
		DueMeetings: []string{"COP-18", "COP-7"},
		Owners:      []string{"Jane Doe"},
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("MandateChoices (-want +got):\n%s", diff)
	}
	// They and the counts are what the store holds after each write, as
	// the lists read them again and again.
	ctx := context.Background()
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms := mandatesOf(t, s, accord.MandateFilter{Symbol: "BC-17/1"})
	owner := "Ann Lee"
	if _, err := s.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Owner: &owner, Who: "ann"}); err != nil {
		t.Fatal(err)
	}
	if c, err := s.MandateChoices(ctx); err != nil || !slices.Equal(c.Owners, []string{"Ann Lee", "Jane Doe"}) {
		t.Errorf("owners after a new owner = %q, %v; want Ann Lee and Jane Doe", c.Owners, err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "more.txt"}, []accord.Decision{withMandates(sample("SC-11/1", "stockholm", "COP-11", "Requests the secretariat to report."), "COP-12")}); err != nil {
		t.Fatal(err)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Decisions != before.Decisions+1 || after.Mandates <= before.Mandates || len(after.Instruments) != len(before.Instruments)+1 {
		t.Errorf("Stats after one more decision of another instrument = %+v, before %+v", after, before)
	}
	if c, err := s.MandateChoices(ctx); err != nil || !slices.Contains(c.DueMeetings, "COP-12") {
		t.Errorf("due meetings after a mandate due at COP-12 = %q, %v", c.DueMeetings, err)
	}
}

// testBoardFollowsDecision: the board filters a mandate by its
// decision's instrument and meeting and sorts it by its place in the
// list, as they are now: corrected, or moved by an ingest; and by whom it
// asks, as corrected.
func testBoardFollowsDecision(t *testing.T, s accord.Store) {
	ctx := context.Background()
	ids := board(t, s)
	actions := func(f accord.MandateFilter) []string {
		var out []string
		for _, m := range mandatesOf(t, s, f) {
			out = append(out, m.Action)
		}
		return out
	}
	bc := mandatesOf(t, s, accord.MandateFilter{Symbol: "BC-17/1"})
	if len(bc) != 1 {
		t.Fatalf("BC-17/1 has %d mandates", len(bc))
	}
	inst, meeting := "stockholm", "COP-12"
	if _, err := s.CorrectDecision(ctx, bc[0].DecisionID, accord.DecisionCorrection{Instrument: &inst, Meeting: &meeting, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    accord.MandateFilter
		want []string
	}{
		{accord.MandateFilter{Instrument: "basel"}, nil},
		{accord.MandateFilter{Instrument: "stockholm"}, []string{"bc secretariat"}},
		{accord.MandateFilter{Meeting: "COP-12"}, []string{"rc brs", "bc secretariat"}},
		{accord.MandateFilter{Meeting: "COP-17"}, nil},
	} {
		if got := actions(tt.f); !slices.Equal(got, tt.want) {
			t.Errorf("after BC-17/1 was corrected to Stockholm's COP-12: Mandates(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
	// The list order follows: Stockholm after Rotterdam, before UNEA.
	all := actions(accord.MandateFilter{})
	if i, j := slices.Index(all, "bc secretariat"), slices.Index(all, "rc brs"); i < j || i != len(all)-2 {
		t.Errorf("the board in list order after the correction = %q, want bc secretariat after rc brs, before the last", all)
	}
	addr := []accord.Addressee{{Text: "the Global Environment Facility", Actor: "gef"}}
	if _, err := s.CorrectMandate(ctx, ids["mc parties"], accord.MandateCorrection{Addressees: &addr, Who: "mia"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		actor string
		want  []string
	}{{"gef", []string{"mc parties"}}, {"environment facility", []string{"mc parties"}}, {"parties", nil}} {
		if got := actions(accord.MandateFilter{Actor: tt.actor}); !slices.Equal(got, tt.want) {
			t.Errorf("after a correction of whom it asks: Mandates(Actor %q) = %q, want %q", tt.actor, got, tt.want)
		}
	}
}
