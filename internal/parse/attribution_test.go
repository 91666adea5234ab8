package parse

import (
	"testing"

	"github.com/accordmea/accord"
	"github.com/google/go-cmp/cmp"
)

// TestCitedBodyFromEvidence: a cited decision's body comes from its own
// symbol and the words bound to it, never from a body named nearby.
func TestCitedBodyFromEvidence(t *testing.T) {
	tests := []struct {
		name, text, inst string
		want             []accord.DecisionRef
	}{
		{"a decision listed after an assembly's resolution is the citing body's",
			"Recalling Environment Assembly resolution 5/5 and decision 14/30,", "cbd",
			[]accord.DecisionRef{ref("5/5", "unea"), ref("14/30", "cbd")}},
		{"and stays so with its own body's words after it",
			"Recalling Environment Assembly resolution 5/5 and decision 14/30 of the Conference of the Parties,", "cbd",
			[]accord.DecisionRef{ref("5/5", "unea"), ref("14/30", "cbd")}},
		{"a body named in an earlier clause binds nothing",
			"Noting General Assembly resolution 75/271, and recalling decision 14/30,", "cbd",
			[]accord.DecisionRef{ref("75/271", "unga"), ref("14/30", "cbd")}},
		{"nor a body named after the symbol",
			"Recalling decision 14/30 and United Nations Environment Assembly resolution 5/5,", "cbd",
			[]accord.DecisionRef{ref("14/30", "cbd"), ref("5/5", "unea")}},
		{"a list without keywords of its own keeps its first body",
			"Recalling General Assembly resolutions 75/271 and 76/300,", "cbd",
			[]accord.DecisionRef{ref("75/271", "unga"), ref("76/300", "unga")}},
		{"the subject of the clause adopted it",
			"Whereas the United Nations General Assembly, by decision 78/546, authorized the Office,", "paris",
			[]accord.DecisionRef{ref("78/546", "unga")}},
		{"in its words, too",
			"Noting that the Governing Council, in its decision 27/2, requested the Executive Director,", "minamata",
			[]accord.DecisionRef{ref("27/2", "unep-gc")}},
		{"its alone is the citing body",
			"Recalling its decision 4/2 and the report of the Committee,", "minamata",
			[]accord.DecisionRef{ref("4/2", "minamata")}},
		{"a paragraph cited between symbol and body",
			"to endorse Decision II/2, paragraph 3, of the Second Meeting of the Conference of the Parties to the Vienna Convention;", "montreal",
			[]accord.DecisionRef{ref("II/2", "vienna")}},
		{"a section cited before the adopting body",
			"Recalling Decision 12/14, section IV, adopted by the Governing Council of the United Nations Environment Programme,", "cms",
			[]accord.DecisionRef{ref("12/14", "unep-gc")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, decisionRefs(tt.text, tt.inst)); diff != "" {
				t.Errorf("decisionRefs(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
