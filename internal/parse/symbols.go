package parse

import (
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// Decision symbols, in the styles of the bodies accord knows.
const (
	// UNFCCC ("4/CP.27", "3/CMA.1") and UNCCD ("11/COP.15")
	symUNFCCC   = `\d{1,3}/(?:CP|CMP|CMA|COP)\.\d{1,2}`
	symPrefixed = `(?:BS|NP|CP|MC|BC|RC|SC|VC|EM|UNEP/EA|OEWG|CBD|IPBES)(?:-|\s)?(?:[IVXL]{1,6}|\d{1,2})/(?:\d{1,3}|\[[-–—.\s]*\])`
	symEx       = `Ex\.\s?[IVX]{1,5}/\d{1,3}`
	symRoman    = `[IVXL]{1,7}/\d{1,3}`
	symNumeric  = `\d{1,3}/\d{1,3}`
	symDotted   = `(?:[IVXL]{1,5}|\d{1,2})\.\d{1,3}`
	// boards of funds: Adaptation Fund Board "B.22/15", GCF Board "B.24/03";
	// the GCF Board's decisions of two meetings at once "B.02-12/07" and
	// between meetings "B.BM-2020/14"
	symBoard = `B\.(?:\d{1,3}(?:-\d{1,2})?|BM-(?:19|20)\d{2})/\d{1,3}`
	// a meeting and a number: "COP6/3", "MOP 4/2"
	symMeeting = `(?:COP|MOP|CoP)\s?\d{1,2}/\d{1,3}`
	// a year and a number, after a keyword: "Resolution 2019-1"
	symYear = `(?:19|20)\d{2}-\d{1,2}`
	// jointDash joins the symbols of a decision adopted by several bodies
	// at once: "2/CMP.17−3/CMA.4", "BC-16/2–RC-11/3–SC-11/4".
	jointDash = `\s?[` + jointDashes + `]\s?`
	// revision of a CITES text: "Res. Conf. 11.3 (Rev. CoP19)"
	revision = `\s*\(Rev\.\s?CoP\s?\d{1,2}\)`
)

// headingTitle is what headingRE reads after headingHead: a separator
// and the title, spaces and a title in capitals, or nothing; and
// headingOpening the first bytes of it that headingOpenRE reads.
const (
	headingTitle   = `(?:\s*[:.\-–—]\s*(.*?)|\s+([A-Z].*?))?$`
	headingOpening = `(\s*[:.\-–—]|\s+[A-Z]|$)`
)

// adoptedAt is the meeting a heading may name after the symbol: "Decision
// II/3 of the Second Meeting of the Parties (Bulgaria, 2001)", "Decision
// 5/2 adopted at the fifth session". It ends on the meeting's name and
// its place and year in brackets, so that a sentence that opens with a
// cited decision ("Decision 1/CP.21 of the Conference requests …") does
// not pass for a heading.
const adoptedAt = `(?:\s+(?:of|adopted\s+(?:at|by)|taken\s+at)\s+the\s+(?:[\p{L}-]+\s+){0,3}(?:[Mm]eeting|[Ss]ession|[Cc]onference)(?:\s+of\s+the\s+Parties)?(?:\s*\([^()]{0,60}\))?)?`

// bodyLabel is the name of the adopting body a web page prints between
// the keyword and the symbol: "Decision COP XIV/26".
const bodyLabel = `(?:(?:COP|MOP|CMP|CMA|COP-MOP|COP/MOP)\s+)?`

var (
	// symbolJoint continues a symbol with the others of a joint decision.
	symbolJoint = `(?:` + jointDash + `(?:` + symUNFCCC + `|` + symPrefixed + `|` + symRoman + `|` + symNumeric + `))*`
	// symbolAny matches a symbol in a heading: any style of houseStyles.
	symbolAny = styleHeadings()

	// headingRE matches a decision heading: "Decision 4/CP.27", "Draft
	// decision MC-6/[--]: Title", "Resolution 1.3", "Dec. III/12".
	// The keyword is capitalized: "decision 1/CP.21." at the start of a
	// wrapped line is a citation, not a heading. A web page's field
	// "Decision number: XIII/5" is one too.
	headingRE = regexp.MustCompile(headingHead + headingTitle)
	// headingHead is headingRE up to the title.
	headingHead = headingHeadWith(symbolAny, symbolJoint, adoptedAt)
	// headingOpenRE is headingHead and the first bytes of what
	// headingRE allows after it (group 4): a line without a line break
	// that matches it matches headingRE, with the same first three
	// groups. It stops there, where headingRE would read the whole title.
	headingOpenRE = regexp.MustCompile(headingHead + headingOpening)
	// symbolFirstRE matches a heading that opens with the symbol:
	// "BS-IV/6. Cooperation with other organizations".
	symbolFirstRE = regexp.MustCompile(`^(` + styleLeadSymbols() + symbolJoint + `)(?:\s*[.:]\s+|[.:])([A-Z].*)$`)
	// dottedHeadRE matches "19.30 & 19.31 World Wildlife Trade Report" and
	// "13.1" alone, the way CITES and CMS pages head their decisions, and
	// "Decisions 13.1 to 13.3 - Title".
	dottedHeadRE = regexp.MustCompile(`^(?i:(decisions?|resolutions?)\s+)?(\d{1,2}\.\d{1,3})((?:\s*(?:&|,|and|to|[-–—])\s*\d{1,2}\.\d{1,3})*)(?:\s*[-–—:]?\s+([A-Z].*))?$`)
	// titleSignalRE matches a heading naming a decision without a symbol:
	// "Recommendation of the Ad hoc Joint Working Group …",
	// "Resolution on the Framework …", "Draft decision on …".
	titleSignalRE = regexp.MustCompile(`^(?i:(draft\s+)?(decision|resolution|recommendation))\s+(?:of|on|by|concerning|regarding)\s+\S`)
	// citesResRE matches the heading of a CITES resolution as its pages
	// print it: "Conf. 10.10 (Rev. CoP19)", and as a web page's field:
	// "Resolution number: Conf. 5.20".
	citesResRE = regexp.MustCompile(`^(?:Resolution(?:\s+(?:[Nn]umber|[Nn]o\.?))?(?:\s*:)?\s+|Res\.\s*)?Conf\.\s*(\d{1,2}\.\d{1,3})((?:\s*\(Rev\.\s*CoP\s*\d{1,2}\))?)\s*\*?$`)
	directedRE = regexp.MustCompile(`^(?i)decision directed to:?\s*$`)
	// directedValueRE matches a CITES label with its value on the same
	// line: "Directed to the Secretariat", "Decision directed to: Parties".
	directedValueRE = regexp.MustCompile(`^(?:(?i:decision)\s+)?(?i:directed\s+to)(?::\s*|\s+)\S`)
	// trailingDottedRE matches a CITES title with its decision's number
	// after it: "Regional cooperation on the queen conch 16.147".
	trailingDottedRE = regexp.MustCompile(`^(.*\S)\s+(\d{1,2}\.\d{1,3})$`)
	dottedNumRE      = regexp.MustCompile(`\d{1,2}\.\d{1,3}`)
	inDecRE          = regexp.MustCompile(`\b(?i:in\s+(?:dec\.|decision))\s+(` + symbolAny + `)`)

	// loneSymbolRE matches a line that holds a symbol and nothing else,
	// without keyword: a web page's heading ("28 COM 14B.3") or the value
	// of a metadata field ("Número de referencia" / "COP5/18"). Numbers
	// that also read as page counters ("2/5"), section numbers ("2.1")
	// or years are left out: alone on a line they say nothing.
	loneSymbolRE = regexp.MustCompile(`^(?:` + loneSymbols() + `)` + symbolJoint + `$`)

	symbolUNFCCCRE   = regexp.MustCompile(`^(\d{1,3})/(CP|CMP|CMA|COP)\.(\d{1,2})$`)
	symbolPrefixedRE = regexp.MustCompile(`^(BS|NP|CP|MC|BC|RC|SC|VC|EM|UNEP/EA|OEWG|CBD|IPBES)(?:-|\s)?([IVXL]{1,6}|\d{1,2})/(.+)$`)
	symbolRomanRE    = regexp.MustCompile(`^(?:Ex\.\s?)?([IVXL]{1,7})/(\d{1,3})$`)
	symbolDottedRE   = regexp.MustCompile(`^(?:(?i:decision|resolution)\s+)?([IVXL]{1,5}|\d{1,2})\.(\d{1,3})$`)
)

// closingSymbolRE matches the symbol a meeting report prints in brackets
// after the text of a decision: "(Decision B.25/1)".
var closingSymbolRE = regexp.MustCompile(`^\((?:Decision|Resolution|Recommendation)\s+(` + symbolAny + symbolJoint + `)\)\.?$`)

// closingFrame is what a closing symbol line holds besides the symbol:
// brackets, the keyword ("Recommendation", the longest) and a full stop.
const closingFrame = 20

// closingSymbol returns the symbol line t prints after a decision's text.
func closingSymbol(t string) (string, bool) {
	if len(t) < 4 || t[0] != '(' || t[1] != 'D' && t[1] != 'R' || len(t) > maxLoneSymbol+closingFrame {
		return "", false
	}
	m := closingSymbolRE.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return canonicalSymbol(m[1]), true
}

// maxDirectedLine is the longest line that can be a "Directed to" label
// with its value: the value names bodies; a longer line is a sentence.
const maxDirectedLine = 120

// directedLine reports whether t is the label CITES prints above the
// paragraph of a decision naming whom it is directed to, with its value
// on the line ("Directed to the Secretariat") or on the next ("Decision
// directed to:").
func directedLine(t string) bool {
	if t == "" || t[0]|0x20 != 'd' || len(t) > maxDirectedLine {
		return false
	}
	if directedRE.MatchString(t) {
		return true
	}
	return !endsSentence(t) && !strings.HasSuffix(t, ",") && directedValueRE.MatchString(t)
}

// ownAnnexRE matches the heading of a decision's own annex, which names
// the decision: "Annex to decision BC-12/19", "ANNEX II TO DECISION
// IX/6". The capital "Annex" is a heading's: a sentence cites another
// decision's annex in lower case ("set out in annex I to decision 3/2").
var ownAnnexRE = regexp.MustCompile(`^(?:Annex|ANNEX)(?:\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z]))?\s+(?:to|TO)\s+(?:the\s+)?(?:[Dd]ecision|DECISION)\s+(` + symbolAny + symbolJoint + `)`)

// maxOwnAnnex bounds the heading ownAnnexRE reads: keyword, number and
// symbol ("ANNEX II TO DECISION BC-16/2–RC-11/3–SC-11/4").
const maxOwnAnnex = 80

// ownAnnexSymbol returns the symbol the heading of a decision's own annex
// gives it, for a decision printed without heading: "" when text has no
// such heading. Only the words after each "Annex" at the start of a word
// are matched.
func ownAnnexSymbol(text string) string {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], "A")
		if i < 0 {
			return ""
		}
		i += off
		off = i + 1
		if i > 0 && !unicode.IsSpace(rune(text[i-1])) || !strings.HasPrefix(text[i:], "Annex") && !strings.HasPrefix(text[i:], "ANNEX") {
			continue
		}
		if m := ownAnnexRE.FindStringSubmatch(text[i : i+cutAt(text[i:], maxOwnAnnex)]); m != nil {
			return canonicalSymbol(m[1])
		}
	}
	return ""
}

