package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// runInNumberRE finds the number of a paragraph run on after a semicolon:
// "…; 2. Decides also …".
var runInNumberRE = regexp.MustCompile(`;\s+(\d{1,3})\.\s+`)

// splitRunIn splits numbered paragraphs that a page runs into one line
// ("1. Decides …; 2. Decides also …; 3. Requests …") into one block each.
// A number splits its paragraph only when it goes on from the one before
// and opens an operative phrase: "paragraphs 3 and 4; 4. Requests for
// assistance …" stays whole. A bullet set where the first number stood
// ("• Decides …; 2. Decides also …") goes on to whatever number follows.
func splitRunIn(bs []block) []block {
	bs = splitRunInItems(bs)
	bs = splitDashedCaps(bs)
	first := -1
	for i, b := range bs {
		if strings.Contains(b.text, "; ") && (b.mark == markNumber || b.mark == markNone || b.mark == markDash) {
			first = i
			break
		}
	}
	if first < 0 {
		return bs // nothing run in: no copy
	}
	var out []block // nil until a block is cut: bs as it is
	for i := first; i < len(bs); i++ {
		b := &bs[i]
		var pieces []block
		switch {
		case b.mark == markNone && strings.Contains(b.text, "; ") && opensOperative(b.text):
			pieces = splitClauses(*b)
		case (b.mark == markNumber || b.mark == markDash && opensOwnVerb(b.rest)) && strings.Contains(b.rest, "; "):
			pieces = splitNumbers(*b)
		}
		if pieces == nil {
			if out != nil {
				out = append(out, *b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+len(pieces)), bs[:i]...)
		}
		out = append(out, pieces...)
	}
	if out == nil {
		return bs // nothing run in: no copy
	}
	return out
}

// splitNumbers cuts a numbered paragraph, or one a bullet opens, where
// the next number runs into it after a semicolon and opens an operative
// phrase, and so on from that number: nil when nothing is cut.
func splitNumbers(b block) []block {
	n, err := strconv.Atoi(b.label)
	if b.mark == markDash {
		n, err = -1, nil // any number goes on from a bullet
	}
	if err != nil {
		return nil
	}
	var out []block
	cur := b
	for {
		cut := -1
		var next block
		for _, m := range runInNumberRE.FindAllStringSubmatchIndex(cur.rest, -1) {
			k, _ := strconv.Atoi(cur.rest[m[2]:m[3]])
			rest := cur.rest[m[1]:]
			if (k == n+1 || n < 0) && opensOperative(rest) {
				cut = m[0] + 1 // after the semicolon
				num := cur.rest[m[2]:m[3]]
				next = block{n: cur.n, text: strings.TrimSpace(cur.rest[cut:]), mark: markNumber, label: num, rest: rest}
				n = k
				break
			}
		}
		if cut < 0 {
			if out == nil {
				return nil
			}
			return append(out, cur)
		}
		head := cur.rest[:cut]
		cur.text = cur.text[:len(cur.text)-len(cur.rest)] + head
		cur.rest = head
		out = append(out, cur)
		cur = next
	}
}

// splitClauses splits an unnumbered paragraph that opens with an
// operative verb at each semicolon after which another capitalized
// operative verb opens a clause ("Adopts …; Requests …"). The clauses keep
// the line index of the paragraph: segment reads a shared index as the
// sign of a run-in page.
func splitClauses(b block) []block {
	var out []block
	t := b.text
	for {
		cut := -1
		for off := 0; ; {
			i := strings.Index(t[off:], "; ")
			if i < 0 {
				break
			}
			off += i + 2
			if rest := t[off:]; startsUpper(rest) && opensOperative(rest) {
				cut = off
				break
			}
		}
		if cut < 0 {
			out = append(out, block{n: b.n, text: t, rest: t, blank: b.blank})
			return out
		}
		head := strings.TrimSpace(t[:cut])
		out = append(out, block{n: b.n, text: head, rest: head, blank: b.blank})
		t = t[cut:]
	}
}

// runInItemRE finds an item letter run into its paragraph after the
// chapeau's colon or the item before's semicolon: ": (a)Decisions …",
// "; (b) The Guidance …", "; and (c) Establish …".
var runInItemRE = regexp.MustCompile(`[:;]\s*(?:(?:and|or)\s+)?\(([a-z])\)\s*`)

