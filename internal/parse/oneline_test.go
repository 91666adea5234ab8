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

// A board's decision printed on one line under its heading, as its
// minutes report it ("the Board decided: a) …; b) …"), is cut after the
// symbol and at its items, also when a formula-like sentence follows in
// an item; a title before a report that opens with the body's name
// stays with the heading.
func TestOneLineReportedDecision(t *testing.T) {
	l := "Decision SC4/9 After hearing the report of the Chair of the working group, the Standing Committee decided: a) To approve " +
		"the workplan of the group for the coming year; and b) To ask the group to report at the next meeting. The Standing " +
		"Committee expects the report to be short."
	if got := splitOneLine(l); !linesOpen(got, "Decision SC4/9", "After hearing", "a) To approve", "b) To ask") {
		t.Errorf("splitOneLine cut a reported decision as %q", got)
	}
	titled := "Decision SC4/10: Date and venue of the next meeting The Standing Committee decided to hold its next meeting in " +
		"the spring, at the seat of the secretariat, unless a Party offers to host it."
	if got := splitOneLine(titled); !linesOpen(got, "Decision SC4/10: Date and venue of the next meeting", "The Standing Committee decided") {
		t.Errorf("splitOneLine cut a titled reported decision as %q", got)
	}
}
