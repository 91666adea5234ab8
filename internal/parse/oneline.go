package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minOneLine is the shortest line read as a whole decision printed on one
// line (a record of a database, a cell of a spreadsheet): a heading, a
// formula and one operative paragraph pass it; most lines of a page stay
// under it, and a longer one is cut only when it holds a formula followed
// by an operative paragraph.
const minOneLine = 150

// oneLineCutRE matches where a clause of a decision run onto one line may
// open: a paragraph number ("2. "), an item letter ("a) ", "(a) ") or
// roman numeral ("(i) ", "ii) "), after a space, glued to the word that
// follows or not ("1.Decides", "(a)To").
var oneLineCutRE = regexp.MustCompile(`\s(?:“?(\d{1,3})\.|\(?([a-z]{1,4})\))\s*[\p{L}“"]`)

// oneLineStampRE matches the plenary stamp that closes a decision.
var oneLineStampRE = regexp.MustCompile(`\s\d{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting\b`)

// splitOneLine cuts a decision printed on one line into the lines a page
// gives it: its heading, its formula, each recital, each numbered
// paragraph from 1 on, each item ("a) … b) …", "(i) … (ii) …", their
// letters in sequence) and the closing stamp. A line without a formula
// followed by a first paragraph is returned as it is.
func splitOneLine(l string) []string { return splitOneLineBy(l, cutByOpener) }

// cutByOpener is cutOneLine(l, true), as splitOneLine cuts a line that
// runs neither decisions nor a page together.
func cutByOpener(l string) []string { return cutOneLine(l, true) }

// splitOneLineBy is splitOneLine, whole standing for cutOneLine(l, true)
// on a line that runs neither decisions nor a page together, for a
// caller that knows part of that answer already.
func splitOneLineBy(l string, whole func(string) []string) []string {
	pieces := runTogether(l)
	if pieces == nil {
		pieces = decMarkerRun(l)
	}
	if pieces == nil {
		pieces = capsTitleRun(l)
	}
	if pieces == nil {
		if parts := whole(l); parts != nil {
			return cutNoteRuns(parts)
		}
		return nil
	}
	var out []string
	for _, p := range pieces {
		if parts := cutOneLine(p, true); parts != nil {
			out = append(out, parts...)
		} else {
			out = append(out, p)
		}
	}
	return cutNoteRuns(out)
}

// runTogether cuts a line that runs decisions together, as a list of a
// meeting's decisions printed on one line does, before each heading
// after the first that names a decision by its keyword and symbol and
// then a colon: "… time allocations. Agenda item 7: Secretary General
// Decision SC9-2: The Standing Committee determined …". A citation
// names the decision without a colon after it ("as set out in Decision
// 4/2,"). It returns nil when the line holds no such heading after its
// start.
func runTogether(l string) []string {
	var cuts []int
	for _, kw := range []string{"Decision ", "Resolution ", "Recommendation "} {
		for off := 0; ; {
			k := indexSpaced(l, kw, off)
			if k < 0 {
				break
			}
			k++
			off = k
			h := l[k:min(len(l), k+maxHeadingColon)]
			if c := strings.Index(h, ": "); c > 0 && c+2 < len(h) && h[c+2] >= 'A' && h[c+2] <= 'Z' && !strings.Contains(h[:c], ",") {
				if m := decisionHeading(h[:c+1]); m != nil && m[3] != "" {
					cuts = append(cuts, k)
				}
			}
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	sortInts(cuts)
	return piecesAt(l, cuts)
}

// decMarkerInRE matches a CBD decision document's marker inside a line,
// as decMarker matches it alone on one: "decision UNEP/CBD/COP/DEC/IX/24",
// "CBD/COP/DEC/15/4 paragraph 3".
var decMarkerInRE = regexp.MustCompile(`(?:\b[Dd]ecision\s+)?(?:UNEP/)?CBD/(?:[A-Z-]+/)*DEC/[A-Za-z0-9.\-]+/\d{1,3}(?:\s+paragraph(?:\s+\d{1,3})?)?`)

// decMarkerRun cuts a line that runs a CBD page together, the markers
// that head its decisions and paragraphs each on a line of its own as the
// page sets them: "… implementation. decision UNEP/CBD/COP/DEC/IX/24 Gender
// Plan … UNEP/CBD/COP/DEC/IX/24 paragraph Welcomes …". A marker a
// sentence cites has no capital or paragraph number after it ("(…/DEC/X/2),
// paragraph 3"). It returns nil when the line holds no such marker.
func decMarkerRun(l string) []string {
	if !strings.Contains(l, "/DEC/") {
		return nil // most lines: no expression to run
	}
	var cuts []int
	for _, m := range decMarkerInRE.FindAllStringIndex(l, -1) {
		after := strings.TrimLeft(l[m[1]:], " ")
		if after == "" || !(after[0] >= 'A' && after[0] <= 'Z' || after[0] >= '0' && after[0] <= '9') || m[1] < len(l) && l[m[1]] != ' ' {
			continue
		}
		if m[0] > 0 && l[m[0]-1] != ' ' {
			continue // "(UNEP/CBD/…"
		}
		cuts = append(cuts, m[0], m[1])
	}
	if len(cuts) == 0 {
		return nil
	}
	if cuts[0] == 0 {
		cuts = cuts[1:]
	}
	if len(cuts) == 0 {
		return nil
	}
	var out []string
	for _, p := range piecesAt(l, cuts) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// minCapsTitle is the fewest words in capitals that make a title before
// a recital in capitals: "ON SMALL STOCKS" is one, two may be an
// acronym and a word.
const minCapsTitle = 3

// capsTitleRun cuts a line that runs a commission's resolutions
// together, each headed by a title in capitals over a first recital in
// capitals, before each such title that follows a sentence's end: "… to
// the Convention. Agreed PROPOSAL FOR A WORKSHOP ON SEALS RECALLING that
// …". A title at the line's start or after a heading that ends no
// sentence ("Resolution 9-2 ON SMALL STOCKS NOTING …") is the line's own.
// It returns nil when the line holds no such title.
func capsTitleRun(l string) []string {
	// a title follows a sentence's end: the words before the first are
	// no title's, and a line without one holds none
	from := sentenceEnd(l)
	if from < 0 {
		return nil
	}
	var cuts []int
	start, n := -1, 0 // the run of words in capitals: where it opens, its length
	for i := from; i < len(l); {
		if n == 0 {
			// outside a run only a word in capitals counts: on to
			// the next word that opens with a capital
			for i < len(l) && !(isUpper(l[i]) && (i == 0 || l[i-1] == ' ')) {
				i++
			}
			if i == len(l) {
				break
			}
		}
		j := strings.IndexByte(l[i:], ' ')
		if j < 0 {
			j = len(l) - i
		}
		w := l[i : i+j]
		switch {
		case capsWord(w):
			if n == 0 {
				start = i
			}
			n++
		case n > minCapsTitle && w != "" && w[0] >= 'a' && w[0] <= 'z':
			// the run's last word opens the recital
			k := strings.LastIndexByte(strings.TrimRight(l[:i], " "), ' ') + 1
			if _, ok := opensRecital(l[k:]); ok {
				cuts = append(cuts, start)
			}
			n = 0
		default:
			n = 0
		}
		i += j + 1
	}
	if len(cuts) == 0 {
		return nil
	}
	return piecesAt(l, cuts)
}

// sentenceEnd returns where the text after the first sentence's end in
// s opens, a full stop after a word in lower case or a bracket and the
// space after it, or -1: a title that a decision ends follows it.
func sentenceEnd(s string) int {
	for i := strings.Index(s, ". "); i >= 0; {
		if i > 0 && (s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] == ')') {
			return i + 2
		}
		k := strings.Index(s[i+1:], ". ")
		if k < 0 {
			break
		}
		i += k + 1
	}
	return -1
}

// capsWord reports whether w is a word in capitals, digits allowed after
// its first letter ("IWC58").
func capsWord(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if !(w[i] >= 'A' && w[i] <= 'Z' || w[i] >= '0' && w[i] <= '9') {
			return false
		}
	}
	return true
}

// piecesAt cuts l at cuts, in order and each after the first byte: the
// text before the first cut and the piece each cut opens, trimmed.
func piecesAt(l string, cuts []int) []string {
	out := []string{strings.TrimSpace(l[:cuts[0]])}
	for j, c := range cuts {
		end := len(l)
		if j+1 < len(cuts) {
			end = cuts[j+1]
		}
		out = append(out, strings.TrimSpace(l[c:end]))
	}
	return out
}

// indexSpaced is strings.Index(s[off:], " "+w) + off, or -1: it looks
// for w, then for the space before it, as a search that opens with a
// space stops at every word.
func indexSpaced(s, w string, off int) int {
	for i := off + 1; i <= len(s); {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return -1
		}
		k += i
		if s[k-1] == ' ' {
			return k - 1
		}
		i = k + 1
	}
	return -1
}

