package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// The tests here hold the quick paths of the parser to the expressions
// they stand for: each must answer what its expression answers, on the
// lines of every text the package has and on the fuzzer's.

// testLines returns every line of the corpora and the test texts, as
// Normalize leaves them.
func testLines(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{corpusDir, filepath.Join(corpusDir, "..", "seeds"), ownCorpusDir, "testdata"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Split(Normalize(string(b)), "\n")...)
		}
	}
	return out
}

// holdOnLines runs check on every line of testLines and on samples.
func holdOnLines(t *testing.T, samples []string, check func(*testing.T, string)) {
	for _, s := range append(testLines(t), samples...) {
		check(t, s)
	}
}

// holdOnRuns runs check on samples and on runs of n lines of testLines,
// one every step lines.
func holdOnRuns(t *testing.T, samples []string, n, step int, check func(*testing.T, string)) {
	for _, s := range samples {
		check(t, s)
	}
	lines := testLines(t)
	for i := 0; i < len(lines); i += step {
		check(t, strings.Join(lines[i:min(len(lines), i+n)], "\n"))
	}
}

// fuzzSamples fuzzes check from samples.
func fuzzSamples(f *testing.F, samples []string, check func(*testing.T, string)) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(check)
}

var headingSamples = []string{
	"Decision 14/3. Mainstreaming of biodiversity in the energy and mining sector",
	"Decision XIV/3 — Title", "Decision XIV/3 –Title", "Decision 3/2 -", "Decision 3/2  ",
	"Resolution 2/5 of the sixth session", "Decision 1/CP.21 Adoption of the Paris Agreement",
	"DRAFT DECISION VI/2: Compliance", "Dec. III/12", "Decision number: XIII/5 Title",
	"Decision 3/2\n: a title on the next line", "Decision 3/2 lower case", "decision 1/CP.21.",
	"Decision 3/2:", "Decision 3/2.\tTitle", "Resolution 11.3 (Rev. CoP19) Compliance and enforcement",
}

// checkHeading compares decisionHeading and isDecisionHeading with
// headingRE on s.
func checkHeading(t *testing.T, s string) {
	want := headingRE.FindStringSubmatch(s)
	if diff := cmp.Diff(want, decisionHeading(s)); diff != "" {
		t.Errorf("decisionHeading(%q) (-headingRE +got):\n%s", s, diff)
	}
	if got := isDecisionHeading(s); got != (want != nil) {
		t.Errorf("isDecisionHeading(%q) = %v, want %v", s, got, want != nil)
	}
}

func TestDecisionHeadingIsHeadingRE(t *testing.T) {
	for _, s := range headingSamples {
		checkHeading(t, s)
	}
	matched := 0
	for _, l := range testLines(t) {
		checkHeading(t, l)
		if headingRE.MatchString(l) {
			matched++
		}
	}
	if matched == 0 {
		t.Error("no line of the corpora is a decision heading: the comparison tested nothing")
	}
}

func FuzzDecisionHeading(f *testing.F) { fuzzSamples(f, headingSamples, checkHeading) }

