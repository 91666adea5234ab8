package parse

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

// phases of a decision's text.
const (
	phasePreface = iota
	phasePreamble
	phaseOperative
	phaseClosing
	phaseAnnex
)

// draft is a decision being put together from blocks.
type draft struct {
	d        accord.Decision
	start    int // line index of its first block
	phase    int
	body     bool    // has recitals or operative paragraphs
	ops      []block // operative blocks, in order
	annexOps [][]block
	recitalN []int // line index of each recital
	formulaN int   // line index of the formula
	notes    []rawNote
	plural   bool // the formula speaks for several bodies
	// directed says the decision was opened by a label or its number alone
	// ("Directed to the Secretariat", "12.103"): the text after it is the
	// paragraph, however it opens ("By the 13th meeting, the Council
	// should:").
	directed bool
	reported bool // told in the past tense ("The Standing Committee agreed …")
	// recitalList says the last recital holds a list of its own, items
	// labelled (i), (ii) below a recital that ends on a colon.
	recitalList bool
	// texts are the pieces of the decision's text as segmentation left
	// them, kept by keepText; text is them joined, once asked (fullText)
	texts []string
	text  string
	typed bool
}

type segmenter struct {
	bs      []block
	preface []block
	drafts  []*draft
	pending []string // dotted symbols announced by a heading ("19.30 & 19.31")
	title   string   // title announced with them
	// lone is a symbol printed alone on a line before any decision
	// took it (see loneSymbol): the symbol of the next decision that
	// opens without one.
	lone string
	// room is the unused part of the space kept for operative blocks:
	// each decision opened takes the stretch after the one before it,
	// so that its list does not grow by copies as blocks join it.
	room []block
}

// newSegmenter reads bs. Its decisions' operative blocks are blocks of
// bs or pieces of them, as many as bs holds in most texts: the room
// kept for them is that many blocks, and a decision that needs more
// grows its list past it.
func newSegmenter(bs []block) *segmenter {
	return &segmenter{bs: bs, room: make([]block, 0, len(bs))}
}

func (s *segmenter) cur() *draft {
	if len(s.drafts) == 0 {
		return nil
	}
	return s.drafts[len(s.drafts)-1]
}

// at returns the decision whose lines include line n.
func (s *segmenter) at(n int) *draft {
	var found *draft
	for _, d := range s.drafts {
		if d.start <= n {
			found = d
		}
	}
	return found
}

// open starts a new decision at block i unless the current one has no
// body yet, in which case the signal belongs to it.
func (s *segmenter) open(i int) *draft {
	if c := s.cur(); c != nil && !c.body {
		return c
	}
	d := &draft{start: s.bs[i].n, d: accord.Decision{Kind: accord.KindDecision}}
	d.d.Symbol, s.lone = s.lone, ""
	s.giveRoom(d)
	s.drafts = append(s.drafts, d)
	return d
}

// giveRoom gives d, the decision that opens next, the room after the
// operative blocks of the current one: the current one keeps those it
// holds, and a block placed in it later grows its list apart.
func (s *segmenter) giveRoom(d *draft) {
	if c := s.cur(); c != nil {
		n := len(c.ops)
		if n > 0 && cap(s.room) > 0 && &c.ops[0] == &s.room[:1][0] {
			s.room = s.room[n:n]
		}
		c.ops = c.ops[:n:n]
	}
	d.ops = s.room[:0]
}

// pullRecitals moves the recitals that end the document preface into the
// decision a formula opens after them.
func (s *segmenter) pullRecitals(d *draft) {
	if len(s.drafts) > 1 {
		return
	}
	k := len(s.preface)
	for k > 0 && s.preface[k-1].mark == markNone {
		// a recital opens like one and ends a clause: "Convening of
		// regional meetings" above a formula is a title
		t := strings.TrimSpace(s.preface[k-1].text)
		if _, ok := opensRecital(t); !ok || !recitalEnd(t) {
			break
		}
		k--
	}
	if k == len(s.preface) {
		return
	}
	for _, b := range s.preface[k:] {
		phrase, _ := opensRecital(b.text)
		d.d.Preamble = append(d.d.Preamble, accord.Recital{Phrase: phrase, Text: b.text})
		d.recitalN = append(d.recitalN, b.n)
	}
	d.start = s.preface[k].n
	s.preface = s.preface[:k]
	d.body = true
}

// recitalEnd reports whether t ends as a recital does: on a comma or a
// semicolon, with "and" after it or not ("…, and", "…; and").
func recitalEnd(t string) bool {
	t = strings.TrimSuffix(trimMarker(t), " and")
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";")
}

// pullTitle moves the block before i from the document preface into the
// decision when it reads as the decision's title.
func (s *segmenter) pullTitle(d *draft, i int) {
	if d.d.Title != "" || i == 0 || len(s.preface) == 0 || len(s.drafts) > 1 {
		return
	}
	last := s.preface[len(s.preface)-1]
	if last.n != s.bs[i-1].n || !titleLike(last.text) || last.mark != markNone || labelledSymbol(last.text) != "" {
		return // a record's field that gives the symbol is no title
	}
	s.preface = s.preface[:len(s.preface)-1]
	d.d.Preface = append(d.d.Preface, last.text)
	d.d.Title = stripMarker(last.text)
	d.start = last.n
}

// kindLabelReach is how many blocks above a heading that opens with its
// symbol the label saying what it is ("Resolution adopted by the United
// Nations Environment Assembly") may stand: the page's header lines come
// between them at most.
const kindLabelReach = 3

var montrealInline = regexp.MustCompile(`^(.*?\bdecided(?:\s+in\s+(?:Dec\.|Decision)\s+\S+)?)\s+(to\s+\S.*)$`)

// montrealInlineMatch is montrealInline.FindStringSubmatch(t), for a t
// that can match: one that says "decided".
func montrealInlineMatch(t string) []string {
	if !strings.Contains(t, "decided") {
		return nil
	}
	return montrealInline.FindStringSubmatch(t)
}

func (s *segmenter) run() {
	for i := 0; i < len(s.bs); i++ {
		if n := s.trail(i); n > 0 {
			i += n - 1
			continue
		}
		s.feed(i)
	}
	if len(s.drafts) == 0 {
		s.requestOnly()
	}
	if len(s.drafts) == 0 {
		s.recitalsOnly()
	}
	if len(s.drafts) == 0 {
		s.baseClauses()
	}
}

