package parse

import (
	"sort"
	"strconv"
)

// A PDF reader prints the footnotes of a page where the page ends, and
// often prints their numbers apart from their texts: a block of bare
// numbers ("1", "2", "3", the page number among them), then the texts one
// after another; or each number on a line of its own above its text.
// noteZone reads such a zone so that its footnotes, numbered afresh in
// each decision, are tied to the decision and the words that cite them.

// maxZoneLines bounds a footnote zone: the foot of one page holds no more.
const maxZoneLines = 80

// zoneLine is a non-blank line of a footnote zone.
type zoneLine struct {
	l     line
	num   int  // its value when it is a bare number, else 0
	blank bool // a blank line came before it
}

// Bounds of footnotes (see isFootnote).
const (
	noteLookBack  = 4000
	maxNoteNumber = 300
)

// bareNumber returns the value of a line that is a number of one to three
// digits alone, or 0.
func bareNumber(t string) int {
	if len(t) == 0 || len(t) > 3 {
		return 0
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return 0
		}
	}
	v, _ := strconv.Atoi(t)
	return v
}

// noteZone reads the footnote zone that may start at line i, a bare
// number, given the body text of its page before it. It returns the footnotes, the
// lines of the zone that are furniture (a page number among the footnote
// numbers), and the index of the first line after the zone; ok is false
// when the lines are no such zone.
func noteZone(lines []line, i int, before string) (notes []rawNote, furn []line, end int, ok bool) {
	first := bareNumber(lines[i].text)
	if first == 0 || first > maxNoteNumber {
		return nil, nil, 0, false
	}
	if len(before) > noteLookBack {
		before = before[len(before)-noteLookBack:]
	}
	if gluedAt(before, lines[i].text) < 0 {
		return nil, nil, 0, false // the first number must be cited above
	}
	// The zone runs to the next page break or the end of the text.
	end = i + 1
	for end < len(lines) && !lines[end].page && end-i <= maxZoneLines {
		end++
	}
	if end-i > maxZoneLines {
		return nil, nil, 0, false
	}
	var zs []zoneLine
	blank := false
	for _, l := range lines[i:end] {
		if l.blank {
			blank = true
			continue
		}
		zs = append(zs, zoneLine{l, bareNumber(l.text), blank})
		blank = false
	}
	// Footnote texts read like footnotes, not like the body.
	for _, z := range zs {
		if z.num == 0 && (numberStart(z.l.text) || isFormula(z.l.text) || decisionSignal(z.l.text) || opensOperative(z.l.text)) {
			return nil, nil, 0, false
		}
	}
	if len(zs) > 1 && zs[1].num != 0 {
		notes, furn, ok = runZone(zs, before)
	} else {
		notes, furn, ok = alternatingZone(zs)
	}
	return notes, furn, end, ok
}

// runZone reads a zone whose numbers come first, then their texts.
func runZone(zs []zoneLine, before string) ([]rawNote, []line, bool) {
	var marks, furn []line
	k := 0
	for ; k < len(zs) && zs[k].num != 0; k++ {
		if zs[k].num == zs[0].num+len(marks) && len(furn) == 0 {
			marks = append(marks, zs[k].l)
		} else {
			furn = append(furn, zs[k].l)
		}
	}
	var texts []zoneLine
	for ; k < len(zs) && zs[k].num == 0; k++ {
		texts = append(texts, zs[k])
	}
	for ; k < len(zs); k++ {
		furn = append(furn, zs[k].l) // a page number printed after the notes
	}
	if len(furn) > 1 || len(texts) == 0 {
		return nil, nil, false
	}
	// The page number may continue the sequence: a last number no text
	// cites is the page's.
	for len(marks) > 1 && len(furn) == 0 && (len(marks) > len(texts) ||
		gluedAt(before, marks[len(marks)-1].text) < 0 && splitNotes(texts, len(marks)) == nil) {
		furn = append(furn, marks[len(marks)-1])
		marks = marks[:len(marks)-1]
	}
	groups := splitNotes(texts, len(marks))
	if groups == nil {
		return nil, nil, false
	}
	notes := make([]rawNote, len(marks))
	for j, m := range marks {
		g := groups[j]
		notes[j] = rawNote{n: m.n, marker: m.text, text: joinAll(g[0], g[1:])}
	}
	return notes, furn, true
}

// splitNotes cuts the lines of n footnote texts into n groups, or returns
// nil. A footnote starts after a blank line, or at a capital after a line
// that ends a sentence; when there are more such places than footnotes,
// the ones after the shortest lines win, as a wrapped line runs the full
// width and a footnote's last line rarely does.
func splitNotes(texts []zoneLine, n int) [][]string {
	if n == 0 || len(texts) < n {
		return nil
	}
	var cuts []int
	for j := 1; j < len(texts); j++ {
		if texts[j].blank || endsSentence(texts[j-1].l.text) && !startsLower(texts[j].l.text) {
			cuts = append(cuts, j)
		}
	}
	if len(cuts) < n-1 {
		return nil
	}
	if len(cuts) > n-1 {
		sort.SliceStable(cuts, func(a, b int) bool {
			ca, cb := texts[cuts[a]], texts[cuts[b]]
			if ca.blank != cb.blank {
				return ca.blank
			}
			return len(texts[cuts[a]-1].l.text) < len(texts[cuts[b]-1].l.text)
		})
		cuts = cuts[:n-1]
		sort.Ints(cuts)
	}
	out := make([][]string, 0, n)
	from := 0
	for _, c := range append(cuts, len(texts)) {
		var g []string
		for _, t := range texts[from:c] {
			g = append(g, t.l.text)
		}
		out = append(out, g)
		from = c
	}
	return out
}

// alternatingZone reads a zone where each number stands above its text.
func alternatingZone(zs []zoneLine) ([]rawNote, []line, bool) {
	var notes []rawNote
	var furn []line
	next := zs[0].num
	for k := 0; k < len(zs); {
		if zs[k].num != next {
			if zs[k].num != 0 && k == len(zs)-1 && len(notes) > 0 {
				furn = append(furn, zs[k].l) // the page number at the foot
				break
			}
			return nil, nil, false
		}
		m := zs[k].l
		k++
		var text []string
		for k < len(zs) && zs[k].num == 0 {
			text = append(text, zs[k].l.text)
			k++
		}
		if len(text) == 0 {
			return nil, nil, false
		}
		notes = append(notes, rawNote{n: m.n, marker: m.text, text: joinAll(text[0], text[1:])})
		next++
	}
	return notes, furn, len(notes) > 0
}