// meetingPattern is what meetingInText looks for, as one expression.
var meetingPattern = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\d{1,2}(?:st|nd|rd|th))\s+meeting\s+of\s+the\s+(Conference\s+of\s+the\s+(?:Contracting\s+)?Parties(\s+serving\s+as\s+the\s+meeting\s+of\s+the\s+Parties)?|Parties)`)

// meetingByPattern is meetingInText by meetingPattern.
func meetingByPattern(s string) string {
	m := meetingPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	n, ok := ordinals[strings.ToLower(m[1])]
	if !ok {
		n, _ = strconv.Atoi(strings.TrimRight(m[1], "stndrh"))
	}
	switch {
	case m[3] != "":
		return "COP-MOP-" + strconv.Itoa(n)
	case strings.EqualFold(m[2], "Parties"):
		return "MOP-" + strconv.Itoa(n)
	}
	return "COP-" + strconv.Itoa(n)
}

var meetingSamples = []string{
	"Third meeting of the Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol",
	"4th Meeting of the Conference of the Contracting Parties", "the 3rd  meeting of the Parties",
	"x 11th\tMEETING OF THE CONFERENCE OF THE CONTRACTING PARTIES", "a_first meeting of the Parties",
	"114th meeting of the Parties", "the meeting of the Parties at its tenth meeting of the Parties",
	"tenth meeting of the Partiesfirst meeting of the Parties", "first\nmeeting of the\nParties",
	"the second meeting of the Bureau; the fifth meeting of the Conference of the Parties",
}

func checkMeeting(t *testing.T, s string) {
	if got, want := meetingInText(s), meetingByPattern(s); got != want {
		t.Errorf("meetingInText(%q) = %q, want %q", s, got, want)
	}
}

func TestMeetingInTextIsPattern(t *testing.T) {
	found := 0
	holdOnRuns(t, meetingSamples, 3, 1, func(t *testing.T, s string) {
		checkMeeting(t, s)
		if meetingInText(s) != "" {
			found++
		}
	})
	if found == 0 {
		t.Error("no meeting named in the corpora: the comparison tested nothing")
	}
}

func FuzzMeetingInText(f *testing.F) { fuzzSamples(f, meetingSamples, checkMeeting) }

// TestOpensEmphasis: a line emphasis can match has a mark that opens it.
func TestOpensEmphasis(t *testing.T) {
	lines := append(testLines(t), "*a*", "__x__ y", "(**Note**)", "“_a_”", "****a*", "x *a* ", "_ _ a_", "1. *Welcomes* the report")
	for _, l := range lines {
		if emphasis.MatchString(l) && !opensEmphasis(l) {
			t.Errorf("opensEmphasis(%q) = false, but emphasis matches it", l)
		}
	}
	for _, l := range []string{"____________", "* * *", "a*b*c", "** **"} {
		if opensEmphasis(l) {
			t.Errorf("opensEmphasis(%q) = true, want false", l)
		}
	}
}

// TestPrefilters: each cheap test lets through every text its
// expression matches.
func TestPrefilters(t *testing.T) {
	lines := append(testLines(t),
		"11/29/26, 5:30 AM Decision 3/2", "1.2.2020 12:00", "3/7/2025, 10:15 p.m. Title", "1. Decides",
		"The Parties decided to adopt", "The Conference decided in Decision X/3 to request", "in dec. IV/2",
		"Recalling, IN DECISION 14/3, the request", "The meeting decided, to", "decided to",
		"Resolution Conf. 9.24 (Rev. CoP17)", "Res. Conf. 10.4", "Conf. 11.3*", "Recalling Resolution Conf. 9.24",
		"The Conference of the Parties, Recalling", "The Conference of the Partiesx", "The Meeting of the Parties decided: 1. to",
		"Decisions 13.1 to 13.3 - Title", "Decision 14.10", "Decisions  19.30 & 19.31 World Wildlife Trade Report", "Decision\t1.2", "Decisions on 1.2",
		"CONFERENCES OF THE PARTIES to the Basel", "Conferences of the parties", "conferenceſ of the partieſ", "a JOINTLY held session",
		"joints", "disjoint", "ſimultaneous extraordinary meetings", "Simultaneously", "the Joint Working Group")
	for _, l := range lines {
		for i := 0; ; i++ {
			k := strings.Index(l[i:], "The ")
			if k < 0 {
				break
			}
			i += k
			if got, want := formulaRE.MatchString(formulaWindow(l[i:])), formulaRE.MatchString(l[i:]); got != want {
				t.Errorf("formulaRE on formulaWindow(%q) = %v, on the text %v", l[i:], got, want)
			}
		}
		if citesResRE.MatchString(l) && !strings.HasPrefix(l, "Res") && !strings.HasPrefix(l, "Conf.") {
			t.Errorf("citesResRE matches %q, which opens with neither \"Res\" nor \"Conf.\"", l)
		}
		if printDate.MatchString(l) && !datePrefix(l) {
			t.Errorf("datePrefix(%q) = false, but printDate matches it", l)
		}
		sameAsRE(t, "montrealInlineMatch", montrealInlineMatch(l), montrealInline, l)
		sameAsRE(t, "inDecMatch", inDecMatch(l), inDecRE, l)
		if got, want := jointMark(l), jointMarkRE.MatchString(l); got != want {
			t.Errorf("jointMark(%q) = %v, jointMarkRE says %v", l, got, want)
		}
		if mayOpenDR(l) && opensDecisionWord(l) {
			sameAsRE(t, "dottedHeadAfterWord", dottedHeadAfterWord(l), dottedHeadRE, l)
		}
	}
	for _, l := range []string{"1. Decides", "12 May 2025", "1/2 of", "(a) To"} {
		if datePrefix(l) {
			t.Errorf("datePrefix(%q) = true, want false", l)
		}
	}
}

var scannerSamples = []string{
	"decisions 1/CP.21 and 3/CMA.1", "UNEP/CBD/COP/14/3 and UNEP/CHW.14/5/Add.1", "BC-16/2–RC-11/3–SC-11/4",
	"IPBES-9/1", "Ex. III/1", "B.22/15 and B.BM-2021/03", "COP6/3, MOP 4/2", "UNEP/EA.5/Res.8", "CBD X/2",
	"MC-6/[--]", "XIV/3é/IX/2", "\xff1/CP.2\xc3", "é1/2", "ICCD/COP(16)/23",
	"Geneva, 3–7 November 2025", "from 2 to 15 December 2019 and 27 June-4 July 1990", "November 3, 2025",
	"x3 November 2025", "13 November 20251", "_3 May 2020", "é3 May 2020", "May 30, 2021May 3 2022",
	"The Secretariat shall", "Parties are invited, in accordance with Article 5, to submit", "This is requested to", "marshall",
	"Note by the Secretariat", "NOTE BY THE EXECUTIVE SECRETARY", "note by the bureau", "Note by  the Secretariat",
	"Measure 4 (2019), HELCOM Recommendation 28E/6 and OSPAR Agreement 2010-03", "Measure 4 (2019)x", "xMeasure 4 (2019)",
}

func checkScanner(t *testing.T, s string) {
	if got, want := namedSymbolSpans(s), namedSymbolRE.FindAllStringIndex(s, -1); !cmp.Equal(got, want) {
		t.Errorf("namedSymbolSpans(%q) = %v, want %v", s, got, want)
	}
	for _, sc := range []*scanner{docSymbolScan, selfRefScan, dateScan, passiveScan, namedSymbolScan} {
		if got, want := sc.findAll(s), sc.re.FindAllStringIndex(s, -1); !cmp.Equal(got, want) {
			t.Errorf("findAll(%q) by %s = %v, want %v", s, sc.re, got, want)
		}
		if got, want := sc.match(s), sc.re.MatchString(s); got != want {
			t.Errorf("match(%q) by %s = %v, want %v", s, sc.re, got, want)
		}
	}
	if got, want := noteBy(s), noteByRE.MatchString(s); got != want {
		t.Errorf("noteBy(%q) = %v, want %v", s, got, want)
	}
}

func TestScannerIsFindAll(t *testing.T) { holdOnLines(t, scannerSamples, checkScanner) }

func FuzzScanner(f *testing.F) { fuzzSamples(f, scannerSamples, checkScanner) }

// TestScannerRefuses: an expression that looks before a match (other
// than by \b before a word on every path), or can match nothing, cannot
// be run anchored in its place.
func TestScannerRefuses(t *testing.T) {
	for _, expr := range []string{`^1/2`, `a*`, `(?:x|)`, `(?:\bx|y)`, `\b\.x`, `x\b|\by`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newScanner(%q) did not refuse it", expr)
				}
			}()
			newScanner(regexp.MustCompile(expr))
		}()
	}
}

// mayCiteContains is mayCite by strings.Contains.
func mayCiteContains(text string) bool {
	for _, k := range []string{"ecision", "ECISION", "esolution", "ESOLUTION", "ecommendation", "ec.", "es.", "EC.", "ES."} {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}

var mayCiteSamples = []string{
	"the Basel, Rotterdam and Stockholm Conventions", "CITESCITES CITES", "Ramsar Ramsar", "UNEP/CBD/COP/14/3",
	"Animals and Plants Committees and the Animals Committee", "Res. Conf. 9.6", "DEC. 3", "measures.", "dec", ".es.",
	"Recommendation 4", "RESOLUTION", "no keyword here", "",
}

func checkMayCite(t *testing.T, s string) {
	if got, want := mayCite(s), mayCiteContains(s); got != want {
		t.Errorf("mayCite(%q) = %v, want %v", s, got, want)
	}
}

func TestMayCiteIsContains(t *testing.T) { holdOnRuns(t, mayCiteSamples, 20, 20, checkMayCite) }

func FuzzMayCite(f *testing.F) { fuzzSamples(f, mayCiteSamples, checkMayCite) }

var emphasisSamples = []string{
	"1. *Welcomes* the report", "**Note by the secretariat**", "_Decides_ to *also* adopt", "x (*a*) “_b_” 'c' \"*d*\"",
	"****a*", "a*b*c", "* * *", "*a**b*", "__x__ y __z__", "é *a* é", "\t*a*\n*b*", "*", "**", "*a", "a*",
}

func checkEmphasis(t *testing.T, l string) {
	if got, want := stripEmphasis(l), emphasis.ReplaceAllString(l, "$1$3"); got != want {
		t.Errorf("stripEmphasis(%q) = %q, want %q", l, got, want)
	}
}

func TestStripEmphasisIsReplaceAll(t *testing.T) { holdOnLines(t, emphasisSamples, checkEmphasis) }

func FuzzStripEmphasis(f *testing.F) { fuzzSamples(f, emphasisSamples, checkEmphasis) }

var markerSamples = []string{
	"1. Decides", "12.Decides", "123.", "1234. x", "1.2 billion", "1..", "3.\tx", "07. Requests", "1.é", "1.\xc3", "1.",
	"(a) To", "(iv)", "(abcde) x", "(a)x", "a) To", "ab)  x", "abc) x", "a)x", "()", "(a", "(A) x",
	"1) Decides", "12)x", "1)", "a)", "a).", "a)_", "a)é",
}

// sameAsRE reports where got, what name gives for s, is not what re
// finds in s.
func sameAsRE(t *testing.T, name string, got []string, re *regexp.Regexp, s string) {
	t.Helper()
	if want := re.FindStringSubmatch(s); !cmp.Equal(got, want) {
		t.Errorf("%s(%q) = %q, want %q", name, s, got, want)
	}
}

func checkMarkers(t *testing.T, s string) {
	sameAsRE(t, "numberMarker", numberMarker(s), numberRE, s)
	sameAsRE(t, "parenMarker", parenMarker(s), parenRE, s)
}

func TestMarkersAreExpressions(t *testing.T) {
	for _, s := range append(testLines(t), markerSamples...) {
		checkMarkers(t, s)
		checkMarkers(t, s[:min(len(s), numberBytes)])
		checkMarkers(t, s[:min(len(s), parenBytes)])
	}
}

func FuzzMarkers(f *testing.F) { fuzzSamples(f, markerSamples, checkMarkers) }

var symbolSamples = []string{"1/CP.21", "4/CMA.1", "12/CMP.1", "3/COP.14", "1234/CP.1", "1/CP.123", "1/CP.", "1/CP.2a",
	"1/CPX.2", "BC-16/2", "UNEP/EA.5/Res.8", "CBD X/2", "x1/CP.21", "", "/", "1/CP.21 ", "1/CP.2\n"}

func checkSymbolMatches(t *testing.T, s string) {
	sameAsRE(t, "unfcccMatch", unfcccMatch(s), symbolUNFCCCRE, s)
	sameAsRE(t, "prefixedMatch", prefixedMatch(s), symbolPrefixedRE, s)
}

func TestSymbolMatchesAreExpressions(t *testing.T) {
	for _, s := range append(testLines(t), symbolSamples...) {
		checkSymbolMatches(t, s)
		for _, f := range strings.Fields(s) {
			checkSymbolMatches(t, f)
		}
	}
}

func FuzzSymbolMatches(f *testing.F) { fuzzSamples(f, symbolSamples, checkSymbolMatches) }

// TestListItemStarts: a stretch listItemRE reads an item from holds a
// byte an item begins with.
func TestListItemStarts(t *testing.T) {
	for _, l := range append(testLines(t), " 1/CP.21 and 3/CMA.1", ", and decision BC-16/2", " Conf. 9.24 (Rev. CoP17)", ", in which", " 2019-1", " and IX/2") {
		for i := range l {
			w := listItemWindow(l[i:])
			if listItemRE.MatchString(w) && !holdsAny(w, &listSymbolStarts) {
				t.Errorf("listItemRE matches %q, which holds no byte of listSymbolStarts", w)
			}
		}
	}
}

var spaceSamples = []string{"  a b  ", " a  b", "a\tb ", " é b", " a\u00a0b", " ", "", "a", " a\u2003 b ", "\ta b", "a b\r "}

func checkFoldSpaces(t *testing.T, s string) {
	if got, want := foldSpaces(s), strings.Join(strings.Fields(s), " "); got != want && (s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ")) {
		t.Errorf("foldSpaces(%q) = %q, want %q", s, got, want)
	}
}

// TestFoldSpacesIsFields: a line foldSpaces must fold (spaces at its
// ends or two together) comes out as strings.Fields joins it.
func TestFoldSpacesIsFields(t *testing.T) {
	for _, s := range append(testLines(t), spaceSamples...) {
		if s != "" {
			checkFoldSpaces(t, s)
		}
	}
}

func FuzzFoldSpaces(f *testing.F) {
	for _, s := range spaceSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s != "" {
			checkFoldSpaces(t, s)
		}
	})
}

// TestKeywordsOpenAsScanned: every keyword opens as keywordScan's quick
// test expects.
func TestKeywordsOpenAsScanned(t *testing.T) {
	for _, k := range keywords {
		if len(k) < 3 || k[1] != 'e' || k[2] != 'c' && k[2] != 's' {
			t.Errorf("keyword %q does not open with dec, rec or res: keywordScan passes it over", k)
		}
	}
}

// TestSplitLinesIsSplit: splitLines reads the lines strings.Split gives.
func TestSplitLinesIsSplit(t *testing.T) {
	for _, s := range []string{"", "a", "a\n", "\n", "a\nb", "a\n\f\nb\n\n", "\f", " a  b \n\n c"} {
		var want []string
		for _, r := range strings.Split(s, "\n") {
			if r != "\f" {
				want = append(want, foldSpaces(r))
			}
		}
		var got []string
		for _, l := range splitLines(s) {
			got = append(got, l.text)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("splitLines(%q) (-want +got):\n%s", s, diff)
		}
	}
}

func checkLowerPrefix(t *testing.T, s string) {
	for _, p := range []string{"decision directed to", "decision directed", "to ", "decision"} {
		if got, want := hasLowerPrefix(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
			t.Errorf("hasLowerPrefix(%q, %q) = %v, want %v", s, p, got, want)
		}
	}
}

var lowerPrefixSamples = []string{"Decision directed to:", "DECISION DIRECTED TO", "decİsion directed to", "To the", "TO", "t", "", "\xffto "}

func FuzzLowerPrefix(f *testing.F) { fuzzSamples(f, lowerPrefixSamples, checkLowerPrefix) }

func TestLowerPrefixIsToLower(t *testing.T) { holdOnLines(t, lowerPrefixSamples, checkLowerPrefix) }

// TestNextCommaOrSemicolon: the quick search finds what a walk over the
// bytes finds.
func TestNextCommaOrSemicolon(t *testing.T) {
	for _, l := range append(testLines(t), "a, b; c", ";;", ",", "", "abc", "a;b,c") {
		want := []int{}
		for i := 0; i < len(l); i++ {
			if l[i] == ',' || l[i] == ';' {
				want = append(want, i)
			}
		}
		got := []int{}
		for i := nextCommaOrSemicolon(l, 0); i >= 0; i = nextCommaOrSemicolon(l, i+1) {
			got = append(got, i)
		}
		if !cmp.Equal(got, want) {
			t.Errorf("nextCommaOrSemicolon over %q = %v, want %v", l, got, want)
		}
	}
}

// TestLabelCellsHoldNoSymbol: every cell labelCell passes over, every
// number of up to five digits and every numeral of up to five of "I",
// "V" and "X" with its full stop, is one that tableCellSymbolRE and
// decisionSignal refuse.
func TestLabelCellsHoldNoSymbol(t *testing.T) {
	var cells []string
	for n := 0; n < 100000; n++ {
		cells = append(cells, strconv.Itoa(n)+".", fmt.Sprintf("%05d.", n))
	}
	var romans func(prefix string)
	romans = func(prefix string) {
		if prefix != "" {
			cells = append(cells, prefix+".")
		}
		if len(prefix) < maxLabelCell {
			for _, c := range []string{"I", "V", "X"} {
				romans(prefix + c)
			}
		}
	}
	romans("")
	for _, c := range cells {
		if !labelCell(c) {
			if len(c) <= maxLabelCell+1 {
				t.Errorf("labelCell(%q) = false", c)
			}
			continue
		}
		if tableCellSymbolRE.MatchString(c) || decisionSignal(c) {
			t.Errorf("labelCell(%q) = true, but it may hold a symbol", c)
		}
	}
	for _, c := range []string{"1", ".", "1.2.", "A.", "IX/2.", "1a.", "123456.", "L.", "XL."} {
		if labelCell(c) {
			t.Errorf("labelCell(%q) = true, want false", c)
		}
	}
}

// TestBulletLenReadsEveryMark: the first-byte test of bulletLen lets
// every mark of bulletMarks through, set apart by a space or glued to a
// capitalized word, and nothing that opens otherwise.
func TestBulletLenReadsEveryMark(t *testing.T) {
	for _, b := range bulletMarks {
		if got := bulletLen(b + " to request"); got != len(b)+1 {
			t.Errorf("bulletLen(%q) = %d, want %d", b+" to request", got, len(b)+1)
		}
		if got := bulletLen(b + "Requests"); got != len(b) {
			t.Errorf("bulletLen(%q) = %d, want %d", b+"Requests", got, len(b))
		}
	}
	for _, s := range []string{"", "Requests", "-based", "‐ x", "→ x", "€ 5", "* x"} {
		if got := bulletLen(s); got != 0 {
			t.Errorf("bulletLen(%q) = %d, want 0", s, got)
		}
	}
}

// numberCutsByRE is numberCuts as oneLineCutRE reads it.
func numberCutsByRE(l string) [][3]int {
	var out [][3]int
	for _, m := range oneLineCutRE.FindAllStringSubmatchIndex(l, -1) {
		if m[2] >= 0 {
			out = append(out, [3]int{m[0], m[2], m[3]})
		}
	}
	return out
}

var numberCutsSamples = []string{
	"The Subsidiary Body on Scientific Advice 1.Welcomes the report; 2. Requests the Executive Secretary to act;",
	"The Body\t1. Welcomes x 2.\u00a0Requests y 3.\n“Quoted",
	"Body 11. Welcomes x 1234. Requests y 1. Notes z 2. “Decides 999.x 0. y",
	"(a) 1. Welcomes (b) 2. Requests a) 3.\"x\" 1. 2. Invites",
	" 1.  Welcomes\n2. Requests 12.5 3.É",
	"provides as follows: “1. Welcomes the report; “2. Also welcomes “ 3. x “12.Requests 1234. y",
}

func checkNumberCuts(t *testing.T, s string) {
	if got, want := numberCuts(s), numberCutsByRE(s); !cmp.Equal(got, want) {
		t.Errorf("numberCuts(%q) = %v, want %v", s, got, want)
	}
}

// TestNumberCutsQuick holds numberCuts to oneLineCutRE, on every line
// and on every labelled decision printed on one line.
func TestNumberCutsQuick(t *testing.T) {
	samples := append([]string(nil), numberCutsSamples...)
	for _, text := range labelledFiles(t) {
		samples = append(samples, oneLine(text))
	}
	holdOnLines(t, samples, checkNumberCuts)
}

func FuzzNumberCuts(f *testing.F) { fuzzSamples(f, numberCutsSamples, checkNumberCuts) }

var recitalOneSamples = []string{
	"Preamble 1. RECALLING the convention; 2. NOTING the report; 3. URGES Parties to act",
	"The Commission,\t01.\tRecalling its resolution, 2. Noting, 3. Requests",
	"x 1. Requests y; 2. Recalling z; 11. Noting 1.  Aware of it; 2. Decides",
	"Item 21. Recalling;1. Noting,1.\nBearing in mind; 2. Urges",
}

func checkRecitalOne(t *testing.T, s string) {
	first := strings.Index(s, "1. ")
	if first < 1 {
		return
	}
	if got, want := numberedRecitals(s), numberedRecitalRun(s, first-1); len(got) != len(want) || len(got) > 0 && !cmp.Equal(got, want) {
		t.Errorf("numberedRecitals(%q) = %v, want %v", s, got, want)
	}
}

// TestRecitalOneQuick holds that recitalOne lets numberedRecitals skip
// only lines where its expression finds no run, on every line and on
// every labelled decision printed on one line.
func TestRecitalOneQuick(t *testing.T) {
	samples := append([]string(nil), recitalOneSamples...)
	for _, text := range labelledFiles(t) {
		samples = append(samples, oneLine(text))
	}
	holdOnLines(t, samples, checkRecitalOne)
}

func FuzzRecitalOne(f *testing.F) { fuzzSamples(f, recitalOneSamples, checkRecitalOne) }

var oneLineCutsSamples = append([]string{
	"Decides: a) to act; b) to report (c) To invite ii) Requests (iv)“x” abcde) y (ab)\tZ",
	"x a) 1. b)  c)\n\"d\" (e)) f)é g)\u00a0h ( i) Jj",
	"The Board decided: a) To approve; b)To note; c) 3. d) x aaaa) Y aaaaa) Z",
}, numberCutsSamples...)

func checkOneLineCuts(t *testing.T, s string) {
	var want [][6]int
	for _, m := range oneLineCutRE.FindAllStringSubmatchIndex(s, -1) {
		want = append(want, [6]int(m))
	}
	if got := oneLineCuts(s); !cmp.Equal(got, want) {
		t.Errorf("oneLineCuts(%q) = %v, want %v", s, got, want)
	}
}

// TestOneLineCutsQuick holds oneLineCuts to oneLineCutRE, on every line
// and on every labelled decision printed on one line.
func TestOneLineCutsQuick(t *testing.T) {
	samples := append([]string(nil), oneLineCutsSamples...)
	for _, text := range labelledFiles(t) {
		samples = append(samples, oneLine(text))
	}
	holdOnLines(t, samples, checkOneLineCuts)
}

func FuzzOneLineCuts(f *testing.F) { fuzzSamples(f, oneLineCutsSamples, checkOneLineCuts) }

var indexSpacedSamples = []string{
	"Decision 3/2: x Decision Decision 4/1: The Resolution  Resolution 2: Recommendation",
	" 1. Recalling 11. 2. Noting  1.1. x 21. 1.",
	"Decision", " Decision", "x Decision ", "", " ",
}

func checkIndexSpaced(t *testing.T, s string) {
	for _, w := range []string{"Decision ", "Resolution ", "Recommendation ", "1.", "2.", "12.", "D"} {
		for off := 0; off <= len(s); off++ {
			want := strings.Index(s[off:], " "+w)
			if want >= 0 {
				want += off
			}
			if got := indexSpaced(s, w, off); got != want {
				t.Errorf("indexSpaced(%q, %q, %d) = %d, want %d", s, w, off, got, want)
			}
		}
	}
}

// TestIndexSpacedIsIndex holds indexSpaced to strings.Index, on every
// line.
func TestIndexSpacedIsIndex(t *testing.T) { holdOnLines(t, indexSpacedSamples, checkIndexSpaced) }

func FuzzIndexSpaced(f *testing.F) { fuzzSamples(f, indexSpacedSamples, checkIndexSpaced) }

// bulletCutsByWords is where bulletRun cuts l, read word by word.
func bulletCutsByWords(l string) []int {
	var cuts []int
	for i := strings.IndexByte(l, ' '); i >= 0 && i+1 < len(l); {
		if n := bulletLen(l[i+1:]); n > 0 && opensOperative(l[i+1+n:]) {
			cuts = append(cuts, i+1)
		}
		k := strings.IndexByte(l[i+1:], ' ')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return cuts
}

var bulletRunSamples = []string{
	"Resolution 2031-4 • Decides to act. • Requests the Secretariat to report. - Invites Parties -Urges all",
	"x – Decides — Requests ▪ Notes ● Invites -based -3 € x \u00e2 y",
	"-Decides at the start • Requests", "",
}

func checkBulletRun(t *testing.T, s string) {
	want := bulletCutsByWords(s)
	var got []string
	if len(want) >= minBulletRun {
		got = piecesAt(s, want)
		if decisionSignal(got[0]) {
			got = append([]string{got[0], ""}, got[1:]...)
		}
	}
	if r := bulletRun(s); !cmp.Equal(r, got) {
		t.Errorf("bulletRun(%q) = %q, want %q", s, r, got)
	}
}

// TestBulletRunQuick holds bulletRun's scan from bullet byte to bullet
// byte to a reading word by word, on every line.
func TestBulletRunQuick(t *testing.T) { holdOnLines(t, bulletRunSamples, checkBulletRun) }

func FuzzBulletRun(f *testing.F) { fuzzSamples(f, bulletRunSamples, checkBulletRun) }

// capsClauseByWords is capsClause read word by word.
func capsClauseByWords(l string) []string {
	for i, prev := -1, ""; i+1 < len(l); {
		at := i + 1
		// after a field's label, a word that ends no clause ("Body"),
		// not a number or a recital; a modifier in capitals opens the
		// clause: "STRONGLY URGES"
		if at > 0 && prev != "" && isLetter(prev[len(prev)-1]) && !capsWord(prev) && capsOpener(l[at:]) && loneOperative(l[at:]) {
			end := len(l)
			if k := strings.IndexAny(l[at:], ";."); k >= 0 {
				end = at + k + 1
			}
			var out []string
			for _, p := range []string{l[:at], l[at:end], l[end:]} {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
		k := strings.IndexByte(l[at:], ' ')
		if k < 0 {
			break
		}
		prev, i = l[at:at+k], at+k
	}
	return nil
}

// capsTitleRunByWords is capsTitleRun read word by word.
func capsTitleRunByWords(l string) []string {
	var cuts []int
	start, n := -1, 0 // the run of words in capitals: where it opens, its length
	for i := 0; i < len(l); {
		j := strings.IndexByte(l[i:], ' ')
		if j < 0 {
			j = len(l) - i
		}
		w := l[i : i+j]
		switch {
		case capsWord(w):
			if n == 0 {
				start = i
			}
			n++
		case n > minCapsTitle && w != "" && w[0] >= 'a' && w[0] <= 'z':
			// the run's last word opens the recital
			k := strings.LastIndexByte(strings.TrimRight(l[:i], " "), ' ') + 1
			if _, ok := opensRecital(l[k:]); ok && sentenceEnd(l[:start]) >= 0 {
				cuts = append(cuts, start)
			}
			n = 0
		default:
			n = 0
		}
		i += j + 1
	}
	if len(cuts) == 0 {
		return nil
	}
	return piecesAt(l, cuts)
}

var capsRunSamples = []string{
	"Long Title Resolution 2031 Body STRONGLY URGES all governments to act; Status Adopted",
	"… to the Convention. Agreed PROPOSAL FOR A WORKSHOP ON SEALS RECALLING that the …",
	"Resolution 9-2 ON SMALL STOCKS NOTING that x. A B C D RECALLING e  NOTING  THE USE OF X RECALLING the",
	"UNFCCC COP CMA IPCC urges x. Body  URGES all; RESOLUTION ON SEALS NOTING",
}

func checkCapsRuns(t *testing.T, s string) {
	if got, want := capsClause(s), capsClauseByWords(s); !cmp.Equal(got, want) {
		t.Errorf("capsClause(%q) = %q, want %q", s, got, want)
	}
	if got, want := capsTitleRun(s), capsTitleRunByWords(s); !cmp.Equal(got, want) {
		t.Errorf("capsTitleRun(%q) = %q, want %q", s, got, want)
	}
}

// TestCapsRunsQuick holds capsClause, which reads only the words that
// open with a capital, and capsTitleRun, which skips to the next such
// word outside a run, to readings word by word, on every line and on
// every labelled decision printed on one line.
func TestCapsRunsQuick(t *testing.T) {
	samples := append([]string(nil), capsRunSamples...)
	for _, text := range labelledFiles(t) {
		samples = append(samples, oneLine(text))
	}
	holdOnLines(t, samples, checkCapsRuns)
}

func FuzzCapsRuns(f *testing.F) { fuzzSamples(f, capsRunSamples, checkCapsRuns) }

// headingOpenSamples test mayHeadDecision, which isDecisionHeading and
// decisionHeading ask first: keywords in each case, "Draft" and "Res.
// Conf." with their spaces, the field's "Number" and "No.", a body's
// label, a colon, and words that open no symbol.
var headingOpenSamples = []string{
	"Draft  decision XIV/3", "DRAFT\tDECISION VI/2", "Draft", "Draftdecision 3/2", "Draft decisions 3/2",
	"Res.Conf. 9.24", "Res.  Conf. 10.4 (Rev. CoP19)", "Res. Conf.9.24", "Res. 3/2",
	"Decision No. 3/2", "Decision no 3/2", "Decision Number: XIII/5", "decision number 4/2",
	"Decision: 3/2", "Decision :3/2", "Decision:3/2", "Decision  :  COP XIV/26", "Decision COP-MOP 1/2",
	"Decisions 13.1 to 13.3", "Decision directed to:", "Recommendation of the Working Group",
	"RECOMMENDATION 28E/6", "Resolution\n11.3", "Decision \n XIV/3: Title", "Dec. III/12", "Dec.III/12",
	"Decision Ex.I/1", "Decision B.24/03", "Decision IG.23/5", "Decision 28 COM 14B.3", "Decision ",
	"Decision", "Decision: ", "Resolution MEPC.1(2)", "Decision [3/2]", "Decision é3/2",
}

// TestHeadingOpenSamples holds isDecisionHeading and decisionHeading to
// headingRE on headingOpenSamples.
func TestHeadingOpenSamples(t *testing.T) {
	for _, s := range headingOpenSamples {
		checkHeading(t, s)
	}
}

func FuzzHeadingOpen(f *testing.F) { fuzzSamples(f, headingOpenSamples, checkHeading) }

// namedHeadingSamples test holdsNamedWord before namedHeadingRE.
var namedHeadingSamples = []string{
	"HELCOM Recommendation 28E/6", "Recommendation 28E/6", "Agreement 2010-03 Title", "OSPAR Agreement 2010-03",
	"Measure 4 (2019)", "ATCM Measure 4 (2019): Title", "Decision Agreement 2010-03", "Paris Agreement",
	"Decision number: HELCOM Recommendation 1/2", "MEASURE 4 (2019)", "HELCOM Commission Agreement 2019-1",
}

// checkNamedHeading holds that a heading namedHeadingRE matches holds one
// of namedSymbolWords, which namedHeading looks for first.
func checkNamedHeading(t *testing.T, s string) {
	if namedHeadingRE.MatchString(s) && !holdsNamedWord(s) {
		t.Errorf("namedHeadingRE matches %q, which holds none of %q", s, namedSymbolWords)
	}
}

// TestNamedHeadingHoldsWord holds namedHeading's test of its words to
// namedHeadingRE, and every symbol of the table's namedSymbols to
// opening with a word, without which the test would not stand.
func TestNamedHeadingHoldsWord(t *testing.T) {
	for _, s := range houseStyles {
		for _, sym := range s.namedSymbols {
			if w, _ := regexp.MustCompile(sym).LiteralPrefix(); w == "" {
				t.Errorf("named symbol %q opens with no word", sym)
			}
		}
	}
	holdOnLines(t, namedHeadingSamples, checkNamedHeading)
}

func FuzzNamedHeading(f *testing.F) { fuzzSamples(f, namedHeadingSamples, checkNamedHeading) }

var refSamples = []string{
	"decisions 1/CP.21 and 3/CMA.1", "Recalling its resolutions 3337 (XXIX) and 3511 (XXX)", "resolution 3337 (XXIX), and 3511 (XXX) by",
	"Dec. III/12, dec. IV/2", "Res. Conf. 9.24 (Rev. CoP17)", "DECISIONS , XIV/3", "DEcision 14/3", "decisions\t14/3",
	"UNEP/CHW.14/5/Add.1.3UNEP/CHW.14/INF/7", "UNEP/CBD/COP/DEC/IX/24", "Measure 15 (2009)", "no symbol here, none at all",
	"resolutions on whaling (1995-9, 1996-7 and 1997-5)", "ſ/1", "é9", "x/", "recommendations, 3.2", "rDr", "Dd",
	"The Conference of the Parties,", "the CONFERENCES OF THE PARTIES", "conferenceſ of the partieſ", "Conferences", "a jointly held", "ſimultaneous",
	"Requests-é", "Éa", "a\xffb", "Decides[", "Notes`", "-Z@", "Parties1, noting", "as set out in annex²", "the Convention12 and", "Rev.1.", "x¹ and y¹", "decisionſ 3/2", "decisions,3/2", "decision ,\t3/2", "res.  conf. 3.2", "res.conf. 3.2", "Dec.IV/2", "decisions ,", "RECOMMENDATION\n\n 1", "decision\u00a03/2", "decision                  3/2",
}