// ambiguousAlone are the symbol grammars that, alone on a line and without
// a keyword, read as something else: a page counter, a section number, a
// year and a number.
var ambiguousAlone = map[string]bool{symNumeric: true, symDotted: true, symYear: true, symYearSlash: true}

// loneSymbols returns the heading grammars of the house styles that a
// line may hold alone, as one alternation.
func loneSymbols() string {
	var out []string
	seen := map[string]bool{}
	for _, s := range houseStyles {
		for _, h := range s.headings {
			if !seen[h] && !ambiguousAlone[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return strings.Join(out, "|")
}

// maxLoneSymbol is the longest line that can hold a symbol alone: joint
// symbols of three bodies ("BC-16/2–RC-11/3–SC-11/4") stay under it.
const maxLoneSymbol = 40

// loneSymbol returns the symbol line t holds alone, if it does.
func loneSymbol(t string) (string, bool) {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > maxLoneSymbol || t[0] >= 'a' || !endsDigit(t) && t[len(t)-1] != ']' || !strings.ContainsAny(t, "/-.") || !loneSymbolRE.MatchString(t) {
		return "", false
	}
	return canonicalSymbol(t), true
}

// prefixInstrument maps symbol prefixes to instruments.
var prefixInstrument = map[string]string{
	"MC": "minamata", "BC": "basel", "RC": "rotterdam", "SC": "stockholm", "BS": "cartagena",
	"NP": "nagoya", "CP": "cartagena", "VC": "vienna", "CBD": "cbd", "UNEP/EA": "unea", "EM": "montreal",
	"IPBES": "ipbes",
}

// canonicalSymbol writes a symbol the way its body does: "BS II/6" →
// "BS-II/6", "Ex.III/1" kept, spaces folded.
func canonicalSymbol(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if m := prefixedMatch(s); m != nil && m[1] != "CBD" && m[1] != "VC" {
		return m[1] + "-" + m[2] + "/" + m[3]
	}
	return s
}

// symbolKey is the form used to compare symbols: no case, spaces, hyphens,
// nor a leading "decision"/"resolution".
func symbolKey(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "decision ")
	s = strings.TrimPrefix(s, "resolution ")
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '–' {
			return -1
		}
		return r
	}, s)
}

