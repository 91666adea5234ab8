package parse

import (
	"iter"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of normalized text.
type line struct {
	n     int    // index in the normalized text, for ordering
	text  string // trimmed, spaces folded
	blank bool
	page  bool // a page break (form feed) came before it
	gap   bool // footnotes or furniture were taken out just before it
}

// cleanRunes removes what a reader cannot see (byte-order marks,
// zero-width and directional marks, soft hyphens), makes no-break and other
// wide spaces and tabs plain spaces, and line endings "\n": a run of
// "\r" before "\n" is one line end, and so is a line or paragraph
// separator.
func cleanRunes(s string) string {
	var b strings.Builder
	start := 0 // s[start:i] is clean and not yet written
	flush := func(i int, with string) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[start:i])
		b.WriteString(with)
	}
	for i := 0; i < len(s); {
		i = nextSpecial(s, i)
		if i == len(s) {
			break
		}
		c := s[i]
		switch {
		case c == '\t' || c == '\v':
			flush(i, " ")
			i++
			start = i
			continue
		case c == '\r':
			// "\r\n" and "\r\r\n" (Windows line ends converted twice) end
			// one line, as "\n" does; a "\r" alone ends a line too
			j := i + 1
			for j < len(s) && s[j] == '\r' {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				flush(i, "")
				i = j
			} else {
				flush(i, "\n")
				i++
			}
			start = i
			continue
		case c < 0x80:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\ufeff', '\u200b', '\u200c', '\u200d', '\u2060', '\u200e', '\u200f',
			'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u00ad',
			'\u2066', '\u2067', '\u2068', '\u2069': // and the isolates of bidirectional text
			flush(i, "")
			start = i + n
		case '\u00a0', '\u202f', '\u2007', '\u2009', '\u2002', '\u2003',
			'\u2004', '\u2005', '\u2006', '\u2008', '\u200a', '\u205f', '\u3000':
			flush(i, " ")
			start = i + n
		case '\u2028', '\u2029', '\u0085':
			// the line and paragraph separators and the next-line mark
			// that a copy from a word processor or a web page carries
			flush(i, "\n")
			start = i + n
		case '\u2010', '\u2011':
			// the hyphen and the no-break hyphen of word processors:
			// "B.02‐12/07", "decision‑making" read as with "-"
			flush(i, "-")
			start = i + n
		}
		i += n
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// emphasis matches markdown emphasis around a phrase on one line:
// "*Also welcomes*", "**Note by the secretariat**", "_Decides_".
var emphasis = regexp.MustCompile(`(^|[\s(“"'])(\*{1,3}|_{1,2})([^\s*_][^*_\n]*?[^\s*_]|[^\s*_])(\*{1,3}|_{1,2})`)

// opensEmphasis reports whether l has a mark that can open emphasis as
// emphasis reads it: a run of one to three "*" or one or two "_" after
// the start of the line, a space, a bracket or a quote, and before a
// character that is none of these. Rules and blanks to fill ("_____",
// "* * *") have none, and are not handed to the expression.
func opensEmphasis(l string) bool {
	for i := strings.IndexAny(l, "*_"); i >= 0; {
		c := l[i]
		k := i
		for k < len(l) && l[k] == c {
			k++
		}
		run := k - i
		if (c == '*' && run <= 3 || c == '_' && run <= 2) && k < len(l) && strings.IndexByte("\t\n\f\r *_", l[k]) < 0 {
			if i == 0 {
				return true
			}
			if p, _ := utf8.DecodeLastRuneInString(l[:i]); strings.ContainsRune("\t\n\f\r (“\"'", p) {
				return true
			}
		}
		j := strings.IndexAny(l[k:], "*_")
		if j < 0 {
			return false
		}
		i = k + j
	}
	return false
}

// emphasisAt is emphasis anchored, for stripEmphasis.
var emphasisAt = regexp.MustCompile(`^(?:` + emphasis.String() + `)`)

// stripEmphasis is emphasis.ReplaceAllString(l, "$1$3"), with the
// expression tried only where a match can begin: at the start of l, or
// at a space, bracket or quote that a mark follows. Tried at every byte
// of a long paragraph, it costs more than the rest of Normalize; the
// places are found from the marks, which are few.
func stripEmphasis(l string) string {
	var b strings.Builder
	last := 0 // l[:last] is written or replaced
	// try replaces the match at l[p:], if there is one
	try := func(p int) bool {
		m := emphasisAt.FindStringSubmatchIndex(l[p:])
		if m == nil {
			return false
		}
		b.WriteString(l[last:p])
		b.WriteString(l[p+m[2] : p+m[3]])
		b.WriteString(l[p+m[6] : p+m[7]])
		last = p + m[1]
		return true
	}
	from := 1 // the next match begins at l[from:] or later
	if l != "" && try(0) {
		from = last
	}
	stars, lines := newFinder(l, "*"), newFinder(l, "_")
	for q := from + 1; q < len(l); q++ {
		q = min(stars.next(q), lines.next(q)) // a mark
		if q == len(l) {
			break
		}
		// the rune before the mark, if it is a space, a bracket or a quote
		p := -1
		switch {
		case strings.IndexByte("\t\n\f\r (\"'", l[q-1]) >= 0:
			p = q - 1
		case q >= len("“") && l[q-len("“"):q] == "“":
			p = q - len("“")
		}
		if p >= from && try(p) {
			from = last
			q = from // and on from the byte after it
		}
	}
	if last == 0 {
		return l
	}
	b.WriteString(l[last:])
	return b.String()
}

// A finder finds the occurrences of a string in a text one after
// another, searching each stretch of the text once.
type finder struct {
	s, sub string
	at     int // the occurrence last found, or len(s) for none; -1 before the first search
}

func newFinder(s, sub string) finder { return finder{s: s, sub: sub, at: -1} }

// next returns the index of the first occurrence at or after s[i], or
// len(s). It is asked with i that never decreases, up to len(s).
func (f *finder) next(i int) int {
	if f.at < i {
		if k := strings.Index(f.s[i:], f.sub); k >= 0 {
			f.at = i + k
		} else {
			f.at = len(f.s)
		}
	}
	return f.at
}

// gluedEmphasis matches emphasis glued to a paragraph number or an item
// letter: "1.*Decides*", "(a)*To*".
var gluedEmphasis = regexp.MustCompile(`^(\d{1,3}\.|\([a-z]{1,4}\))(\*{1,3}|_{1,2})([^\s*_][^*_\n]*?[^\s*_]|[^\s*_])(\*{1,3}|_{1,2})`)

// Normalize returns the text as accord reads it: invisible marks removed,
// no-break spaces made spaces, line endings made "\n", page breaks kept as
// form feeds on their own lines, markdown emphasis stripped, and runs of
// "**" (residue of bold headings glued together) turned into line breaks,
// a heading glued to its title by a dot cut in two (gluedTitleAt), a
// decision printed on one line cut into its lines (splitOneLine), also
// when a reader wrapped that line at a fixed width (unwrapRunIn).
func Normalize(s string) string {
	s = normalizeText(s)
	// Lines are copied only from the first that changes: a clean text is
	// returned as it came.
	var b strings.Builder
	changed := false
	start := 0 // where l begins in s
	for l, marks := range markedLines(s) {
		switch out := normalizeLine(l, marks); {
		case changed:
			b.WriteByte('\n')
			b.WriteString(out)
		case out != l:
			b.Grow(len(s))
			b.WriteString(s[:start]) // with the line end before l
			b.WriteString(out)
			changed = true
		}
		start += len(l) + 1
	}
	if !changed {
		return s
	}
	return b.String()
}

// markedLines yields the lines of s, as strings.Split(s, "\n") gives
// them, each with whether it holds a mark of emphasis, "*" or "_": the
// marks of the whole text are found once, and most lines have none.
func markedLines(s string) iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		stars, lows := newFinder(s, "*"), newFinder(s, "_")
		for start := 0; start <= len(s); {
			end := len(s)
			if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
				end = start + k
			}
			if !yield(s[start:end], min(stars.next(start), lows.next(start)) < end) {
				return
			}
			start = end + 1
		}
	}
}

