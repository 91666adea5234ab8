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
// Its flags stand together at its end, so that a block, copied from the
// blocker to the segmenter and into a decision's list, is no wider than
// its fields need.
type block struct {
	n     int    // index of its first line
	text  string // whole text, marker included
	mark  mark
	label string   // "1", "a", "ii", "I" ("" when unmarked)
	rest  string   // text after the marker
	more  []string // lines that continue it, joined into text by finalize
	// sigText is the text sig was read of: sig is decisionSignal(sigText),
	// read by the blocker of the block's first line; the segmenter asks
	// it again of blocks of one line
	sigText string
	// formText is the text form was read of: form is isFormula(formText),
	// read by the blocker of the block's first line when it asked; the
	// segmenter asks it again of blocks of one line
	formText string
	// head is decisionHeading of a text, once asked (heading): made
	// for the few blocks that open with "D" or "R"
	head  *headMemo
	blank bool // a blank line came before it
	// apart marks a block that opens a decision's text on the line after
	// its heading's title ("World Heritage Committee,", "To request …"):
	// the blocker set it apart as a blank line would.
	apart bool
	annex bool // an annex heading standing alone on its line
	// furniture marks a block of page furniture found by the segmenter
	// (a breadcrumb trail): no part of a decision.
	furniture bool
	sig       bool // decisionSignal(sigText)
	form      bool // isFormula(formText)
}

type headMemo struct {
	text string
	m    []string
}

// heading is decisionHeading(t) for t the block's text or a part of it,
// read once for the blocker and the segmenter both.
func (b *block) heading(t string) []string { return headingIn(&b.head, t) }

// headingIn is decisionHeading(t), read from *memo when it holds t's and
// kept there otherwise.
func headingIn(memo **headMemo, t string) []string {
	if !opensDR(t) {
		return nil
	}
	if *memo == nil || (*memo).text != t {
		*memo = &headMemo{t, decisionHeading(t)}
	}
	return (*memo).m
}

// signal is decisionSignal(b.text), read once for a block of one line.
func (b *block) signal() bool {
	if b.sigText == b.text {
		return b.sig
	}
	return decisionSignal(b.text)
}

// formula is isFormula(b.text), read once for a block of one line.
func (b *block) formula() bool {
	if b.formText == b.text {
		return b.form
	}
	return isFormula(b.text)
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
	numberRE = regexp.MustCompile(`^(\d{1,3})(?:\.(?:\s+|$)|\)\s+)|^(\d{1,3})\.([^\d\s.])`)
	parenRE  = regexp.MustCompile(`^\(([a-z]{1,4})\)\s*|^([a-z]{1,2})\)(?:\s+|\b)`)
	dashRE   = regexp.MustCompile(`^[-–—•·▪◦●]\s+`)
	noteByRE = regexp.MustCompile(`(?i)^note by the (?:secretariat|executive secretary|executive director|director-general|president|bureau)`)
)

// noteBy is noteByRE.MatchString(t), asked only of a line that opens
// with "note by the" in any case.
func noteBy(t string) bool {
	return hasPrefixFold(t, "note by the ") && noteByRE.MatchString(t)
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
	if len(l) == 1 && c >= 'a' && c < 'z' {
		return letters[c-'a'+1 : c-'a'+2]
	}
	return strings.Repeat(string(c+1), len(l))
}

// letters are the labels of a lettered list's first items, each read
// from here without building it.
const letters = "abcdefghijklmnopqrstuvwxyz"