// keywordScanByRE is keywordScan as written with strings.IndexAny and
// keywordRE searched over the keyword and what follows it.
func keywordScanByRE(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "dDrR")
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		if at > 0 && isAlnum(text[at-1]) {
			continue
		}
		for _, k := range keywords {
			end := at + len(k)
			if end > len(text) || !strings.EqualFold(text[at:end], k) {
				continue
			}
			if end < len(text) && isAlnum(text[end]) && k[len(k)-1] != '.' {
				continue
			}
			if loc := keywordRE.FindStringSubmatchIndex(text[at:min(len(text), end+keywordTail)]); loc != nil && loc[0] == 0 {
				out = append(out, []int{at, at + loc[1], at + loc[2], at + loc[3]})
				i = at + loc[1]
			}
			break
		}
	}
	return out
}

// markerInBackwards is markerIn searching text for a digit only
// backwards, with strings.LastIndex and gluedAt; it reads other markers
// as markerIn does.
func markerInBackwards(text, m string) int {
	if m == "" || m[0] == '[' || m[0] == '*' || strings.HasPrefix(m, "∗") || strings.HasPrefix(m, "†") {
		return markerIn(text, m)
	}
	if len(m) == 1 && isDigit(m[0]) {
		if i := strings.LastIndex(text, string(superscriptOf[m[0]-'0'])); i >= 0 {
			return i
		}
	}
	return gluedAt(text, m)
}

