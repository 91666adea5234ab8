// Package storetest is the conformance suite every accord.Store backend
// runs: the same tests, on SQLite and on PostgreSQL, so that the two
// behave alike.
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

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

// Run runs the suite. open returns a new, empty store for one test; the
// test closes it.
func Run(t *testing.T, open func(t *testing.T) accord.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s accord.Store)
	}{
		{"IngestAndRead", testIngestAndRead},
		{"ReingestUpdatesInPlace", testReingest},
		{"SymbolFromAnotherSource", testOtherSource},
		{"IngestByAnAccount", testIngestBy},
		{"IngestIsAtomic", testAtomic},
		{"NotFound", testNotFound},
		{"AmbiguousSymbol", testAmbiguous},
		{"ListFilters", testList},
		{"MandatesStoredAndQueried", testMandates},
		{"UpdateMandate", testUpdateMandate},
		{"UpdateMandateRefusesBadInput", testUpdateBad},
		{"ReingestKeepsMandateLifecycle", testReingestMandates},
		{"Overdue", testOverdue},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"Actors", testActors},
		{"ActorMandates", testActorMandates},
		{"Paragraphs", testParagraphs},
		{"UsersAndAudit", testUsers},
		{"Search", testSearch},
		{"Sessions", testSessions},
		{"SessionsExpire", testSessionsExpire},
		{"TokensExpireAndAreRevoked", testTokens},
		{"RemoveUser", testRemoveUser},
		{"UserBySubject", testUserBySubject},
		{"UploadsExpire", testUploads},
		{"PurgeByRetention", testPurge},
		{"DuplicateContent", testDuplicateContent},
		{"CorrectDecision", testCorrectDecision},
		{"CorrectDecisionRefuses", testCorrectDecisionRefuses},
		{"CorrectMandate", testCorrectMandate},
		{"CorrectWhileIngesting", testCorrectWhileIngesting},
		{"BoardFilters", testBoardFilters},
		{"BoardSort", testBoardSort},
		{"DecisionText", testDecisionText},
		{"BoardFollowsDecision", testBoardFollowsDecision},
		{"MandateChoices", testMandateChoices},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// tok is a token of the given hash that expires after accord.TokenTTL.
func tok(hash string) accord.Token {
	return accord.Token{Hash: hash, Expires: time.Now().Add(accord.TokenTTL)}
}

func sample(symbol, inst, meeting string, paras ...string) accord.Decision {
	d := accord.Decision{
		Symbol: symbol, Instrument: inst, Meeting: meeting, Kind: accord.KindDecision,
		Title:    "Cooperation with other organizations",
		Formula:  "The Conference of the Parties,",
		Preamble: []accord.Recital{{Phrase: "Recalling", Text: "Recalling decision BS-II/6,"}},
		References: accord.References{
			Decisions: []accord.DecisionRef{{Cited: "BS-II/6", Instrument: "cartagena"}},
			Documents: []string{"UNEP/CBD/BS/COP-MOP/3/6"},
		},
	}
	for i, p := range paras {
		n := string(rune('1' + i))
		d.Paragraphs = append(d.Paragraphs, accord.Paragraph{
			Number: n, Path: n, Phrase: "Requests", Verb: "request", Class: accord.Directive, Text: p,
			Items: []accord.Paragraph{{Number: "a", Path: n + "(a)", Text: "Continue pursuing cooperation;"}},
		})
	}
	return d
}

// withMandates gives a decision two mandates: a report asked of the
// secretariat for the next meeting, and cooperation asked of Parties.
func withMandates(d accord.Decision, due string) accord.Decision {
	d.Mandates = []accord.Mandate{
		{Seq: 1, Path: "1", Verb: "request", Phrase: "Requests", Action: "to report on the implementation", Deliverable: "report",
			Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}},
			Deadline:   &accord.Deadline{Text: "at its next meeting", Meeting: due}, Conditions: []string{"as appropriate"}},
		{Seq: 2, Path: "1", Verb: "invite", Phrase: "invites", Action: "to cooperate with the Global Framework on Chemicals",
			Deliverable: "cooperation", Addressees: []accord.Addressee{{Text: "Parties", Actor: "parties"}},
			Helpers: []string{"UNEP"}},
	}
	return d
}

var src = accord.Source{Name: "meeting.txt", SHA256: "abc", Format: "txt"}

