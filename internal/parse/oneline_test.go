package parse

import "testing"

// oneLineCases are decisions printed on one line, each with the rule that
// cuts it and the openings of the lines splitOneLine must give it ("" a
// blank line set between two parts, as a page sets them apart).
var oneLineCases = []struct {
	rule string
	line string
	want []string
}{{
	// a formula that ends on a colon before its verb, and bullets after a
	// colon or semicolon; a dash inside a title is left alone
	"a formula ending on a colon and its bullets",
	"Decision 7/3: Review of the trust fund - interim steps The Committee, having examined the note by the secretariat on " +
		"the trust fund: Requests the secretariat to report on the trust fund at the next meeting; - Invites Parties to pay " +
		"their contributions on time; and - to consider the scale of assessments at the next meeting.",
	[]string{"Decision 7/3: Review of the trust fund - interim steps", "The Committee, having examined", "Requests the secretariat",
		"- Invites Parties", "- to consider"},
}, {
	"bullets glued to their verbs",
	"The Standing Committee of the Agreement, having heard the reports of its working groups on the survey and on the " +
		"budget: -Approves the survey plan for the coming year; -Requests the working groups to report back at the next meeting.",
	[]string{"The Standing Committee", "-Approves", "-Requests"},
}, {
	// a board's minutes: cut after the symbol and at the items, also when
	// a formula-like sentence follows in an item
	"a reported decision",
	"Decision SC4/9 After hearing the report of the Chair of the working group, the Standing Committee decided: a) To approve " +
		"the workplan of the group for the coming year; and b) To ask the group to report at the next meeting. The Standing " +
		"Committee expects the report to be short.",
	[]string{"Decision SC4/9", "After hearing", "a) To approve", "b) To ask"},
}, {
	"a titled reported decision",
	"Decision SC4/10: Date and venue of the next meeting The Standing Committee decided to hold its next meeting in " +
		"the spring, at the seat of the secretariat, unless a Party offers to host it.",
	[]string{"Decision SC4/10: Date and venue of the next meeting", "", "The Standing Committee decided"},
}, {
	// CITES pages: before each label and after one that ends on a colon,
	// before a request's subject run onto a label's value, at the items; a
	// number a word cites stays in its sentence
	"labelled decisions",
	"21.4 & 21.5 Marking of stored specimens Decision directed to: The Secretariat shall: a) collect the marking schemes " +
		"used by Parties, as referred to in Decision 20.7 (a); and b) report to the Standing Committee. Decision directed to: " +
		"Standing Committee, with the help of the Animals Committee The Standing Committee shall review the report of the Secretariat.",
	[]string{"21.4 & 21.5 Marking of stored specimens", "Decision directed to:", "The Secretariat shall:", "a) collect",
		"b) report", "Decision directed to:", "Standing Committee, with the help", "The Standing Committee shall review"},
}, {
	// CMS pages: before each decision's number, and after it when a
	// request follows
	"numbered decisions",
	"Decisions 9.1 to 9.2 - Flyway reviews 9.1 The Scientific Council, within available resources, is requested to: " +
		"a) review the flyway atlases; b) advise on gaps. 9.2 Parties are encouraged to share their survey data with the Council.",
	[]string{"Decisions 9.1 to 9.2 - Flyway reviews", "9.1", "The Scientific Council", "a) review", "b) advise", "9.2", "Parties are encouraged"},
}, {
	// the Montreal Protocol's handbook: the heading apart from the
	// formula, the quotation an amendment inserts set apart
	"an amendment",
	"Decision IV/30: Financial rules of the Fund The Fourth Meeting of the Parties decided in Dec. IV/30 to amend rule 5 of " +
		"the financial rules to add the following sentence: \"Pledges shall be paid by the end of the year in which they are made.\"",
	[]string{"Decision IV/30: Financial rules of the Fund", "", "The Fourth Meeting", "", "\"Pledges shall"},
}, {
	"a paragraph opening with its infinitive",
	"Decision Ex.V/2: Assessment of options for the replenishment of the Fund To request the Panel to report on the options " +
		"for the replenishment of the Fund to the Open-ended Working Group at its next meeting.",
	[]string{"Decision Ex.V/2: Assessment of options for the replenishment of the Fund", "To request the Panel"},
}, {
	"recitals and a bulleted paragraph",
	"Decision XL/3: Data collection Noting the reports of the parties, Recalling decision XXX/2, Acknowledging the work of " +
		"the Panel, - To request the Panel to report again next year.",
	[]string{"Decision XL/3: Data collection", "Noting", "Recalling", "Acknowledging", "- To request"},
}, {
	// a commission in capitals: the first recital after the title, the
	// lead formula after a closing quotation mark, a paragraph's bulleted
	// items
	"a resolution in capitals",
	"Resolution 2031-7 RESOLUTION ON SMALL STOCKS NOTING that the stocks are small; RECALLING the words of the Convention, " +
		"“to conserve the stocks”; AWARE of the report “on the stocks of the north” NOW THEREFORE THE COMMISSION: URGES " +
		"governments - to collect catch data; - to report them every year; REQUESTS the Secretariat to publish them.",
	[]string{"Resolution 2031-7 RESOLUTION ON SMALL STOCKS", "NOTING", "RECALLING", "AWARE", "NOW THEREFORE THE COMMISSION:",
		"URGES governments", "- to collect", "- to report", "REQUESTS"},
}, {
	// a record that lists the paragraphs behind bullets, no formula
	"a bulleted record",
	"Resolution 2031-2 • Decides to hold a workshop on bycatch before the next meeting of the Commission. • Requests the " +
		"Secretariat to invite experts from the regional bodies. • Decides to review the outcome at its next meeting.",
	[]string{"Resolution 2031-2", "", "• Decides to hold", "• Requests", "• Decides to review"},
}, {
	// recitals cut short: a recital or lead formula in capitals still
	// opens a line; roman items under the paragraph itself
	"recitals cut short",
	"Resolution 2031-9 on the work of the committees WHEREAS the Commission relies on the advice of its committees, " +
		"WHEREAS the committees meet before the Commission and the WHEREAS their reports reach the Commission late and at " +
		"this NOW THEREFORE the Commission requests its committees to: (i) meet earlier in the year, and (ii) send their reports sooner.",
	[]string{"Resolution 2031-9 on the work of the committees", "WHEREAS the Commission relies", "WHEREAS the committees meet",
		"WHEREAS their reports", "NOW THEREFORE the Commission requests", "(i) meet", "(ii) send"},
}, {
	"bullets in lower case",
	"The Meeting • endorses the guidance on joint assessments as appended to this decision; • invites the Parties to " +
		"report on their use of the guidance to the working group before its next session.",
	[]string{"The Meeting", "• endorses", "• invites"},
}, {
	// a formula without its comma, its paragraph's verb after a
	// participial clause
	"a formula run into its paragraph",
	"The Conference of the Parties Noting that no offer to host the next meeting has been received so far, and taking " +
		"into account the state of the budget, decides to hold its next meeting at the seat of the secretariat.",
	[]string{"The Conference of the Parties", "Noting that no offer"},
}, {
	// a symbol a page sets on a line of its own above its title
	"a symbol set apart",
	"41 COM 9C.2 Format of the periodic reports The World Heritage Committee, 1. Having examined Document WHC/41.COM/9C, " +
		"2. Requests the States Parties to use the revised format for their periodic reports from the next cycle on.",
	[]string{"41 COM 9C.2", "Format of the periodic reports", "The World Heritage Committee,", "1. Having", "2. Requests"},
}, {
	// a footnote's marker glued to a recital's comma; items numbered
	// anew after a colon
	"markers and numbered items",
	"The General Assembly, Recalling its resolution 40/2 of 1 March 2031,/7 Noting the report of the Secretary-General, " +
		"1. Decides to convene a conference on drylands in 2033; 2. Requests the Secretary-General to invite: 1. All States; " +
		"2. The specialized agencies; 3. Takes note of the offer of a host country.",
	[]string{"The General Assembly,", "Recalling", "Noting", "1. Decides", "2. Requests", "1. All States", "2. The specialized", "3. Takes note"},
}, {
	// a committee's decisions listed on one line: before each heading
	// with a colon, not at a decision a sentence cites; a further report
	// after a list that ends no clause set apart
	"decisions run together",
	"Decision SC7-1: The Standing Committee approved the work plan, as set out in Decision SC6-4, for the coming year. " +
		"Item 3: Panel Decision SC7-2: The Standing Committee agreed to appoint the following experts to the Panel: " +
		"Europe: Dr E (Norway) Asia: Dr F (Japan) The SC selected Dr E to chair the Panel.",
	[]string{"Decision SC7-1: The Standing Committee approved", "Decision SC7-2:", "The Standing Committee agreed", "Europe:",
		"", "The SC selected"},
}, {
	"paragraphs under an unknown formula",
	"IV/2.Marine survey programme The Panel on Marine, Coastal and Island Biodiversity 1.Welcomes the survey plan of the " +
		"secretariat for the coming two years; 2.Requests the secretariat to report on the survey at the next session of the Panel.",
	[]string{"IV/2.Marine survey programme The Panel", "1.Welcomes", "2.Requests"},
}, {
	// lettered at the top level, the first opening with an operative verb
	"top-level lettered paragraphs",
	"The Joint Working Group recommends the following for adoption by the conferences: A. National level a) Invites " +
		"Parties to coordinate: (i) their focal points; (ii) their reports; b) Requests the secretariats to assist Parties in this work.",
	[]string{"The Joint Working Group recommends", "A. National level", "a) Invites", "(i) their focal", "(ii) their reports", "b) Requests"},
}, {
	// a formula in capitals after recitals, run into its verb in
	// capitals; a later paragraph in capitals after a semicolon
	"a formula in capitals",
	"Resolution Conf. 21.4 Guidelines for the review of proposals NOTING the number of proposals received; RECOGNIZING " +
		"the work of the Secretariat; THE CONFERENCE OF THE PARTIES TO THE CONVENTION ADOPTS the following guidelines: a) " +
		"each proposal shall be reviewed by two experts; b) the reviews shall be published; and URGES the Secretariat to apply them.",
	[]string{"Resolution Conf. 21.4", "Guidelines for the review of proposals", "NOTING", "RECOGNIZING",
		"THE CONFERENCE OF THE PARTIES TO THE CONVENTION", "ADOPTS", "a) each", "b) the reviews", "URGES"},
}, {
	// a preamble numbered with its paragraphs: the numbers go on from
	// the recitals into the paragraphs; the heading before "1." stays
	// whole though a word of it ends in -ing
	"a preamble numbered with its paragraphs",
	"Resolution IX.4: Reporting on listed lakes 9th Meeting of the Contracting Parties Lima, Peru 2-9 May 2032 1. RECALLING " +
		"the duty of Parties to report on changes to listed lakes; 2. NOTING the reports received so far; 3. AWARE that many " +
		"reports are late; 4. URGES Contracting Parties to report every three years; and 5. REQUESTS that the Bureau publish the reports.",
	[]string{"Resolution IX.4: Reporting on listed lakes 9th Meeting of the Contracting Parties", "1. RECALLING", "2. NOTING",
		"3. AWARE", "4. URGES", "5. REQUESTS"},
}, {
	// a commission's dashed recitals in capitals, two run onto one
	// line of the original and an opener the grammar does not know;
	// after the items, a dashed paragraph in capitals
	"dashed recitals and paragraphs in capitals",
	"The International Seal Commission - AWARE of the decline of some seal stocks - RECOGNISING the need for regional " +
		"work on them - WITH A VIEW to sharing the data of all range States - DECIDES that the next meeting should address: " +
		"a) the survey of the stocks b) the exchange of catch data - RESOLVES to set up a working group on seals",
	[]string{"The International Seal Commission", "- AWARE", "- RECOGNISING", "- WITH A VIEW", "- DECIDES", "a) the survey",
		"b) the exchange", "- RESOLVES"},
}, {
	// no formula: recitals in capitals each after a semicolon, then the
	// operative verb in capitals that stands for the formula
	"a lead verb in capitals",
	"Resolution Conf. 22.1 Rules for the review of permits NOTING that permits are reviewed by the Secretariat; RECOGNIZING " +
		"the time a review takes; ADOPTS the following rules for the review of permits: a) each permit shall be reviewed " +
		"within a month; b) the result shall be sent to the issuing Party.",
	[]string{"Resolution Conf. 22.1", "Rules for the review of permits", "NOTING", "RECOGNIZING", "ADOPTS", "a) each", "b) the result"},
}, {
	// a commission's resolutions run together: a title in capitals over
	// a first recital in capitals after a sentence's end opens the next;
	// a formula in capitals after a title in capitals, its verbs in
	// capitals after full stops; an opener inside a title is no recital
	"resolutions in capitals run together",
	"Resolution 2031-5 RESOLUTION ON THE SEAL SURVEY THE COMMISSION: AGREES to hold a survey of the seal stocks (document " +
		"SC/3). AGREES to review the survey at its next meeting. Adopted PROPOSAL FOR A MEETING ON HUNTING METHODS AND SAFETY " +
		"RECALLING that the last meeting on hunting methods was held long ago; NOTING the need for a new one; NOW THEREFORE",
	[]string{"Resolution 2031-5 RESOLUTION ON THE SEAL SURVEY", "THE COMMISSION:", "AGREES to hold", "AGREES to review",
		"PROPOSAL FOR A MEETING ON HUNTING METHODS AND SAFETY RECALLING"},
}, {
	// a CBD page's markers of decision and paragraph, each on a line of
	// its own; a marker a sentence cites stays in it
	"paragraph markers run together",
	"Marine litter The Conference of the Parties, CBD/COP/DEC/21/7 paragraph 1 1. Welcomes the report on marine litter " +
		"(UNEP/CBD/COP/DEC/X/29), paragraph 3; operational active decision CBD/COP/DEC/21/8 Ocean noise The Conference of " +
		"the Parties, CBD/COP/DEC/21/8 paragraph Invites Parties to reduce underwater noise.",
	[]string{"Marine litter The Conference of the Parties,", "CBD/COP/DEC/21/7 paragraph 1", "1. Welcomes the report on marine litter (UNEP",
		"decision CBD/COP/DEC/21/8", "Ocean noise", "CBD/COP/DEC/21/8 paragraph", "Invites Parties"},
}, {
	// a board's minutes: the sentences that tell what led to the
	// report set apart from the heading and from the report
	"a narrative before a report",
	"Decision B.9/4 The secretariat presented the revised guidelines on accreditation, contained in document AFB/B.9/3, as " +
		"requested in decision B.8/2. The Board decided to adopt the revised guidelines on accreditation.",
	[]string{"Decision B.9/4", "", "The secretariat presented", "", "The Board decided"},
}, {
	// an extract: a recital, the mark of the text left out, then a
	// paragraph numbered past 1, set apart from the heading and the mark
	"an extract",
	"Decision 7/COP.31 Land tenure Tags Land use Recalling that secure tenure helps restore degraded land, and that women " +
		"often lack it, […] 3. Invites Parties to report on tenure in their national reports, and to: a) Share their laws; " +
		"b) Share their experience.",
	[]string{"Decision 7/COP.31 Land tenure Tags Land use", "", "Recalling that", "", "3. Invites", "a) Share", "b) Share"},
}, {
	// a database record: the one clause in capitals after a field's
	// label, the fields before and after it apart
	"a record's clause in capitals",
	"Document Number R2031 Title Resolution on catch reports Text STRONGLY URGES all member and non-member governments to " +
		"report their catches to the Secretariat every year, and before opening a new fishery; Status Adopted by consensus",
	[]string{"Document Number R2031 Title Resolution on catch reports Text", "STRONGLY URGES all member", "Status Adopted"},
}}

