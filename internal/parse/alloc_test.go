package parse

import "testing"

// checkParaBound fails when buildTree makes more paragraphs of the
// operative or annex blocks of a decision of text than paraBound says
// it makes at most.
func checkParaBound(t *testing.T, text string) {
	lines := normalizedLines(text)
	mendCompounds(lines)
	seg := newSegmenter(splitRunIn(blocks(extract(lines).body)))
	seg.run()
	for _, d := range seg.drafts {
		for _, ops := range append([][]block{d.ops}, d.annexOps...) {
			paras, _, _ := buildTree(ops, phraseOptions{}, false, 0)
			if bound := paraBound(ops, topMark(ops)); len(paras) > bound {
				t.Errorf("%d paragraphs, bound %d, of %q", len(paras), bound, d.d.Symbol)
			}
		}
	}
}

var paraBoundSamples = []string{
	"Decision 1/2. Title\nThe Conference of the Parties,\n(a) Decides;\n(b) Requests;\n1. Notes;\n(i) one;\n(ii) two;\n- Invites;\nA. Heading\n2. Urges.",
	"Decision 3/4\nThe Meeting of the Parties,\n(i) first;\n(a) Requests;\n(b) Invites:\n(i) one\n• Encourages;",
}

// paraBoundRun is how many lines of the test texts a run checked by
// TestParaBound holds: enough for several decisions in a row.
const paraBoundRun = 400

func TestParaBound(t *testing.T) {
	holdOnRuns(t, paraBoundSamples, paraBoundRun, paraBoundRun/2, checkParaBound)
}

func FuzzParaBound(f *testing.F) { fuzzSamples(f, paraBoundSamples, checkParaBound) }