// ignore compares decisions on their content, not on what the store adds.
var ignore = cmpopts.IgnoreFields(accord.Decision{}, "ID", "Updated", "Source")

func testIngestAndRead(t *testing.T, s accord.Store) {
	ctx := context.Background()
	want := sample("BS-IV/6", "cartagena", "COP-MOP-4", "Requests the Executive Secretary to report.")
	res, err := s.Ingest(ctx, src, []accord.Decision{want})
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if res.Inserted != 1 || res.Updated != 0 || res.Removed != 0 {
		t.Errorf("Ingest result = %+v, want 1 inserted", res)
	}
	for _, sym := range []string{"BS-IV/6", "bs iv/6", "BS IV/6"} {
		got, err := s.Decision(ctx, "", sym)
		if err != nil {
			t.Fatalf("Decision(%q): %v", sym, err)
		}
		if diff := cmp.Diff(want, got, ignore); diff != "" {
			t.Errorf("Decision(%q) mismatch (-want +got):\n%s", sym, diff)
		}
		if got.ID == 0 || got.Source.Name != src.Name || got.Updated.IsZero() {
			t.Errorf("Decision(%q): id %d, source %q, updated %v: want all set", sym, got.ID, got.Source.Name, got.Updated)
		}
	}
	byID, err := s.Decision(ctx, "cartagena", "BS-IV/6")
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.DecisionByID(ctx, byID.ID)
	if err != nil {
		t.Fatalf("DecisionByID(%d): %v", byID.ID, err)
	}
	if diff := cmp.Diff(byID, again, cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("DecisionByID mismatch (-want +got):\n%s", diff)
	}
}

func testReingest(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("BS-IV/6", "cartagena", "COP-MOP-4", "Requests the Executive Secretary to report.")
	b := sample("BS-IV/7", "cartagena", "COP-MOP-4", "Invites Parties to submit views.")
	c := sample("", "cartagena", "COP-MOP-4", "Welcomes the report.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b, c}); err != nil {
		t.Fatal(err)
	}
	first, err := s.Decision(ctx, "", "BS-IV/6")
	if err != nil {
		t.Fatal(err)
	}
	a.Paragraphs[0].Text = "Requests the Executive Secretary to report at the fifth meeting."
	c.Paragraphs[0].Text = "Welcomes the report with appreciation."
	res, err := s.Ingest(ctx, src, []accord.Decision{a, c})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 0 || res.Updated != 2 || res.Removed != 1 {
		t.Errorf("re-Ingest result = %+v, want 0 inserted, 2 updated, 1 removed", res)
	}
	got, err := s.Decision(ctx, "", "BS-IV/6")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != first.ID {
		t.Errorf("re-ingested decision id = %d, want %d (updated in place)", got.ID, first.ID)
	}
	if got.Paragraphs[0].Text != a.Paragraphs[0].Text {
		t.Errorf("re-ingested text = %q, want %q", got.Paragraphs[0].Text, a.Paragraphs[0].Text)
	}
	if _, err := s.Decision(ctx, "", "BS-IV/7"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Decision(BS-IV/7) after its removal: err = %v, want ErrNotFound", err)
	}
	all, err := s.Decisions(ctx, accord.DecisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("Decisions() = %d decisions, want 2 (no duplicates)", len(all))
	}
}

func testOtherSource(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to report.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{a}); err != nil {
		t.Fatal(err)
	}
	a.Title = "Cooperation (final text)"
	res, err := s.Ingest(ctx, accord.Source{Name: "final.pdf", SHA256: "def", Format: "pdf"}, []accord.Decision{a})
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated != 1 || res.Inserted != 0 {
		t.Errorf("Ingest from another source = %+v, want 1 updated", res)
	}
	got, err := s.Decision(ctx, "minamata", "MC-6/3")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Source.Name != "final.pdf" {
		t.Errorf("Decision = title %q source %q, want %q from final.pdf", got.Title, got.Source.Name, a.Title)
	}
}

