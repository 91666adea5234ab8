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
	label string // "1", "a", "ii", "I" ("" when unmarked)
	rest  string // text after the marker
	blank bool   // a blank line came before it
}

var (
	numberRE   = regexp.MustCompile(`^(\d{1,3})\.(?:\s+|$)|^(\d{1,3})\.([^\d\s.])`)
	parenRE    = regexp.MustCompile(`^\(([a-z]{1,4})\)\s*|^([a-z]{1,2})\)\s+`)
	dashRE     = regexp.MustCompile(`^[-–—•·▪◦●]\s+`)
	headingRE2 = regexp.MustCompile(`^([IVX]{1,5})\.(?:\s+(.*))?$|^([A-H])\.\s+(\S.*)$`)
	formulaRE  = regexp.MustCompile(`^The\s+(?:[\p{L}-]+\s+){0,3}(?:Conference|Meeting|Assembly|Council|Committee|Working Group|Commission|Parties)\b`)
	stampRE    = regexp.MustCompile(`(?i)^\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b`)
	annexRE    = regexp.MustCompile(`^(?:(?i:annex|attachment|appendix)(?:\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z]))?(?:\s+to\s+.{0,120})?|ANNEX(?:\s+[IVX]{1,5})?)$`)
	noteByRE   = regexp.MustCompile(`(?i)^note by the (?:secretariat|executive secretary|executive director|director-general|president|bureau)`)
)

// isFormula reports whether t is an enacting formula ("The Conference of
// the Parties,", "The Third Meeting of the Parties decided in Dec. III/12:").
func isFormula(t string) bool {
	if !formulaRE.MatchString(t) || len(t) > 400 {
		return false
	}
	if strings.Contains(t, " shall ") || strings.Contains(t, " is requested") || strings.Contains(t, " may wish") ||
		strings.Contains(t, " are requested") || strings.Contains(t, " will ") {
		return false
	}
	t = strings.TrimSpace(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return last == ',' || last == ':' || strings.Contains(t, " decided") || len(strings.Fields(t)) <= 25 && !endsSentence(t)
}

// decisionSignal reports whether a line heads a decision.
func decisionSignal(t string) bool {
	if m := dottedHeadRE.FindStringSubmatch(t); m != nil && !strings.Contains(t, ",") && (m[1] != "" || m[3] != "" || m[4] == "") {
		return true
	}
	return headingRE.MatchString(t) || symbolFirstRE.MatchString(t) || directedRE.MatchString(t) || decMarker.MatchString(t)
}

// startsStructure reports whether a line can only be the start of
// something: a numbered paragraph, an item, a heading, a formula, a
// decision heading, an annex, a plenary stamp or a recital.
func startsStructure(t string) bool {
	if numberRE.MatchString(t) || parenRE.MatchString(t) || headingRE2.MatchString(t) && len(t) < 150 {
		return true
	}
	if isFormula(t) || decisionSignal(t) || annexRE.MatchString(t) || stampRE.MatchString(t) {
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
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if strings.HasSuffix(s, " and") || strings.HasSuffix(s, " or") {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
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
}

// blocks joins body lines into blocks. A line starts a new block when it is
// a paragraph, item or heading start the sequence allows, a formula,
// decision heading or recital after the end of a clause, or follows a
// blank line; otherwise it continues the block before it.
func blocks(lines []line) []block {
	var b blocker
	blank := true
	for _, l := range lines {
		if l.blank {
			blank = true
			continue
		}
		b.add(l, blank)
		blank = false
	}
	return b.out
}

func (b *blocker) add(l line, blank bool) {
	t := l.text
	var cur *block
	if len(b.out) > 0 {
		cur = &b.out[len(b.out)-1]
	}
	nb := b.classify(t, cur, blank, l.gap)
	if nb == nil {
		cur.text = joinLines(cur.text, t)
		if cur.mark != markNone {
			cur.rest = joinLines(cur.rest, t)
		} else {
			cur.rest = cur.text
		}
		return
	}
	nb.n, nb.blank = l.n, blank
	b.out = append(b.out, *nb)
	// Heading lines stand alone: what follows starts anew unless it
	// continues the heading in lower case.
	b.force = decisionSignal(t) || nb.mark == markHeading || directedRE.MatchString(t) || b.labelNext || annexRE.MatchString(t)
	b.labelNext = directedRE.MatchString(t)
}

// classify returns the new block line t starts, or nil when t continues
// the current block.
func (b *blocker) classify(t string, cur *block, blank, gap bool) *block {
	newBlock := func() *block {
		nb := &block{text: t, rest: t}
		b.mark(nb)
		return nb
	}
	if cur == nil {
		return newBlock()
	}
	if b.force || b.labelNext {
		if startsLower(t) && !b.labelNext && !parenRE.MatchString(t) {
			return nil
		}
		return newBlock()
	}
	clause := endsClause(cur.text)
	if m := numberRE.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		rest := strings.TrimSpace(t[len(m[0])-len(m[3]):])
		if clause || blank || n == b.lastNum+1 && (rest == "" || startsUpper(rest)) || n == 1 && startsUpper(rest) {
			return newBlock()
		}
	}
	if m := parenRE.FindStringSubmatch(t); m != nil {
		label := m[1] + m[2]
		rest := strings.TrimSpace(t[len(m[0]):])
		if clause || blank || label == nextLetter(b.lastParen) && startsUpper(rest) || isRoman(label) && startsUpper(rest) && strings.HasSuffix(strings.TrimSpace(cur.text), ":") {
			return newBlock()
		}
	}
	if dashRE.MatchString(t) && (clause || blank) {
		return newBlock()
	}
	if headingRE2.MatchString(t) && len(t) < 150 && (clause || blank) {
		return newBlock()
	}
	if isFormula(t) || decisionSignal(t) || annexRE.MatchString(t) || stampRE.MatchString(t) || directedRE.MatchString(t) {
		return newBlock()
	}
	if clause {
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
		if !endsSentence(cur.text) && (startsLower(t) || gap && !startsStructure(t)) {
			return nil
		}
		if blank {
			return newBlock()
		}
	}
	return nil
}

// mark sets the block's numbering and updates the sequence state.
func (b *blocker) mark(nb *block) {
	t := nb.text
	if m := numberRE.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		nb.mark, nb.label = markNumber, strconv.Itoa(n)
		nb.rest = strings.TrimSpace(t[len(m[0])-len(m[3]):])
		b.lastNum, b.lastParen = n, ""
		return
	}
	if m := parenRE.FindStringSubmatch(t); m != nil {
		nb.mark, nb.label = markParen, m[1]+m[2]
		nb.rest = strings.TrimSpace(t[len(m[0]):])
		if !isRoman(nb.label) || nb.label == nextLetter(b.lastParen) {
			b.lastParen = nb.label
		}
		return
	}
	if m := dashRE.FindString(t); m != "" {
		nb.mark, nb.rest = markDash, strings.TrimSpace(t[len(m):])
		return
	}
	if m := headingRE2.FindStringSubmatch(t); m != nil && len(t) < 150 && !strings.HasSuffix(t, ";") {
		nb.mark, nb.label = markHeading, m[1]+m[3]
		nb.rest = strings.TrimSpace(m[2] + m[4])
		return
	}
	if isFormula(t) || decisionSignal(t) {
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
