package parse

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// House styles: what is particular to each family of publications.
//
// Every body prints its decisions in a style of its own: the name its
// enacting formula opens with ("The Conference of the Parties,", "The
// Board,", "The Plenary,"), the symbol grammar of its decision headings
// ("Decision 4/CP.27", "Decision B.22/15", "Decision SC43-1"), how it
// writes its recitals and numbers its paragraphs, whether it reports its
// decisions in the past tense ("The Board decided:"). The parser reads
// these from houseStyles below, not from patterns spread over its files:
// formulaRE, formulaUpperRE, leadFormulaRE, reportedRE, symbolAny and
// symbolFirstRE are built from the table, and recitalWords join the
// openers opensRecital knows.
//
// To add a family:
//
//  1. Add a row to houseStyles: the governing bodies its formulas name
//     (as printed after "The", without a comma), the symbol patterns its
//     headings carry (reuse the grammar constants of symbols.go, or add
//     a constant beside the table when the family numbers its decisions
//     in a way no row knows), and, where the family has them, its recital
//     words, formula leads and reported verbs; then a sentence each on its
//     recitals and numbering.
//  2. Add a golden test: an invented but realistic decision in that style
//     as testdata/NAME.txt, and its expected parse as
//     testdata/NAME.golden.json (go test -run TestGolden ./internal/parse
//     -update writes it; read it before committing it).
//     testdata/board-decision.txt shows it for the boards of funds.
//  3. Run the corpus scores (../shared/corpus must stay at 1.000, the own
//     corpus not below its floors).
//
// Order matters for symbols only: a heading symbol is tried in the order
// the rows list it, the longer grammar first where two could match.

// houseStyle is one family of publications.
type houseStyle struct {
	family string
	// bodies are the governing bodies an enacting formula names after
	// "The": "Conference of the Parties" is matched by "Conference".
	// A body is one or two capitalized words, matched as a whole word
	// after up to maxFormulaQualifiers qualifiers ("The Fourth Meeting").
	bodies []string
	// headings are the symbol patterns a decision heading of the family
	// carries after "Decision", "Resolution" or "Recommendation".
	headings []string
	// leadSymbols are the symbol patterns that head a decision at the start
	// of a line without a keyword, the title after them ("BS-IV/6.
	// Cooperation …", "B.12/16: Project review cycle").
	leadSymbols []string
	// namedSymbols are symbols that carry their keyword, and sometimes
	// the body's name, as part of them: the family cites them so
	// ("HELCOM Recommendation 28E/6", "Agreement 2010-03"), and a
	// heading that opens with one, after the body's name or not ("OSPAR
	// Commission Agreement 2010-03"), heads a decision under that symbol.
	namedSymbols []string
	// recitalWords are words the family opens recitals with besides
	// participles and the openers every family shares ("WHEREAS").
	recitalWords []string
	// formulaLeads are words printed before the formula, which may run
	// on into the first operative paragraph: "NOW, THEREFORE, THE
	// COMMISSION:", "NOW THEREFORE the Commission requests …".
	formulaLeads []string
	// reportedVerbs are the verbs, in the past tense, of a decision the
	// family reports rather than enacts: "the Board decided:", "The
	// Standing Committee agreed that …". Such a sentence is the decision's
	// operative paragraph, its verb as written.
	reportedVerbs []string
	// recitals and numbering say, for a reader, how the family writes its
	// preamble and numbers its operative part.
	recitals, numbering string
}