// instrumentNames are phrases that name an instrument, for texts whose
// symbols do not say which instrument they belong to.
var instrumentNames = []struct{ id, phrase string }{
	{"cartagena", "Cartagena Protocol"}, {"nagoya", "Nagoya Protocol"}, {"paris", "Paris Agreement"},
	{"kyoto", "Kyoto Protocol"}, {"minamata", "Minamata Convention"}, {"basel", "Basel Convention"},
	{"rotterdam", "Rotterdam Convention"}, {"stockholm", "Stockholm Convention"},
	{"cbd", "Convention on Biological Diversity"}, {"cbd", "UNEP/CBD/COP"}, {"montreal", "Montreal Protocol"},
	{"vienna", "Vienna Convention for the Protection"}, {"cms", "Migratory Species"},
	{"cites", "CITES"}, {"cites", "Endangered Species of Wild Fauna"}, {"cites", "Animals and Plants Committees"},
	{"cites", "Animals Committee"}, {"ramsar", "Ramsar"},
	{"unfccc", "Framework Convention on Climate Change"}, {"unfccc", "UNFCCC"},
	{"unccd", "Convention to Combat Desertification"}, {"unea", "United Nations Environment Assembly"},
}

var montrealFormulaRE = regexp.MustCompile(`(?i)^The [\w-]+ Meeting of the Parties decided`)

// formulaInstrument names the instrument a formula speaks for: "The
// Conference of the Parties serving as the meeting of the Parties to the
// Cartagena Protocol on Biosafety," → cartagena. A formula naming several
// ("… to the Basel, Rotterdam and Stockholm Conventions") names none.
func formulaInstrument(formula string) string {
	count := namedInstruments(formula)
	if len(count) == 1 {
		for id := range count {
			return id
		}
	}
	if len(count) == 0 && montrealFormulaRE.MatchString(formula) {
		return "montreal"
	}
	return ""
}

// namedInstruments counts how often text names each instrument. "The
// Basel, Rotterdam and Stockholm Conventions" names all three.
func namedInstruments(text string) map[string]int {
	count := map[string]int{}
	for _, n := range instrumentNames {
		if c := strings.Count(text, n.phrase); c > 0 {
			count[n.id] += c
		}
	}
	// A list counts for every name in it; its last name ("Stockholm
	// Conventions") holds the phrase and is counted already.
	for off := 0; ; {
		i := strings.Index(text[off:], "onventions")
		if i < 0 {
			break
		}
		off += i + len("onventions")
		head := text[:off]
		names := conventionList(head)
		// "the Basel, Rotterdam and Stockholm conventions": its last name
		// holds no phrase ("Stockholm Convention") to count it by.
		if len(names) > 0 && strings.HasSuffix(head, " conventions") {
			if w, _ := trailingName(strings.TrimSuffix(head, " conventions")); w != "" {
				names = append(names, w)
			}
		}
		for _, name := range names {
			if id := conventionID(name); id != "" {
				count[id]++
			}
		}
	}
	return count
}

// conventionList returns the names before the last in a list that text
// ends with, such as "Basel" and "Rotterdam" in "the Basel, Rotterdam and
// Stockholm Conventions", or "Basel" in "the Basel and Stockholm
// Conventions"; each a capitalized word.
func conventionList(text string) []string {
	s, ok := strings.CutSuffix(text, "onventions")
	if !ok || !strings.HasSuffix(s, " C") && !strings.HasSuffix(s, " c") {
		return nil
	}
	s = s[:len(s)-2]
	w, s := trailingName(s)
	if w == "" {
		return nil
	}
	if s, ok = strings.CutSuffix(s, " and "); !ok {
		return nil
	}
	s = strings.TrimSuffix(s, ",")
	var names []string
	for {
		w, rest := trailingName(s)
		if w == "" {
			break
		}
		names = append(names, w)
		if s, ok = strings.CutSuffix(rest, ", "); !ok {
			break
		}
	}
	return names
}

// trailingName splits a capitalized ASCII word ("Basel") off the end of s;
// w is "" when s does not end with one.
func trailingName(s string) (w, rest string) {
	i := len(s)
	for i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' {
		i--
	}
	if i == len(s) || i == 0 || s[i-1] < 'A' || s[i-1] > 'Z' {
		return "", s
	}
	return s[i-1:], s[:i-1]
}

// conventionID names the instrument of "Basel" in "the Basel, Rotterdam and
// Stockholm Conventions".
func conventionID(name string) string {
	for _, n := range instrumentNames {
		if n.phrase == name+" Convention" {
			return n.id
		}
	}
	return ""
}

// mentionedInstrument returns the instrument named most often in text, at
// least twice as often as any other, or "".
func mentionedInstrument(text string) string {
	count := namedInstruments(text)
	best, bestN, second := "", 0, 0
	for id, c := range count {
		switch {
		case c > bestN:
			best, bestN, second = id, c, bestN
		case c > second:
			second = c
		}
	}
	// A text that names several instruments about as often speaks for
	// none of them alone (a joint recommendation of three conventions).
	if bestN == 0 || bestN < 2*second {
		return ""
	}
	return best
}

// symbolNumYearRE matches a symbol of a number and the year ("3/2019").
var symbolNumYearRE = regexp.MustCompile(`^` + symNumYear + `$`)

// ramsarSymbolRE matches the symbols only the Ramsar Convention writes: a
// resolution of its conference numbered by the meeting in roman numerals
// and a number ("XIV.7"), a decision of its Standing Committee ("SC43-1").
var ramsarSymbolRE = regexp.MustCompile(`^(?:[IVX]{1,5}\.\d{1,3}|` + symRamsarSC + `)$`)

// jointSymbolInstrument names the joint instrument whose decision a
// joint symbol is: "BC-16/2–RC-11/3–SC-11/4" or "BC-Ex.1/1, RC-Ex.1/1 and
// SC-Ex.1/1", symbols of every instrument a joint instrument groups
// (accord.JointInstrument). "" for a symbol of one instrument.
func jointSymbolInstrument(sym string) string {
	var ids []string
	for _, part := range jointParts(sym) {
		id := symbolInstrument(part)
		if id == "" {
			return ""
		}
		ids = append(ids, id)
	}
	return accord.JointInstrument(ids)
}

// jointParts splits a joint symbol into its symbols, at the dashes that
// join them and at commas and "and".
func jointParts(sym string) []string {
	var parts []string
	for _, p := range strings.FieldsFunc(strings.ReplaceAll(sym, " and ", ","), func(r rune) bool { return r == ',' || r == ';' }) {
		p = strings.TrimSpace(p)
		for p != "" {
			m := jointSepRE.FindStringIndex(p)
			if m == nil || strings.IndexByte(p[m[0]:], '/') < 0 {
				parts = append(parts, p)
				break
			}
			parts = append(parts, p[:m[0]+1])
			p = strings.TrimSpace(strings.TrimLeft(p[m[0]+1:], jointDashes+" "))
		}
	}
	return parts
}

