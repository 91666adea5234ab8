package parse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// references collects the decisions and documents a decision cites, in
// order of first appearance, without its own symbol.
func references(d *accord.Decision) accord.References {
	var parts []string
	parts = append(parts, d.Preface...)
	parts = append(parts, d.Formula)
	for _, r := range d.Preamble {
		parts = append(parts, r.Text)
	}
	d.Walk(func(p *accord.Paragraph) { parts = append(parts, p.Text) })
	// footnotes in order of where they stand relative to paragraphs is
	// not kept; they follow the body, as they do on the page.
	for _, f := range d.Footnotes {
		parts = append(parts, f.Text)
	}
	for _, a := range d.Annexes {
		parts = append(parts, a.Text...)
		for _, p := range a.Paragraphs {
			walkParagraph(p, func(p accord.Paragraph) { parts = append(parts, p.Text) })
		}
	}
	own := symbolKey(d.Symbol)
	ownBare := symbolKey(withoutLeadingZeros(d.Symbol)) // "(OSPAR Agreement 2010-3)" under "Agreement 2010-03"
	refs := accord.References{Decisions: []accord.DecisionRef{}, Documents: []string{}}
	seenD, seenDoc := map[string]bool{}, map[string]bool{}
	for k, t := range parts {
		if !mayHoldSymbol(t) {
			continue // cites nothing, heading or not
		}
		if k < len(d.Preface) && decisionSignal(t) {
			// "Decision COP4/18" above the decision: a heading, its own
			// or another's in a list of contents, cites nothing
			continue
		}
		all, spans := symbolSpans(t)
		for _, r := range decisionRefsBeside(t, d.Instrument, spans) {
			r.Cited = withoutMarker(r.Cited, d.Meeting, d.Instrument)
			k := symbolKey(r.Cited)
			if k == own || seenD[k] || own != "" && k != "" && k[0] == own[0] && len(k) != len(own) && symbolKey(withoutLeadingZeros(r.Cited)) == ownBare {
				continue
			}
			seenD[k] = true
			refs.Decisions = append(refs.Decisions, r)
		}
		syms, _ := unDocuments(all, spans) // after decisionRefsBeside: it reuses spans
		for _, s := range syms {
			if seenDoc[s] || own != "" && strings.HasSuffix(symbolKey(s), "/dec/"+own) || k < len(d.Preface) && resolutionDocument(s) {
				continue
			}
			seenDoc[s] = true
			refs.Documents = append(refs.Documents, s)
		}
	}
	return refs
}

// mayHoldSymbol reports whether t holds an ASCII digit or a slash, as
// every symbol a text can cite does: a decision's ("IX/24", "MC-6/[--]",
// "Measure 15 (2009)") and a document's ("UNEP/CBD/COP/14/1"). A text
// without one has no decisionRefs and no documentSymbols, and most
// paragraphs are such a text.
func mayHoldSymbol(t string) bool {
	i := 0
	for ; i+8 <= len(t); i += 8 {
		if slashOrDigitIn(uint64(t[i]) | uint64(t[i+1])<<8 | uint64(t[i+2])<<16 | uint64(t[i+3])<<24 |
			uint64(t[i+4])<<32 | uint64(t[i+5])<<40 | uint64(t[i+6])<<48 | uint64(t[i+7])<<56) {
			return true
		}
	}
	for ; i < len(t); i++ {
		if c := t[i]; c-'/' <= '9'-'/' {
			return true
		}
	}
	return false
}

// slashOrDigitIn reports whether one of the eight bytes of x is a slash
// or a digit, a byte above '.' and below ':': each byte's low seven bits
// are set against both bounds at once, none borrowing from or carrying
// into the next byte, and a byte with its high bit set is none of them.
func slashOrDigitIn(x uint64) bool {
	const (
		ones  = 0x0101010101010101
		low7  = ones * 0x7f
		highs = ones * 0x80
		above = '.'
		below = ':'
	)
	v := x & low7
	return (ones*(127+below)-v)&^x&(v+ones*(127-above))&highs != 0
}

// resolutionDocument reports whether document symbol s is the symbol of
// a resolution itself ("A/RES/73/260", "UNEP/EA.5/Res.3"): above a
// decision, in its heading or running header, it is the decision's own
// document, not one it cites.
func resolutionDocument(s string) bool {
	return strings.Contains(s, "/RES/") || strings.Contains(s, "/Res.")
}

