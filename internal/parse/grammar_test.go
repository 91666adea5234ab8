package parse

import (
	"slices"
	"testing"
)

// TestNamedSymbolsCited holds that symbols that carry their keyword
// ("Measure 15 (2009)", "HELCOM Recommendation 28E/6", "Agreement
// 2012-04") are cited where a text names them, once, the decision's own
// excepted even printed without a number's leading zero, and that a
// bracket ending one needs no word's end after it.
func TestNamedSymbolsCited(t *testing.T) {
	d := parseOne(t, "Measure 7 (2031)\n\nThe Representatives,\n\nRecalling Measure 2 (2027), HELCOM Recommendation 30E/2 and Agreement 2029-04,\n\n"+
		"Noting that Measure 7 (2031) replaces them,\n\nRecommend that their Governments approve the plan annexed to this Measure.\n")
	if got, want := citedOf(d.References.Decisions), []string{"Measure 2 (2027)", "HELCOM Recommendation 30E/2", "Agreement 2029-04"}; !slices.Equal(got, want) {
		t.Errorf("References.Decisions = %q, want %q", got, want)
	}
	d = parseOne(t, "OSPAR Agreement 2031-04\n\nThe Commission,\n\nRecalling HELCOM Recommendation 9/2,\n\n1. Adopts the guidelines (OSPAR Agreement 2031-4).\n")
	if got, want := citedOf(d.References.Decisions), []string{"9/2"}; !slices.Equal(got, want) {
		t.Errorf("References.Decisions = %q, want %q", got, want)
	}
}
