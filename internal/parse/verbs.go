package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// operative lists the operative verbs by lemma, with their class. A
// paragraph's verb comes from this list, never from a guess: "Parties" at
// the start of a line is not a verb.
var operative = map[string]accord.VerbClass{
	// directive
	"request": accord.Directive, "invite": accord.Directive, "urge": accord.Directive,
	"encourage": accord.Directive, "call": accord.Directive, "recommend": accord.Directive,
	"direct": accord.Directive, "instruct": accord.Directive, "appeal": accord.Directive,
	"ask": accord.Directive, "entrust": accord.Directive, "mandate": accord.Directive,
	"task": accord.Directive, "require": accord.Directive, "exhort": accord.Directive,
	"charge": accord.Directive, "demand": accord.Directive, "suggest": accord.Directive,
	// deciding
	"decide": accord.Deciding, "adopt": accord.Deciding, "approve": accord.Deciding,
	"authorize": accord.Deciding, "authorise": accord.Deciding, "establish": accord.Deciding,
	"agree": accord.Deciding, "endorse": accord.Deciding, "accept": accord.Deciding,
	"designate": accord.Deciding, "elect": accord.Deciding, "extend": accord.Deciding,
	"determine": accord.Deciding, "amend": accord.Deciding, "renew": accord.Deciding,
	"appoint": accord.Deciding, "allocate": accord.Deciding, "convene": accord.Deciding,
	"launch": accord.Deciding, "resolve": accord.Deciding, "declare": accord.Deciding,
	"terminate": accord.Deciding, "repeal": accord.Deciding, "revoke": accord.Deciding,
	"retire": accord.Deciding, "confirm": accord.Deciding, "reappoint": accord.Deciding,
	"re-elect": accord.Deciding, "defer": accord.Deciding, "postpone": accord.Deciding,
	"apportion": accord.Deciding, "grant": accord.Deciding, "admit": accord.Deciding,
	"clarify": accord.Deciding, "select": accord.Deciding, "submit": accord.Deciding, "transmit": accord.Deciding,
	"forward": accord.Deciding, "change": accord.Deciding, "modify": accord.Deciding,
	// evaluative
	"welcome": accord.Evaluative, "commend": accord.Evaluative, "congratulate": accord.Evaluative,
	"thank": accord.Evaluative, "appreciate": accord.Evaluative, "express": accord.Evaluative,
	"regret": accord.Evaluative, "deplore": accord.Evaluative, "condemn": accord.Evaluative,
	"applaud": accord.Evaluative, "praise": accord.Evaluative, "pay": accord.Evaluative,
	"salute": accord.Evaluative, "value": accord.Evaluative,
	// observing
	"note": accord.Observing, "take": accord.Observing, "recognize": accord.Observing,
	"recognise": accord.Observing, "acknowledge": accord.Observing, "observe": accord.Observing,
	"consider": accord.Observing, "conclude": accord.Observing, "bear": accord.Observing,
	"find": accord.Observing, "understand": accord.Observing, "notice": accord.Observing,

	// reinforcing
	"reaffirm": accord.Reinforcing, "recall": accord.Reinforcing, "reiterate": accord.Reinforcing,
	"stress": accord.Reinforcing, "emphasize": accord.Reinforcing, "emphasise": accord.Reinforcing,
	"underline": accord.Reinforcing, "underscore": accord.Reinforcing, "highlight": accord.Reinforcing,
	"affirm": accord.Reinforcing, "insist": accord.Reinforcing, "draw": accord.Reinforcing,
	"remind": accord.Reinforcing, "reconfirm": accord.Reinforcing, "restate": accord.Reinforcing,
}

