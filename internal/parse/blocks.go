package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mark is how a block is numbered.
type mark int

const (
	markNone    mark = iota
	markNumber       // "1.", "12."
	markParen        // "(a)", "(ii)", "a)"
	markDash         // "- ", "• "
	markHeading      // "I.", "A."
)

// block is a logical paragraph of the body: hard-wrapped lines joined.
type block struct {
	n     int    // index of its first line
	text  string // whole text, marker included
	mark  mark
	label string   // "1", "a", "ii", "I" ("" when unmarked)
	rest  string   // text after the marker
	blank bool     // a blank line came before it
	annex bool     // an annex heading standing alone on its line
	more  []string // lines that continue it, joined into text by finalize
	// furniture marks a block of page furniture found by the segmenter
	// (a breadcrumb trail): no part of a decision.
	furniture bool
	// sig is decisionSignal(sigText), read by the blocker of the block's
	// first line: the segmenter asks it again of blocks of one line
	sigText string
	sig     bool
	// head is decisionHeading of a text, once asked (heading): made
	// for the few blocks that open with "D" or "R"
	head *headMemo
}

type headMemo struct {
	text string
	m    []string
}

// heading is decisionHeading(t) for t the block's text or a part of it,
// read once for the blocker and the segmenter both.
func (b *block) heading(t string) []string {
	if !opensDR(t) {
		return nil
	}
	if b.head == nil || b.head.text != t {
		b.head = &headMemo{t, decisionHeading(t)}
	}
	return b.head.m
}

// signal is decisionSignal(b.text), read once for a block of one line.
func (b *block) signal() bool {
	if b.sigText == b.text {
		return b.sig
	}
	return decisionSignal(b.text)
}

// last returns the block's last line: what decides whether the next line
// goes on with it.
func (b *block) last() string {
	if len(b.more) > 0 {
		return b.more[len(b.more)-1]
	}
	return b.text
}

// finalize joins the block's continuation lines into its text and rest.
func (b *block) finalize() {
	if len(b.more) == 0 {
		return
	}
	off := len(b.text) - len(b.rest)
	b.text = joinAll(b.text, b.more)
	b.rest = strings.TrimLeft(b.text[off:], " ")
	b.more = nil
}

var (
	numberRE       = regexp.MustCompile(`^(\d{1,3})(?:\.(?:\s+|$)|\)\s+)|^(\d{1,3})\.([^\d\s.])`)
	parenRE        = regexp.MustCompile(`^\(([a-z]{1,4})\)\s*|^([a-z]{1,2})\)(?:\s+|\b)`)
	dashRE         = regexp.MustCompile(`^[-–—•·▪◦●]\s+`)
	headingRE2     = regexp.MustCompile(`^([IVX]{1,5})\.(?:\s+(.*))?$|^([A-H])\.\s+(\S.*)$`)
	formulaRE      = formulaPattern(false)
	formulaUpperRE = formulaPattern(true)
	stampRE        = regexp.MustCompile(`(?i)^\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b`)
	annexRE        = regexp.MustCompile(`^(?:(?i:annex|attachment|appendix)(?:\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z]))?(?:\s+to\s+.{0,120})?|ANNEX(?:\s+[IVX]{1,5})?)$`)
	noteByRE       = regexp.MustCompile(`(?i)^note by the (?:secretariat|executive secretary|executive director|director-general|president|bureau)`)
)

// noteBy is noteByRE.MatchString(t), asked only of a line that opens
// with "note by the" in any case.
func noteBy(t string) bool {
	return hasPrefixFold(t, "note by the ") && noteByRE.MatchString(t)
}

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

