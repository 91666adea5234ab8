package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// phrases returns the opening phrases of a decision's paragraphs.
func phrases(d accord.Decision) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Phrase)
	}
	return out
}

// citedOf returns the symbols of cited decisions as cited.
func citedOf(refs []accord.DecisionRef) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Cited)
	}
	return out
}

// TestLeadFormulaOnOneLine holds that a resolution run onto one line with
// its recitals before a lead formula ("…; NOW THEREFORE the Commission;
// URGES …") is cut into its recitals and paragraphs.
func TestLeadFormulaOnOneLine(t *testing.T) {
	d := parseOne(t, "Resolution on the monitoring of strandings\n"+
		"NOTING that strandings of small cetaceans have increased along several coasts; "+
		"CONSIDERING that the causes of such strandings are poorly understood; "+
		"NOW THEREFORE the Commission; ENCOURAGES member governments to share their stranding records with the Scientific Committee; "+
		"REQUESTS the Secretariat to compile the records received before the next Annual Meeting.\n")
	if len(d.Preamble) != 2 || len(d.Paragraphs) != 2 || d.Paragraphs[0].Phrase != "ENCOURAGES" || d.Paragraphs[1].Phrase != "REQUESTS" {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 2 recitals, ENCOURAGES and REQUESTS", len(d.Preamble), len(d.Paragraphs))
	}
}

// TestRecordFieldClause holds that a database record whose only decision
// text is one operative clause, given as the value of a field below its
// label, is one decision with that paragraph.
func TestRecordFieldClause(t *testing.T) {
	d := parseOne(t, "Record Number\nR-0193\nTitle\nR-0193 Resolution on gear marking\nText\n"+
		"URGES all member governments to mark fishing gear so that entanglements can be traced to their source;\n"+
		"Status\nAdopted by consensus\n")
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "URGES" {
		t.Errorf("Parse = %d paragraphs; want one opening URGES", len(d.Paragraphs))
	}
	for _, text := range []string{"Adopts a new logo.", "Menu\nHome\nAbout\n"} {
		if ds := Parse(text, Options{}).Decisions; len(ds) != 0 {
			t.Errorf("Parse(%q) found %d decisions, want none", text, len(ds))
		}
	}
}