// maxHeadingColon bounds how far a heading's colon stands from its
// keyword: "Recommendation MEPC.123(45):" and joint symbols stay within
// it.
const maxHeadingColon = 60

// cutOneLine is splitOneLine; byOpener tells whether a line without a
// formula may be cut into recitals at their openers, not only at their
// numbers (recitalRun).
func cutOneLine(l string, byOpener bool) []string {
	if len(l) < minOneLine {
		return nil
	}
	// Decisions numbered and labelled as CITES and CMS print them, whose
	// requests ("The Standing Committee shall …") read like formulas.
	if byOpener {
		if parts := directedRun(l); parts != nil {
			return parts
		}
	}
	parts, bare := formulaCut(l)
	if bare {
		return bareCut(l, byOpener)
	}
	return parts
}

// bareCut is cutOneLine of a line without a formula, a lead, a report or
// a first paragraph (formulaCut): its paragraphs behind bullets, its
// recitals run together, or its one operative clause in capitals.
func bareCut(l string, byOpener bool) []string {
	if parts := bulletRun(l); parts != nil {
		return parts
	}
	if parts := recitalRun(l, byOpener); parts != nil {
		return parts
	}
	return capsClause(l)
}

// formulaCut is cutOneLine of a line from its formula, lead, report or
// first paragraph on, whichever the line holds, the part that does not
// depend on byOpener; bare tells that it holds none, and then parts is
// nil and bareCut reads the line.
func formulaCut(l string) (parts []string, bare bool) {
	// The formula: "The Conference of the Parties …," ending at its first
	// comma or colon.
	f := -1
	for i := 0; i < len(l) && f < 0; {
		k := strings.Index(l[i:], "The ")
		if k < 0 {
			break
		}
		k += i
		if (k == 0 || l[k-1] == ' ') && formulaRE.MatchString(formulaWindow(l[k:])) {
			f = k
		}
		i = k + 4
	}
	// Or a lead formula after recitals: "WHEREAS …; RECALLING …; NOW
	// THEREFORE the Commission; CALLS upon …".
	// Or a body's report of its decision under the heading, before any
	// formula-like sentence further on ("The Board expects …").
	lead, report := false, false
	x := -1 // an extract's first paragraph
	r := reportStart(l)
	if r > 0 && r < f {
		f, report = r, true
	}
	if f < 0 {
		var m []int
		if mayHoldLead(l) {
			for _, c := range leadFormulaInRE.FindAllStringSubmatchIndex(l, -1) {
				if !isLetter(l[c[0]]) || capsOpener(l[c[2]:]) {
					m = c // only a lead in capitals follows a clause cut short
					break
				}
			}
		}
		n, caps := -1, -1
		if m == nil && r < 0 {
			caps = capsFormula(l)
			if caps < 0 {
				caps = capsLead(l)
			}
			if caps < 0 {
				if n = numberedStart(l); n < 0 {
					n = numberedRecitalsStart(l)
				}
			}
			if caps < 0 && n < 0 {
				x = extractStart(l)
			}
		}
		switch {
		case m != nil:
			f, lead = m[2], true
		case caps > 0:
			// after recitals, like a lead: "…; THE CONFERENCE OF THE
			// PARTIES ESTABLISHES …"
			f, lead = caps, true
		case r > 0:
			f, report = r, true
		case n > 0:
			f = n // the first paragraph stands for the formula
		case x > 0:
			// so does an extract's, the recitals before it cut as
			// before a lead
			f, lead = x, true
		default:
			return nil, true
		}
	}
	// Clauses open after a comma or semicolon with a recital's opener or
	// an operative phrase, and at paragraph numbers from 1 on; items open
	// at letters in sequence under a numbered paragraph.
	var cuts []int
	var apart []int              // the cuts with a blank line before them
	operative := report || x > 0 // a reported decision, an extract's first paragraph, is the paragraph
	num, letter, roman := 0, 0, 0
	sub := 0   // items numbered under a paragraph: "to invite: 1. All States …; 2. …"
	quote := 0 // paragraphs of a decision quoted in a paragraph: "provides as follows: “1. Welcomes …"
	// own marks a numbering that starts anew inside a paragraph after
	// its chapeau's colon and a title: "3. Invites States Parties to use
	// the following format: Format for … 1. Response … a) Corrective
	// measures …" is a text with its own numbering, whose letters are
	// not the paragraph's items, as the segmenter reads it on lines of
	// its own (quoteStarts)
	own := false
	numAt := 0 // where the last numbered paragraph opens
	for _, m := range oneLineCuts(l[f:]) {
		at := f + m[0] + 1 // where the clause opens
		var w string
		sp, we := f+m[0], f+m[5] // the space before an item's letter, the letter's end
		if m[2] >= 0 {
			cut := true
			rest := strings.TrimSpace(l[f+m[3]+1:])
			before := l[:f+m[0]]
			n, _ := strconv.Atoi(l[f+m[2] : f+m[3]])
			switch {
			case f+m[2] > at:
				// a quoted paragraph opens with its quotation mark before
				// its number: it numbers its own sequence, under which
				// items start anew
				if num > 0 && n == quote+1 && endsClause(before) {
					quote, letter, roman, sub = n, 0, 0, 0
					cuts = append(cuts, at)
				}
			case n == num+1 && (opensOperative(rest) || endsClause(before) || n == 1 && (formulaEndWords[before[strings.LastIndexByte(before, ' ')+1:]] || m[0] == 0)):
				// a paragraph 1 where the formula would stand (m[0] == 0,
				// numberedStart) opens the run even after a heading
				num, letter, roman, sub, own, numAt = n, 0, 0, 0, false, at
				cuts = append(cuts, at)
				operative = true
			case num > 1 && (n == 1 && strings.HasSuffix(before, ":") || sub > 0 && n == sub+1 && endsClause(before)):
				sub = n
				cuts = append(cuts, at)
			default:
				cut = false
				own = own || n == 1 && num > 1 && quote == 0 && titledChapeau(l[numAt:f+m[0]])
			}
			// a number that opens nothing, as a footnote's ("… para. 5.
			// e) Facilitating …"), took the space before an item's letter
			// the expression would have found next
			if cut {
				continue
			}
			var ok bool
			if w, sp, we, ok = itemAfterNumber(l, f+m[3]+1); !ok {
				continue
			}
			at = sp + 1
		} else {
			w = l[f+m[4] : f+m[5]]
		}
		// items open under a numbered paragraph, or under the formula or
		// report itself when a colon introduces the first: "the Board
		// decided: a) To …; b) To …", "requests the Committee to: (i)
		// recommend …, and (ii) report …", or when the first opens with
		// an operative verb: "recommends the following: I. Cooperation
		// a) Invites Parties …; b) Requests …"; none open in a text with
		// its own numbering (own)
		if own {
			continue
		}
		top := num == 0 && letter == 0
		if top && roman == 0 && !((letterValue(w) == 1 || w == "i") && clauseBefore(l[:sp])) &&
			!(letterValue(w) == 1 && opensOperative(strings.TrimSpace(l[we+1:]))) {
			continue
		}
		switch {
		case letterValue(w) == letter+1 && !(roman > 0 && romanOf(w) == roman+1):
			letter, roman = letter+1, 0
		case letter == 0 && num > 0 && lostFirstItem(w, l[:sp], l[we:]):
			letter = letterValue(w)
		case (letter > 0 || top) && romanOf(w) == roman+1:
			roman++
		default:
			continue
		}
		cuts = append(cuts, at)
	}
	first := len(l)
	if len(cuts) > 0 {
		first = cuts[0]
	}
	from := f
	if lead {
		from = 0 // the recitals stand before a lead formula
	}
	for i := from; i < first-2; i++ {
		// a clause opens after a comma or semicolon, or after a formula
		// without its comma, on the last word of a body's name
		// ("… the Kyoto Protocol Recalling …")
		glued := l[i] == ';' && l[i+1] >= 'A' && l[i+1] <= 'Z' // "…Convention;Having considered …"
		// a footnote's marker after the comma: "… resolution 3/7,/12 Noting …"
		if (l[i] == ',' || l[i] == ';') && l[i+1] != ' ' {
			if k := noteMarkerLen(l[i+1:]); k > 0 && i+1+k < first-1 && l[i+1+k] == ' ' {
				if _, ok := opensRecital(l[i+2+k:]); ok {
					cuts = append(cuts, i+2+k)
				}
			}
		}
		// a sentence's end: "… sound management. Further recognising …",
		// not an abbreviation's full stop ("e.g.", "para.")
		stop := l[i] == '.' && l[i+1] == ' ' && i > 0 && l[i-1] >= 'a' && l[i-1] <= 'z' && sentenceWord(l[strings.LastIndexByte(l[:i], ' ')+1:i]) ||
			// or a word in capitals after it: "… (document 3). AGREES …"
			l[i] == '.' && l[i+1] == ' ' && capsOpener(l[i+2:])
		if l[i] == ' ' && i > 0 && l[i-1] >= 'a' && l[i-1] <= 'z' && capsOpener(l[i+1:]) {
			// a recital in capitals after one cut short: "… the
			// Chairman of the WHEREAS there have been …"
			if _, ok := opensRecital(l[i+1:]); ok {
				cuts = append(cuts, i+1)
				continue
			}
		}
		if l[i] == ' ' && i > f && opensReport(l[i+1:]) && !toldOf(l[:i]) {
			// a body's further report, after a list that ends no clause:
			// "… Oceania: Dr C (Australia) The Committee selected …",
			// apart from the list as a page sets it; not one a sentence
			// tells of ("…, noting that The Committee selected …")
			cuts = append(cuts, i+1)
			apart = append(apart, i+1)
			operative = true
			continue
		}
		if l[i] == ' ' {
			// a bullet that opens an item: "…, decided: - to request …;
			// - to invite …", "The Meeting • adopts …", "INVITES
			// governments - to submit …"; or a recital whose opener
			// is in capitals, as a commission prints its dashed
			// recitals: "… of small stocks - RECOGNISING the need …"
			if n := bulletLen(l[i+1:]); n > 0 && (clauseBefore(l[:i]) || opensOperative(l[i+1+n:]) || bulletVerb(l[i+1+n:]) ||
				operative && strings.HasPrefix(l[i+1+n:], "to ") || capsRecital(l[i+1+n:])) {
				cuts = append(cuts, i+1)
				operative = true
			}
			continue
		}
		// a colon before an operative phrase ends the formula: "The
		// Board, having considered …: Approves …"
		colon := l[i] == ':' && l[i+1] == ' ' && opensOperative(l[i+2:])
		if (l[i] == ',' || l[i] == ';' || stop || colon) && l[i+1] == ' ' || glued || l[i+1] == ' ' && formulaEndWords[l[strings.LastIndexByte(l[:i+1], ' ')+1:i+1]] {
			at := i + 2
			if glued {
				at = i + 1
			}
			if strings.HasPrefix(l[at:], "and ") {
				at += 4 // "…; and Decides to …"
			}
			rest := l[at:]
			if _, ok := opensRecital(rest); ok {
				cuts = append(cuts, at)
				// "Recalling …, decides to …": a paragraph whose verb
				// follows its participial clause
				if !operative {
					_, operative = embeddedPhrase(rest, phraseOptions{})
				}
			} else if opensOperative(rest) {
				cuts = append(cuts, at)
				operative = true
			}
		}
	}
	// After the first paragraph or item, a paragraph whose verb is in
	// capitals opens after a semicolon: "…; and URGES the Secretariat …"
	// goes on no item.
	for i := strings.IndexByte(l[first:], ';'); i >= 0 && first < len(l); {
		at := first + i + 1
		rest := strings.TrimPrefix(strings.TrimLeft(l[at:], " "), "and ")
		if capsOpener(rest) && opensOperative(rest) {
			cuts = append(cuts, len(l)-len(rest))
			operative = true
		}
		k := strings.IndexByte(l[at:], ';')
		if k < 0 {
			break
		}
		i = at + k - first
	}
	// After the first paragraph or item, a bullet before a verb in
	// capitals opens a paragraph, as a commission dashes its paragraphs:
	// "… e) options for funding - RESOLVES to meet again …".
	for i := strings.Index(l[first:], " "); i >= 0 && first+i+1 < len(l); {
		at := first + i + 1
		if n := bulletLen(l[at:]); n > 0 && capsOpener(l[at+n:]) && opensOperative(l[at+n:]) {
			cuts = append(cuts, at)
			operative = true
		}
		k := strings.IndexByte(l[at:], ' ')
		if k < 0 {
			break
		}
		i = at + k - first
	}
	// A formula in capitals runs into its verb in capitals: "THE
	// CONFERENCE OF THE PARTIES TO THE CONVENTION ESTABLISHES …".
	if v := capsVerb(l, f); v > 0 {
		cuts = append(cuts, v)
		operative = true
	}
	// Before a lead formula, the first recital opens at its opener after
	// the heading, with or without a comma before it: "Resolution 9-2
	// ON SMALL STOCKS NOTING that …", as recitalRun reads it.
	if lead && len(cuts) > 0 {
		sortInts(cuts)
		if i := firstOpener(l[:cuts[0]]); i > 0 {
			cuts = append(cuts, i)
			if x > 0 {
				// an extract's heading apart from its text, and its
				// first paragraph from the text left out before it
				apart = append(apart, i, f)
			}
		}
	}
	// The formula ends at its first comma or colon that a capital
	// follows: "The Conference, Decision I/5 of …", "decided in Dec.
	// XVII/18: Noting …".
	if c := strings.IndexAny(l[f:first], ",:"); !lead && c >= 0 && f+c+2 < first && l[f+c+1] == ' ' && startsUpper(l[f+c+2:]) {
		cuts = append(cuts, f+c+2)
	}
	// A formula followed by recitals and no paragraph on the line (the
	// paragraphs follow on the next lines, or the page ends) is cut
	// when it runs at least minRecitalRun recitals together.
	if !operative && len(cuts) <= minRecitalRun {
		// "Decision IV/22: Bureau … The Fourth Meeting of the Parties
		// decided in Dec. IV/22 to take note …": the heading alone,
		// apart from the text as a page sets it, so that the text is
		// not read as the rest of its title.
		if f > 0 && decisionSignal(strings.TrimSpace(l[:f])) {
			out := []string{strings.TrimSpace(l[:f]), ""}
			if k := narrativeStart(l, f); k > 0 && opensReport(l[f:]) {
				out = []string{strings.TrimSpace(l[:k]), "", strings.TrimSpace(l[k:f]), ""}
			}
			if q := quotedText(l, f); q > 0 {
				return append(out, strings.TrimSpace(l[f:q]), "", l[q:]), false
			}
			return append(out, l[f:]), false
		}
		return nil, false
	}
	if operative {
		cuts = append(cuts, listBullets(l, first)...)
	}
	cuts = append(cuts, f)
	sortInts(cuts)
	if k := symbolPrefix(l[:cuts[0]]); k > 0 {
		cuts = append(cuts, k)
	}
	if m := oneLineStampRE.FindStringIndex(l[f:]); m != nil {
		cuts = append(cuts, f+m[0]+1)
	}
	sortInts(cuts)
	var out []string
	last := 0
	for _, c := range cuts {
		if c <= last {
			continue
		}
		if s := strings.TrimSpace(l[last:c]); s != "" {
			out = append(out, s)
		}
		if containsInt(apart, c) {
			out = append(out, "")
		}
		last = c
	}
	if s := strings.TrimSpace(l[last:]); s != "" {
		out = append(out, s)
	}
	return out, false
}