// idioms are the fixed words that belong to a verb's phrase: "Takes note",
// "Calls upon", "Expresses its gratitude", "Notes with appreciation".
// Required ones must follow for the verb to count ("Takes" alone is not
// operative).
var idioms = map[string]struct {
	required bool
	words    []string
}{
	"take":    {true, []string{"note", "into account"}},
	"call":    {true, []string{"upon", "on", "for"}},
	"bear":    {true, []string{"in mind"}},
	"pay":     {true, []string{"tribute"}},
	"draw":    {false, []string{"the attention", "attention"}},
	"express": {false, []string{"its deep appreciation", "its sincere appreciation", "its appreciation", "appreciation", "its profound gratitude", "their profound gratitude", "its sincere gratitude", "its deep gratitude", "its gratitude", "their gratitude", "gratitude", "its deep concern", "its serious concern", "its concern", "deep concern", "serious concern", "concern", "its support", "its sincere thanks", "its thanks", "thanks", "its regret", "regret", "its satisfaction", "satisfaction", "its condolences", "condolences", "its hope", "the hope", "hope"}},
	"decide":  {false, []string{"by consensus"}},
}

// withPhrases may follow many verbs: "Notes with appreciation",
// "Takes note with concern", "Accepts with appreciation".
var withPhrases = []string{"with appreciation", "with deep appreciation", "with satisfaction", "with great satisfaction", "with serious concern", "with deep concern", "with grave concern", "with great concern", "with concern", "with regret", "with deep regret", "with interest", "with gratitude", "with thanks", "with approval", "also"}

// modifiers are the adverbs written before the verb ("Also requests",
// "Further welcomes", "Once again urges").
var modifiers = []string{"once again", "once more", "also", "further", "furthermore", "again", "strongly", "hereby",
	"kindly", "firmly", "warmly", "deeply", "urgently", "earnestly", "respectfully", "sincerely", "fully",
	"duly", "similarly", "likewise", "additionally", "finally", "moreover", "therefore", "accordingly",
	"thus", "hence", "in addition", "in this regard", "in that regard", "nonetheless", "however", "consequently",
	"subsequently", "equally", "especially", "particularly", "most", "unanimously", "formally", "expressly",
	"reluctantly", "cordially", "heartily", "greatly", "highly", "officially", "emphatically", "solemnly"}

// modifierStart holds the first word of every modifier.
var modifierStart = func() map[string]bool {
	m := map[string]bool{}
	for _, mod := range modifiers {
		m[strings.Fields(mod)[0]] = true
	}
	return m
}()

// Phrase is the opening operative phrase of a paragraph.
type Phrase struct {
	Text     string // as written: "Also requests", "to take note"
	Verb     string // lemma: "request"
	Modifier string // lower case: "also"
	Class    accord.VerbClass
}

// leadingWord returns the letters and hyphens s starts with. Its ASCII
// bytes are read as bytes; from the first byte beyond ASCII on, runes.
func leadingWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for j, r := range s[i:] {
				if !unicode.IsLetter(r) && r != '-' {
					return s[:i+j]
				}
			}
			return s
		}
		if l := c | 0x20; (l < 'a' || l > 'z') && c != '-' {
			return s[:i]
		}
	}
	return s
}

// verbForms maps every written form of an operative verb (lower case) to
// its lemma and whether it is the third person ("requests") or the base
// form ("request"), which resolutions of several bodies and infinitive
// items use.
var verbForms = func() map[string]verbForm {
	m := map[string]verbForm{}
	for lemma := range operative {
		m[thirdPerson(lemma)] = verbForm{lemma, true}
		if _, ok := m[lemma]; !ok {
			m[lemma] = verbForm{lemma, false}
		}
	}
	return m
}()

// pastForms maps the past tense of every operative verb (lower case) to
// its lemma: "requested", "took", "agreed". Boards report their decisions
// in it ("1. Took note of …; 2. Requested the Board members to …").
// Past participles that open recitals ("Encouraged by", "Determined to")
// are left out: at the start of a paragraph they describe, not decide.
var pastForms = func() map[string]string {
	m := map[string]string{"took": "take", "found": "find", "understood": "understand", "drew": "draw", "paid": "pay", "bore": "bear"}
	for lemma := range operative {
		past := lemma + "ed"
		switch {
		case strings.HasSuffix(lemma, "e"):
			past = lemma + "d"
		case strings.HasSuffix(lemma, "y") && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
			past = lemma[:len(lemma)-1] + "ied"
		}
		if !recitalOpeners[past] {
			if _, ok := m[past]; !ok {
				m[past] = lemma
			}
		}
	}
	return m
}()