// TestRecordRunTogether holds that a database record printed on one line,
// its fields run together, gives the decision its symbol from the field
// that holds it, and that clauses glued by a semicolon without a space or
// numbered right after a formula without its comma are cut apart.
func TestRecordRunTogether(t *testing.T) {
	const fields = "Notice about this portal. Water quality monitoring Kind Decision Reference number MOP3/7 Date Jun 2, 2019 Status in force Summary "
	for _, tt := range []struct {
		name, text string
		preamble   int
		numbers    []string
	}{
		{"glued semicolons", fields + "The Meeting of the Parties Recalling its decision MOP2/5 on monitoring;Noting the report of the working group;" +
			"Welcomes the progress made by the expert group;Requests the Parties to report on their monitoring programmes", 2, []string{"", ""}},
		{"numbered after the formula", fields + "The Meeting of the Parties 1. Noting the report of the working group, requests the secretariat to publish it; " +
			"2. Invites Parties to share their data with the secretariat on a regular basis; 3. Decides to review the matter at its next meeting.", 0, []string{"1", "2", "3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if d.Symbol != "MOP3/7" || len(d.Preamble) != tt.preamble || !slices.Equal(numbers(d), tt.numbers) {
				t.Errorf("Parse = %q, %d recitals, paragraphs %q; want MOP3/7, %d, %q", d.Symbol, len(d.Preamble), numbers(d), tt.preamble, tt.numbers)
			}
		})
	}
	for _, tt := range []struct{ text, want string }{
		{"Type Décision Numéro de référence C4 - DEC.2 Date 2020", "C4 - DEC.2"},
		{"Document number\nAB-12/3\n", "AB-12/3"},
		{"Reference number of the Party's report", ""},
		{"Symbol of the Convention is a tree", ""},
	} {
		if got := labelledSymbol(tt.text); got != tt.want {
			t.Errorf("labelledSymbol(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRecitalOwnList holds that labelled items below a recital ending on
// a colon are part of that recital, and that a body's past-tense verb in
// a recital's that-clause reports no decision.
func TestRecitalOwnList(t *testing.T) {
	d := parseOne(t, "Resolution 2030-2\n\nRECALLING that the Technical Committee agreed in 2028 that the estimates were uncertain;\n\n"+
		"NOTING the request that the Committee provide at its next meeting:\n\n(i) a list of possible causes of the decline;\n"+
		"(ii) an estimate of its extent;\n\nFURTHER NOTING the report of the Committee;\n\nNOW, THEREFORE, THE COMMISSION:\n\n"+
		"REQUESTS the Committee to complete its review.\n")
	if len(d.Preamble) != 3 || len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "REQUESTS" {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 3 recitals and one paragraph REQUESTS", len(d.Preamble), len(d.Paragraphs))
	}
	if got, _ := documentSymbols("the report IWC/71/12 and UNEP/EA.5/3"); !slices.Equal(got, []string{"UNEP/EA.5/3"}) {
		t.Errorf("documentSymbols = %q, want only the UN document", got)
	}
}

// TestNamedSymbolHeadings holds that a heading opening with a symbol that
// carries its keyword (and the body's name) heads a decision under that
// symbol, also after a web page's label, and that a recital leading in
// to bullets keeps them.
func TestNamedSymbolHeadings(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"HELCOM Recommendation 31E/2\n\nAdopted 4 March 2010\n\nRECALLING Article 6 of the Convention,\n\n" +
			"NOTING that the following terms apply:\n\n• Sludge: the residue of treatment,\n\n• Effluent: treated wastewater,\n\n" +
			"RECOMMENDS to the Governments of the Contracting Parties to report on sludge.\n", "HELCOM Recommendation 31E/2"},
		{"OSPAR Commission Agreement 2014-07\n\nGuidelines for monitoring litter\n\nPreamble\n\n1. RECALLING the Convention,\n\n" +
			"2. NOTING the report on litter,\n\n3. AGREES to use the guidelines.\n", "Agreement 2014-07"},
	} {
		d := parseOne(t, tt.text)
		if d.Symbol != tt.want || len(d.Preamble) != 2 || len(d.Paragraphs) != 1 {
			t.Errorf("Parse = %q, %d recitals, %d paragraphs; want %q, 2, 1", d.Symbol, len(d.Preamble), len(d.Paragraphs), tt.want)
		}
	}
	// a web page's label before the symbol, as a field or a label line
	for _, l := range []string{"Decision number: HELCOM Recommendation 31E/2", "Recommendation HELCOM Recommendation 31E/2", "MOP 2 Decision HELCOM Recommendation 31E/2"} {
		d := parseOne(t, l+"\nAdopted 4 March 2010\nRECALLING Article 6 of the Convention,\nNOTING the report on sludge,\n"+
			"RECOMMENDS to the Governments of the Contracting Parties to report on sludge.\n")
		if d.Symbol != "HELCOM Recommendation 31E/2" || len(d.Preamble) != 2 {
			t.Errorf("Parse(%q …) = %q, %d recitals; want HELCOM Recommendation 31E/2, 2", l, d.Symbol, len(d.Preamble))
		}
	}
	if _, _, ok := namedHeading("Agreement 2014-07 was adopted by the Commission and asks the Parties to report on it every year."); ok {
		t.Errorf("namedHeading(sentence citing an agreement) = true, want false")
	}
}

// TestPreambleQuotedAlone holds that a page quoting only a resolution's
// preamble, run into one line after its title and running header, gives
// one decision with those recitals, and that the resolution's own
// document symbol in that header is not one it cites.
func TestPreambleQuotedAlone(t *testing.T) {
	d := parseOne(t, "Oceans and the law of the sea A/RES/81/77 Welcoming the work of the regional fisheries bodies, "+
		"Noting with concern the decline of several fish stocks, Committed to the conservation of marine living resources, "+
		"Recognizing the contribution of the Informal Consultative Process, in accordance with resolution 54/33, "+
		"Reaffirming the importance of capacity-building\n")
	if len(d.Preamble) != 5 || len(d.Paragraphs) != 0 {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 5, 0", len(d.Preamble), len(d.Paragraphs))
	}
	if len(d.References.Documents) != 0 {
		t.Errorf("References.Documents = %q, want none", d.References.Documents)
	}
	// two capitalized participles after commas are a sentence, not a preamble
	if ds := Parse("The workshop discussed many topics, Including the agenda, Regarding the venue and the budget of the next session and other matters of interest to the participants present.", Options{}).Decisions; len(ds) != 0 {
		t.Errorf("Parse(sentence) found %d decisions, want none", len(ds))
	}
}

// TestNumberedPreambleOnOneLine holds that numbered recitals run into one
// line after a page's heading give a decision with those recitals, named
// by a symbol that carries its keyword anywhere in the heading.
func TestNumberedPreambleOnOneLine(t *testing.T) {
	d := parseOne(t, "2 of 14 OSPAR Commission Agreement 2016-04 Guidelines on dredged material Preamble "+
		"1. RECALLING Annex II of the Convention; 2. NOTING the need for common guidance on the matter; "+
		"3. CONSIDERING the work of the Environmental Impacts of Human Activities Committee; 4. RECOGNISING that")
	if d.Symbol != "Agreement 2016-04" || len(d.Preamble) != 4 {
		t.Errorf("Parse = %q, %d recitals; want Agreement 2016-04, 4", d.Symbol, len(d.Preamble))
	}
}

// TestDashRecitals holds that dash-led clauses under a formula are
// recitals until the first operative phrase, whether they open with a
// participle, an adjective or other words in capitals.
func TestDashRecitals(t *testing.T) {
	d := parseOne(t, "Resolution on gear entanglement\n\nThe International Whaling Commission\n\n"+
		"- CONCERNED about the number of whales entangled in fishing gear\n\n"+
		"- NOTING the work of the entanglement response network\n\n"+
		"- IN ORDER TO reduce the suffering of entangled animals\n\n"+
		"- ENCOURAGES member governments to support the network\n\n- DECIDES to review progress at its next meeting\n")
	if len(d.Preamble) != 3 || len(d.Paragraphs) != 2 || d.Paragraphs[0].Phrase != "ENCOURAGES" {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 3, 2 opening ENCOURAGES", len(d.Preamble), len(d.Paragraphs))
	}
	if dashRecital("URGE the Contracting Parties to report") {
		t.Errorf("dashRecital(URGE …) = true, want false: a verb in its base form asks")
	}
}

// TestGluedBullets holds that bullets glued to the verb they lead are
// paragraphs, that a bulleted paragraph may open with a verb in its base
// form, that "submits" joins a coordinated phrase, and that a hyphen glued
// to a word in lower case leads nothing.
func TestGluedBullets(t *testing.T) {
	d := parseOne(t, "The Compliance Committee\n\n-Recommends and submits the draft guidance to the Meeting of the Parties;\n\n"+
		"-Encourage the Parties to test the guidance;\n\n•Requests the Secretariat to publish the guidance\n-based on the comments received;\n")
	if want := []string{"Recommends and submits", "Encourage", "Requests"}; !slices.Equal(phrases(d), want) {
		t.Errorf("Parse = phrases %q, want %q", phrases(d), want)
	}
}

// TestCapsTitleAfterOperative holds that a title in capitals followed by
// recitals after an operative part opens the next decision of a listing,
// even when a status line runs into it, and that a title in capitals does
// not by itself split a decision.
func TestCapsTitleAfterOperative(t *testing.T) {
	ds := parseAll(t, "Resolution 2031-1\nRESOLUTION ON BYCATCH\nTHE COMMISSION:\nURGES Contracting Governments to report bycatch.\n\n"+
		"Adopted\nRESOLUTION ON STRANDING NETWORKS AND\nTHEIR FUNDING\n\nNOTING the work of national stranding networks;\n\n"+
		"RECOGNISING their need for stable funding;\n\nNOW THEREFORE THE COMMISSION:\nENCOURAGES governments to fund stranding networks.\n")
	if len(ds) != 2 || len(ds[1].Preamble) != 2 || !strings.HasPrefix(ds[1].Title, "RESOLUTION ON STRANDING") {
		t.Fatalf("Parse found %d decisions; want 2, the second titled RESOLUTION ON STRANDING … with 2 recitals", len(ds))
	}
}

// TestHeritageSymbols holds that the decisions of UNESCO's heritage
// committees are read where a page labels them and where a decision cites
// them, and that UNESCO's and other non-UN document codes are not UN
// documents.
func TestHeritageSymbols(t *testing.T) {
	d := parseOne(t, "Decision of the Intergovernmental Committee: 14.COM 7.B\n\nThe Committee,\n\n"+
		"1. Having examined document ITH/19/14.COM/7.B,\n\n2. Recalling Decision 13.COM 5.a.1 and Resolution 7.GA 8,\n\n"+
		"3. Requests the Secretariat to report on the matter.\n")
	if d.Symbol != "14.COM 7.B" {
		t.Errorf("Symbol = %q, want 14.COM 7.B", d.Symbol)
	}
	cited := citedOf(d.References.Decisions)
	if want := []string{"13.COM 5.a.1", "7.GA 8"}; !slices.Equal(cited, want) {
		t.Errorf("References.Decisions = %q, want %q", cited, want)
	}
	if len(d.References.Documents) != 0 {
		t.Errorf("References.Documents = %q, want none", d.References.Documents)
	}
	got := citedOf(decisionRefs("Recalling Decisions 36 COM 7B.12 and 38 COM 8B.4, and decision 7 EXT. COM 4,", ""))
	if want := []string{"36 COM 7B.12", "38 COM 8B.4", "7 EXT. COM 4"}; !slices.Equal(got, want) {
		t.Errorf("decisionRefs = %q, want %q", got, want)
	}
	if docs, _ := documentSymbols("documents KCI/2022/5/3, CC/COP7/DOC4 and UNEP/CC/COP7/DOC5"); !slices.Equal(docs, []string{"UNEP/CC/COP7/DOC5"}) {
		t.Errorf("documentSymbols = %q, want only UNEP/CC/COP7/DOC5", docs)
	}
}

// TestSymbolFromDocumentHeader holds that a decision printed alone under
// its document's header takes its symbol from the header's decision
// document, and cites neither.
func TestSymbolFromDocumentHeader(t *testing.T) {
	d := parseOne(t, "Download the document\n\n1 CBD Distr. GENERAL UNEP/CBD/COP/DEC/XV/9 19 December 2022 ORIGINAL: ENGLISH CONFERENCE OF THE PARTIES\n"+
		"The Conference of the Parties\n1. Invites Parties to report on their progress;\n2. Requests the Executive Secretary to compile the reports.\n")
	if d.Symbol != "XV/9" || len(d.References.Decisions) != 0 || len(d.References.Documents) != 0 {
		t.Errorf("Parse = %q, cites %v %q; want XV/9 citing nothing", d.Symbol, d.References.Decisions, d.References.Documents)
	}
}

// TestPageNumberBeforeHeading holds that a page number printed before a
// decision's heading does not make the heading a footnote, and that a
// note citing a decision stays a note.
func TestPageNumberBeforeHeading(t *testing.T) {
	d := parseOne(t, "1 Decisions adopted at the session Decision No. Title 31/1 Rules 31/2 Budget\n\n"+
		"2 Decision 31/1: Rules of procedure of the Council\nThe Governing Council,\nAdopts its rules of procedure set out below.\n")
	if d.Symbol != "31/1" || d.Title != "Rules of procedure of the Council" {
		t.Errorf("Parse = %q %q, want 31/1 and its title", d.Symbol, d.Title)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Decision 4/CP.21: Title of the decision", true},
		{"Decision 1/CP.21, paragraph 5.", false},
		{"Decision 2/CMA.3, annex.", false},
	} {
		if got := pageNumberedHeading(tt.text); got != tt.want {
			t.Errorf("pageNumberedHeading(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestRecitalsBeforeFormula holds that recitals printed before the
// formula are pulled into the decision whatever they end on (", and",
// "; and") and however "Also" is punctuated, and that a line in brackets
// of its own above them ends its block.
func TestRecitalsBeforeFormula(t *testing.T) {
	d := parseOne(t, "Resolution on the Council\n(Prepared by the Working Group)\nAware of the establishment of the Council by Resolution 2.4;\n"+
		"Also, recalling Resolutions 5.1 and 6.2 on its functions;\nRecalling the review of its working practice; and\n"+
		"Welcoming the options prepared by the Secretariat;\nThe Conference of the Parties\n- Decides that the Council shall meet every year;\n")
	if len(d.Preamble) != 4 {
		t.Errorf("Parse = %d recitals, want 4", len(d.Preamble))
	}
	cited := citedOf(d.References.Decisions)
	if want := []string{"Resolution 2.4", "Resolution 5.1", "Resolution 6.2"}; !slices.Equal(cited, want) {
		t.Errorf("References.Decisions = %q, want %q", cited, want)
	}
}

// TestGluedCellSymbols holds that a symbol glued to the sentence of a
// table cell before it and to the next cell after it is cited, and that
// a symbol inside a longer one is not cited twice.
func TestGluedCellSymbols(t *testing.T) {
	got := citedOf(decisionRefs("Monitor the centres.RC-9/4High Review the Ex.IV/2 report.", ""))
	if want := []string{"RC-9/4", "Ex.IV/2"}; !slices.Equal(got, want) {
		t.Errorf("decisionRefs = %q, want %q", got, want)
	}
}

// TestListItemOwnKeyword holds that an item of a list of cited decisions
// that carries a keyword of its own is cited by it, and the items after it
// too.
func TestListItemOwnKeyword(t *testing.T) {
	got := citedOf(decisionRefs("Recalling decisions 15.21 and 16.3, Resolution 2018-2 and 2019-4,", ""))
	if want := []string{"Decision 15.21", "Decision 16.3", "Resolution 2018-2", "Resolution 2019-4"}; !slices.Equal(got, want) {
		t.Errorf("decisionRefs = %q, want %q", got, want)
	}
}

// TestRegionalSeasSymbols holds that decisions of the Barcelona, Nairobi
// and Abidjan Conventions and resolutions numbered by year head decisions
// and are cited, and that instruments are not guessed from "Contracting
// Parties" alone.
func TestRegionalSeasSymbols(t *testing.T) {
	for _, tt := range []struct{ heading, want string }{
		{"Decision IG.26/4: Marine litter", "IG.26/4"},
		{"IG.26/5. Offshore protocol", "IG.26/5"},
		{"Decision CP.11/3: Mangroves", "CP.11/3"},
		{"Resolution 5/2031: Farmers' rights", "Resolution 5/2031"},
	} {
		d := parseOne(t, tt.heading+"\n\nThe Meeting of the Contracting Parties,\n\n"+
			"Recalling decision IG.25/1, decision CP.10/4 and Resolution 2/2029,\n\n1. Requests the Contracting Parties to report.\n")
		cited := citedOf(d.References.Decisions)
		if d.Symbol != tt.want || !slices.Equal(cited, []string{"IG.25/1", "CP.10/4", "2/2029"}) || d.Instrument == "ramsar" {
			t.Errorf("Parse(%q) = %q citing %q (instrument %q); want %q citing IG.25/1, CP.10/4, 2/2029", tt.heading, d.Symbol, cited, d.Instrument, tt.want)
		}
	}
}

// TestGluedItemLetters holds that item letters with a closing bracket
// only, glued to their text ("a)to prepare"), are items.
func TestGluedItemLetters(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n\n1. Requests the secretariat:\na)to prepare a report;\nb)the compilation of views;\nc) to organize a workshop;\n\n2. Invites Parties to submit views.\n")
	if len(d.Paragraphs) != 2 || len(d.Paragraphs[0].Items) != 3 {
		t.Errorf("Parse = %d paragraphs; want 2, the first with 3 items", len(d.Paragraphs))
	}
}

// TestRecordAbstractClauses holds that a repository record abstracting a
// decision as clauses in the base form, separated by semicolons after the
// record's heading and date, gives one decision with a paragraph per
// clause, and that a single such clause or a heading does not.
func TestRecordAbstractClauses(t *testing.T) {
	d := parseOne(t, "DECISION OF THE MEETING - Ninth Meeting of the Parties; Marine litter\nSECRETARIAT (03/04/2031)\n"+
		"Urge the Parties to report on marine litter; Request the Secretariat to compile the reports; Invite partners to support the work.")
	if want := []string{"Urge", "Request", "Invite"}; !slices.Equal(phrases(d), want) {
		t.Errorf("Parse = phrases %q, want %q", phrases(d), want)
	}
	for _, text := range []string{"Adopt a wetland; it needs you.", "Request a quote; Support our work"} {
		if ds := Parse(text, Options{}).Decisions; len(ds) != 0 {
			t.Errorf("Parse(%q) found %d decisions, want none", text, len(ds))
		}
	}
}

// TestRecitalWrappedBeforeQuotedTitle holds that a recital wrapped right
// before a quoted title that opens with a participle ("entitled" /
// "“Transforming our world …”") stays one recital.
func TestRecitalWrappedBeforeQuotedTitle(t *testing.T) {
	d := parseOne(t, "The Environment Assembly,\nRecalling General Assembly resolution 77/1 of 1 October 2030, entitled\n"+
		"“Building a resilient future: the next Agenda”,\nNoting the report of the Executive Director,\n1. Requests the Executive Director to report.\n")
	if len(d.Preamble) != 2 {
		t.Errorf("Parse = %d recitals, want 2", len(d.Preamble))
	}
}

// TestLabelledDecisionDocument holds that a record's field giving the
// decision's document symbol names the decision, which cites neither.
func TestLabelledDecisionDocument(t *testing.T) {
	d := parseOne(t, "Symbol: UNEP/CBD/COP/DEC/XVI/3\n\nThe Conference of the Parties,\n\nRecalling decision XV/4,\n\n1. Requests the Executive Secretary to report.\n")
	if d.Symbol != "XVI/3" || d.Title != "" || len(d.References.Documents) != 0 {
		t.Errorf("Parse = %q titled %q citing %q; want XVI/3, no title, no document", d.Symbol, d.Title, d.References.Documents)
	}
}

// TestPlainPageLayouts holds that pages giving a decision without the
// usual marks are read: operative verbs in lower case under a formula
// without its comma, paragraphs numbered "1)", a body's reported decision
// alone.
func TestPlainPageLayouts(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		phrases    []string
		numbers    []string
	}{
		{"lower-case verbs", "Full text\nThe Meeting of the Parties\ndecides to adopt the budget for 2031-2032 as set out in the annex;\n" +
			"requests the secretariat to report on its implementation.\n", []string{"decides", "requests"}, []string{"", ""}},
		{"numbers with a bracket", "Decision text\n1) Welcomes the report of the Committee;\n2) Requests the secretariat to publish it on the website.\n",
			[]string{"Welcomes", "Requests"}, []string{"1", "2"}},
		{"reported decision alone", "Adopted text:\nThe Commission agreed to establish a working group on bycatch to report to its next annual meeting.\n",
			[]string{"agreed"}, []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if !slices.Equal(phrases(d), tt.phrases) || !slices.Equal(numbers(d), tt.numbers) {
				t.Errorf("Parse = phrases %q numbers %q, want %q %q", phrases(d), numbers(d), tt.phrases, tt.numbers)
			}
		})
	}
}

