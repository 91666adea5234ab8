package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/store"
)

// TestIngestSameContent: a file ingested again under another name
// updates its decision, symbol or none; a correction made meanwhile is
// kept and shown.
func TestIngestSameContent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "accord.db")
	nosym := []byte("Cooperation on mercury waste\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\n" +
		"1. Requests the secretariat to report on cooperation at its next meeting.\n")
	a := writeFile(t, dir, "mercury.txt", nosym)
	b := writeFile(t, dir, "mercury (copy).html.txt", nosym)
	if code, out, errs := runAccord(t, "ingest", "--db", db, a); code != 0 || !strings.Contains(out, "(1 new, 0 updated") {
		t.Fatalf("ingest: exit %d %q %q", code, out, errs)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := st.Decisions(ctx, accord.DecisionFilter{})
	if err != nil || len(ds) != 1 {
		t.Fatal(ds, err)
	}
	sym := "MC-7/9"
	if _, err := st.CorrectDecision(ctx, ds[0].ID, accord.DecisionCorrection{Symbol: &sym, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{})
	if err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	deliv := "study"
	if _, err := st.CorrectMandate(ctx, ms[0].ID, accord.MandateCorrection{Deliverable: &deliv, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if code, out, errs := runAccord(t, "ingest", "--db", db, b); code != 0 || !strings.Contains(out, "1 decisions (0 new, 1 updated, 0 removed)") {
		t.Errorf("the same file under another name: exit %d %q %q", code, out, errs)
	}
	code, out, errs := runAccord(t, "decisions", "show", "--db", db, "MC-7/9")
	if code != 0 || !strings.Contains(out, `corrected: symbol "MC-7/9" by jo on `) || !strings.Contains(out, `(read as "")`) || !strings.Contains(out, "source: "+b) {
		t.Errorf("decisions show after the correction and the copy: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runAccord(t, "mandates", "show", "--db", db, "1")
	if code != 0 || !strings.Contains(out, "checked by a person: jo on ") || !strings.Contains(out, `corrected: deliverable "study" by jo`) {
		t.Errorf("mandates show: exit %d\n%s%s", code, out, errs)
	}
}