// minRunInItems is the fewest run-in items splitRunInItems cuts: one
// "(a)" after a colon may be a reference ("as set out in: (a) above").
const minRunInItems = 2

// splitRunInItems cuts the items a page runs into their paragraph ("…
// health: (a)Decisions …; (b)The Guidance …") into blocks of their own:
// letters from "a" in sequence, the first after a colon, each next after
// a semicolon.
func splitRunInItems(bs []block) []block {
	var out []block
	for i, b := range bs {
		if b.mark != markNumber && b.mark != markNone || !strings.Contains(b.rest, "(a)") {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		var cuts [][2]int // where each item's letter and its text open
		for _, m := range runInItemRE.FindAllStringSubmatchIndex(b.rest, -1) {
			want := byte('a' + len(cuts))
			if b.rest[m[2]] != want || len(cuts) == 0 && b.rest[m[0]] != ':' || len(cuts) > 0 && b.rest[m[0]] != ';' {
				continue
			}
			cuts = append(cuts, [2]int{m[2] - 1, m[1]})
		}
		if len(cuts) < minRunInItems {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append([]block(nil), bs[:i]...)
		}
		head := b
		off := len(b.text) - len(b.rest)
		head.rest = strings.TrimSpace(b.rest[:cuts[0][0]])
		head.text = b.text[:off] + head.rest
		out = append(out, head)
		for k, c := range cuts {
			end := len(b.rest)
			if k+1 < len(cuts) {
				end = cuts[k+1][0]
			}
			label := string(b.rest[c[0]+1])
			out = append(out, block{n: b.n, mark: markParen, label: label,
				text: strings.TrimSpace(b.rest[c[0]:end]), rest: strings.TrimSpace(b.rest[c[1]:end])})
		}
	}
	if out == nil {
		return bs // nothing run in: no copy
	}
	return out
}

// splitDashedCaps splits the recitals a page runs together in a block of
// the style that opens each clause with a dash and a phrase in capitals
// ("- AWARE of …"): "… small stocks - RECOGNISING the need …", or, where
// a PDF reader dropped the dash at a line's end and joined the lines,
// "… small stocks RECOGNISING the need …". A recital's opener in capitals
// after a word in lower case opens a clause; the capitals of a name or an
// acronym open none.
func splitDashedCaps(bs []block) []block {
	var out []block
	for i, b := range bs {
		var cuts []int
		if b.mark == markDash && capsOpener(b.rest) && opensRecitalOK(b.rest) {
			cuts = dashedCapsCuts(b.rest)
		}
		if cuts == nil {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+len(cuts)), bs[:i]...)
		}
		off := len(b.text) - len(b.rest)
		head := b
		head.rest = strings.TrimSpace(b.rest[:cuts[0]])
		head.text = b.text[:off] + head.rest
		out = append(out, head)
		for k, c := range cuts {
			end := len(b.rest)
			if k+1 < len(cuts) {
				end = cuts[k+1]
			}
			text := strings.TrimSpace(b.rest[c:end])
			rest := strings.TrimSpace(strings.TrimPrefix(text, "-"))
			out = append(out, block{n: b.n, mark: markDash, text: text, rest: rest})
		}
	}
	if out == nil {
		return bs // nothing run in: no copy
	}
	return out
}

// dashedCapsCuts returns where the clauses run into t after its first
// open: at " - " or a space before a recital's opener in capitals that
// follows a word in lower case.
func dashedCapsCuts(t string) []int {
	var cuts []int
	for i := 1; i+1 < len(t); i++ {
		if t[i] != ' ' || t[i+1] < 'A' || t[i+1] > 'Z' {
			continue
		}
		at := i + 1
		before := t[:i]
		if strings.HasSuffix(before, " -") {
			at = i - 1
			before = strings.TrimSuffix(before, " -")
		}
		if c := before[len(before)-1]; c < 'a' || c > 'z' {
			continue
		}
		if rest := t[i+1:]; capsOpener(rest) && !capsLine(rest) && opensRecitalOK(rest) {
			cuts = append(cuts, at)
		}
	}
	return cuts
}