// pluralFormula reports whether a formula names its body in the plural,
// so that its verbs are in the base form: "The Representatives," ("…
// Recommend to their Governments …"), "The Contracting Parties,"; not
// "The Conference of the Parties," whose head is "Conference".
func pluralFormula(f string) bool {
	head := strings.TrimRight(f, " ,:;")
	if i := strings.Index(head, " of "); i >= 0 {
		head = head[:i]
	}
	w := head[strings.LastIndexByte(head, ' ')+1:]
	return strings.HasPrefix(f, "The ") && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && startsUpper(w)
}

// opensBase reports whether t opens with a capitalized operative phrase
// whose verb may be in its base form ("Urge the Parties to …").
func opensBase(t string) bool {
	_, ok := phraseAt(t, phraseOptions{base: true}, false)
	return ok && startsUpper(t)
}

// maxRecordLead bounds the fields of a record that baseClauses reads past
// to where its clauses open: a heading, a date, a document symbol.
const maxRecordLead = 600

// baseSplit cuts t at its semicolons into clauses when there are
// minBaseClauses of them or more and each opens with an operative phrase,
// its verb in the base form or not; nil otherwise.
func baseSplit(t string) []string {
	if !opensBase(t) {
		return nil // the first clause decides, before any split
	}
	parts := strings.Split(t, "; ")
	if len(parts) < minBaseClauses {
		return nil
	}
	for _, p := range parts {
		if !opensBase(p) {
			return nil
		}
	}
	return parts
}

// minBaseClauses is the fewest clauses baseClauses takes for a decision:
// one verb in its base form opening a line may be a heading or a menu
// entry ("Adopt a wetland"); two or more in a row are a record's abstract.
const minBaseClauses = 2

// baseClauses reads a text in which no decision was found but which holds
// a block of clauses separated by semicolons, each opening with an
// operative verb in its base form ("Urge the Contracting Parties to
// ratify …; Request the Coordinating Unit to …"), as a repository's
// record abstracts a decision: one decision, a paragraph per clause.
func (s *segmenter) baseClauses() {
	for k, b := range s.preface {
		if b.mark != markNone || !strings.Contains(b.text, "; ") {
			continue
		}
		// the clauses may follow the record's other fields in the block
		// ("UNEP/MAP (06/12/2013) Urge …"): from the word they open on
		last := strings.LastIndex(b.text, "; ")
		var parts []string
		at := 0
		for at < min(last, maxRecordLead) {
			if parts = baseSplit(b.text[at:]); parts != nil {
				break
			}
			sp := strings.IndexByte(b.text[at:last], ' ')
			if sp < 0 {
				break
			}
			at += sp + 1
		}
		if parts != nil && at > 0 {
			s.preface = append(s.preface, block{n: b.n, text: strings.TrimSpace(b.text[:at])})
		}
		if parts == nil {
			continue
		}
		rest := append([]block(nil), s.preface[k+1:]...)
		if len(s.preface) > k+1 && s.preface[len(s.preface)-1].n == b.n {
			// the record's fields above the clauses, kept as preface
			lead := s.preface[len(s.preface)-1]
			rest = rest[:len(rest)-1]
			s.preface = append(s.preface[:k:k], lead)
		} else {
			s.preface = s.preface[:k:k]
		}
		c := &draft{start: b.n, phase: phaseOperative, body: true, plural: true, d: accord.Decision{Kind: accord.KindDecision, Symbol: s.lone}}
		for i, p := range parts {
			if i < len(parts)-1 {
				p += ";"
			}
			c.ops = append(c.ops, block{n: b.n, text: p, rest: p})
		}
		s.drafts = append(s.drafts, c)
		for _, b := range rest {
			s.appendLoose(b)
		}
		return
	}
}

// capsTitleAbove reports whether block i is a title in capitals ("RESOLUTION
// ON SMALL CETACEANS", a line or two, no clause) with a recital right
// below it: what opens a decision without symbol or formula.
func (s *segmenter) capsTitleAbove(i int) bool {
	b := s.bs[i]
	t := b.text
	if b.mark != markNone || i+1 >= len(s.bs) || !capsOpener(t) || strings.ToUpper(t) != t || endsClause(t) || len(t) > maxCapsTitle {
		return false
	}
	next := s.bs[i+1]
	_, ok := opensRecital(next.text)
	return ok && next.mark == markNone && endsRecital(next.text)
}

// maxCapsTitle bounds a title in capitals: a line or two of a page.
const maxCapsTitle = 200

// recitalBlock reports whether b opens like a recital, numbered ("1.
// RECALLING …") or not.
func recitalBlock(b block) bool {
	if b.mark != markNone && b.mark != markNumber {
		return false
	}
	_, ok := opensRecital(b.rest)
	return ok
}

// recitalsOnly reads a text in which no decision was found but which
// holds a run of at least minRecitalRun recitals, each ending on a comma
// or a semicolon, as one decision printed without heading or formula and
// cut before its operative part: a page quoting a resolution's preamble.
// The block above the run is its title when it reads as one.
func (s *segmenter) recitalsOnly() {
	run := 0
	for k, b := range s.preface {
		if recitalBlock(b) && (run == 0 || endsRecital(s.preface[k-1].text)) {
			run++
			continue
		}
		if run >= minRecitalRun {
			break
		}
		run = 0
	}
	if run < minRecitalRun {
		return
	}
	k := 0
	for k < len(s.preface) {
		if recitalBlock(s.preface[k]) {
			// the first of a long enough run
			n := 0
			for n < run && k+n < len(s.preface) && recitalBlock(s.preface[k+n]) {
				n++
			}
			if n == run {
				break
			}
		}
		k++
	}
	rest := s.preface[k:]
	s.preface = s.preface[:k:k]
	c := &draft{start: rest[0].n, phase: phasePreamble, d: accord.Decision{Kind: accord.KindDecision, Symbol: s.lone}}
	for _, b := range s.preface {
		// a symbol that carries its keyword names the decision from the
		// page's heading, whatever is run together with it ("1 of 27
		// OSPAR Commission Agreement 2010-03 The North-East …")
		if sym := namedSymbolRE.FindString(b.text); c.d.Symbol == "" && sym != "" {
			c.d.Symbol = strings.Join(strings.Fields(sym), " ")
		}
	}
	if k > 0 && titleLike(s.preface[k-1].text) && s.preface[k-1].mark == markNone {
		last := s.preface[k-1]
		s.preface = s.preface[: k-1 : k-1]
		c.d.Preface, c.d.Title, c.start = []string{last.text}, stripMarker(last.text), last.n
	}
	s.drafts = append(s.drafts, c)
	s.placeAll(c, rest)
}