// pastPhrase reads the operative phrase, in the past tense, that a
// paragraph of a reported decision opens with: "Took note", "Also
// requested". The phrase keeps the case and spelling of the text.
func pastPhrase(text string) (Phrase, bool) {
	rest := strings.TrimLeft(text, " “\"‘'")
	start := len(text) - len(rest)
	cur, mod := rest, ""
	for _, m := range []string{"also ", "further "} {
		if hasPrefixFold(cur, m) {
			cur, mod = cur[len(m):], strings.TrimSpace(m)
			break
		}
	}
	w := leadingWord(cur)
	if r, _ := utf8.DecodeRuneInString(rest); w == "" || !unicode.IsUpper(r) {
		return Phrase{}, false
	}
	lemma, ok := pastForms[strings.ToLower(w)]
	if !ok {
		return Phrase{}, false
	}
	after, ok := verbRest(cur[len(w):], lemma, &mod)
	if !ok {
		return Phrase{}, false
	}
	return Phrase{Text: strings.TrimSpace(text[start : len(text)-len(after)]), Verb: lemma, Modifier: mod, Class: operative[lemma]}, true
}

type verbForm struct {
	lemma string
	third bool
}

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"):
		return v + "es"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// phraseOptions say which forms count.
type phraseOptions struct {
	base     bool // base forms count ("Request" in a resolution of several bodies, numbered items)
	numbered bool // a number opens the paragraph, so a verb in lower case opens it too ("2. requests")
}

// openingPhrase finds the operative phrase a paragraph opens with, or
// reports false. The phrase keeps the case and spelling of the text. In a
// paragraph that puts a participial clause before its verb in one
// sentence ("Noting the report, decides to consider …") the phrase is the
// verb after the clause.
func openingPhrase(text string, opt phraseOptions) (Phrase, bool) {
	if p, ok := phraseAt(text, opt, false); ok {
		return p, true
	}
	return embeddedPhrase(text, opt)
}

// embeddedPhrase finds the verb of a sentence that opens with a
// participial clause: ", decides", ", also requests".
func embeddedPhrase(text string, opt phraseOptions) (Phrase, bool) {
	p, _, ok := embeddedAt(text, opt)
	return p, ok
}

// embeddedAt is embeddedPhrase that also returns where the verb starts.
func embeddedAt(text string, opt phraseOptions) (Phrase, int, bool) {
	if !opensClause(text, opt.numbered) {
		return Phrase{}, 0, false
	}
	for off := 0; ; {
		i := strings.Index(text[off:], ", ")
		if i < 0 {
			return Phrase{}, 0, false
		}
		off += i + 2
		// the verb after the clause is in lower case
		inner := opt
		inner.numbered = true
		if off < len(text) && !phraseStarts[text[off]] {
			continue
		}
		if p, ok := phraseAt(text[off:], inner, true); ok {
			return p, off, true
		}
	}
}

// phraseStarts marks the bytes a text that phraseAt reads a phrase of
// can open with: a quotation mark or space it steps over, the first
// letter of "to", of a modifier or of a verb's form, in either case,
// and any byte beyond ASCII. Before another byte phraseAt reads nothing.
var phraseStarts = func() *[256]bool {
	var set [256]bool
	for _, c := range []byte(" \"'t") {
		set[c] = true
	}
	for c := utf8.RuneSelf; c < len(set); c++ {
		set[c] = true
	}
	mark := func(w string) {
		c := w[0]
		set[c] = true
		if 'a' <= c && c <= 'z' {
			set[c-'a'+'A'] = true
		}
	}
	for w := range modifierStart {
		mark(w)
	}
	for w := range verbForms {
		mark(w)
	}
	return &set
}()