// blocker joins lines into blocks.
type blocker struct {
	out       []block
	lastNum   int    // last paragraph number seen
	lastParen string // last paren label seen since the last numbered paragraph
	force     bool   // the next line starts a new block (after a heading line)
	width     int    // the text's widest line (hardBreak)
	labelNext bool   // the next line is the value of a "Decision directed to:" label
	value     bool   // the last block is such a value
	// sentence says that the forced block is a formula or a label's
	// value: a sentence, which may run on over lines
	sentence bool
	// the line being added and, once asked, whether it heads a decision
	// and whether it is a formula: each rule asks, each is read once
	line             string
	sigDone, sig     bool
	formDone, formul bool
	// lineHead is decisionHeading of the line, its meeting's label
	// taken off, once lineSignal asked it: the block the line starts
	// keeps it for the segmenter, which reads the heading's parts
	lineHead *headMemo
	// next is the block the line starts, if it starts one: add copies
	// it into out before the next line is classified
	next block
	// rowText says the line before was a table row's number alone that
	// went on with the block (see classify): the next line is its text
	rowText bool
}

// lineSignal is decisionSignal of the line being added.
func (b *blocker) lineSignal() bool {
	if !b.sigDone {
		b.sig, b.sigDone = headsDecision(b.line, func(t string) bool { return headingIn(&b.lineHead, t) != nil }), true
	}
	return b.sig
}

// titleUnderHeading reports whether block cur, the last one, is one line
// that reads as a title, just below a line that heads a decision. A line
// that ends on a word needing more ("By the 13th meeting of the …, the")
// opens a sentence that wraps, no title.
func (b *blocker) titleUnderHeading(cur *block) bool {
	k := len(b.out) - 2
	return k >= 0 && b.out[k].sig && len(b.out[k].more) == 0 && !cur.sig && titleLike(cur.text) && !openEnded(cur.text)
}

// opensBelowTitle reports whether line t, below a heading's title, opens
// the decision's text: a formula printed without "The", a recital or an
// operative paragraph ("To request …"). The formula leads in to the
// recitals with a comma; "Council should:" ends a sentence wrapped from
// the line above.
func opensBelowTitle(t string) bool {
	return strings.HasSuffix(t, ",") && bareFormula(t) || opensOperative(t) || opensRecitalOK(t)
}