// leadingWordByRunes is leadingWord read a rune at a time.
func leadingWordByRunes(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return s[:i]
		}
	}
	return s
}

// checkRefQuickPaths holds the quick paths of references to what they
// stand for on s: keywordScan to keywordScanByRE, leadingWord to
// leadingWordByRunes, markerIn to markerInBackwards, jointMark to
// jointMarkRE, anyOf to
// strings.IndexAny, gluedDoc to gluedDocRE, gaListItemRE on a
// listItemWindow to gaListItemRE on the rest of the text, and
// mayHoldSymbol to a text that cites nothing.
func checkRefQuickPaths(t *testing.T, s string) {
	if got, want := keywordScan(s), keywordScanByRE(s); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("keywordScan(%q) = %v, by keywordRE %v", s, got, want)
	}
	for _, set := range []string{"dDrR", "mM", "/"} {
		a := newAnyOf(s, set)
		for i := 0; i <= len(s); i++ {
			want := strings.IndexAny(s[i:], set)
			if want >= 0 {
				want += i
			}
			if got := a.from(i); got != want {
				t.Fatalf("anyOf(%q, %q).from(%d) = %d, strings.IndexAny says %d", s, set, i, got, want)
			}
		}
	}
	if got, want := gluedDoc(s), gluedDocRE.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("gluedDoc(%q) = %v, gluedDocRE %v", s, got, want)
	}
	for i := range s {
		if i > 0 && s[i-1] != ' ' && len(s) > 200 {
			continue // long lines: where a list goes on after a word
		}
		if got, want := gaListItemRE.FindStringSubmatchIndex(listItemWindow(s[i:])), gaListItemRE.FindStringSubmatchIndex(s[i:]); !slices.Equal(got, want) {
			t.Errorf("gaListItemRE on listItemWindow(%q) = %v, on the text %v", s[i:], got, want)
		}
	}
	if got, want := leadingWord(s), leadingWordByRunes(s); got != want {
		t.Errorf("leadingWord(%q) = %q, rune by rune %q", s, got, want)
	}
	for _, m := range []string{"1", "2", "12", "*", "[1]", "†"} {
		if got, want := markerIn(s, m), markerInBackwards(s, m); got != want {
			t.Errorf("markerIn(%q, %q) = %d, read backwards %d", s, m, got, want)
		}
	}
	if got, want := jointMark(s), jointMarkRE.MatchString(s); got != want {
		t.Errorf("jointMark(%q) = %v, jointMarkRE says %v", s, got, want)
	}
	if got, want := mayHoldSymbol(s), strings.ContainsAny(s, "0123456789/"); got != want {
		t.Errorf("mayHoldSymbol(%q) = %v, want %v", s, got, want)
	}
	if !mayHoldSymbol(s) {
		if refs := decisionRefs(s, "unfccc"); len(refs) > 0 {
			t.Errorf("decisionRefs(%q) = %v, but mayHoldSymbol says it cites nothing", s, refs)
		}
		if syms, _ := documentSymbols(s); len(syms) > 0 {
			t.Errorf("documentSymbols(%q) = %v, but mayHoldSymbol says it cites nothing", s, syms)
		}
	}
}

