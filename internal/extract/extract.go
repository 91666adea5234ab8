// Package extract finds in a parsed decision what it asks of whom, by
// when: every directive clause becomes a mandate with its addressees,
// action, deliverable, deadline, periodicity, conditions and helpers.
//
// Extraction is a pure function of the parsed decision: no I/O, no clock,
// no database. It must not import any store or net/http.
package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// Result is what extraction finds in one decision.
type Result struct {
	Mandates []accord.Mandate
	// Addressees holds, per top-level paragraph path, everyone the
	// paragraph or its items ask to act, in order, without repeats.
	Addressees map[string][]accord.Addressee
	// Deadlines are the specific times tied to an action or a
	// consideration, in order of appearance, repeats kept.
	Deadlines []accord.Deadline
}

// Decision extracts the mandates of d, naming actors from reg (nil means
// DefaultActors).
func Decision(d *accord.Decision, reg *Actors) Result {
	if reg == nil {
		reg = defaultActors
	}
	x := &extractor{d: d, reg: reg, res: Result{Addressees: map[string][]accord.Addressee{}}}
	x.ctx = newMeetingContext(d)
	lead, leadAs := x.leadIn(d)
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		x.paragraph(p)
		if len(x.res.Addressees[p.Path]) > 0 {
			continue
		}
		if len(leadAs) > 0 && !finiteVerb(p) {
			// "the Secretariat shall: a) convene …; b) issue …"
			x.res.Addressees[p.Path] = leadAs
			x.mandate(p.Path, clause{verb: "request", class: accord.Directive, text: lead}, leadAs, itemsText(p))
		} else if len(p.Items) > 0 && p.Phrase == "" {
			// A paragraph that is itself the lead-in of its items:
			// "By the 15th meeting …, the Scientific Council should:
			// a) review …; b) propose …"
			if m := leadSubjectRE.FindStringSubmatch(strings.TrimSpace(p.Text)); m != nil {
				if as := x.addressees(m[1]); len(as) > 0 {
					x.res.Addressees[p.Path] = as
					x.mandate(p.Path, clause{verb: "request", class: accord.Directive, text: p.Text}, as, itemsText(p))
				}
			}
		}
	}
	x.resolveAnaphors()
	for i := range x.res.Mandates {
		x.res.Mandates[i].Seq = i + 1
		x.res.Mandates[i].Status = accord.StatusOpen
		// What a person reads of a mandate has its number words whole;
		// the decision's deadlines keep the text as written.
		m := &x.res.Mandates[i]
		m.Action = endAtClause(rejoinNumberWords(m.Action))
		if m.Deadline != nil {
			dl := *m.Deadline
			dl.Text = rejoinNumberWords(dl.Text)
			m.Deadline = &dl
		}
	}
	return x.res
}

// leadSubjectRE reads a lead-in that asks its subject to act in the
// paragraphs under it: "The Animals Committee shall:", "By the 13th
// meeting of the Conference of the Parties, the Scientific Council
// should:", "Range States are encouraged to:".
var leadSubjectRE = regexp.MustCompile(`(?:^|,\s+)((?:[Tt]he\s+)?[A-Z][^,;:]*?)\s+(?:shall|should|(?:is|are)\s+(?:hereby\s+)?(?:requested|invited|encouraged|urged|directed|instructed)\s+to)\s*:$`)

// leadIn returns the line that leads in to a decision's paragraphs when
// it asks someone to act in them, and whom it asks: the formula, or the
// last line before the paragraphs when there is no formula (CITES and CMS
// decisions print "the Secretariat shall:" over lettered paragraphs). Its
// deadlines are the decision's first.
func (x *extractor) leadIn(d *accord.Decision) (string, []accord.Addressee) {
	lead := d.Formula
	if lead == "" && len(d.Preface) > 0 {
		lead = d.Preface[len(d.Preface)-1]
	}
	lead = strings.TrimSpace(lead)
	m := leadSubjectRE.FindStringSubmatch(lead)
	if m == nil {
		return "", nil
	}
	as := x.addressees(m[1])
	if len(as) > 0 {
		x.res.Deadlines = append(x.res.Deadlines, x.deadlinesIn(lead)...)
	}
	return lead, as
}

// finiteVerb reports whether a paragraph opens with a verb in the third
// person ("Requests"), which asks by itself; "Determine whether …" under
// a lead-in is what the lead-in asks.
func finiteVerb(p *accord.Paragraph) bool {
	return p.Phrase != "" && !baseForm(p) && !hasPrefixFold(p.Phrase, "to ")
}

// itemsText is a paragraph's text with its items, as one action.
func itemsText(p *accord.Paragraph) string {
	if len(p.Items) == 0 {
		return p.Text
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(p.Text))
	for _, it := range p.Items {
		b.WriteString(" (" + it.Number + ") " + it.Text)
	}
	return b.String()
}

// minClauseWords is the fewest words an action cut back by endAtClause
// keeps: less is no clause to act on.
const minClauseWords = 3

// endAtClause cuts an action that breaks off mid-phrase (its text was
// copied short: "… in particular with regard to building capacities in
// developing") back to its last clause end, a comma; an action with no
// clause end to go back to is kept whole, and so is one that ends as a
// phrase can.
func endAtClause(action string) string {
	t := strings.TrimRight(action, " ")
	if t == "" || strings.ContainsRune(".;:)”\"’", rune(t[len(t)-1])) {
		return action
	}
	last := t[strings.LastIndexByte(t, ' ')+1:]
	if !dangling[strings.ToLower(last)] {
		return action
	}
	i := strings.LastIndex(t, ", ")
	if i < 0 || len(strings.Fields(t[:i])) < minClauseWords {
		return action
	}
	return t[:i]
}

// dangling are words a phrase cannot end with: a noun must follow.
var dangling = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "to": true, "for": true,
	"with": true, "and": true, "or": true, "by": true, "at": true, "from": true, "its": true, "their": true, "this": true,
	"these": true, "such": true, "other": true, "relevant": true, "present": true, "developing": true,
	"least": true, "small": true, "island": true, "national": true, "international": true, "regional": true}

// rejoinNumberWords mends a number word broken at a line end and joined
// with a space by whatever made the text: "sixty- fourth" is
// "sixty-fourth".
func rejoinNumberWords(s string) string {
	if !strings.Contains(s, "- ") {
		return s
	}
	return numberWordBreak.ReplaceAllString(s, "$1-$2")
}

var numberWordBreak = regexp.MustCompile(`\b((?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))-\s+((?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine))\b`)

var defaultActors = DefaultActors()

type extractor struct {
	d       *accord.Decision
	reg     *Actors
	res     Result
	ctx     meetingContext
	last    []accord.Addressee // the addressees named last, for pronouns
	before  string             // the paragraph's text before the clause at hand
	dlCache map[string][]accord.Deadline
}

// clause is a stretch of a paragraph governed by one verb.
type clause struct {
	verb   string // lemma
	class  accord.VerbClass
	infin  bool   // "to request …": an infinitive item
	phrase string // the verb phrase as written: "and requests" gives "requests"
	text   string // from the verb on
	after  string // what follows the verb phrase
}

// Directive and other verbs that open further clauses, by written form.
const (
	clauseVerbs = `requests|asks|invites|urges|encourages|calls upon|calls on|recommends|authorizes|authorises|directs|instructs|appeals to|mandates|entrusts|tasks|decides|welcomes|notes|takes note|expresses|commends|recognizes|recognises|acknowledges|reaffirms|recalls|stresses|emphasizes|underlines|endorses|approves|adopts|agrees|congratulates|thanks|looks forward`
	// the same directive verbs as infinitives and participles: "… and to
	// request it to …", "…, urging the Parties to …"
	baseVerbs       = `request|ask|invite|urge|encourage|call upon|call on|recommend|authorize|authorise|direct|instruct|appeal to`
	participleVerbs = `requesting|asking|inviting|urging|encouraging|calling upon|calling on|recommending|authorizing|authorising|directing|instructing|appealing to`
	// clauseModifiers stand between "and" and a further verb: "and
	// therefore requests", "and also invites".
	clauseModifiers = `(?:(?:also|further|therefore|thus|hence|accordingly|consequently|furthermore|again|hereby|in this regard,?|in that regard,?|in this respect,?|in that respect,?|to this end,?|to that end,?)\s+)*`
)

