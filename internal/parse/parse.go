// Package parse turns the text of decisions into structured decisions:
// it finds each decision in a file, its symbol, title, enacting formula,
// preamble, operative paragraphs (a tree of numbers, letters and roman
// items), headings, footnotes and annexes, each paragraph's operative verb,
// and the decisions and documents it cites.
//
// Parsing is a pure function of the text: no I/O, no clock, no database.
// Where a regular expression would run over every byte of a page, a
// quick path stands in for it (a scanner that tries it only where a
// match can begin, a test of the first bytes, a reading by hand); each
// is held to its expression by the tests of fastpath_test.go, and
// BenchmarkParse and BenchmarkParseOwn measure the whole.
// Nothing is dropped: every word of the input lands in exactly one element
// of the result (see Document.Elements). It must not import any store,
// net/http, or package that does I/O.
package parse

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

// Options give what a text may not say about itself.
type Options struct {
	Instrument string // instrument id for texts that do not name one
	Meeting    string // adopting meeting, such as "COP-6"
}

// Document is what Parse finds in one text.
type Document struct {
	// Preface is the text before the first decision, or around
	// decisions but in none of them: a note by a secretariat, page
	// furniture, web-page chrome.
	Preface   []string
	Decisions []accord.Decision
}

// Parse finds the decisions in text. It never fails: text with no decision
// in it gives a Document with no decisions and all text in Preface.
func Parse(text string, opt Options) Document {
	lines := splitLines(Normalize(text))
	mendCompounds(lines)
	ex := extract(lines)
	bs := splitRunIn(blocks(ex.body))
	seg := newSegmenter(bs)
	seg.run()
	doc := Document{}
	for _, b := range seg.preface {
		doc.Preface = append(doc.Preface, b.text)
	}
	// the whole text, as preface and decisions read, each a line
	wt := &wholeText{preface: doc.Preface[:len(doc.Preface):len(doc.Preface)], drafts: seg.drafts}
	for _, dr := range seg.drafts {
		dr.keepText()
	}
	// Furniture and footnotes go to the decision whose lines hold them.
	for _, f := range ex.furniture {
		if dr := seg.at(f.n); dr != nil {
			dr.d.Unclassified = append(dr.d.Unclassified, f.text)
		} else {
			doc.Preface = append(doc.Preface, f.text)
		}
	}
	for _, f := range ex.footnotes {
		if dr := seg.at(f.n); dr != nil {
			dr.notes = append(dr.notes, f)
		} else {
			doc.Preface = append(doc.Preface, f.marker+" "+f.text)
		}
	}
	if len(seg.drafts) == 1 && seg.drafts[0].d.Symbol == "" {
		// a decision printed alone under its document's header: the
		// header's decision document ("UNEP/CBD/COP/DEC/X/31") names it,
		// in the text above the decision or in what was read as a note
		// above its formula (a page number before the header)
		dr := seg.drafts[0]
		head := append([]string(nil), doc.Preface...)
		for _, f := range dr.notes {
			if f.n < dr.formulaN {
				head = append(head, f.text)
			}
		}
		for _, p := range head {
			if sym := decDocument(p); sym != "" {
				dr.d.Symbol = sym
				break
			}
		}
	}
	for _, dr := range seg.drafts {
		doc.Decisions = append(doc.Decisions, dr.finish(opt, wt))
	}
	return doc
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

// Elements returns the text of every element of the document, in no
// particular order: preface, formula, recitals, headings, paragraphs,
// items, closing lines, footnotes (marker and text), annexes and
// unclassified text. Together they hold every word of the input.
func (doc Document) Elements() []string {
	out := append([]string(nil), doc.Preface...)
	for _, d := range doc.Decisions {
		out = append(out, d.Preface...)
		out = append(out, d.Formula)
		for _, r := range d.Preamble {
			out = append(out, r.Text)
			out = append(out, r.Notes...)
		}
		for _, h := range d.Headings {
			out = append(out, h.Text)
		}
		d.Walk(func(p *accord.Paragraph) {
			out = append(out, p.Number, p.Text)
			out = append(out, p.Notes...)
		})
		out = append(out, d.Closing...)
		for _, f := range d.Footnotes {
			out = append(out, f.Marker, f.Text)
		}
		for _, a := range d.Annexes {
			out = append(out, a.Heading)
			out = append(out, a.Text...)
			for _, p := range a.Paragraphs {
				walkParagraph(p, func(p accord.Paragraph) { out = append(out, p.Number, p.Text) })
			}
		}
		out = append(out, d.Unclassified...)
	}
	return out
}

func walkParagraph(p accord.Paragraph, fn func(accord.Paragraph)) {
	fn(p)
	for _, it := range p.Items {
		walkParagraph(it, fn)
	}
}

// passiveRE matches the verb of a request whose addressee is its subject:
// "is requested to", "are urged, as a matter of priority, to", "shall".
// passiveScan looks for passiveRE where it can begin.
var passiveScan = newScanner(passiveRE)

var passiveRE = regexp.MustCompile(`\b(?:is|are)\s+(?:hereby\s+|also\s+|further\s+)?(?:requested|invited|encouraged|urged|directed|instructed|called upon|authorized|mandated|asked)(?:,[^,;]{1,120},)?\s+to\b|\bshall\b`)

// opensPassive reports whether an unmarked block is an operative
// paragraph without an opening verb: "The Secretariat shall:", "Parties …
// are encouraged to provide …".
func opensPassive(t string) bool {
	if !strings.Contains(t, "shall") && !strings.Contains(t, " is ") && !strings.Contains(t, " are ") {
		return false
	}
	i := strings.IndexAny(t, ".;")
	if i < 0 {
		i = len(t)
	}
	return passiveScan.match(t[:i]) && startsUpper(t)
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