// hardBreak reports whether the break between line last and line t ends
// a paragraph in a text not wrapped at a fixed width: one with lines
// wider than any wrap leaves, where last is such a line itself or t's
// first word would have fitted at the end of last.
func (b *blocker) hardBreak(last, t string) bool {
	return b.width > maxWrapWidth && (len(last) > maxWrapWidth || !softBreak(last, t, b.width))
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
		b.width = max(b.width, len(l.text))
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
	bs = letterBeforeNumber(bs)
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
		if k := itemsAfterNumber(bs, i); k > i+1 && k < len(bs) && stray(bs[k]) {
			// "…, including changes to:", "5.", "(a) …", "(b) …", "Also
			// requests …": the number, printed before the items of the
			// paragraph above, numbers the text after them
			out = append(out, bs[i+1:k]...)
			b := bs[i]
			b.setRest(bs[k].text)
			out = append(out, b)
			i = k + 1
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

// letterBeforeNumber mends an item letter and a paragraph number that a
// PDF reader printed in a row, each apart from its text ("(g)", "12.",
// "Undertake a review …", "Further requests …"): the number took the
// item's text, which opens no operative phrase, and the operative text
// after it is the number's own.
func letterBeforeNumber(bs []block) []block {
	var out []block
	for i := 0; i < len(bs); i++ {
		if i+2 < len(bs) && bs[i].mark == markParen && bs[i].rest == "" && bs[i+1].mark == markNumber && bs[i+1].rest != "" &&
			!opensOperative(bs[i+1].rest) && bs[i+2].mark == markNone && opensOperative(bs[i+2].text) {
			if out == nil {
				out = append(make([]block, 0, len(bs)), bs[:i]...)
			}
			item, num := bs[i], bs[i+1]
			item.setRest(num.rest)
			num.setRest(bs[i+2].text)
			out = append(out, item, num)
			i += 2
			continue
		}
		if out != nil {
			out = append(out, bs[i])
		}
	}
	if out == nil {
		return bs
	}
	return out
}

// itemsAfterNumber returns where the items that follow the empty number
// bs[i] end, when the block before the number ends on a colon and the
// items are lettered from "a" in sequence; i+1 otherwise.
func itemsAfterNumber(bs []block, i int) int {
	if i == 0 || !strings.HasSuffix(strings.TrimSpace(bs[i-1].text), ":") {
		return i + 1
	}
	k := i + 1
	for want := byte('a'); k < len(bs) && bs[k].mark == markParen && bs[k].label == string(want); want++ {
		k++
	}
	return k
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
	b.line, b.sigDone, b.formDone, b.lineHead = t, false, false, nil
	var cur *block
	if len(b.out) > 0 {
		cur = &b.out[len(b.out)-1]
	}
	nb := b.classify(t, cur, blank, l.gap)
	if nb == nil {
		cur.more = append(cur.more, t)
		// "Annex I to decision 3/2" went on as a sentence, unless the
		// line goes on with its title ("Annex to decision 3/2 Work
		// programme of the" / "Working Group for 2030–2031"): a title
		// ends no clause
		cur.annex = cur.annex && annexTitleGoesOn(t)
		return
	}
	nb.n, nb.blank = l.n, blank
	nb.annex = annexStart(t) && annexAlone(t, cur, blank || l.gap)
	if nb.annex && cur != nil && cur.mark == markNumber && cur.rest == "" && len(cur.more) == 0 {
		// "12." alone above "Annex": a number left over by a conversion
		// numbers no paragraph, for no text follows it
		cur.mark, cur.label, cur.rest = markNone, "", cur.text
	}
	b.out = append(b.out, *nb)
	// Heading lines stand alone: what follows starts anew unless it
	// continues the heading in lower case.
	directed := hasLowerPrefix(t[:min(len(t), 20)], "decision directed") && directedRE.MatchString(t)
	// A formula that ends on its line ("The Conference,") stands alone
	// too: a recital may open with a capital that no participle gives
	// ("Decision I/5 of the First Meeting …,").
	formulaEnds := nb.mark == markNone && strings.ContainsAny(lastRune(trimMarker(t)), ",:") && b.lineFormula()
	formula := formulaLine(nb, t)
	b.force = b.lineSignal() || nb.mark == markHeading || directed || b.labelNext || nb.annex || formulaEnds || formula
	b.sentence = formulaEnds || formula || b.labelNext
	b.labelNext, b.value = directed, b.labelNext
	last := &b.out[len(b.out)-1]
	last.sigText, last.sig = t, b.sig
	if b.formDone {
		last.formText, last.form = t, b.formul
	}
	if last.head == nil {
		last.head = b.lineHead
	}
}

// maxFormulaLineWords bounds a formula printed without its comma on a
// line of its own: "The Conference of the Parties to the Stockholm
// Convention on Persistent Organic Pollutants" is twelve words; a longer
// line is a sentence that happens to open with a body's name.
const maxFormulaLineWords = 16

// formulaLine reports whether line t, starting block nb, is a formula
// without its comma ("The Conference of the Parties"), which stands alone
// on its line as one with its comma does. It must end on a word that
// ends a body's or an instrument's name: "The Conference of the Parties
// to the Minamata" goes on below with "Convention on Mercury,".
func formulaLine(nb *block, t string) bool {
	if nb.mark != markNone || !strings.HasPrefix(t, "The ") {
		return false
	}
	t = strings.TrimRight(t, " \t")
	if !formulaEndWords[t[strings.LastIndexAny(t, " \t")+1:]] || strings.Count(t, " ") >= maxFormulaLineWords {
		return false
	}
	return isFormula(t)
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
	if b.rowText {
		b.rowText = false
		if !startsStructure(t) {
			return nil
		}
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
		if !b.labelNext && !blank && (openEnded(cur.last()) && !startsStructure(t) || endsThat(cur.last())) {
			return nil
		}
		// "The Conference of the Parties, in decision 3/2," / "decided to
		// take note of the report of the" / "Working Group and, …": a
		// formula or a label's value that has run on over a line as a
		// sentence goes on until a line ends a clause. A value's own
		// wrapped tail is a few words (maxValueTail) and ends it.
		if !blank && endsCitingWord(cur.last()) && numberStart(t) {
			// "… (Report No." / "31) and, …": the number is cited
			return nil
		}
		if b.sentence && !blank && len(cur.more) > 0 && !endsClause(cur.last()) &&
			strings.Count(cur.last(), " ") >= maxValueTail && !startsMarked(t) && !b.lineFormula() && !b.lineSignal() {
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
	// next line as its text, unless that line heads an annex: a heading
	// is no paragraph's text, and the number stands as printed.
	if cur.mark != markNone && cur.mark != markHeading && cur.rest == "" && len(cur.more) == 0 && !numberStart(t) && !parenStart(t) && !annexHeads(t, cur, blank || gap) {
		return nil
	}
	last := cur.last()
	if !blank && (endsRunInNumber(last) || endsLoneDash(last) || brokenAtHyphen(last, t)) {
		// "… of the Convention; 2." / "Decides also …": the number of a
		// paragraph run on after a semicolon, wrapped apart from its
		// text; splitRunIn cuts the paragraph there. A dash that ends
		// a line ("… small cetaceans -" / "RECOGNISING …") leads into
		// the next line the same way, as does a word or symbol broken at
		// its hyphen ("WHC-" / "07/31.COM/7A")
		return nil
	}
	clause := endsClause(last) && !wrappedConjunction(last)
	if !blank && !gap && endsCitingWord(last) && numberStart(t) {
		// "… UNEP/CHW.12/INF/5, annex" / "4.": the number is the
		// annex's, cited in the sentence the margin broke
		return nil
	}
	if label, at, glued, ok := numberMatch(t); ok {
		n, _ := strconv.Atoi(label)
		rest := strings.TrimSpace(t[at:])
		symbolTail := glued && gluedSymbolTail(rest)
		if !clause && n == b.lastNum && n > 0 && !endsSentence(last) {
			// "… BC-10/19Medium" / "" / "2.": a number that repeats the
			// last paragraph's, below text that ended no sentence, numbers
			// a row of a table printed under it, as a PDF reader sets a
			// number hung in the margin apart from its text; the text
			// the reader set below it goes on with it
			b.rowText = rest == ""
			return nil
		}
		if clause || blank || !symbolTail && (n == b.lastNum+1 && (rest == "" || startsUpper(rest) || opensLowerVerb(rest)) || n == 1 && (startsUpper(rest) || bracketEnds(last))) {
			return newBlock()
		}
	}
	if label, at, ok := parenMatch(t); ok {
		rest := strings.TrimSpace(t[at:])
		if !blank && label != nextLetter(b.lastParen) && runInBefore(cur, label) {
			// "… may (a) encourage …; whaling;" / "(b) collect …": the
			// items of a list run into its sentence, one of them
			// wrapped to the start of a line, go on with the sentence
			return nil
		}
		if clause || blank || label == nextLetter(b.lastParen) && (rest == "" || startsUpper(rest)) || isRoman(label) && startsUpper(rest) && strings.HasSuffix(last, ":") {
			return newBlock()
		}
		if label == nextLetter(b.lastParen) && b.hardBreak(last, t) {
			// "(a) examination of …" / "(b) mechanisms for …", items
			// without punctuation on lines of their own: no wrap broke
			// the line before "(b)"
			return newBlock()
		}
	}
	if (clause || blank) && (dashStart(t) || headingStart(t)) || bracketEnds(last) && bulletSign(t) && dashStart(t) {
		// a bullet sign proper ("•", "▪"), which no sentence holds as
		// it may a dash, starts its item below a line ending on a
		// bracket as a "1." does
		return newBlock()
	}
	if strings.HasSuffix(last, ":") && opensQuote(t) {
		// "… to include the following sentences:" / "“In electing its
		// officers …”": the text quoted is a block of its own, as when a
		// blank line sets it apart
		return newBlock()
	}
	if m := dashPrefix(t); m != "" && (opensOperative(t[len(m):]) || dashInfinitive(t[len(m):]) || capsPhrase(t[len(m):])) {
		// "• Welcomes …" under a recital that lost its comma; "- to
		// submit …" under "INVITES governments directly affected";
		// "- CONSCIOUS of …", "- IN AN ATTEMPT to …" under a recital
		// without a closing mark
		return newBlock()
	}
	if !blank && !gap && (openEnded(last) || endsCitingWord(last)) && b.lineSignal() && !b.lineFormula() {
		// "… Decision 10/8 and" / "Decision 11/2,", "… in its decision" /
		// "B.5/9. The proposal …": a decision cited in a sentence that
		// the margin broke before it heads nothing
		return nil
	}
	if b.lineFormula() || b.lineSignal() || stampStart(t) || annexStart(t) && annexAlone(t, cur, blank || gap) ||
		len(t) < maxNoteBy && noteBy(t) {
		return newBlock()
	}
	if !blank && cur.mark == markNone && len(cur.more) == 0 && b.titleUnderHeading(cur) && opensBelowTitle(t) {
		// "28 COM 14B.3" / "Format of recommendations" / "World Heritage
		// Committee,": a web page sets no blank line between a heading's
		// title and the text below it
		nb := newBlock()
		nb.apart = true
		return nb
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
	if !clause && startsUpper(t) && opensRecitalOK(t) && len(strings.Fields(last)) <= maxLabelWords && titleLike(last) && !openEnded(last) {
		// "Gender reference" / "Recalling that, …": a label of a few
		// words, then a recital; no wrap leaves a line that short
		return newBlock()
	}
	if capsLine(t) && !capsLine(last) && !strings.HasSuffix(last, ":") {
		// "PROPOSAL FOR A WORKSHOP ON …" below a line in mixed case: a
		// title in capitals continues no sentence
		return newBlock()
	}
	if (clause || capsOpener(t)) && mayHoldLead(t) && leadFormulaRE.MatchString(t) {
		// "NOW THEREFORE the Commission;" after the last recital, even
		// one cut short: its lead in capitals continues no sentence
		return newBlock()
	}
	if !blank && (clause || capsOpener(t)) && joinsOn(last, t) {
		// "…, and" / "in this regard welcomes …": the sentence goes on
		return nil
	}
	if clause && startsLower(t) && cur.mark == markNone && startsLower(cur.text) && opensLowerVerb(cur.text) && opensLowerVerb(t) {
		// "decides to adopt …;" / "requests the secretariat …": operative
		// verbs in lower case, each opening its paragraph
		return newBlock()
	}
	if strings.HasPrefix(t, "The ") && !openEnded(last) && !endsThat(last) && reportedDecision(t) {
		// "The Committee selected …" below a list of names that ends no
		// clause: a body's report of what it decided is a paragraph of
		// its own, as a sentence wrapped onto the line ("…, noting that"
		// / "The Committee selected …") is not
		return newBlock()
	}
	if isUpper(t[0]) && strings.HasSuffix(t, ",") && strings.Count(last, " ") < maxValueTail && opensRecitalOK(t) {
		// "Recalling that, …, …," whole on its line below a label that
		// ends no clause ("Gender reference"), as a web page gives each
		// paragraph: a sentence wrapped onto a line does not go on with
		// a capitalized participle. A quoted title ("“Building …”,")
		// does. A label is a few words: below a longer line the
		// participle opens a name the margin broke ("… of the
		// Facilitative" / "Working Group with a term …,")
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

// opensQuote reports whether t opens with a quotation mark.
func opensQuote(t string) bool {
	return strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "‘")
}

// maxLabelWords bounds a label line a page sets above a recital without
// a blank line ("Gender reference", "Preamble"): a wrapped line of a
// sentence holds more words.
const maxLabelWords = 3

// wrappedConjunction reports whether line l ends on "and" or "or" that
// no comma or semicolon comes before ("… of ozone research and"): a wrap
// cut the sentence inside a phrase, and a participle on the next line
// ("Monitoring Project …") goes on with it. "…; and" ends a clause.
func wrappedConjunction(l string) bool {
	l = strings.TrimRight(l, " ")
	for _, c := range [...]string{" and", " or"} {
		if strings.HasSuffix(l, c) {
			before := strings.TrimRight(l[:len(l)-len(c)], " ")
			return before != "" && !strings.ContainsRune(",;:", rune(before[len(before)-1]))
		}
	}
	return false
}

// bracketEnds reports whether line t ends on a closing bracket ("Name
// of the site (State Party) (Identification number)", "Old Town
// (China)"): a heading's gloss or a list's entry, after which a "1."
// opens a list even in lower case ("1. response from the State Party
// …"), where a sentence wrapped before "1." would have gone on.
func bracketEnds(t string) bool { return strings.HasSuffix(t, ")") }

// startsMarked reports whether a line opens with a mark that only starts
// something: a paragraph number, an item's label, a heading's label, an
// annex or a plenary stamp. A participle or a verb may open a line that
// the margin broke out of a sentence ("… the Fair and Equitable" /
// "Sharing of Benefits …"); a mark does not.
func startsMarked(t string) bool {
	return numberStart(t) || parenStart(t) || headingStart(t) || annexStart(t) || stampStart(t)
}

// dashInfinitive reports whether the text after a dash opens a clause
// of an infinitive ("to submit …"): "to" before a word in "-ing" ("–
// to achieving the objective …") closes a dash's aside wrapped onto the
// line instead.
func dashInfinitive(t string) bool {
	if !hasPrefixFold(t, "to ") {
		return false
	}
	w := leadingWord(strings.TrimLeft(t[len("to "):], " "))
	return !strings.HasSuffix(strings.ToLower(w), "ing")
}

// citingWords are the words in lower case, and the abbreviations, that a
// symbol or a number follows in a sentence citing it ("in its decision
// B.5/9", "annex 4.", "in paragraph 12", "Report No. 23").
var citingWords = map[string]bool{"decision": true, "decisions": true, "resolution": true, "resolutions": true,
	"recommendation": true, "recommendations": true, "document": true, "documents": true,
	"No.": true, "Nos.": true, "no.": true, "para.": true, "paras.": true,
	"annex": true, "annexes": true, "appendix": true, "paragraph": true, "paragraphs": true, "section": true,
	"sections": true, "article": true, "articles": true, "chapter": true, "part": true, "page": true, "pages": true}

// endsCitingWord reports whether a line of a sentence ends on one of
// citingWords: the symbol or number on the next line is cited, where a
// label ("Decision" alone on its line, "Related documents": a few words,
// maxValueTail at most) heads the symbol below it.
func endsCitingWord(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return i > 0 && citingWords[s[i+1:]] && strings.Count(s, " ") >= maxValueTail
}

// runInBefore reports whether the block holds, run into its lines, the
// item before the single letter label: "(a)" before "(b)".
func runInBefore(cur *block, label string) bool {
	if len(label) != 1 || label[0] <= 'a' || label[0] > 'z' {
		return false
	}
	prev := "(" + string(label[0]-1) + ")"
	if strings.Contains(cur.rest, prev) {
		return true
	}
	for _, m := range cur.more {
		if strings.Contains(m, prev) {
			return true
		}
	}
	return false
}

// maxSymbolCode is the longest code in capitals that a symbol glues to
// a number ("12.COM", "2.BUR", "6.GA"): no operative verb in capitals
// ("URGES", "NOTES") is that short.
const maxSymbolCode = 3

// gluedSymbolTail reports whether rest, glued to a number at the start of
// a line ("2.BUR/INF.3,", "2.BUR 1,"), goes on with a symbol that the
// margin broke, not with a paragraph's text ("2.Requests …"): a code in
// capitals of a few letters, or a word with a slash or a dot in it.
func gluedSymbolTail(rest string) bool {
	w := rest
	if i := strings.IndexAny(rest, " ,;"); i >= 0 {
		w = rest[:i]
	}
	if strings.ContainsAny(w, "/.") {
		return true
	}
	return len(w) >= 2 && len(w) <= maxSymbolCode && strings.ToUpper(w) == w && leadingWord(w) == w
}

// joinsOn reports whether a line that ends on "and" or "or" leaves its
// sentence open for the next line t, which then opens no recital or
// operative paragraph: the conjunction of a list ends its clause after a
// semicolon ("…; and" / "Requests …"), but after a comma it joins a line
// in lower case ("…, and" / "in this regard welcomes …"), and after a
// word any line ("… the Directive and" / "RECOGNISING that …"), as a
// sentence wrapped at the margin does.
func joinsOn(last, t string) bool {
	var s string
	switch {
	case strings.HasSuffix(last, " and"):
		s = last[:len(last)-len(" and")]
	case strings.HasSuffix(last, " or"):
		s = last[:len(last)-len(" or")]
	default:
		return false
	}
	s = strings.TrimRight(s, " ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case ';', ':', '.':
		return false
	case ',':
		return startsLower(t)
	}
	return true
}

// brokenAtHyphen reports whether the margin broke a word or symbol at
// its hyphen between line last ("… Documents WHC-") and line t
// ("07/31.COM/7A, …"): last ends on a hyphen glued to a letter, and t
// opens with no paragraph or item marker.
func brokenAtHyphen(last, t string) bool {
	n := len(last)
	return n >= 2 && last[n-1] == '-' && isASCIILetter(last[n-2]) && !numberStart(t) && !parenStart(t)
}

// endsLoneDash reports whether a line ends on a dash standing as a word
// ("… of small cetaceans -"): a dash leads into what follows it, and
// a line ends on one only where the margin broke the text after it.
func endsLoneDash(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return i > 0 && dashWords[s[i+1:]]
}

// dashWords are the dashes that stand as words between clauses.
var dashWords = map[string]bool{"-": true, "–": true, "—": true}

// endsRunInNumber reports whether a line ends on the number of a
// paragraph run on after a semicolon ("… the Convention; 2."), the
// ending runInNumberRE finds within a line.
func endsRunInNumber(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	i := len(s) - 1
	d := 0
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
		d++
	}
	return d >= 1 && d <= 3 && strings.HasSuffix(s[:i], "; ")
}

// capsPhrase reports whether t opens with words in capitals as a phrase
// of a recital or a paragraph does: capsOpener, or after short words in
// capitals ("IN AN ATTEMPT to …").
func capsPhrase(t string) bool {
	for range 2 {
		n := 0
		for n < len(t) && isUpper(t[n]) {
			n++
		}
		if n == 0 || n > 2 || n == len(t) || t[n] != ' ' {
			break
		}
		t = t[n+1:]
	}
	return capsOpener(t)
}

// capsLine reports whether t is words in capitals, three at least, with
// no letter in lower case: a title or formula in capitals. Its words of
// letters outnumber those with digits: "COM 7B.67, 35 COM 7B.68" is a
// list of symbols wrapped onto the line, no title.
func capsLine(t string) bool {
	if !capsOpener(t) || strings.Count(t, " ") < 2 {
		return false
	}
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
	}
	words, digits := 0, 0
	for w := range strings.FieldsSeq(t) {
		if strings.ContainsAny(w, "0123456789") {
			digits++
		} else {
			words++
		}
	}
	return words > digits
}

// maxNoteBy is the longest line that can be the label "Note by the
// Executive Secretary" (with a footnote marker or two), which stands alone.
const maxNoteBy = 60

// annexTitleGoesOn reports whether line t, which continues an annex
// heading, carries on its title: a title ends no clause and opens no
// sentence, where "Annex I to decision 3/2" / "sets out the rules of
// procedure." went on as a sentence.
func annexTitleGoesOn(t string) bool {
	return !endsClause(t) && !opensLowerVerb(t)
}

// annexAlone reports whether a line that reads as an annex heading
// ("Annex", "Annex I to decision 3/2", "APPENDIX") stands alone as one,
// rather than continuing the sentence of the block before it ("… set out
// in\nannex I to decision 3/2 in the light of …"): a heading ends no
// clause, nor a phrase unless it opens with a capital, and comes after a
// blank line, a page break, or a line that ends a sentence. Taking a
// wrapped line for a heading would end the operative part there and lose
// every paragraph after it.
func annexAlone(t string, cur *block, blank bool) bool {
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") || openEnded(t) && t[0] != 'A' {
		// a heading opening with a capital whose title runs on ("Annex
		// to decision 3/4 Work plan for" / "2031–2032") is read by the
		// lines that continue it (annexTitleGoesOn)
		return false
	}
	if cur == nil || blank || cur.mark == markHeading {
		return true
	}
	last := cur.last()
	return endsSentence(last) || stampStart(last) || dateLine.MatchString(last) || decisionSignal(last)
}

// annexHeads reports whether line t heads an annex below block cur: an
// annex heading that stands alone and ends no sentence, where "Annex I to
// decision 3/2 sets out the rules." is a sentence that opens on it.
func annexHeads(t string, cur *block, blank bool) bool {
	return annexStart(t) && annexAlone(t, cur, blank) && !endsSentence(t)
}

// mark sets the block's numbering and updates the sequence state.
func (b *blocker) mark(nb *block) {
	t := nb.text
	if label, at, _, ok := numberMatch(t); ok {
		n, _ := strconv.Atoi(label)
		nb.mark, nb.label = markNumber, label // as printed: "07" stays "07"
		nb.rest = strings.TrimSpace(t[at:])
		b.lastNum, b.lastParen = n, ""
		return
	}
	if label, at, ok := parenMatch(t); ok {
		nb.mark, nb.label = markParen, label
		nb.rest = strings.TrimSpace(t[at:])
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

func headingMatch(t string) []string {
	if !headingStart(t) {
		return nil
	}
	return sectionHeading(t)
}

func dashStart(t string) bool { return dashPrefix(t) != "" }

// bulletSign reports whether t opens with a bullet sign, a mark that
// leads list items only, unlike a dash, which a sentence may hold.
func bulletSign(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r == '•' || r == '▪' || r == '◦' || r == '●'
}

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

// titleSignal tests cheaply for a heading that names a decision without a
// symbol ("Resolution on the Framework …").
func titleSignal(t string) bool {
	if !mayOpenDR(t) {
		return false
	}
	head := strings.ToLower(t[:min(len(t), 16)])
	return (strings.HasPrefix(head, "draft") || strings.HasPrefix(head, "decision") || strings.HasPrefix(head, "resolution") ||
		strings.HasPrefix(head, "recommendation")) && titleSignalRE.MatchString(t)
}

// maxTitle bounds a title: the longest decision titles ("Report of the
// Executive Committee of the Multilateral Fund for the Implementation of
// the Montreal Protocol and …") run to two or three lines.
const maxTitle = 300

// titleLike reports whether a block reads as a title: short, capitalized,
// not a sentence.
func titleLike(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && len(t) < maxTitle && startsUpper(t) && !endsClause(t) && !isFormula(t) && !furniture(t) &&
		!noteBy(t) && !stampStart(t) && !annexStart(t) &&
		!hasLowerPrefix(t, "decision directed to")
}