func TestRefQuickPaths(t *testing.T) { holdOnRuns(t, refSamples, 3, 1, checkRefQuickPaths) }

func FuzzRefQuickPaths(f *testing.F) { fuzzSamples(f, refSamples, checkRefQuickPaths) }

var furnitureSamples = []string{
	"12", "- 3 -", "Page 2 of 9", "PAGE 12", "– 4 –", "page 3/7", "\u212a", "17 November 2022", "13.3",
	"GE.21-12345 (E)", "GE.21-12345 (E) 123456 123456", "123456", "A1234567 123456", "*1234567*", "K1234567 123456",
	"UNEP/CBD/COP/15/17", "ABCDEFGHIJK/1/2", "ABCDEFGHIJ/1/2", "A/b", "A//b", "A/b/", "a/b/c", "UNEP/EA.5/Res.8",
	"13/CP.26   12 May 2025", "Resolution 2019-2\t4 June 2019", "SC61-4 3 July 2022", "x 12 May 20255",
	"Skip to main content", "SKIP TO MAIN CONTENT", "ſhare", "\u212aenu", "Print this page",
	"Home › Decisions › Conference of the Parties", "Home » Decisions » COP", "« pays » et « partie »",
}

// checkFurniture holds the quick tests of furniture to the expressions
// and the look-up they stand for.
func checkFurniture(t *testing.T, s string) {
	if got, want := isWebChrome(s), webChrome[strings.ToLower(s)]; got != want {
		t.Errorf("isWebChrome(%q) = %v, want %v", s, got, want)
	}
	if got, want := isDocOnly(s), docOnlyLine.MatchString(s); got != want {
		t.Errorf("isDocOnly(%q) = %v, docOnlyLine says %v", s, got, want)
	}
	if got, want := isPageNumber(s), s != "" && pageNumber.MatchString(strings.ToLower(s)); got != want {
		t.Errorf("isPageNumber(%q) = %v, pageNumber says %v", s, got, want)
	}
	if jobNumber.MatchString(s) && !mayBeJobNumber(s) {
		t.Errorf("mayBeJobNumber(%q) = false, but jobNumber matches it", s)
	}
	if datedHead.MatchString(s) && !isDatedHead(s) {
		t.Errorf("isDatedHead(%q) = false, but datedHead matches it", s)
	}
	if (strings.Count(s, "›") >= 2 || strings.Count(s, "»") >= 2) && !mayBeBreadcrumbs(s) {
		t.Errorf("mayBeBreadcrumbs(%q) = false, but it holds two separators", s)
	}
}

