package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// wantShape fails the test unless d has as many recitals and operative
// paragraphs as wanted.
func wantShape(t *testing.T, d accord.Decision, recitals, paragraphs int) {
	t.Helper()
	if len(d.Preamble) != recitals || len(d.Paragraphs) != paragraphs {
		t.Errorf("Parse = %d recitals, %d paragraphs; want %d, %d", len(d.Preamble), len(d.Paragraphs), recitals, paragraphs)
	}
}

// holds fails the test for every line on which test f does not give the
// answer wanted.
func holds(t *testing.T, name string, f func(string) bool, want map[string]bool) {
	t.Helper()
	for line, w := range want {
		if got := f(line); got != w {
			t.Errorf("%s(%q) = %v, want %v", name, line, got, w)
		}
	}
}

// The tests of this file hold the rules by which a text wrapped at a
// narrow margin parses as it does on long lines: a line the margin broke
// goes on with the sentence above it, however it opens.

// TestWrappedFormulaSentence holds that a formula ending on its line that
// runs on as a sentence over the next lines ("…, decided to take note of
// the" / "Working Group …") stays one formula, up to the line that ends
// its clause, and does not lose its last words to a paragraph.
func TestWrappedFormulaSentence(t *testing.T) {
	d := parseOne(t, "The Meeting of the Parties, in decision 4/7 of its fourth meeting,\n"+
		"decided to take note of the report of the Technical Expert\n"+
		"Group on Marine Litter (document MOP/4/9) and, in line with its\n"+
		"advice:\n\n"+
		"1. To invite Parties to report on their measures;\n"+
		"2. To request the Secretariat to compile the reports.\n")
	if !strings.Contains(d.Formula, "Group on Marine Litter") || len(d.Paragraphs) != 2 || d.Paragraphs[0].Number != "1" {
		t.Errorf("Parse = formula %q, %d paragraphs; want the formula to the colon, paragraphs 1 and 2", d.Formula, len(d.Paragraphs))
	}
}

// TestWrappedLabelValue holds that the text below a "Decision directed
// to:" label, when it is a sentence wrapped over lines rather than the
// names of bodies, stays one paragraph, while a value of a few words
// still ends at its line.
func TestWrappedLabelValue(t *testing.T) {
	d := parseOne(t, "Decision 31.12 Review of trade in tree ferns\n\nDecision directed to:\n"+
		"In the light of the findings of the review of its funding and the\n"+
		"advice of the Plants Committee on the scope of the review, in particular\n"+
		"Parties that export tree ferns, the Secretariat shall:\n"+
		"a) prepare a draft plan; and\n"+
		"b) report to the Standing Committee.\n")
	if len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
		t.Errorf("Parse = %d paragraphs; want 1 with 2 items", len(d.Paragraphs))
	}
	d = parseOne(t, "Decision 31.13 Review of trade in tree ferns\n\nDecision directed to:\nStanding Committee\n"+
		"The Standing Committee shall consider the plan at its next meeting.\n")
	if len(d.Paragraphs) != 1 || !strings.HasPrefix(d.Paragraphs[0].Text, "The Standing Committee") {
		t.Errorf("Parse = %d paragraphs; want 1 opening with the Standing Committee", len(d.Paragraphs))
	}
}

// TestWrappedRunInNumber holds that the number of a paragraph run on
// after a semicolon, which the margin left at the end of a line ("…;
// 2."), is read with its text on the next line.
func TestWrappedRunInNumber(t *testing.T) {
	d := parseOne(t, "1. Decides to defer the question to its next meeting and to consider it; 2.\n"+
		"Decides also that the note of the Secretariat shall be the basis of its work.\n")
	if want := []string{"Decides", "Decides also"}; !slices.Equal(phrases(d), want) {
		t.Errorf("Parse = phrases %q, want %q", phrases(d), want)
	}
	holds(t, "endsRunInNumber", endsRunInNumber, map[string]bool{
		"of the Convention; 2.":  true,
		"of the Convention; 12.": true,
		"adopted in 2012.":       false,
		"see paragraph 2.":       false,
	})
}

