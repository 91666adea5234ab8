package parse

import "strings"

// Wrapped run-in text: a decision printed on a few very long lines (a
// database record, a PDF's text layer) comes out of a reader that wraps
// it at a fixed width, or out of a PDF printed in a proportional font, as
// a column of full lines. unwrapRunIn joins each
// run of such lines back into the line it was and cuts it as
// splitOneLine cuts a decision printed on one line; a run splitOneLine
// leaves whole stays as it came.

// minWrapWidth and maxWrapWidth bound the widths a text is read as
// wrapped at: narrower texts are lists or tables, wider ones hold the
// long lines splitOneLine already reads one by one.
const (
	minWrapWidth = 40
	maxWrapWidth = minOneLine - 1
)

// A PDF reader that drops the hyphen at the end of a line (pdftotext)
// joins the next line to it, so a wrapped text holds a few lines up to
// twice its width: a text is still read as wrapped when no more than one
// of its lines in joinedLineShare is wider than maxWrapWidth, none of
// them wider than two lines, and those lines do not set its width.
const joinedLineShare = 10

// A page set in a proportional font (a PDF's text) fills its lines to
// varied numbers of characters: a line whose count of letters, with the
// next line's first word, reaches fullLineNum/fullLineDen of the widest
// line's is read as full. A fixed-width wrap leaves its full lines well
// inside that margin; most paragraphs' last lines stay outside it.
const (
	fullLineNum = 17
	fullLineDen = 20
)

// unwrapRunIn returns s with its runs of wrapped lines that hold a
// decision run in read as splitOneLine reads the line they were, or s
// itself when it holds none. A line breaks softly where the first word
// of the next would not have fitted on it, within the margin of a
// proportional font, at the text's widest line, or after a word broken
// with a hyphen.
func unwrapRunIn(s string) string {
	// the width first, without splitting the text: most texts have many
	// lines wider than a wrap leaves, and are returned at once
	width, long, longest, count := 0, 0, 0, 0
	for rest := s; rest != ""; {
		l := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			l, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		n := len(strings.TrimRight(l, " "))
		if n > 0 {
			count++
		}
		switch {
		case n > maxWrapWidth:
			long, longest = long+1, max(longest, n)
			if long > 1 && long*joinedLineShare > count {
				return s
			}
		case n > width:
			width = n
		}
	}
	if width < minWrapWidth || long*joinedLineShare > count || longest > 2*width {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	changed := false
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && softBreak(lines[j-1], lines[j], width) {
			j++
		}
		if j-i >= 2 {
			joined, starts := joinWrapped(lines[i:j])
			if len(joined) >= minOneLine {
				// cutOneLine(joined, false), its reading of a formula
				// kept for wrappedRecitals
				parts, bare := formulaCut(joined)
				if bare {
					parts = bareCut(joined, false)
				}
				if parts == nil {
					parts = wrappedRecitals(joined, starts, bare)
				}
				if parts != nil {
					out = append(out, parts...)
					changed = true
					i = j
					continue
				}
			}
		}
		out = append(out, lines[i:j]...)
		i = j
	}
	if !changed {
		return s
	}
	return strings.Join(out, "\n")
}

// softBreak reports whether the break between lines a and b is one a
// wrap at width made: both hold text, and b's first word would not have
// fitted at the end of a, within the margin of a proportional font
// (fullLineNum), or a ends in a word broken with a hyphen.
func softBreak(a, b string, width int) bool {
	a = strings.TrimRight(a, " ")
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" || strings.IndexByte(a, '\f') >= 0 || strings.IndexByte(b, '\f') >= 0 {
		return false
	}
	if b[0] == ' ' {
		return false // an indented line opens a block of its own
	}
	if brokenWord(a, b) {
		return true
	}
	w := b
	if k := strings.IndexByte(b, ' '); k >= 0 {
		w = b[:k]
	}
	return fullLineDen*(len(a)+1+len(w)) > fullLineNum*width
}

// brokenWord reports whether a ends in the first half of a word broken
// with a hyphen that b goes on with: "environ-" "mental".
func brokenWord(a, b string) bool {
	n := len(a)
	return n >= 2 && a[n-1] == '-' && a[n-2] >= 'a' && a[n-2] <= 'z' && b[0] >= 'a' && b[0] <= 'z'
}

// wrappedRecitals is splitOneLine of the joined run l, which cuts a run
// without a formula at its recitals' openers (recitalRun), when at least minRecitalRun of them open inside a wrapped
// line, not at the start of one (starts): a run of recitals each on a
// line of its own that wrapping made full is the page's own lines, which
// a comma followed by a capitalized participle ("…, Training and …")
// would cut wrongly; nil otherwise. The run is one cutOneLine(l, false)
// left whole, bare telling whether formulaCut found it bare: of
// cutOneLine(l, true) only directedRun and recitalRun by openers remain
// to be read.
func wrappedRecitals(l string, starts []int, bare bool) []string {
	parts := splitOneLineBy(l, func(l string) []string {
		if parts := directedRun(l); parts != nil {
			return parts
		}
		if bare {
			return recitalRun(l, true)
		}
		return nil
	})
	inside, at := 0, 0
	for k, p := range parts {
		i := strings.Index(l[at:], p)
		if i < 0 {
			return nil
		}
		at += i
		if k > 0 && !containsInt(starts, at) {
			inside++
		}
		at += len(p)
	}
	if inside < minRecitalRun {
		return nil
	}
	return parts
}

// containsInt reports whether a holds v.
func containsInt(a []int, v int) bool {
	for _, x := range a {
		if x == v {
			return true
		}
	}
	return false
}

// joinWrapped joins wrapped lines into the line they were, the hyphen of
// a broken word dropped as a PDF reader drops it (mendCompounds puts the
// hyphen of compounds back), with where each line starts in it.
func joinWrapped(ls []string) (string, []int) {
	size := 0
	for _, l := range ls {
		size += len(l) + 1
	}
	var b strings.Builder
	b.Grow(size)
	starts := make([]int, 0, len(ls))
	for i, l := range ls {
		l = strings.TrimRight(l, " ")
		if i > 0 && !brokenWord(ls[i-1], l) {
			b.WriteByte(' ')
		}
		starts = append(starts, b.Len())
		if i+1 < len(ls) && brokenWord(ls[i], strings.TrimRight(ls[i+1], " ")) {
			l = l[:len(l)-1] // the hyphen the next line goes on from
		}
		b.WriteString(l)
	}
	return b.String(), starts
}