func TestFurnitureIsExpressions(t *testing.T) { holdOnLines(t, furnitureSamples, checkFurniture) }

func FuzzFurniture(f *testing.F) { fuzzSamples(f, furnitureSamples, checkFurniture) }

// TestMarkerValueOfASCII: a marker of ASCII is its own value, as no
// superscript digit is ASCII.
func TestMarkerValueOfASCII(t *testing.T) {
	for r := range superscripts {
		if r < 0x80 {
			t.Errorf("superscript %q is ASCII: markerValue passes it over", r)
		}
	}
}

// checkNormalizedLines compares normalizedLines with splitLines of
// Normalize on s.
func checkNormalizedLines(t *testing.T, s string) {
	if diff := cmp.Diff(splitLines(Normalize(s)), normalizedLines(s), cmp.AllowUnexported(line{})); diff != "" {
		t.Errorf("normalizedLines(%q) (-splitLines(Normalize) +got):\n%s", s, diff)
	}
}

var textSamples = []string{
	"", "a", "\n", "a\r\nb", "Decision 1/CP.21\f2\n\nThe Conference of the Parties,", "28 COM 14B.3.Format of recommendations",
	"**Decision 3/2** Title\n1.*Decides* to", "a  b \n\f\n\f\n c", "5/CP.30\tTitle\tText", "| 5/CP.30 | Title | Text |",
}