// placeAll places blocks in decision c, page furniture in its
// unclassified text.
func (s *segmenter) placeAll(c *draft, bs []block) {
	for _, b := range bs {
		if b.furniture {
			c.d.Unclassified = append(c.d.Unclassified, b.text)
			continue
		}
		s.place(c, b)
	}
}

// crumbSymbolRE matches the last step of a breadcrumb trail that names a
// decision: "17.170 (Rev. CoP19)", "Decision 4/CP.27".
var crumbSymbolRE = regexp.MustCompile(`^(?:(?:Decision|Resolution)\s+)?((?:` + symbolAny + `)(?:` + revision + `)?)$`)

// crumbSepRE separates the steps of a breadcrumb trail run into one
// block: "Home - Documents - Decisions", "Home › Decisions".
var crumbSepRE = regexp.MustCompile(`\s+[-–›>»/]\s+`)

// maxCrumb is the longest step of a breadcrumb trail: a page's name.
const maxCrumb = 60

// trail files a web page's breadcrumb trail starting at block i ("- Home",
// "- Documents", "- Decisions", "- 17.170 (Rev. CoP19)", on lines of
// their own or run into one block) as page furniture, not as a list of
// the decision, and reports whether there was one. A last step that is a
// symbol names the page's decision when it has no other.
func (s *segmenter) trail(i int) int {
	b := s.bs[i]
	if b.mark != markDash || !strings.HasPrefix(b.rest, "Home") {
		return 0
	}
	steps := crumbSepRE.Split(b.rest, -1)
	j := i + 1
	for j < len(s.bs) && s.bs[j].mark == markDash && len(s.bs[j].rest) < maxCrumb {
		steps = append(steps, s.bs[j].rest)
		j++
	}
	if len(steps) < 2 || steps[0] != "Home" {
		return 0
	}
	for _, st := range steps {
		if len(st) > maxCrumb {
			return 0
		}
	}
	for k := i; k < j; k++ {
		s.bs[k].furniture = true
		s.appendLoose(s.bs[k])
	}
	if m := crumbSymbolRE.FindStringSubmatch(steps[len(steps)-1]); m != nil {
		sym := canonicalSymbol(m[1])
		if symbolDottedRE.MatchString(strings.Fields(sym)[0]) {
			sym = "Decision " + sym
		}
		if c := s.cur(); c != nil && c.d.Symbol == "" {
			c.d.Symbol = sym
		} else if c == nil {
			s.lone = sym
		}
	}
	return j - i
}

// requestOnly reads a text in which no decision was found but which holds
// a request whose addressee is its subject ("The Standing Committee shall,
// with the assistance of the Secretariat, review …") as one decision
// printed without heading or formula: a CITES decision's page may give
// nothing else.
func (s *segmenter) requestOnly() {
	for k, b := range s.preface {
		reported := reportedDecision(b.text)
		if b.mark != markNone || !opensPassive(b.text) && !loneOperative(b.text) && !reported {
			continue
		}
		rest := s.preface[k:]
		s.preface = s.preface[:k:k]
		c := &draft{start: b.n, phase: phasePreamble, reported: reported, d: accord.Decision{Kind: accord.KindDecision, Symbol: s.lone}}
		s.drafts = append(s.drafts, c)
		s.placeAll(c, rest)
		return
	}
}

// formulaOverNumbers reports whether block i is a formula in the past
// tense over numbered paragraphs ("The Thirty-Fifth Meeting of the
// Parties decided:" above "1. To welcome …"): the paragraphs are the
// decision, the sentence above them its formula. A board's "The Board
// decided:" above lettered items is its paragraph.
func (s *segmenter) formulaOverNumbers(i int) bool {
	t := s.bs[i].text
	if !strings.HasSuffix(t, ":") || i+1 >= len(s.bs) || !s.bs[i].formula() {
		return false
	}
	next := s.bs[i+1]
	return next.mark == markNumber && next.label == "1"
}

// leadStart holds the bytes a formula after one of the table's leads
// (leadFormulaRE) can open with: "NOW THEREFORE the Commission".
var leadStart = newScanner(regexp.MustCompile(leadFormulaCore)).first

func (s *segmenter) feed(i int) {
	b := s.bs[i]
	t := b.text
	c := s.cur()

	// Decision headings and formulas.
	if b.mark == markNone || b.mark == markHeading && b.signal() {
		if s.signal(i) {
			return
		}
	}
	if b.mark == markNumber && (c == nil || c.phase == phaseClosing) && reportedDeciding(b.rest) {
		// "2. Having considered …, the Adaptation Fund Board decided to:":
		// a board's report numbers its decisions as paragraphs. A note
		// that tells what a body recommended or requested is no decision.
		c = s.open(i)
		c.ops = append(c.ops, b)
		c.phase, c.body, c.reported = phaseOperative, true, true
		return
	}
	if b.mark == markNone && c != nil && c.d.Formula == "" && len(c.ops) == 0 && reportedDecision(t) && !s.formulaOverNumbers(i) {
		// "The Board decided to …", "Following the discussion, the Board
		// decided:" under a decision's heading: its operative paragraph
		c.ops = append(c.ops, b)
		c.phase, c.body, c.reported = phaseOperative, true, true
		return
	}
	var lead []string
	if b.mark == markNone && t != "" && leadStart[t[0]] {
		lead = leadFormulaRE.FindStringSubmatch(t)
	}
	if b.mark == markNone && (b.formula() || (b.blank || b.apart) && bareFormula(t) || lead != nil || c == nil && s.namedFormula(i)) {
		// A formula opens a new decision unless the current one is still
		// before its operative part: CITES and Ramsar resolutions put their
		// recitals before "THE CONFERENCE OF THE PARTIES".
		if c == nil || len(c.ops) > 0 || c.d.Formula != "" && c.body {
			c = s.open(i)
			s.pullRecitals(c)
			s.pullTitle(c, i)
		}
		formula, rest := t, ""
		if m := montrealInlineMatch(t); m != nil && !s.formulaOverNumbers(i) {
			// "… decided in Dec. IV/13 to note …": the paragraph run on;
			// "… decided to note the outcome …, and:" above "1. To
			// recommend …" leads in to the numbered paragraphs instead
			formula, rest = m[1], m[2]
		} else if lead != nil {
			formula, rest = lead[1], lead[2]
		}
		if c.d.Formula != "" {
			// a second formula before any body: keep the first as preface
			c.d.Preface = append(c.d.Preface, c.d.Formula)
		}
		c.d.Formula, c.formulaN = formula, b.n
		c.plural = strings.Count(formula, "Conference of the Parties") > 1 || pluralFormula(formula)
		if m := inDecMatch(formula); m != nil && c.d.Symbol == "" {
			c.d.Symbol = canonicalSymbol(m[1])
		}
		c.phase = phasePreamble
		if rest != "" {
			c.ops = append(c.ops, block{n: b.n, text: rest, rest: rest})
			c.phase, c.body = phaseOperative, true
		}
		return
	}
	if c != nil && len(c.ops) > 0 && (c.phase == phaseOperative || c.phase == phaseClosing) && s.capsTitleAbove(i) {
		// "PROPOSAL FOR A WORKSHOP ON …" and recitals after an operative
		// part: the next decision of a listing, printed without symbol
		// or formula
		c = s.open(i)
		c.d.Title = strings.Join(strings.Fields(t), " ")
		c.d.Preface = append(c.d.Preface, t)
		return
	}
	if c == nil && (s.bareStart(i) || s.lone != "" && s.opensBody(b)) {
		c = s.open(i)
		s.pullTitle(c, i)
		c.phase = phasePreamble
	}
	if c == nil {
		if s.lone == "" {
			s.lone = labelledSymbol(t)
		}
		s.preface = append(s.preface, b)
		return
	}
	s.place(c, b)
}

