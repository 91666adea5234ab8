package storetest

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// testDocuments: document records are added, found under any spelling of
// their symbol, changed, listed and deleted; storing the same records
// again changes nothing; a batch with a bad record stores none; an editor
// changes only the records of their instruments; every change is audited
// and a deletion keeps the record's content in the audit log.
func testDocuments(t *testing.T, s accord.Store) {
	ctx := context.Background()
	docs := []accord.Document{
		{Symbol: "UNEP/MC/COP.6/INF/28", Title: "Scoping study on cooperation", Instrument: "minamata", Meeting: "minamata-COP-6",
			AgendaItem: "5 (c)", Date: "2025-09-01", Languages: []string{"en"}, URL: "https://example.org/inf28.pdf"},
		{Symbol: "UNEP/CHW.16/INF/3", Title: "Report on cooperation", Instrument: "basel", Meeting: "basel-COP-16"},
	}
	stored, n, err := s.PutDocuments(ctx, docs, accord.DocumentEdit{Who: "admin"})
	if err != nil || n != (accord.ImportCounts{Added: 2}) || len(stored) != 2 {
		t.Fatalf("PutDocuments = %d stored, %+v, %v; want 2 added", len(stored), n, err)
	}
	if stored[0].ID == 0 || stored[0].Key != "UNEP/MC/COP/6/INF/28" || stored[0].Created.IsZero() || stored[0].Updated.IsZero() || stored[0].UpdatedBy != "admin" {
		t.Errorf("stored %+v: want an id, the key, times and who", stored[0])
	}
	for _, spelling := range []string{"UNEP/MC/COP.6/INF/28", "unep/mc/cop 6/inf/28", "UNEP/MC/COP6/INF.28"} {
		got, err := s.Document(ctx, spelling)
		if err != nil || got.ID != stored[0].ID || got.Title != docs[0].Title || got.AgendaItem != "5 (c)" || got.Date != "2025-09-01" ||
			len(got.Languages) != 1 || got.URL != docs[0].URL || got.Meeting != "minamata-COP-6" {
			t.Errorf("Document(%q) = %+v, %v; want %+v", spelling, got, err, stored[0])
		}
	}
	if got, err := s.DocumentByID(ctx, stored[1].ID); err != nil || got.Symbol != "UNEP/CHW.16/INF/3" {
		t.Errorf("DocumentByID(%d) = %+v, %v", stored[1].ID, got, err)
	}
	if _, err := s.Document(ctx, "UNEP/MC/COP.6/INF/29"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Document of an unregistered symbol: %v, want ErrNotFound", err)
	}
	if _, err := s.DocumentByID(ctx, 999999); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("DocumentByID(999999): %v, want ErrNotFound", err)
	}
	for _, tt := range []struct {
		f    accord.DocumentFilter
		want []string
	}{
		{accord.DocumentFilter{}, []string{"UNEP/CHW.16/INF/3", "UNEP/MC/COP.6/INF/28"}},
		{accord.DocumentFilter{Instrument: "Minamata"}, []string{"UNEP/MC/COP.6/INF/28"}},
		{accord.DocumentFilter{Meeting: "basel-COP-16"}, []string{"UNEP/CHW.16/INF/3"}},
		{accord.DocumentFilter{Text: "SCOPING study"}, []string{"UNEP/MC/COP.6/INF/28"}},
		{accord.DocumentFilter{Text: "chw.16"}, []string{"UNEP/CHW.16/INF/3"}},
		{accord.DocumentFilter{Limit: 1, Offset: 1}, []string{"UNEP/MC/COP.6/INF/28"}},
		{accord.DocumentFilter{After: stored[0].ID}, []string{"UNEP/CHW.16/INF/3"}},
	} {
		got, err := s.Documents(ctx, tt.f)
		if err != nil {
			t.Fatalf("Documents(%+v): %v", tt.f, err)
		}
		var syms []string
		for _, d := range got {
			syms = append(syms, d.Symbol)
		}
		if strings.Join(syms, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Documents(%+v) = %v, want %v", tt.f, syms, tt.want)
		}
	}

	// The same records again change nothing, not even the audit log.
	before := len(audited(t, s, "add document")) + len(audited(t, s, "update document"))
	if _, n, err := s.PutDocuments(ctx, docs, accord.DocumentEdit{Who: "admin"}); err != nil || n != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("PutDocuments again = %+v, %v; want 2 unchanged", n, err)
	}
	if after := len(audited(t, s, "add document")) + len(audited(t, s, "update document")); after != before || before != 2 {
		t.Errorf("audit entries of documents: %d, then %d; want 2 both times", before, after)
	}

	// A change under another spelling changes the record it keys to.
	edit := docs[0]
	edit.Symbol, edit.Title = "UNEP/MC/COP.6/INF/28", "Scoping study on cooperation with the panel"
	got, n, err := s.PutDocuments(ctx, []accord.Document{edit}, accord.DocumentEdit{Who: "jane"})
	if err != nil || n != (accord.ImportCounts{Updated: 1}) || got[0].ID != stored[0].ID || got[0].Title != edit.Title || got[0].UpdatedBy != "jane" {
		t.Fatalf("PutDocuments(change) = %+v, %+v, %v", got, n, err)
	}
	if e := audited(t, s, "update document"); len(e) != 1 || !strings.Contains(e[0].Before, "Scoping study on cooperation\"") || !strings.Contains(e[0].After, "with the panel") || e[0].Who != "jane" {
		t.Errorf("audit of the change: %+v", e)
	}

	// A batch with one bad record stores none of it.
	bad := []accord.Document{{Symbol: "UNEP/POPS/COP.11/INF/12", Title: "Fine"}, {Symbol: "UNEP/POPS/COP.11/INF/13", Date: "next week"}}
	if _, _, err := s.PutDocuments(ctx, bad, accord.DocumentEdit{Who: "admin"}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "document 2") || !strings.Contains(err.Error(), "date") {
		t.Errorf("PutDocuments(bad) = %v; want ErrInvalid naming document 2 and its date", err)
	}
	dup := []accord.Document{{Symbol: "UNEP/POPS/COP.11/INF/12"}, {Symbol: "UNEP/POPS/COP 11/INF/12"}}
	if _, _, err := s.PutDocuments(ctx, dup, accord.DocumentEdit{Who: "admin"}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("PutDocuments(one document twice) = %v; want ErrInvalid", err)
	}
	if _, err := s.Document(ctx, "UNEP/POPS/COP.11/INF/12"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("a refused batch stored its first record: %v", err)
	}

	// An editor of Basel adds and changes Basel's records only.
	basel := &accord.User{ID: 7, Name: "bea", Role: accord.RoleEditor, Instruments: []string{"basel"}}
	if _, _, err := s.PutDocuments(ctx, []accord.Document{{Symbol: "UNEP/CHW.16/INF/4", Instrument: "basel"}}, accord.DocumentEdit{By: basel}); err != nil {
		t.Errorf("an editor of Basel adding a Basel document: %v", err)
	}
	minamata := edit
	minamata.Title = "Taken over"
	if _, _, err := s.PutDocuments(ctx, []accord.Document{minamata}, accord.DocumentEdit{By: basel}); !errors.Is(err, accord.ErrForbidden) {
		t.Errorf("an editor of Basel changing a Minamata document: %v, want ErrForbidden", err)
	}
	moved := docs[1]
	moved.Instrument = "minamata"
	if _, _, err := s.PutDocuments(ctx, []accord.Document{moved}, accord.DocumentEdit{By: basel}); !errors.Is(err, accord.ErrForbidden) {
		t.Errorf("an editor of Basel giving a document to Minamata: %v, want ErrForbidden", err)
	}
	if err := s.DeleteDocument(ctx, stored[0].ID, accord.DocumentEdit{By: basel}); !errors.Is(err, accord.ErrForbidden) {
		t.Errorf("an editor of Basel deleting a Minamata document: %v, want ErrForbidden", err)
	}

	// A deletion leaves the record's content in the audit log.
	if err := s.DeleteDocument(ctx, stored[0].ID, accord.DocumentEdit{Who: "admin"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DocumentByID(ctx, stored[0].ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("a deleted document is still read: %v", err)
	}
	if e := audited(t, s, "delete document"); len(e) != 1 || !strings.Contains(e[0].Before, "with the panel") || e[0].Target != "document "+strconv.FormatInt(stored[0].ID, 10) {
		t.Errorf("audit of the deletion: %+v", e)
	}
	if err := s.DeleteDocument(ctx, stored[0].ID, accord.DocumentEdit{Who: "admin"}); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleting a deleted document: %v, want ErrNotFound", err)
	}
}