// houseStyles lists the families accord reads.
var houseStyles = []houseStyle{
	{
		family:      "UNFCCC (COP, CMP, CMA) and UNCCD",
		bodies:      []string{"Conference", "Parties"},
		headings:    []string{symUNFCCC},
		leadSymbols: []string{symUNFCCC},
		recitals:    "participles (\"Recalling\", \"Noting\"), each its own paragraph",
		numbering:   "1., 2.; items (a), (b); sections I., A.",
	},
	{
		family:      "CBD and its Protocols, BRS, Minamata, Vienna, IPBES",
		bodies:      []string{"Conference", "Meeting", "Plenary"},
		headings:    []string{symPrefixed},
		leadSymbols: []string{symPrefixed},
		recitals:    "participles; CBD web pages mark decisions UNEP/CBD/COP/DEC/X/4",
		numbering:   "1., 2.; items (a), (b)",
	},
	{
		family:      "Montreal Protocol and Vienna Convention",
		bodies:      []string{"Meeting"},
		headings:    []string{symEx, symRoman},
		leadSymbols: []string{symEx, symRoman},
		recitals:    "participles, or a run-in \"The Fourth Meeting of the Parties decided in Dec. IV/13: to …\"",
		numbering:   "1., 2.; inline items",
	},
	{
		family:      "UNEA, UNEP Governing Council and the General Assembly",
		bodies:      []string{"Assembly", "Governing Council", "Council"},
		headings:    []string{symNumeric},
		leadSymbols: []string{symNumeric},
		recitals:    "participles; PDF recitals in italics",
		numbering:   "1., 2.; items (a), (b)",
	},
	{
		family:       "IWC",
		bodies:       []string{"Commission"},
		headings:     []string{symYear},
		recitalWords: []string{"whereas"},
		formulaLeads: []string{"NOW THEREFORE"},
		recitals:     "WHEREAS clauses, then \"NOW, THEREFORE, THE COMMISSION:\"",
		numbering:    "1., 2., or unnumbered",
	},
	{
		family:        "CITES, CMS and Ramsar",
		bodies:        []string{"Committee", "Standing Committee", "Working Group"},
		headings:      []string{symDotted, symRamsarSC},
		reportedVerbs: []string{"agreed", "decided", "determined", "requested", "selected", "urged", "approved", "recommended", "invited", "endorsed", "noted"},
		recitals:      "participles before \"THE CONFERENCE OF THE PARTIES\"; Ramsar numbers them",
		numbering:     "1., 2.; CITES decisions are unnumbered, directed to a body",
	},
	{
		family:    "UNECE conventions",
		bodies:    []string{"Executive Body"},
		headings:  []string{symYearSlash},
		recitals:  "participles",
		numbering: "1., 2.; items (a), (b)",
	},
	{
		family:    "World Heritage Committee",
		bodies:    []string{"World Heritage Committee"},
		headings:  []string{symWHC},
		recitals:  "numbered with the operative paragraphs: \"1. Having examined …,\", \"2. Recalling …,\"; the formula often without \"The\"",
		numbering: "1., 2. through preamble and operative part; bullets for lists of properties",
	},
	{
		family:    "UNESCO Intangible Cultural Heritage (Committee, Bureau, General Assembly)",
		bodies:    []string{"Bureau"},
		headings:  []string{symICH},
		recitals:  "numbered with the operative paragraphs, as the World Heritage Committee does; pages label the symbol (\"Decision of the Intergovernmental Committee: 9.COM 13.F\", \"Decisión de la Mesa: 12.COM 2.BUR 3\")",
		numbering: "1., 2. through preamble and operative part",
	},
	{
		family:       "Regional conventions (Carpathian, Alpine, HELCOM, OSPAR, Barcelona and other regional seas)",
		bodies:       []string{"Conference", "Meeting", "Commission"},
		headings:     []string{symMeeting, symBarcelona, symRegionalCP},
		leadSymbols:  []string{symBarcelona, symRegionalCP},
		namedSymbols: []string{symHELCOM, symOSPAR},
		recitalWords: []string{"being"},
		recitals:     "participles, sometimes numbered, sometimes one sentence with the operative part; HELCOM in capitals (\"BEING MINDFUL\"), without formula",
		numbering:    "1., 2.; items (a), (b) or a), b)",
	},
	{
		family:    "ITPGRFA and the FAO Conference",
		bodies:    []string{"Governing Body"},
		headings:  []string{symNumYear},
		recitals:  "participles",
		numbering: "1., 2.; items (a), (b)",
	},
	{
		family:       "Antarctic Treaty Consultative Meeting and IMO committees",
		bodies:       []string{"Representatives", "Marine Environment Protection Committee"},
		headings:     []string{symATCM, symIMO},
		leadSymbols:  []string{symIMO},
		namedSymbols: []string{symATCMMeasure},
		recitals:     "participles; the ATCM's formula is \"The Representatives,\"",
		numbering:    "1., 2.; measures annex their texts",
	},
	{
		family:        "Boards of funds (Adaptation Fund, GCF)",
		bodies:        []string{"Board"},
		headings:      []string{symBoard},
		leadSymbols:   []string{symBoard},
		reportedVerbs: []string{"decided", "agreed", "approved", "requested", "elected", "endorsed", "recommended"},
		recitals:      "a narrative of the discussion, then \"The Board decided:\" or \"The Board, having considered …, decided to …\"",
		numbering:     "(a), (b) items under the run-in formula, or unnumbered",
	},
}