// clauseWords are the written forms of the verbs that open further
// clauses, by kind, with the word an idiom needs after them ("calls
// upon", "takes note"); "" when none.
var clauseWords = func() map[string]clauseWord {
	m := map[string]clauseWord{}
	add := func(list string, kind clauseKind) {
		for _, v := range strings.Split(list, "|") {
			verb, next, _ := strings.Cut(v, " ")
			cw := m[verb]
			cw.kinds |= kind
			if next != "" {
				cw.next = append(cw.next, next)
			}
			m[verb] = cw
		}
	}
	add(clauseVerbs, finite)
	add(baseVerbs, infinitiveVerb)
	add(participleVerbs, participle)
	add(baseClauseVerbs, baseFinite)
	return m
}()

// baseClauseVerbs are clauseVerbs in the base form, in which decisions of
// several bodies at once write them: "Note … and therefore request the
// secretariat to …".
const baseClauseVerbs = `request|ask|invite|urge|encourage|call upon|call on|recommend|authorize|authorise|direct|instruct|appeal to|decide|welcome|note|take note|express|commend|recognize|recognise|acknowledge|reaffirm|recall|stress|emphasize|underline|endorse|approve|adopt|agree|congratulate|thank|look forward`

// commaVerbs open a further clause after a bare comma: they ask someone
// to act, which a verb of the first clause cannot be read as.
var commaVerbs = map[string]bool{"requests": true, "invites": true, "urges": true, "encourages": true, "calls": true,
	"recommends": true, "authorizes": true, "authorises": true}

type clauseKind uint8

const (
	finite clauseKind = 1 << iota
	infinitiveVerb
	participle
	baseFinite
)

type clauseWord struct {
	kinds clauseKind
	next  []string
}

var clauseModifierList = []string{"also", "further", "therefore", "thus", "hence", "accordingly", "consequently",
	"furthermore", "again", "hereby", "in this regard,", "in that regard,", "in this regard", "in that regard",
	"in this respect,", "in that respect,", "in this respect", "in that respect", "to that end,", "to this end,"}

// clauseStarts returns where the coordinated verbs that open further
// clauses stand in text, at or after from: "… and requests the secretariat
// to …", "…; expresses …", "… and therefore requests …", "…, urging the
// Parties to …", and in an infinitive item "… and to request it to …".
// It reads words, not a regular expression: paragraphs are long and
// these verbs rare.
func clauseStarts(text string, from int, infinitiveItem, base bool) []int {
	var out []int
	prevStart, prevEnd := -1, -1
	for i := 0; i < len(text); {
		if !isLower(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isLower(text[j]) {
			j++
		}
		ps, pe := prevStart, prevEnd
		prevStart, prevEnd = i, j
		w := text[i:j]
		at := i
		i = j
		if at > 0 && isLetter(text[at-1]) || j < len(text) && isLetter(text[j]) {
			continue
		}
		cw, ok := clauseWords[w]
		if !ok || !idiomFollows(text[j:], cw.next) {
			continue
		}
		start := -1
		switch {
		case cw.kinds&finite != 0 || base && cw.kinds&baseFinite != 0 && !(ps >= 0 && text[ps:pe] == "to"):
			s := at
			for {
				moved := false
				before := strings.TrimRight(text[:s], " ")
				for _, m := range clauseModifierList {
					if strings.HasSuffix(before, m) && (len(before) == len(m) || before[len(before)-len(m)-1] == ' ') {
						s = len(before) - len(m)
						moved = true
						break
					}
				}
				if !moved {
					break
				}
			}
			// "; requests", "and requests", "and, in this respect, requests",
			// and a directive verb after a bare comma: "Welcomes the
			// outcomes …, invites the initiative to …"
			if b := strings.TrimRight(text[:s], " \n"); strings.HasSuffix(b, ";") || strings.HasSuffix(strings.TrimSuffix(b, ","), " and") && len(b) < s ||
				strings.HasSuffix(b, ",") && commaVerbs[w] {
				start = s
			}
		case cw.kinds&participle != 0:
			b := strings.TrimRight(text[:at], " \n")
			if strings.HasSuffix(b, ",") || strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(b, "and"), " "), ",") && strings.HasSuffix(b, " and") ||
				messageNouns[b[strings.LastIndexByte(b, ' ')+1:]] {
				start = at
			}
		case cw.kinds&infinitiveVerb != 0 && infinitiveItem && ps >= 0 && text[ps:pe] == "to":
			if b := strings.TrimRight(text[:ps], " \n"); strings.HasSuffix(b, " and") {
				start = ps
			}
		}
		if start >= from && start > 0 {
			out = append(out, start)
		}
	}
	return out
}

// messageNouns are what a body is asked to send that itself asks: "to
// send a letter requesting the eligible Parties to appoint …", "to issue
// a notification inviting Parties to submit …". The participle after one
// opens a clause whose object is asked.
var messageNouns = map[string]bool{"letter": true, "letters": true, "notification": true, "notifications": true,
	"communication": true, "invitation": true, "circular": true, "message": true}