// testIngestBy: an ingest made for an account changes only decisions of
// instruments the account may edit, and only in sources it owns; the
// command line may still change everything.
func testIngestBy(t *testing.T, s accord.Store) {
	ctx := context.Background()
	add := func(name string, role accord.Role, insts ...string) *accord.User {
		u, err := s.AddUser(ctx, accord.User{Name: name, Role: role, Instruments: insts}, tok(fmt.Sprintf("%064x", name)))
		if err != nil {
			t.Fatal(err)
		}
		return &u
	}
	una, mia := add("una", accord.RoleEditor, "unfccc"), add("mia", accord.RoleEditor, "minamata")
	mc := withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to report."), "COP-7")
	if _, err := s.Ingest(ctx, accord.Source{Name: "minamata.txt", Who: "cli"}, []accord.Decision{mc}); err != nil {
		t.Fatal(err)
	}
	before, err := s.Decision(ctx, "minamata", "MC-6/3")
	if err != nil {
		t.Fatal(err)
	}
	audits := func() int {
		log, err := s.AuditLog(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		return len(log)
	}
	n := audits()
	unchanged := func(what string) {
		t.Helper()
		got, err := s.Decision(ctx, "minamata", "MC-6/3")
		if err != nil {
			t.Fatalf("%s: MC-6/3 is gone: %v", what, err)
		}
		if diff := cmp.Diff(before, got); diff != "" {
			t.Errorf("%s changed MC-6/3 (-want +got):\n%s", what, diff)
		}
		if k := audits(); k != n {
			t.Errorf("%s: %d audit entries, want %d (a refused ingest records nothing)", what, k, n)
		}
	}
	cop := sample("4/CP.27", "unfccc", "COP-27", "Invites Parties to submit views.")
	unsymboled := sample("", "unfccc", "COP-27", "Welcomes the report.")
	refused := []struct {
		name string
		src  accord.Source
		ds   []accord.Decision
	}{
		// The command line stored minamata.txt: an account may not take it.
		{"another's source by name", accord.Source{Name: "minamata.txt", By: una}, []accord.Decision{cop}},
		// Its one decision would turn into unfccc content, or be removed.
		{"another's source by position", accord.Source{Name: "minamata.txt", By: una}, []accord.Decision{unsymboled}},
		{"a decision of an instrument not the account's", accord.Source{Name: "una.txt", By: una}, []accord.Decision{mc}},
	}
	for _, r := range refused {
		if _, err := s.Ingest(ctx, r.src, r.ds); !errors.Is(err, accord.ErrForbidden) {
			t.Errorf("%s: err = %v, want ErrForbidden", r.name, err)
		}
		unchanged(r.name)
	}
	if _, err := s.Decision(ctx, "unfccc", "4/CP.27"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("a refused ingest stored 4/CP.27: err = %v", err)
	}

	// An account's own source: it adds, replaces and removes its own
	// instrument's decisions.
	mine := accord.Source{Name: "mia.txt", By: mia}
	mc4, mc5 := sample("MC-6/4", "minamata", "COP-6", "Decides."), sample("", "minamata", "COP-6", "Notes.")
	if res, err := s.Ingest(ctx, mine, []accord.Decision{mc4, mc5}); err != nil || res.Inserted != 2 {
		t.Fatalf("own source: %+v, %v", res, err)
	}
	if res, err := s.Ingest(ctx, mine, []accord.Decision{mc4}); err != nil || res.Updated != 1 || res.Removed != 1 {
		t.Errorf("own source again: %+v, %v; want 1 updated, 1 removed", res, err)
	}
	// The account may not take the other account's source either.
	if _, err := s.Ingest(ctx, accord.Source{Name: "mia.txt", By: una}, []accord.Decision{cop}); !errors.Is(err, accord.ErrForbidden) {
		t.Errorf("una into mia's source: err = %v, want ErrForbidden", err)
	}
	// Rights that no longer cover what the source holds refuse its
	// replacement and its removal.
	narrowed := &accord.User{ID: mia.ID, Name: mia.Name, Role: accord.RoleEditor, Instruments: []string{"unfccc"}}
	for _, ds := range [][]accord.Decision{{unsymboled}, {cop}} {
		if _, err := s.Ingest(ctx, accord.Source{Name: "mia.txt", By: narrowed}, ds); !errors.Is(err, accord.ErrForbidden) {
			t.Errorf("narrowed rights over mia.txt with %s: err = %v, want ErrForbidden", ds[0].Symbol, err)
		}
	}
	if _, err := s.Decision(ctx, "minamata", "MC-6/4"); err != nil {
		t.Errorf("MC-6/4 after refused ingests: %v", err)
	}
	// An editor may bring a newer text of its instrument's decision from
	// another source.
	if res, err := s.Ingest(ctx, accord.Source{Name: "final.txt", By: mia}, []accord.Decision{mc}); err != nil || res.Updated != 1 {
		t.Errorf("mia's newer text of MC-6/3: %+v, %v", res, err)
	}
	// An admin edits every instrument, in sources of its own.
	root := add("root", accord.RoleAdmin)
	if _, err := s.Ingest(ctx, accord.Source{Name: "mia.txt", By: root}, []accord.Decision{mc4}); !errors.Is(err, accord.ErrForbidden) {
		t.Errorf("admin into mia's source: err = %v, want ErrForbidden", err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "root.txt", By: root}, []accord.Decision{cop}); err != nil {
		t.Errorf("admin: %v", err)
	}
	// The command line keeps working as before on any source.
	if res, err := s.Ingest(ctx, accord.Source{Name: "mia.txt"}, []accord.Decision{cop}); err != nil || res.Updated != 1 || res.Removed != 1 {
		t.Errorf("command line over mia.txt: %+v, %v", res, err)
	}
}

func testAtomic(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("RC-7/5", "rotterdam", "COP-7", "Requests the Secretariat to facilitate.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{a}); err != nil {
		t.Fatal(err)
	}
	// A file holding the same decision twice fails as a whole.
	changed := a
	changed.Title = "changed"
	fresh := sample("RC-7/6", "rotterdam", "COP-7", "Decides.")
	_, err := s.Ingest(ctx, src, []accord.Decision{fresh, changed, changed})
	if !errors.Is(err, accord.ErrConflict) {
		t.Fatalf("Ingest with a repeated decision: err = %v, want ErrConflict", err)
	}
	got, err := s.Decision(ctx, "", "RC-7/5")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title {
		t.Errorf("after failed ingest title = %q, want %q (nothing changed)", got.Title, a.Title)
	}
	if _, err := s.Decision(ctx, "", "RC-7/6"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("after failed ingest RC-7/6: err = %v, want ErrNotFound (nothing stored)", err)
	}
}

func testNotFound(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Decision(ctx, "", "XX/99"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Decision(XX/99) err = %v, want ErrNotFound", err)
	}
	if _, err := s.DecisionByID(ctx, 424242); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("DecisionByID(424242) err = %v, want ErrNotFound", err)
	}
	if _, err := s.Decision(ctx, "", " "); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("Decision(blank) err = %v, want ErrInvalid", err)
	}
}