// withoutMarker takes off a footnote marker that text copied from a PDF
// glues to a UNFCCC symbol: "decision 3/CMA.1" and footnote 2 read as
// "3/CMA.12", a session that had not been held when the citing decision
// (of meeting, such as "CMA-5") was adopted. The sessions of the three
// bodies are numbered in step: CMP.1 met with COP 11, CMA.1 with COP 24
// (CMA.2 with COP 25).
func withoutMarker(cited, meeting, inst string) string {
	if inst != "unfccc" && inst != "paris" && inst != "kyoto" {
		return cited
	}
	i := strings.LastIndexByte(meeting, '-')
	if i < 0 {
		return cited
	}
	m := unfcccMatch(cited)
	if m == nil || len(m[3]) < 2 {
		return cited
	}
	ownN, err := strconv.Atoi(meeting[i+1:])
	if err != nil {
		return cited
	}
	ownBody := strings.TrimSuffix(meeting[:i], "OP")
	if ownBody == "C" {
		ownBody = "CP"
	}
	ownOff, ok := copOffset(ownBody)
	if !ok {
		return cited
	}
	off, _ := copOffset(m[2])
	n, _ := strconv.Atoi(m[3])
	if n+off <= ownN+ownOff {
		return cited
	}
	short := cited[:len(cited)-1]
	if k, _ := strconv.Atoi(m[3][:len(m[3])-1]); k > 0 && k+off <= ownN+ownOff {
		return short
	}
	return cited
}

// copOffset is what to add to the number of a session of UNFCCC body
// ("CP", "COP", "CMP", "CMA") for the number of the COP it met with;
// false for another body.
func copOffset(body string) (int, bool) {
	switch body {
	case "CP", "COP":
		return 0, true
	case "CMP":
		return 10, true
	case "CMA":
		return 23, true
	}
	return 0, false
}

// The parts of listItemRE before its symbol: separators, a keyword of
// the item's own, "Conf.".
const (
	listItemSep     = `\s*(?:,|;|and|or|&)\s*`
	listItemKeyword = `((?i:decisions?|resolutions?))\s+`
	listItemConf    = `(Conf\.)\s*`
	listItemHead    = `^(?:` + listItemSep + `)*(?:` + listItemKeyword + `)?(?:` + listItemConf + `)?`
)

var (
	// selfRefRE matches symbols that say what they are without a keyword.
	selfRefRE = regexp.MustCompile(`(?:` + symUNFCCC + `|` + symPrefixed + `|` + symEx + `|` + symRoman + `|` + symBoard + `|` + symMeeting + `|` + symBarcelona + `|` + symRegionalCP + `)`)
	// keywordRE opens a list of cited decisions or resolutions.
	keywordRE = regexp.MustCompile(`(?i)\b(decisions?|resolutions?|dec\.|res\.\s*conf\.|recommendations?)\s*,?\s+`)
	// keywordAtRE is keywordRE anchored: the match of keywordRE that
	// begins at the start of a text, without trying every later start.
	keywordAtRE = regexp.MustCompile(`^(?:` + keywordRE.String() + `)`)
	// listItemRE is one symbol of such a list, with its separator.
	listItemRE = regexp.MustCompile(listItemHead + `(` + listSymbols + `)(` + revision + `)?`)
	// listItemHeadRE is what comes before the symbol in listItemRE: its
	// separators, the keyword of its own and "Conf.".
	listItemHeadRE = regexp.MustCompile(listItemHead)
	// listItemHeadStarts marks the bytes listItemHeadRE can take first:
	// before another byte it takes nothing.
	listItemHeadStarts = newScanner(regexp.MustCompile(`(?:` + listItemSep + `|` + listItemKeyword + `|` + listItemConf + `)`)).first
	// listItemSymbol is the symbol and revision of listItemRE, for the
	// byte the symbol begins with: only the symbols that can begin so.
	listItemSymbol = byFirstByte(alternatives(`(?:`+listSymbols+`)`), `^(`, `)(`+revision+`)?`)
	// listSymbols are the symbols listItemRE reads.
	listSymbols = symUNFCCC + `|` + symPrefixed + `|` + symEx + `|` + symRoman + `|` + symBoard + `|` + symMeeting + `|` + symBarcelona + `|` + symRegionalCP + `|` + symWHC + `|` + symICH + `|` + symIMO + `|` + symATCM + `|` + symYear + `|` + symNumYear + `|` + symNumeric + `|` + symDotted
	// listSymbolStarts marks the bytes listSymbols begin with: a stretch
	// without one holds no item of a list.
	listSymbolStarts = newScanner(regexp.MustCompile(`(?:` + listSymbols + `)`)).first
	// gaRomanRE is a resolution of the General Assembly or ECOSOC of the
	// years that numbered them with the session in roman numerals:
	// "resolution 3337 (XXIX)".
	gaListItemRE = regexp.MustCompile(`^(?:\s*(?:,|;|and|or|&)\s*)*(\d{1,4}\s?\([IVXLC]{1,7}\))`)
	// dottedOrYearRE is a symbol that needs its keyword to be read.
	dottedOrYearRE = regexp.MustCompile(`^(?:` + symDotted + `|` + symYear + `|` + symATCM + `)`)

	selfRefScan = newScanner(selfRefRE)
)