// idiomFollows reports whether after starts with one of the words an
// idiom needs, or needs none.
func idiomFollows(after string, next []string) bool {
	if len(next) == 0 {
		return true
	}
	a := strings.TrimLeft(after, " ")
	if len(a) == len(after) {
		return false
	}
	for _, n := range next {
		if strings.HasPrefix(a, n) && (len(a) == len(n) || !isLetter(a[len(n)])) {
			return true
		}
	}
	return false
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// gerundRE opens an item that asks without a finite verb: "(a) Inviting
// Parties to …", "(b) Requesting the Secretariat to …".
var gerundRE = regexp.MustCompile(`^(?:` + participleVerbs + `)\b`)

// clauses cuts a paragraph's text into the clauses of its verbs. The first
// clause is governed by the opening phrase (or by none).
func clauses(text string, p *accord.Paragraph) []clause {
	var out []clause
	starts := []int{0}
	// "Acknowledges and commends": a verb inside the opening phrase opens
	// no clause of its own.
	phraseEnd := 0
	if p.Phrase != "" {
		if i := strings.Index(text, p.Phrase); i >= 0 {
			phraseEnd = i + len(p.Phrase)
		}
	}
	// "… and to request it to …" opens a clause only in an infinitive
	// item: in "Requests X to report and to invite them to …" X invites.
	starts = append(starts, clauseStarts(text, phraseEnd, hasPrefixFold(p.Phrase, "to "), baseForm(p))...)
	for k, s := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		seg := text[s:end]
		c := clause{text: seg}
		switch {
		case k == 0 && p.Phrase != "":
			c.verb, c.class, c.phrase = p.Verb, p.Class, p.Phrase
			c.infin = strings.HasPrefix(strings.ToLower(p.Phrase), "to ")
			c.after = afterPhrase(seg, p.Phrase)
		case k == 0 && !gerundRE.MatchString(strings.ToLower(seg)):
			c.after = seg
		default:
			c.verb, c.class = clauseVerb(seg)
			c.phrase = strings.TrimSpace(verbIdiomRE.FindString(seg))
			// the verb phrase ends after the verb and an idiom's words
			c.after = afterVerb(seg)
		}
		out = append(out, c)
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// baseForm reports whether a paragraph's opening verb is written in the
// base form ("Request the forum …"), not the third person or an
// infinitive.
func baseForm(p *accord.Paragraph) bool {
	if p.Phrase == "" || hasPrefixFold(p.Phrase, "to ") || p.Verb == "" {
		return false
	}
	for _, w := range strings.Fields(p.Phrase) {
		if strings.EqualFold(w, p.Verb) {
			return true
		}
	}
	return false
}

// clauseVerb names the verb that opens seg, past its modifiers and an
// infinitive's "to", with its class.
func clauseVerb(seg string) (string, accord.VerbClass) {
	for _, w := range strings.Fields(strings.ToLower(seg)) {
		w = strings.Trim(w, ",")
		if clauseModifierWords[w] || w == "to" {
			continue
		}
		return lemma(w)
	}
	return "", ""
}

var clauseModifierWords = map[string]bool{"also": true, "further": true, "therefore": true, "thus": true, "hence": true,
	"accordingly": true, "consequently": true, "furthermore": true, "again": true, "hereby": true, "in": true, "this": true,
	"that": true, "regard": true, "respect": true, "end": true}

func afterPhrase(seg, phrase string) string {
	i := strings.Index(seg, phrase)
	if i < 0 {
		return seg
	}
	return strings.TrimLeft(seg[i+len(phrase):], " ,")
}

var verbIdiomRE = regexp.MustCompile(`^(?i)` + clauseModifiers + `(?:to\s+)?(?:call(?:s|ing)? upon|call(?:s|ing)? on|appeal(?:s|ing)? to|takes note|looks forward|\w+)\s*`)

func afterVerb(seg string) string {
	return strings.TrimLeft(seg[len(verbIdiomRE.FindString(seg)):], " ,")
}

// secondVerbs name the verbs that open further clauses, with their class.
var secondVerbs = map[string]struct {
	lemma string
	class accord.VerbClass
}{
	"requests": {"request", accord.Directive}, "asks": {"ask", accord.Directive}, "invites": {"invite", accord.Directive}, "urges": {"urge", accord.Directive},
	"encourages": {"encourage", accord.Directive}, "calls": {"call", accord.Directive}, "recommends": {"recommend", accord.Directive},
	"directs": {"direct", accord.Directive}, "instructs": {"instruct", accord.Directive}, "appeals": {"appeal", accord.Directive},
	"authorizes": {"authorize", accord.Directive}, "authorises": {"authorize", accord.Directive},
	"mandates": {"mandate", accord.Directive}, "entrusts": {"entrust", accord.Directive}, "tasks": {"task", accord.Directive},
	"decides": {"decide", accord.Deciding}, "endorses": {"endorse", accord.Deciding}, "approves": {"approve", accord.Deciding},
	"adopts": {"adopt", accord.Deciding}, "agrees": {"agree", accord.Deciding},
	"welcomes": {"welcome", accord.Evaluative}, "commends": {"commend", accord.Evaluative}, "expresses": {"express", accord.Evaluative},
	"congratulates": {"congratulate", accord.Evaluative}, "thanks": {"thank", accord.Evaluative},
	"notes": {"note", accord.Observing}, "takes": {"take", accord.Observing}, "recognizes": {"recognize", accord.Observing},
	"recognises": {"recognize", accord.Observing}, "acknowledges": {"acknowledge", accord.Observing}, "looks": {"look", accord.Observing},
}

// lemma names the verb of a third-person, base or participle form and
// its class.
func lemma(v string) (string, accord.VerbClass) {
	if sv, ok := secondVerbs[v]; ok {
		return sv.lemma, sv.class
	}
	if sv, ok := verbLemmas[v]; ok {
		return sv.lemma, sv.class
	}
	if stem, ok := strings.CutSuffix(v, "ing"); ok {
		for _, l := range []string{stem, stem + "e"} {
			if sv, ok := verbLemmas[l]; ok {
				return sv.lemma, sv.class
			}
		}
	}
	return strings.TrimSuffix(v, "s"), accord.Reinforcing
}

// verbLemmas indexes secondVerbs by lemma.
var verbLemmas = func() map[string]struct {
	lemma string
	class accord.VerbClass
} {
	m := map[string]struct {
		lemma string
		class accord.VerbClass
	}{}
	for _, sv := range secondVerbs {
		m[sv.lemma] = sv
	}
	m["authorise"] = m["authorize"]
	return m
}()

// paragraph extracts the mandates, addressees and deadlines of one
// top-level paragraph and its items.
func (x *extractor) paragraph(p *accord.Paragraph) {
	var addr []accord.Addressee
	add := func(as []accord.Addressee) {
		for _, a := range as {
			if !containsAddressee(addr, a) {
				addr = append(addr, a)
			}
		}
	}
	text := chapeauText(p)
	cs := clauses(text, p)
	itemsDone := false
	x.last = nil
	for k, c := range cs {
		x.before = ""
		if i := strings.Index(text, c.text); i > 0 {
			x.before = text[:i]
		}
		x.deadlines(c, k == 0 && p.Phrase == "")
		as, action := x.asked(c, c.verb == "" && k == 0)
		if len(as) == 0 && asks(c) && k+1 < len(cs) && asks(cs[k+1]) {
			as, action = x.sharedAction(c, cs[k+1])
		}
		if len(as) == 0 {
			continue
		}
		add(as)
		if k == len(cs)-1 && len(p.Items) > 0 && itemsAreActions(action, p.Items) {
			// "Requests the Executive Secretary to: (a) Continue …; (b) …":
			// one mandate per item, asked of the chapeau's addressees.
			prior, relays := text, secretariats(as)
			for i := range p.Items {
				x.itemMandates(&p.Items[i], c, as)
				if relays {
					add(x.itemAsks(&p.Items[i], prior))
				}
				prior = prior[max(0, len(prior)-priorReach):] + " " + p.Items[i].Text
			}
			itemsDone = true
			continue
		}
		if k == len(cs)-1 && len(p.Items) > 0 && strings.HasSuffix(strings.TrimSpace(action), ":") {
			// the items are the objects of this one action
			var b strings.Builder
			b.WriteString(strings.TrimSpace(action))
			for _, it := range p.Items {
				b.WriteString(" (" + it.Number + ") " + it.Text)
			}
			action = b.String()
			for i := range p.Items {
				x.itemDeadlines(&p.Items[i])
			}
			itemsDone = true
		}
		x.mandate(p.Path, c, as, action)
	}
	// Items that ask on their own: "Decides: (a) To invite Parties …".
	switch {
	case itemsDone:
	case !hasDirectiveChapeau(cs):
		// "The Board decided to: (f) Provide an hour … just prior to the
		// closure of its twelfth meeting": an item without a verb of its
		// own under a deciding chapeau is decided, and its times count
		decided := len(cs) > 0 && decidesItems(cs[len(cs)-1])
		prior := text
		for i := range p.Items {
			add(x.item(&p.Items[i], decided, prior))
			prior = prior[max(0, len(prior)-priorReach):] + " " + p.Items[i].Text
		}
	default:
		for i := range p.Items {
			x.itemDeadlines(&p.Items[i])
		}
	}
	if addr == nil {
		addr = []accord.Addressee{}
	}
	// two paragraphs with one path (a list the parser read as paragraphs)
	// keep the addressees of both
	for _, a := range x.res.Addressees[p.Path] {
		if !containsAddressee(addr, a) {
			addr = append(addr, a)
		}
	}
	x.res.Addressees[p.Path] = addr
}

// sharedObjectMax bounds the object of a verb that shares the next verb's
// action: a name or two, not a clause.
const sharedObjectMax = 100

// sharedAction reads "Urges Parties and invites other Governments to
// ratify …": the first verb asks its object to do what the second asks.
func (x *extractor) sharedAction(c, next clause) ([]accord.Addressee, string) {
	np := strings.TrimSpace(c.after)
	np = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(np, " and"), ","))
	if np == "" || len(np) > sharedObjectMax || strings.ContainsAny(np, ";:") {
		return nil, ""
	}
	if i := strings.Index(np, " to "); i >= 0 && infinitive(np[i+4:]) {
		return nil, "" // an action of its own
	}
	_, action := x.asked(next, false)
	if action == "" {
		return nil, ""
	}
	return x.addressees(np), action
}

// chapeauText is the text of a paragraph as its chapeau reads: a page
// may print "Requests the Executive Secretary, subject to funding;" over
// items that open with "To …", where the chapeau means ":".
//
// What follows that ";" is not the chapeau's: a web page's labels glued
// to it ("…, subject to the availability of funding; Operational Active
// Executive Secretary").
//
// A chapeau that names its object and stops, over items that say what
// it is asked ("INVITES member and non-member governments directly
// affected" over "- to submit …" bullets, "Urges coastal States" over
// "(a) Report …"), means ":" too.
func chapeauText(p *accord.Paragraph) string {
	t := strings.TrimRight(p.Text, " ")
	if len(p.Items) == 0 || strings.Contains(t, ":") {
		return p.Text
	}
	if r, _ := utf8.DecodeLastRuneInString(t); p.Phrase != "" && (unicode.IsLetter(r) || r == ')') && itemsAsk(p.Items) {
		return t + ":"
	}
	if !hasPrefixFold(p.Items[0].Text, "to ") {
		return p.Text
	}
	i := strings.LastIndexByte(t, ';')
	if i < 0 || strings.ContainsAny(t[i:], ".,") {
		return p.Text
	}
	return t[:i] + ":"
}

