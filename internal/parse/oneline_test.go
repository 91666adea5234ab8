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
	if got := splitOneLine(titled); !linesOpen(got, "Decision SC4/10: Date and venue of the next meeting", "", "The Standing Committee decided") {
		t.Errorf("splitOneLine cut a titled reported decision as %q", got)
	}
}

// Decisions numbered and labelled as CITES and CMS pages print them, run
// onto one line, are cut before each label and after one that ends on a
// colon, before each decision's number and after it when a request
// follows, before a request's subject run onto a label's value, and at
// their lettered items; a number a word cites stays in its sentence.
func TestOneLineDirectedDecisions(t *testing.T) {
	l := "21.4 & 21.5 Marking of stored specimens Decision directed to: The Secretariat shall: a) collect the marking schemes " +
		"used by Parties, as referred to in Decision 20.7 (a); and b) report to the Standing Committee. Decision directed to: " +
		"Standing Committee, with the help of the Animals Committee The Standing Committee shall review the report of the Secretariat."
	want := []string{"21.4 & 21.5 Marking of stored specimens", "Decision directed to:", "The Secretariat shall:", "a) collect",
		"b) report", "Decision directed to:", "Standing Committee, with the help", "The Standing Committee shall review"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut labelled decisions as %q", got)
	}
	numbered := "Decisions 9.1 to 9.2 - Flyway reviews 9.1 The Scientific Council, within available resources, is requested to: " +
		"a) review the flyway atlases; b) advise on gaps. 9.2 Parties are encouraged to share their survey data with the Council."
	want = []string{"Decisions 9.1 to 9.2 - Flyway reviews", "9.1", "The Scientific Council", "a) review", "b) advise", "9.2", "Parties are encouraged"}
	if got := splitOneLine(numbered); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut numbered decisions as %q", got)
	}
}

// A decision of the Montreal Protocol's handbook printed on one line is
// cut after its title: before the formula, with the quotation an
// amendment inserts set apart; before a paragraph that opens with "To"
// and its verb; and, after recitals, before a bullet's paragraph.
func TestOneLineHandbookDecision(t *testing.T) {
	amend := "Decision IV/30: Financial rules of the Fund The Fourth Meeting of the Parties decided in Dec. IV/30 to amend rule 5 of " +
		"the financial rules to add the following sentence: \"Pledges shall be paid by the end of the year in which they are made.\""
	want := []string{"Decision IV/30: Financial rules of the Fund", "", "The Fourth Meeting", "", "\"Pledges shall"}
	if got := splitOneLine(amend); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut an amendment as %q", got)
	}
	to := "Decision Ex.V/2: Assessment of options for the replenishment of the Fund To request the Panel to report on the options " +
		"for the replenishment of the Fund to the Open-ended Working Group at its next meeting."
	if got := splitOneLine(to); !linesOpen(got, "Decision Ex.V/2: Assessment of options for the replenishment of the Fund", "To request the Panel") {
		t.Errorf("splitOneLine cut a paragraph opening with its infinitive as %q", got)
	}
	recitals := "Decision XL/3: Data collection Noting the reports of the parties, Recalling decision XXX/2, Acknowledging the work of " +
		"the Panel, - To request the Panel to report again next year."
	if got := splitOneLine(recitals); !linesOpen(got, "Decision XL/3: Data collection", "Noting", "Recalling", "Acknowledging", "- To request") {
		t.Errorf("splitOneLine cut recitals and a bulleted paragraph as %q", got)
	}
}

// A resolution in the capitals of a commission, run onto one line, is cut
// at its first recital after the title, at its lead formula after a
// closing quotation mark, and at the bulleted items of a paragraph.
func TestOneLineCommissionResolution(t *testing.T) {
	l := "Resolution 2031-7 RESOLUTION ON SMALL STOCKS NOTING that the stocks are small; RECALLING the words of the Convention, " +
		"“to conserve the stocks”; AWARE of the report “on the stocks of the north” NOW THEREFORE THE COMMISSION: URGES " +
		"governments - to collect catch data; - to report them every year; REQUESTS the Secretariat to publish them."
	want := []string{"Resolution 2031-7 RESOLUTION ON SMALL STOCKS", "NOTING", "RECALLING", "AWARE", "NOW THEREFORE THE COMMISSION:",
		"URGES governments", "- to collect", "- to report", "REQUESTS"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut a resolution in capitals as %q", got)
	}
}