// normalizeText is what Normalize does to the text whole, before it reads
// it line by line: broken UTF-8 mended, table rows written as headings
// (tableRows), invisible marks and odd spaces cleaned (cleanRunes), page
// breaks set on lines of their own, wrapped run-in text read as the line
// it was (unwrapRunIn).
func normalizeText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '\t') >= 0 || strings.HasPrefix(s, "|") || strings.Contains(s, "\n|") {
		s = tableRows(s)
	}
	s = cleanRunes(s)
	s = strings.ReplaceAll(s, "\f", "\n\f\n")
	return unwrapRunIn(s)
}

// normalizedLines is splitLines(Normalize(s)): each line is cut as
// Normalize leaves it, and the normalized text is never written out whole.
func normalizedLines(s string) []line {
	s = normalizeText(s)
	ls := lineSplitter{out: make([]line, 0, strings.Count(s, "\n")+1)}
	doubles := newFinder(s, "  ")
	start := 0 // where l begins in s
	for l, marks := range markedLines(s) {
		if out := normalizeLine(l, marks); out != l {
			ls.add(out)
		} else {
			ls.addLine(l, folded(l, start, &doubles))
		}
		start += len(l) + 1
	}
	return ls.out
}

// normalizeLine is Normalize of one line; marks reports whether it holds
// a mark of emphasis, "*" or "_".
func normalizeLine(l string, marks bool) string {
	if hasControl(l) {
		l = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\f' {
				return ' '
			}
			return r
		}, l)
	}
	if marks {
		l = stripMarks(l)
	}
	if k := gluedTitleAt(l); k > 0 {
		// "28 COM 14B.3.Format of recommendations": symbol and title
		// on lines of their own, as a page printed on paper sets them
		l = l[:k] + "\n" + l[k+1:]
	}
	if len(l) >= minOneLine {
		if parts := splitOneLine(l); parts != nil {
			l = strings.Join(parts, "\n")
		}
	}
	return strings.TrimRight(l, " ")
}

// stripMarks strips the marks of emphasis from a line that holds some,
// and makes each "**" left a line break.
func stripMarks(l string) string {
	if l != "" && (l[0] >= '0' && l[0] <= '9' || l[0] == '(') {
		l = gluedEmphasis.ReplaceAllString(l, "$1$3")
	}
	// emphasis needs two marks; a pass that changes nothing ends it
	for j := 0; j < 3 && strings.Count(l, "*")+strings.Count(l, "_") >= 2 && opensEmphasis(l); j++ {
		r := stripEmphasis(l)
		if r == l {
			break
		}
		l = r
	}
	if strings.Contains(l, "**") {
		l = strings.ReplaceAll(l, "**", "\n")
	}
	return l
}

// maxGluedSymbol bounds where the dot that glues a title to its symbol
// may stand: a keyword, a body's name and a symbol ("HELCOM
// Recommendation 28E/6", "Resolution Conf. 5.20 (Rev. CoP16)") stay
// under it, as table cells holding a symbol do (maxSymbolCell).
const maxGluedSymbol = maxSymbolCell