// TestOneLineCuts holds splitOneLine to the lines of oneLineCases.
func TestOneLineCuts(t *testing.T) {
	for _, c := range oneLineCases {
		if got := splitOneLine(c.line); !linesOpen(got, c.want...) {
			t.Errorf("splitOneLine cut %s as %q", c.rule, got)
		}
	}
}

// What only looks like the rules of oneLineCases is left whole: one dash
// before a verb is no list of bullets, and a heading with its title
// after a colon is no symbol set apart.
func TestOneLineLeftWhole(t *testing.T) {
	one := "Trade in specimens of the listed species - Decides nothing here but names a title that runs on and on for a long while " +
		"without any other bullet in it at all, as titles sometimes do."
	if got := bulletRun(one); got != nil {
		t.Errorf("bulletRun cut a line with one dash: %q", got)
	}
	if got := symbolPrefix("Decision 7/4: Format of the periodic reports "); got != -1 {
		t.Errorf("symbolPrefix cut a heading with its title at %d", got)
	}
	// a paragraph number, or a recital's comma, before a verb in
	// capitals is no field's label: the clause is not a record's
	numbered := "Having considered the note by the secretariat on the survey of the stocks, 1. WELCOMES the survey plan " +
		"of the secretariat for the coming years; 2. REQUESTS the secretariat to report on it at the next meeting."
	if got := capsClause(numbered); got != nil {
		t.Errorf("capsClause cut a numbered paragraph from its number: %q", got)
	}
	recital := "DESIRING to limit the pollution of the lakes of the region, WELCOMES the survey plan of the secretariat " +
		"for the coming years; REQUESTS the secretariat to report on it at the next meeting of the Parties."
	if got := capsClause(recital); got != nil {
		t.Errorf("capsClause cut a paragraph after a recital: %q", got)
	}
	// a paragraph numbered past 1 without the mark of text left out
	// before it is one of a run cut short, no extract
	if got := extractStart("Recalling its decision 4/2, decides to go on; 3. Invites Parties to report on their work."); got != -1 {
		t.Errorf("extractStart took a paragraph of a run for an extract's at %d", got)
	}
	// the pieces of resolutions run together
	run := capsTitleRun("THE COMMISSION: AGREES to hold a survey of the seal stocks. Adopted PROPOSAL FOR A MEETING ON " +
		"HUNTING METHODS RECALLING that the last meeting was long ago; NOW THEREFORE")
	if !linesOpen(run, "THE COMMISSION: AGREES", "PROPOSAL FOR A MEETING ON HUNTING METHODS RECALLING") {
		t.Errorf("capsTitleRun cut resolutions run together as %q", run)
	}
	// a title in capitals after a heading that ends no sentence is the
	// line's own
	if got := capsTitleRun("Resolution 2031-7 RESOLUTION ON SMALL STOCKS NOTING that the stocks are small"); got != nil {
		t.Errorf("capsTitleRun cut a heading from its title: %q", got)
	}
	if got := firstOpener("PROPOSAL FOR A MEETING ON HUNTING METHODS AND SAFETY RECALLING that"); got != len("PROPOSAL FOR A MEETING ON HUNTING METHODS AND SAFETY ") {
		t.Errorf("firstOpener took a word of a title in capitals for an opener at %d", got)
	}
	// one dash before a word in capitals that opens no clause is left
	if capsRecital("IWC members are invited") {
		t.Error("capsRecital took an acronym for an opener")
	}
}