// itemsAsk reports whether items say what a chapeau asks: one of them
// opens with "to …" or with a verb in its base form ("Encourage …").
func itemsAsk(items []accord.Paragraph) bool {
	for i := range items {
		if hasPrefixFold(items[i].Text, "to ") || baseForm(&items[i]) {
			return true
		}
	}
	return false
}

// itemsAreActions reports whether a paragraph's items are each an action
// asked by its chapeau ("Requests the Executive Secretary to: (a) Continue
// …; (b) Report …") rather than the objects of one action ("Invites Parties
// to establish mechanisms for coordinating: (i) activities …; (ii) …").
func itemsAreActions(action string, items []accord.Paragraph) bool {
	a := strings.ToLower(strings.TrimSpace(action))
	if a == "" || a == ":" || a == "to:" || a == "to :" {
		return true
	}
	if !strings.HasSuffix(a, ":") {
		return false
	}
	// "… to take the following actions:" and items that open with a verb
	for _, it := range items {
		if strings.HasPrefix(strings.ToLower(it.Text), "to ") {
			return true
		}
	}
	return false
}

func hasDirectiveChapeau(cs []clause) bool {
	if len(cs) == 0 {
		return false
	}
	c := cs[len(cs)-1]
	a := strings.TrimSpace(c.after)
	return (asks(c) || c.verb == "") && strings.HasSuffix(a, ":")
}

// decidesItems reports whether a clause decides what the items under it
// say: "Decides:", "the Board decided to:"; "Endorses … as follows:"
// quotes them.
func decidesItems(c clause) bool {
	return (c.verb == "decide" || c.verb == "agree") && strings.HasSuffix(strings.TrimSpace(c.after), ":")
}

// asks reports whether a clause's verb asks its object to act: the
// directive verbs, and "Authorizes the Secretariat to …", which the
// parser classes with the deciding verbs.
func asks(c clause) bool {
	return c.class == accord.Directive || c.verb == "authorize" || c.verb == "authorise"
}

// priorReach is how much of the text before an item extraction keeps
// for the item's pronouns: the item or two just before it, where the name
// a pronoun stands for is written.
const priorReach = 400

// item extracts from an item that is not under a directive chapeau;
// decided says the chapeau decides what its items say; prior is the text
// before the item, the chapeau and the items before it.
func (x *extractor) item(it *accord.Paragraph, decided bool, prior string) []accord.Addressee {
	var all []accord.Addressee
	for k, c := range clauses(it.Text, it) {
		// "(a) To welcome the report of the Panel; (b) To request it to
		// update …": a pronoun may stand for a name of the items before
		x.before = prior + " "
		if i := strings.Index(it.Text, c.text); i > 0 {
			x.before += it.Text[:i]
		}
		x.deadlines(c, decided && k == 0 && it.Phrase == "")
		as, action := x.asked(c, false)
		if len(as) == 0 || k > 0 && !asks(c) {
			continue
		}
		all = append(all, as...)
		x.mandate(it.Path, c, as, action)
	}
	for i := range it.Items {
		x.itemDeadlines(&it.Items[i])
	}
	return all
}

// itemMandates makes the mandates of an item under a directive chapeau.
func (x *extractor) itemMandates(it *accord.Paragraph, chapeau clause, as []accord.Addressee) {
	x.deadlines(clause{verb: chapeau.verb, class: accord.Directive, text: it.Text, after: it.Text}, false)
	if len(it.Items) > 0 && strings.HasSuffix(strings.TrimSpace(it.Text), ":") {
		for i := range it.Items {
			x.itemMandates(&it.Items[i], chapeau, as)
		}
		return
	}
	x.mandate(it.Path, chapeau, as, it.Text)
}

// secretariats reports whether every addressee of as is a secretariat
// or its head: they speak for the body, so that whom they are told to
// invite or encourage the decision asks, while Parties told to encourage
// another agency ask it themselves.
func secretariats(as []accord.Addressee) bool {
	for _, a := range as {
		if a.Actor != "secretariat" && a.Actor != "secretariats" && a.Actor != "executive-secretary" && a.Actor != "executive-secretaries" {
			return false
		}
	}
	return len(as) > 0
}

// itemAsks returns whom an item under a secretariat's chapeau asks by a
// directive verb of its own ("The Secretariat shall: a) invite FAO to
// provide assistance …", "c) communicate the factors to the Parties,
// encouraging them to …"), with a mandate each. prior is the text before
// the item, where its pronouns find their names.
func (x *extractor) itemAsks(it *accord.Paragraph, prior string) []accord.Addressee {
	var all []accord.Addressee
	x.last = nil // "them" is no longer the chapeau's addressee
	for _, c := range clauses(it.Text, it) {
		if !asks(c) {
			continue
		}
		x.before = prior + " "
		if i := strings.Index(it.Text, c.text); i > 0 {
			x.before += it.Text[:i]
		}
		if as, action := x.asked(c, false); len(as) > 0 {
			all = append(all, as...)
			x.mandate(it.Path, c, as, action)
		}
	}
	return all
}

func (x *extractor) itemDeadlines(it *accord.Paragraph) {
	x.deadlines(clause{class: accord.Directive, text: it.Text, after: it.Text}, false)
	for i := range it.Items {
		x.itemDeadlines(&it.Items[i])
	}
}

func containsAddressee(as []accord.Addressee, a accord.Addressee) bool {
	for _, b := range as {
		if strings.EqualFold(b.Text, a.Text) {
			return true
		}
	}
	return false
}

// asked returns whom a clause asks to act and the action asked. passive
// says the clause has no opening verb ("The Secretariat shall:").
func (x *extractor) asked(c clause, passive bool) ([]accord.Addressee, string) {
	switch {
	case repeats[c.verb] && requestNounRE.MatchString(c.after):
		// "Reiterates its request to the Executive Board, as contained in
		// decision 4/CMP.10, to consider …"
		m := requestNounRE.FindStringIndex(c.after)
		span, action, ok := addresseeSpan(c.after[m[1]:])
		if !ok {
			return nil, ""
		}
		return x.addressees(span), action
	case c.verb == "remind":
		// "Reminds Parties and observers of the invitation for
		// submissions", "Reminds Parties to submit"
		if span, action, ok := addresseeSpan(c.after); ok {
			return x.addressees(span), action
		}
		if i := strings.Index(c.after, " of the "); i > 0 {
			return x.addressees(c.after[:i]), c.after[i+1:]
		}
		return nil, ""
	case passive && hasPrefixFold(c.text, "that"):
		// "That, in preparing the report, the Panel should consult …",
		// an item of "The Meeting of the Parties decided:"
		return x.decideThat(strings.TrimLeft(c.text[4:], " ,"))
	case passive && hasPrefixFold(c.text, "whereas"):
		return nil, "" // a recital: "WHEREAS the Scientific Committee shall …"
	case passive && pastDirectiveRE.MatchString(c.text):
		// a board's minutes: "Requested the Board members to submit any
		// comments …"
		span, action, ok := addresseeSpan(c.text[len(pastDirectiveRE.FindString(c.text)):])
		if !ok {
			return nil, ""
		}
		return x.addressees(span), action
	case passive:
		// "Subject to the availability of resources, the Secretariat
		// shall:": the subject may follow a clause
		text := c.text
		for k := 0; k <= thatClauseCommas; k++ {
			if m := passiveSubjectRE.FindStringSubmatchIndex(text); m != nil {
				subj := m[2:4] // "X is requested to"
				if subj[0] < 0 {
					subj = m[4:6] // "X shall"
				}
				return x.addressees(text[subj[0]:subj[1]]), strings.TrimSpace(text[m[1]:])
			}
			i := strings.Index(text, ", ")
			if i < 0 || !unicode.IsUpper(firstRune(c.text)) {
				break
			}
			text = text[i+2:]
		}
		return nil, ""
	case c.class == accord.Deciding && recommendToRE.MatchString(c.after):
		// "the Board decided to recommend to the CMP that …"
		return x.recommendTo(c.after[len(recommendToRE.FindString(c.after)):])
	case c.class == accord.Deciding && decideToAskRE.MatchString(c.after):
		// "Decides to request the Executive Secretary to prepare …": the
		// decision asks through the infinitive
		m := decideToAskRE.FindStringSubmatch(c.after)
		inner := c
		inner.verb, inner.class = lemma(strings.ToLower(m[1]))
		inner.after = c.after[len(m[0]):]
		as, action := x.asked(inner, false)
		if appointRE.MatchString(action) {
			// "agreed to invite the following experts to become members
			// of the Panel": an appointment, no one asked to act
			return nil, ""
		}
		return as, action
	case asks(c):
		after := c.after
		if strings.HasPrefix(strings.ToLower(after), "that ") {
			return x.thatClause(after[5:])
		}
		if c.verb == "recommend" && hasPrefixFold(after, "to ") {
			// "Recommends to the Governments of the Contracting Parties
			// that:", "Recommends to all States … to give consideration"
			if as, action := x.recommendTo(after[3:]); len(as) > 0 {
				return as, action
			}
		}
		span, action, ok := addresseeSpan(after)
		if !ok {
			return nil, ""
		}
		as := x.addressees(span)
		// "Requests X to prepare terms of reference, and the Secretariat
		// to make them available": a second object shares the verb.
		for _, m := range gappedRE.FindAllStringSubmatch(action, -1) {
			if a, ok := x.actorPhrase(m[1]); ok && !pronoun(a.Text) && !containsAddressee(as, a) {
				as = append(as, a)
			}
		}
		return as, action
	case c.class == accord.Deciding:
		// "Decides that the secretariat shall …", "Clarifies that, if …,
		// the secretariat shall confirm …"
		if strings.HasPrefix(strings.ToLower(c.after), "that") {
			return x.decideThat(strings.TrimLeft(c.after[4:], " ,"))
		}
	}
	return nil, ""
}

