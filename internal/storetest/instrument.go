package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// testInstruments: the bundled instruments are stored; admins add and
// change instruments, every change audited, a bad batch changing
// nothing; an added instrument is named, checked and filtered by at once.
func testInstruments(t *testing.T, s accord.Store) {
	ctx := context.Background()
	ins, err := s.Instruments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]accord.Instrument{}
	for _, in := range ins {
		byID[in.ID] = in
	}
	if got := byID["brs"].Groups; !slices.Equal(got, []string{"basel", "rotterdam", "stockholm"}) {
		t.Errorf("stored brs groups %v, want basel, rotterdam, stockholm", got)
	}
	if got := byID["cartagena"]; got.Parent != "cbd" || !slices.Equal(got.Bodies, []string{"COP-MOP"}) || got.ChangedBy != "" {
		t.Errorf("stored cartagena = %+v, want under cbd, governed by COP-MOP, bundled", got)
	}

	if in, err := s.Instrument(ctx, "nagoya"); err != nil || in.Parent != "cbd" || in.Short != "Nagoya Protocol" {
		t.Errorf("Instrument(nagoya) = %+v, %v", in, err)
	}
	if _, err := s.Instrument(ctx, "nowhere"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Instrument(nowhere) = %v, want ErrNotFound", err)
	}
	// brs's meetings are those of the conventions it groups.
	if m, err := s.MeetingOf(ctx, "brs", "COP-4"); err != nil || m.ID != "basel-COP-4" {
		t.Errorf("MeetingOf(brs, COP-4) = %q, %v; want basel-COP-4", m.ID, err)
	}
	if _, err := s.MeetingOf(ctx, "brs", "COP-99"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("MeetingOf(brs, COP-99) = %v, want ErrNotFound", err)
	}

	conv := accord.Instrument{ID: "tst-conv", Short: "Test Convention", Name: "Test Convention on Conformance", Bodies: []string{"COP"},
		Website: "https://conv.example/", Source: "https://conv.example/text"}
	prot := accord.Instrument{ID: "tst-prot", Short: "Test Protocol", Name: "Test Protocol to the Test Convention", Bodies: []string{"COP-MOP"},
		Parent: "tst-conv", Source: "https://conv.example/protocol"}
	bad := prot
	bad.ID, bad.Short, bad.Name, bad.Parent = "tst-bad", "Bad", "Bad Protocol", "nowhere"
	if _, err := s.PutInstruments(ctx, "ada", []accord.Instrument{conv, prot, bad}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "parent") {
		t.Errorf("PutInstruments with an unknown parent: %v, want ErrInvalid naming parent", err)
	}
	if ins, _ := s.Instruments(ctx); len(ins) != len(byID) {
		t.Errorf("after a refused batch, %d instruments stored, want %d", len(ins), len(byID))
	}
	if _, err := s.PutInstruments(ctx, "", []accord.Instrument{conv}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("PutInstruments by nobody: %v, want ErrInvalid", err)
	}
	// A Protocol and its Convention in one batch.
	res, err := s.PutInstruments(ctx, "ada", []accord.Instrument{prot, conv})
	if err != nil || res != (accord.ImportCounts{Added: 2}) {
		t.Fatalf("PutInstruments = %+v, %v; want two added", res, err)
	}
	if res, err := s.PutInstruments(ctx, "ada", []accord.Instrument{prot, conv}); err != nil || res != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("PutInstruments again = %+v, %v; want both unchanged", res, err)
	}
	// Named, looked up and checked at once.
	if got := accord.InstrumentName("tst-prot"); got != "Test Protocol" {
		t.Errorf("InstrumentName(tst-prot) = %q, want Test Protocol", got)
	}
	body := accord.Body{ID: "tst-conv-COP", Instrument: "tst-conv", Code: "COP", Name: "Conference of the Parties", Kind: "governing", Source: "https://conv.example/cop"}
	if _, err := s.PutBodies(ctx, "ada", []accord.Body{body}); err != nil {
		t.Errorf("PutBodies of the added instrument: %v", err)
	}
	d := withMandates(sample("TC-1/1", "tst-conv", "COP-1", "Requests the secretariat to report."), "COP-2")
	if _, err := s.Ingest(ctx, accord.Source{Name: "tst.txt", SHA256: "tst", Format: "txt"}, []accord.Decision{d}); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Decisions(ctx, accord.DecisionFilter{Instrument: "test convention"})
	if err != nil || len(ds) != 1 || ds[0].Symbol != "TC-1/1" {
		t.Errorf("Decisions(instrument \"test convention\") = %d decisions, %v; want TC-1/1", len(ds), err)
	}

	counts, err := s.InstrumentCounts(ctx)
	if err != nil || counts["tst-conv"] != (accord.InstrumentCount{Decisions: 1, Mandates: 2}) {
		t.Errorf("InstrumentCounts()[tst-conv] = %+v, %v; want one decision and two mandates", counts["tst-conv"], err)
	}
	if _, ok := counts["tst-prot"]; ok {
		t.Errorf("InstrumentCounts() counts tst-prot, which has no decision: %+v", counts)
	}
	renamed := conv
	renamed.Short = "Test Conv."
	if res, err := s.PutInstruments(ctx, "ada", []accord.Instrument{renamed}); err != nil || res.Updated != 1 {
		t.Fatalf("PutInstruments renaming = %+v, %v", res, err)
	}
	if got := accord.InstrumentName("tst-conv"); got != "Test Conv." {
		t.Errorf("InstrumentName(tst-conv) after renaming = %q", got)
	}
	ins, err = s.Instruments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		if in.ID == "tst-conv" && (in.Short != "Test Conv." || in.ChangedBy != "ada" || in.Created.IsZero()) {
			t.Errorf("stored tst-conv = %+v, want renamed by ada", in)
		}
	}
	// A joint instrument may not group a joint one, nor a Protocol be its
	// own ancestor; neither changes anything.
	loop := conv
	loop.Parent = "tst-prot"
	if _, err := s.PutInstruments(ctx, "ada", []accord.Instrument{loop}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("PutInstruments making a loop of parents: %v, want ErrInvalid", err)
	}
	log, err := s.AuditLog(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		if strings.HasPrefix(e.Target, "instrument ") {
			actions = append(actions, e.Action+" "+e.Target)
		}
	}
	want := []string{"change instrument instrument tst-conv", "add instrument instrument tst-conv", "add instrument instrument tst-prot"}
	if !slices.Equal(actions, want) {
		t.Errorf("audit log = %q, want %q", actions, want)
	}
	if len(log) > 0 && log[0].Target == "instrument tst-conv" && (!strings.Contains(log[0].Before, `"short":"Test Convention"`) || !strings.Contains(log[0].After, `"short":"Test Conv."`)) {
		t.Errorf("rename's audit entry = %+v, want before and after", log[0])
	}
}