// jointMarkRE finds what says that several bodies speak together: the
// conferences of the Parties (in the plural), a joint body or session, or
// the simultaneous extraordinary meetings.
var jointMarkRE = regexp.MustCompile(`(?i)\bconferences of the parties\b|\bjoint(ly)?\b|\bsimultaneous\b`)

// jointMark is jointMarkRE.MatchString(t), asked only of a t that holds,
// in any case, the plural "onferences" (pluralConference) or a part of
// the other words without "k" or "s" (which fold to runes beyond ASCII):
// a formula or title rarely says any of them.
func jointMark(t string) bool {
	if !pluralConference(t) && !containsFold(t, "joint") && !containsFold(t, "imultaneou") {
		return false
	}
	return jointMarkRE.MatchString(t)
}

// pluralConference reports whether t holds "onference", in any case,
// followed by an "s" in any case or the long s that (?i) folds with it,
// as the "conferences of the parties" of jointMarkRE does: a formula in
// the singular ("The Conference of the Parties,") needs no expression.
func pluralConference(t string) bool {
	const word = "onference"
	for i := 0; i+len(word) < len(t); i++ {
		if t[i]|0x20 == 'o' && hasPrefixFold(t[i:], word) {
			if j := i + len(word); t[j]|0x20 == 's' || strings.HasPrefix(t[j:], "ſ") {
				return true
			}
		}
	}
	return false
}

// jointTextInstrument names the joint instrument a decision speaks for
// when its formula or title says so: it names together every instrument
// a joint instrument groups, each as often and no other, and says that
// they act jointly ("The Ad hoc Joint Working Group recommends … to the
// Conferences of the Parties to the Basel, Rotterdam and Stockholm
// Conventions"). A title that lists the three conventions without saying
// they act jointly, as each COP's own synergies decision does, names
// none.
func jointTextInstrument(texts ...string) string {
	for _, t := range texts {
		if !jointMark(t) {
			continue
		}
		count := namedInstruments(t)
		ids := make([]string, 0, len(count))
		n := -1
		for id, c := range count {
			if n >= 0 && c != n {
				ids = nil
				break
			}
			n = c
			ids = append(ids, id)
		}
		if j := accord.JointInstrument(ids); j != "" {
			return j
		}
	}
	return ""
}

// symbolInstrument names the instrument a symbol belongs to, when the
// symbol says so.
func symbolInstrument(sym string) string {
	s := strings.TrimSpace(sym)
	if strings.HasPrefix(s, "Res. Conf.") || strings.HasPrefix(s, "Resolution Conf.") {
		return "cites"
	}
	s = firstOfJoint(strings.TrimPrefix(strings.TrimPrefix(s, "Resolution "), "Decision "))
	if m := unfcccMatch(s); m != nil {
		switch m[2] {
		case "CMA":
			return "paris"
		case "CMP":
			return "kyoto"
		case "COP":
			return "unccd"
		}
		return "unfccc"
	}
	if strings.HasPrefix(s, "B.") {
		return "" // a fund's board: its body is named in words
	}
	if ramsarSymbolRE.MatchString(s) {
		return "ramsar"
	}
	if strings.HasPrefix(s, "Ex.") {
		return "montreal"
	}
	if m := prefixedMatch(s); m != nil {
		return prefixInstrument[m[1]]
	}
	return ""
}

// meetingOf names the meeting that adopted a decision with symbol sym of
// instrument inst: "COP-6", "COP-MOP-4", "CMA-3", "MOP-3".
func meetingOf(sym, inst string) string {
	s := strings.TrimSpace(sym)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Resolution "), "Decision ")
	s = strings.TrimSpace(strings.TrimPrefix(s, "Res. Conf."))
	s = firstOfJoint(s)
	body := "COP"
	switch inst {
	case "cartagena", "nagoya":
		body = "COP-MOP"
	case "montreal":
		body = "MOP"
	case "unea":
		body = "UNEA"
	case "ipbes":
		body = "IPBES"
	}
	if m := unfcccMatch(s); m != nil {
		if m[2] == "CP" || m[2] == "COP" {
			return "COP-" + m[3]
		}
		return m[2] + "-" + m[3]
	}
	if strings.HasPrefix(s, "Ex.") {
		return ""
	}
	if symbolNumYearRE.MatchString(s) {
		return "" // "3/2019" numbers the resolution, not the session
	}
	var n string
	switch m := prefixedMatch(s); {
	case m != nil:
		n = m[2]
	default:
		if m := symbolRomanRE.FindStringSubmatch(s); m != nil {
			n = m[1]
		} else if m := symbolDottedRE.FindStringSubmatch(s); m != nil {
			n = m[1]
		} else if i := strings.IndexByte(s, '/'); i > 0 {
			n = s[:i]
		}
	}
	if n == "" {
		return ""
	}
	v, err := strconv.Atoi(n)
	if err != nil {
		v = romanValue(n)
	}
	if v <= 0 {
		return ""
	}
	return body + "-" + strconv.Itoa(v)
}

// jointDashes are the dashes that join the symbols of a joint decision.
const jointDashes = "-‐‑‒–—−"

// jointSepRE finds where the first symbol of a joint decision ends: a
// digit, then a dash and the next symbol ("2/CMP.17−3/CMA.4").
var jointSepRE = regexp.MustCompile(`\d` + jointDash + `[A-Z0-9]`)

// firstOfJoint returns the first symbol of a joint decision's symbol, or
// s itself.
func firstOfJoint(s string) string {
	if !strings.ContainsAny(s, jointDashes) {
		return s
	}
	if m := jointSepRE.FindStringIndex(s); m != nil && strings.IndexByte(s[m[0]:], '/') > 0 {
		return s[:m[0]+1]
	}
	return s
}

// inDecMatch is inDecRE.FindStringSubmatch(t), for a t that can match:
// one that says "dec" in any case.
func inDecMatch(t string) []string {
	if !containsFold(t, "dec") {
		return nil
	}
	return inDecRE.FindStringSubmatch(t)
}

// containsFold reports whether s holds sub, a word of lower-case ASCII
// letters without "k" or "s" (which fold to runes beyond ASCII), in any
// case.
func containsFold(s, sub string) bool {
	lower, upper := sub[0], sub[0]-'a'+'A'
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i]; (c == lower || c == upper) && hasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// unfcccMatch is symbolUNFCCCRE.FindStringSubmatch(s), read by hand:
// every cited symbol is asked.
func unfcccMatch(s string) []string {
	k := digitsThen(s, '/')
	if k == 0 {
		return nil
	}
	rest := s[k+1:]
	for _, body := range []string{"CP", "CMP", "CMA", "COP"} {
		num, ok := strings.CutPrefix(rest, body+".")
		if !ok {
			continue
		}
		if n := len(num); n == 0 || n > 2 || !isDigit(num[0]) || !isDigit(num[n-1]) {
			return nil
		}
		return []string{s, s[:k], body, num}
	}
	return nil
}