// reportStart returns where the paragraph of a decision without formula
// opens on a line that opens with the decision's heading, or -1:
//
//   - a body's report of its decision, as a board's minutes print it:
//     "Decision B.4/2 Following the discussion, the Board decided: a) To
//     …". The report opens with the sentence that names the body and its
//     past tense, right after the symbol or after the sentences that tell
//     what led to it;
//   - a paragraph that opens with "To" and an operative verb after the
//     title, as the Montreal Protocol's handbook prints a decision:
//     "Decision Ex.IV/2: Review of the Panel To request the Panel to …".
func reportStart(l string) int {
	m := decisionHeading(l)
	if m == nil {
		return -1
	}
	title := m[4] + m[5]
	at := len(l) - len(title)
	if title == "" {
		return -1
	}
	if !mayReport(title) {
		return infinitiveStart(title, at)
	}
	v := reportedRE.FindStringIndex(title)
	if v == nil || toldOf(title[:v[0]]) || inDecMatch(title) != nil {
		return infinitiveStart(title, at)
	}
	// the sentence of the report: after the last full stop before it
	for i := v[0] - 1; i > 0; i-- {
		if title[i] == ' ' && title[i-1] == '.' && sentenceWord(title[strings.LastIndexByte(title[:i-1], ' ')+1:i-1]) {
			return at + i + 1
		}
	}
	// "Decision B.4/2: Accreditation The Board decided …": a title
	// stands before a report that opens with the body's name
	if v[0] > 0 && strings.HasPrefix(title[v[0]+1:], "The ") {
		return at + v[0] + 1
	}
	return at
}