// labelledSymbolRE matches a database record's field that gives the
// decision's symbol, its label and its value, on one line or run
// together with the other fields: "Reference number COP4/7 Date …",
// "Numéro de référence C1 - DEC.1". The value is a code of letters and
// digits joined by hyphens, slashes or dots.
var labelledSymbolRE = regexp.MustCompile(`(?i:reference\s+number|numéro\s+de\s+référence|número\s+de\s+referencia|decision\s+number|document\s+number|symbol|symbole|símbolo)\s*:?\s+` +
	`(\p{Lu}[\p{L}\d]*(?:\s?[-–/.]\s?[\p{L}\d]+)*|\d[\p{L}\d]*(?:\s?[-–/.]\s?[\p{L}\d]+)+)(?:\s|$)`)

// maxLabelledSymbol bounds a symbol given as a field's value: the longest
// symbols with their parts ("UNEP/EA.6/Res.13", "C1 - DEC.18") stay under
// it; a longer value is a title.
const maxLabelledSymbol = 30

// symbolLabelParts are parts of the labels labelledSymbolRE knows, as
// pages print them: a block without one holds no such field, and the
// expression need not scan it.
var symbolLabelParts = []string{"umber", "UMBER", "éférence", "ÉFÉRENCE", "eferencia", "EFERENCIA", "ymbol", "YMBOL", "ímbolo", "ÍMBOLO"}

