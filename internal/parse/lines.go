package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What one line or block of text says it is — a decision's heading, an
// enacting formula, a numbered paragraph, an item, a section heading, an
// annex, a plenary stamp — and how it begins and ends. Every stage asks
// these questions of the text it holds: normalize to tell a running head
// or a footnote from the body, blocks to cut the body, segment and tree
// to read the blocks.

// formulaStop holds punctuation that no word, space or body name matched
// by formulaRE contains and that is no word character for its closing \b.
const formulaStop = ",.;:()"

// formulaWindow cuts t before its first byte of formulaStop: a match of
// formulaRE ends before it, and the expression then works over the
// formula's first words, not over a whole paragraph that starts "The".
func formulaWindow(t string) string {
	if k := strings.IndexAny(t, formulaStop); k >= 0 {
		return t[:k]
	}
	return t
}

// Bounds of an enacting formula. One printed in capitals ("THE
// CONFERENCE OF THE PARTIES TO THE CONVENTION ON …") is a heading line: a
// longer block in capitals is a title. One in sentence case fits in a few
// lines with its qualifiers ("The Conference of the Parties serving as
// the meeting of the Parties to the Paris Agreement,"): a longer block is
// a sentence that opens with a body's name. Without its closing comma or
// colon a formula is short; past maxFormulaWords words it is a sentence.
const (
	maxUpperFormula = 200
	maxFormula      = 400
	maxFormulaWords = 25
)