// narrativeStart returns where the sentences that tell what led to a
// body's report open after the decision's heading, when the report at r
// follows them: "Decision B.9/4 The secretariat presented document
// AFB/B.9/3. The Board decided …" sets the narrative apart from the
// heading, as a board's minutes print it below the symbol; or -1. The
// narrative opens with "The", a sentence, not a title.
func narrativeStart(l string, r int) int {
	m := decisionHeading(l)
	if m == nil {
		return -1
	}
	at := len(l) - len(m[4]+m[5])
	if r <= at+1 || r < 2 || l[r-2] != '.' || !strings.HasPrefix(l[at:], "The ") {
		return -1
	}
	return at
}

// infinitiveStart returns at plus where in title, the text after a
// decision's symbol, a paragraph opens with "To" and an operative verb
// in lower case right after the title's last word ("… of the Panel To
// request …"), or -1. A title in title case ("… Assistance To Support
// …") opens none, nor does a text where recitals come first (recitalRun
// reads those).
func infinitiveStart(title string, at int) int {
	for off := 0; ; {
		k := strings.Index(title[off:], " To ")
		if k < 0 {
			return -1
		}
		k += off + 1
		if k >= 2 && isLetter(title[k-2]) && k+3 < len(title) && title[k+3] >= 'a' && title[k+3] <= 'z' && opensOperative(title[k:]) {
			if firstOpener(title[:k]) > 0 {
				return -1
			}
			return at + k
		}
		off = k + 3
	}
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// directedLabels are the labels CITES and CMS pages print above a
// decision's paragraph, naming whom it is directed to.
var directedLabels = []string{"Decision directed to", "Directed to "}

// directedRun cuts a line that runs together decisions numbered the way
// CITES and CMS number them ("13.1", "19.30 & 19.31"), each under the
// label that names whom it is directed to and told as what its addressee
// shall do: "19.30 & 19.31 Trade report Decision directed to: The
// Secretariat shall: a) … b) … Decision directed to: Standing Committee
// The Standing Committee shall …". It cuts before each label and after
// one that ends on a colon, before each decision's number, before the
// subject of a request that follows a label's value without punctuation
// ("… Committees The Standing Committee shall"), and at items lettered in
// sequence after a colon. A line that opens with no such number and
// holds no label, or tells no one what they shall do, is left whole
// (nil).
func directedRun(l string) []string {
	label := strings.Contains(l, "irected to")
	if !label && !dottedStart(l) && !(mayOpenDR(l) && opensDecisionWord(l) && dottedHeadAfterWord(l) != nil) {
		return nil
	}
	if indexSpaced(l, "shall", 0) < 0 && indexSpaced(l, "should", 0) < 0 && !passiveScan.match(l) {
		return nil
	}
	var cuts []int
	for _, lb := range directedLabels {
		for off := 0; ; {
			k := strings.Index(l[off:], lb)
			if k < 0 {
				break
			}
			k += off
			off = k + len(lb)
			if k > 0 && l[k-1] == ' ' {
				cuts = append(cuts, k)
			}
			if strings.HasPrefix(l[off:], ": ") {
				cuts = append(cuts, off+2) // "Decision directed to:" on a line of its own
			}
		}
	}
	for i := 1; i < len(l); i++ {
		if l[i-1] != ' ' {
			continue
		}
		// a decision's number before its paragraph: "… 13.2 Parties are …",
		// not one a word cites ("Decision 13.1 (a)") nor one before a label
		if l[i] >= '0' && l[i] <= '9' && dottedStart(l[i:]) {
			j := i + strings.IndexByte(l[i:], '.') + 1
			j += leading(l[j:], isDigit)
			w := l[strings.LastIndexByte(l[:i-1], ' ')+1 : i-1]
			if j+1 < len(l) && l[j] == ' ' && l[j+1] >= 'A' && l[j+1] <= 'Z' && !startsDirected(l[j+1:]) && !citingWord[strings.ToLower(w)] {
				cuts = append(cuts, i)
				if requestClause(l[j+1:]) {
					cuts = append(cuts, j+1)
				}
			}
		}
		// the subject of a request after a label's value: "… Plants
		// Committees The Standing Committee shall review …"
		if strings.HasPrefix(l[i:], "The ") && i >= 2 && l[i-2] >= 'a' && l[i-2] <= 'z' && requestClause(l[i:]) {
			cuts = append(cuts, i)
		}
	}
	if dottedStart(l) {
		// the line's own number, as a page prints it, above its paragraph
		if j := strings.IndexByte(l, ' '); j > 0 && l[j-1] >= '0' && l[j-1] <= '9' && requestClause(l[j+1:]) {
			cuts = append(cuts, j+1)
		}
	}
	if len(cuts) == 0 && !dottedStart(l) {
		return nil
	}
	sortInts(cuts)
	// items lettered in sequence, the first after a colon; a cut of the
	// run above starts their count anew
	letter, next := 0, 0
	var items []int
	for _, m := range oneLineCuts(l) {
		if m[4] < 0 {
			continue
		}
		for next < len(cuts) && cuts[next] <= m[0] {
			letter, next = 0, next+1
		}
		v := letterValue(l[m[4]:m[5]])
		if v == letter+1 && (v > 1 || clauseBefore(l[:m[0]])) {
			letter = v
			items = append(items, m[0]+1)
		}
	}
	if len(cuts)+len(items) == 0 {
		return nil
	}
	cuts = append(cuts, items...)
	sortInts(cuts)
	var out []string
	last := 0
	for _, c := range cuts {
		if s := strings.TrimSpace(l[last:c]); s != "" && c > last {
			out = append(out, s)
			last = c
		}
	}
	return append(out, strings.TrimSpace(l[last:]))
}

// citingWord holds the words after which a dotted number is cited, not
// a decision's own: "Decision 13.1 (a)", "Decisions 13.1 to 13.3".
var citingWord = map[string]bool{"decision": true, "decisions": true, "resolution": true, "resolutions": true, "to": true, "and": true, "&": true, "-": true, "paragraph": true, "article": true}

// startsDirected reports whether t opens with one of directedLabels.
func startsDirected(t string) bool {
	for _, lb := range directedLabels {
		if strings.HasPrefix(t, lb) {
			return true
		}
	}
	return false
}

// requestClause reports whether t opens, with a capital, a sentence
// that tells its subject what it shall or should do, up to its first
// colon, semicolon or full stop: "The Secretariat, subject to the
// availability of resources, is requested to:", "By its next meeting,
// the Council should:".
func requestClause(t string) bool {
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	if k := strings.IndexAny(t, ";:."); k >= 0 {
		t = t[:k]
	}
	return strings.Contains(t, " should") || passiveScan.match(t)
}

// opensReport reports whether sentence t opens with a body's report of
// its decision: "The Committee selected …", "The SC agreed …".
func opensReport(t string) bool {
	if !strings.HasPrefix(t, "The ") {
		return false
	}
	t = t[:cutAt(t, maxFormulaWindow)]
	if !mayReport(t) {
		return false
	}
	m := reportedRE.FindStringIndex(t)
	return m != nil && m[0] == 0
}

// maxFormulaWindow bounds where a reported decision's verb stands after
// the body's name, its qualifiers and a note taken: reportedRE allows a
// few words for each.
const maxFormulaWindow = 200

// quotedText returns where a quotation that a colon introduces opens in
// l after from, or -1: the text an amendment inserts or replaces, which a
// page sets apart ("… to include the following sentence: "The offices
// of …"").
func quotedText(l string, from int) int {
	for i := from; ; {
		k := strings.Index(l[i:], ": ")
		if k < 0 {
			return -1
		}
		at := i + k + 2
		if strings.HasPrefix(l[at:], "\"") || strings.HasPrefix(l[at:], "“") {
			return at
		}
		i = at
	}
}

// capsFormula returns where a formula in capitals opens after the
// clause a recital ends ("…; THE CONFERENCE OF THE PARTIES …"), or -1.
func capsFormula(l string) int {
	for i := 0; ; {
		k := strings.Index(l[i:], "THE ")
		if k < 0 {
			return -1
		}
		k += i
		if k >= 2 && l[k-1] == ' ' && strings.IndexByte(";.:", l[k-2]) >= 0 && formulaUpperRE.MatchString(l[k:]) {
			return k
		}
		// or after a title in capitals, the formula on a colon: "…
		// RESOLUTION ON SMALL STOCKS THE COMMISSION: AGREES …"
		if k >= 2 && l[k-1] == ' ' && capsWord(l[strings.LastIndexByte(l[:k-1], ' ')+1:k-1]) {
			if m := formulaUpperRE.FindStringIndex(l[k:]); m != nil && strings.HasPrefix(l[k+m[1]:], ": ") && !strings.Contains(l[k+4:k+m[1]], "THE ") {
				return k
			}
		}
		i = k + 4
	}
}

// capsClause cuts a line without a formula around the one operative
// clause in capitals it holds, as a database record runs its fields
// together: "… Long Title Resolution 2031 Body STRONGLY URGES all
// governments to …; Status Adopted …" gives the fields before it, the
// clause to its end and the fields after it. A clause in capitals starts
// a paragraph after a field's label, a word that ends no clause, since a
// sentence does not go on in capitals (capsOpener). It returns nil when
// the line holds no such clause (loneOperative).
func capsClause(l string) []string {
	for at := 1; at < len(l); at++ {
		// after a field's label, a word that ends no clause ("Body"),
		// not a number or a recital; a modifier in capitals opens the
		// clause: "STRONGLY URGES"
		if !isUpper(l[at]) || l[at-1] != ' ' || !capsOpener(l[at:]) {
			continue
		}
		prev := l[strings.LastIndexByte(l[:at-1], ' ')+1 : at-1]
		if prev != "" && isLetter(prev[len(prev)-1]) && !capsWord(prev) && loneOperative(l[at:]) {
			end := len(l)
			if k := strings.IndexAny(l[at:], ";."); k >= 0 {
				end = at + k + 1
			}
			var out []string
			for _, p := range []string{l[:at], l[at:end], l[end:]} {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return nil
}

// capsLead returns where the first operative verb in capitals opens
// after a semicolon in a line without a formula whose recitals in
// capitals each open after one ("… Article XV NOTING …; RECOGNIZING …;
// ESTABLISHES the following …"), as a body that prints no formula
// sets them; or -1. The verb stands for the formula: the recitals
// before it, the items after it.
func capsLead(l string) int {
	recital := false
	for i := strings.Index(l, "; "); i >= 0; {
		at := i + 2
		rest := strings.TrimPrefix(l[at:], "and ")
		switch {
		case capsOpener(rest) && opensOperative(rest):
			if recital {
				return len(l) - len(rest)
			}
			return -1
		case capsRecital(rest):
			recital = true
		}
		k := strings.Index(l[at:], "; ")
		if k < 0 {
			break
		}
		i = at + k
	}
	return -1
}

// capsVerb returns where the operative verb in capitals opens that a
// formula in capitals at f runs into, within the words in capitals that
// follow it, or -1.
func capsVerb(l string, f int) int {
	if f < 0 || !strings.HasPrefix(l[f:], "THE ") {
		return -1
	}
	for p := f; p < len(l) && p < f+maxUpperFormula; {
		sp := strings.IndexByte(l[p:], ' ')
		if sp < 0 {
			return -1
		}
		p += sp + 1
		if w := leadingWord(l[p:]); w == "" || strings.ToUpper(w) != w {
			return -1 // the words in capitals end
		}
		if opensOperative(l[p:]) {
			return p
		}
	}
	return -1
}

// numberedStart returns where the numbered paragraphs of a line without
// a formula open, its formula being one the grammar does not know ("The
// Subsidiary Body on Scientific, Technical and Technological Advice
// 1.Welcomes …"): at a paragraph 1 followed by a paragraph 2, each
// opening with an operative verb. It returns -1 when there is no such
// run.
func numberedStart(l string) int {
	if !strings.Contains(l, "1.") {
		return -1 // no paragraph 1: most lines
	}
	first := -1
	for _, m := range numberCuts(l) {
		if !opensOperative(strings.TrimSpace(l[m[2]+1:])) {
			continue
		}
		switch l[m[1]:m[2]] {
		case "1":
			if first < 0 {
				first = m[0] // the space before it, where oneLineCutRE finds it
			}
		case "2":
			if first >= 0 {
				return first
			}
		}
	}
	return -1
}

// numberCuts returns the matches of oneLineCutRE in l that a paragraph
// number opens, each as the offsets of the space before it and of its
// digits' start and end. A scan of bytes stands for the expression
// (TestNumberCutsQuick), which over a whole page on one line was most of
// a parse: a number's match ends on the letter after it, so no match of
// an item's letter can take the space before a number.
func numberCuts(l string) [][3]int {
	var out [][3]int
	for i := 0; i+1 < len(l); i++ {
		if !isRESpace(l[i]) {
			continue
		}
		if d, k, end := numberCutAt(l, i); end > 0 {
			out = append(out, [3]int{i, d, k})
			i = end - 1
		}
	}
	return out
}

// oneLineCuts is oneLineCutRE.FindAllStringSubmatchIndex(l, -1), each
// match as its bounds, its number's and its letters' (-1 when it has
// none). A scan of bytes stands for the expression (TestOneLineCutsQuick),
// which cutOneLine ran over every long line with a formula: a match opens
// at a space before a number's digits, a quotation mark or an item's
// letters, which the scan reads by hand.
func oneLineCuts(l string) [][6]int {
	var out [][6]int
	for i := 0; i+1 < len(l); i++ {
		if !isRESpace(l[i]) {
			continue
		}
		m := [6]int{i, 0, -1, -1, -1, -1}
		if d, k, end := numberCutAt(l, i); end > 0 {
			m[1], m[2], m[3] = end, d, k
		} else if d, k, end := letterCutAt(l, i); end > 0 {
			m[1], m[4], m[5] = end, d, k
		} else {
			continue
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

// numberCutAt reads the match of oneLineCutRE's paragraph number that the
// space at l[i] opens: the number's digits' start and end and where the
// match ends, on the letter or quotation mark after the full stop; end is
// 0 when there is none.
func numberCutAt(l string, i int) (d, k, end int) {
	d = i + 1
	if strings.HasPrefix(l[d:], "“") {
		d += len("“")
	}
	k = d
	for k < len(l) && k-d < 3 && isDigit(l[k]) {
		k++
	}
	if k == d || k >= len(l) || l[k] != '.' {
		return 0, 0, 0
	}
	return d, k, clauseLetterEnd(l, k+1)
}

// letterCutAt reads the match of oneLineCutRE's item letters that the
// space at l[i] opens ("(a) ", "ii)"): the letters' start and end and
// where the match ends; end is 0 when there is none.
func letterCutAt(l string, i int) (d, k, end int) {
	d = i + 1
	if l[d] == '(' {
		d++
	}
	k = d
	for k < len(l) && k-d < 4 && isLowerASCII(l[k]) {
		k++
	}
	if k == d || k >= len(l) || l[k] != ')' {
		return 0, 0, 0
	}
	return d, k, clauseLetterEnd(l, k+1)
}

// clauseLetterEnd returns where oneLineCutRE's match ends when its
// marker ends at l[i]: after the spaces there, past the letter or
// quotation mark the clause opens with, or 0 when none follows.
func clauseLetterEnd(l string, i int) int {
	rest := strings.TrimLeft(l[i:], " \t\n\f\r")
	r, size := utf8.DecodeRuneInString(rest)
	if unicode.IsLetter(r) || r == '“' || r == '"' {
		return len(l) - len(rest) + size
	}
	return 0
}

// numberedRecitalsStart returns where the numbered paragraphs of a line
// without a formula open when they number its recitals too, as the World
// Heritage Committee does ("1. Having examined …, 2. Recalling …, 3.
// Takes note …"): at a paragraph 1 that opens a recital, when the numbers
// go on in sequence, through recitals, to one that opens with an
// operative verb. It returns -1 when there is no such run. Like
// numberedStart it scans for the numbers' bytes, not with oneLineCutRE.
func numberedRecitalsStart(l string) int {
	first := -1
	for i := 0; first < 0; {
		k := indexSpaced(l, "1.", i)
		if k < 0 {
			return -1
		}
		i = k + len(" 1.")
		if _, ok := opensRecital(strings.TrimSpace(l[i:])); ok && !opensOperative(strings.TrimSpace(l[i:])) {
			first = i - len(" 1.")
		}
	}
	for next, i := 2, first+len(" 1."); ; {
		num := strconv.Itoa(next) + "."
		k := indexSpaced(l, num, i)
		if k < 0 {
			return -1
		}
		i = k + 1 + len(num)
		rest := strings.TrimSpace(l[i:])
		if opensOperative(rest) {
			return first
		}
		if _, ok := opensRecital(rest); ok {
			next++
		}
	}
}

// extractStart returns where the first numbered paragraph of an extract
// opens, its number any, after recitals and the mark of text left out
// ("… Recalling that …, […] 4. Requests the secretariat to: …"), as a
// page quoting a decision's relevant paragraphs prints them; or -1. A
// recital's opener must stand before it, after the heading. Without the
// mark, a paragraph numbered past 1 is one of a run the line cut short.
func extractStart(l string) int {
	if !strings.Contains(l, "[...]") && !strings.Contains(l, "[…]") {
		return -1 // most lines: no expression to run
	}
	for _, m := range oneLineCuts(l) {
		if m[2] < 0 || !opensOperative(strings.TrimSpace(l[m[3]+1:])) {
			continue
		}
		before := strings.TrimSpace(l[:m[0]])
		elided := false
		for _, e := range []string{"[...]", "[…]"} {
			if strings.HasSuffix(before, e) {
				before, elided = strings.TrimSpace(strings.TrimSuffix(before, e)), true
			}
		}
		if elided && endsClause(before) && firstOpener(before) > 0 {
			return m[0] + 1
		}
		return -1
	}
	return -1
}

// minBulletRun is the fewest bullets before operative verbs that cut a
// line without a formula: one dash before a capitalized verb may stand in
// a title ("Trade - Measures …"); two that each open a paragraph are a
// list.
const minBulletRun = 2

// bulletRun cuts a line without a formula whose operative paragraphs
// each stand behind a bullet, as a record lists them: "Resolution 2031-4
// • Decides to …. • Requests the Secretariat to …". The text before the
// first bullet stays whole, a blank line after it when it is a heading. A line with fewer than minBulletRun such
// bullets is left as it is (nil).
func bulletRun(l string) []string {
	var cuts []int
	// a bullet opens with one of two bytes, which most lines hold
	// nowhere: the scan goes from one to the next, not word by word
	for p := 1; p < len(l); p++ {
		if p = indexEither(l[p:], bulletBytes[0], bulletBytes[1], p); p < 0 {
			break
		}
		if n := bulletLen(l[p:]); l[p-1] == ' ' && n > 0 && opensOperative(l[p+n:]) {
			cuts = append(cuts, p)
		}
	}
	if len(cuts) < minBulletRun {
		return nil
	}
	out := piecesAt(l, cuts)
	if decisionSignal(out[0]) {
		// a heading apart, as a page sets it
		return append([]string{out[0], ""}, out[1:]...)
	}
	return out
}

// bulletVerb reports whether t, the text behind a bullet, opens with an
// operative verb in the third person in lower case, as a bullet, like a
// number, lets it: "The Meeting • adopts the guidance …".
func bulletVerb(t string) bool {
	if t == "" || t[0] < 'a' || t[0] > 'z' || strings.HasPrefix(t, "to ") {
		return false
	}
	_, ok := phraseAt(t, phraseOptions{numbered: true}, false)
	return ok
}

// maxSymbolWords bounds the words of a heading that names a decision by
// its symbol alone: "28 COM 14B.3", "ICNP 2 Recommendation 2/8",
// "Decision 13/COP.15" take three or four.
const maxSymbolWords = 6

// symbolPrefix returns where the text after a decision's heading opens in
// head, the text before the formula of a line, when head is no heading as
// a whole but its first words are, as when a page sets the symbol apart
// from its title or from the fields that follow it: "28 COM 14B.3 Format
// of the recommendations" (the symbol and then its title), "13/COP.15
// Themes Tags", "Recommendation 2/8 2/8. Other matters"; what follows the
// symbol opens with a capital or a digit ("Resolution 9-2 on small
// stocks" is one heading). It returns -1 when head is a
// heading or opens with none.
func symbolPrefix(head string) int {
	head = strings.TrimRight(head, " ")
	if head == "" || decisionSignal(head) {
		return -1
	}
	for i, words := strings.IndexByte(head, ' '), 1; i > 0 && words <= maxSymbolWords; words++ {
		if c := head[i+1]; (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') && decisionSignal(head[:i]) {
			return i + 1
		}
		k := strings.IndexByte(head[i+1:], ' ')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return -1
}

// noteMarkerLen returns the length of the footnote marker t opens with,
// digits with or without a slash before them ("12", "/12"), or 0.
func noteMarkerLen(t string) int {
	i := 0
	if strings.HasPrefix(t, "/") {
		i++
	}
	n := leading(t[i:], isDigit)
	if n == 0 || n > 3 {
		return 0
	}
	return i + n
}

// listBullets returns where the entries of a list open that a paragraph
// sets out after its colon, each behind a round bullet: "… the following
// properties: • Old Town of Lijiang (China) • Taj Mahal (India) 4.
// Encourages …". The first bullet follows the colon; the ones after it
// are the list's, whatever ends the entry before them (a name ends no
// clause). Only round bullets list so: a dash also joins words in a
// sentence.
func listBullets(l string, from int) []int {
	var cuts []int
	open := false
	for i := from; ; {
		k := strings.Index(l[i:], " • ")
		if k < 0 {
			return cuts
		}
		i += k
		open = open || clauseBefore(l[:i])
		if open {
			cuts = append(cuts, i+1)
		}
		i += len(" • ")
	}
}

// bulletLen returns the length of the bullet that opens t and the space
// after it ("- ", "• ", "– "), or of a dash glued to the capitalized word
// it leads ("-Recommends"), or 0. A hyphen glued to a word in lower case
// or a digit ("-based", "-3") is no bullet.
func bulletLen(t string) int {
	if t == "" || !bulletFirst[t[0]] {
		return 0
	}
	for _, b := range bulletMarks {
		if !strings.HasPrefix(t, b) {
			continue
		}
		n := len(b)
		switch {
		case n < len(t) && t[n] == ' ':
			return n + 1
		case n+1 < len(t) && t[n] >= 'A' && t[n] <= 'Z' && t[n+1] >= 'a' && t[n+1] <= 'z':
			return n
		}
	}
	return 0
}

// bulletMarks are the marks bulletLen reads, and bulletFirst their first
// bytes: bulletRun asks at every space of a line, and most words open
// with none.
var (
	bulletMarks = []string{"-", "•", "–", "—", "▪", "●"}
	bulletFirst = func() (first [256]bool) {
		for _, b := range bulletMarks {
			first[b[0]] = true
		}
		return first
	}()
)

// bulletBytes are the two bytes of bulletFirst, a hyphen and the lead
// byte of the other marks, which bulletRun searches for.
var bulletBytes = func() (two [2]byte) {
	n := 0
	for c, ok := range bulletFirst {
		if ok {
			if n == len(two) {
				panic("bulletBytes: bullets open with more than two bytes")
			}
			two[n] = byte(c)
			n++
		}
	}
	return two
}()

// capsRecital reports whether t opens with a recital's opener in
// capitals ("RECOGNISING the need …"), or with words in capitals the
// grammar does not know as an opener that a word in lower case follows
// ("IN AN ATTEMPT to identify …"): a bullet before it opens a recital
// even where no comma or semicolon ends the one before, since a sentence
// does not go on in capitals.
func capsRecital(t string) bool {
	if opensOperative(t) {
		return false
	}
	w := leadingWord(t)
	if _, ok := opensRecital(t); ok && len(w) >= 2 && strings.ToUpper(w) == w {
		return true
	}
	words := strings.Fields(t[:min(len(t), maxCapsOpener)])
	caps := 0
	for _, w := range words {
		switch {
		case capsWord(w):
			caps++
		case caps >= minCapsOpener && w[0] >= 'a' && w[0] <= 'z':
			return true
		default:
			return false
		}
	}
	return false
}

// minCapsOpener is the fewest words in capitals that open a clause the
// grammar does not know: one may be an acronym ("- IWC members …"), two
// or more before a word in lower case are a clause's opener set in
// capitals ("IN AN ATTEMPT to …").
const minCapsOpener = 2

// maxCapsOpener bounds the text capsRecital reads for an opener in
// capitals: a few words, a recital's opener being short.
const maxCapsOpener = 40

// clauseBefore reports whether s, what precedes a bullet, ends a clause
// that items may follow: a colon or a semicolon, with "and" or "or"
// after it or not ("…; and - to request …").
func clauseBefore(s string) bool {
	s = strings.TrimRight(s, " ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, " and"), " or")
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";")
}

// titledChapeau reports whether paragraph p goes on after the colon
// that ends its chapeau: "… use the following format: Format for …".
func titledChapeau(p string) bool {
	c := strings.IndexByte(p, ':')
	return c >= 0 && strings.TrimSpace(p[c+1:]) != ""
}

// itemAfterNumber reads an item's letter right after the full stop of a
// number at l[i-1] ("5. e) Facilitating"): the letter, the space before
// it and the letter's end, as oneLineCutRE would have found them.
func itemAfterNumber(l string, i int) (w string, sp, we int, ok bool) {
	if i+3 >= len(l) || l[i] != ' ' {
		return "", 0, 0, false
	}
	j := i + 1
	if l[j] == '(' {
		j++
	}
	k := j
	for k < len(l) && k-j < 4 && l[k] >= 'a' && l[k] <= 'z' {
		k++
	}
	if k == j || k+1 >= len(l) || l[k] != ')' || l[k+1] != ' ' {
		return "", 0, 0, false
	}
	return l[j:k], i, k, true
}

// lostFirstItem reports whether the item letter w, under a numbered
// paragraph with no item yet, opens a list whose first items the source
// lost (": b) The handling …; c) The length …"): the chapeau's colon
// stands before it, and the next letter follows after a semicolon.
func lostFirstItem(w, before, after string) bool {
	if len(w) != 1 || w[0] == 'a' || w[0] == 'z' || !strings.HasSuffix(strings.TrimRight(before, " "), ":") {
		return false
	}
	next := string(w[0]+1) + ") "
	return strings.Contains(after, "; "+next) || strings.Contains(after, "; ("+next)
}

// letterValue is the rank of an item letter ("a" 1, "z" 26, "aa" 27), or 0.
func letterValue(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0
		}
	}
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return 0
	}
	return (len(s)-1)*26 + int(s[0]-'a') + 1
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// minRecitalRun is the fewest recitals recitalRun needs to cut a line
// without a formula: a sentence may go on after a comma with a capitalized
// participle once ("…, Taking into account …" in a title), hardly three
// times.
const minRecitalRun = 3

// firstOpener returns where the first recital opens in s, the text
// before the second: at the first capitalized opener after a space, or
// -1.
func firstOpener(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i-1] == ' ' && s[i] >= 'A' && s[i] <= 'Z' {
			if _, ok := opensRecital(s[i:]); ok && !inCapsTitle(s[i:]) {
				return i
			}
		}
	}
	return -1
}

// inCapsTitle reports whether t, which opens with a recital's opener,
// opens it in capitals inside a title in capitals: two more words in
// capitals follow it ("KILLING METHODS AND WELFARE"), where an opener
// in capitals takes one at most ("RECALLING ALSO that").
func inCapsTitle(t string) bool {
	f := strings.Fields(t[:min(len(t), maxCapsOpener)])
	return len(f) >= 3 && capsWord(f[0]) && capsWord(f[1]) && capsWord(f[2])
}

// nextCommaOrSemicolon returns the index of the first "," or ";" of l
// at or after i, or -1.
func nextCommaOrSemicolon(l string, i int) int {
	if i >= len(l) {
		return -1
	}
	return indexEither(l[i:], ',', ';', i)
}

// indexEither returns off plus the index in s of its first a or b, or
// -1: two quick searches, the second only as far as the first found.
func indexEither(s string, a, b byte, off int) int {
	k := strings.IndexByte(s, a)
	if k >= 0 {
		s = s[:k]
	}
	if j := strings.IndexByte(s, b); j >= 0 {
		return off + j
	}
	if k < 0 {
		return -1
	}
	return off + k
}

// recitalRun cuts a line that holds a preamble without its formula, as a
// page quoting a resolution from its second page prints it: recitals run
// together, each opening after a comma or semicolon with a capitalized
// opener ("…, Taking note of …, Recognizing …,"). The text before the
// first recital (a title, a running header) is cut off at the first
// opener. A line with fewer than minRecitalRun recitals is left as it is.
// Without byOpener only recitals numbered in sequence cut the line
// (numberedRecitals).
func recitalRun(l string, byOpener bool) []string {
	var cuts []int
	for i := nextCommaOrSemicolon(l, 0); byOpener && i >= 0 && i+2 < len(l); i = nextCommaOrSemicolon(l, i+1) {
		if l[i+1] == ' ' && l[i+2] >= 'A' && l[i+2] <= 'Z' {
			if _, ok := opensRecital(l[i+2:]); ok && !opensOperative(l[i+2:]) {
				cuts = append(cuts, i+2)
			}
		}
		// the paragraph after the last recital, behind a bullet: "…, - To
		// request the Secretariat …"
		if n := bulletLen(l[i+2:]); l[i+1] == ' ' && n > 0 && opensOperative(l[i+2+n:]) {
			cuts = append(cuts, i+2)
		}
	}
	numbered := false
	if len(cuts) < minRecitalRun {
		cuts, numbered = numberedRecitals(l), true
	}
	if len(cuts) < minRecitalRun {
		return nil
	}
	// Numbered recitals open at their numbers: the text before "1." is
	// the heading, whole, though a word of it looks like an opener ("…
	// of the Contracting Parties Brisbane …").
	if i := firstOpener(l[:cuts[0]]); i > 0 && !numbered {
		cuts = append([]int{i}, cuts...)
	}
	var out []string
	last := 0
	for _, c := range cuts {
		if s := strings.TrimSpace(l[last:c]); s != "" {
			out = append(out, s)
		}
		last = c
	}
	return append(out, strings.TrimSpace(l[last:]))
}

// numberedRecitalRE finds a recital's number where a line may run
// numbered recitals together: "Preamble 1. RECALLING …; 2. BEARING IN
// MIND …".
var numberedRecitalRE = regexp.MustCompile(`[\s;,](\d{1,2})\.\s+\p{Lu}`)

// numberedRecitals returns where the numbered recitals of line l open,
// numbered from 1 in sequence, each opening like a recital and each after
// the first after a clause's end, and the operative paragraphs that go on
// in the same sequence after them ("…; 6. FURTHER NOTING …; 7. URGES
// …"), as a body that numbers its preamble with its paragraphs prints
// them; nil when there is no such run.
func numberedRecitals(l string) []int {
	// the run opens at "1. ": most lines have none, and the expression,
	// not anchored, need not scan them
	first := strings.Index(l, "1. ")
	if first < 1 || !recitalOne(l, first) {
		return nil
	}
	return numberedRecitalRun(l, first-1)
}

// numberedRecitalRun is numberedRecitals of l from offset first on, where
// numberedRecitalRE may first match.
func numberedRecitalRun(l string, first int) []int {
	var cuts []int
	for _, m := range numberedRecitalRE.FindAllStringSubmatchIndex(l[first:], -1) {
		m := []int{m[0] + first, m[1] + first, m[2] + first, m[3] + first}
		n, _ := strconv.Atoi(l[m[2]:m[3]])
		at := m[2]
		rest := strings.TrimSpace(l[m[3]+1:])
		_, recital := opensRecital(rest)
		operative := opensOperative(rest)
		if n != len(cuts)+1 || !(recital && !operative || n > 1 && operative) {
			continue
		}
		if n > 1 && !endsClause(l[:m[0]+1]) {
			continue
		}
		cuts = append(cuts, at)
	}
	return cuts
}

// recitalOne reports whether l holds, from offset from on, a number 1
// ("1.", "01.") that numberedRecitalRE matches and a recital opens, as
// the run of numberedRecitals must begin: most lines that hold a "1. "
// have none, and the expression need not run over them.
func recitalOne(l string, from int) bool {
	sep := func(c byte) bool { return isRESpace(c) || c == ';' || c == ',' }
	for i := from; ; {
		k := strings.Index(l[i:], "1.")
		if k < 0 {
			return false
		}
		i += k
		if i >= 1 && (sep(l[i-1]) || l[i-1] == '0' && i >= 2 && sep(l[i-2])) {
			rest := l[i+len("1."):]
			t := strings.TrimLeft(rest, " \t\n\f\r")
			r, _ := utf8.DecodeRuneInString(t)
			if len(t) < len(rest) && unicode.IsUpper(r) {
				if _, ok := opensRecital(t); ok && !opensOperative(t) {
					return true
				}
			}
		}
		i++
	}
}

// sentenceWord reports whether a full stop after word w can end a
// sentence: w is a word of three letters or more, none of the
// abbreviations.
func sentenceWord(w string) bool {
	return len(w) >= 3 && !strings.Contains(w, ".") && !abbreviations[strings.ToLower(w)]
}