func testAmbiguous(t *testing.T, s accord.Store) {
	ctx := context.Background()
	basel := sample("IX/10", "basel", "COP-9", "Requests the Secretariat.")
	cbd := sample("IX/10", "cbd", "COP-9", "Invites Parties.")
	if _, err := s.Ingest(ctx, src, []accord.Decision{basel}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "cbd.txt"}, []accord.Decision{cbd}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decision(ctx, "", "IX/10"); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("Decision(IX/10) in two instruments: err = %v, want ErrConflict", err)
	}
	got, err := s.Decision(ctx, "cbd", "IX/10")
	if err != nil {
		t.Fatal(err)
	}
	if got.Instrument != "cbd" {
		t.Errorf("Decision(cbd, IX/10).Instrument = %q", got.Instrument)
	}
}

func testList(t *testing.T, s accord.Store) {
	ctx := context.Background()
	ds := []accord.Decision{
		sample("MC-6/1", "minamata", "COP-6", "Decides."),
		sample("MC-6/2", "minamata", "COP-6", "Decides."),
		sample("MC-5/1", "minamata", "COP-5", "Decides."),
		sample("BC-16/1", "basel", "COP-16", "Decides."),
	}
	ds[0].Year, ds[1].Year, ds[2].Year, ds[3].Year = 2025, 2025, 2023, 2023
	if _, err := s.Ingest(ctx, src, ds); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f    accord.DecisionFilter
		want []string
	}{
		{accord.DecisionFilter{}, []string{"BC-16/1", "MC-5/1", "MC-6/1", "MC-6/2"}},
		{accord.DecisionFilter{Instrument: "minamata", Meeting: "COP-6"}, []string{"MC-6/1", "MC-6/2"}},
		{accord.DecisionFilter{Instrument: "basel"}, []string{"BC-16/1"}},
		// An instrument is found by its name, in any case.
		{accord.DecisionFilter{Instrument: "Basel"}, []string{"BC-16/1"}},
		{accord.DecisionFilter{Instrument: "minamata convention on mercury", Meeting: "COP-5"}, []string{"MC-5/1"}},
		{accord.DecisionFilter{Limit: 1}, []string{"BC-16/1"}},
		{accord.DecisionFilter{Kind: accord.KindResolution}, nil},
		{accord.DecisionFilter{Year: 2023}, []string{"BC-16/1", "MC-5/1"}},
		{accord.DecisionFilter{Year: 2024}, nil},
		{accord.DecisionFilter{ByID: true}, []string{"MC-6/1", "MC-6/2", "MC-5/1", "BC-16/1"}},
		{accord.DecisionFilter{ByID: true, Limit: 2}, []string{"MC-6/1", "MC-6/2"}},
		{accord.DecisionFilter{Newest: true, Limit: 2}, []string{"BC-16/1", "MC-5/1"}},
		{accord.DecisionFilter{Limit: 2, Offset: 1}, []string{"MC-5/1", "MC-6/1"}},
		{accord.DecisionFilter{Offset: 3}, []string{"MC-6/2"}},
		{accord.DecisionFilter{Limit: 2, Offset: 4}, nil},
	}
	all, err := s.Decisions(ctx, accord.DecisionFilter{ByID: true})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.Stats(ctx)
	if err != nil || stats.Decisions != 4 || stats.Mandates != 0 || fmt.Sprint(stats.Instruments) != "[{minamata 3} {basel 1}]" {
		t.Errorf("Stats() = %+v, %v", stats, err)
	}
	tests = append(tests, struct {
		f    accord.DecisionFilter
		want []string
	}{accord.DecisionFilter{After: all[1].ID, Limit: 1}, []string{"MC-5/1"}})
	for _, tt := range tests {
		got, err := s.Decisions(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var syms []string
		for _, d := range got {
			syms = append(syms, d.Symbol)
			if tt.f.Year != 0 && d.Year != tt.f.Year {
				t.Errorf("Decisions(%+v) gave %s of year %d", tt.f, d.Symbol, d.Year)
			}
			if len(d.Paragraphs) != 0 {
				t.Errorf("Decisions(%+v) returned text for %s; lists carry none", tt.f, d.Symbol)
			}
		}
		if diff := cmp.Diff(tt.want, syms); diff != "" {
			t.Errorf("Decisions(%+v) mismatch (-want +got):\n%s", tt.f, diff)
		}
	}
}

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