// A record that lists a resolution's paragraphs behind bullets, with no
// formula, is cut before each bullet, its heading set apart; one dash
// before a verb is not a list.
func TestOneLineBulletRun(t *testing.T) {
	l := "Resolution 2031-2 • Decides to hold a workshop on bycatch before the next meeting of the Commission. • Requests the " +
		"Secretariat to invite experts from the regional bodies. • Decides to review the outcome at its next meeting."
	if got := splitOneLine(l); !linesOpen(got, "Resolution 2031-2", "", "• Decides to hold", "• Requests", "• Decides to review") {
		t.Errorf("splitOneLine cut a bulleted record as %q", got)
	}
	one := "Trade in specimens of the listed species - Decides nothing here but names a title that runs on and on for a long while " +
		"without any other bullet in it at all, as titles sometimes do."
	if got := bulletRun(one); got != nil {
		t.Errorf("bulletRun cut a line with one dash: %q", got)
	}
}

// Recitals of a page cut short run on without punctuation: a recital or
// lead formula in capitals still opens a line, and items numbered in
// roman under the paragraph itself are cut after its colon.
func TestOneLineClausesCutShort(t *testing.T) {
	l := "Resolution 2031-9 on the work of the committees WHEREAS the Commission relies on the advice of its committees, " +
		"WHEREAS the committees meet before the Commission and the WHEREAS their reports reach the Commission late and at " +
		"this NOW THEREFORE the Commission requests its committees to: (i) meet earlier in the year, and (ii) send their reports sooner."
	want := []string{"Resolution 2031-9 on the work of the committees", "WHEREAS the Commission relies", "WHEREAS the committees meet",
		"WHEREAS their reports", "NOW THEREFORE the Commission requests", "(i) meet", "(ii) send"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut recitals cut short as %q", got)
	}
}

// A formula run into bullets whose verbs are in lower case, and a formula
// without its comma run into a paragraph that opens with a participial
// clause, are cut as a page sets them.
func TestOneLineFormulaRunIn(t *testing.T) {
	l := "The Meeting • endorses the guidance on joint assessments as appended to this decision; • invites the Parties to " +
		"report on their use of the guidance to the working group before its next session."
	if got := splitOneLine(l); !linesOpen(got, "The Meeting", "• endorses", "• invites") {
		t.Errorf("splitOneLine cut bullets in lower case as %q", got)
	}
	clause := "The Conference of the Parties Noting that no offer to host the next meeting has been received so far, and taking " +
		"into account the state of the budget, decides to hold its next meeting at the seat of the secretariat."
	if got := splitOneLine(clause); !linesOpen(got, "The Conference of the Parties", "Noting that no offer") {
		t.Errorf("splitOneLine cut a formula run into its paragraph as %q", got)
	}
}

// A symbol that a page sets on a line of its own, above its title or the
// fields of a record, is cut off its line when the decision runs onto
// one line; a heading with its title after a colon stays whole.
func TestOneLineSymbolApart(t *testing.T) {
	l := "41 COM 9C.2 Format of the periodic reports The World Heritage Committee, 1. Having examined Document WHC/41.COM/9C, " +
		"2. Requests the States Parties to use the revised format for their periodic reports from the next cycle on."
	if got := splitOneLine(l); !linesOpen(got, "41 COM 9C.2", "Format of the periodic reports", "The World Heritage Committee,", "1. Having", "2. Requests") {
		t.Errorf("splitOneLine cut a symbol set apart as %q", got)
	}
	if got := symbolPrefix("Decision 7/4: Format of the periodic reports "); got != -1 {
		t.Errorf("symbolPrefix cut a heading with its title at %d", got)
	}
}