// holdsAny reports whether s holds a byte that set marks.
func holdsAny(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// listItemStop holds lower-case letters that no separator, keyword,
// symbol or revision matched by listItemRE contains, nor any match of
// gaListItemRE.
const listItemStop = "bghjkmpqwyz"

// listItemWindow cuts s before its first letter of listItemStop: a match
// of listItemRE, anchored at the start, ends before it, and the expression
// then works over the length of a symbol, not of the rest of a paragraph.
func listItemWindow(s string) string {
	if k := strings.IndexAny(s, listItemStop); k >= 0 {
		return s[:k]
	}
	return s
}

// listItem is listItemRE.FindStringSubmatchIndex(w), written into m and
// returned as a slice of it, read in two parts:
// listItemHeadRE's separators and keyword, then listItemSymbol's symbol
// for the byte after them. The head the expression prefers is the one it
// keeps when a symbol follows it; when none does, the whole expression
// answers, as it may try a shorter head.
func listItem(w string, m *[10]int) []int {
	head := 0
	kw, conf := [2]int{-1, -1}, [2]int{-1, -1}
	if w != "" && listItemHeadStarts[w[0]] {
		var ok bool
		if head, kw, conf, ok = listItemHeadAt(w); !ok {
			h := listItemHeadRE.FindStringSubmatchIndex(w)
			head, kw, conf = h[1], [2]int{h[2], h[3]}, [2]int{h[4], h[5]}
		}
	}
	if head < len(w) {
		if re := listItemSymbol[w[head]]; re != nil {
			if s := re.FindStringSubmatchIndex(w[head:]); s != nil {
				rev := [2]int{-1, -1}
				if s[4] >= 0 {
					rev = [2]int{head + s[4], head + s[5]}
				}
				*m = [10]int{0, head + s[1], kw[0], kw[1], conf[0], conf[1], head + s[2], head + s[3], rev[0], rev[1]}
				return m[:]
			}
		}
	}
	return listItemRE.FindStringSubmatchIndex(w)
}

// listItemKeywords are the keywords listItemKeyword reads, in the order
// it tries them.
var listItemKeywords = []string{"decisions", "decision", "resolutions", "resolution"}

// listItemHeadAt is listItemHeadRE.FindStringSubmatchIndex(w) read by
// hand: how far the head goes, and where its keyword and "Conf." stand
// ({-1, -1} for none). Every part of the head is optional, so the
// expression takes each part as far as it goes: separators as long as
// one follows, then the first keyword with a space after it, then
// "Conf.". It is not ok, and the expression answers, when a byte beyond
// ASCII stands where a keyword may, which (?i) may fold ("ſ" with "s").
func listItemHeadAt(w string) (head int, kw, conf [2]int, ok bool) {
	spaces := func(p int) int {
		for p < len(w) && isRESpace(w[p]) {
			p++
		}
		return p
	}
	p := 0
	for {
		q := spaces(p)
		n := 0
		switch {
		case q < len(w) && (w[q] == ',' || w[q] == ';' || w[q] == '&'):
			n = 1
		case strings.HasPrefix(w[q:], "and"):
			n = 3
		case strings.HasPrefix(w[q:], "or"):
			n = 2
		}
		if n == 0 {
			break
		}
		p = spaces(q + n)
	}
	kw, conf = [2]int{-1, -1}, [2]int{-1, -1}
	for _, c := range []byte(w[p:min(len(w), p+len("resolutions")+1)]) {
		if c >= utf8.RuneSelf {
			return 0, kw, conf, false
		}
	}
	for _, k := range listItemKeywords {
		end := p + len(k)
		if end < len(w) && strings.EqualFold(w[p:end], k) && isRESpace(w[end]) {
			kw = [2]int{p, end}
			p = spaces(end)
			break
		}
	}
	if strings.HasPrefix(w[p:], "Conf.") {
		conf = [2]int{p, p + len("Conf.")}
		p = spaces(p + len("Conf."))
	}
	return p, kw, conf, true
}

// decisionRefs returns the decisions and resolutions cited in text, as
// cited, in order, with the instrument each belongs to. inst is the
// instrument of the citing text.
func decisionRefs(text, inst string) []accord.DecisionRef {
	_, spans := symbolSpans(text)
	return decisionRefsBeside(text, inst, spans)
}

// decisionRefsBeside is decisionRefs of a text whose document symbols
// symbolSpans found at spans.
func decisionRefsBeside(text, inst string, spans [][2]int) []accord.DecisionRef {
	// Blank out document symbols: "UNEP/CBD/COP/DEC/IX/24" cites a
	// document, not decision IX/24 again; "GCF/B.24/17" a board's
	// document, not its decision B.24/17.
	if len(spans) > 0 {
		b := []byte(text)
		for _, sp := range spans {
			for k := sp[0]; k < sp[1]; k++ {
				b[k] = ' '
			}
		}
		text = string(b)
	}
	type hit struct {
		at    int
		cited string
		kw    string
		list  int  // which keyword's list the hit is in, from 1; 0 for none
		bare  bool // cited without a keyword of its own: kept as printed
	}
	cites := mayCite(text)
	named := namedSymbolSpans(text) // "Measure 15 (2009)": cited by its own keyword
	if named == nil && !strings.Contains(text, "/") && !strings.Contains(text, ".") &&
		(!strings.Contains(text, "-") && !strings.Contains(text, "(") || !cites) {
		// every symbol has a slash or a dot, but "Resolution 2019-1" and
		// "resolution 3337 (XXIX)", which need their keyword
		return nil
	}
	var hits []hit
	var seen []bool // the bytes of text a hit took, made at the first
	take := func(i, j int) {
		if seen == nil {
			seen = make([]bool, len(text))
		}
		for k := i; k < j; k++ {
			seen[k] = true
		}
	}
	listEnd := 0
	var kws [][]int
	if cites {
		kws = keywordScan(text)
	}
	lists := 0       // lists begun: by a keyword, or by an item's own keyword
	var item [10]int // the item listItem read last
	for _, kw := range kws {
		if kw[0] < listEnd {
			continue // the list of an earlier keyword took it in
		}
		word := strings.ToLower(text[kw[2]:kw[3]])
		pos := kw[1]
		lists++
		list := lists
		for {
			var m []int
			if w := listItemWindow(text[pos:]); holdsAny(w, &listSymbolStarts) {
				m = listItem(w, &item)
			}
			if m == nil {
				if strings.HasPrefix(word, "resolution") {
					if g := gaListItemRE.FindStringSubmatchIndex(listItemWindow(text[pos:])); g != nil {
						hits = append(hits, hit{pos + g[2], text[pos+g[2] : pos+g[3]], word, list, false})
						take(pos+g[2], pos+g[3])
						pos += g[1]
						continue
					}
				}
				break
			}
			at := pos + m[6]
			sym := text[at : pos+m[7]]
			if m[8] >= 0 {
				sym += text[pos+m[8] : pos+m[9]] // "(Rev. CoP19)"
			}
			end := pos + m[1]
			if m[2] >= 0 {
				// "decisions 14.10 and 18.12, Resolution 2019-1": an item
				// with a keyword of its own is cited by that keyword; one
				// of another kind ("resolution 5/5 and decision 14/30")
				// begins a list of its own
				own := strings.ToLower(text[pos+m[2] : pos+m[3]])
				if keywordKind(own) != keywordKind(word) {
					lists++
					list = lists
				}
				word = own
			}
			if m[4] >= 0 && !strings.HasPrefix(word, "res.") {
				word = "resolution conf." // "Resolution Conf. 9.16", as cited
			}
			if end < len(text) && (isAlnum(text[end]) || text[end] == '/') {
				break
			}
			if at > 0 && (isAlnum(text[at-1]) || text[at-1] == '/') {
				break
			}
			take(at, pos+m[7])
			hits = append(hits, hit{at, sym, word, list, false})
			pos = end
		}
		if pos == kw[1] && strings.HasSuffix(word, "s") {
			// "resolutions on whaling adopted by the Commission (1995-9,
			// 1996-7 and 1997-5)": the list stands in brackets after the
			// words that say which
			for _, b := range bracketList(text, pos) {
				hits = append(hits, hit{b[0], text[b[0]:b[1]], "", list, true})
				take(b[0], b[1])
				pos = b[1]
			}
		}
		listEnd = pos
	}
	for _, loc := range slashMatches(selfRefScan, text, selfRefSlash) {
		i, j := loc[0], loc[1]
		// A prefixed symbol may be glued to the cells of a table copied
		// from a web page: "the SecretariatBC-11/2High".
		// So may one after the full stop of a cell's sentence: "…
		// framework.BC-10/2High".
		glued := isUpper(text[i]) && i > 0 && (isLowerASCII(text[i-1]) || i > 1 && text[i-1] == '.' && isLowerASCII(text[i-2])) &&
			(j == len(text) || !isLowerASCII(text[j]) && !isDigit(text[j]))
		if seen != nil && (seen[i] || seen[j-1]) || !glued && (i > 0 && (isAlnum(text[i-1]) || text[i-1] == '/' || text[i-1] == '.') || j < len(text) && (isAlnum(text[j]) || text[j] == '/')) {
			continue
		}
		hits = append(hits, hit{i, text[i:j], "", 0, false})
		take(i, j)
	}
	for _, loc := range named {
		// "HELCOM Recommendation 9/2" that its keyword's list read
		if seen == nil || !slices.Contains(seen[loc[0]:loc[1]], true) {
			hits = append(hits, hit{loc[0], text[loc[0]:loc[1]], "", 0, true})
			take(loc[0], loc[1])
		}
	}
	sortHits(hits, func(a, b hit) bool { return a.at < b.at })
	var out []accord.DecisionRef
	lastList := 0
	for _, h := range hits {
		cited := canonicalSymbol(h.cited)
		if !strings.Contains(cited, "/") && !h.bare && dottedOrYearRE.MatchString(cited) {
			// "Decision 13.1": a bare dotted number needs its keyword to be read.
			switch {
			case strings.HasPrefix(h.kw, "res. conf"):
				cited = "Res. Conf. " + cited
			case strings.HasPrefix(h.kw, "resolution conf"):
				cited = "Resolution Conf. " + cited
			case strings.HasPrefix(h.kw, "resolution"):
				cited = "Resolution " + cited
			case strings.HasPrefix(h.kw, "recommendation"):
				cited = "Recommendation " + cited
			default:
				cited = "Decision " + cited
			}
		}
		ri := refInstrument(cited, h.kw, text, h.at, inst)
		if h.list > 0 && h.list == lastList && symbolInstrument(cited) == "" && symbolInstrument(out[len(out)-1].Cited) == "" &&
			boundBody(text, h.at, len(h.cited)) == "" {
			// "its resolutions 3337 (XXIX) and 3511 (XXX)": the items of a
			// list are the first one's body's
			ri = out[len(out)-1].Instrument
		}
		lastList = h.list
		out = append(out, accord.DecisionRef{Cited: cited, Instrument: ri})
	}
	return out
}

// keywordKind is what a keyword cites: "decision" for "decisions" and
// "dec.", "resolution" for "resolutions", "res. conf." and "resolution
// conf.", "recommendation" for "recommendations".
func keywordKind(w string) string {
	switch {
	case strings.HasPrefix(w, "dec"):
		return "decision"
	case strings.HasPrefix(w, "res"):
		return "resolution"
	case strings.HasPrefix(w, "rec"):
		return "recommendation"
	}
	return w
}

// maxBracketGap bounds the words between a plural keyword and the
// bracketed list of the symbols it names: a clause's qualifiers ("on
// whaling under special permits adopted by the Commission").
const maxBracketGap = 120

// bracketYearRE is one item of a bracketed list of year-numbered symbols,
// with its separator: "(1995-9", ", 1996-7", " and 1997-5".
var bracketYearRE = regexp.MustCompile(`^(?:\(|,\s*|\s+and\s+|,\s+and\s+)(` + symYear + `)`)

// bracketList returns the spans of the year-numbered symbols ("1995-9")
// listed in the first brackets after text[pos:] within maxBracketGap
// bytes and the same clause, when the brackets hold those symbols and
// nothing else.
func bracketList(text string, pos int) [][2]int {
	w := text[pos:min(len(text), pos+maxBracketGap)]
	open := strings.IndexByte(w, '(')
	if open < 0 || strings.ContainsAny(w[:open], ";.:") {
		return nil
	}
	var out [][2]int
	at := pos + open
	for {
		m := bracketYearRE.FindStringSubmatchIndex(text[at:])
		if m == nil {
			break
		}
		out = append(out, [2]int{at + m[2], at + m[3]})
		at += m[1]
	}
	if at >= len(text) || text[at] != ')' {
		return nil
	}
	return out
}

// sortHits sorts s by less, keeping the order of equal hits: an
// insertion sort, for the few hits of one paragraph.
func sortHits[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// bodyContext names bodies whose resolutions and decisions MEA texts cite.
var bodyContext = []struct{ phrase, id string }{
	{"General Assembly", "unga"}, {"Environment Assembly", "unea"}, {"Governing Council", "unep-gc"},
	{"Executive Committee of the Multilateral Fund", "mlf"}, {"Vienna Convention", "vienna"},
	{"Montreal Protocol", "montreal"}, {"Human Rights Council", "hrc"}, {"World Health Assembly", "wha"},
	{"Economic and Social Council", "ecosoc"}, {"Adaptation Fund Board", "afb"}, {"Green Climate Fund", "gcf"}, {"GCF Board", "gcf"},
}

// maxBodyName bounds what boundBody reads after "of the" for a body's
// name: "Board of the United Nations Green Climate Fund" and the longest
// of bodyContext fit, with room for the words that follow.
const maxBodyName = 60

var (
	// pinpointRE is a place in a cited decision, between its symbol
	// and its body: ", paragraph 2", ", section IV", ", annex".
	pinpointRE = regexp.MustCompile(`^,\s*(?:paragraphs?|paras?\.|sections?|annex(?:es)?|chapter|part)(?:\s+[0-9IVXLivxl]{1,6}(?:\s*\([a-z]{1,4}\))?)?`)
	// bodyMeetingRE is the meeting of a body named before the body:
	// "Second Meeting of the Conference of the Parties to the ".
	bodyMeetingRE = regexp.MustCompile(`^(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)?(?:[Mm]eeting|[Ss]ession)\s+of\s+the\s+(?:Conference\s+of\s+the\s+(?:Contracting\s+)?Parties|Parties)\s+to\s+the\s+`)
)

// ownBody is what boundBody says of "its resolutions": the citing body's.
const ownBody = "-"

// listTailRE is the separator and the next symbol of a list.
var listTailRE = regexp.MustCompile(`^(?:,\s*|\s+and\s+|\s+or\s+)(?:` + symUNFCCC + `|` + symPrefixed + `|` + symRoman + `|` + symBoard + `|` + symNumeric + `|` + symDotted + `)`)

// lastAssemblySession tells the resolutions of the Environment Assembly
// from those of the General Assembly by the number before the slash: the
// Environment Assembly counts its sessions from 1 (2014) and has held
// fewer than ten, the General Assembly's sessions are past seventy.
const lastAssemblySession = 10

// refInstrument resolves a cited symbol against the instrument context:
// "IX/10" in a Basel text is Basel decision IX/10; "resolution 40/243" of
// the General Assembly is not. A body is read from the symbol first, then
// from the words bound to it ("Human Rights Council resolution 52/23",
// "resolution 72/277 of the General Assembly"), then from its keyword
// ("resolution 75/271" is the General Assembly's). A body named nearby
// but not bound to the symbol is not its body: in "Environment Assembly
// resolution 5/5 and decision 14/30" decision 14/30 is the citing body's.
func refInstrument(cited, kw, text string, at int, inst string) string {
	if i := symbolInstrument(cited); i != "" {
		return i
	}
	if id := boundBody(text, at, len(cited)); id != "" {
		if id == ownBody {
			return inst
		}
		return id
	}
	if strings.HasPrefix(kw, "resolution") && strings.Contains(cited, "/") && !strings.ContainsAny(cited, "IVXL") && !symbolNumYearRE.MatchString(cited) {
		if n, err := strconv.Atoi(cited[:strings.IndexByte(cited, '/')]); err == nil && n <= lastAssemblySession {
			return "unea"
		}
		return "unga"
	}
	return inst
}

// boundBody names the body bound to the symbol at text[at:at+n] by the
// words next to it: "General Assembly resolution 75/271", "decision 12/14
// of the Governing Council", "B.24/03 of the Board of the Green Climate
// Fund"; "" when none is.
func boundBody(text string, at, n int) string {
	before := strings.TrimRight(text[:at], " ")
	// past the keyword: "resolution", "resolutions", "decision", …
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		w := strings.ToLower(before[i+1:])
		if strings.HasPrefix(w, "resolution") || strings.HasPrefix(w, "decision") {
			before = strings.TrimRight(before[:i], " ")
		}
	}
	before = strings.TrimSuffix(strings.TrimSuffix(before, "’s"), "'s")
	for _, b := range bodyContext {
		if strings.HasSuffix(before, b.phrase) {
			return b.id
		}
	}
	// "the General Assembly, by decision 78/546", "the Governing
	// Council, in its decision 27/2": the body is the clause's subject
	own := strings.TrimSuffix(strings.TrimSuffix(before, " own"), " its")
	its := own != before || before == "its"
	for _, c := range []string{", by", ", in", ", through", ", under"} {
		if subject, ok := strings.CutSuffix(own, c); ok {
			for _, b := range bodyContext {
				if strings.HasSuffix(subject, b.phrase) {
					return b.id
				}
			}
		}
	}
	if its {
		return ownBody // "Recalling its resolutions 3337 (XXIX) and …"
	}
	after := text[min(len(text), at+n):]
	// "decisions B.31/4 and B.33/12 of the Adaptation Fund Board": the
	// body after a list is every item's
	for {
		m := listTailRE.FindStringIndex(after)
		if m == nil {
			break
		}
		after = after[m[1]:]
	}
	// "decision II/2, paragraph 2, of the …": a place in the cited text
	// stands between it and its body
	if m := pinpointRE.FindString(after); m != "" && strings.HasPrefix(after[len(m):], ",") {
		after = after[len(m)+1:]
	}
	for _, lead := range []string{" of the ", " of ", ", adopted by the ", " adopted by the "} {
		rest, ok := strings.CutPrefix(after, lead)
		if !ok {
			continue
		}
		// "of the Second Meeting of the Conference of the Parties to the
		// Vienna Convention": the body's meeting, then the body
		if m := bodyMeetingRE.FindString(rest); m != "" {
			rest = rest[len(m):]
		}
		rest = rest[:min(len(rest), maxBodyName)]
		// "of the Board of the Green Climate Fund"
		rest = strings.TrimPrefix(rest, "Board of the ")
		rest = strings.TrimPrefix(rest, "United Nations ")
		for _, b := range bodyContext {
			if strings.HasPrefix(rest, b.phrase) {
				return b.id
			}
		}
	}
	return ""
}

// selfRefSlash reports whether the slash at text[k] can stand in a symbol
// selfRefRE matches: a number or a roman numeral before it ("12/", "IX/",
// "B.25/"), a number, a bracket or a UNFCCC body after it ("/19", "/[--]",
// "/CP.27"). Most slashes of a text stand in document symbols and
// addresses ("UNEP/CBD/COP", "and/or") and need no match.
func selfRefSlash(text string, k int) bool {
	if k == 0 || k+1 >= len(text) {
		return false
	}
	b, a := text[k-1], text[k+1]
	before := isDigit(b) || strings.IndexByte("IVXL]", b) >= 0
	after := isDigit(a) || a == '[' || a == 'C'
	return before && after
}

// keywordTail is how far past a keyword keywordRE reads: the comma and
// spaces before its list.
const keywordTail = 16

// keywords open lists of cited decisions; lower case, longest first.
var keywords = []string{"recommendations", "recommendation", "resolutions", "resolution", "decisions", "decision", "res. conf.", "dec.", "res."}

// keywordHits finds the keywords that open lists of cited decisions, as
// keywordRE.FindAllStringSubmatchIndex would, without running a
// case-insensitive expression over the whole text.
func keywordHits(text string) [][]int {
	if !mayCite(text) {
		return nil
	}
	return keywordScan(text)
}

// keywordScan is keywordHits of a text mayCite lets through.
func keywordScan(text string) [][]int {
	var out [][]int
	starts := newAnyOf(text, "dDrR")
	for i := 0; i < len(text); {
		at := starts.from(i)
		if at < 0 {
			break
		}
		i = at + 1
		if at > 0 && isAlnum(text[at-1]) {
			continue
		}
		// every keyword opens "dec", "rec" or "res" in some case
		if at+2 >= len(text) || text[at+1]|0x20 != 'e' || text[at+2]|0x20 != 'c' && text[at+2]|0x20 != 's' {
			continue
		}
		for _, k := range keywords {
			end := at + len(k)
			if end > len(text) || !strings.EqualFold(text[at:end], k) {
				continue
			}
			if end < len(text) && isAlnum(text[end]) && k[len(k)-1] != '.' {
				continue
			}
			loc := keywordAt(text[at:min(len(text), end+keywordTail)], k)
			if loc != nil {
				out = append(out, []int{at, at + loc[1], at + loc[2], at + loc[3]})
				i = at + loc[1]
			}
			break
		}
	}
	return out
}

// keywordAt is keywordAtRE.FindStringSubmatchIndex(w), for a w that
// opens with keyword k, in any case, and no letter or digit after it
// unless k ends on a full stop. The keywords that begin no longer one
// ("decision", "decisions", "dec.", "resolution", "resolutions",
// "recommendation", "recommendations") are read by hand when an ASCII
// byte or nothing follows them, as the expression reads them: the first
// alternative that k matches takes it whole, an "s" after it being a
// letter; then the spaces and comma after it. The rest go to the
// expression: "res." may open "res.  conf.", and an "s" of the singular
// may be the long s that (?i) folds with it.
func keywordAt(w, k string) []int {
	if k == "res." || k == "res. conf." || len(w) > len(k) && w[len(k)] >= utf8.RuneSelf {
		return keywordAtRE.FindStringSubmatchIndex(w)
	}
	n := keywordSpaces(w[len(k):])
	if n == 0 {
		return nil
	}
	return []int{0, len(k) + n, 0, len(k)}
}

// keywordSpaces is how much of u the tail of keywordRE, \s*,?\s+, takes
// at its start, 0 when it does not match: the spaces, then a comma and
// the spaces after it if there are any, or else the spaces alone.
func keywordSpaces(u string) int {
	w1 := 0
	for w1 < len(u) && isRESpace(u[w1]) {
		w1++
	}
	if w1 < len(u) && u[w1] == ',' {
		w2 := 0
		for w1+1+w2 < len(u) && isRESpace(u[w1+1+w2]) {
			w2++
		}
		if w2 > 0 {
			return w1 + 1 + w2
		}
	}
	return w1
}

// mayCite reports cheaply whether text holds a keyword at all.
func mayCite(text string) bool {
	// "dec.", "Res." and any word ending so ("measures."), first: one
	// look at each full stop answers for most paragraphs
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i >= 2 {
			switch text[i-2 : i] {
			case "ec", "es", "EC", "ES":
				return true
			}
		}
		j := strings.IndexByte(text[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for _, k := range citeWords {
		if containsFrom(text, k.word, k.from) {
			return true
		}
	}
	return false
}

// citeWords are the keywords mayCite looks for, each with where its
// rarest letters begin: searching from a "c" or a "u" skips further
// through English than searching from an "e".
var citeWords = []struct {
	word string
	from int
}{{"ecision", 1}, {"ECISION", 1}, {"esolution", 4}, {"ESOLUTION", 4}, {"ecommendation", 3}}

// containsFrom is strings.Contains(s, word), searching for word[from:]
// and then looking back for the rest.
func containsFrom(s, word string, from int) bool {
	tail := word[from:]
	for i := 0; ; {
		j := strings.Index(s[i:], tail)
		if j < 0 {
			return false
		}
		if at := i + j - from; at >= 0 && strings.HasPrefix(s[at:], word) {
			return true
		}
		i += j + 1
	}
}

// withoutLeadingZeros returns symbol s without the zeros that open its
// numbers ("Agreement 2010-3" from "Agreement 2010-03"), so that a
// decision printing its own symbol once without them still knows it.
func withoutLeadingZeros(s string) string {
	if !strings.Contains(s, "0") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '0' && (i == 0 || !isDigit(s[i-1])) && i+1 < len(s) && isDigit(s[i+1]) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}