// TestNormalizedLinesIsSplitLines: every text of the corpora and the
// tests is cut into the lines splitLines cuts Normalize's text into.
func TestNormalizedLinesIsSplitLines(t *testing.T) {
	for _, s := range textSamples {
		checkNormalizedLines(t, s)
	}
	var paths []string
	for _, dir := range []string{corpusDir, filepath.Join(corpusDir, "..", "seeds"), ownCorpusDir, "testdata"} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		paths = append(paths, more...)
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err != nil {
			t.Error(err)
		} else {
			checkNormalizedLines(t, string(b))
		}
	}
}

func FuzzNormalizedLines(f *testing.F) { fuzzSamples(f, textSamples, checkNormalizedLines) }

var mayHoldLeadSamples = []string{
	"NOW THEREFORE the Commission; CALLS upon", "…; now therefore, before the forest", "Therefore", "FORE fore THEREFOR",
}

func checkMayHoldLead(t *testing.T, s string) {
	want := false
	for _, w := range leadWords {
		want = want || strings.Contains(s, w)
	}
	if got := mayHoldLead(s); got != want {
		t.Errorf("mayHoldLead(%q) = %v, want %v", s, got, want)
	}
}

// TestMayHoldLeadIsContains holds mayHoldLead, which looks for the
// words' tails first, to a search for the words, on every line.
func TestMayHoldLeadIsContains(t *testing.T) { holdOnLines(t, mayHoldLeadSamples, checkMayHoldLead) }

func FuzzMayHoldLead(f *testing.F) { fuzzSamples(f, mayHoldLeadSamples, checkMayHoldLead) }

// checkMarkerReads holds numberMatch, parenMatch, numberStart and
// parenStart, which read a line's marker without building it, to
// numberRE and parenRE on the line's first bytes, as the blocker reads
// them.
func checkMarkerReads(t *testing.T, s string) {
	label, at, glued, ok := numberMatch(s)
	var want []string
	if s != "" && isDigit(s[0]) {
		want = numberRE.FindStringSubmatch(s[:min(len(s), numberBytes)])
	}
	if ok != (want != nil) || ok && (label != want[1]+want[2] || at != len(want[0])-len(want[3]) || glued != (want[3] != "")) {
		t.Errorf("numberMatch(%q) = %q, %d, %v, %v; numberRE finds %q", s, label, at, glued, ok, want)
	}
	if numberStart(s) != (s != "" && isDigit(s[0]) && numberRE.MatchString(s)) {
		t.Errorf("numberStart(%q) = %v, not numberRE's answer", s, numberStart(s))
	}
	plabel, pat, pok := parenMatch(s)
	want = nil
	if len(s) >= 2 && (s[0] == '(' || s[0] >= 'a' && s[0] <= 'z' && (s[1] == ')' || len(s) > 2 && s[2] == ')')) {
		want = parenRE.FindStringSubmatch(s[:min(len(s), parenBytes)])
	}
	if pok != (want != nil) || pok && (plabel != want[1]+want[2] || pat != len(want[0])) {
		t.Errorf("parenMatch(%q) = %q, %d, %v; parenRE finds %q", s, plabel, pat, pok, want)
	}
	if parenStart(s) != (want != nil) {
		t.Errorf("parenStart(%q) = %v, parenRE finds %q", s, parenStart(s), want)
	}
}

func TestMarkerReadsAreExpressions(t *testing.T) { holdOnLines(t, markerSamples, checkMarkerReads) }

func FuzzMarkerReads(f *testing.F) { fuzzSamples(f, markerSamples, checkMarkerReads) }

// TestNextLetter holds nextLetter to the labels of a lettered list.
func TestNextLetter(t *testing.T) {
	for l, want := range map[string]string{"": "a", "a": "b", "y": "z", "z": "aa", "aa": "bb", "zz": "aaa", "A": "B", "{": "|"} {
		if got := nextLetter(l); got != want {
			t.Errorf("nextLetter(%q) = %q, want %q", l, got, want)
		}
	}
}

// reportedSamples test reportedAt: bodies reporting at the start of a
// text, after a space, a tab or a line break, and "the" glued to a word.
var reportedSamples = []string{
	"The Committee decided to adopt", "the Board decided:", " The Board decided", "x\tThe Council agreed",
	"Having considered, the Adaptation Fund Board took note of inputs received and decided to:",
	"Bathe Board decided", "xThe Board decided", "The\nBoard decided", "The Board\tvery strongly urged",
	"RECALLING that the Scientific Committee agreed", "The", "the ", "The SC selected", "\nThe COP decided.",
}

func checkReportedAt(t *testing.T, s string) {
	if got, want := reportedAt(s), reportedRE.FindStringSubmatchIndex(s); !cmp.Equal(got, want) {
		t.Errorf("reportedAt(%q) = %v, reportedRE finds %v", s, got, want)
	}
}

// TestReportedAtIsExpression holds reportedAt to reportedRE on every
// line, on runs of lines and on the samples.
func TestReportedAtIsExpression(t *testing.T) {
	holdOnLines(t, reportedSamples, checkReportedAt)
	holdOnRuns(t, nil, 4, 2, checkReportedAt)
}

func FuzzReportedAt(f *testing.F) { fuzzSamples(f, reportedSamples, checkReportedAt) }