// decideToAskRE opens an infinitive that asks after a deciding verb:
// "decides to request", "agrees to invite", "decided to urge"; the
// verb is the first group.
var decideToAskRE = regexp.MustCompile(`^(?i:to\s+(request|invite|urge|encourage|ask|instruct|direct|mandate|entrust)\s+)`)

// appointRE opens the action of an appointment: "to become members",
// "to serve as Chair", "to join the Committee".
var appointRE = regexp.MustCompile(`^(?i:to\s+(?:become|serve|join|be\s+(?:a\s+)?members?)\b)`)

// recommendToRE opens "to recommend to" in a decision: "decided to
// recommend to the CMP-5 the adoption of …".
var recommendToRE = regexp.MustCompile(`^(?i:to\s+recommend\s+to\s+)`)

// recommendTo reads whom "recommends to" names: the capitalized name
// after it ("the Governments of the Contracting Parties to the Helsinki
// Convention that: …", "the CMP-5 the adoption of …"), or a name with
// its infinitive ("all States which are considering … to give
// consideration").
func (x *extractor) recommendTo(s string) ([]accord.Addressee, string) {
	if name, rest := leadingName(s); name != "" {
		return []accord.Addressee{x.addressee(name)}, strings.TrimLeft(rest, " ,")
	}
	span, action, ok := addresseeSpan(s)
	if !ok {
		return nil, ""
	}
	return x.addressees(span), action
}

// leadingName returns the name s opens with, past "the": capitalized
// words and the small words between them, and what follows it.
func leadingName(s string) (name, rest string) {
	t := strings.TrimPrefix(strings.TrimPrefix(s, "the "), "The ")
	end := 0
	for i := 0; i < len(t); {
		j := strings.IndexByte(t[i:], ' ')
		if j < 0 {
			j = len(t) - i
		}
		w := strings.TrimRight(t[i:i+j], ",;:")
		switch {
		case unicode.IsUpper(firstRune(w)):
			end = i + len(w)
		case nameLinks[w]:
		default:
			return t[:end], t[end:]
		}
		if len(w) < j {
			break // a comma or colon ends the name
		}
		i += j + 1
	}
	return t[:end], t[end:]
}

// pastDirectiveRE opens a paragraph with a directive verb in the past
// tense, as boards record what they decided: "Requested the Board
// members to …", "Also invited the Trustee to …".
var pastDirectiveRE = regexp.MustCompile(`^(?:(?:Also|Further)\s+)?(?:Requested|Invited|Urged|Encouraged|Authori[sz]ed|Called\s+(?:up)?on|Instructed|Directed)\s+`)

// repeats are the verbs that make a request again by naming it
// ("Reiterates its request to …"); "Recalls its request to …" only
// remembers it.
var repeats = map[string]bool{"reiterate": true, "renew": true, "repeat": true, "reaffirm": true, "extend": true}

// requestNounRE opens the object of a request named by a noun: "its
// request to", "the invitation to", "its call upon".
var requestNounRE = regexp.MustCompile(`^(?i:its|the|their)\s+(?:previous\s+)?(?:request|invitation|call|appeal|encouragement)\s+(?:to|upon|on)\s+`)

// thatClauseCommas is how many commas decideThat looks past for the
// subject: "in preparing the report referred to in paragraph 1, the
// Panel should …".
const thatClauseCommas = 3

// decideThat reads what follows "decides that": "the secretariat shall
// prepare …" asks the secretariat.
func (x *extractor) decideThat(that string) ([]accord.Addressee, string) {
	for k := 0; k <= thatClauseCommas; k++ {
		if m := shallRE.FindStringSubmatchIndex(that); m != nil {
			action := strings.TrimSpace(that[m[2]:])
			// "Meetings of the Conference shall take place every two
			// years", "the Secretariat will consist of …": what is, not
			// what someone is asked to do
			if stativeRE.MatchString(that[m[1]:]) || instrumentRE.MatchString(that[m[2]:m[3]]) {
				// "the Convention should set a minimum reserve": an
				// instrument is no one to ask
				return nil, ""
			}
			// "… shall be prepared by the Panel": the agent acts, not
			// the subject; with no agent ("shall be held in Geneva"),
			// or when the agent is the governing body itself ("shall
			// be determined by the Conferences of the Parties at
			// their next meetings"), nobody is asked.
			if p := shallBeRE.FindStringSubmatch(that[m[1]:]); p != nil {
				if p[1] == "" || governingBodyRE.MatchString(p[1]) {
					return nil, ""
				}
				return x.addressees(p[1]), action
			}
			return x.addressees(that[m[2]:m[3]]), action
		}
		i := strings.Index(that, ", ")
		if i < 0 {
			break
		}
		that = that[i+2:]
	}
	return nil, ""
}

// stativeRE opens what a subject is or undergoes after "shall": no
// action asked of it.
// instrumentRE is the name of an instrument, not of a body.
var instrumentRE = regexp.MustCompile(`^(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)*(?:Convention|Protocol|Agreement)(?:\s+on\s+[^,;:]+)?$`)

var stativeRE = regexp.MustCompile(`^(?:also\s+)?(?:take\s+place|consist|comprise|remain|expire|cease|enter\s+into\s+force|hold\s+office|apply\b)`)

var (
	passiveSubjectRE = regexp.MustCompile(`^(?:The\s+)?([^.;:]*?),?\s+(?:is|are)\s+(?:hereby\s+|also\s+|further\s+)?(?:requested|invited|encouraged|urged|directed|instructed|called upon|authorized|mandated|asked)(?:,[^,;]{1,120},)?\s+to\b|^(?:The\s+)?([^.;:,]*?)\s+(?:shall\b|should\s)`)
	shallRE          = regexp.MustCompile(`^((?:the\s+)?[^,;:]*?)\s+(?:shall|should|will)\s+`)
	// shallBeRE reads a passive after "shall": its agent, "" when none.
	shallBeRE = regexp.MustCompile(`^(?:also\s+|further\s+)?be\s+(?:[a-z]+(?:ed|en|wn|nt|de)|held|made|kept|set|put|paid|met|led|found|brought|built|read|run|sought|taught|told|sold|won)\b(?:\s+by\s+((?:the\s+)?[^;:.]*?),?(?:\s+(?:at|in|during|before|no later than|not later than|for|through|with|on)\b|[;:.]|$))?`)
)

// governingBodyRE is a governing body deciding for itself: "the
// Conferences of the Parties to …", "the Meeting of the Parties".
var governingBodyRE = regexp.MustCompile(`^(?i:the\s+)?(?:Conferences?|Meetings?)\s+of\s+the\s+Parties\b`)

// gappedRE finds a second object and its infinitive after the first
// action: ", and the Secretariat to make …".
var gappedRE = regexp.MustCompile(`,\s+and\s+((?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+the\s+|on\s+|for\s+)?[A-Z][\w-]*){0,6})\s+to\s+[a-z]`)