// gluedTitleAt returns the index of the dot a web page glues a decision's
// title to its symbol with, "28 COM 14B.3.Format of …" or "HELCOM
// Recommendation 28E/6.Adopted …", or 0. The dot follows a letter, a
// digit or a bracket and comes before a capitalized word, and what stands
// before it is a heading that names a symbol and nothing else. A full
// stop in a sentence is followed by a space; a title in capitals is not
// told from a symbol's last part ("12.COM 2.BUR 3"). Of the dots that
// qualify, the last is the title's: the ones before it are the symbol's
// own. A heading the segmenter reads with its title as it stands
// ("Decision 19.30.Title", "XII/29.Title"), or that is a symbol whole,
// is left whole.
func gluedTitleAt(l string) int {
	if l == "" || !isUpper(l[0]) && !isDigit(l[0]) {
		return 0
	}
	at := 0
	for i, end := 1, min(len(l)-1, maxGluedSymbol); i < end; i++ {
		k := strings.IndexByte(l[i:end], '.')
		if k < 0 {
			break
		}
		if i += k; !isAlnum(l[i-1]) && l[i-1] != ')' {
			continue
		}
		// a title opens with a capitalized word; a capital alone or
		// capitals go on with a symbol ("9.COM 13.F", "11.COM 2.BUR 1")
		r, n := utf8.DecodeRuneInString(l[i+1:])
		if next, _ := utf8.DecodeRuneInString(l[i+1+n:]); !unicode.IsUpper(r) || !unicode.IsLower(next) {
			continue
		}
		if symbolOnlyHeading(l[:i]) {
			at = i
		}
	}
	if at > 0 && (inlineTitle(l) || symbolOnlyHeading(l)) {
		return 0
	}
	return at
}

// tableCellSymbolRE matches a table cell that holds a decision's symbol
// and nothing else: "20/CMA.3", "IX/24", "Decision 19.30"; group 1 is
// its keyword, if any.
var tableCellSymbolRE = regexp.MustCompile(`^((?:Decision|Resolution|Recommendation|Dec\.|Res\.\s*Conf\.)\s+)?(?:` + symbolAny + symbolJoint + `)$`)

// labelCell reports whether a table cell is a paragraph's or a
// section's label ("12.", "IV."), as a text laid out in a table prints its
// numbered paragraphs: such a cell holds no symbol (tableCellSymbolRE and
// decisionSignal refuse it), and it spares them most rows.
func labelCell(c string) bool {
	n := len(c) - 1
	if n < 1 || n > maxLabelCell || c[n] != '.' {
		return false
	}
	digits, romans := 0, 0
	for i := 0; i < n; i++ {
		switch c[i] {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			digits++
		case 'I', 'V', 'X':
			romans++
		}
	}
	return digits == n || romans == n
}

// maxLabelCell bounds the labels labelCell knows: paragraph numbers of
// three digits, section numerals of five letters ("XVIII").
const maxLabelCell = 5

// maxSymbolCell bounds the first cell of a table row that can hold a
// symbol: the longest symbols with their keyword ("Res. Conf. 11.3 (Rev.
// CoP19)", joint BRS symbols) stay well under it.
const maxSymbolCell = 60

