package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// The report says what remains of each mandate, and shows what was done
// with who and when apart from the note's own words.
func TestWording(t *testing.T) {
	ds := []accord.Decision{{ID: 1, Symbol: "MC-6/3", Title: "Cooperation"}}
	ms := []accord.Mandate{
		{ID: 1, DecisionID: 1, Path: "1", Action: "to cooperate", Status: accord.StatusOpen},
		{ID: 2, DecisionID: 1, Path: "2", Action: "to conduct a study", Status: accord.StatusOpen,
			Notes: "2026-11-29 officer A: Terms of reference drafted\nsent to the Bureau"},
		{ID: 3, DecisionID: 1, Path: "3", Action: "to report", Status: accord.StatusDeferred},
		{ID: 4, DecisionID: 1, Path: "4", Action: "to meet", Status: accord.StatusOpen,
			Notes: "2026-11-29 officer A: Venue chosen"},
	}
	rep := Implementation("minamata", "COP-6", ds, ms, now)
	rows := rep.Rows()
	want := map[int64]string{1: "Nothing reported yet.", 2: "To conduct a study: not yet reported as done.",
		3: "Nothing reported yet; deferred for lack of resources."}
	for _, row := range rows {
		if strings.Contains(row.Remains, "All of it") {
			t.Errorf("mandate %d: remains %q", row.ID, row.Remains)
		}
		if w, ok := want[row.ID]; ok && row.Remains != w {
			t.Errorf("mandate %d: remains %q, want %q", row.ID, row.Remains, w)
		}
	}
	if got, w := rows[1].Done, "Terms of reference drafted sent to the Bureau (officer A, 29 November 2026)"; got != w {
		t.Errorf("done %q, want %q", got, w)
	}
	for _, format := range []string{"html", "markdown", "csv"} {
		var b bytes.Buffer
		if err := Write(&b, rep, format); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "2026-11-29 officer A:") || strings.Contains(out, "All of it") {
			t.Errorf("%s keeps a note's signature or says All of it:\n%s", format, out)
		}
		if !strings.Contains(out, "Venue chosen") || !strings.Contains(out, "29 November 2026") {
			t.Errorf("%s lacks the note or its date:\n%s", format, out)
		}
	}
	// Readers who are not signed in read the mandates anonymized, and
	// the report names no one.
	for i := range ms {
		ms[i] = ms[i].Anonymous()
	}
	var b bytes.Buffer
	if err := Write(&b, Implementation("minamata", "COP-6", ds, ms, now), "html"); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "officer A") || !strings.Contains(out, accord.Staff+", 29 November 2026") {
		t.Errorf("anonymous report names the officer or lacks %q:\n%s", accord.Staff, out)
	}
}
