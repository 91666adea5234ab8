// Package storetest is the conformance suite every accord.Store backend
// runs: the same tests, on SQLite and on PostgreSQL, so that the two
// behave alike.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/accordmea/accord"
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
		{"IngestIsAtomic", testAtomic},
		{"NotFound", testNotFound},
		{"AmbiguousSymbol", testAmbiguous},
		{"ListFilters", testList},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
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
		{accord.DecisionFilter{Limit: 1}, []string{"BC-16/1"}},
		{accord.DecisionFilter{Kind: accord.KindResolution}, nil},
	}
	for _, tt := range tests {
		got, err := s.Decisions(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var syms []string
		for _, d := range got {
			syms = append(syms, d.Symbol)
			if len(d.Paragraphs) != 0 {
				t.Errorf("Decisions(%+v) returned text for %s; lists carry none", tt.f, d.Symbol)
			}
		}
		if diff := cmp.Diff(tt.want, syms); diff != "" {
			t.Errorf("Decisions(%+v) mismatch (-want +got):\n%s", tt.f, diff)
		}
	}
}