// decisionSignal reports whether a line heads a decision.
func decisionSignal(t string) bool {
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
		if isDecisionHeading(t) || directedRE.MatchString(t) {
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

// numberStart, parenStart, headingStart and annexStart test cheaply what
// their regular expressions then confirm.
func numberStart(t string) bool {
	return t != "" && t[0] >= '0' && t[0] <= '9' && numberMarker(t) != nil
}

func parenStart(t string) bool {
	if len(t) < 2 {
		return false
	}
	if t[0] == '(' || t[0] >= 'a' && t[0] <= 'z' && (t[1] == ')' || len(t) > 2 && t[2] == ')') {
		return parenMarker(t[:min(len(t), parenBytes)]) != nil
	}
	return false
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
	return i > 0 && i <= maxHeadingLabel && headingRE2.MatchString(t)
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

// nextLetter is the label after l in a lettered list: a → b, z → aa,
// aa → bb.
func nextLetter(l string) string {
	if l == "" {
		return "a"
	}
	c := l[0]
	if c == 'z' {
		return strings.Repeat("a", len(l)+1)
	}
	return strings.Repeat(string(c+1), len(l))
}

// blocker joins lines into blocks.
type blocker struct {
	out       []block
	lastNum   int    // last paragraph number seen
	lastParen string // last paren label seen since the last numbered paragraph
	force     bool   // the next line starts a new block (after a heading line)
	labelNext bool   // the next line is the value of a "Decision directed to:" label
	value     bool   // the last block is such a value
	// the line being added and, once asked, whether it heads a decision
	// and whether it is a formula: each rule asks, each is read once
	line             string
	sigDone, sig     bool
	formDone, formul bool
	// next is the block the line starts, if it starts one: add copies
	// it into out before the next line is classified
	next block
}

// lineSignal is decisionSignal of the line being added.
func (b *blocker) lineSignal() bool {
	if !b.sigDone {
		b.sig, b.sigDone = decisionSignal(b.line), true
	}
	return b.sig
}

// lineFormula is isFormula of the line being added.
func (b *blocker) lineFormula() bool {
	if !b.formDone {
		b.formul, b.formDone = isFormula(b.line), true
	}
	return b.formul
}

// maxValueTail is the most words a label's value wraps onto a line of
// their own: a value names bodies, and a longer line is the text below.
const maxValueTail = 4

// blocks joins body lines into blocks. A line starts a new block when it is
// a paragraph, item or heading start the sequence allows, a formula,
// decision heading or recital after the end of a clause, or follows a
// blank line; otherwise it continues the block before it.
func blocks(lines []line) []block {
	var b blocker
	// a block starts at a line: as many blocks as lines with text at most
	n := 0
	for _, l := range lines {
		if !l.blank {
			n++
		}
	}
	if n > 0 {
		b.out = make([]block, 0, n)
	}
	blank := true
	for _, l := range lines {
		if l.blank {
			blank = true
			continue
		}
		b.add(l, blank)
		blank = false
	}
	for i := range b.out {
		b.out[i].finalize()
	}
	return pairNumbers(b.out)
}

// pairNumbers gives paragraph numbers that a PDF reader printed apart from
// their texts back their texts. A number printed before the last line of
// the paragraph above ("… on", "2.", "mercury waste;") gives that line
// back; numbers printed in a row ("1.", "2.", "Requests …", "Invites …")
// take the texts that follow in order, when there are as many texts as
// numbers. Otherwise the texts left without a number would read as
// unnumbered paragraphs.
func pairNumbers(bs []block) []block {
	for i := 1; i < len(bs); i++ {
		b, prev := &bs[i], &bs[i-1]
		if b.mark == markNumber && b.rest != "" && startsLower(b.rest) && !endsClause(prev.text) &&
			(prev.mark == markNumber || prev.mark == markParen) && !opensLowerVerb(b.rest) {
			prev.text, prev.rest = joinLines(prev.text, b.rest), joinLines(prev.rest, b.rest)
			b.setRest("")
		}
	}
	empty := false
	for _, b := range bs {
		if b.mark == markNumber && b.rest == "" {
			empty = true
			break
		}
	}
	if !empty {
		return bs
	}
	stray := func(b block) bool { return b.mark == markNone && (opensOperative(b.text) || opensPassive(b.text)) }
	out := make([]block, 0, len(bs))
	for i := 0; i < len(bs); {
		if bs[i].mark != markNumber || bs[i].rest != "" {
			out = append(out, bs[i])
			i++
			continue
		}
		// A run from an empty number: numbers and stray texts.
		var nums, texts []int
		strays := 0
		j := i
		for ; j < len(bs) && (bs[j].mark == markNumber || stray(bs[j])); j++ {
			if bs[j].mark == markNumber {
				nums = append(nums, j)
				if bs[j].rest != "" {
					texts = append(texts, j)
				}
			} else {
				texts = append(texts, j)
				strays++
			}
		}
		if strays == 0 || len(texts) != len(nums) {
			out = append(out, bs[i:j]...)
			i = j
			continue
		}
		rests := make([]string, len(texts))
		for k, x := range texts {
			rests[k] = bs[x].rest
			if bs[x].mark == markNone {
				rests[k] = bs[x].text
			}
		}
		for k, x := range nums {
			b := bs[x]
			b.setRest(rests[k])
			out = append(out, b)
		}
		i = j
	}
	return out
}

func opensRecitalOK(t string) bool {
	_, ok := opensRecital(t)
	return ok
}

// markedWord reports whether s ends with a word that carries a footnote
// marker: a lower-case letter, then one or two digits ("Conventions2").
func markedWord(s string) bool {
	i := len(s)
	for i > 0 && len(s)-i < 3 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return i < len(s) && len(s)-i <= 2 && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z'
}

// lastRune returns the last character of s as a string.
func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// opensLowerVerb reports whether a numbered paragraph's text opens with
// an operative verb in lower case ("2. requests …").
func opensLowerVerb(t string) bool {
	_, ok := openingPhrase(t, phraseOptions{numbered: true})
	return ok
}

// setRest replaces the text after a block's marker.
func (b *block) setRest(rest string) {
	marker := strings.TrimSpace(b.text[:len(b.text)-len(b.rest)])
	b.rest, b.text = rest, marker
	if rest != "" {
		b.text = marker + " " + rest
	}
}

func (b *blocker) add(l line, blank bool) {
	t := l.text
	b.line, b.sigDone, b.formDone = t, false, false
	var cur *block
	if len(b.out) > 0 {
		cur = &b.out[len(b.out)-1]
	}
	nb := b.classify(t, cur, blank, l.gap)
	if nb == nil {
		cur.more = append(cur.more, t)
		cur.annex = false // "Annex I to decision 3/2" went on as a sentence
		return
	}
	nb.n, nb.blank = l.n, blank
	nb.annex = annexStart(t) && annexAlone(t, cur, blank || l.gap)
	b.out = append(b.out, *nb)
	// Heading lines stand alone: what follows starts anew unless it
	// continues the heading in lower case.
	directed := hasLowerPrefix(t[:min(len(t), 20)], "decision directed") && directedRE.MatchString(t)
	// A formula that ends on its line ("The Conference,") stands alone
	// too: a recital may open with a capital that no participle gives
	// ("Decision I/5 of the First Meeting …,").
	formulaEnds := nb.mark == markNone && strings.ContainsAny(lastRune(trimMarker(t)), ",:") && b.lineFormula()
	b.force = b.lineSignal() || nb.mark == markHeading || directed || b.labelNext || nb.annex || formulaEnds || formulaLine(nb, t)
	b.labelNext, b.value = directed, b.labelNext
	last := &b.out[len(b.out)-1]
	last.sigText, last.sig = t, b.sig
}

// classify returns the new block line t starts, or nil when t continues
// the current block.
func (b *blocker) classify(t string, cur *block, blank, gap bool) *block {
	newBlock := func() *block {
		b.next = block{text: t, rest: t}
		b.mark(&b.next)
		return &b.next
	}
	if cur == nil {
		return newBlock()
	}
	if b.force || b.labelNext {
		if startsLower(t) && !b.labelNext && !parenStart(t) && !(cur.mark == markNone && formulaLine(cur, cur.last()) && opensLowerVerb(t)) {
			// a line in lower case goes on with a heading, but not with a
			// formula when it opens with an operative verb: "The Meeting
			// of the Parties" / "decides to adopt …"
			return nil
		}
		// "Standing Committee, in consultation with the Animals and" /
		// "Plants Committees": a line that ends on such a word goes on.
		if !b.labelNext && !blank && openEnded(cur.last()) && !startsStructure(t) {
			return nil
		}
		// "… the Animals and Plants" / "Committees": a few words that
		// say nobody shall do anything end the label's value.
		if b.value && !blank && len(strings.Fields(t)) <= maxValueTail && !startsStructure(t) && !opensPassive(t) {
			return nil
		}
		// A heading's title wrapped onto the next line goes on with it.
		if !blank && cur.mark == markNone && len(cur.more) == 0 && titledHeading(cur.text, cur.heading(cur.text)) && !endsClause(cur.text) && !startsStructure(t) {
			return nil
		}
		return newBlock()
	}
	// A number alone on its line ("1." in text out of a PDF) takes the
	// next line as its text.
	if cur.mark != markNone && cur.mark != markHeading && cur.rest == "" && len(cur.more) == 0 && !numberStart(t) && !parenStart(t) {
		return nil
	}
	last := cur.last()
	clause := endsClause(last)
	if m := numberMatch(t); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		rest := strings.TrimSpace(t[len(m[0])-len(m[3]):])
		if clause || blank || n == b.lastNum+1 && (rest == "" || startsUpper(rest) || opensLowerVerb(rest)) || n == 1 && startsUpper(rest) {
			return newBlock()
		}
	}
	if m := parenMatch(t); m != nil {
		label := m[1] + m[2]
		rest := strings.TrimSpace(t[len(m[0]):])
		if clause || blank || label == nextLetter(b.lastParen) && (rest == "" || startsUpper(rest)) || isRoman(label) && startsUpper(rest) && strings.HasSuffix(last, ":") {
			return newBlock()
		}
	}
	if (clause || blank) && (dashStart(t) || headingStart(t)) {
		return newBlock()
	}
	if m := dashPrefix(t); m != "" && (opensOperative(t[len(m):]) || hasPrefixFold(t[len(m):], "to ")) {
		// "• Welcomes …" under a recital that lost its comma; "- to
		// submit …" under "INVITES governments directly affected"
		return newBlock()
	}
	if b.lineFormula() || b.lineSignal() || stampStart(t) || annexStart(t) && annexAlone(t, cur, blank || gap) ||
		len(t) < maxNoteBy && noteBy(t) {
		return newBlock()
	}
	if markedWord(last) && cur.mark == markNone && startsUpper(t) && titleSignal(cur.text) {
		// "… Stockholm Conventions2": a heading's footnote marker ends it
		return newBlock()
	}
	if !clause && len(cur.more) == 0 && cur.mark == markNone && startsUpper(t) && titleLike(cur.text) && !openEnded(cur.text) && opensRecitalOK(t) &&
		!opensRecitalOK(cur.text) {
		// a title, then the first recital of a decision printed without
		// its formula
		return newBlock()
	}
	if capsLine(t) && !capsLine(last) && !strings.HasSuffix(last, ":") {
		// "PROPOSAL FOR A WORKSHOP ON …" below a line in mixed case: a
		// title in capitals continues no sentence
		return newBlock()
	}
	if clause && mayHoldLead(t) && leadFormulaRE.MatchString(t) {
		// "NOW THEREFORE the Commission;" after the last recital
		return newBlock()
	}
	if clause && startsLower(t) && cur.mark == markNone && startsLower(cur.text) && opensLowerVerb(cur.text) && opensLowerVerb(t) {
		// "decides to adopt …;" / "requests the secretariat …": operative
		// verbs in lower case, each opening its paragraph
		return newBlock()
	}
	if clause || capsOpener(t) {
		if _, ok := opensRecital(t); ok {
			return newBlock()
		}
		if opensOperative(t) {
			return newBlock()
		}
	}
	if blank || gap {
		// A blank line or page break ends the block, unless the block was
		// cut mid-sentence and the line goes on with it.
		if !endsSentence(last) && (startsLower(t) || gap && !startsStructure(t)) {
			return nil
		}
		if blank {
			return newBlock()
		}
	}
	return nil
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

// capsLine reports whether t is words in capitals, three at least, with
// no letter in lower case: a title or formula in capitals.
func capsLine(t string) bool {
	if !capsOpener(t) || strings.Count(t, " ") < 2 {
		return false
	}
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// maxNoteBy is the longest line that can be the label "Note by the
// Executive Secretary" (with a footnote marker or two), which stands alone.
const maxNoteBy = 60

// annexAlone reports whether a line that reads as an annex heading
// ("Annex", "Annex I to decision 3/2", "APPENDIX") stands alone as one,
// rather than continuing the sentence of the block before it ("… set out
// in\nannex I to decision 3/2 in the light of …"): a heading ends no
// clause and no phrase, and comes after a blank line, a page break, or a
// line that ends a sentence. Taking a wrapped line for a heading would end
// the operative part there and lose every paragraph after it.
func annexAlone(t string, cur *block, blank bool) bool {
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") || openEnded(t) {
		return false
	}
	if cur == nil || blank || cur.mark == markHeading {
		return true
	}
	last := cur.last()
	return endsSentence(last) || stampStart(last) || dateLine.MatchString(last) || decisionSignal(last)
}

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

// mark sets the block's numbering and updates the sequence state.
func (b *blocker) mark(nb *block) {
	t := nb.text
	if m := numberMatch(t); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		nb.mark, nb.label = markNumber, m[1]+m[2] // as printed: "07" stays "07"
		nb.rest = strings.TrimSpace(t[len(m[0])-len(m[3]):])
		b.lastNum, b.lastParen = n, ""
		return
	}
	if m := parenMatch(t); m != nil {
		nb.mark, nb.label = markParen, m[1]+m[2]
		nb.rest = strings.TrimSpace(t[len(m[0]):])
		if !isRoman(nb.label) || nb.label == nextLetter(b.lastParen) {
			b.lastParen = nb.label
		}
		return
	}
	if m := dashPrefix(t); m != "" {
		nb.mark, nb.rest = markDash, strings.TrimSpace(t[len(m):])
		return
	}
	if m := headingMatch(t); m != nil && !strings.HasSuffix(t, ";") {
		nb.mark, nb.label = markHeading, m[1]+m[3]
		nb.rest = strings.TrimSpace(m[2] + m[4])
		return
	}
	if _, ok := closingSymbol(t); !ok && (b.lineFormula() || b.lineSignal()) {
		// a new decision numbers anew; one whose symbol closes it
		// ("(Decision B.25/1)") leaves the report's numbering going on
		b.lastNum, b.lastParen = 0, ""
	}
}

// isRoman reports whether a lower-case label reads as a roman numeral.
func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return romanValue(s) > 0 && strings.ToLower(romanString(romanValue(s))) == s
}

func romanString(v int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, x := range vals {
		for v >= x {
			sb.WriteString(syms[i])
			v -= x
		}
	}
	return sb.String()
}

// numberMatch and parenMatch run their expressions on the first bytes
// only: a marker is short, and the cost of a match grows with its input.
// A paragraph number with its dot and space ("123. ") fits in
// numberBytes, an item's label in brackets ("(viii) ") in parenBytes.
const (
	numberBytes = 8
	parenBytes  = 10
)

func numberMatch(t string) []string {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return nil
	}
	return numberMarker(t[:min(len(t), numberBytes)])
}