// TestHeadingsCiteNothing holds that decision headings above a decision
// (a list of contents, its own heading) are not decisions it cites.
func TestHeadingsCiteNothing(t *testing.T) {
	d := parseOne(t, "Contents\nDecision COP9/17\nBudget\nDecision COP9/18\nVenue of the next meeting\n\n"+
		"The Conference of the Parties\nRecalling its decision COP8/4,\n1. Requests the Secretariat to report.\n")
	cited := citedOf(d.References.Decisions)
	if !slices.Equal(cited, []string{"COP8/4"}) {
		t.Errorf("References.Decisions = %q, want [COP8/4]", cited)
	}
}

// TestKeywordDocumentSymbols holds that a document symbol ending on a
// keyword takes the number after it, as CMS publishes its texts.
func TestKeywordDocumentSymbols(t *testing.T) {
	got, _ := documentSymbols("as set out in UNEP/CMS/Resolution 13.4 (Rev.COP14) and UNEP/CMS/Decision 14.21, and UNEP/CMS/COP14/Doc.5;")
	if want := []string{"UNEP/CMS/Resolution 13.4 (Rev.COP14)", "UNEP/CMS/Decision 14.21", "UNEP/CMS/COP14/Doc.5"}; !slices.Equal(got, want) {
		t.Errorf("documentSymbols = %q, want %q", got, want)
	}
}