// citedBy returns the symbols of the decisions CitedBy lists.
func citedBy(t *testing.T, s accord.Store, kind accord.CitationKind, target string) []string {
	t.Helper()
	cs, err := s.CitedBy(context.Background(), kind, target, 0)
	if err != nil {
		t.Fatalf("CitedBy(%s, %s): %v", kind, target, err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.By.Symbol)
	}
	return out
}

// testCitedBy: what cites a document or a decision is read from the
// citations ingest stores, across instruments and spellings of a symbol;
// a re-ingest and a correction keep it right.
func testCitedBy(t *testing.T, s accord.Store) {
	ctx := context.Background()
	a := sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat to prepare a scoping study.")
	a.References = accord.References{Documents: []string{"UNEP/MC/COP.6/INF/28"}, Decisions: []accord.DecisionRef{{Cited: "BC-16/2", Instrument: "basel"}}}
	b := sample("BC-16/2", "basel", "COP-16", "Invites Parties to cooperate.")
	b.References = accord.References{Documents: []string{"UNEP/MC/COP 6/INF/28", "UNEP/CHW.16/INF/3"}, Decisions: []accord.DecisionRef{}}
	c := sample("BS-II/6", "cartagena", "COP-MOP-2", "Notes the cooperation.")
	c.References = accord.References{Documents: []string{}, Decisions: []accord.DecisionRef{{Cited: "BC 16/2"}}}
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b, c}); err != nil {
		t.Fatal(err)
	}
	// sample's fourth decision cites BS-II/6, in another file
	d := sample("BS-IV/6", "cartagena", "COP-MOP-4", "Requests the Executive Secretary to cooperate.")
	other := accord.Source{Name: "other.txt", SHA256: "def", Format: "txt"}
	if _, err := s.Ingest(ctx, other, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, sym := range []string{"MC-6/3", "BC-16/2", "BS-II/6", "BS-IV/6"} {
		got, err := s.Decision(ctx, "", sym)
		if err != nil {
			t.Fatal(err)
		}
		ids[sym] = got.ID
	}
	id := func(sym string) string { return strconv.FormatInt(ids[sym], 10) }
	for _, tt := range []struct {
		kind   accord.CitationKind
		target string
		want   []string
	}{
		// one document cited in two spellings, across instruments
		{accord.CitesDocument, "unep/mc/cop.6/inf/28", []string{"BC-16/2", "MC-6/3"}},
		{accord.CitesDocument, "UNEP/CHW.16/INF/3", []string{"BC-16/2"}},
		{accord.CitesDocument, "UNEP/CBD/BS/COP-MOP/3/6", []string{"BS-IV/6"}},
		{accord.CitesDocument, "UNEP/CHW.16/INF/99", nil},
		// a decision cited from another instrument, and by a text that
		// did not say whose decision it cites
		{accord.CitesDecision, id("BC-16/2"), []string{"BS-II/6", "MC-6/3"}},
		{accord.CitesDecision, id("BS-II/6"), []string{"BS-IV/6"}},
		{accord.CitesDecision, id("MC-6/3"), nil},
	} {
		if got := citedBy(t, s, tt.kind, tt.target); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("CitedBy(%s, %s) = %v, want %v", tt.kind, tt.target, got, tt.want)
		}
	}
	cs, err := s.CitedBy(ctx, accord.CitesDocument, "UNEP/MC/COP.6/INF/28", 1)
	if err != nil || len(cs) != 1 || cs[0].Cited != "UNEP/MC/COP 6/INF/28" || cs[0].By.Instrument != "basel" || cs[0].By.Meeting != "COP-16" || cs[0].By.ID != ids["BC-16/2"] {
		t.Errorf("CitedBy(limit 1) = %+v, %v; want BC-16/2 citing it as printed", cs, err)
	}
	if _, err := s.CitedBy(ctx, accord.CitesDecision, "999999", 0); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("CitedBy of no decision: %v, want ErrNotFound", err)
	}
	if _, err := s.CitedBy(ctx, "paragraph", "1", 0); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("CitedBy of a kind that is none: %v, want ErrInvalid", err)
	}

	// A re-ingest that cites no longer is cited by no longer.
	b.References.Documents = []string{"UNEP/CHW.16/INF/3"}
	if _, err := s.Ingest(ctx, src, []accord.Decision{a, b, c}); err != nil {
		t.Fatal(err)
	}
	if got := citedBy(t, s, accord.CitesDocument, "UNEP/MC/COP.6/INF/28"); strings.Join(got, " ") != "MC-6/3" {
		t.Errorf("after the re-ingest, CitedBy = %v, want [MC-6/3]", got)
	}
	// A decision whose symbol is corrected is cited under its new one.
	sym := "BS-II/7"
	if _, err := s.CorrectDecision(ctx, ids["BS-II/6"], accord.DecisionCorrection{Symbol: &sym, Who: "jane"}); err != nil {
		t.Fatal(err)
	}
	if got := citedBy(t, s, accord.CitesDecision, id("BS-II/6")); len(got) != 0 {
		t.Errorf("after correcting BS-II/6 to BS-II/7, CitedBy = %v, want none (BS-IV/6 cites BS-II/6)", got)
	}
	// The decision a file drops is cited by no one.
	if _, err := s.Ingest(ctx, src, []accord.Decision{b, c}); err != nil {
		t.Fatal(err)
	}
	if got := citedBy(t, s, accord.CitesDecision, id("BC-16/2")); strings.Join(got, " ") != "BS-II/7" {
		t.Errorf("after MC-6/3 left its file, CitedBy(BC-16/2) = %v, want [BS-II/7]", got)
	}
}