// symYearSlash is the symbol of a UNECE decision: the year and a number
// ("Decision 2019/4").
const symYearSlash = `(?:19|20)\d{2}/\d{1,2}`

// symWHC is the symbol of a World Heritage Committee decision: session,
// "COM", agenda item and number ("28 COM 14B.3", "37 COM 7 B.103").
// An extraordinary session writes "EXT." before "COM" ("6 EXT. COM 5").
const symWHC = `\d{1,2}\s?(?:EXT\.\s?)?COM\s?\d{1,2}(?:\s?[A-Z]{1,2})?(?:\.\d{1,3})?`

// symICH is the symbol of a decision of the bodies of the UNESCO
// Convention for the Safeguarding of the Intangible Cultural Heritage:
// session and body, agenda item, and a letter, a sub-item or the Bureau's
// number ("9.COM 13.F", "8.COM 5.c.2", "11.COM 2.BUR 1", "6.GA 9"). A
// sub-item in lower case is one of the letters listItemStop leaves out,
// so that listItemWindow keeps the expression short ("5.b" reads as "5").
const symICH = `\d{1,2}\.(?:COM|GA|EXT\.COM)\s\d{1,2}(?:\.(?:BUR\s\d{1,2}|[A-Zac-fil-or-vx](?:\.\d{1,2})?))?`

// symBarcelona is the symbol of a decision of the meetings of the Parties
// to the Barcelona Convention, numbered in the series of UNEP/MAP's
// intergovernmental meetings ("IG.24/2").
const symBarcelona = `IG\.\d{1,3}/\d{1,3}`

// symRegionalCP is the symbol of a decision of the conferences of the
// Parties to the Nairobi and Abidjan Conventions: the meeting and a
// number after "CP." ("CP.12/5").
const symRegionalCP = `CP\.\d{1,2}/\d{1,2}`

// symNumYear is the symbol of a resolution of the Governing Body of the
// ITPGRFA or the FAO Conference: a number and the year ("Resolution
// 3/2019").
const symNumYear = `\d{1,2}/(?:19|20)\d{2}`

// symATCM is the symbol of a decision or resolution of the Antarctic
// Treaty Consultative Meeting after its keyword: a number and the year in
// brackets ("Resolution 2 (2019)"); symATCMMeasure a measure's, keyword
// and all ("Measure 4 (2004)").
const (
	symATCM        = `\d{1,2}\s?\((?:19|20)\d{2}\)`
	symATCMMeasure = `Measure\s+\d{1,2}\s?\((?:19|20)\d{2}\)`
)

// symIMO is the symbol of a resolution of an IMO committee: the
// committee, a number and the session in brackets ("MEPC.328(76)").
const symIMO = `(?:MEPC|MSC)\.\d{1,4}\(\d{1,3}\)`

// symHELCOM is the symbol of a HELCOM recommendation: the meeting, "E"
// for an extraordinary one, and a number ("HELCOM Recommendation 28E/6").
const symHELCOM = `HELCOM\s+Recommendation\s+\d{1,2}E?/\d{1,2}`

// symOSPAR is the symbol of an OSPAR agreement: the year and a number
// ("Agreement 2010-03").
const symOSPAR = `Agreement\s+(?:19|20)\d{2}-\d{1,2}`

// namedHeadingRE matches a heading that opens with a symbol of the table's
// namedSymbols, after a body's name in capitals or not, the title after
// it: "OSPAR Commission Agreement 2010-03", "HELCOM Recommendation 28E/6".
// A web page's label may print its own keyword before the symbol, as a
// field ("Decision number: HELCOM Recommendation 28E/6") or not.
var namedHeadingRE = func() *regexp.Regexp {
	var out []string
	for _, s := range houseStyles {
		out = append(out, s.namedSymbols...)
	}
	return regexp.MustCompile(`^` + namedLabel + `(?:\p{Lu}{2,10}(?:\s+Commission)?\s+)?(` + strings.Join(out, "|") + `)(?:\s*[:.\-–—]\s+(\S.*)|\s+(\p{Lu}.*))?$`)
}()

// namedLabel is the label a web page prints before a symbol that carries
// its keyword: "Decision", "Decision number:", "Resolution No.".
const namedLabel = `(?:(?:Decision|Resolution|Recommendation)(?:\s+(?:[Nn]umber|[Nn]o\.?))?(?:\s*:)?\s+)?`

