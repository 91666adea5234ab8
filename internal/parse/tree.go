package parse

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// finish builds the decision: its paragraph tree, verbs, footnotes,
// instrument, meeting and year of adoption.
func (dr *draft) finish(opt Options, doc *wholeText) accord.Decision {
	d := dr.d
	var pos []elementPos
	// the positions of the recitals and the formula follow the tree's
	d.Paragraphs, d.Headings, pos = buildTree(dr.ops, phraseOptions{base: dr.plural}, true, len(d.Preamble)+1)
	for k := range dr.annexOps {
		paras, heads, _ := buildTree(dr.annexOps[k], phraseOptions{}, false, 0)
		a := &d.Annexes[k]
		for _, h := range heads {
			a.Text = append(a.Text, h.Text)
		}
		for _, p := range paras {
			if p.Number == "" {
				// text of the annex, items and all
				walkParagraph(p, func(p accord.Paragraph) { a.Text = append(a.Text, labelled(p)) })
				continue
			}
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	for i := range d.Preamble {
		pos = append(pos, elementPos{n: dr.recitalN[i], text: &d.Preamble[i].Text, notes: &d.Preamble[i].Notes, path: "preamble " + strconv.Itoa(i+1)})
	}
	if d.Formula != "" {
		// "The Conference of the Parties,1": the formula cites a note but
		// has no place for markers, so it keeps its own.
		pos = append(pos, elementPos{n: dr.formulaN, text: &d.Formula, path: "formula", keep: true})
	}
	d.Footnotes = attachNotes(dr.notes, pos)

	for k := 0; d.Symbol == "" && k < len(d.Annexes); k++ {
		d.Symbol = ownAnnexSymbol(d.Annexes[k].Heading)
	}
	if d.Symbol == "" {
		// an annex heading the parser took for text
		d.Symbol = ownAnnexSymbol(dr.fullText())
	}
	// Instrument and meeting: each source asked once, in order, until
	// one names them.
	if opt.Instrument != "" {
		d.Instrument = accord.InstrumentID(opt.Instrument)
	} else {
		d.Instrument = jointSymbolInstrument(d.Symbol)
		if d.Instrument == "" {
			d.Instrument = symbolInstrument(d.Symbol)
		}
		if d.Instrument == "" {
			d.Instrument = jointTextInstrument(d.Formula, d.Title)
		}
		if d.Instrument == "" {
			d.Instrument = formulaInstrument(d.Formula)
		}
		if d.Instrument == "" {
			d.Instrument = mentionedInstrument(dr.fullText())
		}
		if d.Instrument == "" {
			d.Instrument = doc.instrument()
		}
	}
	if opt.Meeting != "" {
		d.Meeting = opt.Meeting
	} else {
		d.Meeting = ""
		if d.Symbol != "" {
			d.Meeting = meetingOf(d.Symbol, d.Instrument)
		}
		if d.Meeting == "" {
			d.Meeting = meetingInText(strings.Join(d.Preface, "\n"))
		}
		if d.Meeting == "" {
			d.Meeting = doc.meeting()
		}
	}
	d.Year = adoptionYear(d.Closing, true)
	if d.Year == 0 {
		d.Year = adoptionYear(d.Preface, false)
	}
	if d.Year == 0 {
		d.Year = doc.year()
	}
	return d
}

// labelled returns a paragraph's text after its label as printed: "(a)"
// for letters and roman numerals, "3." for numbers.
func labelled(p accord.Paragraph) string {
	switch {
	case p.Number == "":
		return p.Text
	case p.Number[0] >= '0' && p.Number[0] <= '9':
		return p.Number + ". " + p.Text
	}
	return "(" + p.Number + ") " + p.Text
}

// elementPos locates an element that may cite footnotes.
type elementPos struct {
	n     int
	text  *string
	notes *[]string
	path  string
	keep  bool // the marker stays in the text
}

// noteReach is how many elements before a footnote's body attachNotes
// searches for its marker: a page's paragraphs and items, and more.
const noteReach = 60

// attachNotes re-attaches each footnote to the last element before it that
// carries its marker, taking the marker out of that element's text.
func attachNotes(notes []rawNote, pos []elementPos) []accord.Footnote {
	if len(notes) == 0 {
		return nil
	}
	slices.SortStableFunc(pos, func(a, b elementPos) int { return cmp.Compare(a.n, b.n) })
	var out []accord.Footnote
	for _, f := range notes {
		fn := accord.Footnote{Marker: f.marker, Text: f.text}
		best, i := -1, -1
		// The marker stands in one of the elements just before the
		// footnote body: search back from there, not through them all.
		k := sort.Search(len(pos), func(i int) bool { return pos[i].n > f.n }) - 1
		for stop := max(0, k-noteReach); k >= stop; k-- {
			if i = markerIn(*pos[k].text, f.marker); i >= 0 {
				best = k
				break
			}
		}
		if best >= 0 {
			p := pos[best]
			m := f.marker
			if r, _ := utf8.DecodeRuneInString((*p.text)[i:]); superscripts[r] != 0 {
				m = string(r)
			}
			if !p.keep {
				*p.text = (*p.text)[:i] + (*p.text)[i+len(m):]
				*p.notes = append(*p.notes, f.marker)
			}
			fn.Attached = p.path
		}
		out = append(out, fn)
	}
	return out
}

// markerIn returns the offset of footnote marker m (in digit form) glued in
// text, or -1.
func markerIn(text, m string) int {
	if m == "" {
		return -1
	}
	if len(m) == 1 && m[0] >= '0' && m[0] <= '9' {
		// looked for forwards first: a text seldom holds it, and
		// strings.Contains passes over it faster than LastIndex
		if sup := string(superscriptOf[m[0]-'0']); strings.Contains(text, sup) {
			return strings.LastIndex(text, sup)
		}
	}
	if m[0] == '[' {
		return strings.LastIndex(text, m)
	}
	if m[0] == '*' || strings.HasPrefix(m, "∗") || strings.HasPrefix(m, "†") {
		if i := strings.LastIndex(text, m); i > 0 && text[i-1] != ' ' {
			return i
		}
		return -1
	}
	if !strings.Contains(text, m) {
		return -1 // gluedAt's answer, without reading text backwards
	}
	return gluedAt(text, m)
}

var superscriptOf = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// buildTree turns operative blocks into the paragraph tree. Top-level
// units are numbered paragraphs when there are any, else lettered ones,
// else unnumbered ones; (a) items go under numbers, (i) items under
// letters, the h/i/j and hh/ii/jj ambiguity resolved by sequence. The
// positions it gives have room for more that the caller adds after them.
func buildTree(ops []block, opt phraseOptions, verbs bool, more int) ([]accord.Paragraph, []accord.Heading, []elementPos) {
	top := topMark(ops)
	var (
		paras     []accord.Paragraph
		heads     []accord.Heading
		pos       []elementPos
		unnum     int
		lastLet   string // last letter label under the current parent
		lastRom   int    // last roman value under the current letter (or paragraph)
		letterAt  = -1   // index of the current letter item in the current paragraph's items
		inner     int    // last number of items numbered under a chapeau ("1.", "2."), 0 outside them
		dashItems bool   // bullets under an unnumbered paragraph's chapeau are being read as its items
	)
	if len(ops) > 0 {
		paras = make([]accord.Paragraph, 0, paraBound(ops, top))
	}
	// positions are recorded after the tree is complete: slices move.
	// A path is a paragraph's index and at most two items' below it.
	type where struct {
		n     int
		depth int // how many indices of path lead to the element
		path  [3]int
	}
	places := make([]where, 0, len(ops)) // an element a block at most
	// A text may print one number twice ("1." for every paragraph):
	// paths stay unique all the same, the second "1" becoming "1~2",
	// so that each paragraph and the mandates tied to it stand apart.
	seen := make(map[string]int, len(ops))
	unique := func(path string) string {
		n := seen[path]
		if n == 0 {
			seen[path] = 1
			return path
		}
		for {
			n++
			alt := path + "~" + strconv.Itoa(n)
			if seen[alt] == 0 {
				seen[path], seen[alt] = n, 1
				return alt
			}
		}
	}
	lastText := func() string {
		if len(paras) == 0 {
			return ""
		}
		p := &paras[len(paras)-1]
		if letterAt >= 0 && letterAt < len(p.Items) {
			it := &p.Items[letterAt]
			if len(it.Items) > 0 {
				return it.Items[len(it.Items)-1].Text
			}
			return it.Text
		}
		if len(p.Items) > 0 {
			return p.Items[len(p.Items)-1].Text
		}
		return p.Text
	}
	newPara := func(b *block, number string) {
		p := accord.Paragraph{Number: number, Text: b.rest}
		if number == "" {
			unnum++
			p.Path = "p" + strconv.Itoa(unnum)
		} else {
			p.Path = number
		}
		p.Path = unique(p.Path)
		if verbs {
			// a verb in lower case opens a numbered paragraph, and one run
			// on from its formula ("NOW THEREFORE the Commission requests");
			// a verb in its base form opens a numbered or bulleted one
			// ("- Encourage the Working Group to …")
			setPhrase(&p, phraseOptions{base: opt.base || number != "" || b.mark == markDash, numbered: number != "" || startsLower(b.rest)})
		}
		paras = append(paras, p)
		places = append(places, where{b.n, 1, [3]int{len(paras) - 1}})
		lastLet, lastRom, letterAt = "", 0, -1
	}
	for i := range ops {
		b := &ops[i]
		switch {
		case b.mark == markHeading:
			heads = append(heads, accord.Heading{Before: len(paras), Text: b.text})
			continue
		case b.mark == top && top == markNumber:
			if inner = subNumber(*b, inner, paras, lastText()); inner == 0 {
				newPara(b, b.label)
				continue
			}
		case top == markParen && b.mark == markParen:
			if len(paras) == 0 || !isRoman(b.label) || !romanNext(*b, lastRom, lastText(), paras) {
				newPara(b, b.label)
				continue
			}
		case b.mark == markDash && len(paras) > 0 && opensOwnVerb(b.rest) && !strings.HasSuffix(strings.TrimSpace(lastText()), ":"):
			// "• Encourages the States Parties …" after a list of sites, or
			// among numbered paragraphs: a bullet set where a number
			// stood, opening a paragraph of its own
			dashItems = false
			newPara(b, "")
			continue
		case b.mark == markDash && top != markNumber && len(paras) > 0 && (dashItems || chapeau(lastText(), b.rest)):
			// "… to establish a Working Group inter alia to:", "- review
			// …", "- prepare …": bullets under a chapeau are its items
			dashItems, letterAt = true, -1 // siblings, not nested
		case b.mark == markNone || b.mark == markDash && top != markNumber:
			dashItems = false
			if len(paras) > 0 && b.mark == markNone && !opensOperative(b.rest) && !opensPassive(b.rest) && !hasLowerPrefix(b.rest, "to ") &&
				!reportedDecision(b.rest) && !(opt.base && opensBase(b.rest)) &&
				!(startsLower(b.rest) && startsLower(paras[len(paras)-1].Text) && opensLowerVerb(b.rest)) {
				// text that goes on with the element before it
				appendText(&paras[len(paras)-1], letterAt, b.text)
				continue
			}
			newPara(b, "")
			continue
		}
		if len(paras) == 0 {
			newPara(b, b.label)
			continue
		}
		p := &paras[len(paras)-1]
		label := b.label
		item := accord.Paragraph{Number: label, Text: b.rest}
		if verbs {
			setPhrase(&item, phraseOptions{base: true, numbered: true})
		}
		roman := isRoman(label) && (top == markParen || romanNext(*b, lastRom, lastText(), paras) || label != nextLetter(lastLet))
		if top == markParen {
			roman = true
		}
		if b.mark == markDash {
			roman = letterAt >= 0
		}
		if roman && (letterAt >= 0) {
			it := &p.Items[letterAt]
			item.Path = unique(it.Path + "(" + label + ")")
			it.Items = append(it.Items, item)
			lastRom = romanValue(label)
			places = append(places, where{b.n, 3, [3]int{len(paras) - 1, letterAt, len(it.Items) - 1}})
			continue
		}
		item.Path = unique(p.Path + "(" + label + ")")
		p.Items = append(p.Items, item)
		places = append(places, where{b.n, 2, [3]int{len(paras) - 1, len(p.Items) - 1}})
		switch {
		case roman:
			lastRom = romanValue(label)
		case b.mark == markDash:
			// "• Old Town (China)", "• Agra Fort (India)": bullets
			// under a paragraph are siblings, not each the parent of
			// the next
		default:
			lastLet, lastRom, letterAt = label, 0, len(p.Items)-1
		}
	}
	if len(places) > 0 {
		pos = make([]elementPos, 0, len(places)+more)
	}
	for _, w := range places {
		p := &paras[w.path[0]]
		for _, k := range w.path[1:w.depth] {
			p = &p.Items[k]
		}
		pos = append(pos, elementPos{n: w.n, text: &p.Text, notes: &p.Notes, path: p.Path})
	}
	return paras, heads, pos
}

// topMark is the mark of the top-level units of ops: numbered
// paragraphs when there are any, else lettered ones, else unnumbered
// ones. Lettered units are top-level only when the operative part opens
// with one; after an unnumbered chapeau ("The Secretariat shall:") they
// are its items.
func topMark(ops []block) mark {
	top, first := markNone, mark(-1)
	for _, b := range ops {
		if first < 0 && b.mark != markHeading {
			first = b.mark
		}
		if b.mark == markNumber {
			return markNumber
		}
		if b.mark == markParen && top == markNone && first == markParen && !isRoman(b.label) {
			top = markParen
		}
	}
	return top
}

// paraBound is the most paragraphs buildTree makes of ops, top being
// their top level's mark: one a block but for headings and, below a top
// level other than letters, but for the letters and romans after the
// first block, which are items of the paragraph above them.
func paraBound(ops []block, top mark) int {
	n := 1
	for i := range ops {
		if m := ops[i].mark; m != markHeading && (m != markParen || top == markParen) {
			n++
		}
	}
	return min(n, len(ops))
}

// chapeau reports whether a paragraph whose text so far is prev opens a
// list whose first item is next: prev ends on a colon ("… inter alia
// to:"), or names whom it asks and the item says what, in the infinitive
// ("INVITES member governments directly affected", "- to submit …").
func chapeau(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	return strings.HasSuffix(prev, ":") || !endsClause(prev) && hasPrefixFold(next, "to ")
}

// subNumber decides whether numbered block b is an item of the paragraph
// above, numbered afresh under its chapeau ("3. Requests the
// Secretary-General to invite:", "1. All States …", "2. Representatives
// …"), and returns its number as an item, or 0 for a paragraph. inner is
// the number of the item before, 0 when there is none. A number that
// goes on with the paragraphs' own is a paragraph.
func subNumber(b block, inner int, paras []accord.Paragraph, prev string) int {
	if len(paras) == 0 {
		return 0
	}
	n, err := strconv.Atoi(b.label)
	if err != nil {
		return 0
	}
	outer, err := strconv.Atoi(paras[len(paras)-1].Number)
	if err != nil || n == outer+1 {
		return 0
	}
	if n == 1 && outer > 1 && inner == 0 && len(paras[len(paras)-1].Items) == 0 && strings.HasSuffix(strings.TrimSpace(prev), ":") {
		return 1
	}
	if inner > 0 && n == inner+1 {
		return n
	}
	return 0
}

// romanNext decides whether a paren item whose label reads as a roman
// numeral is one, by sequence: (i) after a chapeau ending in a colon,
// (ii) after (i); otherwise it is the next letter.
func romanNext(b block, lastRom int, prev string, paras []accord.Paragraph) bool {
	v := romanValue(b.label)
	if v == 1 {
		return strings.HasSuffix(strings.TrimSpace(prev), ":")
	}
	if lastRom > 0 && v == lastRom+1 {
		// (v) after (iv) is roman unless it opens like the lettered units
		// ("Requests …"), as top-level letters do.
		return !opensOperative(b.rest)
	}
	return false
}

func appendText(p *accord.Paragraph, letterAt int, t string) {
	if letterAt >= 0 && letterAt < len(p.Items) {
		it := &p.Items[letterAt]
		if len(it.Items) > 0 {
			last := &it.Items[len(it.Items)-1]
			last.Text = joinLines(last.Text, t)
			return
		}
		it.Text = joinLines(it.Text, t)
		return
	}
	if len(p.Items) > 0 {
		last := &p.Items[len(p.Items)-1]
		last.Text = joinLines(last.Text, t)
		return
	}
	p.Text = joinLines(p.Text, t)
}

func setPhrase(p *accord.Paragraph, opt phraseOptions) {
	ph, ok := openingPhrase(p.Text, opt)
	if !ok {
		ph, ok = reportedPhrase(p.Text)
	}
	if !ok {
		ph, ok = pastPhrase(p.Text)
	}
	if ok {
		p.Phrase, p.Verb, p.Modifier, p.Class = ph.Text, ph.Verb, ph.Modifier, ph.Class
	}
}

// openingBytes is the opening of a text where a meeting report or a
// compilation prints its heading, with the meeting and its dates: the
// first page or so.
const openingBytes = 4000

// wholeText answers, once each and only when asked, what the whole text
// says of the instrument and meeting, for decisions that do not say it
// themselves.
type wholeText struct {
	preface                      []string // the document's, before furniture and notes join it
	drafts                       []*draft
	text                         string // preface and decisions, a line each, once asked
	joined                       bool
	open                         string // its opening, once asked
	opened                       bool
	inst, meet                   string
	yr                           int
	instDone, meetDone, yearDone bool
}

// all returns the whole text.
func (w *wholeText) all() string {
	if !w.joined {
		n := 0
		for _, p := range w.preface {
			n += len(p) + 1
		}
		for _, dr := range w.drafts {
			for _, p := range dr.texts {
				n += len(p) + 1
			}
		}
		var b strings.Builder
		b.Grow(n)
		w.write(&b, n)
		w.text, w.joined = b.String(), true
	}
	return w.text
}

// opening returns the first openingBytes of the whole text, or all of
// it, reading only the parts it needs.
func (w *wholeText) opening() string {
	switch {
	case w.joined:
		return w.text[:min(len(w.text), openingBytes)]
	case !w.opened:
		var b strings.Builder
		b.Grow(openingBytes)
		w.write(&b, openingBytes)
		w.open, w.opened = b.String(), true
	}
	return w.open
}

// write writes the first n bytes of the whole text to b: its parts, a
// line each.
func (w *wholeText) write(b *strings.Builder, n int) {
	add := func(p string) bool {
		b.WriteString(p[:min(len(p), n-b.Len())])
		if b.Len() < n {
			b.WriteByte('\n')
		}
		return b.Len() < n
	}
	for _, p := range w.preface {
		if !add(p) {
			return
		}
	}
	for _, dr := range w.drafts {
		if dr.typed {
			if !add(dr.text) {
				return
			}
			continue
		}
		for _, p := range dr.texts { // fullText's pieces, a line each
			if !add(p) {
				return
			}
		}
	}
}

func (w *wholeText) instrument() string {
	if !w.instDone {
		w.inst, w.instDone = mentionedInstrument(w.all()), true
	}
	return w.inst
}

// meeting looks for "Third meeting of the Conference of the Parties …" in
// the opening of the text, where the heading of a meeting report stands.
func (w *wholeText) meeting() string {
	if !w.meetDone {
		w.meet, w.meetDone = meetingInText(w.opening()), true
	}
	return w.meet
}

// year looks for a dated heading line ("Geneva, 3–7 November 2025") in
// the opening of the text, where a meeting report or a compilation
// prints when its meeting was held.
func (w *wholeText) year() int {
	if !w.yearDone {
		w.yr, w.yearDone = adoptionYear(strings.Split(w.opening(), "\n"), false), true
	}
	return w.yr
}