// A recital that follows a footnote's marker glued to the comma before
// it, and items numbered anew under a paragraph that ends on a colon, are
// cut as their lines.
func TestOneLineMarkersAndNumberedItems(t *testing.T) {
	l := "The General Assembly, Recalling its resolution 40/2 of 1 March 2031,/7 Noting the report of the Secretary-General, " +
		"1. Decides to convene a conference on drylands in 2033; 2. Requests the Secretary-General to invite: 1. All States; " +
		"2. The specialized agencies; 3. Takes note of the offer of a host country."
	want := []string{"The General Assembly,", "Recalling", "Noting", "1. Decides", "2. Requests", "1. All States", "2. The specialized", "3. Takes note"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut markers and numbered items as %q", got)
	}
}

// A committee's decisions listed on one line are cut before each heading
// that names a decision and a colon; a decision cited in a sentence is
// not a heading; a further report after a list that ends no clause is
// set apart.
func TestOneLineDecisionsRunTogether(t *testing.T) {
	l := "Decision SC7-1: The Standing Committee approved the work plan, as set out in Decision SC6-4, for the coming year. " +
		"Item 3: Panel Decision SC7-2: The Standing Committee agreed to appoint the following experts to the Panel: " +
		"Europe: Dr E (Norway) Asia: Dr F (Japan) The SC selected Dr E to chair the Panel."
	want := []string{"Decision SC7-1: The Standing Committee approved", "Decision SC7-2:", "The Standing Committee agreed", "Europe:",
		"", "The SC selected"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut decisions run together as %q", got)
	}
}

// Paragraphs numbered from 1 under a formula the grammar does not know
// are cut at their numbers; paragraphs lettered at the top level, the
// first opening with an operative verb, are cut at their letters with
// their roman items.
func TestOneLineUnknownFormulaAndLetters(t *testing.T) {
	l := "IV/2.Marine survey programme The Panel on Marine, Coastal and Island Biodiversity 1.Welcomes the survey plan of the " +
		"secretariat for the coming two years; 2.Requests the secretariat to report on the survey at the next session of the Panel."
	if got := splitOneLine(l); !linesOpen(got, "IV/2.Marine survey programme The Panel", "1.Welcomes", "2.Requests") {
		t.Errorf("splitOneLine cut paragraphs under an unknown formula as %q", got)
	}
	lettered := "The Joint Working Group recommends the following for adoption by the conferences: A. National level a) Invites " +
		"Parties to coordinate: (i) their focal points; (ii) their reports; b) Requests the secretariats to assist Parties in this work."
	want := []string{"The Joint Working Group recommends", "A. National level", "a) Invites", "(i) their focal", "(ii) their reports", "b) Requests"}
	if got := splitOneLine(lettered); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut top-level lettered paragraphs as %q", got)
	}
}

// A resolution whose formula in capitals follows its recitals and runs
// into its verb in capitals is cut at its recitals, its formula, its
// verb, its items, and a later paragraph in capitals after a semicolon.
func TestOneLineCapitalsFormula(t *testing.T) {
	l := "Resolution Conf. 21.4 Guidelines for the review of proposals NOTING the number of proposals received; RECOGNIZING " +
		"the work of the Secretariat; THE CONFERENCE OF THE PARTIES TO THE CONVENTION ADOPTS the following guidelines: a) " +
		"each proposal shall be reviewed by two experts; b) the reviews shall be published; and URGES the Secretariat to apply them."
	want := []string{"Resolution Conf. 21.4", "Guidelines for the review of proposals", "NOTING", "RECOGNIZING",
		"THE CONFERENCE OF THE PARTIES TO THE CONVENTION", "ADOPTS", "a) each", "b) the reviews", "URGES"}
	if got := splitOneLine(l); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut a formula in capitals as %q", got)
	}
}