// opensClause reports whether text opens with a clause that may stand
// before a paragraph's verb: a recital's participle ("Noting the report,
// decides") or one of adverbialOpeners. Its first word may be printed in
// capitals ("WITH a view to …, requests") and, when a number opens the
// paragraph, in lower case ("4. with a view to …, requests"), as pages
// that set every paragraph's first word so print it.
func opensClause(text string, numbered bool) bool {
	t := strings.TrimLeft(text, " “\"‘'")
	if _, ok := recitalOpening(t, numbered); ok {
		return true
	}
	w := leadingWord(t)
	if r, _ := utf8.DecodeRuneInString(w); w == "" || unicode.IsLower(r) && !numbered {
		return false
	}
	var buf [16]byte
	return adverbialOpeners[string(lowerASCII(buf[:0], w))]
}

// capitalFirst returns t with its first letter in capitals, so that a
// clause printed in lower case is read as it would be capitalized.
func capitalFirst(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	if !unicode.IsLower(r) {
		return t
	}
	return string(unicode.ToUpper(r)) + t[n:]
}

// adverbialOpeners open a clause that may stand before a paragraph's
// verb, in lower case: "With a view to enabling …, requests", "In line
// with decision X/2, decides".
var adverbialOpeners = map[string]bool{"with": true, "in": true, "pursuant": true, "subject": true, "consistent": true,
	"further": true, "following": true, "upon": true, "on": true, "for": true, "through": true, "given": true,
	"based": true, "building": true, "without": true, "notwithstanding": true, "as": true, "within": true}

// phraseAt reads the operative phrase text opens with. inner says the
// phrase follows a participial clause, in lower case and third person.
func phraseAt(text string, opt phraseOptions, inner bool) (Phrase, bool) {
	rest := strings.TrimLeft(text, " “\"‘'")
	start := len(text) - len(rest)
	cur := rest // what is left to read; matched without regard to case
	infinitive := hasPrefixFold(cur, "to ")
	if infinitive {
		cur = cur[3:]
	}
	// modifiers before the verb, with an optional comma ("Further, requests")
	mod := ""
	var buf [32]byte
	for modifierStart[string(lowerASCII(buf[:0], leadingWord(cur)))] {
		found := false
		for _, m := range modifiers {
			if !hasPrefixFold(cur, m) || len(cur) <= len(m) {
				continue
			}
			n := 0
			switch {
			case cur[len(m)] == ' ':
				n = len(m) + 1
			case strings.HasPrefix(cur[len(m):], ", "):
				n = len(m) + 2
			default:
				continue
			}
			if mod == "" {
				mod = m
			} else {
				mod += " " + m
			}
			cur = cur[n:]
			found = true
			break
		}
		if !found {
			break
		}
	}
	w := leadingWord(cur)
	if w == "" || len(w) > len(buf) {
		return Phrase{}, false
	}
	vf, ok := verbForms[string(lowerASCII(buf[:0], w))]
	if !ok || infinitive && vf.third || !infinitive && !vf.third && (!opt.base || inner) || inner && infinitive {
		return Phrase{}, false
	}
	// Capitalized unless infinitive or upper case: a lower-case third person
	// verb at the start is a sentence fragment, not an opening.
	if !infinitive && mod == "" && !opt.numbered {
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
			return Phrase{}, false
		}
	}
	after, ok := verbRest(cur[len(w):], vf.lemma, &mod)
	if !ok {
		return Phrase{}, false
	}
	// "Acknowledges and commends", "To acknowledge and welcome": a second
	// verb of the same form joins the phrase.
	if followedBy(after, "and") {
		next := strings.TrimLeft(after[4:], " ")
		w2 := leadingWord(next)
		if vf2, ok := verbForms[strings.ToLower(w2)]; ok && vf2.third == vf.third && w2 != "" {
			r, _ := utf8.DecodeRuneInString(w2)
			if unicode.IsLower(r) || strings.ToUpper(w2) == w2 && strings.ToUpper(w) == w {
				if a, ok := verbRest(next[len(w2):], vf2.lemma, new(string)); ok {
					after = a
				}
			}
		}
	}
	end := len(text) - len(after)
	return Phrase{
		Text:     strings.TrimSpace(text[start:end]),
		Verb:     vf.lemma,
		Modifier: mod,
		Class:    operative[vf.lemma],
	}, true
}