func parenMatch(t string) []string {
	if !parenStart(t) {
		return nil
	}
	return parenMarker(t[:min(len(t), parenBytes)])
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
	k := leading(t, isDigit)
	if k == 0 || k > 3 || k == len(t) {
		return nil
	}
	rest := t[k+1:]
	sp := leading(rest, isRESpace)
	switch {
	case t[k] == ')' && sp > 0: // "1) Decides"
		return []string{t[:k+1+sp], t[:k], "", ""}
	case t[k] != '.':
		return nil
	case sp > 0 || rest == "": // "1. Decides", "1."
		return []string{t[:k+1+sp], t[:k], "", ""}
	case isDigit(rest[0]) || rest[0] == '.':
		return nil
	}
	_, n := utf8.DecodeRuneInString(rest) // "1.Decides"
	return []string{t[:k+1+n], "", t[:k], rest[:n]}
}

// parenMarker is parenRE.FindStringSubmatch(t), read by hand.
func parenMarker(t string) []string {
	if t != "" && t[0] == '(' { // "(a) ", "(iv)"
		if n := leading(t[1:], isLowerASCII); n >= 1 && n <= 4 && 1+n < len(t) && t[1+n] == ')' {
			end := 2 + n
			end += leading(t[end:], isRESpace)
			return []string{t[:end], t[1 : 1+n], ""}
		}
	}
	if n := leading(t, isLowerASCII); n >= 1 && n <= 2 && n < len(t) && t[n] == ')' { // "a) ", "a)To"
		if sp := leading(t[n+1:], isRESpace); sp > 0 {
			return []string{t[:n+1+sp], "", t[:n]}
		}
		if n+1 < len(t) && reWordByte(t[n+1]) {
			return []string{t[:n+1], "", t[:n]}
		}
	}
	return nil
}

func headingMatch(t string) []string {
	if !headingStart(t) {
		return nil
	}
	return headingRE2.FindStringSubmatch(t)
}

func dashStart(t string) bool { return dashPrefix(t) != "" }

func dashPrefix(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("-–—•·▪◦●", r) {
		return ""
	}
	if p := dashRE.FindString(t); p != "" {
		return p
	}
	// a bullet glued to the capitalized word it leads: "-Requests the
	// Secretariat to …", "•Encourage …"; a hyphen glued to a word in lower
	// case or a digit is no bullet ("-based", "-3"), nor one before a
	// word of one or two letters ("-A" of a grade)
	if w := leadingWord(t[n:]); len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' && strings.ToUpper(w) != w || capsOpener(t[n:]) {
		return t[:n]
	}
	return ""
}