// TestBracketedCitationList holds that year-numbered resolutions listed
// in brackets after the words that say which are cited as printed, and
// that brackets after the clause ends, or holding other words, are not.
func TestBracketedCitationList(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"RECALLING its resolutions on bycatch adopted by the Commission (2011-3, 2012-4 and 2014-1);", []string{"2011-3", "2012-4", "2014-1"}},
		{"RECALLING its resolutions on bycatch. The Commission (2011-3) met;", nil},
		{"RECALLING its resolutions on bycatch (see the report, 2011-3);", nil},
	} {
		got := citedOf(decisionRefs(tt.text, ""))
		if !slices.Equal(got, tt.want) {
			t.Errorf("decisionRefs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRunInItems holds that items a page runs into their paragraph, the
// first after the chapeau's colon and each next after a semicolon, are
// the paragraph's items, and that a lone "(a)" after a colon is text.
func TestRunInItems(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n\n1.Encourages Parties to use the following in their\nefforts to respond: (a)Decisions taken under\nArticle 18; (b)The guidance on risk\nassessment; and (c) Other relevant material;\n"+
		"2.Requests the Secretariat to compile the information referred to in: (a) above.\n")
	if !slices.Equal(numbers(d), []string{"1", "2"}) || len(d.Paragraphs[0].Items) != 3 || len(d.Paragraphs[1].Items) != 0 {
		t.Errorf("Parse = paragraphs %q; want [1 2], three items under 1 and none under 2", numbers(d))
	}
}

// TestQuotedAmendment holds that text quoted after a paragraph ending on
// a colon (a rule as amended) is that paragraph's, and that "to change"
// opens an operative phrase.
func TestQuotedAmendment(t *testing.T) {
	d := parseOne(t, "Decision IX/9: Rules of procedure\n\nThe Ninth Meeting of the Parties decided in Dec. IX/9 to change rule 4 of the rules of procedure to read:\n\n"+
		"\"4. The Bureau shall consist of a President, three Vice-Presidents and a Rapporteur.\"\n")
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "to change" {
		t.Errorf("Parse = %d paragraphs; want one opening \"to change\"", len(d.Paragraphs))
	}
}

// TestOneLineSentenceEnds holds that a recital ending on a full stop in a
// decision run onto one line is cut from the next, and that an
// abbreviation's full stop cuts nothing.
func TestOneLineSentenceEnds(t *testing.T) {
	d := parseOne(t, "The Conference: Recalling Article 4 of the Convention on the regional centres ; Recognising the expertise available under the Convention. "+
		"Further recognising the role of the regional centres, e.g. Taking stock of their work. Hereby: 1. Encourages the Secretariat to strengthen its collaboration. "+
		"2. Adopts the principle that designated centres are designated for the Convention.")
	if len(d.Preamble) != 3 || !slices.Equal(numbers(d), []string{"1", "2"}) {
		t.Errorf("Parse = %d recitals, paragraphs %q; want 3, [1 2]", len(d.Preamble), numbers(d))
	}
}

// TestAntarcticAndIMOSymbols holds that measures and resolutions of the
// Antarctic Treaty Consultative Meeting and resolutions of IMO committees
// head decisions and are cited, and that a formula naming its body in the
// plural takes verbs in the base form.
func TestAntarcticAndIMOSymbols(t *testing.T) {
	d := parseOne(t, "Measure 7 (2031)\n\nManagement plan for a protected area\n\nThe Representatives,\n\nRecalling Resolution 3 (2025),\n\n"+
		"Recommend to their Governments to approve the revised management plan.\n")
	if d.Symbol != "Measure 7 (2031)" || !slices.Equal(phrases(d), []string{"Recommend"}) || !slices.Equal(citedOf(d.References.Decisions), []string{"Resolution 3 (2025)"}) {
		t.Errorf("Parse = %q, phrases %q, citing %q; want Measure 7 (2031), [Recommend], [Resolution 3 (2025)]", d.Symbol, phrases(d), citedOf(d.References.Decisions))
	}
	d = parseOne(t, "Resolution MEPC.401(83)\nAmendments to the guidelines\n\nThe Marine Environment Protection Committee,\n\nRecalling resolution MEPC.328(76),\n\n"+
		"1. Adopts the amendments to the guidelines;\n2. Requests the Secretary-General to circulate them.\n")
	if d.Symbol != "Resolution MEPC.401(83)" || !slices.Equal(citedOf(d.References.Decisions), []string{"MEPC.328(76)"}) {
		t.Errorf("Parse = %q citing %q; want Resolution MEPC.401(83) citing MEPC.328(76)", d.Symbol, citedOf(d.References.Decisions))
	}
	for _, tt := range []struct {
		formula string
		want    bool
	}{{"The Representatives,", true}, {"The Contracting Parties,", true}, {"The Conference of the Parties,", false}, {"The Meeting of the Parties,", false}, {"The Commission,", false}} {
		if got := pluralFormula(tt.formula); got != tt.want {
			t.Errorf("pluralFormula(%q) = %v, want %v", tt.formula, got, tt.want)
		}
	}
}

// TestPassiveChapeauNoFormula holds that a body asked in the passive over
// items ("The Scientific Council is requested to:") is a paragraph with
// its items, not an enacting formula.
func TestPassiveChapeauNoFormula(t *testing.T) {
	d := parseOne(t, "Decision 21.7: Review of the list\n\nThe Scientific Council is requested to:\n\n(a) review the list;\n\n(b) report at the next meeting.\n")
	if d.Formula != "" || len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
		t.Errorf("Parse = formula %q, %d paragraphs; want no formula, one paragraph with 2 items", d.Formula, len(d.Paragraphs))
	}
}

// TestPastFormulaOverNumbers holds that a formula in the past tense over
// numbered paragraphs ("The Thirtieth Meeting of the Parties decided:")
// is the formula, and the numbered infinitives the paragraphs.
func TestPastFormulaOverNumbers(t *testing.T) {
	d := parseOne(t, "Decision XL/5: Assessment panels\n\nThe Fortieth Meeting of the Parties decided:\n\n"+
		"1. To welcome the report of the Panel and to request it to update the assessment by 2040;\n\n2. To note with appreciation the work of the Panel;\n")
	if d.Formula == "" || !slices.Equal(numbers(d), []string{"1", "2"}) {
		t.Errorf("Parse = formula %q, paragraphs %q; want the formula and [1 2]", d.Formula, numbers(d))
	}
	d = parseOne(t, "Decision VC XI/4: Research\n\nThe Conference of the Parties, in Decision VC XI/4 of its Eleventh Meeting, decided to note the outcome of the meeting of the Ozone Research Managers, and:\n\n"+
		"  1. To recommend that research continue;\n  2. To request the Secretariat to collect information.\n")
	if !slices.Equal(numbers(d), []string{"1", "2"}) {
		t.Errorf("Parse = paragraphs %q; want [1 2], the run-in lead-in part of the formula", numbers(d))
	}
}

// TestMarkdownTableRows holds that rows of a markdown table listing
// decisions (symbol | title | text) give a decision each, as rows whose
// cells are separated by tabs do.
func TestMarkdownTableRows(t *testing.T) {
	ds := parseAll(t, "| Symbol | Title | Text |\n|---|---|---|\n"+
		"| 7/CP.31 | Gender and climate change | Requests the secretariat to prepare a synthesis report on gender balance. |\n"+
		"| 8/CP.31 | Research | Encourages Parties to enhance systematic observation. |\n")
	if len(ds) != 2 || ds[0].Symbol != "7/CP.31" || ds[1].Title != "Research" || len(ds[1].Paragraphs) != 1 {
		t.Fatalf("Parse found %d decisions; want 7/CP.31 and 8/CP.31 titled Research, each with its paragraph", len(ds))
	}
}

// TestGluedTitle holds that a heading a web page glues to its title with
// a dot ("17 COM 9C.4.Management of …") is cut into its symbol and its
// title, and that a dot inside a symbol, a section number or a heading
// read whole as it stands is left alone.
func TestGluedTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"17 COM 9C.4.Management of the reef", "17 COM 9C.4\nManagement of the reef"},
		{"Resolution Conf. 12.7 (Rev. CoP18).Trade in birds of prey", "Resolution Conf. 12.7 (Rev. CoP18)\nTrade in birds of prey"},
		{"HELCOM Recommendation 31E/2.Reducing nutrient inputs from ships", "HELCOM Recommendation 31E/2\nReducing nutrient inputs from ships"},
		{"COP 4 Resolution Conf. 8.3.Ranching of crocodiles", "COP 4 Resolution Conf. 8.3\nRanching of crocodiles"},
		// a symbol whole, its last part in capitals or a capital alone
		{"10.COM 4.BUR 2", "10.COM 4.BUR 2"},
		{"7.COM 11.F", "7.COM 11.F"},
		{"6.COM 2.BUR 4.BUDGET OF THE BUREAU", "6.COM 2.BUR 4.BUDGET OF THE BUREAU"},
		// read with its title as it stands
		{"Decision 14.22.Marine turtles", "Decision 14.22.Marine turtles"},
		{"IV/12.Budget of the trust fund", "IV/12.Budget of the trust fund"},
		// no heading before the dot
		{"2.1.Background to the review", "2.1.Background to the review"},
		{"3/12.Budget", "3/12.Budget"},
		{"Recalling decision 5/COP.9.The Parties agreed", "Recalling decision 5/COP.9.The Parties agreed"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	d := parseOne(t, "Home › Decisions › Committee\n17 COM 9C.4.Management of the reef\nThe World Heritage Committee,\n"+
		"1. Having examined Document WHC-25/17.COM/9C,\n2. Requests the State Party to report on the reef by 1 February 2027.\n")
	if d.Symbol != "17 COM 9C.4" || d.Title != "Management of the reef" {
		t.Errorf("Symbol, Title = %q, %q, want 17 COM 9C.4, Management of the reef", d.Symbol, d.Title)
	}
	if len(d.References.Decisions) != 0 {
		t.Errorf("References.Decisions = %q, want none", citedOf(d.References.Decisions))
	}
}

