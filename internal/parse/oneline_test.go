package parse

import "testing"

// A formula that ends on a colon before its operative verb, and items
// run in behind bullets after a colon or semicolon, are cut at the
// colon and at each bullet; a dash inside a title is left alone.
func TestOneLineColonAndBullets(t *testing.T) {
	l := "Decision 7/3: Review of the trust fund - interim steps The Committee, having examined the note by the secretariat on " +
		"the trust fund: Requests the secretariat to report on the trust fund at the next meeting; - Invites Parties to pay " +
		"their contributions on time; and - to consider the scale of assessments at the next meeting."
	got := splitOneLine(l)
	if !linesOpen(got, "Decision 7/3: Review of the trust fund - interim steps", "The Committee, having examined", "Requests the secretariat",
		"- Invites Parties", "- to consider") {
		t.Errorf("splitOneLine cut a formula ending on a colon and its bullets as %q", got)
	}
	glued := "The Standing Committee of the Agreement, having heard the reports of its working groups on the survey and on the " +
		"budget: -Approves the survey plan for the coming year; -Requests the working groups to report back at the next meeting."
	if got := splitOneLine(glued); !linesOpen(got, "The Standing Committee", "-Approves", "-Requests") {
		t.Errorf("splitOneLine cut bullets glued to their verbs as %q", got)
	}
}