// TestWrappedConjunction holds that a line in lower case after "…, and"
// and any line after a word and "and" go on with the sentence, while
// "…; and" still ends a clause of a list.
func TestWrappedConjunction(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n"+
		"1. Encourages Parties to set up national committees, and\n"+
		"in this regard welcomes the committees already at work;\n"+
		"2. Requests the Secretariat to report on their work.\n")
	if want := []string{"Encourages", "Requests"}; !slices.Equal(phrases(d), want) {
		t.Errorf("Parse = phrases %q, want %q", phrases(d), want)
	}
	for _, tt := range []struct {
		last, next string
		want       bool
	}{
		{"and civil society, and", "in this regard requests the Board", true},
		{"and civil society, and", "Requests the Board", false},
		{"the Strategy Framework Directive and", "RECOGNISING that the Commission", true},
		{"to the Parties; and", "requests the Board", false},
		{"and", "requests the Board", false},
	} {
		if got := joinsOn(tt.last, tt.next); got != tt.want {
			t.Errorf("joinsOn(%q, %q) = %v, want %v", tt.last, tt.next, got, tt.want)
		}
	}
}

// TestWrappedAside holds that a dash's aside wrapped onto lines of its
// own ("– education, training …" / "– to achieving …") goes on with its
// recital, while a dash before an infinitive opens a clause.
func TestWrappedAside(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n"+
		"Reaffirming the importance of the elements of the programme\n"+
		"– education, training and public awareness\n"+
		"– to achieving the objective of the Convention,\n"+
		"Recognizing the work of the observers,\n"+
		"1. Decides to review the programme in 2031.\n")
	wantShape(t, d, 2, 1)
	holds(t, "dashInfinitive", dashInfinitive, map[string]bool{
		"to submit their reports":    true,
		"to achieving the objective": false,
		"towards the goal":           false,
	})
}

// TestWrappedNameInTitleCase holds that a word in "-ing" opening a name
// in title case on a wrapped line ("Training and Public Awareness") opens
// no recital, while participles joined by "and" do.
func TestWrappedNameInTitleCase(t *testing.T) {
	holds(t, "opensRecitalOK", opensRecitalOK, map[string]bool{
		"Training and Public Awareness, to supporting the work": false,
		"Monitoring and Assessment Programme, whose":            false,
		"Welcoming and endorsing the report,":                   true,
		"Noting and Welcoming the report,":                      true,
	})
}

// TestWrappedSymbolList holds that a list of symbols in capitals wrapped
// onto a line ("COM 7B.4, 22 COM 7B.9") is no title in capitals, and goes
// on with its recital.
func TestWrappedSymbolList(t *testing.T) {
	d := parseOne(t, "Decision: 41 COM 7B.2\n\nThe World Heritage Committee,\n\n"+
		"1. Having examined Document WHC/41.COM/7B,\n\n"+
		"2. Recalling Decisions 38 COM 7B.3, 39 COM 7B.4, 39\n"+
		"COM 7B.9, 40 COM 7B.1, 40 COM 7B.6, 40\n"+
		"COM 7B.8 and 40 COM 7B.11, adopted at its previous sessions,\n\n"+
		"3. Requests the States Parties to report by 1 February 2032.\n")
	wantShape(t, d, 2, 1)
	if capsLine("COM 7B.9, 40 COM 7B.1, 40 COM 7B.6") || !capsLine("PROPOSAL FOR A REVIEW OF") {
		t.Errorf("capsLine reads a list of symbols as a title, or a title as none")
	}
}

