package parse

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden parses the fixtures in testdata and compares the whole result
// with testdata/NAME.golden.json. Run with -update after a deliberate
// change, and read the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := Parse(string(b), Options{})
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Parse(%s) differs from %s (-want +got):\n%s", f, golden, diff)
			}
			checkNothingDropped(t, f, string(b))
		})
	}
	if n == 0 {
		t.Fatal("no fixtures in testdata")
	}
}

// parseFixture parses a testdata file.
func parseFixture(t *testing.T, name string) Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(string(b), Options{})
}

// TestPDFArtifacts checks by name what text out of a PDF must get right:
// wrapped lines, hyphenation, running heads, page numbers, and footnotes
// dropped mid-paragraph by a page break.
func TestPDFArtifacts(t *testing.T) {
	doc := parseFixture(t, "pdf-wrapped.txt")
	if len(doc.Decisions) != 1 {
		t.Fatalf("found %d decisions, want 1", len(doc.Decisions))
	}
	d := doc.Decisions[0]
	if d.Title != "Cooperation with the Global Framework on Chemicals" {
		t.Errorf("title wrapped over two lines = %q", d.Title)
	}
	if got := d.Preamble[0].Text; !strings.Contains(got, "Stockholm conventions,") {
		t.Errorf("hyphenated 'conven-/tions' not mended: %q", got)
	}
	if got := d.Paragraphs[0].Text; !strings.Contains(got, "to continue that") {
		t.Errorf("hyphenated 'conti-/nue' not mended: %q", got)
	}
	p2 := d.Paragraphs[1].Text
	for _, want := range []string{"capacity-building", "conventions for consideration", "Parties at its eighth meeting;"} {
		if !strings.Contains(p2, want) {
			t.Errorf("paragraph 2 lacks %q (compound kept, marker out, page break bridged): %q", want, p2)
		}
	}
	if strings.Contains(p2, "UNEP/MC/COP.7/30") || strings.Contains(p2, "See document") {
		t.Errorf("paragraph 2 holds the running head or a footnote: %q", p2)
	}
	wantNotes := []accord.Footnote{
		{Marker: "1", Text: "UNEP/MC/COP.7/INF/12.", Attached: "preamble 2"},
		{Marker: "2", Text: "See document UNEP/CHW.16/INF/40, annex, and decision 1/CP.21.", Attached: "2"},
	}
	if diff := cmp.Diff(wantNotes, d.Footnotes); diff != "" {
		t.Errorf("footnotes (-want +got):\n%s", diff)
	}
	if len(d.Paragraphs) != 3 || d.Paragraphs[2].Phrase != "Also requests" {
		t.Errorf("paragraph 3 after the page break not found: %+v", d.Paragraphs)
	}
}

func TestBracketFootnotes(t *testing.T) {
	text := "Decision X/5: Cooperation\n\nThe Conference of the Parties,\n\n" +
		"1. Welcomes the report of the Joint Liaison Group[1];\n\n2. Requests the Executive Secretary to report.\n\n" +
		"[1] UNEP/CBD/COP/10/INF/12.\n"
	d := Parse(text, Options{}).Decisions
	if len(d) != 1 || len(d[0].Footnotes) != 1 {
		t.Fatalf("Parse = %+v", d)
	}
	want := accord.Footnote{Marker: "[1]", Text: "UNEP/CBD/COP/10/INF/12.", Attached: "1"}
	if d[0].Footnotes[0] != want {
		t.Errorf("footnote = %+v, want %+v", d[0].Footnotes[0], want)
	}
	if got := d[0].Paragraphs[0].Text; got != "Welcomes the report of the Joint Liaison Group;" {
		t.Errorf("paragraph 1 = %q, marker not taken out", got)
	}
	if len(d[0].References.Documents) != 1 {
		t.Errorf("documents = %v", d[0].References.Documents)
	}
	checkNothingDropped(t, "bracket", text)
}

func TestMeetingReport(t *testing.T) {
	doc := parseFixture(t, "meeting-report.txt")
	var syms []string
	for _, d := range doc.Decisions {
		syms = append(syms, d.Symbol+" "+d.Meeting+" "+d.Instrument)
	}
	if diff := cmp.Diff([]string{"BC-16/1 COP-16 basel", "BC-16/2 COP-16 basel"}, syms); diff != "" {
		t.Fatalf("decisions (-want +got):\n%s", diff)
	}
	d := doc.Decisions[1]
	wantHeads := []accord.Heading{{Before: 0, Text: "I. Regional centres"}, {Before: 1, Text: "II. Financing"}}
	if diff := cmp.Diff(wantHeads, d.Headings); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
	var paths []string
	d.Walk(func(p *accord.Paragraph) { paths = append(paths, p.Path) })
	if diff := cmp.Diff([]string{"1", "2", "3", "3(a)", "3(b)", "3(b)(i)", "3(b)(ii)"}, paths); diff != "" {
		t.Errorf("paragraph paths (-want +got):\n%s", diff)
	}
	if len(d.Annexes) != 1 || len(d.Annexes[0].Paragraphs) != 2 {
		t.Errorf("annex: %+v, want one annex with 2 numbered paragraphs (not operative)", d.Annexes)
	}
}

