package parse

import (
	"sort"
	"strconv"
	"strings"
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

// A page's footnotes copied with their page onto one line stand where the
// page ended, run into the text: "… the reports1 of its Executive
// Committee …; 1 FCCC/SB/2020/3 and Add.1–2. 2 As footnote 1 above. “6.
// Invites …", or after the plenary stamp when the decision ended the
// page. cutNoteRuns sets each such footnote on a line of its own, below a
// blank line, as the page printed it, and the text that resumes after
// them below another, so that the footnotes are read as footnotes and the
// text around them as the text.

// cutNoteRuns returns the lines of a decision cut from one line, with the
// runs of footnotes in them cut out onto lines of their own (noteRuns).
func cutNoteRuns(parts []string) []string {
	var out []string
	for k, p := range parts {
		runs := noteRuns(p, parts[:k])
		if runs == nil {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(parts)+8), parts[:k]...)
		}
		from := 0
		for _, r := range runs {
			if s := strings.TrimSpace(p[from:r.start]); s != "" {
				out = append(out, s)
			}
			out = append(out, "")
			for j, at := range r.notes {
				end := r.end
				if j+1 < len(r.notes) {
					end = r.notes[j+1]
				}
				out = append(out, strings.TrimSpace(p[at:end]))
			}
			from = r.end
			if from < len(p) {
				out = append(out, "")
			}
		}
		if s := strings.TrimSpace(p[from:]); s != "" {
			out = append(out, s)
		}
	}
	if out == nil {
		return parts
	}
	return out
}

// noteRun is a run of footnotes inside a line: where it starts, where
// each footnote's number stands, and where the run ends.
type noteRun struct {
	start, end int
	notes      []int
}

// noteRuns finds the runs of footnotes in line p: a number, a space and a
// text that reads as a footnote (isFootnote: a capital, a document symbol
// or an address, no date), each next footnote numbered in sequence after
// the full stop that ends the one before; the last ends at its first full
// stop, or with the line. One of the numbers of a run must be glued as a
// marker to the text before it: a number in a sentence ("Article 6 The
// Parties") is cited by no marker. A run after another goes on with its
// numbering.
func noteRuns(p string, above []string) []noteRun {
	var runs []noteRun
	cited := func(i, n int) bool {
		before := p[:i]
		for k := len(above) - 1; k >= 0 && len(before) < noteLookBack; k-- {
			before = above[k] + " " + before
		}
		if len(before) > noteLookBack {
			before = before[len(before)-noteLookBack:]
		}
		return gluedAt(before, strconv.Itoa(n)) >= 0
	}
	last := 0 // the number of the last footnote found
	for i := 1; i+2 < len(p); i++ {
		if p[i-1] != ' ' || !isDigit(p[i]) {
			continue
		}
		n, at, ok := noteAt(p, i, last)
		if !ok {
			continue
		}
		r := noteRun{start: i - 1, notes: []int{i}}
		glued := cited(i, n)
		for {
			end := noteEnd(p, at)
			r.end = end
			if end >= len(p) {
				break
			}
			k := end + 1 // past the space after the full stop
			m, next, ok := noteAt(p, k, n)
			if !ok || m != n+1 {
				break
			}
			glued = glued || cited(i, m)
			r.notes = append(r.notes, k)
			n, at = m, next
		}
		if !glued {
			continue
		}
		runs = append(runs, r)
		last = n
		i = r.end
	}
	return runs
}

// noteAt reads a footnote's number at p[i] ("3 As per …"): its value and
// where its text starts, when the number ends on a space and what follows
// reads as the text of footnote n after footnote last.
func noteAt(p string, i, last int) (n, text int, ok bool) {
	j := i
	for j < len(p) && j-i < 4 && isDigit(p[j]) {
		j++
	}
	if j-i > 3 || j+1 >= len(p) || p[j] != ' ' {
		return 0, 0, false
	}
	n, _ = strconv.Atoi(p[i:j])
	if n == 0 || n > maxNoteNumber || last > 0 && n != last+1 {
		return 0, 0, false
	}
	if !noteShaped(p[j+1:]) {
		return 0, 0, false
	}
	return n, j + 1, true
}

// maxDotted is the longest word with a full stop inside that noteEnd
// takes for an abbreviation ("e.g", "i.e", "U.S"): an address or a
// document symbol ("…/info_event_SB2021)", "Add.1") is longer, or ends on
// a digit, and its full stop ends the footnote.
const maxDotted = 5

// noteEnd returns where the footnote whose text starts at p[at] ends:
// after its first full stop that ends a sentence and is followed by a
// space, or at the end of p. The full stop of an abbreviation ("para.",
// "e.g.") ends no footnote.
func noteEnd(p string, at int) int {
	for i := at; i+1 < len(p); i++ {
		if p[i] != '.' || p[i+1] != ' ' {
			continue
		}
		w := p[strings.LastIndexByte(p[:i], ' ')+1 : i]
		if abbreviations[strings.ToLower(w)] || len(w) <= maxDotted && strings.Contains(w, ".") && !isDigit(w[len(w)-1]) {
			continue
		}
		return i + 1
	}
	return len(p)
}