// prefixedMatch is symbolPrefixedRE.FindStringSubmatch(s), asked only of
// a symbol that opens with a capital and holds a slash, as all prefixed
// symbols do.
func prefixedMatch(s string) []string {
	if s == "" || !isUpper(s[0]) || strings.IndexByte(s, '/') < 0 {
		return nil
	}
	return symbolPrefixedRE.FindStringSubmatch(s)
}

// headingHeadWith is headingHead with sym for symbolAny, joint for
// symbolJoint and adopted for adoptedAt.
func headingHeadWith(sym, joint, adopted string) string {
	return `^((?:Draft|DRAFT)\s+)?((?:[Dd]ecision|DECISION|[Rr]esolution|RESOLUTION|[Rr]ecommendation|RECOMMENDATION)|Dec\.|Res\.\s*Conf\.)(?:\s+(?:[Nn]umber|[Nn]o\.?))?(?:\s*:)?\s+` + bodyLabel + `(` + sym + joint + `)` + adopted
}

// headingSymbols are the patterns of symbolAny, in its order.
var headingSymbols = styleHeadingList()

// headingSymbolFirst holds, for each byte, the set of headingSymbols
// (bit i for headingSymbols[i]) that can open with it.
var headingSymbolFirst = func() (first [256]uint32) {
	if len(headingSymbols) > maxHeadingSymbols {
		panic("parse: more heading symbols than bits for them")
	}
	for i, sym := range headingSymbols {
		opens := newScanner(regexp.MustCompile(sym)).first
		for c, ok := range opens {
			if ok {
				first[c] |= 1 << i
			}
		}
	}
	return first
}()

// headingPart is a part of headingHead that many headings cannot hold,
// left out of the expressions that read those.
type headingPart uint32

// maxHeadingSymbols is how many of headingSymbols a headingPart can
// hold, one bit each, below the bits of the other parts.
const maxHeadingSymbols = 30

const (
	headingJoint   headingPart = 1 << maxHeadingSymbols       // symbolJoint
	headingAdopted headingPart = 1 << (maxHeadingSymbols + 1) // adoptedAt
)

// headingReader is headingRE and headingOpenRE for the headings that can
// hold only some of symbolAny's patterns and of headingHead's parts: the
// same expressions without the others, which cannot match there. Cut to
// the few patterns a heading can open its symbol with, an expression is
// small enough for the regexp package's backtracker, many times faster
// than the automaton it runs the whole of headingRE on.
type headingReader struct{ full, open *regexp.Regexp }

// maxHeadingReaders bounds how many headingReaders are kept: the
// corpora need a few dozen; lines built to need more are read by the
// whole expressions.
const maxHeadingReaders = 256

var (
	// headingReaders are the headingReaders made so far, by the parts
	// they read; a new one is added to a copy, so that reading the map
	// needs no lock.
	headingReaders   atomic.Pointer[map[headingPart]*headingReader]
	headingReadersMu sync.Mutex
	wholeHeadingRead = &headingReader{headingRE, headingOpenRE}
)

// headingReaderFor returns the expressions that read heading t, which
// mayHeadDecision passed, as headingRE and headingOpenRE do, or nil when
// no symbol of symbolAny can stand where t's would.
func headingReaderFor(t string) *headingReader {
	key := headingPart(headingSymbolBits(t))
	if key == 0 {
		return nil
	}
	if mayJoinSymbols(t) {
		key |= headingJoint
	}
	if strings.Contains(t, "eeting") || strings.Contains(t, "ession") || strings.Contains(t, "onference") {
		// the last word adoptedAt reads: meeting, session or conference
		key |= headingAdopted
	}
	if readers := headingReaders.Load(); readers != nil {
		if r, ok := (*readers)[key]; ok {
			return r
		}
	}
	return newHeadingReader(key)
}

// newHeadingReader makes and keeps the headingReader of the parts of key,
// or returns wholeHeadingRead when maxHeadingReaders are kept.
func newHeadingReader(key headingPart) *headingReader {
	headingReadersMu.Lock()
	defer headingReadersMu.Unlock()
	old := map[headingPart]*headingReader{}
	if readers := headingReaders.Load(); readers != nil {
		old = *readers
	}
	if r, ok := old[key]; ok {
		return r
	}
	if len(old) >= maxHeadingReaders {
		return wholeHeadingRead
	}
	var syms []string
	for i, sym := range headingSymbols {
		if key&(1<<i) != 0 {
			syms = append(syms, sym)
		}
	}
	joint, adopted := "", ""
	if key&headingJoint != 0 {
		joint = symbolJoint
	}
	if key&headingAdopted != 0 {
		adopted = adoptedAt
	}
	head := headingHeadWith(`(?:`+strings.Join(syms, "|")+`)`, joint, adopted)
	r := &headingReader{
		full: regexp.MustCompile(head + headingTitle),
		open: regexp.MustCompile(head + headingOpening),
	}
	readers := maps.Clone(old)
	readers[key] = r
	headingReaders.Store(&readers)
	return r
}

// headingSymbolBits returns the set of headingSymbols (bit i for
// headingSymbols[i]) that can open the symbol of heading t, which
// mayHeadDecision passed: the symbol stands after the keyword, spaces
// and a colon, a web page's "Number" or "No." and a body's label, and
// opens with the byte that follows them.
func headingSymbolBits(t string) uint32 {
	if strings.HasPrefix(t, "Draft") || strings.HasPrefix(t, "DRAFT") {
		t = t[len("Draft"):]
		t = t[leading(t, isRESpace):]
	}
	k := headingKeywordEnd(t)
	if k < 0 {
		return 0
	}
	rest := t[k:]
	n := leading(rest, isSpaceOrColon)
	if n == 0 {
		return 0
	}
	at := rest[n:]
	bits := labelledSymbolBits(at)
	if w := fieldWordEnd(at); w > 0 {
		after := at[w:]
		if m := leading(after, isSpaceOrColon); m > 0 {
			bits |= labelledSymbolBits(after[m:])
		}
	}
	return bits
}

// jointSymbolFirst holds the bytes a symbol that symbolJoint joins to
// another can open with.
var jointSymbolFirst = newScanner(regexp.MustCompile(symUNFCCC + `|` + symPrefixed + `|` + symRoman + `|` + symNumeric)).first

// mayJoinSymbols reports whether t can hold what symbolJoint reads past
// a symbol: a dash of jointDashes, a space or not, and a byte of
// jointSymbolFirst ("2/CMP.17−3/CMA.4", not "3/2 - Title").
func mayJoinSymbols(t string) bool {
	for i := 0; i < len(t); {
		k := strings.IndexAny(t[i:], jointDashes)
		if k < 0 {
			return false
		}
		_, n := utf8.DecodeRuneInString(t[i+k:])
		i += k + n
		j := i
		if j < len(t) && isRESpace(t[j]) {
			j++
		}
		if j < len(t) && jointSymbolFirst[t[j]] {
			return true
		}
	}
	return false
}