// TestWrappedAnnexTitle holds that an annex heading whose title wraps
// onto the next line stays the annex's heading, while one that goes on
// as a sentence does not.
func TestWrappedAnnexTitle(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties\n"+
		"1. Adopts the work plan set out in the annex to the present decision.\n"+
		"Annex to decision 3/4 Work plan of the Compliance Committee\n"+
		"for 2031–2032\n"+
		"Review of national reports\n")
	if len(d.Annexes) != 1 || !strings.HasSuffix(d.Annexes[0].Heading, "2031–2032") {
		t.Errorf("Parse = %d annexes; want 1 headed … 2031–2032", len(d.Annexes))
	}
	// the margin broke the title after a word that needs more
	d = parseOne(t, "The Conference of the Parties\n"+
		"1. Adopts the work plan set out in the annex to the present decision.\n"+
		"Annex to decision 3/4 Work plan of the Compliance Committee for\n"+
		"2031–2032\n"+
		"Review of national reports\n")
	if len(d.Annexes) != 1 || !strings.HasSuffix(d.Annexes[0].Heading, "2031–2032") {
		t.Errorf("Parse = %d annexes; want 1 headed … 2031–2032 (title broken after \"for\")", len(d.Annexes))
	}
	holds(t, "annexTitleGoesOn", annexTitleGoesOn, map[string]bool{
		"for 2031–2032":                      true,
		"Compliance Committee for 2031–2032": true,
		"sets out the rules of procedure.":   false,
		"of the Convention,":                 false,
	})
}

