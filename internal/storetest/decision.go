package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/accordmea/accord"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

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
	// The text prints no year: the decision takes COP-MOP-4's (2008).
	want.Year = 2008
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