// isFormula reports whether t is an enacting formula ("The Conference of
// the Parties,", "The Third Meeting of the Parties decided in Dec. III/12:").
func isFormula(t string) bool {
	if strings.HasPrefix(t, "THE ") && len(t) < maxUpperFormula {
		// "THE CONFERENCE OF THE PARTIES TO THE CONVENTION" (CITES, Ramsar)
		return formulaUpperRE.MatchString(t) && strings.ToUpper(t) == t
	}
	if !strings.HasPrefix(t, "The ") || len(t) > maxFormula || !formulaRE.MatchString(formulaWindow(t)) {
		return false
	}
	if strings.Contains(t, " shall ") || strings.Contains(t, " is requested") || strings.Contains(t, " may wish") ||
		strings.Contains(t, " are requested") || strings.Contains(t, " will ") {
		return false
	}
	t = strings.TrimSpace(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return last == ',' || last == ':' || strings.Contains(t, " decided") || len(strings.Fields(t)) <= maxFormulaWords && !endsSentence(t)
}

// maxSymbolFirstSlash is how far into a heading that opens with its
// symbol ("BS-IV/6. Cooperation …", "UNEP/EA.5/Res.8 …") the symbol's
// first slash stands: symbols are a few bytes before their slash.
const maxSymbolFirstSlash = 24

// dottedHeadAfterWord is dottedHeadRE.FindStringSubmatch(t) for a t
// that opens with a word: asked only when a digit follows the word's
// spaces ("Decisions 13.1 to 13.3"), as the expression needs.
func dottedHeadAfterWord(t string) []string {
	i := strings.IndexAny(t, "\t\n\f\r ")
	if i < 0 {
		return nil
	}
	i += leading(t[i:], isRESpace)
	if i == len(t) || !isDigit(t[i]) {
		return nil
	}
	return dottedHeadRE.FindStringSubmatch(t)
}

// decMarker is the CBD's marker of a decision document, alone on its
// line: "UNEP/CBD/COP/DEC/X/31", "decision CBD/COP/DEC/15/4 paragraph 3".
var decMarker = regexp.MustCompile(`^(?i:decision\s+)?((?:UNEP/)?CBD/(?:[A-Z-]+/)*DEC/[A-Za-z0-9.\-]+/\d{1,3})(?:\s+paragraph(?:\s+\d{1,3})?)?$`)

// decisionSignal reports whether a line heads a decision.
func decisionSignal(t string) bool { return headsDecision(t, isDecisionHeading) }

// headsDecision is decisionSignal(t), asking isHeading whether t, its
// meeting's label taken off, is a decision's heading as
// isDecisionHeading would: a caller that keeps the heading's reading
// answers from it.
func headsDecision(t string, isHeading func(string) bool) bool {
	if t == "" {
		return false
	}
	t = stripMeetingLabel(t)
	c := t[0]
	if c >= '0' && c <= '9' && dottedStart(t) {
		if m := dottedHeadRE.FindStringSubmatch(t); m != nil && !strings.Contains(t, ",") && (m[1] != "" || m[3] != "" || m[4] == "") {
			return true
		}
	}
	if c >= 'a' && c <= 'z' {
		// "decision 1/CP.21." at the start of a wrapped line is a citation;
		// only the CBD's own decision markers start in lower case.
		return strings.Contains(t, "/DEC/") && decMarker.MatchString(t)
	}
	if (strings.HasPrefix(t, "Res") || strings.HasPrefix(t, "Conf.")) && citesResRE.MatchString(t) { // "Resolution Conf. 9.24", "Res. Conf. 10.4", "Conf. 11.3"
		return true
	}
	if directedLine(t) {
		return true
	}
	if _, ok := closingSymbol(t); ok {
		return true
	}
	if mayOpenDR(t) && opensDecisionWord(t) {
		if m := dottedHeadAfterWord(t); m != nil && !strings.Contains(t, ",") && (m[1] != "" || m[3] != "" || m[4] == "") {
			return true
		}
		if isHeading(t) || directedRE.MatchString(t) {
			return true
		}
	}
	if i := strings.IndexByte(t, '/'); i > 0 && i < maxSymbolFirstSlash && symbolFirstRE.MatchString(t) {
		return true
	}
	if _, ok := loneSymbol(t); ok {
		return true
	}
	if _, _, ok := namedHeading(t); ok {
		return true
	}
	return strings.Contains(t, "/DEC/") && decMarker.MatchString(t)
}

// symbolOnlyHeading reports whether t heads a decision by its symbol and
// says nothing more: "Decision 19.30", "COP 3 Resolution Conf. 5.20 (Rev.
// CoP16)", "HELCOM Recommendation 28E/6", "28 COM 14B.3". A number that
// may be a section's or a page's ("2.1", "3/12") is no such heading
// without its keyword.
func symbolOnlyHeading(t string) bool {
	if _, ok := loneSymbol(t); ok {
		return true
	}
	if sym, title, ok := namedHeading(t); ok {
		return sym != "" && title == ""
	}
	t = stripMeetingLabel(t)
	if (strings.HasPrefix(t, "Res") || strings.HasPrefix(t, "Conf.")) && citesResRE.MatchString(t) {
		return true
	}
	m := decisionHeading(t)
	return m != nil && m[4]+m[5] == ""
}

// mayOpenDR reports cheaply whether t can open with a word that lower-cases
// to one starting with "d" or "r" ("Decision", "RESOLUTION", "draft"): an
// ASCII first byte must be one of those letters; any other first rune is
// left to the full test.
func mayOpenDR(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	return c >= utf8.RuneSelf || c|0x20 == 'd' || c|0x20 == 'r'
}

// opensDecisionWord reports whether t opens with a word that heads a
// decision: "Decision", "Resolution", "Recommendation", "Draft", "Dec.",
// "Res.", in any case.
func opensDecisionWord(t string) bool {
	head := strings.ToLower(t[:min(len(t), 14)])
	return strings.HasPrefix(head, "decision") || strings.HasPrefix(head, "resolution") || strings.HasPrefix(head, "recommendation") ||
		strings.HasPrefix(head, "draft") || strings.HasPrefix(head, "dec.") || strings.HasPrefix(head, "res.")
}

// dottedStart reports whether t opens with a dotted number ("13.1").
func dottedStart(t string) bool {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t)-1 && t[i] == '.' && t[i+1] >= '0' && t[i+1] <= '9'
}

// inlineTitle reports whether a decision heading carries its title on the
// same line ("Decision MC-7/12: Cooperation with …").
func inlineTitle(t string) bool {
	return titledHeading(t, decisionHeading(t))
}

// titledHeading is inlineTitle of t, whose decisionHeading is m.
func titledHeading(t string, m []string) bool {
	if m != nil {
		return m[4]+m[5] != ""
	}
	return symbolFirstRE.MatchString(t)
}

// The expressions that confirm what a line is, behind the quick tests
// below.
var (
	headingRE2     = regexp.MustCompile(`^([IVX]{1,5})\.(?:\s+(.*))?$|^([A-H])\.\s+(\S.*)$`)
	formulaRE      = formulaPattern(false)
	formulaUpperRE = formulaPattern(true)
	stampRE        = regexp.MustCompile(`(?i)^\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b`)
	// An annex heading may carry the marker of a footnote on the annex as
	// a whole ("Annex I*": "* Reproduced as received"), an asterisk or a
	// dagger; it is still the heading.
	annexRE = regexp.MustCompile(`^(?:(?i:annex|attachment|appendix)(?:\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z]))?(?:\s+to\s+.{0,120})?|ANNEX(?:\s+[IVX]{1,5})?)(?:\*{1,3}|[†‡])?$`)
)