// thatClause reads "Recommends that Parties … ensure", "Requests that
// the actions of the secretariat … be undertaken". The action is what
// follows the subject ("ensure close cooperation"), as the action of
// "Requests the secretariat to report" is "to report": the subject is
// the addressee, not part of what is asked.
func (x *extractor) thatClause(s string) ([]accord.Addressee, string) {
	// "Requests that in the future the Advisory Bodies prepare …"
	s = strings.TrimLeft(thatLeadRE.ReplaceAllString(s, ""), " ,")
	np := s
	if i := strings.Index(np, ","); i >= 0 {
		np = np[:i]
		// "that States Parties, the Advisory Bodies and the World
		// Heritage Centre continue …": the subject is a list when the
		// verb follows it closely
		if m := thatVerbRE.FindStringIndex(s); m != nil && m[0] > i && m[0] <= thatListMax && !strings.ContainsAny(s[:m[0]], ";:") {
			np = s[:m[0]]
		}
	}
	if m := thatVerbRE.FindStringIndex(np); m != nil {
		np = np[:m[0]]
	}
	// "that the actions of the UNFCCC secretariat called for in this
	// decision be undertaken": the actions are the secretariat's
	np = strings.TrimPrefix(np, actionsOfRE.FindString(np))
	if m := calledForRE.FindStringIndex(np); m != nil {
		np = np[:m[0]]
	}
	np = np[:thatSubjectEnd(np)]
	action := strings.TrimLeft(s[len(np):], " ,")
	if action == "" {
		return nil, ""
	}
	as := x.addressees(np)
	if len(as) > 0 {
		return as, action
	}
	if name := x.reg.find(np); name != "" {
		return []accord.Addressee{x.addressee(name)}, action
	}
	return nil, ""
}

// thatSubjectEnd is where the subject of a "that" clause ends when its
// verb is none thatVerbRE knows: at the first lower-case word after a
// capitalized one that cannot go on a name ("Parties | incorporate in
// …", "the Global Environment Facility | finance …"); "Parties
// concerned" keeps its participle.
func thatSubjectEnd(np string) int {
	prevUpper := false
	for i := 0; i < len(np); {
		j := strings.IndexByte(np[i:], ' ')
		if j < 0 {
			j = len(np) - i
		}
		w := strings.TrimRight(np[i:i+j], ",")
		if w != "" {
			r, _ := utf8.DecodeRuneInString(w)
			lower := unicode.IsLower(r)
			if lower && prevUpper && i > 0 && !nameGlue[w] && !strings.HasSuffix(w, "ed") && !actorNouns[w] {
				return len(strings.TrimRight(np[:i], " "))
			}
			prevUpper = unicode.IsUpper(r)
		}
		i += j + 1
	}
	return len(np)
}

// nameGlue are the lower-case words inside or right after a name:
// "Conference of the Parties", "Parties and others", "Parties that …".
var nameGlue = map[string]bool{"of": true, "and": true, "or": true, "the": true, "to": true, "for": true, "on": true, "in": true,
	"with": true, "at": true, "by": true, "from": true, "under": true, "its": true, "their": true, "other": true, "all": true,
	"that": true, "which": true, "who": true, "whose": true, "as": true, "not": true, "also": true, "both": true, "each": true,
	"serving": true, "acting": true, "concerned": true, "interested": true, "relevant": true, "members": true, "parties": true}

// thatListMax bounds a subject of a "that" clause that is a list:
// several names, not a clause.
const thatListMax = 150

var (
	actionsOfRE = regexp.MustCompile(`^(?i:the\s+)?(?:actions?|activities|work)\s+of\s+`)
	calledForRE = regexp.MustCompile(`\s+(?:called\s+for|referred\s+to|set\s+out|mentioned)\b`)
)

var thatVerbRE = regexp.MustCompile(`\s+(?:be|should|shall|will|may|must|continue|facilitate|ensure|take|make|consider|provide|promote|use|include|submit|report|develop|establish|undertake|adopt|apply|prepare|present|review|publish|update)\b`)

// thatLeadRE is an adverb of time that may open a "that" clause.
var thatLeadRE = regexp.MustCompile(`^(?i:in\s+(?:the\s+)?future|henceforth|from\s+now\s+on|hereafter|as\s+a\s+matter\s+of\s+priority)\b`)

// addresseeSpan cuts the text after a directive verb into the addressees
// and the action: "the secretariat, in collaboration with X, | to report …".
// It reports false when no infinitive follows: "Encourages the
// engagement of countries in future discussions" asks no one.
func addresseeSpan(s string) (span, action string, ok bool) {
	clean := s
	if strings.Contains(s, " so") {
		clean = qualifierRE.ReplaceAllStringFunc(s, func(q string) string { return strings.Repeat("\x00", len(q)) })
	}
	for off := 0; ; {
		i := strings.Index(clean[off:], " to")
		if i < 0 {
			// "Requests the Executive Secretary, subject to …:" with
			// "(a) To continue …" items: a chapeau without its "to".
			if t := strings.TrimSpace(s); strings.HasSuffix(t, ":") && !strings.Contains(t[:len(t)-1], ":") {
				return strings.TrimRight(t[:len(t)-1], " ,"), ":", true
			}
			return "", "", false
		}
		i += off
		rest := clean[i+3:]
		if rest == "" || rest[0] == ':' || rest[0] == ' ' && infinitive(strings.TrimLeft(rest, " ")) {
			return strings.TrimRight(s[:i], " ,"), strings.TrimSpace(s[i+1:]), true
		}
		if rest[0] != ' ' && rest[0] != ':' {
			off = i + 3
			continue
		}
		off = i + 3
	}
}

// qualifierRE matches the qualifiers that an addressee carries with a
// "to" of their own: "in a position to do so".
var qualifierRE = regexp.MustCompile(`(?i)\b(?:that|which|who)\s+(?:are\s+|is\s+)?(?:in a position|able|willing|wishing)\s+to\s+do\s+so\b|\b(?:in a position|able|willing|wishing)\s+to\s+do\s+so\b|\bthat have not yet done so\b`)

// notInfinitive are words that follow "to" without making an infinitive.
var notInfinitive = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"this": true, "these": true, "that": true, "those": true, "all": true, "any": true, "each": true, "other": true,
	"such": true, "both": true, "date": true, "some": true, "which": true, "whom": true, "what": true, "whether": true,
	"it": true, "them": true, "one": true, "two": true, "three": true, "which,": true, "article": true, "paragraph": true}

func infinitive(s string) bool {
	w := s
	if i := strings.IndexAny(w, " ,;:."); i >= 0 {
		w = w[:i]
	}
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsLower(r) && !notInfinitive[w]
}

// parenthetical segments between commas start with these words: they say
// how or with whom, not who.
var parenthetical = map[string]bool{"in": true, "with": true, "within": true, "through": true, "at": true, "as": true,
	"subject": true, "upon": true, "if": true, "when": true, "where": true, "whenever": true, "once": true,
	"inter": true, "among": true, "working": true, "among others": true, "together": true,
	"on": true, "for": true, "from": true, "by": true, "under": true, "pursuant": true, "taking": true,
	"where appropriate": true, "to": true, "via": true, "after": true, "before": true, "during": true, "while": true,
	"acting": true, "consistent": true, "according": true, "based": true, "notably": true, "particularly": true, "especially": true,
	"inviting": true, "respectively": true}

// inclusive words open a segment whose bodies are asked with the others:
// "including the private sector", "in particular small island States".
var inclusive = map[string]bool{"including": true, "notably": true, "particularly": true, "especially": true}