func TestLetterRomanAmbiguity(t *testing.T) {
	doc := parseFixture(t, "letters.txt")
	if len(doc.Decisions) != 1 {
		t.Fatalf("found %d decisions, want 1", len(doc.Decisions))
	}
	d := doc.Decisions[0]
	if d.Kind != accord.KindRecommendation || d.Symbol != "" {
		t.Errorf("kind %q symbol %q, want a recommendation without symbol", d.Kind, d.Symbol)
	}
	var top []string
	for _, p := range d.Paragraphs {
		top = append(top, p.Number)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, top); diff != "" {
		t.Errorf("top-level letters (-want +got):\n%s", diff)
	}
	if h := d.Paragraphs[7]; len(h.Items) != 2 || h.Items[1].Path != "h(ii)" {
		t.Errorf("(h) items = %+v, want (i) and (ii) as roman items", h.Items)
	}
}

func TestMarkdownAndInvisibles(t *testing.T) {
	doc := parseFixture(t, "markdown.md")
	if len(doc.Decisions) != 1 {
		t.Fatalf("found %d decisions, want 1", len(doc.Decisions))
	}
	d := doc.Decisions[0]
	if d.Symbol != "NP-5/[--]" || d.Kind != accord.KindDraft || d.Title != "Capacity-building" {
		t.Errorf("heading read as %q %q %q", d.Symbol, d.Kind, d.Title)
	}
	if d.Instrument != "nagoya" || d.Meeting != "COP-MOP-5" {
		t.Errorf("instrument %q meeting %q, want nagoya COP-MOP-5", d.Instrument, d.Meeting)
	}
	if len(d.Preamble) != 1 || d.Preamble[0].Phrase != "Recalling" {
		t.Errorf("preamble = %+v", d.Preamble)
	}
	var phrases []string
	for _, p := range d.Paragraphs {
		phrases = append(phrases, p.Phrase)
		if strings.ContainsAny(p.Text, "*\u200b\u00a0\r") {
			t.Errorf("paragraph %s keeps markup or invisible marks: %q", p.Number, p.Text)
		}
	}
	if diff := cmp.Diff([]string{"Welcomes", "Also requests"}, phrases); diff != "" {
		t.Errorf("verbs (-want +got):\n%s", diff)
	}
}

func TestOpeningPhrase(t *testing.T) {
	tests := []struct {
		text   string
		base   bool
		phrase string
		verb   string
		mod    string
		class  accord.VerbClass
	}{
		{"Welcomes the adoption", false, "Welcomes", "welcome", "", accord.Evaluative},
		{"Also requests the secretariat", false, "Also requests", "request", "also", accord.Directive},
		{"Further welcomes the participation", false, "Further welcomes", "welcome", "further", accord.Evaluative},
		{"Notes with appreciation the efforts", false, "Notes with appreciation", "note", "", accord.Observing},
		{"Takes note of the report", false, "Takes note", "take", "", accord.Observing},
		{"Calls upon Parties", false, "Calls upon", "call", "", accord.Directive},
		{"Expresses its gratitude to", false, "Expresses its gratitude", "express", "", accord.Evaluative},
		{"Also expresses appreciation to the auditors", false, "Also expresses appreciation", "express", "also", accord.Evaluative},
		{"Reiterates its encouragement to Parties", false, "Reiterates", "reiterate", "", accord.Reinforcing},
		{"Decides by consensus to", false, "Decides by consensus", "decide", "", accord.Deciding},
		{"To note with appreciation the report", false, "To note with appreciation", "note", "", accord.Observing},
		{"to request the Assessment Panels", false, "to request", "request", "", accord.Directive},
		{"TAKES NOTE of the Framework", false, "TAKES NOTE", "take", "", accord.Observing},
		{"Express their profound gratitude", true, "Express their profound gratitude", "express", "", accord.Evaluative},
		{"Requests, in the context of the workplan, the Group", false, "Requests", "request", "", accord.Directive},
		{"Once again urges Parties", false, "Once again urges", "urge", "once again", accord.Directive},
		// coordinated verbs make one phrase
		{"Acknowledges and commends the work of the Group", false, "Acknowledges and commends", "acknowledge", "", accord.Observing},
		{"Also notes and welcomes with appreciation the offer", false, "Also notes and welcomes with appreciation", "note", "also", accord.Observing},
		{"To acknowledge and welcome the report", true, "To acknowledge and welcome", "acknowledge", "", accord.Observing},
		// a participial clause before the verb of one sentence
		{"Noting the report of the Adaptation Committee, decides to consider the matter", true, "decides", "decide", "", accord.Deciding},
		{"Having considered the proposal of the Bureau, also requests the secretariat to act", true, "also requests", "request", "also", accord.Directive},
		{"With a view to enabling the review, and in line with decision X/2, requests the Executive Secretary to act", true, "requests", "request", "", accord.Directive},
	}
	for _, tt := range tests {
		p, ok := openingPhrase(tt.text, phraseOptions{base: tt.base})
		if !ok {
			t.Errorf("openingPhrase(%q) found none, want %q", tt.text, tt.phrase)
			continue
		}
		want := Phrase{tt.phrase, tt.verb, tt.mod, tt.class}
		if p != want {
			t.Errorf("openingPhrase(%q) = %+v, want %+v", tt.text, p, want)
		}
	}
	for _, text := range []string{"Parties to the Convention", "Takes the floor", "Express their gratitude", "States Parties and", "Note by the secretariat", "requests the secretariat", "The Secretariat shall",
		"Noting the report of the Committee, which decides nothing", "Recalling that the Conference, in decision 2/CP.3, requested the secretariat"} {
		if p, ok := openingPhrase(text, phraseOptions{}); ok {
			t.Errorf("openingPhrase(%q) = %+v, want none", text, p)
		}
	}
	// a recital that holds its verb opens no operative paragraph on its own
	if opensOperative("Noting the report, decides to consider the matter") {
		t.Errorf("opensOperative(recital with its verb) = true")
	}
}