// numberMatch, parenMatch and parenStart run their
// expressions on the first bytes only: a marker is short, and the cost of
// a match grows with its input. A paragraph number with its dot and space
// ("123. ") fits in numberBytes, an item's label in brackets ("(viii) ")
// in parenBytes.
const (
	numberBytes = 8
	parenBytes  = 10
)

// dateLine is a line that is a date alone: "22 November 2019".
var dateLine = regexp.MustCompile(`^\d{1,2}\s+\p{L}+\s+\d{4}$`)

// numberStart, parenStart, headingStart and annexStart test cheaply what
// their regular expressions then confirm.
func numberStart(t string) bool {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	_, _, _, ok := numberSpan(t)
	return ok
}

func parenStart(t string) bool {
	_, _, ok := parenMatch(t)
	return ok
}

// Bounds of lines that head parts of a text. A section heading ("A.
// Financial mechanism", "VIII. Other matters") is one line, its label a
// letter or a roman numeral of five letters at most ("XVIII"). An annex
// heading ("Annex II to decision 3/2: Terms of reference …") is one line
// too. A plenary stamp ("9th plenary meeting, 22 November 2019") names
// its meeting in its first words.
const (
	maxHeadingLine  = 150
	maxHeadingLabel = 5
	maxAnnexLine    = 140
	stampWindow     = 40
)

func headingStart(t string) bool {
	if t == "" || len(t) >= maxHeadingLine || !strings.ContainsRune("IVXABCDEFGH", rune(t[0])) {
		return false
	}
	i := strings.IndexByte(t, '.')
	return i > 0 && i <= maxHeadingLabel && sectionHeading(t) != nil
}

// sectionHeading is headingRE2.FindStringSubmatch(t), read by hand: a
// Roman number of one to five letters, a full stop and the title after
// spaces, or none ("IV. Budget", "II."); or a capital A to H, a full stop,
// spaces and the title ("B. Reporting"). The title runs to the end of t
// on its line.
func sectionHeading(t string) []string {
	r := leading(t, isRomanIVX)
	switch {
	case r > 0:
		if r > maxHeadingLabel || r == len(t) || t[r] != '.' {
			return nil
		}
		rest := t[r+1:]
		if rest == "" {
			return []string{t, t[:r], "", "", ""}
		}
		title, ok := spacedTitle(rest)
		if !ok {
			return nil
		}
		return []string{t, t[:r], title, "", ""}
	case len(t) >= 2 && t[0] >= 'A' && t[0] <= 'H' && t[1] == '.':
		title, ok := spacedTitle(t[2:])
		if !ok || title == "" {
			return nil
		}
		return []string{t, "", "", t[:1], title}
	}
	return nil
}

// isRomanIVX reports whether c is a letter of headingRE2's Roman numbers.
func isRomanIVX(c byte) bool { return c == 'I' || c == 'V' || c == 'X' }

// spacedTitle reads `\s+(.*)$` from s: spaces, then a title without a line
// break to the end of s.
func spacedTitle(s string) (string, bool) {
	n := leading(s, isRESpace)
	if n == 0 || strings.IndexByte(s[n:], '\n') >= 0 {
		return "", false
	}
	return s[n:], true
}

func annexStart(t string) bool {
	return t != "" && len(t) < maxAnnexLine && (t[0] == 'A' || t[0] == 'a') && annexRE.MatchString(t)
}

func stampStart(t string) bool {
	return t != "" && t[0] >= '0' && t[0] <= '9' && strings.Contains(t[:min(len(t), stampWindow)], "lenary") && stampRE.MatchString(t)
}

// startsStructure reports whether a line can only be the start of
// something: a numbered paragraph, an item, a heading, a formula, a
// decision heading, an annex, a plenary stamp or a recital.
func startsStructure(t string) bool {
	if numberStart(t) || parenStart(t) || headingStart(t) {
		return true
	}
	if isFormula(t) || decisionSignal(t) || annexStart(t) || stampStart(t) {
		return true
	}
	if _, ok := opensRecital(t); ok {
		return true
	}
	return opensOperative(t)
}

// capsOpener reports whether t opens with a word of three letters or more
// in capitals ("URGES", "RECALLING"): a sentence wrapped onto the line
// does not go on in capitals, so a recital or operative phrase in
// capitals starts a paragraph even below a line that ends no clause (a
// field's label "Body" above its value, a title).
func capsOpener(t string) bool {
	n := 0
	for n < len(t) && t[n] >= 'A' && t[n] <= 'Z' {
		n++
	}
	return n >= 3 && (n == len(t) || t[n] == ' ' || t[n] == ',')
}