// mayLabelSymbol reports whether t holds a part of a symbol's label.
func mayLabelSymbol(t string) bool {
	for _, p := range symbolLabelParts {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// labelledSymbol returns the symbol a record's field gives in t ("Numéro
// de référence C1 - DEC.18"), or "": the symbol of the decision that
// opens below it when that decision prints none.
func labelledSymbol(t string) string {
	if !strings.ContainsAny(t, "0123456789") || !mayLabelSymbol(t) {
		return ""
	}
	m := labelledSymbolRE.FindStringSubmatch(t)
	if m == nil || !strings.ContainsAny(m[1], "0123456789") {
		return ""
	}
	if sym := decDocument(m[1]); sym != "" {
		// "Symbol: UNEP/CBD/COP/DEC/XIV/26": the decision's document
		return sym
	}
	if len(m[1]) > maxLabelledSymbol {
		return ""
	}
	return canonicalSymbol(m[1])
}

// maxPreamble bounds the recitals bareStart reads ahead: preambles run
// to a few dozen at most.
const maxPreamble = 60

// bareStart reports whether block i, before any decision, starts one
// printed without heading or formula: recitals and then a numbered
// operative paragraph, or paragraphs 1 and 2 that open with operative
// verbs.
func (s *segmenter) bareStart(i int) bool {
	operative := func(b block) bool {
		return b.mark == markNumber && (opensOperative(b.rest) || opensLowerVerb(b.rest)) || b.mark == markDash && opensOwnVerb(b.rest)
	}
	// a bullet may stand for either number: a page that sets bullets
	// for the numbers at the start of its lines ("• Decides …; 2.
	// Decides also …" run in on one line)
	first := func(b block) bool { return b.label == "1" || b.mark == markDash }
	second := func(b block) bool { return b.label == "2" || b.mark == markDash }
	b := s.bs[i]
	if b.mark == markNumber || b.mark == markDash {
		return first(b) && operative(b) && i+1 < len(s.bs) && second(s.bs[i+1]) && operative(s.bs[i+1])
	}
	if b.mark == markNone && i+1 < len(s.bs) && s.bs[i+1].n == b.n && s.bs[i+1].mark == markNone && opensOperative(b.text) && opensOperative(s.bs[i+1].text) {
		// "Adopts …; Requests …": operative clauses run into one line
		// (splitClauses), a page that gives nothing else
		return true
	}
	if b.mark != markNone || !endsClause(b.text) || !opensRecitalOK(b.text) {
		return false
	}
	for _, n := range s.bs[i+1 : min(len(s.bs), i+1+maxPreamble)] {
		if _, ok := opensRecital(n.text); ok && n.mark == markNone {
			continue
		}
		// "RECOMMENDS …" after recitals in capitals; "Invites …" after
		// recitals, on a page that prints neither heading nor formula
		return operative(n) || n.mark == markNone && opensOperative(n.text)
	}
	return false
}

// maxLabelValueWords bounds the value of a "Decision directed to:" label
// on the line below it: it names a body or a few ("Standing Committee, in
// consultation with the Animals and Plants Committees"); a longer block
// is the decision's paragraph.
const maxLabelValueWords = 20

// labelValue reports whether block b, below a "Decision directed to:"
// label, is its value rather than the paragraph: it names bodies, asks
// nothing and opens no list.
func labelValue(b block) bool {
	t := b.text
	return b.mark == markNone && !opensPassive(t) && !opensOperative(t) && !directedLine(t) &&
		!strings.HasSuffix(t, ":") && len(strings.Fields(t)) <= maxLabelValueWords
}

// namedFormulaRE matches an enacting formula naming a body no house style
// knows: "The World Heritage Centre,", "The Governing Board,".
var namedFormulaRE = regexp.MustCompile(`^The(?:\s+\p{Lu}[\p{L}-]*){1,4},$`)

// namedFormula reports whether block i, before any decision, is an
// enacting formula naming a body the house styles do not know: "The"
// and a name in capitals, alone and ending on a comma, above a recital
// or a paragraph that opens with an operative verb, numbered or not.
func (s *segmenter) namedFormula(i int) bool {
	b := s.bs[i]
	if !strings.HasPrefix(b.text, "The ") || !namedFormulaRE.MatchString(b.text) || i+1 >= len(s.bs) {
		return false
	}
	next := s.bs[i+1]
	if next.mark == markNumber || next.mark == markDash {
		// "1. Having examined …", "1. having examined …", "• Having
		// examined …": a number or a bullet that leads it, the first
		// word in any case
		_, recital := opensRecital(capitalFirst(next.rest))
		return recital || opensOperative(next.rest) || next.mark == markNumber && opensLowerVerb(next.rest)
	}
	return s.opensBody(next)
}

// opensBody reports whether block b can be the first of a decision's
// body: a recital, or a paragraph that opens with an operative verb. A
// symbol printed alone above it (segmenter.lone) says a decision starts
// there even without its formula.
func (s *segmenter) opensBody(b block) bool {
	if b.mark == markNone {
		_, ok := opensRecital(b.text)
		return ok || opensOperative(b.text)
	}
	return b.mark == markNumber && (opensOperative(b.rest) || opensLowerVerb(b.rest))
}

// signal handles a block that may head a decision; it reports whether it
// did.
func (s *segmenter) signal(i int) bool {
	b := s.bs[i]
	t := b.text
	c := s.cur()
	if sym, ok := closingSymbol(t); ok {
		// "(Decision B.25/1)" after the text it names ends that decision
		if c == nil {
			s.appendLoose(b)
			return true
		}
		if c.d.Symbol == "" {
			c.d.Symbol = sym
		}
		c.d.Closing = append(c.d.Closing, t)
		c.phase = phaseClosing
		return true
	}
	if i+1 < len(s.bs) && endsDigit(t) && directedLine(s.bs[i+1].text) && trailingDottedRE.MatchString(t) &&
		titleLike(trailingDottedRE.FindStringSubmatch(t)[1]) {
		m := trailingDottedRE.FindStringSubmatch(t)
		// "Title 16.147" above "Directed to the Secretariat": the title
		// announces the decision the label opens
		s.pending, s.title = []string{m[2]}, m[1]
		s.appendLoose(b)
		return true
	}
	if !b.signal() && !titleSignal(t) {
		return false
	}
	switch {
	case decMarker.MatchString(t):
		m := decMarker.FindStringSubmatch(t)
		sym := m[1][strings.Index(m[1], "/DEC/")+5:]
		explicit := strings.HasPrefix(strings.ToLower(t), "decision")
		if c == nil || explicit && c.body && symbolKey(c.d.Symbol) != symbolKey(sym) {
			c = s.open(i)
		}
		if c.d.Symbol == "" {
			c.d.Symbol = sym
		}
		c.d.Unclassified = append(c.d.Unclassified, t)
		return true
	case directedLine(t):
		if c == nil || c.body {
			c = s.open(i)
			if len(s.pending) > 0 {
				c.d.Symbol, s.pending = "Decision "+s.pending[0], s.pending[1:]
				c.d.Title = s.title
			}
		}
		c.d.Preface = append(c.d.Preface, t)
		c.directed = true
		if next := i + 1; next < len(s.bs) && directedRE.MatchString(t) && labelValue(s.bs[next]) {
			// the label's value: "Standing Committee, in consultation with …"
			c.d.Preface = append(c.d.Preface, s.bs[i+1].text)
			s.bs[i+1].text = ""
		}
		return true
	}
	if m := s.bs[i].heading(stripMeetingLabel(t)); m != nil {
		c = s.open(i)
		word := strings.ToLower(m[2])
		sym := canonicalSymbol(m[3])
		switch {
		case strings.HasPrefix(word, "res"):
			c.d.Kind = accord.KindResolution
			sym = "Resolution " + sym
			if strings.HasPrefix(word, "res.") {
				sym = "Res. Conf. " + canonicalSymbol(m[3])
			}
		case word == "recommendation":
			c.d.Kind = accord.KindRecommendation
		default:
			if symbolDottedRE.MatchString(m[3]) {
				sym = "Decision " + sym
			}
		}
		if m[1] != "" {
			c.d.Kind = accord.KindDraft
		}
		c.d.Symbol = sym
		if title := strings.TrimSpace(m[4] + m[5]); title != "" && reportedDecision(title) && strings.HasPrefix(title, "The ") {
			// "Decision SC43-1: The Standing Committee agreed that …": the
			// heading carries the decision itself
			head := strings.TrimSpace(t[:strings.LastIndex(t, title)])
			c.d.Preface = append(c.d.Preface, head)
			c.ops = append(c.ops, block{n: b.n, text: title, rest: title})
			c.phase, c.body, c.reported = phaseOperative, true, true
			return true
		}
		c.d.Preface = append(c.d.Preface, t)
		if title := strings.TrimSpace(m[4] + m[5]); title != "" {
			c.d.Title = stripMarker(title)
		} else if i+1 < len(s.bs) && !titleLike(s.bs[i+1].text) {
			s.pullTitle(c, i)
		}
		return true
	}
	if sym, title, ok := namedHeading(stripMeetingLabel(t)); ok {
		c = s.open(i)
		c.d.Symbol, c.d.Title = sym, stripMarker(title)
		if strings.Contains(sym, "Recommendation") {
			c.d.Kind = accord.KindRecommendation
		}
		c.d.Preface = append(c.d.Preface, t)
		return true
	}
	if m := symbolFirstRE.FindStringSubmatch(t); m != nil {
		c = s.open(i)
		c.d.Symbol = canonicalSymbol(m[1])
		c.d.Title = stripMarker(m[2])
		c.d.Preface = append(c.d.Preface, t)
		// "Resolution adopted by the United Nations Environment Assembly"
		// just above the heading says what it is.
		for k := i - 1; k >= 0 && k >= i-kindLabelReach; k-- {
			if strings.Contains(strings.ToLower(s.bs[k].text), "resolution adopted") {
				c.d.Kind = accord.KindResolution
			}
		}
		return true
	}
	// a web page's label may name the meeting first: "COP 3 Resolution
	// Conf. 5.20"
	if m := citesResRE.FindStringSubmatch(stripMeetingLabel(t)); m != nil {
		c = s.open(i)
		// the keyword as printed: "Resolution Conf. 5.20", "Res. Conf.
		// 5.20"; "Conf. 10.10" alone is a resolution's
		kw := "Res. Conf. "
		if strings.HasPrefix(stripMeetingLabel(t), "Resolution") {
			kw = "Resolution Conf. "
		}
		c.d.Symbol = kw + m[1]
		if m[2] != "" {
			c.d.Symbol = kw + m[1] + " " + strings.Join(strings.Fields(m[2]), " ")
		}
		c.d.Kind = accord.KindResolution
		c.d.Preface = append(c.d.Preface, t)
		return true
	}
	if m := dottedHeadRE.FindStringSubmatch(t); m != nil && decisionSignal(t) {
		syms := expandDotted(m[2], m[3])
		if m[1] != "" && len(syms) > 1 {
			// "Decisions 13.1 to 13.3 - Title": announces, heads none.
			s.pending, s.title = syms, strings.TrimSpace(m[4])
			s.appendLoose(b)
			return true
		}
		if len(syms) == 1 && len(s.pending) > 0 && s.pending[0] == syms[0] {
			s.pending = s.pending[1:]
		}
		c = s.open(i)
		kw := "Decision "
		if strings.HasPrefix(strings.ToLower(m[1]), "resolution") {
			kw = "Resolution "
			c.d.Kind = accord.KindResolution
		}
		c.d.Symbol = kw + syms[0]
		c.directed = kw == "Decision " && m[1] == "" && m[4] == ""
		if len(syms) > 1 {
			s.pending = syms[1:]
			s.title = strings.TrimSpace(m[4])
		}
		c.d.Title = strings.TrimSpace(m[4])
		if c.d.Title == "" {
			c.d.Title = s.title
		}
		c.d.Preface = append(c.d.Preface, t)
		return true
	}
	if sym, ok := loneSymbol(t); ok {
		// A symbol alone on its line names the decision it stands above:
		// the current one while it has neither symbol nor body, else the
		// next to open. Inside a decision's body it is text.
		switch {
		case c != nil && !c.body && c.d.Symbol == "":
			c.d.Symbol = sym
		case c == nil || c.phase == phaseClosing || c.phase == phaseAnnex:
			s.lone = sym
		default:
			return false
		}
		s.appendLoose(b)
		return true
	}
	if m := titleSignalRE.FindStringSubmatch(t); m != nil && titleLike(t) {
		for k := i + 1; k < len(s.bs) && k <= i+2; k++ {
			if noteBy(s.bs[k].text) {
				return false // the title of a note, not of a decision
			}
		}
		c = s.open(i)
		switch strings.ToLower(m[2]) {
		case "resolution":
			c.d.Kind = accord.KindResolution
		case "recommendation":
			c.d.Kind = accord.KindRecommendation
		}
		if m[1] != "" {
			c.d.Kind = accord.KindDraft
		}
		c.d.Title = stripMarker(t)
		c.d.Preface = append(c.d.Preface, t)
		return true
	}
	return false
}

// appendLoose files a block that belongs to no decision part: in the
// current decision's unclassified text, or the document preface.
func (s *segmenter) appendLoose(b block) {
	if c := s.cur(); c != nil {
		c.d.Unclassified = append(c.d.Unclassified, b.text)
		return
	}
	s.preface = append(s.preface, b)
}

// place files block b in decision c by the decision's phase.
func (s *segmenter) place(c *draft, b block) {
	t := b.text
	if t == "" {
		return // taken as a label's value
	}
	if c.phase == phasePreface && b.mark == markNone {
		// "16.147 The Secretariat shall:": the decision's own number
		// opens its paragraph
		if num := strings.TrimPrefix(c.d.Symbol, "Decision "); num != c.d.Symbol && strings.HasPrefix(t, num+" ") {
			c.d.Preface = append(c.d.Preface, num)
			t = strings.TrimSpace(t[len(num):])
			b.text, b.rest = t, t
		}
	}
	operativeStart := b.mark == markNumber || b.mark == markDash || b.mark == markParen ||
		b.mark == markNone && (c.directed && c.phase == phasePreface || opensOperative(t) || opensPassive(t) || c.plural && opensBase(t) ||
			c.reported && reportedDecision(t) || c.d.Formula != "" && startsLower(t) && opensLowerVerb(t))
	switch c.phase {
	case phasePreface, phasePreamble:
		if b.mark == markNone {
			if _, ok := opensRecital(t); ok && !opensOperative(t) {
				if c.phase == phasePreface && c.d.Title == "" && titleLike(t) && len(c.d.Preamble) == 0 && !recitalOpeners[string(lowerASCII(make([]byte, 0, 16), leadingWord(t)))] {
					// "Enhancing the visibility of the Convention": a title
					// that opens like a recital but ends no clause; one of
					// the words only recitals open with ("Recalling
					// decision 3/2," over a line the page set below it)
					// opens no title
					c.d.Title = stripMarker(t)
					c.d.Preface = append(c.d.Preface, t)
					return
				}
				if k := recitalThenVerb(t); k > 0 && c.d.Formula != "" {
					// "Recalling …, decides to review …": the preamble
					// and the operative part in one sentence
					s.recital(c, block{n: b.n, text: strings.TrimSpace(t[:k]), rest: strings.TrimSpace(t[:k])})
					op := strings.TrimSpace(t[k:])
					c.ops = append(c.ops, block{n: b.n, text: op, rest: op})
					c.phase = phaseOperative
					return
				}
				s.recital(c, b)
				return
			}
		}
		if (b.mark == markNumber || b.mark == markDash) && len(c.ops) == 0 && (c.d.Formula == "" || endsRecital(b.rest)) {
			// Ramsar numbers its recitals before the formula: "1. RECALLING …";
			// the World Heritage Committee and the Carpathian Convention
			// after it, each ending on a comma: "1. Having examined …,";
			// a page that prints its verbs in lower case prints them so
			// too: "1. having examined …,"; one that sets bullets for the
			// numbers leads them so: "• RECALLING …"
			if _, ok := opensRecital(capitalFirst(b.rest)); ok && !opensOperative(b.rest) {
				s.recital(c, b)
				return
			}
		}
		if b.mark == markDash && len(c.ops) == 0 && c.d.Formula != "" && dashRecital(b.rest) {
			// "- AWARE of continued concern …", "- IN AN ATTEMPT to
			// identify …": recitals led by dashes under the formula
			s.recital(c, b)
			return
		}
		if (b.mark == markParen || b.mark == markDash) && c.phase == phasePreamble && len(c.ops) == 0 && c.listedRecital() {
			// "NOTING the request that the Committee provide: (i) …;
			// (ii) …;": the recital's own list
			r := &c.d.Preamble[len(c.d.Preamble)-1]
			r.Text = joinLines(r.Text, t)
			c.recitalList = true
			return
		}
		if operativeStart || b.mark == markHeading && c.phase == phasePreamble {
			c.ops = append(c.ops, b)
			c.phase, c.body = phaseOperative, true
			return
		}
		if c.phase == phasePreamble && b.mark == markNone && strings.HasSuffix(trimMarker(t), ",") {
			s.recital(c, b)
			return
		}
		if c.phase == phasePreface {
			if c.d.Title == "" && titleLike(t) {
				c.d.Title = stripMarker(t)
			}
			c.d.Preface = append(c.d.Preface, t)
			return
		}
		c.d.Unclassified = append(c.d.Unclassified, t)
	case phaseOperative:
		switch {
		case b.mark == markNone && quotedAfterColon(c.ops, t):
			// "to amend rule 21 to read:" / "\"In electing its officers,
			// the Meeting … shall …\"": the quoted text is the paragraph's
			last := &c.ops[len(c.ops)-1]
			last.text = joinLines(last.text, t)
			last.rest = joinLines(last.rest, t)
		case b.mark == markNone && opensQuote(t) && quoteOpen(c.ops):
			// "Endorses decision 19/CMA.3, which provides as follows:
			// “1. …" and, a blank line below, "“13. Notes …": the
			// paragraphs of the decision quoted go on with the quotation
			last := &c.ops[len(c.ops)-1]
			last.text = joinLines(last.text, t)
			last.rest = joinLines(last.rest, t)
		case c.quoteStarts(b):
			// "3. Invites States Parties to use the following format:",
			// the format's title, then its own "1.", "2.": quoted text
			// with a numbering of its own, no operative paragraph
			c.d.Annexes = append(c.d.Annexes, accord.Annex{})
			c.annexOps = append(c.annexOps, []block{b})
			c.phase = phaseAnnex
		case stampStart(t):
			c.d.Closing = append(c.d.Closing, t)
			c.phase = phaseClosing
		case b.annex:
			c.d.Annexes = append(c.d.Annexes, accord.Annex{Heading: t})
			c.annexOps = append(c.annexOps, nil)
			c.phase = phaseAnnex
		case operativeStart || b.mark == markHeading:
			c.ops = append(c.ops, b)
		case len(c.ops) > 0 && (startsLower(t) || !endsSentence(c.ops[len(c.ops)-1].text)):
			last := &c.ops[len(c.ops)-1]
			last.text = joinLines(last.text, t)
			last.rest = joinLines(last.rest, t)
		default:
			c.d.Unclassified = append(c.d.Unclassified, t)
		}
	case phaseClosing:
		switch {
		case b.annex:
			c.d.Annexes = append(c.d.Annexes, accord.Annex{Heading: t})
			c.annexOps = append(c.annexOps, nil)
			c.phase = phaseAnnex
		case stampStart(t) || dateLine.MatchString(t):
			c.d.Closing = append(c.d.Closing, t)
		default:
			c.d.Unclassified = append(c.d.Unclassified, t)
		}
	case phaseAnnex:
		if b.mark == markNumber && c.resumes(b) {
			s.reopen(c, b)
			s.place(c, b)
			return
		}
		switch {
		case stampStart(t):
			c.d.Closing = append(c.d.Closing, t)
		case b.annex:
			c.d.Annexes = append(c.d.Annexes, accord.Annex{Heading: t})
			c.annexOps = append(c.annexOps, nil)
		default:
			k := len(c.annexOps) - 1
			c.annexOps[k] = append(c.annexOps[k], b)
		}
	}
}

// recitalThenVerb returns where the operative verb starts in a block that
// opens as a recital and goes on, after a comma, with the operative part
// in one sentence ("Noting …, decides to consider …"), or 0. A recital
// ends on a comma or a semicolon; such a sentence ends on a full stop.
func recitalThenVerb(t string) int {
	if !strings.HasSuffix(trimMarker(t), ".") {
		return 0
	}
	if _, k, ok := embeddedAt(t, phraseOptions{}); ok {
		return k
	}
	return 0
}

// endsRecital reports whether a numbered block after the formula ends the
// way a recital does, on a comma or a semicolon ("2. Recalling Decision
// 31 COM 10 adopted at its 31st session;"): an operative paragraph that
// opens like a recital ends on a full stop, or goes on to its verb
// ("1. Noting the report, decides to consider …;").
func endsRecital(t string) bool {
	t = trimMarker(t)
	if strings.HasSuffix(t, ";") {
		// "1. Noting the report, decides to consider …;" is operative
		_, _, operative := embeddedAt(t, phraseOptions{numbered: true})
		return !operative
	}
	return strings.HasSuffix(t, ",")
}

// quoteStarts reports whether numbered block b starts quoted text: its
// number starts afresh at 1 after paragraph 2 or later, and text that is
// no operative paragraph (a form's title) went on from the chapeau
// above it. Numbers starting afresh right under a chapeau ("3. Requests
// the Secretary-General to invite:", "1. All States") are its items.
// On a page that sets bullets for numbers, where no number can start
// afresh, a bullet that opens no verb ("• Response from the State Party
// …") below a bulleted paragraph whose chapeau the form's title went on
// from starts it.
func (c *draft) quoteStarts(b block) bool {
	if len(c.ops) == 0 {
		return false
	}
	last := c.ops[len(c.ops)-1]
	switch {
	case b.mark == markDash:
		if last.mark != markDash || !opensOwnVerb(last.rest) || opensOwnVerb(b.rest) || hasPrefixFold(b.rest, "to ") {
			return false
		}
	case b.mark != markNumber || b.label != "1":
		return false
	case last.mark != markNumber || last.label == "1" || last.label == "" || last.label[0] < '0' || last.label[0] > '9':
		return false
	}
	chapeau := strings.IndexByte(last.text, ':')
	return chapeau >= 0 && chapeau < len(strings.TrimSpace(last.text))-1
}

// resumes reports whether numbered block b, met in the decision's last
// annex before any numbered paragraph of that annex, carries on the
// numbering of the operative part: the annex heading was not one, and
// the operative part goes on.
func (c *draft) resumes(b block) bool {
	k := len(c.annexOps) - 1
	if k < 0 || len(c.ops) == 0 {
		return false
	}
	for _, o := range c.annexOps[k] {
		if o.mark == markNumber {
			return false
		}
	}
	last := ""
	for _, o := range c.ops {
		if o.mark == markNumber {
			last = o.label
		}
	}
	n, err := strconv.Atoi(last)
	m, err2 := strconv.Atoi(b.label)
	return err == nil && err2 == nil && m == n+1
}

// reopen undoes the decision's last annex, whose paragraphs went on with
// the operative part (see resumes): its heading and text go back to the
// operative part, and the decision says so in a warning.
func (s *segmenter) reopen(c *draft, b block) {
	k := len(c.annexOps) - 1
	heading, ops := c.d.Annexes[k].Heading, c.annexOps[k]
	c.d.Annexes, c.annexOps = c.d.Annexes[:k], c.annexOps[:k]
	c.phase = phaseOperative
	c.d.Warnings = append(c.d.Warnings, fmt.Sprintf(
		"paragraph %s continues the numbering of the operative part after %q: read as operative, not as an annex", b.label, heading))
	s.place(c, block{n: b.n, text: heading, rest: heading})
	for _, o := range ops {
		s.place(c, o)
	}
}

func (s *segmenter) recital(c *draft, b block) {
	phrase, _ := opensRecital(b.rest)
	c.d.Preamble = append(c.d.Preamble, accord.Recital{Phrase: phrase, Text: b.text})
	c.recitalN = append(c.recitalN, b.n)
	c.phase, c.body = phasePreamble, true
	c.recitalList = false
}

// quoteOpen reports whether the operative blocks so far open more
// quotations (“) than they close (”): what follows is still quoted.
func quoteOpen(ops []block) bool {
	open := 0
	for _, o := range ops {
		open += strings.Count(o.text, "“") - strings.Count(o.text, "”")
	}
	return open > 0
}

// quotedAfterColon reports whether t opens with a quotation mark right
// after an operative paragraph that ends on a colon: the text it quotes
// (a rule as amended, a paragraph as changed), not a paragraph of its own.
func quotedAfterColon(ops []block, t string) bool {
	if len(ops) == 0 || !strings.HasPrefix(t, "\"") && !strings.HasPrefix(t, "“") {
		return false
	}
	return strings.HasSuffix(trimMarker(strings.TrimSpace(ops[len(ops)-1].text)), ":")
}

// dashRecital reports whether the text of a dash-led block under a
// formula is a recital: it opens like one, or with words in capitals that
// are no operative phrase ("IN AN ATTEMPT to …").
func dashRecital(rest string) bool {
	if opensOperative(rest) || opensPassive(rest) || opensBase(rest) {
		return false // "- URGE the Parties …": a verb in its base form asks
	}
	if _, ok := opensRecital(rest); ok || capsOpener(rest) {
		return true
	}
	// its first three words in capitals, short ones too: "IN AN ATTEMPT"
	f := strings.Fields(rest[:min(len(rest), 40)])
	return len(f) >= 3 && capsOpener(f[0]+f[1]+f[2])
}

// listedRecital reports whether the last recital leads in to a list of its
// own (it ends on a colon) or holds one already: labelled items below it
// are its words, not operative paragraphs.
func (c *draft) listedRecital() bool {
	if len(c.d.Preamble) == 0 {
		return false
	}
	return c.recitalList || strings.HasSuffix(trimMarker(strings.TrimSpace(c.d.Preamble[len(c.d.Preamble)-1].Text)), ":")
}

// keepText keeps the pieces of the decision's text as they stand when
// segmentation is done: finishing a decision rewrites some of them
// (footnote markers come out), and fullText reads them as they were.
func (d *draft) keepText() {
	d.texts = make([]string, 0, 1+len(d.d.Preface)+len(d.d.Preamble)+len(d.ops))
	d.texts = append(d.texts, d.d.Formula)
	d.texts = append(d.texts, d.d.Preface...)
	for _, r := range d.d.Preamble {
		d.texts = append(d.texts, r.Text)
	}
	for _, o := range d.ops {
		d.texts = append(d.texts, o.text)
	}
	for _, a := range d.annexOps {
		for _, o := range a {
			d.texts = append(d.texts, o.text)
		}
	}
}

// fullText is the decision's text, for finding which instrument it
// names: the pieces keepText kept, a line each, joined once asked.
func (d *draft) fullText() string {
	if !d.typed {
		d.text, d.typed = strings.Join(d.texts, "\n"), true
	}
	return d.text
}

// stripMarker removes a footnote marker glued to the end of a title.
func stripMarker(t string) string {
	t = strings.TrimRight(t, " ")
	i := len(t)
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	if i < len(t) && len(t)-i <= 2 && i > 0 && t[i-1] >= 'a' && t[i-1] <= 'z' {
		return t[:i]
	}
	return strings.TrimRight(strings.TrimRightFunc(t, func(r rune) bool { return superscripts[r] != 0 || r == '*' }), " ")
}

// maxDottedRange bounds a range of dotted numbers ("Decisions 18.1 to
// 18.25"): one meeting adopts a few hundred decisions at most, and a
// wider range is no range of one meeting's decisions.
const maxDottedRange = 200

// expandDotted reads "19.30 & 19.31", "13.1 to 13.3" into the list of
// dotted numbers they name.
func expandDotted(first, more string) []string {
	out := []string{first}
	nums := dottedNumRE.FindAllString(more, -1)
	if strings.Contains(more, "to") || strings.ContainsAny(more, "-–—") && len(nums) == 1 {
		if len(nums) == 1 {
			a := strings.SplitN(first, ".", 2)
			b := strings.SplitN(nums[0], ".", 2)
			x, _ := strconv.Atoi(a[1])
			y, _ := strconv.Atoi(b[1])
			if a[0] == b[0] && y > x && y-x < maxDottedRange {
				for k := x + 1; k <= y; k++ {
					out = append(out, a[0]+"."+strconv.Itoa(k))
				}
				return out
			}
		}
	}
	return append(out, nums...)
}

// decSymbolRE matches a decision's symbol as its document's symbol ends:
// "X/31", "BS-IV/6", "CP-10/2".
var decSymbolRE = regexp.MustCompile(`^(?:` + symPrefixed + `|` + symRoman + `|` + symNumeric + `)$`)

// decDocument returns the decision that the first decision document cited
// in t is the document of ("UNEP/CBD/COP/DEC/X/31" gives "X/31"), or "".
func decDocument(t string) string {
	if !strings.Contains(t, "/DEC/") {
		return ""
	}
	syms, _ := documentSymbols(t)
	for _, s := range syms {
		if i := strings.Index(s, "/DEC/"); i >= 0 && decSymbolRE.MatchString(s[i+5:]) {
			return s[i+5:]
		}
	}
	return ""
}