func testParagraphs(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("MC-6/1", "minamata", "COP-6", "Requests the secretariat to report;", "Invites Parties to cooperate;")
	a.Year = 2025
	a.Paragraphs[1].Verb, a.Paragraphs[1].Class = "invite", accord.Directive
	b := sample("BC-16/1", "basel", "COP-16", "Welcomes the report;")
	b.Paragraphs[0].Verb, b.Paragraphs[0].Class = "welcome", accord.Evaluative
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b}); err != nil {
		t.Fatal(err)
	}
	list := func(f accord.ParagraphFilter) []string {
		t.Helper()
		ps, err := s.Paragraphs(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, fmt.Sprintf("%s %s %d", p.Symbol, p.Path, p.Depth))
		}
		return out
	}
	all := list(accord.ParagraphFilter{})
	if want := []string{"MC-6/1 1 0", "MC-6/1 1(a) 1", "MC-6/1 2 0", "MC-6/1 2(a) 1", "BC-16/1 1 0", "BC-16/1 1(a) 1"}; fmt.Sprint(all) != fmt.Sprint(want) {
		t.Errorf("Paragraphs() = %v, want %v", all, want)
	}
	tests := []struct {
		f    accord.ParagraphFilter
		want string
	}{
		{accord.ParagraphFilter{Instrument: "basel"}, "[BC-16/1 1 0 BC-16/1 1(a) 1]"},
		{accord.ParagraphFilter{Instrument: "BASEL"}, "[BC-16/1 1 0 BC-16/1 1(a) 1]"},
		{accord.ParagraphFilter{Year: 2025, Verb: "invite"}, "[MC-6/1 2 0]"},
		{accord.ParagraphFilter{Class: accord.Evaluative}, "[BC-16/1 1 0]"},
		{accord.ParagraphFilter{Meeting: "COP-7"}, "[]"},
		{accord.ParagraphFilter{Limit: 2}, "[MC-6/1 1 0 MC-6/1 1(a) 1]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(list(tt.f)); got != tt.want {
			t.Errorf("Paragraphs(%+v) = %s, want %s", tt.f, got, tt.want)
		}
	}
	// Paging: each paragraph once, in order.
	var paged []string
	var after accord.ParagraphKey
	for {
		ps, err := s.Paragraphs(ctx, accord.ParagraphFilter{Limit: 4, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 {
			break
		}
		for _, p := range ps {
			paged = append(paged, fmt.Sprintf("%s %s %d", p.Symbol, p.Path, p.Depth))
		}
		after = ps[len(ps)-1].ParagraphKey
	}
	if fmt.Sprint(paged) != fmt.Sprint(all) {
		t.Errorf("paged = %v, want %v", paged, all)
	}
}

func testActors(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if err := s.AddActor(ctx, "iccm", []string{"International Conference on Chemicals Management", "ICCM"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddActor(ctx, "iccm", []string{"ICCM", "the Conference"}); err != nil {
		t.Fatalf("adding a name again: %v", err)
	}
	got, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"iccm": {"ICCM", "International Conference on Chemicals Management", "the Conference"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Actors() = %v, want %v", got, want)
	}
	for _, bad := range []struct {
		id    string
		names []string
	}{{"ICCM!", []string{"x"}}, {"iccm", nil}, {"iccm", []string{"  "}}} {
		if err := s.AddActor(ctx, bad.id, bad.names); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("AddActor(%q, %q) err = %v, want ErrInvalid", bad.id, bad.names, err)
		}
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

func testUsers(t *testing.T, s accord.Store) {
	ctx := context.Background()
	hash := strings.Repeat("ab", 32)
	u, err := s.AddUser(ctx, accord.User{Name: "jane", Role: accord.RoleEditor, Instruments: []string{"minamata", "basel"}}, tok(hash))
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 {
		t.Errorf("AddUser gave no id")
	}
	got, err := s.UserByToken(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "jane" || got.Role != accord.RoleEditor || strings.Join(got.Instruments, ",") != "minamata,basel" || got.Created.IsZero() {
		t.Errorf("UserByToken = %+v", got)
	}
	if !got.CanEdit("basel") || got.CanEdit("cbd") {
		t.Errorf("editor of minamata and basel: CanEdit(basel) %v, CanEdit(cbd) %v", got.CanEdit("basel"), got.CanEdit("cbd"))
	}
	if _, err := s.UserByToken(ctx, strings.Repeat("cd", 32)); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("unknown token: err = %v", err)
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "jane", Role: accord.RoleAdmin}, tok(strings.Repeat("ef", 32))); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("duplicate name: err = %v", err)
	}
	for _, bad := range []accord.User{{Name: "x", Role: "boss"}, {Name: "two words", Role: accord.RoleAdmin}, {Name: "", Role: accord.RoleAdmin}} {
		if _, err := s.AddUser(ctx, bad, tok(strings.Repeat("01", 32))); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("AddUser(%+v) err = %v", bad, err)
		}
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 1 {
		t.Errorf("Users() = %v, %v", users, err)
	}
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	st := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &st, Who: "jane", Why: "done"}); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 || log[0].Action != "update mandate" || log[0].Who != "jane" || !strings.Contains(log[0].Before, `"status":"open"`) ||
		!strings.Contains(log[0].After, `"status":"completed"`) || log[1].Action != "ingest" || log[1].Target != "source meeting.txt" ||
		!strings.Contains(log[1].After, `"decisions":["MC-6/3"]`) || log[2].Action != "add user" || log[2].Target != "user jane" {
		t.Errorf("audit log = %+v", log)
	}
	// The next page starts after the last entry of the one before.
	older, err := s.AuditLogBefore(ctx, log[0].ID, 1)
	if err != nil || len(older) != 1 || older[0].ID != log[1].ID || older[0].Action != "ingest" {
		t.Errorf("AuditLogBefore(%d, 1) = %+v, %v; want the ingest", log[0].ID, older, err)
	}
	if oldest, err := s.AuditLogBefore(ctx, log[2].ID, 10); err != nil || len(oldest) != 0 {
		t.Errorf("AuditLogBefore(%d, 10) = %+v, %v; want none", log[2].ID, oldest, err)
	}
	e := accord.AuditEntry{Who: "accord", Action: "lock out", Target: "address 192.0.2.1", After: `{"failures":10}`}
	before := time.Now().Add(-time.Minute)
	if err := s.RecordAudit(ctx, e); err != nil {
		t.Fatalf("RecordAudit: %v", err)
	}
	log, err = s.AuditLog(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := log[0]; got.Who != e.Who || got.Action != e.Action || got.Target != e.Target || got.After != e.After || got.At.Before(before) {
		t.Errorf("after RecordAudit(%+v), AuditLog = %+v", e, got)
	}
}

func testSearch(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := withMandates(sample("MC-6/3", "minamata", "COP-6",
		"Requests the secretariat to continue cooperation with the Global Framework on Chemicals;",
		"Invites Parties to strengthen capacity-building for the sound management of mercury waste;"), "COP-7")
	b := sample("BC-16/4", "basel", "COP-16", "Requests the Secretariat to cooperate with the Minamata Convention secretariat on mercury wastes;")
	c := sample("RC-11/2", "rotterdam", "COP-11", "Prie le Secrétariat de poursuivre la coopération avec la Convention de Minamata;")
	a.Year, b.Year, c.Year = 2025, 2023, 2023
	for i, d := range []accord.Decision{a, b, c} {
		if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("s%d.txt", i)}, []accord.Decision{d}); err != nil {
			t.Fatal(err)
		}
	}
	q := func(query string) accord.SearchQuery {
		terms, err := search.Parse(query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", query, err)
		}
		return accord.SearchQuery{Terms: terms}
	}
	tests := []struct {
		name  string
		query accord.SearchQuery
		want  []string // symbol ¶ path, in order
	}{
		{"stemmed", q("wastes"), []string{"BC-16/4 1", "MC-6/3 2"}},
		{"phrase", q(`"global framework"`), []string{"MC-6/3 1"}},
		{"prefix", q("chemi*"), []string{"MC-6/3 1"}},
		{"two words", q("mercury secretariat"), []string{"BC-16/4 1"}},
		{"french", q("poursuivre coopération"), []string{"RC-11/2 1"}},
		{"filter instrument", func() accord.SearchQuery { x := q("mercury"); x.Instrument = "basel"; return x }(), []string{"BC-16/4 1"}},
		{"filter instrument by name", func() accord.SearchQuery { x := q("mercury"); x.Instrument = "Basel Convention"; return x }(), []string{"BC-16/4 1"}},
		{"filter actor", func() accord.SearchQuery { x := q("requests"); x.Actor = "secretariat"; return x }(), []string{"MC-6/3 1"}},
		{"filter year", func() accord.SearchQuery { x := q("minamata"); x.Year = 2023; return x }(), []string{"BC-16/4 1", "RC-11/2 1"}},
		{"filter status", func() accord.SearchQuery { x := q("requests"); x.Status = accord.StatusOpen; return x }(), []string{"MC-6/3 1"}},
		{"filter class", func() accord.SearchQuery { x := q("pursuing"); x.Class = accord.Evaluative; return x }(), nil},
		{"filters together", func() accord.SearchQuery {
			x := q("mercury")
			x.Instrument, x.Meeting, x.Year, x.Class = "minamata", "COP-6", 2025, accord.Directive
			return x
		}(), []string{"MC-6/3 2"}},
		{"engine syntax is words", q(`mercury OR NEAR( "`), []string{"BC-16/4 1", "MC-6/3 2"}},
		{"nothing", q("zebra"), nil},
	}
	for _, tt := range tests {
		tt.query.Order = "recent"
		res, err := s.Search(ctx, tt.query)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Symbol+" "+h.Path)
		}
		sort.Strings(got)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || res.Total != len(tt.want) {
			t.Errorf("%s: hits %v (total %d), want %v", tt.name, got, res.Total, tt.want)
		}
	}
	res, err := s.Search(ctx, q("mercury"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, "\x02") || !strings.Contains(res.Hits[0].Snippet, "\x03") {
		t.Errorf("snippet without marks: %+v", res.Hits)
	}
	if fmt.Sprint(res.Facets["instrument"]) != "[{basel 1} {minamata 1}]" || fmt.Sprint(res.Facets["class"]) != "[{directive 2}]" ||
		fmt.Sprint(res.Facets["year"]) != "[{2023 1} {2025 1}]" || fmt.Sprint(res.Facets["meeting"]) != "[{COP-16 1} {COP-6 1}]" {
		t.Errorf("facets = %v", res.Facets)
	}
	// Facets of mandates: ¶1 of MC-6/3 asks the secretariat and Parties.
	res, err = s.Search(ctx, q("cooperation"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Facets["actor"]) != "[{parties 1} {secretariat 1}]" || fmt.Sprint(res.Facets["status"]) != "[{open 1}]" {
		t.Errorf("mandate facets = actor %v, status %v", res.Facets["actor"], res.Facets["status"])
	}
	// A status change moves the paragraph between status facets.
	ms, err := s.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("Mandates: %v, %v", ms, err)
	}
	done := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	res, err = s.Search(ctx, q("cooperation"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Facets["status"]) != "[{completed 1} {open 1}]" {
		t.Errorf("status facet after a change = %v", res.Facets["status"])
	}
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("cooperation"); x.Status = done; return x }())
	if err != nil || res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Symbol != "MC-6/3" {
		t.Errorf("search by the new status: %+v, %v", res, err)
	}
	// Recent order: the latest year first, though MC-6/3 was stored first.
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("requests"); x.Order = "recent"; return x }())
	if err != nil || len(res.Hits) != 2 || res.Hits[0].Symbol != "MC-6/3" || res.Hits[1].Symbol != "BC-16/4" {
		t.Errorf("recent order: %+v, %v", res.Hits, err)
	}
	// A paragraph whose text changes is found by its new words only, and
	// a decision removed is found no more.
	b.Paragraphs[0].Text = "Requests the Secretariat to cooperate with the Minamata Convention secretariat on residues;"
	if _, err := s.Ingest(ctx, accord.Source{Name: "s1.txt"}, []accord.Decision{b}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "s2.txt"}, []accord.Decision{a}); err != nil {
		t.Fatal(err) // RC-11/2's source now holds MC-6/3 only
	}
	for query, want := range map[string]int{"wastes": 1, "residues": 1, "poursuivre": 0} {
		res, err := s.Search(ctx, q(query))
		if err != nil || res.Total != want || len(res.Hits) != want {
			t.Errorf("after re-ingest, %q: total %d, %d hits, %v; want %d", query, res.Total, len(res.Hits), err, want)
		}
	}
	for _, bad := range []accord.SearchQuery{
		func() accord.SearchQuery { x := q("x"); x.Actor = "% secretariat"; return x }(),
		func() accord.SearchQuery { x := q("x"); x.Status = "done_"; return x }(),
	} {
		if _, err := s.Search(ctx, bad); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("Search(actor %q, status %q): err = %v, want invalid", bad.Actor, bad.Status, err)
		}
	}
	res, err = s.Search(ctx, func() accord.SearchQuery { x := q("requests"); x.Limit = 1; x.Offset = 1; return x }())
	if err != nil || res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf("paged search: total %d, %d hits, %v", res.Total, len(res.Hits), err)
	}
	if _, err := s.Search(ctx, accord.SearchQuery{}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("empty search: err = %v", err)
	}
	if _, err := s.Search(ctx, func() accord.SearchQuery { x := q("x"); x.Order = "random"; return x }()); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("bad order: err = %v", err)
	}
}

func testSessions(t *testing.T, s accord.Store) {
	ctx := context.Background()
	u, err := s.AddUser(ctx, accord.User{Name: "sam", Role: accord.RoleAdmin}, tok(strings.Repeat("12", 32)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "live", CSRF: "csrf1", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "old", CSRF: "csrf2", Expires: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got, csrf, err := s.Session(ctx, "live")
	if err != nil || got.Name != "sam" || csrf != "csrf1" {
		t.Errorf("Session(live) = %+v %q %v", got, csrf, err)
	}
	if _, _, err := s.Session(ctx, "old"); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("expired session: err = %v", err)
	}
	if err := s.DeleteSession(ctx, "live"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, "live"); err != nil {
		t.Errorf("DeleteSession of a session gone: %v", err)
	}
	if out := audited(t, s, "sign out"); len(out) != 1 || out[0].Who != "sam" {
		t.Errorf("sign-outs audited: %+v, want one of sam", out)
	}
	if _, _, err := s.Session(ctx, "live"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleted session: err = %v", err)
	}
}

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