// listParenthetical reports whether a parenthetical segment opens a list
// of helpers that may run on over commas: "working together with A, B,
// and C", "in collaboration with X".
func listParenthetical(seg string) bool {
	l := strings.ToLower(seg)
	for _, p := range []string{"working", "together", "with", "in collaboration", "in cooperation", "in consultation",
		"in coordination", "in partnership", "among", "inter alia", "in conjunction"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// listStarts are words that, after "and" or "or", start another addressee.
var listStarts = map[string]bool{"the": true, "its": true, "their": true, "all": true, "other": true, "others": true,
	"relevant": true, "interested": true, "any": true, "a": true, "an": true, "each": true, "concerned": true}

// addressees reads a span naming one or more actors.
func (x *extractor) addressees(span string) []accord.Addressee {
	span = strings.ReplaceAll(span, "\x00", "")
	span = parenAcronymRE.ReplaceAllString(span, "")
	span = strings.ReplaceAll(span, " and in particular ", ", ")
	span = strings.ReplaceAll(span, ", as well as ", ", ")
	span = strings.ReplaceAll(span, " as well as ", ", ")
	span = strings.ReplaceAll(span, " and, in particular, ", ", ")
	var out []accord.Addressee
	inParen, openList := false, false
	for _, seg := range splitCommas(span) {
		seg = strings.TrimSpace(seg)
		if hasPrefixFold(seg, "in particular ") && !(inParen && openList) {
			// "Parties, in particular the Working Group, and …"
			seg = "particularly " + seg[len("in particular "):]
		}
		fw := strings.ToLower(firstWord(seg))
		if inclusive[fw] {
			// "institutions, including the operating entities …": those
			// included are asked too
			seg = strings.TrimSpace(seg[len(fw):])
			fw = strings.ToLower(firstWord(seg))
			inParen, openList = false, false
		}
		if seg == "" || parenthetical[fw] {
			inParen = true
			openList = listParenthetical(seg)
			continue
		}
		// ", working together with A, B, and C, to develop": the segments
		// after a parenthetical that opens a list go on with it unless
		// another actor starts, and so do those after a relative clause
		// ("the group that has not nominated an expert in plans,
		// programmes or treaties"); after one that opens none ("through
		// its task force, and the Expert Group") "and" starts an actor.
		if inParen {
			and := fw == "and" || fw == "or"
			next := strings.ToLower(firstWord(strings.TrimSpace(seg[min(len(seg), len(fw)):])))
			startsActor := and && !openList && (listStarts[next] || actorNouns[next] || unicode.IsUpper(firstRune(strings.TrimSpace(seg[len(fw):]))))
			if !startsActor && (and || unicode.IsLower(firstRune(seg)) && !listStarts[fw]) {
				continue
			}
		}
		inParen = relativeRE.MatchString(seg)
		openList = inParen
		for _, part := range splitAnd(seg) {
			part = strings.TrimSpace(part)
			for _, c := range []string{"and ", "or "} {
				part = strings.TrimPrefix(part, c)
			}
			for _, c := range []string{" and", " or"} {
				part = strings.TrimSuffix(part, c)
			}
			a, ok := x.actorPhrase(part)
			if !ok {
				continue
			}
			if pronoun(a.Text) {
				group := antecedents(x.before, a.Text)
				switch {
				case len(x.last) > 0:
					out = append(out, x.last...)
				case len(group) > 1:
					// "between A and B and C and invites them"
					for _, n := range group {
						out = append(out, x.addressee(n))
					}
				case x.reg.last(x.before) != "":
					out = append(out, x.addressee(x.reg.last(x.before)))
				default:
					for _, n := range group {
						out = append(out, x.addressee(n))
					}
				}
				continue
			}
			out = append(out, a)
		}
	}
	if len(out) > 0 {
		x.last = out
	}
	return out
}

// relativeRE finds a relative clause that may run on past a comma.
var relativeRE = regexp.MustCompile(`\s(?:that|which|who)\s+(?:has|have|had|is|are|was|were)\b`)

// parenAcronymRE is an acronym in brackets after a name: "(IPBES)",
// "(hereinafter S4C)".
var parenAcronymRE = regexp.MustCompile(`\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?[“"]?[A-Z][A-Za-z0-9-]{1,10}[”"]?\)`)

// splitCommas splits at commas outside names that contain them ("the
// Basel, Rotterdam and Stockholm Conventions").
func splitCommas(s string) []string {
	protected := s
	if strings.Contains(s, ", ") && strings.Contains(s, " and ") {
		protect := func(m string) string { return strings.ReplaceAll(m, ",", "\x01") }
		protected = nameListRE.ReplaceAllStringFunc(s, protect)
		protected = adjectiveListRE.ReplaceAllStringFunc(protected, protect)
	}
	parts := strings.Split(protected, ",")
	for i := range parts {
		parts[i] = strings.ReplaceAll(parts[i], "\x01", ",")
	}
	return parts
}

// nameListRE matches names that hold a list of capitalized words: "the
// Basel, Rotterdam and Stockholm Conventions", "United Nations
// Educational, Scientific and Cultural Organization", "Subsidiary Body on
// Scientific, Technical and Technological Advice".
var nameListRE = regexp.MustCompile(`(?:[A-Z][a-z]+, )+[A-Z][a-z]+,? and [A-Z][a-z]+ (?:[A-Z][a-z]+ )*(?:Conventions|conventions|Advice|Organization|Organisation|Committees|Bodies|Affairs)\b`)

// adjectiveListRE matches adjectives listed before the one noun they
// qualify: "national, regional and international funding
// organisations", "bilateral, multilateral and private donors".
var adjectiveListRE = regexp.MustCompile(`\b(?:[a-z-]+(?:al|ic|ate), )+[a-z-]+(?:al|ic|ate),? and [a-z-]+(?:al|ic|ate) [a-z]`)

var conventionListRE = regexp.MustCompile(`(?:[A-Z][a-z]+, )+[A-Z][a-z]+,? and [A-Z][a-z]+ (?:Conventions|conventions)`)

// splitAnd splits "Parties and relevant institutions" but not
// "multilateral and bilateral agencies" nor "the Food and Agriculture
// Organization": after "and" or "or" another actor must start.
func splitAnd(s string) []string {
	var out []string
	start := 0
	words := strings.Fields(s)
	// rebuild with positions
	pos := 0
	idx := make([]int, len(words))
	for i, w := range words {
		j := strings.Index(s[pos:], w)
		idx[i] = pos + j
		pos += j + len(w)
	}
	for i := 1; i+1 < len(words); i++ {
		if words[i] != "and" && words[i] != "or" {
			continue
		}
		next, prev := words[i+1], strings.Trim(words[i-1], ",")
		if inProtectedName(s, idx[i]) || modifiedBefore(s[start:idx[i]]) || instrumentAfter(words[i+1:]) && prepBefore(s[start:idx[i]]) {
			continue
		}
		split := listStarts[strings.ToLower(next)] || actorNouns[strings.ToLower(next)] && !isAdjective(prev) ||
			unicode.IsUpper(firstRune(next)) && (actorNouns[strings.ToLower(prev)] || strings.HasSuffix(prev, ")")) ||
			// "Parties and observer organizations": an actor noun, then
			// a phrase whose head is another
			actorNouns[strings.ToLower(prev)] && headIsActor(words[i+1:]) ||
			// "UNEP and FAO", "the Biodiversity WG and CNPA", "WWF and
			// BirdLife International": an acronym names a body whole,
			// unless both share a head after them ("CITES and CMS
			// secretariats")
			(acronym(prev) || acronym(next)) && unicode.IsUpper(firstRune(prev)) && unicode.IsUpper(firstRune(next)) && !headIsActor(words[i+2:])
		if split {
			out = append(out, s[start:idx[i]])
			start = idx[i] + len(words[i])
		}
	}
	return append(out, s[start:])
}

// acronym reports whether w is an acronym: two capitals or more, and no
// letter in lower case ("FAO", "CNPA", "WG"; not "Parties").
func acronym(w string) bool {
	w = strings.Trim(w, ",;:()")
	upper := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			return false
		}
	}
	return upper >= 2
}

// modifierRE finds a participle that opens a modifier, within which
// "and" joins no addressees: "the group established at the meeting of
// the Review Committee and the Scientific Panel".
var modifierRE = regexp.MustCompile(`\b(?:established|referred|mentioned|listed|created|set up|convened|held|launched|hosted|organized|organised|composed|responsible)\s+(?:at|by|in|under|to|pursuant|with|through|for|of)\b`)

func modifiedBefore(s string) bool { return modifierRE.MatchString(s) }

// instrumentAfter reports whether the words after "and" name an
// instrument, not a body: "under the Convention and the Paris Agreement".
func instrumentAfter(words []string) bool {
	for _, w := range words {
		w = strings.Trim(w, ",;:")
		if w == "and" || w == "or" {
			return false
		}
		switch w {
		case "Convention", "Conventions", "Protocol", "Agreement", "Amendment":
			return true
		}
	}
	return false
}