// checkNextSpecial compares nextSpecial with a walk over the bytes of s,
// from every byte.
func checkNextSpecial(t *testing.T, s string) {
	want := len(s)
	for i := len(s); i >= 0; i-- {
		if i < len(s) && (s[i] < 0x20 || s[i] >= 0x80) {
			want = i
		}
		if got := nextSpecial(s, i); got != want {
			t.Fatalf("nextSpecial(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

var specialSamples = []string{"", "plain text of a page", "a\tb", "twelve bytes\x7f\x1f", "éa", "0123456\x00", "01234567 \x80", "\x20\x20\x20\x20\x20\x20\x20\x1f"}

func TestNextSpecialIsByteWalk(t *testing.T) { holdOnRuns(t, specialSamples, 3, 7, checkNextSpecial) }

func FuzzNextSpecial(f *testing.F) { fuzzSamples(f, specialSamples, checkNextSpecial) }

// leadSamples test leadStart, which the segmenter asks before
// leadFormulaRE.
var leadSamples = []string{
	"NOW THEREFORE the Commission;", "Now, therefore, the Commission requests", "now THEREfore THE COMMISSION:",
	" NOW THEREFORE the Commission", "\u212aNOW", "The Commission", "",
}

func checkLeadStart(t *testing.T, s string) {
	if leadFormulaRE.MatchString(s) && (s == "" || !leadStart[s[0]]) {
		t.Errorf("leadFormulaRE matches %q, which opens with no byte of leadStart", s)
	}
}

// TestLeadStartHolds holds leadStart to leadFormulaRE on every line.
func TestLeadStartHolds(t *testing.T) { holdOnLines(t, leadSamples, checkLeadStart) }

func FuzzLeadStart(f *testing.F) { fuzzSamples(f, leadSamples, checkLeadStart) }

// checkMarkedLines compares markedLines with strings.Split and a search
// for the marks on each line.
func checkMarkedLines(t *testing.T, s string) {
	var got []string
	for l, marks := range markedLines(s) {
		got = append(got, l)
		if want := strings.ContainsAny(l, "*_"); marks != want {
			t.Errorf("markedLines(%q) marks %q %v, want %v", s, l, marks, want)
		}
	}
	if diff := cmp.Diff(strings.Split(s, "\n"), got); diff != "" {
		t.Errorf("markedLines(%q) (-strings.Split +got):\n%s", s, diff)
	}
}

var markedSamples = []string{"", "\n", "*a*\n_b_\n\nc", "a\n*", "_\n", "x**y\n\nz_"}

func TestMarkedLinesIsSplit(t *testing.T) { holdOnRuns(t, markedSamples, 5, 3, checkMarkedLines) }

func FuzzMarkedLines(f *testing.F) { fuzzSamples(f, markedSamples, checkMarkedLines) }

// headingReaderSamples test the symbols, parts and labels headingReaderFor
// leaves in or out of the expressions it reads a heading with.
var headingReaderSamples = []string{
	"Decision 2/CMP.17−3/CMA.4 Title", "Decision BC-16/2–RC-11/3–SC-11/4: Title", "Decision 3/2 - Title",
	"Decision 3/2 -3/4", "Decision 3/2 – XIV/3", "Decision 3/2 —\tIPBES-2/1", "Decision 3/2-", "Decision 3/2 − ",
	"Decision II/3 of the Second Meeting of the Parties (Bulgaria, 2001)", "Decision 5/2 adopted at the fifth session",
	"Resolution 2/5 taken at the third conference of the Parties: Title", "Decision 1/CP.21 of the Conference requests",
	"Decision COP 5/2", "Decision COP XIV/26", "Decision COP6/3", "Decision COP-MOP 1/2", "Decision COP/MOP 1/2",
	"Decision MOP\t4/2", "Decision CMA 1/3", "Decision CMP  B.24/03", "Decision No.5/2", "Decision No 5/2",
	"Decision No. : 5/2", "Decision Number 28 COM 14B.3", "Decision no.: 12.COM 11.a", "Decision : 2019-1",
	"Resolution MEPC.1(2) Title", "Decision 4 (2019)", "Decision SC12-3", "Decision Ex.I/1–II/2", "Decision 3/2\n- 4/5",
	"Decision 3/2 of the first meeting\nof the Parties", "Draft decision COP 14/3 — Title", "Decision é", "Decision COP",
	"Decision COP ", "Decision Number", "Decision No.", "Decision \u00a03/2", "Decision 3/2 ‐ 4/5", "Decision 3/2 ‑ 4/5",
}

// checkHeadingRuns compares decisionHeading and isDecisionHeading with
// headingRE on s and on s as lines joined by spaces, where the title
// follows the symbol on the same line.
func checkHeadingRuns(t *testing.T, s string) {
	checkHeading(t, s)
	checkHeading(t, strings.ReplaceAll(s, "\n", " "))
}

// TestHeadingReaders holds the expressions headingReaderFor cuts from
// headingRE to it, on every line of the corpora, on runs of them, and
// on headingReaderSamples.
func TestHeadingReaders(t *testing.T) {
	holdOnLines(t, headingReaderSamples, checkHeading)
	holdOnRuns(t, headingReaderSamples, 3, 1, checkHeadingRuns)
}

func FuzzHeadingReaders(f *testing.F) { fuzzSamples(f, headingReaderSamples, checkHeadingRuns) }

// sectionHeadingSamples test the shapes of headingRE2 that sectionHeading
// reads by hand.
var sectionHeadingSamples = []string{
	"IV. Budget", "II.", "II. ", "IIIIII. Title", "IIIII. Title", "XIV.Title", "I.\nTitle", "I. Title\nmore",
	"B. Reporting", "B.", "B. ", "B.Reporting", "H.\t\tTitle", "J. Title", "B. \nTitle", "B. Title\n", "I",
	"V.  é", "C. \xff", "IVX.\x00", "", "A", "A.\n\n", "X. \r\f", "Ib. Title", "I .Title",
}

// checkSectionHeading compares sectionHeading with headingRE2 on s.
func checkSectionHeading(t *testing.T, s string) {
	if diff := cmp.Diff(headingRE2.FindStringSubmatch(s), sectionHeading(s)); diff != "" {
		t.Errorf("sectionHeading(%q) (-headingRE2 +got):\n%s", s, diff)
	}
}

// TestSectionHeadingIsHeadingRE2 holds sectionHeading to headingRE2 on
// every line of the corpora, on runs of them and on sectionHeadingSamples.
func TestSectionHeadingIsHeadingRE2(t *testing.T) {
	holdOnLines(t, sectionHeadingSamples, checkSectionHeading)
	holdOnRuns(t, sectionHeadingSamples, 2, 1, checkSectionHeading)
}

func FuzzSectionHeading(f *testing.F) { fuzzSamples(f, sectionHeadingSamples, checkSectionHeading) }

var listItemSamples = []string{
	"1/CP.21 and 3/CMA.1", ", and decisions XIV/3, 14/30", "and Conf. 11.3 (Rev. CoP19)", "Conf.9.16", "Resolution Conf. 9.24 (Rev. CoP17)",
	"; or & 2019-1", "resolutions 3337 (XXIX)", "decisionſ 3/2", "and or BC-16/2", "andCOP6/3", "MOP 4/2 and", "B.BM-2021/03",
	" , Decision 44 COM 7B.1", "Conf. Conf. 3.2", "decisions  and 3/2", "and\u00a01/2", "IG.25/1", "MEPC.304(72)", "2 (2019)", "12.COM 7",
	"ConfX 3.2", "and", "é1/2", "decision\n\n1/2", "CP.9/3", "CBD X/2", "UNEP/EA.5/3", "Ex. III/1", "14.3\xff", ", Conf. ,1/2",
}

// checkListItem holds listItem to listItemRE at every start of s.
func checkListItem(t *testing.T, s string) {
	for i := range s {
		if got, want := listItem(s[i:], new([10]int)), listItemRE.FindStringSubmatchIndex(s[i:]); !slices.Equal(got, want) {
			t.Errorf("listItem(%q) = %v, listItemRE %v", s[i:], got, want)
		}
	}
}

func TestListItem(t *testing.T) { holdOnRuns(t, listItemSamples, 3, 1, checkListItem) }

func FuzzListItem(f *testing.F) { fuzzSamples(f, listItemSamples, checkListItem) }

// checkListItemHead holds listItemHeadAt to listItemHeadRE at every
// start of s where it answers.
func checkListItemHead(t *testing.T, s string) {
	for i := range s {
		head, kw, conf, ok := listItemHeadAt(s[i:])
		if !ok {
			continue
		}
		got := []int{0, head, kw[0], kw[1], conf[0], conf[1]}
		if want := listItemHeadRE.FindStringSubmatchIndex(s[i:]); !slices.Equal(got, want) {
			t.Errorf("listItemHeadAt(%q) = %v, listItemHeadRE %v", s[i:], got, want)
		}
	}
}

func TestListItemHead(t *testing.T) { holdOnRuns(t, listItemSamples, 3, 1, checkListItemHead) }

func FuzzListItemHead(f *testing.F) { fuzzSamples(f, listItemSamples, checkListItemHead) }

var phraseStartSamples = []string{
	"decides", "Also requests", "to take note", "“Requests", "\"decides", "'notes", " also decides", "the report",
	"and invites", "-x", "1. decides", "ſhall", "Kelvin", "\u212aeeps", "further, requests", "",
}

// checkPhraseStarts holds phraseStarts to phraseAt: at every byte of s
// that phraseStarts leaves out, phraseAt reads no phrase.
func checkPhraseStarts(t *testing.T, s string) {
	for i := range s {
		if phraseStarts[s[i]] {
			continue
		}
		for _, opt := range []phraseOptions{{}, {base: true}, {numbered: true}, {base: true, numbered: true}} {
			for _, inner := range []bool{false, true} {
				if p, ok := phraseAt(s[i:], opt, inner); ok {
					t.Errorf("phraseAt(%q, %v, %v) = %v, but phraseStarts leaves out %q", s[i:], opt, inner, p, s[i])
				}
			}
		}
	}
}

func TestPhraseStarts(t *testing.T) { holdOnRuns(t, phraseStartSamples, 2, 1, checkPhraseStarts) }

func FuzzPhraseStarts(f *testing.F) { fuzzSamples(f, phraseStartSamples, checkPhraseStarts) }