// verbRest returns what follows a verb's idiom ("Takes note") and its
// "with" phrase ("with appreciation"); an "also" there joins mod. It
// reports false when the verb lacks the idiom it needs.
func verbRest(after, lemma string, mod *string) (string, bool) {
	if id, ok := idioms[lemma]; ok {
		matched := false
		for _, words := range id.words {
			if followedBy(after, words) {
				after = after[len(words)+1:]
				matched = true
				break
			}
		}
		if id.required && !matched {
			return "", false
		}
	}
	for _, wp := range withPhrases {
		if followedBy(after, wp) {
			after = after[len(wp)+1:]
			if wp == "also" {
				*mod = strings.TrimSpace(*mod + " also")
			}
			break
		}
	}
	return after, true
}

// followedBy reports whether s is " " + words (in any case) and a word
// boundary.
func followedBy(s, words string) bool {
	return len(s) > len(words) && s[0] == ' ' && hasPrefixFold(s[1:], words) && boundary(s, len(words)+1)
}

// hasLowerPrefix is strings.HasPrefix(strings.ToLower(s), prefix) for
// a prefix in lower-case ASCII, without the lower-case copy.
func hasLowerPrefix(s, prefix string) bool {
	i := 0
	for _, r := range s {
		if i == len(prefix) {
			return true
		}
		if l := unicode.ToLower(r); l >= utf8.RuneSelf || byte(l) != prefix[i] {
			return false
		}
		i++
	}
	return i == len(prefix)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// lowerASCII appends w to dst in lower case (ASCII letters only), for map
// look-ups that need not allocate.
func lowerASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// boundary reports whether s[i:] starts at a word boundary.
func boundary(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// opensOperative reports whether text opens with a capitalized third-person
// operative phrase or "To" + verb: the start of an unnumbered operative
// paragraph.
func opensOperative(text string) bool {
	p, ok := phraseAt(text, phraseOptions{}, false)
	if !ok {
		return false
	}
	// "to request" in lower case continues a sentence in wrapped text.
	return !strings.HasPrefix(p.Text, "to ")
}

// opensOwnVerb reports whether text opens with a capitalized operative
// verb in the third person ("Requests …", "Also urges …"), neither an
// infinitive ("To request …") nor a base form ("Request …"): the verb of
// a paragraph the body speaks itself, which a list's item under a
// chapeau does not open with.
func opensOwnVerb(text string) bool {
	p, ok := phraseAt(text, phraseOptions{}, false)
	return ok && !hasPrefixFold(p.Text, "to ")
}

// minParticiple is the length of the shortest word ending in "ing" read
// as the participle a recital opens with ("Noting"): shorter words
// ending so ("thing", "being") open no recital.
const minParticiple = 6

// recitalOpeners are the words preambular paragraphs open with besides
// participles ("Recalling", "Having considered").
var recitalOpeners = map[string]bool{
	"aware": true, "mindful": true, "concerned": true, "conscious": true, "convinced": true,
	"determined": true, "desirous": true, "cognizant": true, "cognisant": true, "alarmed": true,
	"encouraged": true, "guided": true, "inspired": true, "pleased": true, "satisfied": true,
	"acknowledging": true, "bearing": true, "deeply": true, "gravely": true, "seriously": true,
	"reaffirming": true, "noting": true, "recalling": true, "further": true, "also": true,
	"furthermore": true, "moreover": true, "fully": true, "firmly": true, "strongly": true, "recognizing": true,
	"welcoming": true, "expressing": true, "taking": true, "having": true, "considering": true, "emphasizing": true,
	"underlining": true, "stressing": true, "appreciating": true, "believing": true, "affirming": true,
	"reiterating": true, "highlighting": true, "seeking": true, "wishing": true, "observing": true,
	"referring": true, "confirming": true, "commending": true, "looking": true, "realizing": true,
	"recognising": true, "emphasising": true, "realising": true, "underscoring": true, "acting": true,
	"deploring": true, "regretting": true, "endorsing": true, "committed": true,
}

var notParticiple = map[string]bool{"during": true, "nothing": true, "something": true, "according": true, "including": true, "regarding": true, "concerning": true, "pending": true, "notwithstanding": true, "bring": true, "spring": true, "thing": true, "king": true, "meeting": true, "ring": true, "sing": true, "string": true, "wing": true, "evening": true, "morning": true}

// nameInTitleCase reports whether rest, what follows a capitalized
// word, goes on with "and" and a capitalized word ("… and Public
// Awareness"): the words are a name, as a recital's participle is
// followed by its object or by another participle in lower case.
func nameInTitleCase(rest string) bool {
	if !strings.HasPrefix(rest, " and ") {
		return false
	}
	return startsUpper(rest[len(" and "):])
}

// opensRecital reports whether text opens like a preambular paragraph:
// a participle or one of recitalOpeners, capitalized.
func opensRecital(text string) (string, bool) { return recitalOpening(text, false) }

// recitalOpening is opensRecital, the first letter in any case when
// anyCase is set ("2. having considered …", as a page that prints every
// paragraph's first word in lower case numbers it).
func recitalOpening(text string, anyCase bool) (string, bool) {
	t := strings.TrimLeft(text, " “\"‘'")
	w := leadingWord(t)
	if r, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsUpper(r) && !(anyCase && unicode.IsLower(r)) {
		return "", false
	}
	lw := strings.ToLower(w)
	if lw == "with" {
		// "With due regard to …", "WITH DUE REGARD to …": a recital;
		// other clauses opening with "With" lead to a verb
		if rest := t[len(w):]; hasPrefixFold(rest, " due regard") {
			return t[:len(w)+len(" due regard")], true
		}
		return "", false
	}
	participle := strings.HasSuffix(lw, "ing") && len(lw) >= minParticiple && !notParticiple[lw]
	if !recitalOpeners[lw] && !participle {
		return "", false
	}
	if !recitalOpeners[lw] && nameInTitleCase(t[len(w):]) {
		// "Training and Public Awareness, …": a word in "-ing" that opens
		// a name in title case, wrapped onto the line, is no participle
		return "", false
	}
	// the phrase: opener plus a following participle ("Also recalling")
	phrase := w
	rest := t[len(w):]
	if strings.HasPrefix(rest, ", ") && (lw == "also" || lw == "further" || lw == "furthermore" || lw == "moreover") {
		// "Also, recalling …"
		rest = rest[1:]
		phrase += ","
	}
	if lw == "also" || lw == "further" || lw == "furthermore" || lw == "deeply" || lw == "gravely" || lw == "seriously" || lw == "fully" || lw == "firmly" || lw == "strongly" || lw == "moreover" {
		next := leadingWord(strings.TrimLeft(rest, " "))
		ln := strings.ToLower(next)
		if next == "" || !(strings.HasSuffix(ln, "ing") || recitalOpeners[ln]) {
			return "", false
		}
		phrase += " " + next
	} else if lw == "having" || lw == "taking" || lw == "bearing" {
		if next := leadingWord(strings.TrimLeft(rest, " ")); next != "" {
			phrase += " " + next
		}
	}
	return phrase, true
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