// tableRows writes each row of a table listing decisions ("SYM\tTitle\t
// Text", cells separated by tabs, as copied from a web page, or by bars,
// as a markdown table writes them) as the
// heading "SYM: Title" followed by the text on a line of its own, so that
// a decision whose symbol and title stand only in cells is found like one
// with a heading. Other lines are left as they are.
func tableRows(s string) string {
	var b strings.Builder
	last := 0 // s[last:] is not yet written
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		l := s[start:end]
		if strings.HasPrefix(l, "|") {
			// a markdown table's row: "| 5/CP.30 | Title | Text |"
			l = strings.ReplaceAll(strings.Trim(l, "| "), "|", "\t")
		}
		if row, ok := tableRow(l); ok {
			b.WriteString(s[last:start])
			b.WriteString(row)
			last = end
		}
		start = end + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// tableRow returns line l written as tableRows writes a row, and whether
// l is one.
func tableRow(l string) (string, bool) {
	t := strings.TrimLeft(l, " \t")
	tab := strings.IndexByte(t, '\t')
	if tab <= 0 || tab > maxSymbolCell || !(t[0] >= '0' && t[0] <= '9' || t[0] >= 'A' && t[0] <= 'Z') {
		return "", false
	}
	sym := strings.TrimSpace(t[:tab])
	// A symbol the keyword pattern reads heads "SYM: Title"; one that
	// heads a decision only on a line of its own ("31 COM 11A.1",
	// "Resolution Conf. 5.20", "HELCOM Recommendation 28E/6") stands
	// on its own line above the title.
	if labelCell(sym) {
		return "", false
	}
	sep := ": "
	switch m := tableCellSymbolRE.FindStringSubmatch(sym); {
	case m == nil:
		if !decisionSignal(sym) {
			return "", false
		}
		sep = "\n"
	case m[1] == "":
		// A bare symbol ("31 COM 11A.1") takes the keyword a decision
		// without one is read under, so that "SYM: Title" is a heading
		// in every house style.
		sym = "Decision " + sym
	}
	cells := strings.SplitN(strings.TrimLeft(t[tab:], "\t"), "\t", 2)
	title := strings.TrimSpace(cells[0])
	if title == "" || !startsUpper(title) {
		return "", false
	}
	row := sym + sep + title
	if len(cells) == 2 && strings.TrimSpace(cells[1]) != "" {
		row += "\n" + strings.TrimLeft(cells[1], " \t")
	}
	return row, true
}

// hasControl reports whether s holds a control byte other than a form
// feed.
func hasControl(s string) bool {
	for i := nextSpecial(s, 0); i < len(s); i = nextSpecial(s, i+1) {
		if s[i] < 0x20 && s[i] != '\f' {
			return true
		}
	}
	return false
}

// nextSpecial returns the index of the first byte of s[i:] that is a
// control byte or beyond ASCII, or len(s): the bytes that text in plain
// ASCII, most of a page, has none of. It reads eight bytes at a time.
func nextSpecial(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// a byte beyond ASCII has its high bit set; taking a space from
		// each byte sets it in one below a space, when none is beyond
		if (x|(x-0x2020202020202020))&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// isASCII reports whether s holds no byte beyond ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plainSpaced reports whether s is ASCII with no space but ' '.
func plainSpaced(s string) bool {
	for i := nextSpecial(s, 0); i < len(s); i = nextSpecial(s, i+1) {
		if c := s[i]; c >= utf8.RuneSelf || c >= '\t' && c <= '\r' {
			return false
		}
	}
	return true
}

// foldSpaces trims s and folds runs of spaces, allocating only when it
// must.
func foldSpaces(s string) string {
	if len(s) == 0 || s[0] != ' ' && s[len(s)-1] != ' ' && !strings.Contains(s, "  ") {
		return s
	}
	// spaces around words spaced singly: trimmed, no copy
	if t := strings.Trim(s, " "); !strings.Contains(t, "  ") && plainSpaced(t) {
		return t
	}
	// strings.Join(strings.Fields(s), " "), without the slice of fields
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // where the current word began
	for i := 0; i < len(s); {
		c, w := s[i], 1
		space := c == ' ' || c >= '\t' && c <= '\r' // what unicode.IsSpace says of ASCII
		if c >= utf8.RuneSelf {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case !space:
			if start < 0 {
				start = i
			}
		case start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			start = -1
		}
		i += w
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// splitLines cuts normalized text into lines, folding spaces.
func splitLines(s string) []line {
	ls := lineSplitter{out: make([]line, 0, strings.Count(s, "\n")+1)}
	ls.add(s)
	return ls.out
}

// A lineSplitter cuts normalized text into lines, folding spaces, a
// piece of text after another.
type lineSplitter struct {
	out  []line
	page bool // a page break came since the last line that is not blank
}

// add appends the lines of s, as strings.Split(s, "\n") gives them; a
// form feed alone on its line marks the next line as a page's first.
func (ls *lineSplitter) add(s string) {
	doubles := newFinder(s, "  ")
	for start := 0; start <= len(s); {
		end := len(s)
		if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
			end = start + k
		}
		ls.addLine(s[start:end], folded(s[start:end], start, &doubles))
		start = end + 1
	}
}

// folded reports whether line r, at start in the text doubles searches
// for two spaces together, has its spaces folded: none at its ends and
// no two together.
func folded(r string, start int, doubles *finder) bool {
	return r == "" || r[0] != ' ' && r[len(r)-1] != ' ' && doubles.next(start) >= start+len(r)-1
}

// addLine appends line r, whose spaces need no folding when folded is
// true.
func (ls *lineSplitter) addLine(r string, folded bool) {
	if r == "\f" {
		ls.page = true
		return
	}
	t := r
	if !folded {
		t = foldSpaces(r)
	}
	ls.out = append(ls.out, line{n: len(ls.out), text: t, blank: t == "", page: ls.page})
	if t != "" {
		ls.page = false
	}
}

// webChrome are lines that web pages and viewers put around a decision.
var webChrome = map[string]bool{
	"skip to main content": true, "aller au contenu principal": true, "ir al contenido principal": true,
	"share meeting": true, "full text": true, "printer-friendly version": true, "back to top": true,
	"print": true, "share": true, "this decision has been retired.": true, "menu": true,
	"main navigation": true, "search": true, "download": true, "print this page": true,
}

var (
	pageNumber  = regexp.MustCompile(`^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$`)
	jobNumber   = regexp.MustCompile(`^[A-Z]?\d{6,8}(?:\s+\d{6})?$|^GE\.\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6}\s+\d{6})?$|^\*\d{6,8}\*$|^K\d{7}\s+\d{6}$`)
	navLink     = regexp.MustCompile(`^(?:<{1,2}|«)\s|\s(?:>{1,2}|»)$`)
	identifier  = regexp.MustCompile(`^[\p{L}\d]+_[\p{L}\d_]+$`)
	ruleLine    = regexp.MustCompile(`^[_\-–—=.·•*]{4,}$`)
	docOnlyLine = regexp.MustCompile(`^[A-Z]{1,10}(?:/[A-Za-z0-9.\-]+){2,}$`)
	// printed are the header and footer a browser prints on each page:
	// "11/29/26, 5:30 AM Title", "file:///…/page.html 3/7",
	// "https://…/page 3/7".
	printDate   = regexp.MustCompile(`^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s|$)`)
	printedAddr = regexp.MustCompile(`^(?:file:///\S+(?:\s+\d{1,4}/\d{1,4})?|https?://\S+\s+\d{1,4}/\d{1,4})$`)
	monthStart  = regexp.MustCompile(`^(?i:January|February|March|April|May|June|July|August|September|October|November|December)\b`)
)

// datePrefix reports whether t opens as printDate does: one or two
// digits, a slash or a dot, one or two digits, a slash or a dot. A
// numbered paragraph ("1. Decides") does not.
func datePrefix(t string) bool {
	i := 0
	for range 2 {
		k := i
		for i < len(t) && i-k < 2 && isDigit(t[i]) {
			i++
		}
		if i == k || i == len(t) || t[i] != '/' && t[i] != '.' {
			return false
		}
		i++
	}
	return true
}

// isPageNumber reports whether t is a page number ("12", "- 3 -", "Page 2
// of 9"); the bytes pageNumber needs first and last, and the bytes it
// allows at all, are tested before it runs, since most lines fail them
// (a date, "17 November 2022", has letters of neither "page" nor "of").
func isPageNumber(t string) bool {
	if t == "" {
		return false
	}
	first, last := t[0], t[len(t)-1]
	if !(isDigit(first) || first == '-' || first|0x20 == 'p' || first >= utf8.RuneSelf) ||
		!(isDigit(last) || last == '-' || last >= utf8.RuneSelf) {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !pageNumberBytes[t[i]] {
			return false
		}
	}
	return pageNumber.MatchString(strings.ToLower(t))
}

// pageNumberBytes marks the bytes a line pageNumber matches may hold, in
// either case: digits, spaces, "/", "-", the letters of "page" and "of",
// and every byte beyond ASCII (the dashes, and the letters that lower to
// ASCII).
var pageNumberBytes = func() (t [256]bool) {
	for _, c := range []byte("0123456789 \t\n\f\r/-pageofPAGEOF") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	return t
}()

// mayBeJobNumber tests the first and last bytes jobNumber allows, and
// what each of its forms holds: six digits in a row, or "GE." first. A
// date ("17 November 2022") has four in a row at most.
func mayBeJobNumber(t string) bool {
	if t == "" {
		return false
	}
	first, last := t[0], t[len(t)-1]
	if !(isDigit(first) || first >= 'A' && first <= 'Z' || first == '*') || !(isDigit(last) || last == ')' || last == '*') {
		return false
	}
	if strings.HasPrefix(t, "GE.") {
		return true
	}
	run := 0
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			run = 0
		} else if run++; run == minJobDigits {
			return true
		}
	}
	return false
}

// minJobDigits is the run of digits a print job number holds but for
// the "GE." form: six in "123456", seven in "*1234567*" and "K1234567".
const minJobDigits = 6

// isWebChrome is webChrome[strings.ToLower(t)], lowering a line of ASCII
// in place of a copy.
func isWebChrome(t string) bool {
	var low [maxFurnitureLine]byte
	if len(t) > len(low) {
		return webChrome[strings.ToLower(t)]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return webChrome[strings.ToLower(t)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return webChrome[string(low[:len(t)])]
}

// datedHead is the head a printed page opens or ends with: a symbol (one
// or two words, one with a slash or with numbers joined by a hyphen or a
// dot) and the document's date, as in "13/CP.26   12 May 2025",
// "UNEP/CBD/COP/15/17 19 December 2022", "Resolution 2019-2   4 June
// 2019" or "SC61-4 3 July 2022". A symbol cited in the text is not
// followed by a date alone on its line.
var datedHead = regexp.MustCompile(`^(?:\S+\s)?(?:\S*/\S*|\S*\d[-.]\d\S*)\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$`)

// isDatedHead reports whether t is a datedHead, testing first that it
// ends in a space and a year of four digits and holds a slash, a hyphen
// or a dot.
func isDatedHead(t string) bool {
	return endsInYear(t) && strings.ContainsAny(t, "/-.") && datedHead.MatchString(t)
}

// endsInYear reports whether t ends as datedHead does: a space (any that
// \s reads) and four digits.
func endsInYear(t string) bool {
	n := len(t)
	if n < 5 || !isDigit(t[n-1]) || !isDigit(t[n-2]) || !isDigit(t[n-3]) || !isDigit(t[n-4]) {
		return false
	}
	switch t[n-5] {
	case ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return false
}

// isDocOnly reports whether t is a document symbol alone on its line
// ("UNEP/CBD/COP/15/17"): docOnlyLine.MatchString(t), read by hand, as
// it is asked of most lines more than once. One to ten capitals come
// first, then two parts or more, each a slash and letters, digits, dots
// or hyphens.
func isDocOnly(t string) bool {
	i := 0
	for i < len(t) && t[i] >= 'A' && t[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 10 {
		return false
	}
	parts := 0
	for i < len(t) {
		if t[i] != '/' {
			return false
		}
		i++
		k := i
		for i < len(t) && (asciiLetter[t[i]] || isDigit(t[i]) || t[i] == '.' || t[i] == '-') {
			i++
		}
		if i == k {
			return false
		}
		parts++
	}
	return parts >= 2
}

// maxFurnitureLine bounds the lines furniture looks up as web chrome,
// page numbers and print job numbers: they are a few words, a longer
// line is text.
const maxFurnitureLine = 40

// furniture reports whether a line is page or web furniture: page numbers,
// print job numbers, navigation links, rules, web chrome. Lines repeated as
// running heads are found by the caller.
func furniture(t string) bool {
	if len(t) < maxFurnitureLine && isWebChrome(t) {
		return true
	}
	if len(t) < maxFurnitureLine && (isPageNumber(t) || mayBeJobNumber(t) && jobNumber.MatchString(t)) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("_-–—=.·•*", r) && ruleLine.MatchString(t) {
		return true
	}
	if strings.HasPrefix(t, "<") || strings.HasPrefix(t, "«") || strings.HasSuffix(t, ">") || strings.HasSuffix(t, "»") {
		if navLink.MatchString(t) {
			return true
		}
	}
	if datePrefix(t) && printDate.MatchString(t) || (strings.HasPrefix(t, "file:") || strings.HasPrefix(t, "http")) && printedAddr.MatchString(t) {
		return true
	}
	if strings.IndexByte(t, '_') > 0 && !strings.Contains(t, " ") && identifier.MatchString(t) {
		return true
	}
	if strings.HasPrefix(t, "©") && len(t) < maxFurnitureLine*2 {
		// a site's footer: "© Secretariat · Terms of use"
		return true
	}
	return strings.Count(t, "|") >= 2 || breadcrumbs(t)
}

// breadcrumbs reports whether t is a web page's trail of links, short
// names joined by two or more "›" or "»": "Home › Decisions › Conference
// of the Parties". A line that also opens quotes with "‹" or "«" is
// quoting ("« pays » et « partie » sont définis").
func breadcrumbs(t string) bool {
	if !mayBeBreadcrumbs(t) {
		return false
	}
	for _, sep := range [][2]string{{"›", "‹"}, {"»", "«"}} {
		if strings.Count(t, sep[0]) < 2 || strings.Contains(t, sep[1]) {
			continue
		}
		for _, part := range strings.Split(t, sep[0]) {
			if part = strings.TrimSpace(part); part == "" || len(part) > maxFurnitureLine {
				return false
			}
		}
		return true
	}
	return false
}

// mayBeBreadcrumbs reports whether t holds the last byte of "›" or of
// "»", as a trail of links does.
func mayBeBreadcrumbs(t string) bool {
	return strings.IndexByte(t, 0xBA) >= 0 || strings.IndexByte(t, 0xBB) >= 0
}

// markerValue turns a footnote marker into the form used to match it with
// its reference: "¹" → "1".
func markerValue(m string) string {
	if isASCII(m) {
		return m // superscript digits are not ASCII
	}
	var b strings.Builder
	for _, r := range m {
		if d, ok := superscripts[r]; ok {
			r = d
		}
		b.WriteRune(r)
	}
	return b.String()
}

// gluedMarker reports whether text cites footnote marker m the way text
// copied from a PDF or web page does: glued to the word or punctuation
// before it ("Conventions2", "portal;1", "session,¹", "agenda*").
func gluedMarker(text, m string) bool {
	if m == "" {
		return false
	}
	if m[0] == '*' || strings.HasPrefix(m, "∗") || strings.HasPrefix(m, "†") {
		for i := strings.Index(text, m); i >= 0; {
			if i > 0 && text[i-1] != ' ' {
				return true
			}
			j := strings.Index(text[i+len(m):], m)
			if j < 0 {
				break
			}
			i += len(m) + j
		}
		return false
	}
	if r, _ := utf8.DecodeRuneInString(m); superscripts[r] != 0 {
		return strings.Contains(text, m)
	}
	return gluedAt(text, m) >= 0
}

// gluedAt returns the byte offset of the last glued occurrence of numeric
// marker m in text, or -1.
func gluedAt(text, m string) int {
	for end := len(text); end > 0; {
		i := strings.LastIndex(text[:end], m)
		if i <= 0 {
			return -1
		}
		end = i
		j := i + len(m)
		if j < len(text) {
			c := text[j]
			if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' {
				continue
			}
			// "Rev.1.", "COP.6/": a marker is followed by space, the end
			// of its line, or ", "
			if c != ' ' && c != '\n' && c != ',' && c != ';' && c != ')' {
				continue
			}
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case unicode.IsLower(prev), strings.ContainsRune(";,)”’\"'", prev):
			return i
		case prev == '.':
			// "2009.1" but not "Rev.1", "Corr.1", "COP.6"
			k := i - 1
			for k > 0 && text[k-1] >= '0' && text[k-1] <= '9' {
				k--
			}
			if i-1-k == 4 {
				return i
			}
		case unicode.IsUpper(prev):
			// "Conventions2" is lower; "UNEP2" is not a marker.
		}
	}
	return -1
}

// notes and furniture taken out of the body.
type extracted struct {
	body      []line
	footnotes []rawNote
	furniture []line
}

type rawNote struct {
	n      int // line index where the footnote starts
	marker string
	text   string
}

// pageNumberedHeading reports whether t, after a number that opens its
// line, is a decision's heading with its title ("Decision 27/1: New rules
// of procedure"): the number is the page's. A note that cites a decision
// ("Decision 1/CP.21, paragraph 5.") has a comma or ends a sentence.
func pageNumberedHeading(t string) bool {
	return !strings.Contains(t, ",") && !strings.HasSuffix(t, ".") && decisionSignal(t) && inlineTitle(t)
}

// extract separates footnote bodies and page furniture from the body text.
// Footnote bodies that a page break dropped into the middle of a paragraph
// are taken out so the paragraph reads on.
func extract(lines []line) extracted {
	ex := extracted{body: make([]line, 0, len(lines))}
	short := 0 // lines counted for repeats
	for _, l := range lines {
		if !l.blank && len(l.text) < maxRunningHead {
			short++
		}
	}
	counts := make(map[string]int, short)
	for _, l := range lines {
		if !l.blank && len(l.text) < maxRunningHead {
			counts[l.text]++
		}
	}
	// inRun says whether a line recurs between two lines of text at least
	// once: in text without page breaks, such lines are wrapped lines of
	// sentences the text repeats, not running heads. Asked only of lines
	// that recur, it is worked out once for each.
	var runs map[string]bool
	inRun := func(t string) bool {
		r, ok := runs[t]
		if !ok {
			if runs == nil {
				runs = map[string]bool{}
			}
			for i := 1; i+1 < len(lines) && !r; i++ {
				r = lines[i].text == t && !lines[i-1].blank && !lines[i+1].blank && !lines[i+1].page
			}
			runs[t] = r
		}
		return r
	}
	// The body so far, each line that is not blank followed by "\n", is
	// read to find the markers a footnote's number is cited by; it is
	// written out only when a line may be a footnote, from ex.body.
	var bodyText strings.Builder
	bodyLen := 0 // the length of the body so far, written out or not
	written := 0 // ex.body[:written] is in bodyText
	bodySoFar := func() string {
		if bodyText.Cap() == 0 {
			bodyText.Grow(bodySize(lines))
		}
		for _, b := range ex.body[written:] {
			if !b.blank {
				bodyText.WriteString(b.text)
				bodyText.WriteByte('\n')
			}
		}
		written = len(ex.body)
		return bodyText.String()
	}
	// In text with page breaks, a running head stands at the top or the
	// foot of a page; elsewhere a repeated line is text.
	paged := false
	for _, l := range lines {
		if l.page {
			paged = true
			break
		}
	}
	lastNote := 0
	pageStart := 0 // offset in the body text where the current page starts
	gap := false
	sincePage := 0     // non-blank lines since the last page break (or the start)
	inNote := -1       // index in ex.footnotes of the open footnote, or -1
	noteBlank := false // a blank line came since the footnote's last line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank {
			if inNote >= 0 {
				noteBlank = true
			}
			ex.body = append(ex.body, l)
			continue
		}
		t := l.text
		if l.page {
			sincePage, pageStart = 0, bodyLen
		}
		sincePage++
		if bareNumber(t) > 0 {
			// the numbers of a page's notes are cited on that page
			if notes, furn, end, ok := noteZone(lines, i, bodySoFar()[pageStart:]); ok {
				ex.footnotes = append(ex.footnotes, notes...)
				ex.furniture = append(ex.furniture, furn...)
				if v, err := strconv.Atoi(notes[len(notes)-1].marker); err == nil {
					lastNote = v
				}
				inNote, gap = -1, true
				i = end - 1
				continue
			}
		}
		m := footnoteMatch(t)
		if m != nil && bareNumber(m[1]+m[3]) > 0 && pageNumberedHeading(m[2]+m[4]) {
			// "2 Decision 27/1: New rules …": a page number printed before
			// a decision's heading, not a note
			k := len(m[1] + m[3])
			ex.furniture = append(ex.furniture, line{n: l.n, text: t[:k]})
			l.text = strings.TrimSpace(t[k:])
			inNote = -1
			l.gap = true
			gap = false
			ex.body = append(ex.body, l)
			bodyLen += len(l.text) + 1
			continue
		}
		if m != nil && isFootnote(m[1]+m[3], m[2]+m[4], bodySoFar, lastNote) {
			marker := markerValue(m[1] + m[3])
			ex.footnotes = append(ex.footnotes, rawNote{n: l.n, marker: marker, text: m[2] + m[4]})
			inNote, noteBlank, gap = len(ex.footnotes)-1, false, true
			if v, err := strconv.Atoi(marker); err == nil {
				lastNote = v
			}
			continue
		}
		// Running heads: short lines repeated on many pages, document
		// symbols alone on a line and symbols with a date at the top or
		// foot of a page.
		furn := furniture(t) || (counts[t] >= runningHeadRepeats && runningHead(t) &&
			(paged && (sincePage <= headDepth || nextIsPage(lines, i)) || !paged && (!inRun(t) || nearFurniture(lines, i)))) ||
			(isDocOnly(t) && (counts[t] >= 2 || (sincePage <= symbolDepth || nextIsPage(lines, i)) && !wantsSymbol(lastBodyLine(ex.body)))) ||
			(isDatedHead(t) && (sincePage <= headDepth || nextIsPage(lines, i)))
		if inNote >= 0 && furn && (sincePage <= headDepth || nextIsPage(lines, i)) {
			// a footnote that runs over a page break goes on past the
			// page's number and the next page's running head
			ex.furniture = append(ex.furniture, l)
			gap = true
			continue
		}
		if inNote >= 0 {
			f := &ex.footnotes[inNote]
			if noteContinues(f.text, t, noteBlank, lastBodyLine(ex.body)) {
				f.text = joinLines(f.text, t)
				noteBlank = false
				continue
			}
			inNote = -1
		}
		if furn {
			ex.furniture = append(ex.furniture, l)
			gap = true
			continue
		}
		l.gap = gap || l.page
		gap = false
		ex.body = append(ex.body, l)
		bodyLen += len(t) + 1
	}
	return ex
}

// bodySize bounds the length of the body text extract reads lines into:
// every line with its line end.
func bodySize(lines []line) int {
	size := 0
	for _, l := range lines {
		size += len(l.text) + 1
	}
	return size
}

// footnoteMatch reads a line that opens with a footnote marker: "12 Text",
// "¹ Text", "* Text", "[3] Text". It returns nil or, as the expression
// footnoteLine in the tests would, {line, marker, text, "", ""} (bracketed markers in
// the last two). It is written out by hand: it runs on every line.
func footnoteMatch(t string) []string {
	if t == "" {
		return nil
	}
	i := 0
	switch r, n := utf8.DecodeRuneInString(t); {
	case r >= '0' && r <= '9':
		for i < len(t) && i < 4 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 3 {
			return nil
		}
	case r == '[':
		j := 1
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j == 1 || j > 4 || j >= len(t) || t[j] != ']' {
			return nil
		}
		rest := strings.TrimLeft(t[j+1:], " ")
		if rest == "" {
			return nil
		}
		return []string{t, "", "", t[:j+1], rest}
	case r == '*' || r == '∗' || r == '†':
		for k := 0; k < 3 && i < len(t); k++ {
			r2, n2 := utf8.DecodeRuneInString(t[i:])
			if r2 != r {
				break
			}
			i += n2
		}
	case superscripts[r] != 0:
		i = n
		for i < len(t) {
			r2, n2 := utf8.DecodeRuneInString(t[i:])
			if superscripts[r2] == 0 {
				break
			}
			i += n2
		}
	default:
		return nil
	}
	if i >= len(t) || t[i] != ' ' {
		return nil
	}
	rest := strings.TrimLeft(t[i:], " ")
	if rest == "" {
		return nil
	}
	return []string{t, t[:i], rest, "", ""}
}

// runningHead reports whether a line repeated on many pages is a running
// head rather than text that recurs ("The Conference of the Parties,").
// A running head opens no sentence in lower case and does not end on a
// word that wants more ("Conventions to", "of the" recur as wrapped lines
// of a text that repeats its phrases).
func runningHead(t string) bool {
	return isDocOnly(t) || isPageNumber(t) ||
		!strings.ContainsAny(t, ",;:") && !startsLower(t) && !openEnded(t) && !startsStructure(t) && len(strings.Fields(t)) <= maxRunningHeadWords
}

// runningHeadRepeats is how often a line must recur to be a running head:
// on three pages at least, as a head on one or two is no pattern.
const runningHeadRepeats = 3

// Where running heads stand. A running head (a symbol, a date, a short
// title) is one short line of a few words, counted for repeats only when
// it is that short; it stands in the first lines of a page, and a symbol
// alone a few lines further down at most, below the head's other lines.
// Page furniture keeps company within furnitureReach lines of it.
const (
	maxRunningHead      = 90
	maxRunningHeadWords = 8
	headDepth           = 2
	symbolDepth         = 6
	furnitureReach      = 2
)

// nearFurniture reports whether a line next to line i, or one further
// off, is a page number, a print job number or a document symbol alone:
// the company a running head keeps where a page ends.
func nearFurniture(lines []line, i int) bool {
	for j := max(0, i-furnitureReach); j < min(len(lines), i+furnitureReach+1); j++ {
		if t := lines[j].text; j != i && t != "" && (furniture(t) || isDocOnly(t)) {
			return true
		}
	}
	return false
}

// wantsSymbol reports whether a line ends where a document symbol goes on
// with it: "contained in documents UNEP/… and", "set out in document".
func wantsSymbol(t string) bool {
	switch lastWord(t) {
	case "document", "documents", "see":
		return true
	}
	return openEnded(t)
}

func nextIsPage(lines []line, i int) bool {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank {
			return lines[j].page
		}
	}
	return true
}

func lastBodyLine(body []line) string {
	for i := len(body) - 1; i >= 0; i-- {
		if !body[i].blank {
			return body[i].text
		}
	}
	return ""
}

// isFootnote decides whether a line that opens with a marker is a footnote
// body, given the body text before it (read only when the marker and the
// text leave the question open) and the last footnote number seen.
//
// A footnote's marker is cited within noteLookBack bytes before it, a
// page or so; and a decision's footnotes number a few hundred at most, so
// a larger number opening a line is a page number, a year or a quantity.
func isFootnote(marker, text string, bodyText func() string, lastNote int) bool {
	if opensOperative(text) {
		return false
	}
	// A marker is cited shortly before its footnote: look no further back
	// than a page or so.
	before := func() string {
		b := bodyText()
		if len(b) > noteLookBack {
			b = b[len(b)-noteLookBack:]
		}
		return b
	}
	if r, _ := utf8.DecodeRuneInString(marker); superscripts[r] != 0 {
		return true
	}
	if marker[0] == '[' {
		// "[1] See …" after a web page's "Conventions[1]"
		return strings.Contains(before(), marker)
	}
	if marker[0] < '0' || marker[0] > '9' {
		return gluedMarker(before(), marker)
	}
	n, _ := strconv.Atoi(marker)
	if n == 0 || n > maxNoteNumber || !noteShaped(text) {
		return false
	}
	// the first note after none is one; any other is cited before it
	return n == 1 && lastNote == 0 || gluedAt(before(), marker) >= 0
}

// noteShaped reports whether text, after a number, reads as a footnote's
// text: it opens with a capital, a digit, a quote, a bracket or an
// address, and with no date ("11 November 2021") nor operative verb.
func noteShaped(text string) bool {
	if opensOperative(text) || monthStart.MatchString(text) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("“\"‘'(", first) ||
		strings.HasPrefix(text, "http") || strings.HasPrefix(text, "www.")
}

// noteContinues decides whether line t goes on with the open footnote whose
// text so far is note, or returns to the body (whose last line is body).
func noteContinues(note, t string, blankBetween bool, body string) bool {
	if !endsSentence(note) && startsLower(t) {
		return true
	}
	if startsStructure(t) {
		return false
	}
	if !endsSentence(note) {
		return true
	}
	// The footnote ended a sentence. If the body was cut mid-sentence by
	// the page break, this line resumes it.
	if body != "" && !endsSentence(body) {
		return false
	}
	return !blankBetween
}

// joinLines joins two lines of one block, mending end-of-line hyphenation.
func joinLines(a, b string) string {
	cut, sep := joint(a, b)
	return a[:len(a)-cut] + sep + b
}

// joinAll joins a first line and the lines that continue it.
func joinAll(first string, more []string) string {
	n := len(first)
	for _, m := range more {
		n += len(m) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	prev := first
	for _, m := range more {
		cut, sep := joint(prev, m)
		sb.WriteString(prev[:len(prev)-cut])
		sb.WriteString(sep)
		prev = m
	}
	sb.WriteString(prev)
	return sb.String()
}

// joint says how line b joins line a: how many bytes to cut from the end
// of a (a line-break hyphen) and what goes between.
func joint(a, b string) (cut int, sep string) {
	if a == "" || b == "" {
		return 0, ""
	}
	if strings.HasSuffix(a, "-") && len(a) > 1 {
		prev, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		next, _ := utf8.DecodeRuneInString(b)
		if unicode.IsLetter(prev) && unicode.IsLower(next) {
			if keepHyphen(lastWord(a[:len(a)-1]), firstWord(b)) {
				return 0, ""
			}
			return 1, ""
		}
		if unicode.IsLetter(prev) || isDigitRune(prev) && isDigitRune(next) {
			// "WHC-" / "07/31.COM", "Resolution 2004-" / "6": a symbol
			// or a range broken at its hyphen
			return 0, ""
		}
	}
	return 0, " "
}

// isDigitRune reports whether r is an ASCII digit.
func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return strings.ToLower(s[i+1:])
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		i = len(s)
	}
	return strings.ToLower(s[:i])
}