// endsClause reports whether s ends where a new paragraph may begin: after
// a comma, semicolon, colon or full stop, or "; and".
func endsClause(s string) bool {
	s = trimMarker(strings.TrimSpace(s))
	if s == "" {
		return true
	}
	if strings.HasSuffix(s, " and") || strings.HasSuffix(s, " or") || s == "and" || s == "or" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == ')' && s[0] == '(' && strings.IndexByte(s, ')') == len(s)-1 && len(s) > 4 {
		// "(Prepared by the Committee of the Whole)": a line in brackets
		// of its own
		return true
	}
	if r == ']' && s[0] == '[' && strings.IndexByte(s, ']') == len(s)-1 {
		// "[...]", "[…]": an extract's mark of text left out
		return true
	}
	return strings.ContainsRune(",;:.!?", r) || strings.HasSuffix(s, ".”") || strings.HasSuffix(s, ".)")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	s = strings.TrimLeft(s, "“\"‘'([")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// endsThat reports whether line l ends on "that" ("…, noting that"): the
// clause it opens goes on into the next line, whatever that line begins
// with, even a body's name that would head a report of its own.
func endsThat(l string) bool { return strings.HasSuffix(l, " that") }

// openEnded reports whether a line ends on a word that needs more after
// it ("the", "of", "and"): the line wraps into the next.
func openEnded(t string) bool {
	i := strings.LastIndexByte(t, ' ')
	if i < 0 {
		return false
	}
	switch t[i+1:] {
	case "a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "or", "the", "to", "with":
		return true
	}
	return false
}

// leading returns how many bytes at the start of s are in.
func leading(s string, in func(byte) bool) int {
	n := 0
	for n < len(s) && in(s[n]) {
		n++
	}
	return n
}

// digitsThen returns how many digits, one to three, open s before sep,
// or 0: "12." before '.', "4/" before '/'.
func digitsThen(s string, sep byte) int {
	k := leading(s, isDigit)
	if k > 3 || k == len(s) || s[k] != sep {
		return 0
	}
	return k
}

// numberMarker is numberRE.FindStringSubmatch(t), read by hand: it runs
// on the first bytes of every line.
func numberMarker(t string) []string {
	k, rest, glued, ok := numberSpan(t)
	switch {
	case !ok:
		return nil
	case glued: // "1.Decides"
		_, n := utf8.DecodeRuneInString(t[rest:])
		return []string{t[:rest+n], "", t[:k], t[rest : rest+n]}
	}
	return []string{t[:rest], t[:k], "", ""}
}

// numberSpan is numberMarker(t) by its bounds, without building it: the
// number is t[:k], its text starts at rest, and glued says that no space
// parts it from the dot ("1.Decides": rest is then where the glued
// character starts). ok is false where numberMarker is nil.
func numberSpan(t string) (k, rest int, glued, ok bool) {
	k = leading(t, isDigit)
	if k == 0 || k > 3 || k == len(t) {
		return 0, 0, false, false
	}
	after := t[k+1:]
	sp := leading(after, isRESpace)
	switch {
	case t[k] == ')' && sp > 0: // "1) Decides"
		return k, k + 1 + sp, false, true
	case t[k] != '.':
		return 0, 0, false, false
	case sp > 0 || after == "": // "1. Decides", "1."
		return k, k + 1 + sp, false, true
	case isDigit(after[0]) || after[0] == '.':
		return 0, 0, false, false
	}
	return k, k + 1, true, true
}

// parenMarker is parenRE.FindStringSubmatch(t), read by hand.
func parenMarker(t string) []string {
	end, lo, hi, ok := parenSpan(t)
	switch {
	case !ok:
		return nil
	case lo > 0: // "(a) "
		return []string{t[:end], t[lo:hi], ""}
	}
	return []string{t[:end], "", t[lo:hi]}
}

// parenSpan is parenMarker(t) by its bounds, without building it: the
// marker is t[:end], its label t[lo:hi], in brackets when lo is 1. ok is
// false where parenMarker is nil.
func parenSpan(t string) (end, lo, hi int, ok bool) {
	if t != "" && t[0] == '(' { // "(a) ", "(iv)"
		if n := leading(t[1:], isLowerASCII); n >= 1 && n <= 4 && 1+n < len(t) && t[1+n] == ')' {
			end := 2 + n
			end += leading(t[end:], isRESpace)
			return end, 1, 1 + n, true
		}
	}
	if n := leading(t, isLowerASCII); n >= 1 && n <= 2 && n < len(t) && t[n] == ')' { // "a) ", "a)To"
		if sp := leading(t[n+1:], isRESpace); sp > 0 {
			return n + 1 + sp, 0, n, true
		}
		if n+1 < len(t) && reWordByte(t[n+1]) {
			return n + 1, 0, n, true
		}
	}
	return 0, 0, 0, false
}

// numberMatch reads the paragraph number that opens t (numberMarker of
// its first bytes): the number as printed ("07"), where the text after
// the marker starts, and whether that text is glued to the dot.
func numberMatch(t string) (label string, rest int, glued, ok bool) {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return "", 0, false, false
	}
	k, rest, glued, ok := numberSpan(t[:min(len(t), numberBytes)])
	return t[:k], rest, glued, ok
}