// TestBareFormulaUnderTitle holds that a formula printed without "The"
// on the line below a heading's title ("Omnibus decision" / "World
// Heritage Committee,"), with no blank line between them as a web page
// gives them, is read as the formula, and an operative paragraph there
// as a paragraph; a sentence wrapped below a heading that ends on a
// body's name is not.
func TestBareFormulaUnderTitle(t *testing.T) {
	d := parseOne(t, "18 COM 7A.12\nOmnibus decision\nWorld Heritage Committee,\n"+
		"1. Having examined Document WHC-26/18.COM/7A,\n2. Recalling its earlier decisions on the property,\n"+
		"3. Requests the State Party to submit a report on the state of conservation of the property.\n")
	if d.Symbol != "18 COM 7A.12" || d.Title != "Omnibus decision" || d.Formula != "World Heritage Committee," {
		t.Errorf("Symbol, Title, Formula = %q, %q, %q, want 18 COM 7A.12, Omnibus decision, World Heritage Committee,", d.Symbol, d.Title, d.Formula)
	}
	if len(d.Preamble) != 2 {
		t.Errorf("Preamble = %d recitals, want 2", len(d.Preamble))
	}
	d = parseOne(t, "Decision number: Ex.IV/2\nFunding of the assessment panels\n"+
		"To request the Secretariat to report on the funding of the panels to the next meeting of the Parties.\n")
	if d.Title != "Funding of the assessment panels" || len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "To request" {
		t.Errorf("Title, Paragraphs = %q, %d (%q), want Funding of the assessment panels, 1 (To request)", d.Title, len(d.Paragraphs), phrases(d))
	}
	d = parseOne(t, "Decision 15.8\nBefore its next meeting, the Scientific\nCouncil should:\n"+
		"a) review the list of species;\nb) report to the Standing Committee.\n")
	if d.Formula != "" {
		t.Errorf("Formula = %q, want none", d.Formula)
	}
}