// Compounds keep their hyphen across a line break; other words broken at
// the end of a line are joined.
var (
	compoundFirst = map[string]bool{
		"non": true, "self": true, "co": true, "cross": true, "ex": true, "long": true, "short": true,
		"medium": true, "mid": true, "well": true, "high": true, "low": true, "follow": true,
		"decision": true, "policy": true, "capacity": true, "small": true, "large": true, "multi": true,
		"cost": true, "time": true, "gender": true, "science": true, "south": true, "north": true,
		"public": true, "private": true, "country": true, "region": true, "intergovernmental": true,
		"ozone": true, "clearing": true, "stand": true, "open": true, "ad": true, "on": true, "off": true,
		"full": true, "sub": true, "inter": true, "life": true, "peer": true, "year": true, "two": true,
		"three": true, "four": true, "five": true, "ten": true, "mercury": true, "waste": true, "treaty": true,
		"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true,
		"eighty": true, "ninety": true, "non-": true, "e": true, "state": true, "ill": true, "semi": true,
	}
	compoundSecond = map[string]bool{
		"building": true, "making": true, "based": true, "term": true, "level": true, "related": true,
		"scale": true, "wide": true, "specific": true, "owned": true, "led": true, "up": true, "out": true,
		"sharing": true, "setting": true, "raising": true, "free": true, "friendly": true, "sensitive": true,
		"oriented": true, "house": true, "ended": true, "party": true, "parties": true, "hoc": true,
		"going": true, "cutting": true, "depleting": true, "compliance": true, "governmental": true,
		"sessional": true, "regional": true, "first": true, "second": true, "third": true, "fourth": true,
		"fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true, "one": true, "two": true,
		"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
		"year": true, "alone": true, "cycle": true, "review": true, "waste": true, "users": true, "mail": true,
	}
)

// solidSecond are second halves that English writes solid after the
// prefixes of compoundFirst ("multilateral", "transnational",
// "multidisciplinary"): a word broken before them is joined.
var solidSecond = map[string]bool{"lateral": true, "national": true, "disciplinary": true}

func keepHyphen(left, right string) bool {
	return !solidSecond[right] && (compoundFirst[left] || compoundSecond[right])
}
