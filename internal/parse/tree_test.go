package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestUniquePaths: paths are unique within a decision whatever numbers
// the text prints, so that every paragraph, and the mandates tied to it,
// can be told apart; the printed number stays as printed.
func TestUniquePaths(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		paths []string
	}{
		{"repeated number", "1. Requests the Secretariat to act;\n\n1. Invites Parties to report;\n\n1. Urges Parties to act;\n\n2. Decides to review.\n",
			[]string{"1", "1~2", "1~3", "2"}},
		{"items of a repeated number", "1. Requests the Secretariat:\n\n(a) To act;\n\n(b) To report;\n\n1. Invites Parties:\n\n(a) To act;\n",
			[]string{"1", "1(a)", "1(b)", "1~2", "1~2(a)"}},
		{"repeated letter", "1. Requests the Secretariat:\n\n(a) To act;\n\n(a) To report;\n",
			[]string{"1", "1(a)", "1(a)~2"}},
		{"four times", "1. Requests the Secretariat to act;\n\n1. Invites Parties to report;\n\n1. Urges Parties to act;\n\n1. Decides to review.\n",
			[]string{"1", "1~2", "1~3", "1~4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Parse("Decision BS-V/9: Test\n\nThe Conference of the Parties,\n\n"+tt.body, Options{}).Decisions
			if len(ds) != 1 {
				t.Fatalf("Parse found %d decisions, want 1", len(ds))
			}
			var got []string
			ds[0].Walk(func(p *accord.Paragraph) { got = append(got, p.Path) })
			if fmt.Sprint(got) != fmt.Sprint(tt.paths) {
				t.Errorf("paths = %q, want %q", got, tt.paths)
			}
		})
	}
}

// TestUniquePathsMany: two thousand paragraphs all numbered "1." get two
// thousand paths, and keep "1" as their number.
func TestUniquePathsMany(t *testing.T) {
	var b strings.Builder
	b.WriteString("Decision BS-V/9: Test\n\nThe Conference of the Parties,\n\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "1. Requests the Executive Secretary to report on item %d at its sixth meeting;\n\n", i)
	}
	ds := Parse(b.String(), Options{}).Decisions
	if len(ds) != 1 {
		t.Fatalf("Parse found %d decisions, want 1", len(ds))
	}
	if n := len(ds[0].Paragraphs); n != 2000 {
		t.Fatalf("%d paragraphs, want 2000", n)
	}
	checkUniquePaths(t, ds)
	for _, p := range ds[0].Paragraphs {
		if p.Number != "1" {
			t.Fatalf("paragraph %s: number %q, want the printed 1", p.Path, p.Number)
		}
	}
}

// checkUniquePaths fails when two paragraphs or items of one decision, or
// of one annex, share a path.
func checkUniquePaths(t testing.TB, ds []accord.Decision) {
	t.Helper()
	check := func(where string, ps []accord.Paragraph) {
		seen := map[string]bool{}
		var walk func(ps []accord.Paragraph)
		walk = func(ps []accord.Paragraph) {
			for _, p := range ps {
				if seen[p.Path] {
					t.Errorf("%s: path %q given twice", where, p.Path)
				}
				seen[p.Path] = true
				walk(p.Items)
			}
		}
		walk(ps)
	}
	for _, d := range ds {
		check(d.Symbol, d.Paragraphs)
		for _, a := range d.Annexes {
			check(d.Symbol+" "+a.Heading, a.Paragraphs)
		}
	}
}

func TestCorpusUniquePaths(t *testing.T) {
	for _, text := range corpusFiles(t) {
		checkUniquePaths(t, Parse(text, Options{}).Decisions)
	}
}