func TestOpensRecital(t *testing.T) {
	tests := []struct {
		text, phrase string
	}{
		{"Recalling decision BS-II/6,", "Recalling"},
		{"Also recalling Article 13", "Also recalling"},
		{"Having considered the note", "Having considered"},
		{"Mindful of the need", "Mindful"},
		{"RECOGNISING the desirability", "RECOGNISING"},
		{"Deeply concerned that", "Deeply concerned"},
	}
	for _, tt := range tests {
		if got, ok := opensRecital(tt.text); !ok || got != tt.phrase {
			t.Errorf("opensRecital(%q) = %q, %v; want %q", tt.text, got, ok, tt.phrase)
		}
	}
	for _, text := range []string{"During its session", "Decides to", "recalling that", "Also the Parties", "Including the"} {
		if got, ok := opensRecital(text); ok {
			t.Errorf("opensRecital(%q) = %q, want none", text, got)
		}
	}
}

func ref(cited, inst string) accord.DecisionRef {
	return accord.DecisionRef{Cited: cited, Instrument: inst}
}

func TestDecisionRefs(t *testing.T) {
	tests := []struct {
		text, inst string
		want       []accord.DecisionRef
	}{
		{"Recalling decisions 1/CP.16, 2/CP.17 and 18/CMA.1,", "unfccc",
			[]accord.DecisionRef{ref("1/CP.16", "unfccc"), ref("2/CP.17", "unfccc"), ref("18/CMA.1", "paris")}},
		{"taking into account decision 1/CP.24, paragraphs 39, 41 and 44;", "unfccc",
			[]accord.DecisionRef{ref("1/CP.24", "unfccc")}},
		{"paragraph (f) of decision BS II/6 and decision BS-II/6", "cartagena",
			[]accord.DecisionRef{ref("BS-II/6", "cartagena"), ref("BS-II/6", "cartagena")}},
		{"as reflected in decision IX/10 of the Conference", "basel",
			[]accord.DecisionRef{ref("IX/10", "basel")}},
		{"Resolution 6/3 on regional forums; resolution 6/4 on synergies", "minamata",
			[]accord.DecisionRef{ref("6/3", "unea"), ref("6/4", "unea")}},
		{"United Nations General Assembly resolution 40/243 of 18 December 1985", "unfccc",
			[]accord.DecisionRef{ref("40/243", "unga")}},
		{"the activities foreseen in Decision 13.1 (a) - (c).", "cms",
			[]accord.DecisionRef{ref("Decision 13.1", "cms")}},
		{"decision UNEP/CBD/COP/DEC/IX/24 paragraph", "cbd", nil},
		{"from 22 to 24 February 2006 in 2016–2017, 3/4 of Parties", "montreal", nil},
		{"Recalling decisions, 1/CP.16, 2/CP.17", "unfccc",
			[]accord.DecisionRef{ref("1/CP.16", "unfccc"), ref("2/CP.17", "unfccc")}},
		{"decision SC-2/15, decision RC-3/8 and decision VIII/8", "",
			[]accord.DecisionRef{ref("SC-2/15", "stockholm"), ref("RC-3/8", "rotterdam"), ref("VIII/8", "")}},
	}
	for _, tt := range tests {
		got := decisionRefs(tt.text, tt.inst)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("decisionRefs(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestDocumentSymbols(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"presented in document UNEP/MC/COP.6/INF/28.", []string{"UNEP/MC/COP.6/INF/28"}},
		{"(UNEP/FAO/CHW/RC/POPS/JWG.3/3). ", []string{"UNEP/FAO/CHW/RC/POPS/JWG.3/3"}},
		{"“Ban Amendment”,11UNEP/CHW.14/4.", []string{"UNEP/CHW.14/4"}},
		{"instruction ST/AI/342, including", []string{"ST/AI/342"}},
		{"FCCC/CP/2015/10/Add.1 and CBD/COP/DEC/15/4", []string{"FCCC/CP/2015/10/Add.1", "CBD/COP/DEC/15/4"}},
		{"UNEP/CBD/COP/9/INF/12/Rev.1), and", []string{"UNEP/CBD/COP/9/INF/12/Rev.1"}},
		{"decision VIII/8 and FAO/WHO and and/or Compliance/Non-compliance", nil},
		{"SAICM/ICCM.2/1 and UNEP/OzL.Pro.3/Bur/1/3", []string{"SAICM/ICCM.2/1", "UNEP/OzL.Pro.3/Bur/1/3"}},
	}
	for _, tt := range tests {
		got, _ := documentSymbols(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("documentSymbols(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestMeetingOf(t *testing.T) {
	tests := []struct{ sym, inst, want string }{
		{"MC-6/3", "minamata", "COP-6"},
		{"BS-IV/6", "cartagena", "COP-MOP-4"},
		{"4/CP.27", "unfccc", "COP-27"},
		{"20/CMA.3", "paris", "CMA-3"},
		{"7/CMP.12", "kyoto", "CMP-12"},
		{"III/12", "montreal", "MOP-3"},
		{"VIII/32", "cbd", "COP-8"},
		{"Decision 13.1", "cms", "COP-13"},
		{"Resolution 1/CMP.15", "kyoto", "CMP-15"},
		{"MC-6/[--]", "minamata", "COP-6"},
		{"Ex.III/1", "montreal", ""},
	}
	for _, tt := range tests {
		if got := meetingOf(tt.sym, tt.inst); got != tt.want {
			t.Errorf("meetingOf(%q, %q) = %q, want %q", tt.sym, tt.inst, got, tt.want)
		}
	}
	if got := meetingInText("Third meeting of the Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol"); got != "COP-MOP-3" {
		t.Errorf("meetingInText(Cartagena) = %q", got)
	}
	if got := meetingInText("4th Meeting of the Conference of the Contracting Parties"); got != "COP-4" {
		t.Errorf("meetingInText(Ramsar) = %q", got)
	}
}

func TestAdoptionYear(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"plenary stamp", "Decision 4/CP.27\nThe Conference of the Parties,\n1. Decides to adopt the report;\n10th plenary meeting\n17 November 2022", 2022},
		{"meeting heading", "Sixth meeting\nGeneva, 3–7 November 2025\nDecision MC-6/2: Cooperation\nThe Conference of the Parties,\n1. Requests the secretariat to report;", 2025},
		{"dates across months", "4th Meeting of the Conference of the Contracting Parties\nMontreux, Switzerland\n27 June-4 July 1990\nResolution on the Framework\nTHE CONFERENCE OF THE CONTRACTING PARTIES\n1. REQUESTS the Bureau to report;", 1990},
		{"month first", "Meeting of the Parties, November 3, 2025\nDecision XXXVII/1: Budget\nThe Thirty-Seventh Meeting of the Parties decided:\n1. To request the Secretariat to report;", 2025},
		{"date in a sentence", "Decision BS-IV/6\nThe Conference of the Parties,\nNoting the meeting held in Rome from 25 to 28 March 2008, at which the Working Group concluded its work,\n1. Requests the Executive Secretary to report;", 0},
		{"year alone", "Decision 13.1\nThe Conference of the Parties,\n1. Requests the Secretariat to report in 2024;", 0},
	}
	for _, tt := range tests {
		doc := Parse(tt.text, Options{})
		if len(doc.Decisions) != 1 {
			t.Errorf("%s: %d decisions, want 1", tt.name, len(doc.Decisions))
			continue
		}
		if got := doc.Decisions[0].Year; got != tt.want {
			t.Errorf("%s: year %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"to conti-", "nue that", "to continue that"},
		{"on capacity-", "building activities", "on capacity-building activities"},
		{"the Basel, Rotterdam", "and Stockholm", "the Basel, Rotterdam and Stockholm"},
		{"non-", "governmental", "non-governmental"},
		{"UNEP/", "MC/COP.6", "UNEP/ MC/COP.6"},
	}
	for _, tt := range tests {
		if got := joinLines(tt.a, tt.b); got != tt.want {
			t.Errorf("joinLines(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// footnoteLine is what footnoteMatch does by hand.
var footnoteLine = regexp.MustCompile(`^(\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|∗{1,3}|†{1,2})\s+(\S.*)$|^(\[\d{1,3}\])\s*(\S.*)$`)

// TestNoteCitedAtLineEnd: a marker that ends its line ("Conventions2" in
// a title) is cited, and its footnote, dropped by a page break into the
// middle of a paragraph, is taken out of it.
func TestNoteCitedAtLineEnd(t *testing.T) {
	text := "Recommendation of the Working Group on Enhancing Cooperation Among the Basel, Rotterdam and\nStockholm Conventions2\n\n" +
		"The Conference of the Parties,\n\n1. Requests the secretariats, in cooperation with the member organizations of the\n\n" +
		"2  Extract from the report of the Working Group (UNEP/FAO/CHW/RC/POPS/JWG.3/3).\n" +
		" Inter-Organization Programme, to collaborate on the dissemination of good practices;\n"
	doc := Parse(text, Options{})
	if len(doc.Decisions) != 1 {
		t.Fatalf("%d decisions", len(doc.Decisions))
	}
	d := doc.Decisions[0]
	if len(d.Paragraphs) != 1 || strings.Contains(d.Paragraphs[0].Text, "Extract") ||
		!strings.Contains(d.Paragraphs[0].Text, "member organizations of the Inter-Organization Programme") {
		t.Errorf("paragraphs = %+v", d.Paragraphs)
	}
	if len(d.Footnotes) != 1 || d.Footnotes[0].Marker != "2" || !strings.HasPrefix(d.Footnotes[0].Text, "Extract from the report") {
		t.Errorf("footnotes = %+v", d.Footnotes)
	}
}

func TestFootnoteMatch(t *testing.T) {
	lines := []string{"1 FCCC/SBSTA/2021/1.", "12 See", "1234 x", "1. Decides", "¹ Resolution 6/3", "¹²  x", "* UNEP/MC/COP.6/1/Rev.1.",
		"∗  SAICM/ICCM.2/1.", "** x", "**** x", "[1] UNEP/CBD", "[12]x", "[] x", "[1]", "1", "1 ", "10th plenary", "(a) x", "† x", "a 1"}
	for _, l := range lines {
		want := footnoteLine.FindStringSubmatch(l)
		got := footnoteMatch(l)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("footnoteMatch(%q) (-regexp +hand):\n%s", l, diff)
		}
	}
}

func TestFurniture(t *testing.T) {
	for _, l := range []string{"GE.24-01234 (E)", "GE.24-01234(E) 150324 150324", "*2401234*", "K2501234 011125", "- 3 -", "Page 4 of 12", "12", "Skip to main content", "<< BS-III/5", "BS-III/7 >>", "decision_n13", "________", "| | english | español |"} {
		if !furniture(l) {
			t.Errorf("furniture(%q) = false", l)
		}
	}
	for _, l := range []string{"1. Decides to act;", "The Conference of the Parties,", "13.1", "Annex", "Recalling decision 2/CP.17,"} {
		if furniture(l) {
			t.Errorf("furniture(%q) = true", l)
		}
	}
}

// TestDatedHeads holds that a page's head of a symbol and a date is
// furniture whether the symbol holds a slash, names its keyword or joins
// its numbers with a hyphen or a dot, and that a heading with a date, or
// a place with its dates, is not.
func TestDatedHeads(t *testing.T) {
	for _, l := range []string{"UNEP/EA.6/Res.2   1 March 2024", "Resolution 2019-2   4 June 2019", "SC61-4 3 July 2022", "Decision 14.7   9 May 2023"} {
		if !isDatedHead(l) {
			t.Errorf("isDatedHead(%q) = false", l)
		}
	}
	for _, l := range []string{"Nairobi, 26 February - 1 March 2024", "Gland, Switzerland, 3 July 2022", "Adopted on 4 June 2019", "Decides 4 June 2019"} {
		if isDatedHead(l) {
			t.Errorf("isDatedHead(%q) = true", l)
		}
	}
}

// TestNoteOverPageBreak holds that a footnote that runs over a page break
// goes on past the page's number and the next page's running head, which
// are furniture, not words of the note; the head's date is the date of
// the print, not the year of the decision.
func TestNoteOverPageBreak(t *testing.T) {
	text := "SC61-4   3 July 2022\n\nDecision SC61-4: Travel support\n\nThe Standing Committee,\n\n" +
		"1. Requests the secretariat to review the rules for travel support;1\n\n" +
		"1 The rules were adopted at the fifty-eighth meeting of the Standing Committee and\n\n7\n\f" +
		"SC61-4   3 July 2022\n\nrevised at its sixtieth meeting.\n\n" +
		"2. Invites Parties to contribute to the travel fund.\n"
	d := parseOne(t, text)
	if len(d.Footnotes) != 1 || !strings.HasSuffix(d.Footnotes[0].Text, "Standing Committee and revised at its sixtieth meeting.") {
		t.Errorf("footnotes %+v, want one that runs over the page break", d.Footnotes)
	}
	if d.Year == 2022 {
		t.Errorf("year %d: read from the running head", d.Year)
	}
}

// TestWebTrailFurniture: the trail of links a web page prints above a
// decision ("Home › Decisions › COP") and its copyright footer are
// furniture; text that merely holds the same marks, quoting in French or
// pointing once, is not.
func TestWebTrailFurniture(t *testing.T) {
	for _, l := range []string{"Home › Decisions › Conference of the Parties", "Accueil » Décisions » CdP 14", "© Secretariat · Terms of use", "© 2024 UNEP"} {
		if !furniture(l) {
			t.Errorf("furniture(%q) = false", l)
		}
	}
	for _, l := range []string{"Notant que les termes « pays » et « partie » sont définis,", "Decides » to act", "Recalling the page Home › Decisions,",
		"Home › Decisions › the Conference of the Parties at its fourteenth meeting decided to keep the list"} {
		if furniture(l) {
			t.Errorf("furniture(%q) = true", l)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\ufeffA\u00a0b\u200bc\r\nd\re", "A bc\nd\ne"},
		{"1. *Welcomes* the report", "1. Welcomes the report"},
		{"Title**Note by the secretariat****I. Introduction**", "Title\nNote by the secretariat\n\nI. Introduction\n"},
		{"provisional agenda*", "provisional agenda*"},
		{"a\fb", "a\n\f\nb"},
		{"decision_n13 and _Decides_", "decision_n13 and Decides"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNoDecision(t *testing.T) {
	for _, text := range []string{"", "   \n\n", "Minutes of the lunch meeting.\n\nThe coffee was good.", "\x00\x01binary"} {
		doc := Parse(text, Options{})
		if len(doc.Decisions) != 0 {
			t.Errorf("Parse(%q) found %d decisions, want none", text, len(doc.Decisions))
		}
		checkNothingDropped(t, "no-decision", text)
	}
}

func TestOptions(t *testing.T) {
	text := "The Conference of the Parties,\n\n1. Requests the Executive Secretary to report.\n"
	d := Parse(text, Options{Instrument: "nagoya", Meeting: "COP-MOP-5"}).Decisions
	if len(d) != 1 || d[0].Instrument != "nagoya" || d[0].Meeting != "COP-MOP-5" {
		t.Errorf("Parse with options = %+v", d)
	}
	// An instrument given by its name is stored by its id, which filters
	// and pages know it by.
	for _, name := range []string{"Nagoya", "Nagoya Protocol", "NAGOYA"} {
		if d := Parse(text, Options{Instrument: name}).Decisions; len(d) != 1 || d[0].Instrument != "nagoya" {
			t.Errorf("Parse with instrument %q: %+v", name, d)
		}
	}
}

// FuzzParse checks that no input makes the parser panic or lose text.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.*")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil && !strings.HasSuffix(s, ".json") {
			f.Add(string(b))
		}
	}
	f.Add("1. Decides\n(a) To\n(i) x\n(ii) y\n(b) z\f2 Foo\n")
	f.Add("Decision 13.1\n13.2\nDecision directed to:\nX\nThe Secretariat shall:\na) do")
	f.Fuzz(func(t *testing.T, text string) {
		checkNothingDropped(t, "fuzz", text)
		checkUniquePaths(t, Parse(text, Options{}).Decisions)
	})
}

// TestHeadingSymbols reads the decision symbols of the bodies accord knows
// from headings, with the instrument and meeting each implies.
func TestHeadingSymbols(t *testing.T) {
	tests := []struct {
		heading, symbol, inst, meeting string
		kind                           accord.Kind
	}{
		{"Decision MC-6/3: Cooperation", "MC-6/3", "minamata", "COP-6", accord.KindDecision},
		{"BC-16/1: Strategic framework", "BC-16/1", "basel", "COP-16", accord.KindDecision},
		{"Decision RC-4/11", "RC-4/11", "rotterdam", "COP-4", accord.KindDecision},
		{"SC-2/15. Synergies", "SC-2/15", "stockholm", "COP-2", accord.KindDecision},
		{"BS-IV/6. Cooperation with other organizations", "BS-IV/6", "cartagena", "COP-MOP-4", accord.KindDecision},
		{"Decision BS II/6", "BS-II/6", "cartagena", "COP-MOP-2", accord.KindDecision},
		{"Decision CP-10/3: Risk assessment", "CP-10/3", "cartagena", "COP-MOP-10", accord.KindDecision},
		{"NP-4/1. Compliance", "NP-4/1", "nagoya", "COP-MOP-4", accord.KindDecision},
		{"Decision X/2: Strategic Plan", "X/2", "", "COP-10", accord.KindDecision},
		{"15/4. Kunming-Montreal Global Biodiversity Framework", "15/4", "", "COP-15", accord.KindDecision},
		{"Decision 1/CP.21", "1/CP.21", "unfccc", "COP-21", accord.KindDecision},
		{"Decision 1/CMA.5", "1/CMA.5", "paris", "CMA-5", accord.KindDecision},
		{"Decision 2/CMP.18", "2/CMP.18", "kyoto", "CMP-18", accord.KindDecision},
		{"Decision XXX/17: Financial report", "XXX/17", "", "COP-30", accord.KindDecision},
		{"Decision Ex.III/1: Further adjustments", "Ex.III/1", "montreal", "", accord.KindDecision},
		{"Decision 17.170", "Decision 17.170", "", "COP-17", accord.KindDecision},
		{"Res. Conf. 11.3 Compliance and enforcement", "Res. Conf. 11.3", "cites", "COP-11", accord.KindResolution},
		{"Resolution XIV.1 Ramsar and wetlands", "Resolution XIV.1", "ramsar", "COP-14", accord.KindResolution},
		{"Draft decision MC-6/[--]: International cooperation", "MC-6/[--]", "minamata", "COP-6", accord.KindDraft},
		{"Resolution 1/CMP.15", "Resolution 1/CMP.15", "kyoto", "CMP-15", accord.KindResolution},
		// joint decisions, the symbols joined by a minus sign or a dash
		{"Decision 4/CMP.18−2/CMA.5", "4/CMP.18−2/CMA.5", "kyoto", "CMP-18", accord.KindDecision},
		{"Decision 4/CMP.18 – 2/CMA.5: Administrative matters", "4/CMP.18 – 2/CMA.5", "kyoto", "CMP-18", accord.KindDecision},
		{"BC-17/3–RC-12/2–SC-12/4: Joint budget", "BC-17/3–RC-12/2–SC-12/4", "brs", "COP-17", accord.KindDecision},
		{"Decision 7/COP.16", "7/COP.16", "unccd", "COP-16", accord.KindDecision},
		{"Decision IPBES-10/1: Work programme", "IPBES-10/1", "ipbes", "IPBES-10", accord.KindDecision},
		{"Resolution 2018-3", "Resolution 2018-3", "", "", accord.KindResolution},
		// the body's name before the symbol, a title glued by a dot
		{"Decision COP XIII/5", "XIII/5", "", "COP-13", accord.KindDecision},
		{"NP-2/4.Capacity-building measures", "NP-2/4", "nagoya", "COP-MOP-2", accord.KindDecision},
	}
	for _, tt := range tests {
		text := tt.heading + "\n\nThe Conference of the Parties,\n\n1. Decides to act.\n"
		ds := Parse(text, Options{}).Decisions
		if len(ds) != 1 {
			t.Errorf("Parse(%q) found %d decisions", tt.heading, len(ds))
			continue
		}
		d := ds[0]
		got := []string{d.Symbol, d.Instrument, d.Meeting, string(d.Kind)}
		want := []string{tt.symbol, tt.inst, tt.meeting, string(tt.kind)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("heading %q: symbol, instrument, meeting, kind (-want +got):\n%s", tt.heading, diff)
		}
	}
}

// TestOtherBodies reads the layouts of CITES resolutions (recitals before
// an upper-case formula), UNEA resolutions and CBD decisions.
func TestOtherBodies(t *testing.T) {
	tests := []struct {
		file                        string
		symbol, kind, inst, meeting string
		preamble, paragraphs        int
		formula                     string
		refs                        []string
	}{
		{"cites-resolution.txt", "Res. Conf. 10.10 (Rev. CoP19)", "resolution", "cites", "", 3, 4, "THE CONFERENCE OF THE PARTIES TO THE CONVENTION", []string{"Resolution Conf. 9.16"}},
		{"unea-resolution.txt", "6/4", "resolution", "unea", "UNEA-6", 2, 3, "The United Nations Environment Assembly,", []string{"5/10"}},
		{"cbd-decision.txt", "15/13", "decision", "cbd", "COP-15", 2, 3, "The Conference of the Parties,", []string{"14/30"}},
		{"ramsar-resolution.txt", "Resolution XIV.7", "resolution", "ramsar", "COP-14", 3, 3, "THE CONFERENCE OF THE CONTRACTING PARTIES", []string{"Resolution XIII.7"}},
	}
	for _, tt := range tests {
		doc := parseFixture(t, tt.file)
		if len(doc.Decisions) != 1 {
			t.Errorf("%s: %d decisions", tt.file, len(doc.Decisions))
			continue
		}
		d := doc.Decisions[0]
		var refs []string
		for _, r := range d.References.Decisions {
			refs = append(refs, r.Cited)
		}
		got := fmt.Sprint(d.Symbol, "|", d.Kind, "|", d.Instrument, "|", d.Meeting, "|", len(d.Preamble), "|", len(d.Paragraphs), "|", d.Formula, "|", refs)
		want := fmt.Sprint(tt.symbol, "|", tt.kind, "|", tt.inst, "|", tt.meeting, "|", tt.preamble, "|", tt.paragraphs, "|", tt.formula, "|", tt.refs)
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", tt.file, got, want)
		}
	}
}

func TestInstrumentNamed(t *testing.T) {
	tests := []struct{ text, formula, mentioned string }{
		{"The Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,", "cartagena", "cartagena"},
		{"recommends for adoption by the Conferences of the Parties to the Basel, Rotterdam and Stockholm Conventions:", "", ""},
		{"The Third Meeting of the Parties decided in Dec. III/12:", "montreal", ""},
		{"The Thirty-Fifth Meeting of the Parties decided:", "montreal", ""},
		{"the Minamata Convention … the Minamata Convention … the Basel Convention", "", "minamata"},
		{"the Minamata Convention and the Basel Convention", "", ""},
		// A list names every convention in it, not only the last.
		{"the Basel, Rotterdam and Stockholm Conventions; the Basel Convention", "", "basel"},
		{"the Basel, Rotterdam and Stockholm Conventions", "", ""},
		{"the Basel, Rotterdam, and Stockholm conventions; the Basel Convention; the Basel Convention", "", "basel"},
		{"the Basel and Stockholm Conventions; the Stockholm Convention", "", "stockholm"},
	}
	for _, tt := range tests {
		if got := formulaInstrument(tt.text); got != tt.formula {
			t.Errorf("formulaInstrument(%q) = %q, want %q", tt.text, got, tt.formula)
		}
		if got := mentionedInstrument(tt.text); got != tt.mentioned {
			t.Errorf("mentionedInstrument(%q) = %q, want %q", tt.text, got, tt.mentioned)
		}
	}
}

// TestReferencesOfOtherSystems: symbols of funds' boards, conventions that
// number with dots or years, and documents that are not the UN's.
func TestReferencesOfOtherSystems(t *testing.T) {
	tests := []struct {
		text, inst string
		want       []accord.DecisionRef
	}{
		{"Welcomes decision B.27/08 of the Board of the Green Climate Fund and decisions B.31/4 and B.33/12 of the Adaptation Fund Board;", "paris",
			[]accord.DecisionRef{ref("B.27/08", "gcf"), ref("B.31/4", "afb"), ref("B.33/12", "afb")}},
		{"as reported in documents GCF/B.27/19 and AFB/B.33/7;", "paris", nil},
		{"Recalling decisions 2/CP.25−4/CMA.2 and 1/CMP.14‒3/CMA.3,", "unfccc",
			[]accord.DecisionRef{ref("2/CP.25", "unfccc"), ref("4/CMA.2", "paris"), ref("1/CMP.14", "kyoto"), ref("3/CMA.3", "paris")}},
		{"Recalling resolution 72/277 of the General Assembly and Human Rights Council resolution 52/23,", "cbd",
			[]accord.DecisionRef{ref("72/277", "unga"), ref("52/23", "hrc")}},
		{"noting World Health Assembly resolution 76/17 and General Assembly resolution 77/300,", "minamata",
			[]accord.DecisionRef{ref("76/17", "wha"), ref("77/300", "unga")}},
		{"Recalling decisions 4/COP.14 and 11/COP.15 of the Conference of the Parties,", "unccd",
			[]accord.DecisionRef{ref("4/COP.14", "unccd"), ref("11/COP.15", "unccd")}},
		{"in line with Resolution 2021-2 and Resolution 2019-1 of the Commission,", "",
			[]accord.DecisionRef{ref("Resolution 2021-2", ""), ref("Resolution 2019-1", "")}},
		{"Recalling Decision 17.204 and Decision 18.12 (Rev. CoP19), and Res. Conf. 12.8 (Rev. CoP18),", "cites",
			[]accord.DecisionRef{ref("Decision 17.204", "cites"), ref("Decision 18.12 (Rev. CoP19)", "cites"), ref("Res. Conf. 12.8 (Rev. CoP18)", "cites")}},
		{"Recalling Recommendation 4.7 and Resolution Conf. 9.24 (Rev. CoP17),", "",
			[]accord.DecisionRef{ref("Recommendation 4.7", ""), ref("Resolution Conf. 9.24 (Rev. CoP17)", "cites")}},
		{"Recalling its resolutions 3337 (XXIX) and 3511 (XXX) and Economic and Social Council resolution 2013 (LXI),", "unga",
			[]accord.DecisionRef{ref("3337 (XXIX)", "unga"), ref("3511 (XXX)", "unga"), ref("2013 (LXI)", "ecosoc")}},
		{"Consider the report of the SecretariatBC-11/2High priority", "basel",
			[]accord.DecisionRef{ref("BC-11/2", "basel")}},
		{"Recalling decisions COP7/2 and COP8/11 on the programme,", "",
			[]accord.DecisionRef{ref("COP7/2", ""), ref("COP8/11", "")}},
	}
	for _, tt := range tests {
		got := decisionRefs(tt.text, tt.inst)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("decisionRefs(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
	docs := []struct {
		text string
		want []string
	}{
		{"documents GCF/B.27/19, AFB/B.33/7 and GEF/C.66/05 and FCCC/PA/CMA/2023/6", []string{"FCCC/PA/CMA/2023/6"}},
		{"the report in ICCD/COP(16)/23 and ICCD/CRIC(21)/2/Rev.1,", []string{"ICCD/COP(16)/23", "ICCD/CRIC(21)/2/Rev.1"}},
		{"guidelines,2UNEP/CHW.14/5/Add.1.3UNEP/CHW.14/INF/7.4UNEP/CHW.14/INF/8 and", []string{"UNEP/CHW.14/5/Add.1", "UNEP/CHW.14/INF/7", "UNEP/CHW.14/INF/8"}},
	}
	for _, tt := range docs {
		got, _ := documentSymbols(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("documentSymbols(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestGluedFootnoteMarker: a footnote number printed after a symbol is not
// part of it ("decision 2/CMA.1" and footnote 4 read as "2/CMA.14").
func TestGluedFootnoteMarker(t *testing.T) {
	text := "Decision 9/CMA.5\n\nThe Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,\n\n" +
		"Recalling decisions 2/CMA.14 and 6/CMA.3,\n\n" +
		"Also recalling decision 18/CMA.13 and decision 1/CP.24,\n\n" +
		"1. Requests the secretariat to prepare a synthesis report;\n\n" +
		"4 FCCC/PA/CMA/2018/3/Add.2.\n" +
		"3 FCCC/PA/CMA/2021/10.\n"
	doc := Parse(text, Options{})
	if len(doc.Decisions) != 1 {
		t.Fatalf("%d decisions", len(doc.Decisions))
	}
	var got []string
	for _, r := range doc.Decisions[0].References.Decisions {
		got = append(got, r.Cited)
	}
	want := []string{"2/CMA.1", "6/CMA.3", "18/CMA.1", "1/CP.24"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("references (-want +got):\n%s\nfootnotes %+v", diff, doc.Decisions[0].Footnotes)
	}
}

// TestFoldSpaces: foldSpaces returns s when it has no run of spaces to
// fold, and otherwise what strings.Fields and a join with one space make
// of it, for every kind of space and for bytes that are not UTF-8.
func TestFoldSpaces(t *testing.T) {
	for _, s := range []string{"", " ", "   ", "a", " a", "a ", "a  b", "a\t b", "  a\u00a0\u0085b  c\u2003 ", "\xff  \xfe\tx", "a\n\n  b\f c", "é  ü"} {
		want := s
		if strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
			want = strings.Join(strings.Fields(s), " ")
		}
		if got := foldSpaces(s); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestJointInstrument: a decision is the joint instrument's when its
// symbol joins a symbol of each instrument the joint one groups, or its
// formula or title names those instruments together, each as often and
// no other, and says they act jointly; otherwise it is none's, and the
// other rules decide.
func TestJointInstrument(t *testing.T) {
	symbols := []struct{ symbol, want string }{
		{"BC-16/2–RC-11/3–SC-11/4", "brs"},
		{"BC-13/20, RC-8/14 and SC-8/22", "brs"},
		{"SC-9/1 - RC-8/2 - BC-13/4", "brs"},
		{"BC-16/2", ""},
		{"BC-16/2–SC-11/4", ""},        // two of the three: no joint instrument groups just these
		{"BC-16/2–RC-11/3–MC-5/1", ""}, // a stranger among them
		{"2/CMP.17−3/CMA.4", ""},       // joint, but of no joint instrument
		{"Decision XIV/12", ""},
	}
	for _, tt := range symbols {
		if got := jointSymbolInstrument(tt.symbol); got != tt.want {
			t.Errorf("jointSymbolInstrument(%q) = %q, want %q", tt.symbol, got, tt.want)
		}
	}
	texts := []struct{ text, want string }{
		{"The conferences of the Parties to the Rotterdam, Stockholm and Basel conventions, meeting together,", "brs"},
		{"Report of the joint session of the Basel, Rotterdam and Stockholm Conventions' bureaux", "brs"},
		{"The Ad Hoc Joint Working Group on Enhancing Cooperation and Coordination among the Basel, Rotterdam and Stockholm Conventions recommends:", "brs"},
		// Listed without saying they act together: each COP's own decision.
		{"Enhancing cooperation and coordination among the Basel, Rotterdam and Stockholm conventions", ""},
		// One speaks, naming the others: not joint.
		{"The Conference of the Parties to the Basel Convention, jointly with the Rotterdam and Stockholm conventions, and the Basel Convention", ""},
		// Joint, but not all three.
		{"The conferences of the Parties to the Basel and Stockholm conventions,", ""},
		{"The conferences of the Parties to the Basel, Rotterdam, Stockholm and Minamata conventions,", ""},
	}
	for _, tt := range texts {
		if got := jointTextInstrument(tt.text); got != tt.want {
			t.Errorf("jointTextInstrument(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// Parsed whole: a symbol of one instrument wins over a joint title,
	// and a joint formula makes a decision without symbol the joint one's.
	for _, tt := range []struct{ text, want string }{
		{"Decision BC-13/20: Enhancing cooperation through the Joint Working Group among the Basel, Rotterdam and Stockholm Conventions\n\nThe Conference of the Parties,\n\n1. Requests the Secretariat to report.\n", "basel"},
		{"Recommendation on joint activities\n\nThe Joint Working Group recommends the following for adoption by the conferences of the Parties to the Basel, Rotterdam and Stockholm conventions:\n\n1. Requests the secretariats to report.\n", "brs"},
	} {
		ds := Parse(tt.text, Options{}).Decisions
		if len(ds) != 1 {
			t.Fatalf("Parse(%.40q) = %d decisions, want 1", tt.text, len(ds))
		}
		if ds[0].Instrument != tt.want {
			t.Errorf("Parse(%.40q) instrument = %q, want %q", tt.text, ds[0].Instrument, tt.want)
		}
	}
}