// parenMatch reads the item's label that opens t (parenMarker of its
// first bytes, for a t that parenStart takes): the label and where the
// text after the marker starts.
func parenMatch(t string) (label string, rest int, ok bool) {
	if len(t) < 2 || t[0] != '(' && !(t[0] >= 'a' && t[0] <= 'z' && (t[1] == ')' || len(t) > 2 && t[2] == ')')) {
		return "", 0, false
	}
	w := t[:min(len(t), parenBytes)]
	end, lo, hi, ok := parenSpan(w)
	return w[lo:hi], end, ok
}

func endsSentence(s string) bool {
	s = trimMarker(strings.TrimRight(s, " "))
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?", r) || strings.HasSuffix(s, ".)") || strings.HasSuffix(s, ".”")
}

// superscripts are the superscript digits, each with its digit.
var superscripts = map[rune]rune{'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9'}

// abbreviations end in a full stop that ends no sentence.
var abbreviations = map[string]bool{"para": true, "paras": true, "no": true, "nos": true, "art": true, "arts": true, "vol": true, "pp": true, "cf": true, "op": true}

// trimMarker removes a footnote marker glued after the punctuation that
// ends s ("Parties,1", "group;12", "meeting.¹", "BC-17/4,2", and a United
// Nations document's "(XXIX),/13"), so that the punctuation shows where
// the clause ends. A number after a full stop
// is a marker only after a lower-case word that is no abbreviation:
// "Rev.1", "para. 2.1" and "COP.6" keep their digits.
func trimMarker(s string) string {
	i := len(s)
	for i > 0 && len(s)-i < 6 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(r >= '0' && r <= '9' || superscripts[r] != 0 || r == '*') {
			break
		}
		i -= n
	}
	if i < len(s) && i >= 3 && s[i-1] == '/' && strings.IndexByte(",;:", s[i-2]) >= 0 {
		// a United Nations document's marker after a slash: "(XXIX),/13"
		i--
	}
	if i == len(s) || i < 2 || len(s)-i > 3 && s[len(s)-1] <= '9' {
		return s
	}
	p := s[i-1]
	before, _ := utf8.DecodeLastRuneInString(s[:i-1])
	switch p {
	case ',', ';', ':':
		// "decision BC-17/4,1" but not "1,000"
		if unicode.IsLetter(before) || strings.ContainsRune(")”’\"'", before) || unicode.IsDigit(before) && len(s)-i <= 2 {
			return s[:i]
		}
	case '.':
		j := i - 1
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !unicode.IsLetter(r) {
				break
			}
			j -= n
		}
		if w := s[j : i-1]; len(w) >= 2 && strings.ToLower(w) == w && !abbreviations[w] {
			return s[:i]
		}
	}
	return s
}

// endsDigit reports whether t ends on a digit.
func endsDigit(t string) bool {
	return t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9'
}

// minLoneOperativeWords is the shortest sentence loneOperative takes for
// a decision: an operative verb, whom it asks and what; a menu entry or a
// caption that opens with a verb ("Adopts a new logo") is shorter.
const minLoneOperativeWords = 8

// loneOperative reports whether t, in a text where no decision was found,
// opens with one operative clause, which stands for the whole decision: a
// database record gives the clause as the value of a field ("Body",
// "Text") and nothing else ("STRONGLY ENCOURAGES all governments to
// report …;"), other fields after it.
func loneOperative(t string) bool {
	end := strings.IndexAny(t, ";.")
	return end > 0 && opensOperative(t) && len(strings.Fields(t[:end])) >= minLoneOperativeWords
}