// TestWrappedSolidWord holds that a word that English writes solid
// ("multilateral") is joined when the margin breaks it after a prefix
// that otherwise keeps its hyphen ("multi-stakeholder").
func TestWrappedSolidWord(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"bilateral and multi-", "lateral donors", "bilateral and multilateral donors"},
		{"regional and inter-", "national bodies", "regional and international bodies"},
		{"a multi-", "stakeholder forum", "a multi-stakeholder forum"},
	} {
		if got := joinLines(tt.a, tt.b); got != tt.want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestWrappedSymbolTail holds that the rest of a symbol that the margin
// broke after a number ("ABC/18/9.COM" / "2.BUR/INF.4,") is no paragraph
// glued to its number, while "2.Requests …" still is.
func TestWrappedSymbolTail(t *testing.T) {
	d := parseOne(t, "Decision of the Bureau: 9.COM 1.BUR 4\n\nThe Bureau,\n\n"+
		"1. Having examined documents ABC/18/9.COM 1.BUR/4 and document ABC/18/9.COM\n"+
		"1.BUR/INF.4,\n"+
		"2. Requests the Secretariat to report on the use of the funds.\n")
	wantShape(t, d, 1, 1)
	holds(t, "gluedSymbolTail", gluedSymbolTail, map[string]bool{
		"BUR/INF.4,":               true,
		"BUR 1,":                   true,
		"GA 9":                     true,
		"Requests the Secretariat": false,
		"URGES Parties":            false,
		"A new approach":           false,
	})
}

// TestWrappedCitedDecision holds that a decision cited at the start of a
// wrapped line, after a line that ends on "and" or on "decision", is no
// heading of a new decision.
func TestWrappedCitedDecision(t *testing.T) {
	for _, text := range []string{
		"Decision of the Bureau: 9.COM 1.BUR 3\n\nThe Bureau,\n\n1. Recalling Resolution 4.GA 2, Decision 8.COM 3 and\nDecision 9.COM 1.BUR 2,\n" +
			"2. Approves the plan annexed to this decision;\n",
		"Decision B.9/3\n\nThe Board took note of the proposal, requested by the Board in its decision\n" +
			"B.6/2. The proposal amends the rules of procedure.\nThe Board decided to approve the proposal.\n",
	} {
		if ds := parseAll(t, text); len(ds) != 1 || !strings.HasSuffix(ds[0].Symbol, "9/3") && !strings.HasSuffix(ds[0].Symbol, "BUR 3") {
			t.Errorf("Parse(%q) found %d decisions, want 1, its symbol from its heading", text, len(ds))
		}
	}
	holds(t, "endsCitingWord", endsCitingWord, map[string]bool{
		"requested by the Board in its decision": true,
		"as set out in document ABC/7/2, annex":  true,
		"Decision":                               false,
		"Related documents":                      false,
	})
}

// TestWrappedRunInItems holds that an item of a list run into its
// sentence ("may (a) encourage …;") that the margin moved to the start
// of a line ("(b) collect …") goes on with the sentence.
func TestWrappedRunInItems(t *testing.T) {
	d := parseOne(t, "Resolution on research\n\nWHEREAS the Convention provides that the Commission may (a) encourage\n"+
		"studies relating to whales;\n(b) collect statistics on catches; (c) publish its findings,\n\n"+
		"NOTING the work of the Scientific Committee,\n\nNOW THEREFORE the Commission\n\n"+
		"REQUESTS the Scientific Committee to report on its research.\n")
	if len(d.Preamble) != 2 || len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 0 {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 2, 1 without items", len(d.Preamble), len(d.Paragraphs))
	}
}

// TestWrappedLoneDash holds that a line ending on a dash standing as a
// word ("… cetaceans -") goes on into the next line, even one opening
// with a participle in capitals: the two recitals the dash parts read as
// they do run together on one line, each a recital of its own
// (splitDashedCaps).
func TestWrappedLoneDash(t *testing.T) {
	d := parseOne(t, "Resolution on coastal dolphins\n\nThe Commission\n\n"+
		"- AWARE of the concern about bycatch of coastal dolphins -\n"+
		"RECOGNISING the need for cooperation between coastal states\n\n"+
		"- CONSCIOUS of the rights of coastal states\n\n"+
		"- ENCOURAGES coastal states to cooperate\n")
	wantShape(t, d, 3, 1)
	if len(d.Preamble) == 3 && !strings.HasPrefix(d.Preamble[1].Text, "- RECOGNISING the need") {
		t.Errorf("recital 2 = %q, want the one the dash opens", d.Preamble[1].Text)
	}
	if !endsLoneDash("of coastal dolphins –") || endsLoneDash("a north-") {
		t.Errorf("endsLoneDash misreads a dash")
	}
}

// TestDoubledWindowsLineEnds holds that Windows line ends converted
// twice ("\r\r\n") end one line, not two, while "\r" alone still ends
// a line, as do the line and paragraph separators; the isolates of
// bidirectional text go, and wide spaces are spaces.
func TestDoubledWindowsLineEnds(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\r\r\nb", "a\nb"},
		{"a\r\nb", "a\nb"},
		{"a\rb", "a\nb"},
		{"a\r\rb", "a\n\nb"},
		{"a\u2028b\u2029c", "a\nb\nc"},
		{"\u2066The Conference\u2069 of\u3000the Parties", "The Conference of the Parties"},
	} {
		if got := cleanRunes(tt.in); got != tt.want {
			t.Errorf("cleanRunes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWrappedCitedNumber holds that a number the margin moved to the
// start of a line after a word that cites it ("…, annex" / "4.") is no
// paragraph number.
func TestWrappedCitedNumber(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties\n"+
		"1. Urges Parties to report on the indicators using the format set out in document ABC/7/INF/2, annex\n"+
		"2.\n"+
		"2. Requests the Secretariat to compile the reports.\n")
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
		t.Errorf("Parse = paragraphs %v, want %v", got, want)
	}
}

// TestWrappedFormulaWithoutComma holds that a formula printed without its
// comma that wraps over lines ("The Committee for the Protocol" / "on
// Access … from their" / "Utilization,") stays one formula.
func TestWrappedFormulaWithoutComma(t *testing.T) {
	d := parseOne(t, "Recommendation 3/2. Other matters\n\n"+
		"The Intergovernmental Committee for the Nagoya Protocol\n"+
		"on the Sharing of Benefits and the Fair Use of Genetic Resources in\n"+
		"Research and Development Carried Out in their\n"+
		"Territories,\n"+
		"1. Invites Parties to submit information on their measures.\n")
	if len(d.Preamble) != 0 || !strings.HasSuffix(d.Formula, "Territories") && !strings.HasSuffix(d.Formula, "Territories,") {
		t.Errorf("Parse = formula %q, %d recitals; want the formula to \"Territories\", no recital", d.Formula, len(d.Preamble))
	}
}

// TestWrappedAtHyphen holds that a symbol or a number range broken at
// its hyphen ("WHC-" / "09/33.COM/7A", "2004-" / "6") is joined without
// a space and goes on with its sentence, however its second part opens.
func TestWrappedAtHyphen(t *testing.T) {
	d := parseOne(t, "The World Heritage Committee,\n\n"+
		"1. Having examined Documents WHC-09/33.COM/7A, WHC-\n"+
		"09/33.COM/7B and WHC-09/33.COM/7B.Add,\n\n"+
		"2. Requests the States Parties to report as set out in Resolution 2004-\n"+
		"6, by 1 February 2031.\n")
	if len(d.Preamble) != 1 || len(d.Paragraphs) != 1 || !strings.Contains(d.Preamble[0].Text, "WHC-09/33.COM/7B and") ||
		!strings.Contains(d.Paragraphs[0].Text, "2004-6,") {
		t.Fatalf("Parse = %d recitals, %d paragraphs; want 1 reading WHC-09/33.COM/7B, 1 reading 2004-6", len(d.Preamble), len(d.Paragraphs))
	}
	for _, tt := range []struct {
		last, next string
		want       bool
	}{
		{"Documents WHC-", "09/33.COM/7B", true},
		{"the Asia-", "Pacific region", true},
		{"on the Asia-", "2. Requests", false},
		{"in 2030 -", "Recognizing", false},
	} {
		if got := brokenAtHyphen(tt.last, tt.next); got != tt.want {
			t.Errorf("brokenAtHyphen(%q, %q) = %v, want %v", tt.last, tt.next, got, tt.want)
		}
	}
}

// TestWrappedNamesAndNumbers holds that a line the margin broke out of a
// sentence goes on with it when it opens with a participle of a name
// ("Sharing of Benefits", "Working Group") or with the number of a "No."
// above it, in a formula and in a paragraph.
func TestWrappedNamesAndNumbers(t *testing.T) {
	d := parseOne(t, "Recommendation 4/1. Other matters\n\n"+
		"The Intergovernmental Committee for the Nagoya Protocol\n"+
		"on Access to Genetic Resources and the Fair and Equitable\n"+
		"Sharing of Benefits Arising from their Utilization,\n"+
		"1. Invites Parties to submit information on their measures;\n"+
		"2. Decides that, of the members who will be appointed to the Facilitative\n"+
		"Working Group with a term beginning in June 2031,\n"+
		"three shall serve for two years.\n")
	wantShape(t, d, 0, 2)
	d = parseOne(t, "The Conference of the Parties, in decision 2/4 of its second meeting,\n"+
		"decided to note the outcome of the meeting of the Research Managers (Report No.\n"+
		"31) and, in accordance with its recommendations:\n\n"+
		"1. To invite the Parties to report on their research;\n"+
		"2. To request the Secretariat to compile the reports.\n")
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) || !strings.HasSuffix(d.Formula, "recommendations:") &&
		!strings.HasSuffix(d.Formula, "recommendations") {
		t.Errorf("Parse = formula %q, paragraphs %v; want the formula to its colon, paragraphs %v", d.Formula, got, want)
	}
	if !startsMarked("2. Requests") || startsMarked("Sharing of Benefits") {
		t.Errorf("startsMarked misreads a paragraph number or a participle")
	}
}