// prepBefore reports whether s ends in a phrase governed by a preposition
// that an instrument may follow: "bodies under the Convention".
func prepBefore(s string) bool {
	for _, p := range []string{" under ", " of ", " to ", " for "} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// headIsActor reports whether the phrase words start with, up to the next
// "and", "or" or preposition, holds an actor noun: "observer organizations
// to …", "civil society networks".
func headIsActor(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if lw == "and" || lw == "or" || ppWords[lw] {
			return false
		}
		if actorNouns[lw] {
			return true
		}
	}
	return false
}

var ppWords = map[string]bool{"of": true, "under": true, "from": true, "for": true, "in": true, "with": true, "on": true,
	"to": true, "at": true, "that": true, "which": true, "who": true}

func isAdjective(w string) bool {
	r := firstRune(w)
	return unicode.IsLower(r) && !actorNouns[strings.ToLower(w)]
}

// inProtectedName reports whether the "and" at i belongs to a registered
// name ("Technology and Economic Assessment Panel").
func inProtectedName(s string, i int) bool {
	l := strings.ToLower(s)
	for _, n := range protectedNames {
		for off := 0; ; {
			j := strings.Index(l[off:], n)
			if j < 0 {
				break
			}
			j += off
			if i > j && i < j+len(n) {
				return true
			}
			off = j + 1
		}
	}
	return conventionAt(s, i)
}

func conventionAt(s string, i int) bool {
	for _, m := range conventionListRE.FindAllStringIndex(s, -1) {
		if i > m[0] && i < m[1] {
			return true
		}
	}
	return false
}

var protectedNames = []string{"food and agriculture organization", "technology and economic assessment panel",
	"animals and plants committees", "science and technology", "trade and development", "scientific and technological",
	"economic and social", "environment and development", "health and environment", "research and development",
	"monitoring and assessment", "conservation and sustainable use", "access and benefit-sharing",
	"climate technology centre and network", "scientific and technical advisory panel",
	"indigenous peoples and local communities", "indigenous and local communities", "small and medium-sized enterprises",
	"education and awareness", "flora and fauna", "fauna and flora"}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "“\"‘'("))
	return r
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " ,"); i >= 0 {
		return s[:i]
	}
	return s
}

// antecedents returns the names a pronoun stands for when no registered
// actor stands before it: the last capitalized name of before ("it", "the
// latter"), the last two ("both"), or the last and those coordinated with
// it by "and" ("them", "they").
func antecedents(before, pron string) []string {
	names, joined := capitalizedNames(before)
	if len(names) == 0 {
		return nil
	}
	n := 1
	switch strings.ToLower(pron) {
	case "both", "both entities", "both organizations", "both secretariats":
		n = 2
		// "between UNEP and FAO and invites both": one run of capitals
		// holds the two
		if last := names[len(names)-1]; len(names) == 1 || !joined[len(names)-1] {
			if a, b, ok := strings.Cut(last, " and "); ok && !strings.Contains(b, " and ") {
				return []string{a, b}
			}
		}
	case "them", "they":
		for n < len(names) && joined[len(names)-n] {
			n++
		}
	case "the former":
		if len(names) < 2 {
			return nil
		}
		return names[len(names)-2 : len(names)-1]
	}
	if n > len(names) {
		return nil
	}
	return names[len(names)-n:]
}

// nameLinks may join the capitalized words of one name: "Convention on
// Migratory Species", "Platform on Biodiversity and Ecosystem Services".
var nameLinks = map[string]bool{"of": true, "on": true, "for": true, "the": true, "and": true, "to": true}

// capitalizedNames returns the names (runs of capitalized words and the
// links between them) that stand in text after its first word, in order;
// joined[i] says whether names[i] follows names[i-1] after a bare "and"
// or a comma ("the Ramsar Convention and the Convention on …").
func capitalizedNames(text string) (names []string, joined []bool) {
	words := strings.Fields(text)
	var cur []string
	link := true // what stands between the last name and the next
	flush := func() {
		for len(cur) > 0 && nameLinks[cur[len(cur)-1]] {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			names = append(names, strings.Join(cur, " "))
			joined = append(joined, link && len(names) > 1)
			link = true
		}
		cur = nil
	}
	for i, w := range words {
		bare := strings.Trim(w, "“”\"'(),;:")
		switch {
		case i == 0 || bare == "":
			continue
		case unicode.IsUpper(firstRune(bare)):
			// "Biodiversity and Ecosystem Services" stays one name
			cur = append(cur, bare)
		case len(cur) > 0 && nameLinks[bare]:
			// "X and the Y" is two names
			if bare == "the" && cur[len(cur)-1] == "and" {
				flush()
				continue
			}
			cur = append(cur, bare)
		default:
			if len(cur) > 0 {
				flush()
			}
			if bare != "and" && bare != "the" {
				link = false
			}
		}
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ")") {
			if len(cur) > 0 {
				flush()
			}
		}
	}
	flush()
	return names, joined
}

func pronoun(t string) bool {
	switch strings.ToLower(t) {
	case "them", "it", "they", "both entities", "both organizations", "both secretariats", "the latter", "the former", "both":
		return true
	}
	return false
}

// actorPhrase checks that a phrase names an actor (its head noun is a
// name or an actor noun) and returns it as an addressee.
func (x *extractor) actorPhrase(p string) (accord.Addressee, bool) {
	p = strings.Trim(p, " ,;:“”\"")
	text := p
	for _, det := range []string{"the ", "The ", "both ", "all "} {
		text = strings.TrimPrefix(text, det)
	}
	if text == "" || pronoun(text) {
		return accord.Addressee{Text: text}, text != ""
	}
	qualifier := ""
	if m := qualifierRE.FindStringIndex(text); m != nil && m[0] > 0 {
		// "Parties that have not yet done so", "others in a position to do so"
		qualifier = strings.TrimSpace(text[m[0]:m[1]])
		text = strings.TrimSpace(text[:m[0]])
	}
	head := text
	if m := ppRE.FindStringIndex(head); m != nil {
		head = head[:m[0]]
	}
	hw := strings.Fields(head)
	if len(hw) == 0 {
		return accord.Addressee{}, false
	}
	// Some word of the head (before any "of …") must name an actor: a
	// capitalized name or an actor noun ("relevant bodies", "lead country").
	named := false
	for _, w := range hw {
		w = strings.Trim(w, "“”\"’')(")
		if unicode.IsUpper(firstRune(w)) || actorNouns[strings.ToLower(w)] {
			named = true
			break
		}
	}
	if !named {
		return accord.Addressee{}, false
	}
	a := x.addressee(text)
	if qualifier != "" {
		a.Qualifier = qualifier
	}
	return a, true
}

var ppRE = regexp.MustCompile(`\s+(?:of|under|from|for|in|with|on|to|at|that|which|who|included|not|listed|referred|concerned|hosting|providing|participating|whose|acting)\b`)

// addressee builds an addressee from its text: the actor it names and
// any qualifier ("developed country Parties", "Parties that have not yet
// done so").
func (x *extractor) addressee(text string) accord.Addressee {
	a := accord.Addressee{Text: text, Actor: x.reg.Resolve(text)}
	if a.Actor == "parties" {
		l := strings.ToLower(text)
		if i := strings.Index(l, "parties"); i > 0 {
			a.Qualifier = strings.TrimSpace(text[:i])
		} else if i == 0 && len(text) > len("parties") {
			a.Qualifier = strings.TrimSpace(text[len("parties"):])
		}
	}
	return a
}

// resolveAnaphors makes an addressee that is an anaphor ("the Programme",
// "the Panel", "the Facility") the organization with that noun in its
// name named last before it in the decision, as Organizations reads the
// anaphors of an action; one with no such organization before it keeps
// what Resolve made of it.
func (x *extractor) resolveAnaphors() {
	resolve := func(path string, as []accord.Addressee) {
		for i := range as {
			head := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(as[i].Text, "the "), "The "))
			if !isHead(head) {
				continue
			}
			if id := x.reg.lastWithHead(decisionBefore(x.d, path, as[i].Text), head); id != "" {
				as[i].Actor = id
			}
		}
	}
	for path, as := range x.res.Addressees {
		resolve(path, as)
	}
	for i := range x.res.Mandates {
		resolve(x.res.Mandates[i].Path, x.res.Mandates[i].Addressees)
	}
}