// TestReportBelowList holds that a body's report of its decision ("The
// Committee selected …") below a list of names printed line by line,
// with no blank line between them, is a paragraph of its own.
func TestReportBelowList(t *testing.T) {
	d := parseOne(t, "Decision SC51-7: The Standing Committee agreed to appoint the following members of the panel:\n"+
		"Africa: Dr Amina Diallo (Senegal), Mr Kofi Mensah (Ghana) and Prof Lerato Dlamini (Eswatini)\n"+
		"Asia: Dr Li Wen (China), Ms Priya Raman (India) and Mr Tomas Reyes (Philippines)\n"+
		"Europe: Mr Jan Novak (Czech Republic), Dr Ana Sousa (Portugal) and Prof Erik Lund (Norway)\n"+
		"Neotropics: Dr Lucia Ferreyra (Argentina) and Mr Diego Salas (Peru)\n"+
		"Oceania: Dr Grace Tamata (Fiji) and Ms Ruth Kerr (New Zealand)\n"+
		"The Standing Committee selected Dr Amina Diallo to serve as Chair of the panel.\n")
	if got := phrases(d); len(got) != 2 || got[1] != "selected" {
		t.Errorf("phrases = %q, want [agreed selected]", got)
	}
}

// TestPageParagraphLines holds that a page giving each paragraph on a
// line of its own, with no blank line between them, keeps a recital
// whole on its line apart from the labels above it, and a numbered
// paragraph apart from the mark of text left out ("[...]") above it.
func TestPageParagraphLines(t *testing.T) {
	d := parseOne(t, "Decision\n7/COP.16\nLand tenure\nTags\nEvent\nCOP.16\n"+
		"Recalling that, in pursuing its goals, the Convention also serves land tenure,\n[...]\n"+
		"3. Invites Parties to report on land tenure at the next session.\n")
	if len(d.Preamble) != 1 || len(d.Paragraphs) != 1 || d.Paragraphs[0].Number != "3" {
		t.Errorf("Parse = %d recitals, %d paragraphs (%q); want 1, 1 (Invites, numbered 3)", len(d.Preamble), len(d.Paragraphs), phrases(d))
	}
	for _, l := range []string{"[...]", "[…]"} {
		if !endsClause(l) {
			t.Errorf("endsClause(%q) = false, want true", l)
		}
	}
}