// fieldWordEnd returns where the word "Number" or "No." of a web page's
// field ("Decision number: XIII/5") that s opens with ends, or 0.
func fieldWordEnd(s string) int {
	if s == "" || s[0]|0x20 != 'n' {
		return 0
	}
	switch {
	case strings.HasPrefix(s[1:], "umber"):
		return len("Number")
	case strings.HasPrefix(s[1:], "o."):
		return len("No.")
	case strings.HasPrefix(s[1:], "o"):
		return len("No")
	}
	return 0
}

// bodyLabels are the labels of bodyLabel.
var bodyLabels = []string{"COP", "MOP", "CMP", "CMA", "COP-MOP", "COP/MOP"}

// labelledSymbolBits returns the set of headingSymbols that a symbol can
// be of that opens s, or opens it past a body's label and its spaces.
func labelledSymbolBits(s string) uint32 {
	if s == "" {
		return 0
	}
	bits := headingSymbolFirst[s[0]]
	for _, l := range bodyLabels {
		if rest, ok := strings.CutPrefix(s, l); ok {
			if m := leading(rest, isRESpace); m > 0 && m < len(rest) {
				bits |= headingSymbolFirst[rest[m]]
			}
		}
	}
	return bits
}

// isDecisionHeading is headingRE.MatchString(t).
func isDecisionHeading(t string) bool {
	if !opensDR(t) || !mayHeadDecision(t) {
		return false
	}
	r := headingReaderFor(t)
	if r == nil {
		return false
	}
	if strings.IndexByte(t, '\n') >= 0 {
		return r.full.MatchString(t)
	}
	return r.open.MatchString(t)
}

// decisionHeading is headingRE.FindStringSubmatch(t), at the cost of the
// heading's first words: the title is what follows them.
func decisionHeading(t string) []string {
	if !opensDR(t) || !mayHeadDecision(t) {
		return nil
	}
	r := headingReaderFor(t)
	if r == nil {
		return nil
	}
	if strings.IndexByte(t, '\n') >= 0 {
		return r.full.FindStringSubmatch(t)
	}
	loc := r.open.FindStringSubmatchIndex(t)
	if loc == nil {
		return nil
	}
	m := make([]string, 6)
	m[0] = t
	for g := 1; g <= 3; g++ {
		if loc[2*g] >= 0 {
			m[g] = t[loc[2*g]:loc[2*g+1]]
		}
	}
	// what follows the symbol: a separator and the title, or spaces and
	// a title in capitals, or nothing
	u := t[loc[8]:]
	i := 0
	for i < len(u) && isRESpace(u[i]) {
		i++
	}
	rest := u[i:]
	for _, sep := range []string{":", ".", "-", "–", "—"} {
		if strings.HasPrefix(rest, sep) {
			k := len(sep)
			for k < len(rest) && isRESpace(rest[k]) {
				k++
			}
			m[4] = rest[k:]
			return m
		}
	}
	if i > 0 && rest != "" && isUpper(rest[0]) {
		m[5] = rest
	}
	return m
}

// headingKeywords are the keywords of headingHead as printed, but for
// "Res. Conf.", whose spaces vary (headingKeywordEnd).
var headingKeywords = []string{"Decision", "decision", "DECISION", "Resolution", "resolution", "RESOLUTION",
	"Recommendation", "recommendation", "RECOMMENDATION", "Dec."}

// headingKeywordEnd returns where the keyword of headingHead that t opens
// with ends, or -1.
func headingKeywordEnd(t string) int {
	for _, k := range headingKeywords {
		if strings.HasPrefix(t, k) {
			return len(k)
		}
	}
	if rest, ok := strings.CutPrefix(t, "Res."); ok {
		if i := leading(rest, isRESpace); strings.HasPrefix(rest[i:], "Conf.") {
			return len("Res.") + i + len("Conf.")
		}
	}
	return -1
}

// headingSymbolStart holds the bytes that what follows the keyword of
// headingHead, past its spaces and colon, can open with: "Number" or
// "No." of a web page's field, a body's label ("COP XIV/26") or the
// symbol of a house style.
var headingSymbolStart = newScanner(regexp.MustCompile(`(?:[Nn]umber|[Nn]o\.?)|` + bodyLabel + `(?:` + symbolAny + symbolJoint + `)`)).first

// mayHeadDecision reports cheaply whether t can match headingHead, and so
// headingRE and headingOpenRE: it opens with the keyword, "Draft" before
// it or not, then a space or a colon, and goes on past the spaces and
// colons with a byte of headingSymbolStart ("Decision 4/CP.27", not
// "Decisions adopted …" nor "Recommendation of the Working Group").
func mayHeadDecision(t string) bool {
	if strings.HasPrefix(t, "Draft") || strings.HasPrefix(t, "DRAFT") {
		n := leading(t[len("Draft"):], isRESpace)
		if n == 0 {
			return false
		}
		t = t[len("Draft")+n:]
	}
	k := headingKeywordEnd(t)
	if k < 0 {
		return false
	}
	rest := t[k:]
	i := leading(rest, isSpaceOrColon)
	return i > 0 && i < len(rest) && headingSymbolStart[rest[i]]
}

// isSpaceOrColon reports whether c is a space as \s reads it or a colon.
func isSpaceOrColon(c byte) bool { return c == ':' || isRESpace(c) }

// opensDR reports whether t opens with "D", "d", "R" or "r", as every
// keyword of headingHead does ("Draft", "decision", "Res. Conf.").
func opensDR(t string) bool {
	return t != "" && (t[0]|0x20 == 'd' || t[0]|0x20 == 'r')
}

// isRESpace reports whether c is a space as \s reads it.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// meetingTailRE reads "meeting of the Conference of the Parties …" from
// its word "meeting", and meetingOrdinalRE the one word before it.
// meetingInText looks for that word first: one pattern that opened with
// twenty ordinals would try each of them at every byte of a page.
var (
	meetingTailRE    = regexp.MustCompile(`^(?i)meeting\s+of\s+the\s+(Conference\s+of\s+the\s+(?:Contracting\s+)?Parties(\s+serving\s+as\s+the\s+meeting\s+of\s+the\s+Parties)?|Parties)`)
	meetingOrdinalRE = regexp.MustCompile(`^(?i)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\d{1,2}(?:st|nd|rd|th))$`)
)

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}

// meetingInText finds "Third meeting of the Conference of the Parties
// serving as the meeting of the Parties" and the like in a heading: the
// first "meeting" that has an ordinal word, then spaces, before it and
// "of the Conference of the Parties" or "of the Parties" after it.
func meetingInText(s string) string {
	if !strings.Contains(s, "eeting of") && !strings.Contains(s, "EETING OF") {
		return ""
	}
	for off := 0; off < len(s); off++ {
		i := strings.IndexAny(s[off:], "mM")
		if i < 0 {
			return ""
		}
		off += i
		if !hasPrefixFold(s[off:], "meeting") {
			continue
		}
		ord := ordinalBefore(s[:off])
		if ord == "" || !meetingOrdinalRE.MatchString(ord) {
			continue
		}
		m := meetingTailRE.FindStringSubmatch(s[off:])
		if m == nil {
			continue
		}
		n, ok := ordinals[strings.ToLower(ord)]
		if !ok {
			n, _ = strconv.Atoi(strings.TrimRight(ord, "stndrh"))
		}
		switch {
		case m[2] != "":
			return "COP-MOP-" + strconv.Itoa(n)
		case strings.EqualFold(m[1], "Parties"):
			return "MOP-" + strconv.Itoa(n)
		}
		return "COP-" + strconv.Itoa(n)
	}
	return ""
}