// namedSymbolRE finds a symbol of the table's namedSymbols anywhere in a
// text, a word's end after it unless it ends on a bracket ("Measure 4
// (2019),"), which no word boundary follows.
var namedSymbolRE = func() *regexp.Regexp {
	var out []string
	for _, s := range houseStyles {
		for _, sym := range s.namedSymbols {
			if !strings.HasSuffix(sym, `\)`) {
				sym += `\b`
			}
			out = append(out, sym)
		}
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(out, "|") + `)`)
}()

// namedSymbolScan looks for namedSymbolRE where it can begin.
var namedSymbolScan = newScanner(namedSymbolRE)

// namedSymbolWords are the words the table's namedSymbols open with
// ("Measure", "HELCOM", "Agreement"): a text without one of them cites
// none of those symbols.
var namedSymbolWords = func() []string {
	var out []string
	for _, s := range houseStyles {
		for _, sym := range s.namedSymbols {
			if w, _ := regexp.MustCompile(sym).LiteralPrefix(); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}()

// namedSymbolSpans returns where the table's namedSymbols stand in text,
// keyword and all ("Measure 15 (2009)", "HELCOM Recommendation 28E/6"),
// looked for only in a text that holds one of their words.
func namedSymbolSpans(text string) [][]int {
	if !holdsNamedWord(text) {
		return nil
	}
	return namedSymbolScan.findAll(text)
}

// holdsNamedWord reports whether text holds one of namedSymbolWords, as
// a text that holds a symbol of the table's namedSymbols does.
func holdsNamedWord(text string) bool {
	for _, w := range namedSymbolWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// maxNamedHeading bounds a heading namedHeadingRE reads: a symbol and a
// title; a longer line is a sentence that cites one.
const maxNamedHeading = 200

// namedHeading returns the symbol and title of a heading that opens with
// one of the table's namedSymbols, and whether t is one.
func namedHeading(t string) (sym, title string, ok bool) {
	if t == "" || len(t) > maxNamedHeading || t[0] < 'A' || t[0] > 'Z' || !holdsNamedWord(t) {
		return "", "", false
	}
	m := namedHeadingRE.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	return strings.Join(strings.Fields(m[1]), " "), strings.TrimSpace(m[2] + m[3]), true
}

// symRamsarSC is the symbol of a decision of the Ramsar Standing
// Committee: its meeting and a number ("Decision SC43-1").
const symRamsarSC = `SC\d{1,2}-\d{1,2}`

// maxFormulaQualifiers bounds the words between "The" and the body's name
// ("The Fourth Meeting", "The Conference of the Parties serving as …"
// names its body first): three covers ordinals and adjectives without
// letting a sentence about a body pass for a formula.
const maxFormulaQualifiers = 3

// styleBodies returns the bodies of every row, each once, longest first so
// that "Governing Council" is tried before "Council".
func styleBodies() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range houseStyles {
		for _, b := range s.bodies {
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// maxBareFormulaWords bounds a formula printed without "The" ("World
// Heritage Committee,"): a body's name with its qualifiers is a few words
// on a line of its own; a longer line naming a body is a sentence.
const maxBareFormulaWords = 8

// formulaBareRE matches a formula without "The": qualifiers in capitals,
// then a body of the table.
var formulaBareRE = func() *regexp.Regexp {
	var names []string
	for _, b := range styleBodies() {
		names = append(names, regexp.QuoteMeta(b))
	}
	return regexp.MustCompile(`^(?:\p{Lu}[\p{L}-]*\s+){0,` + strconv.Itoa(maxFormulaQualifiers) + `}(?:` + strings.Join(names, "|") + `)\b[^.;]*[,:]$`)
}()

// maxBareFormula bounds a formula printed without "The": a body's name
// and a few qualifiers on one line.
const maxBareFormula = 120

// bareFormula reports whether t is an enacting formula printed without
// "The" ("World Heritage Committee,"). Only a block after a blank line
// may be one: a line wrapped inside a sentence can read the same
// ("Conference of the Parties of the Stockholm Convention,").
func bareFormula(t string) bool {
	// "The Scientific Council is requested to:" names a body too, but asks
	// it: a paragraph, not a formula
	return len(t) < maxBareFormula && len(strings.Fields(t)) <= maxBareFormulaWords && formulaBareRE.MatchString(t) && !opensPassive(t)
}

// leadFormulaCore matches a formula after one of the table's leads, in
// any case: "NOW, THEREFORE, THE COMMISSION", "NOW THEREFORE the
// Commission".
var leadFormulaCore = func() string {
	var leads, names []string
	for _, s := range houseStyles {
		for _, l := range s.formulaLeads {
			leads = append(leads, strings.Join(strings.Fields(regexp.QuoteMeta(l)), `,?\s+`))
		}
	}
	for _, b := range styleBodies() {
		names = append(names, strings.Join(strings.Fields(regexp.QuoteMeta(b)), `\s+`))
	}
	return `(?i:(?:` + strings.Join(leads, "|") + `),?\s+the\s+(?:[\p{L}-]+\s+){0,` +
		strconv.Itoa(maxFormulaQualifiers) + `}(?:` + strings.Join(names, "|") + `))\b`
}()

// leadFormulaRE matches a formula after one of the table's leads alone on
// its line ("NOW, THEREFORE, THE COMMISSION:", "NOW THEREFORE the
// Commission;") or run on into a verb in lower case ("NOW THEREFORE the
// Commission requests …", the verb in the second group).
var leadFormulaRE = regexp.MustCompile(`^(` + leadFormulaCore + `[,:;]?)(?:\s*$|\s+(\p{Ll}.*))`)

// leadFormulaInRE finds a lead formula inside a line, after the clause it
// ends, a quotation's close among the ends: "…; NOW THEREFORE the
// Commission; CALLS upon …", "… made widely available.” NOW THEREFORE …",
// or after a clause cut short, its last word in lower case ("… at this
// NOW THEREFORE …": cutOneLine takes only a lead in capitals there).
var leadFormulaInRE = regexp.MustCompile(`[,;.”"…a-z]\s+(` + leadFormulaCore + `)[,:;]?\s`)

// leadWords are the last words of the table's formula leads, as printed
// in capitals, in lower case and capitalized: a line without one holds
// no lead formula, and leadFormulaInRE need not scan it.
var leadWords = func() []string {
	var out []string
	for _, s := range houseStyles {
		for _, l := range s.formulaLeads {
			f := strings.Fields(l)
			w := strings.ToLower(f[len(f)-1])
			out = append(out, strings.ToUpper(w), w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	return out
}()

// leadTails are the last four bytes of leadWords ("FORE", "fore"): a
// line without one holds none of the words, and a search for them stops
// at far fewer bytes than one for the words' first letters ("t", "T").
var leadTails = func() []string {
	var out []string
	for _, w := range leadWords {
		if t := w[max(0, len(w)-4):]; !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}()

// mayHoldLead reports whether l holds one of leadWords, their tails
// looked for first.
func mayHoldLead(l string) bool {
	tail := false
	for _, t := range leadTails {
		tail = tail || strings.Contains(l, t)
	}
	if !tail {
		return false
	}
	for _, w := range leadWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// reportedRE matches a body of the table reporting its decision with one
// of the table's past tenses, modifiers kept ("very strongly urged"): the
// phrase is the first group.
var reportedRE = func() *regexp.Regexp {
	var names []string
	for _, b := range styleBodies() {
		names = append(names, regexp.QuoteMeta(b))
	}
	verbs := reportedVerbs
	// a body may be named by its acronym: "The SC selected …"
	names = append(names, `\p{Lu}{2,5}`)
	return regexp.MustCompile(`(?:^|\s)[Tt]he\s+(?:\p{Lu}[\p{L}-]*\s+){0,` + strconv.Itoa(maxFormulaQualifiers) + `}(?:` +
		strings.Join(names, "|") + `)\s+` + tookNote + `((?:(?:also|further|then|very|strongly|unanimously)\s+)*(?:` + strings.Join(verbs, "|") + `))\b`)
}()

// reportedOpenRE is reportedRE anchored: reportedAt runs it where a
// match of reportedRE can begin.
var reportedOpenRE = regexp.MustCompile(`^(?:` + reportedRE.String() + `)`)

// reportedAt is reportedRE.FindStringSubmatchIndex(text), the expression
// tried only where its "The" or "the" can begin: at the start of text,
// or at a space before it.
func reportedAt(text string) []int {
	for p := 0; p < len(text); p++ {
		if p == 0 && isThe(text) || isRESpace(text[p]) && isThe(text[p+1:]) {
			m := reportedOpenRE.FindStringSubmatchIndex(text[p:])
			if m == nil {
				continue
			}
			for i := range m {
				if m[i] >= 0 {
					m[i] += p
				}
			}
			return m
		}
	}
	return nil
}

// isThe reports whether t opens with "The" or "the".
func isThe(t string) bool {
	return len(t) >= 3 && (t[0] == 'T' || t[0] == 't') && t[1:3] == "he"
}

// tookNote is what a board may report before its decision: "the Board
// took note of inputs received and decided to:". The decision's verb is
// the one after it.
const tookNote = `(?:took\s+note\s+of\s[^,;:]{0,80}?\s+and\s+)?`

// reportedVerbs are the past tenses of all house styles, each once.
var reportedVerbs = func() []string {
	var verbs []string
	seen := map[string]bool{}
	for _, s := range houseStyles {
		for _, v := range s.reportedVerbs {
			if !seen[v] {
				seen[v] = true
				verbs = append(verbs, v)
			}
		}
	}
	return verbs
}()

// mayReport tests cheaply what reportedRE needs: one of reportedVerbs,
// as written, in text. Most paragraphs have none, and the expression,
// which is not anchored, would scan them whole.
func mayReport(text string) bool {
	// every reported verb ends in "ed": one pass over the text finds them
	for off := 0; ; {
		i := strings.Index(text[off:], "ed")
		if i < 0 {
			return false
		}
		end := off + i + 2
		start := end
		for start > 0 && text[start-1] >= 'a' && text[start-1] <= 'z' {
			start--
		}
		if reportedVerbSet[text[start:end]] {
			return true
		}
		off = end
	}
}

// reportedVerbSet holds reportedVerbs, each ending in "ed".
var reportedVerbSet = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range reportedVerbs {
		if !strings.HasSuffix(v, "ed") {
			panic("reported verb " + v + " does not end in \"ed\": mayReport would miss it")
		}
		m[v] = true
	}
	return m
}()

// reportedDecision reports whether block text t, in a decision that has
// neither formula nor operative paragraph yet, is a body's report of its
// decision. A recital that tells what a body once did ends on a comma
// ("RECALLING that the Standing Committee agreed …,"); a reported
// decision ends on a colon or a full stop. The Montreal Protocol's "The
// Fourth Meeting of the Parties decided in Dec. IV/13:" is a formula.
func reportedDecision(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasSuffix(trimMarker(t), ",") {
		return false
	}
	lead := t[:cutAt(t, maxReportLead)]
	if !mayReport(lead) || inDecMatch(lead) != nil {
		return false
	}
	m := reportedAt(lead)
	return m != nil && !toldOf(lead[:m[0]])
}

// toldOf reports whether the words before a body's past-tense verb make
// the sentence tell of what the body did rather than report the
// decision: "RECALLING that the Scientific Committee agreed …", "…, as
// the Board decided …".
func toldOf(before string) bool {
	before = strings.TrimRight(before, " ")
	w := before[strings.LastIndexByte(before, ' ')+1:]
	switch strings.ToLower(w) {
	case "that", "which", "as", "when", "since", "because", "where", "after", "before", "until", "if":
		return true
	}
	return false
}

// maxReportLead bounds where a reported decision names its body and verb:
// in its first clause or two ("Having considered the comments of the
// Ethics and Finance Committee, the Adaptation Fund Board took note of
// inputs received and decided to:" is 150 bytes). A body that "agreed"
// further down a long paragraph is told of, not reporting; and the
// expressions, not anchored, would otherwise scan whole paragraphs.
const maxReportLead = 400

// cutAt returns an index at most n into t that does not split a
// character.
func cutAt(t string, n int) int {
	if n >= len(t) {
		return len(t)
	}
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	return n
}

// reportedDeciding reports whether t is a body's report of what it
// decided, agreed or approved, not of what it asked or recommended.
func reportedDeciding(t string) bool {
	if !reportedDecision(t) {
		return false
	}
	p, ok := reportedPhrase(t)
	return ok && p.Class == accord.Deciding
}

// reportedPhrase returns the past tense a reported decision is told in, as
// written, with its lemma and class.
func reportedPhrase(text string) (Phrase, bool) {
	text = text[:cutAt(text, maxReportLead)]
	if !mayReport(text) {
		return Phrase{}, false
	}
	m := reportedAt(text)
	if m == nil {
		return Phrase{}, false
	}
	phrase := text[m[2]:m[3]]
	words := strings.Fields(phrase)
	past := strings.ToLower(words[len(words)-1])
	lemma := strings.TrimSuffix(past, "d")
	if _, ok := operative[lemma]; !ok {
		lemma = strings.TrimSuffix(past, "ed")
	}
	class, ok := operative[lemma]
	if !ok {
		return Phrase{}, false
	}
	return Phrase{Text: phrase, Verb: lemma, Modifier: strings.ToLower(strings.Join(words[:len(words)-1], " ")), Class: class}, true
}

// meetingLabelRE matches the meeting a web page's label line names before
// a decision's heading: "COP 3" in "COP 3 Decision III/8", "NP MOP 1" in
// "NP MOP 1 Decision NP-1/12", "CMS COP 12" in "CMS COP 12 Resolution
// 12.4", "MOP-13" in "MOP-13 Decision XIII/5". The heading is the first
// group.
var meetingLabelRE = regexp.MustCompile(`^(?:[A-Z]{2,5}[\s-]+){1,2}\d{1,2}\s+((?:Decision|DECISION|Resolution|RESOLUTION|Recommendation)\s.*)$`)

// bodyLabelRE matches a page's label that names the deciding body
// between the keyword and the symbol, in the page's language: "Decision
// of the Intergovernmental Committee: 9.COM 13.F", "Decisión de la Mesa:
// 12.COM 2.BUR 3". The symbol, of a grammar of the table, is the first
// group.
var bodyLabelRE = regexp.MustCompile(`^(?:Decision|Decisión|Décision|Resolution|Resolución|Résolution)\s+(?:of|de|du|des)\s+[^:]{2,60}:\s*(` + symbolAny + `)\s*$`)

// stripMeetingLabel returns heading line t without the meeting its label
// names first, or the body its label names before the symbol.
func stripMeetingLabel(t string) string {
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return t
	}
	// a meeting's label opens with two capitals at least ("COP 14")
	if len(t) >= 2 && isUpper(t[1]) {
		if m := meetingLabelRE.FindStringSubmatch(t); m != nil {
			return m[1]
		}
	}
	if strings.IndexByte(t, ':') > 0 && len(t) < maxNamedHeading {
		if m := bodyLabelRE.FindStringSubmatch(t); m != nil {
			return "Decision " + m[1]
		}
	}
	return t
}

func init() {
	for _, s := range houseStyles {
		for _, w := range s.recitalWords {
			recitalOpeners[w] = true
		}
	}
}

// formulaEndWords are the words a formula printed without its comma may
// end on: the last word of each body of the table, and of an instrument.
var formulaEndWords = func() map[string]bool {
	m := map[string]bool{"Parties": true, "Convention": true, "Protocol": true, "Agreement": true}
	for _, b := range styleBodies() {
		f := strings.Fields(b)
		m[f[len(f)-1]] = true
	}
	return m
}()

// formulaPattern returns the regular expression of an enacting formula
// naming one of the table's bodies, in title case or in capitals.
func formulaPattern(upper bool) *regexp.Regexp {
	var names []string
	for _, b := range styleBodies() {
		if upper {
			b = strings.ToUpper(b)
		}
		names = append(names, regexp.QuoteMeta(b))
	}
	if upper {
		return regexp.MustCompile(`^THE\s+(?:[A-Z-]+\s+){0,` + strconv.Itoa(maxFormulaQualifiers) + `}(?:` + strings.Join(names, "|") + `)\b`)
	}
	return regexp.MustCompile(`^The\s+(?:[\p{L}-]+\s+){0,` + strconv.Itoa(maxFormulaQualifiers) + `}(?:` + strings.Join(names, "|") + `)\b`)
}

// styleLeadSymbols returns the symbols that head a decision at the start
// of a line, each once, in the order of the table, as one alternation.
func styleLeadSymbols() string {
	var out []string
	seen := map[string]bool{}
	for _, s := range houseStyles {
		for _, h := range s.leadSymbols {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return `(?:` + strings.Join(out, "|") + `)`
}

// styleHeadings returns the heading symbol grammar of every row, each
// once, in the order of the table, as one alternation.
func styleHeadings() string {
	return `(?:` + strings.Join(styleHeadingList(), "|") + `)`
}

// styleHeadingList returns the heading symbol grammar of every row, each
// once, in the order of the table.
func styleHeadingList() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range houseStyles {
		for _, h := range s.headings {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}