// TestUnwrappedPageItems holds that on a page that gives each paragraph
// its line, dashed recitals in capitals and lettered items without
// punctuation each stand alone, while in a text wrapped at a fixed
// width an item's letter at the start of a line may go on a sentence.
func TestUnwrappedPageItems(t *testing.T) {
	d := parseOne(t, "The Joint Fisheries Commission\n"+
		"- AWARE of the concern expressed by many coastal States about the condition of several stocks of migratory fish in the northern waters of the region and beyond\n"+
		"- CONSCIOUS of the rights of coastal States\n- MINDFUL of the work already done by the scientific committee\n"+
		"- AGREES that the working group should consider:\n(a) the way stocks are reviewed by the scientific committee\n"+
		"(b) mechanisms for taking part in the review\n")
	if len(d.Preamble) != 3 || len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 3, 1 with 2 items", len(d.Preamble), len(d.Paragraphs))
	}
	for l, want := range map[string]bool{"IN A SPIRIT of cooperation": true, "MINDFUL of": true, "A Party may": false, "IN the view": false} {
		if got := capsPhrase(l); got != want {
			t.Errorf("capsPhrase(%q) = %v, want %v", l, got, want)
		}
	}
	d = parseOne(t, "The Joint Fisheries Commission,\n\n1. Requests the working group to review:\n\n"+
		"(a) the reports referred to in the annex to paragraph\n(b) of its earlier decision; and\n\n(b) the budget.\n")
	if len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
		t.Errorf("Parse = %d paragraphs; want 1 with 2 items", len(d.Paragraphs))
	}
}