// ordinalBefore returns the word that ends s before at least one space
// (in the sense of a regexp's \s and \w), or "" when s does not end in
// space.
func ordinalBefore(s string) string {
	j := len(s)
	for j > 0 && strings.IndexByte("\t\n\f\r ", s[j-1]) >= 0 {
		j--
	}
	if j == len(s) {
		return ""
	}
	k := j
	for k > 0 && reWordByte(s[k-1]) {
		k--
	}
	return s[k:j]
}

func reWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func romanValue(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		v := romanDigit(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && romanDigit(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func romanDigit(c byte) int {
	switch c | 0x20 {
	case 'i':
		return 1
	case 'v':
		return 5
	case 'x':
		return 10
	case 'l':
		return 50
	case 'c':
		return 100
	case 'd':
		return 500
	case 'm':
		return 1000
	}
	return 0
}

// Document symbols and dates, which segment and references both read.

var (
	// docSymbolRE matches a document symbol; a part may hold a meeting
	// number in brackets, the UNCCD's way: "ICCD/COP(16)/23".
	docSymbolRE = regexp.MustCompile(`[A-Z]{1,10}(?:/(?:[A-Za-z0-9.\-]|\(\d{1,3}\))*(?:[A-Za-z0-9]|\(\d{1,3}\)))+`)
	// docSymbolScan finds docSymbolRE's symbols where they can begin.
	docSymbolScan = newScanner(docSymbolRE)
)

// documentSymbols returns the UN document symbols cited in text, in order,
// with their offsets.
func documentSymbols(text string) (syms []string, spans [][2]int) {
	return unDocuments(symbolSpans(text))
}

// unDocuments keeps the UN document symbols of symbolSpans' symbols and
// spans, reusing spans.
func unDocuments(all []string, spans [][2]int) (syms []string, _ [][2]int) {
	for k, s := range all {
		if unDocument(s) {
			syms = append(syms, s)
		} else {
			spans[k] = [2]int{-1, -1}
		}
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp[0] >= 0 {
			out = append(out, sp)
		}
	}
	return syms, out
}

// docNumberRE matches the number a document symbol that ends on a
// keyword gives after a space: " 12.28", " 11.33 (Rev.COP13)".
var docNumberRE = regexp.MustCompile(`^\s\d{1,2}\.\d{1,3}(?:\s?\(Rev\.\s?COP\s?\d{1,2}\))?`)

// keywordDocNumber returns how many bytes of after continue document
// symbol s when s ends on "Resolution" or "Decision", as the symbols of
// the texts CMS publishes do ("UNEP/CMS/Resolution 12.28"); 0 otherwise.
func keywordDocNumber(s, after string) int {
	if !strings.HasSuffix(s, "/Resolution") && !strings.HasSuffix(s, "/Decision") {
		return 0
	}
	return len(docNumberRE.FindString(after))
}

// notUN are the first parts of document symbols of bodies outside the
// United Nations system: the Green Climate Fund, the Adaptation Fund Board,
// the Global Environment Facility, the International Whaling Commission
// ("IWC/54/4", a paper of its annual meeting), UNESCO's Intangible
// Heritage Committee ("ITH/17/12.COM 2.BUR/3"), the Katowice Committee of
// Experts ("KCI/2021/4/8") and the Carpathian Convention ("CC/COP6/DOC6";
// its documents published by UNEP carry "UNEP/CC/").
var notUN = map[string]bool{"GCF": true, "AFB": true, "GEF": true, "IWC": true, "ITH": true, "KCI": true, "CC": true}

// unDocument reports whether a document symbol is the UN's: not one of a
// fund's board ("GCF/B.24/17", "AFB/B.22/6", "XYZ/B.3/2").
func unDocument(s string) bool {
	parts := strings.Split(s, "/")
	return !notUN[parts[0]] && !(len(parts[1]) > 2 && parts[1][0] == 'B' && parts[1][1] == '.' && isDigit(parts[1][2]))
}

// symbolSpans returns the document symbols of any body cited in text, in
// order, with their offsets.
func symbolSpans(text string) (syms []string, spans [][2]int) {
	if strings.Count(text, "/") < 2 {
		return nil, nil
	}
	for _, loc := range slashMatches(docSymbolScan, text, nil) {
		i, j := loc[0], loc[1]
		if i > 0 {
			c := text[i-1]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '-' {
				continue
			}
		}
		for i < j {
			s := strings.TrimRight(text[i:j], ".-")
			next := j
			// "UNEP/CHW.14/5/Add.1.3UNEP/CHW.14/INF/7": a footnote number
			// glues the next symbol to this one
			if m := gluedDoc(s); m != nil {
				d := m[2]
				for d > 0 && isDigit(s[d-1]) {
					d--
				}
				next = i + m[2]
				s = strings.TrimRight(s[:d], ".-")
			}
			// UN document symbols have three parts or more ("ST/AI/342");
			// two-part strings are decision symbols ("VIII/8") or pairs
			// of names ("FAO/WHO").
			if parts := strings.Split(s, "/"); len(parts) >= 3 && parts[1] != "" {
				end := i + len(s)
				if k := keywordDocNumber(s, text[end:]); k > 0 {
					// "UNEP/CMS/Resolution 12.28": the text's number
					// after a space is the document's
					s += text[end : end+k]
					end += k
					next = max(next, end)
				}
				syms = append(syms, s)
				spans = append(spans, [2]int{i, end})
			}
			i = next
		}
	}
	return syms, spans
}

// gluedDocRE finds a document symbol glued after another by a footnote
// number: "…/Add.1.3UNEP/…".
var gluedDocRE = regexp.MustCompile(`\d([A-Z]{2,10}/)`)

// gluedDoc is gluedDocRE.FindStringSubmatchIndex(s), asked only of a
// symbol with a digit before two capitals, as every match opens.
func gluedDoc(s string) []int {
	for i := 0; i+2 < len(s); i++ {
		if isDigit(s[i]) && isUpper(s[i+1]) && isUpper(s[i+2]) {
			return gluedDocRE.FindStringSubmatchIndex(s)
		}
	}
	return nil
}

// maxAnyOf is how many bytes an anyOf looks for: the cases of two
// letters, as the keywords and words the parser looks for open with.
const maxAnyOf = 4

// anyOf finds the places of any byte of a small set in a text, in order:
// strings.IndexAny(text[i:], set)+i for each i asked, a search never
// going back. It looks for each byte with strings.IndexByte, again only
// past the place found last for that byte, which reads a long text a
// block of bytes at a time rather than a byte at a time.
type anyOf struct {
	text string
	set  string
	next [maxAnyOf]int // where each byte of set is next found past the last search; len(text) when nowhere
}

// newAnyOf returns an anyOf of text for the bytes of set, at most
// maxAnyOf of them, all ASCII.
func newAnyOf(text, set string) anyOf {
	if len(set) > maxAnyOf {
		panic("anyOf: more than maxAnyOf bytes")
	}
	a := anyOf{text: text, set: set}
	for k := range a.next {
		a.next[k] = -1
	}
	return a
}

// from is strings.IndexAny(a.text[i:], a.set)+i, or -1 when there is
// none; i must not be less than an i asked before.
func (a *anyOf) from(i int) int {
	best := len(a.text)
	for k := 0; k < len(a.set); k++ {
		if a.next[k] < i {
			a.next[k] = len(a.text)
			if i < len(a.text) {
				if j := strings.IndexByte(a.text[i:], a.set[k]); j >= 0 {
					a.next[k] = i + j
				}
			}
		}
		best = min(best, a.next[k])
	}
	if best == len(a.text) {
		return -1
	}
	return best
}

func isUpper(c byte) bool      { return 'A' <= c && c <= 'Z' }
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// How far slashMatches reads around a slash: a symbol and what is glued
// to it before the slash ("UNEP/CBD/COP/DEC/XIV", "(Decision") and after
// it ("/Add.1/Rev.2", "/[--]"), and a prefix a space sets apart ("BS
// II/6", "Ex. III/1") of five letters or fewer.
const (
	slashReachBefore = 40
	slashReachAfter  = 80
	spacedPrefix     = 6
)

// slashMatches returns the matches of re in text, for an re whose every
// match holds a slash. It runs re only on stretches of text around
// slashes, which keeps long paragraphs cheap: most of their text is words.
func slashMatches(re *scanner, text string, near func(string, int) bool) [][]int {
	var out [][]int
	end := -1 // text before end has been searched
	for i := strings.IndexByte(text, '/'); i >= 0; {
		lo := i
		for lo > 0 && lo > i-slashReachBefore && text[lo-1] != ' ' && text[lo-1] != '\n' && text[lo-1] != '(' {
			lo--
		}
		// back over one space: "BS II/6", "CBD X/2", "Ex. III/1"
		if lo > 1 && text[lo-1] == ' ' && text[lo-2] != ' ' {
			k := lo - 1
			for k > 0 && k > lo-spacedPrefix && text[k-1] != ' ' {
				k--
			}
			lo = k
		}
		hi, open := i, 0
		for hi < len(text) && hi < i+slashReachAfter && text[hi] != ' ' && text[hi] != '\n' && text[hi] != ',' && text[hi] != ';' && (text[hi] != ')' || open > 0) {
			// "ICCD/COP(16)/23": a bracket opened in the symbol closes in it
			switch text[hi] {
			case '(':
				open++
			case ')':
				open--
			}
			hi++
		}
		if lo < end {
			lo = end
		}
		if near != nil && !anySlash(text, lo, hi, near) {
			end = hi
			next := strings.IndexByte(text[hi:], '/')
			if next < 0 {
				break
			}
			i = hi + next
			continue
		}
		for _, loc := range re.findAll(text[lo:hi]) {
			out = append(out, []int{lo + loc[0], lo + loc[1]})
		}
		end = hi
		next := strings.IndexByte(text[hi:], '/')
		if next < 0 {
			break
		}
		i = hi + next
	}
	return out
}

// anySlash reports whether a slash of text[lo:hi] passes near.
func anySlash(text string, lo, hi int, near func(string, int) bool) bool {
	for k := lo; k < hi; k++ {
		if text[k] == '/' && near(text, k) {
			return true
		}
	}
	return false
}

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December`

// dateRE finds a date that names a day, or days, a month and a year:
// "17 November 2022", "3–7 November 2025", "from 2 to 15 December 2019",
// "27 June-4 July 1990", "November 3, 2025". The year is the last group.
var dateRE = regexp.MustCompile(`\b(?:\d{1,2}(?:\s*(?:[–-]|to)\s*\d{1,2})?\s+(?:` + monthNames + `)(?:\s*[–-]\s*\d{1,2}\s+(?:` + monthNames + `))?|(?:` + monthNames + `)\s+\d{1,2}(?:\s*[–-]\s*\d{1,2})?,?)\s+((?:19|20)\d{2})\b`)

// dateScan finds dateRE's dates where they can begin.
var dateScan = newScanner(dateRE)

// adoptionYear returns the year of the date in lines that tells when a
// decision was adopted: the last date of its closing lines (the plenary
// stamp), or the first date of a heading line before it (the meeting's
// place and dates). A date inside a sentence is about something else. It
// returns 0 when there is none.
func adoptionYear(lines []string, closing bool) int {
	year := 0
	for _, l := range lines {
		if !closing && !headingLine(l) || !hasYear(l) {
			continue
		}
		ms := dateScan.findAll(l)
		if len(ms) == 0 {
			continue
		}
		at := ms[len(ms)-1][0]
		last := dateScan.at[l[at]].FindStringSubmatch(l[at:])
		year, _ = strconv.Atoi(last[1])
		if !closing {
			return year
		}
	}
	return year
}

// hasYear reports whether l holds four digits that may be a year, 19xx or
// 20xx: a quick test before dateRE.
func hasYear(l string) bool {
	for i := 0; i+4 <= len(l); i++ {
		if (l[i] == '1' && l[i+1] == '9' || l[i] == '2' && l[i+1] == '0') && isDigit(l[i+2]) && isDigit(l[i+3]) {
			return true
		}
	}
	return false
}

// maxDatedHeading bounds a heading line that dates a meeting ("Third
// meeting of the Conference of the Parties, Geneva, 3–7 November 2025").
const maxDatedHeading = 200

// headingLine reports whether l reads as a heading, not as a sentence or a
// clause of one: short, and not ending as clauses do.
func headingLine(l string) bool {
	l = strings.TrimSpace(l)
	return l != "" && len(l) <= maxDatedHeading && !strings.ContainsAny(l[len(l)-1:], ",;:") && !strings.Contains(l, ". ")
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func walkParagraph(p accord.Paragraph, fn func(accord.Paragraph)) {
	fn(p)
	for _, it := range p.Items {
		walkParagraph(it, fn)
	}
}

func romanString(v int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, x := range vals {
		for v >= x {
			sb.WriteString(syms[i])
			v -= x
		}
	}
	return sb.String()
}

// isRoman reports whether a lower-case label reads as a roman numeral.
func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return romanValue(s) > 0 && strings.ToLower(romanString(romanValue(s))) == s
}

// romanOf is the value of a lower-case roman numeral, or 0.
func romanOf(s string) int {
	if !isRoman(s) {
		return 0
	}
	return romanValue(s)
}
