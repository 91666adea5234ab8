package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

const (
	ordUnits = `first|second|third|fourth|fifth|sixth|seventh|eighth|ninth`
	ordTeens = `tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth`
	ordTens  = `twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth`
	tens     = `twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`
	ordinal  = `(?:(?:` + tens + `)-\s?(?:` + ordUnits + `)|` + ordTeens + `|` + ordTens + `|` + ordUnits + `|\d{1,3}(?:st|nd|rd|th))`
	months   = `January|February|March|April|May|June|July|August|September|October|November|December`
	// a parenthesis after a meeting: "(2026)", "(November 2024)", "(June 2022)"
	when = `(?:\s*\((?:(?:` + months + `)(?:\s*[–-]\s*(?:` + months + `))?\s+)?\d{4}\))?`
	// the bodies whose meetings deadlines name
	body = `(?:(?:the\s+)?[Cc]onferences?\s+of\s+the\s+(?:Contracting\s+)?Parties` +
		`(?:\s+serving\s+as\s+the\s+meeting\s+of\s+the\s+Parties\s+to\s+the\s+(?:[A-Z][\w-]*\s+){1,3}(?:Protocol|Agreement)(?:\s+on\s+[A-Z][\w-]*)?)?` +
		`(?:\s+(?:to|of)\s+the\s+(?:[A-Z][a-z]+,?\s+)+(?:and\s+[A-Z][a-z]+\s+)?(?:Conventions?|Protocol))?` +
		`|(?:the\s+)?Parties(?:\s+to\s+the\s+(?:[A-Z][\w-]*\s+){1,3}(?:Protocol|Convention|Agreement))?|(?:the\s+)?[Ss]ubsidiary\s+[Bb]odies|(?:the\s+)?[A-Z][\w-]*(?:\s+(?:(?:on|for|of|and)\s+(?:the\s+)?)?[A-Z][\w-]*)*)`
)

// edge is the start or end of a meeting a time may be tied to: "at the
// start of its tenth session", "just prior to the closure of its twelfth
// meeting".
const edge = `(?i:the\s+(?:start|beginning|opening|end|close|closure|conclusion)\s+of\s+)?`

// dayMonth is a day and its month, glued or not: "1 February", "1st of
// June", "1February" (a web page that dropped the space).
const dayMonth = `(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:` + months + `)`

// A deadlineRule is one way of writing a deadline. Its expression runs
// only in windows around its anchors (from before bytes ahead of each to
// after bytes past it): most paragraphs hold none of them, and running
// the expressions over whole paragraphs is slow.
type deadlineRule struct {
	re            *regexp.Regexp
	anchors       []string
	before, after int
	also          []string // words the text must hold besides an anchor, if any
}

// "until" ties no deadline to a meeting: "members until the next meeting"
// is a term of office, "defers consideration until its next session" a
// postponement.
var deadlineRules = []deadlineRule{
	// "at its seventh meeting", "no later than at its first session of 2028",
	// "at the start of its tenth session", "the provisional agenda of its
	// next meeting"
	{regexp.MustCompile(`\b(?:(?i:(?:no|not)\s+later\s+than\s+)?(?i:at|by|before|prior\s+to|during|in\s+advance\s+of)\s+` + edge + `|(?i:the\s+)(?i:provisional\s+)?(?i:agenda)\s+(?i:of|for)\s+)(?:its|their|the)\s+(?i:next|` + ordinal + `)\s+(?:(?i:and)\s+(?i:` + ordinal + `)\s+)?(?i:(?:ordinary|regular|extraordinary|special)\s+)?(?i:meeting|session)s?(?:\s+(?:of|in)\s+\d{4})?` + when),
		// "no later than at the conclusion of its twenty-fourth
		// extraordinary meeting of 2028 (November–December 2028)"
		meetingWords, 100, 60, nil},
	// "at the extraordinary meetings of the Conferences of the Parties",
	// "by the 10th meeting of the Facilitative Working Group (November–December 2023)",
	// "before the fifty-sixth sessions of the subsidiary bodies (June 2022)",
	// "no later than the thirteenth meeting of the Board", "at a next
	// meeting of the COP"
	{regexp.MustCompile(`\b(?i:at|by|before|prior\s+to|to|during|in\s+time\s+for|ahead\s+of|in\s+advance\s+of|in\s+conjunction\s+with|(?:no|not)\s+later\s+than(?:\s+at)?|for(?:\s+(?:the\s+)?(?:consideration|information|review|attention)\s+(?:of|by))?|` +
		`within\s+(?:one|two|three|four|five|six|\d+)\s+(?:weeks?|months?|days?)\s+(?:of|after))\s+` + edge + `(?i:the|a)\s+(?i:(?:next|` + ordinal + `|extraordinary|ordinary|special|resumed|annual|regular)\s+){1,2}(?i:meetings?|sessions?)\s+of\s+` + body + when),
		// "in time for the beginning of the twenty-fourth meeting of the
		// Conference of the Parties serving as the meeting of …"
		meetingWords, 100, 230, nil},
	// "not later than two months before the eleventh meeting"
	{regexp.MustCompile(`(?i)\b(?:(?:no|not)\s+later\s+than|at\s+least)\s+(?:one|two|three|four|five|six|seven|eight|ten|twelve|\d+)\s+(?:weeks?|months?|days?)\s+(?:before|prior\s+to)\s+(?:the|its)\s+(?:next|` + ordinal + `)\s+(?:meeting|session)`),
		meetingWords, 100, 20, nil},
	// "by 31 March 2024", "no later than 1 February 2018", "by June 2022",
	// "before the 1st of June 2024", "by April 30, 2025", "by the deadline
	// of 1 February 2018"; "by 30 September": a decision that dates its
	// requests within the year it runs
	{regexp.MustCompile(`\b(?i:by|before|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|until)\s+(?:the\s+end\s+of\s+|the\s+deadline\s+of\s+)?` +
		`(?:` + dayMonth + `(?:\s+\d{4})?|(?:` + months + `)(?:\s+\d{1,2},)?\s+\d{4})`),
		monthNames, 130, 230, nil},
	// "no later than at the 20th Board meeting", "before the fifth Bureau
	// meeting": a meeting named by its number and its body
	{regexp.MustCompile(`\b(?:(?i:(?:no|not)\s+later\s+than\s+)?(?i:at|by|before|prior\s+to|to|during|in\s+time\s+for))\s+the\s+(?i:next|` + ordinal + `)\s+(?:[A-Z][\w-]*\s+){1,3}(?i:meeting|session)\b` + when),
		meetingWords, 100, 20, nil},
	// "within two years", "within six months of the adoption of …": a time
	// counted from the decision or an event
	{regexp.MustCompile(`(?i)\bwithin\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|\d{1,2})\s+(?:days?|weeks?|months?|years?)\b`),
		withinWords, 0, 60, nil},
	// "to COP15", "at COP 16", "by CMA 7", "in the margins of CMP 8",
	// "for COP4 adoption": a meeting by its short name
	{regexp.MustCompile(`\b(?:to|at|by|before|during|for|in\s+the\s+margins\s+of)\s+(?:the\s+)?(?:COP[-/]MOP|CMA|CMP|COP|CoP|MOP|SBSTTA|SBSTA|SBI|SB|OEWG|CRIC)\s?-?\d{1,2}\b`),
		shortMeetingNames, 40, 40, nil},
	// a meeting named by when it is held: "at the session(s) to be held
	// in November 2024", "at the United Nations Climate Change Conference
	// in November 2025", "upon conclusion of the November–December 2023
	// session(s) of the governing body or bodies"
	{regexp.MustCompile(`\b(?i:at|by|before|prior\s+to|upon\s+(?:the\s+)?conclusion\s+of)\s+the\s+(?:` +
		`(?:` + months + `)(?:\s*[–-]\s*(?:` + months + `))?\s+\d{4}\s+(?i:meeting|session)s?(?:\(s\))?(?:\s+of\s+the\s+governing\s+bod(?:y|ies)(?:\s+or\s+bodies)?)?` +
		`|(?:[A-Z][\w-]*\s+){0,6}(?i:meeting|session|conference|summit)s?(?:\(s\))?(?:\s+to\s+be\s+held)?\s+in\s+(?:` + months + `)\s+\d{4})`),
		monthNames, 130, 60, gatheringWords},
}

// gatheringWords are the words a meeting named by its month holds.
var gatheringWords = []string{"eeting", "ession", "onference", "ummit", "EETING", "ESSION", "ONFERENCE"}

// shortMeetingRE reads a meeting's short name: "COP15", "CoP 19", "COP-MOP 5".
var shortMeetingRE = regexp.MustCompile(`(COP[-/]MOP|CMA|CMP|COP|CoP|MOP|SBSTTA|SBSTA|SBI|SB|OEWG|CRIC)\s?-?(\d{1,2})\b`)

// inYearRE finds "in 2024": a deadline only when the year is still to come
// when the decision was adopted.
var inYearRE = regexp.MustCompile(`\b(?:in|by|before|until|(?:no|not)\s+later\s+than|(?:planned|scheduled|foreseen|envisaged)\s+for)\s+(?:the\s+(?:end|beginning|start|middle|(?:first|second|third|fourth|last)\s+(?:quarter|half))\s+of\s+|mid-)?((?:19|20)\d{2})\b`)

var yearRE = regexp.MustCompile(`\b((?:19|20)\d{2})\b`)

// meetingContext is what deadlines are resolved against: the adopting
// body, its meeting number, and the year of adoption.
type meetingContext struct {
	body string // "COP", "COP-MOP", "MOP", "CMA", "CMP"
	n    int
	year int
}

// newMeetingContext reads the context of d's deadlines. The year of
// adoption is the parser's (read once, from the closing lines, the
// heading or the document); extraction does not read it again. When the
// text does not tell it, the last day the decision names bounds it: a
// decision is adopted no earlier than that ("the Forum held on 15 and 16
// October 2021"), so years before it are past.
func newMeetingContext(d *accord.Decision) meetingContext {
	c := meetingContext{year: d.Year}
	if i := strings.LastIndex(d.Meeting, "-"); i > 0 {
		c.body = d.Meeting[:i]
		c.n, _ = strconv.Atoi(d.Meeting[i+1:])
	}
	if c.year == 0 {
		d.Walk(func(p *accord.Paragraph) {
			for _, m := range dayDateRE.FindAllStringSubmatch(p.Text, -1) {
				if y, _ := strconv.Atoi(m[1]); y > c.year {
					c.year = y
				}
			}
		})
	}
	return c
}

// dayDateRE is a date that names its day: "16 October 2021".
var dayDateRE = regexp.MustCompile(`\b\d{1,2}\s+(?:` + months + `)\s+((?:19|20)\d{2})\b`)

type found struct {
	at int
	dl accord.Deadline
}

// deadlinesIn returns the deadlines in text, in order, without overlaps.
func (x *extractor) deadlinesIn(text string) []accord.Deadline {
	if dls, ok := x.dlCache[text]; ok {
		return dls
	}
	dls := x.findDeadlines(text)
	if x.dlCache == nil {
		x.dlCache = map[string][]accord.Deadline{}
	}
	x.dlCache[text] = dls
	return dls
}

// withinWords anchor a time counted from the decision: "within two years".
var withinWords = []string{"within", "Within", "WITHIN"}

var meetingWords = []string{"meeting", "session", "Meeting", "Session", "MEETING", "SESSION"}

var shortMeetingNames = []string{"COP", "CoP", "CMA", "CMP", "MOP", "SB", "OEWG", "CRIC"}

// around returns the stretches of text from before bytes ahead of each
// anchor to after bytes past it, widened to word boundaries and merged.
func around(text string, anchors []string, before, after int) [][2]int {
	var out [][2]int
	for _, a := range anchors {
		for off := 0; ; {
			i := strings.Index(text[off:], a)
			if i < 0 {
				break
			}
			i += off
			lo, hi := max(0, i-before), min(len(text), i+len(a)+after)
			for lo > 0 && text[lo-1] != ' ' {
				lo--
			}
			for hi < len(text) && text[hi] != ' ' {
				hi++
			}
			out = append(out, [2]int{lo, hi})
			off = i + len(a)
		}
	}
	// merge overlapping windows so that no match is found twice or cut
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	var merged [][2]int
	for _, w := range out {
		if n := len(merged); n > 0 && w[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

// How far around an anchor findAround runs an expression: the words
// before a date or meeting ("no later than at the conclusion of its")
// and after it ("twenty-fourth extraordinary meeting of 2028").
const (
	anchorBefore = 40
	anchorAfter  = 90
)

// findAround runs re only in the stretches of text around anchors.
func findAround(re *regexp.Regexp, text string, anchors []string) [][2]int {
	var out [][2]int
	for _, w := range around(text, anchors, anchorBefore, anchorAfter) {
		for _, m := range re.FindAllStringIndex(text[w[0]:w[1]], -1) {
			out = append(out, [2]int{w[0] + m[0], w[0] + m[1]})
		}
	}
	return out
}

// conditionAnchors are words every condition holds; periodAnchors
// likewise for periodicity.
var (
	conditionAnchors = []string{"subject to", "available", "within", "appropriate", "position", "request", "necessary", "possible", "done so"}
	periodAnchors    = []string{"annual", "year", "bienni", "month", "each", "every", "regular", "periodic", "quarterly"}
)

var monthNames = strings.Split(months, "|")

func (x *extractor) findDeadlines(text string) []accord.Deadline {
	var fs []found
	seen := map[[2]int]bool{}
	for _, r := range deadlineRules {
		if !containsAny(text, r.anchors) || r.also != nil && !containsAny(text, r.also) {
			continue
		}
		for _, w := range around(text, r.anchors, r.before, r.after) {
			for _, m := range r.re.FindAllStringIndex(text[w[0]:w[1]], -1) {
				at, end := w[0]+m[0], w[0]+m[1]
				if seen[[2]int{at, end}] {
					continue
				}
				seen[[2]int{at, end}] = true
				if recurring(text[end:]) || symbolFollows(text[at:end], text[end:]) ||
					past(text[:at]) && !target(text[at:end]) && !strings.Contains(strings.ToLower(text[at:end]), "next") {
					continue
				}
				span := strings.TrimRight(text[at:end], " ,;")
				dl, ok := x.resolve(span, text[:at])
				if ok {
					fs = append(fs, found{at, dl})
				}
			}
		}
	}
	for _, m := range yearMatches(text) {
		if period(text[m[1]:]) || hasPrefixFold(text[m[0]:], "in ") && scheduled(text[:m[0]]) {
			continue // "in 2025–2026": a plan period; "to take place in 2024"
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		// a year still to come when the decision was adopted; when the
		// text does not say when that was, any year not said of something
		// done ("the roster established in 2019")
		if x.ctx.year > 0 && y > x.ctx.year || x.ctx.year == 0 && !past(text[:m[0]]) {
			fs = append(fs, found{m[0], accord.Deadline{Text: text[m[0]:m[1]], Date: text[m[2]:m[3]]}})
		}
	}
	// at one start the longest wins: "at the next meeting of the
	// Compliance Committee", not "at the next meeting"
	sort.SliceStable(fs, func(i, j int) bool {
		return fs[i].at < fs[j].at || fs[i].at == fs[j].at && len(fs[i].dl.Text) > len(fs[j].dl.Text)
	})
	var out []accord.Deadline
	end := -1
	for _, f := range fs {
		if f.at < end {
			continue // inside a longer one found first
		}
		out = append(out, f.dl)
		end = f.at + len(f.dl.Text)
	}
	return out
}

// yearMatches runs inYearRE around the years in text only: most
// paragraphs have none, and running the expression over them all is slow.
func yearMatches(text string) [][]int {
	var out [][]int
	for i := 0; i+4 <= len(text); i++ {
		if !(text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') || !isDigit(text[i+2]) || !isDigit(text[i+3]) ||
			i > 0 && isDigit(text[i-1]) {
			continue
		}
		lo := max(0, i-yearLead)
		for lo > 0 && text[lo-1] != ' ' {
			lo--
		}
		// the window may hold an earlier year's match too: take the one
		// that ends with this year
		for _, m := range inYearRE.FindAllStringSubmatchIndex(text[lo:i+4], -1) {
			if m[3] == i+4-lo {
				for k := range m {
					m[k] += lo
				}
				out = append(out, m)
			}
		}
		i += 3
	}
	return out
}

// yearLead is how far before a year its preposition may stand: "not later
// than the beginning of 2026".
const yearLead = 40

// scheduleWords say that a year which follows them is when a meeting is
// held, which is no deadline: "to take place in 2024", "Decides to hold
// its thirteenth meeting in 2027".
var scheduleWords = []string{"take place", "takes place", "be held", "to hold", "convene", "convened", "to meet", "organize", "organise"}

// scheduleWindow is how far before a year scheduled looks: the verb and
// the meeting it schedules, whose name may be long ("to convene the Sixth
// Meeting of the Conference of the Parties to the Carpathian Convention
// (COP6) in 2020"). The window stops at the clause before the year's.
const scheduleWindow = 140

// clauseBounds end the clause before a year's: what is scheduled there
// does not schedule the year ("to convene a workshop, and to complete
// the review in 2027").
var clauseBounds = []string{";", ", and ", " and to "}

func scheduled(before string) bool {
	w := strings.ToLower(before[max(0, len(before)-scheduleWindow):])
	for _, b := range clauseBounds {
		if i := strings.LastIndex(w, b); i >= 0 {
			w = w[i+len(b):]
		}
	}
	return containsAny(w, scheduleWords) && containsAny(w, gatherings)
}

// gatherings are what is scheduled: "the next review will be held in
// 2024" is a deadline, the next meeting held then is not.
var gatherings = []string{"meeting", "session", "workshop", "forum", "conference", "dialogue", "summit"}

// period reports whether a year is the first of a period: "2025–2026",
// "2025-2030".
func period(after string) bool {
	for _, d := range []string{"–", "-", "—", "−", "/", " to ", " – ", " - "} {
		if a, ok := strings.CutPrefix(after, d); ok && a != "" && isDigit(a[0]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// recurring reports whether the time a match ends before recurs: "at its
// first meeting of each year" is periodicity, not a deadline.
func recurring(after string) bool {
	a := strings.ToLower(strings.TrimLeft(after, " "))
	for _, p := range []string{"of each ", "each ", "in each ", "of every ", "every "} {
		if strings.HasPrefix(a, p) {
			return true
		}
	}
	return false
}

// symbolFollows reports whether a meeting's short name goes on as a
// decision's symbol: "pursuant to COP6/3" cites a decision.
func symbolFollows(span, after string) bool {
	return isDigit(span[len(span)-1]) && len(after) > 1 && (after[0] == '/' || after[0] == '.') && isDigit(after[1])
}

// target reports whether a time is one something must be done by ("with
// half of them implemented before the opening of the next session"),
// which no participle before it makes past. "by" is not one of its words:
// after a participle it names the agent ("recommended for adoption by the
// second meeting of the Committee").
func target(span string) bool {
	l := strings.ToLower(span)
	for _, p := range []string{"before ", "prior to ", "no later than ", "not later than "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// pastRE matches the end of text that says a time which follows it is
// when something was done: "the report presented", "the programme adopted
// by the Conference of the Parties", "the roster established".
var pastRE = regexp.MustCompile(`(?i)\b(\w+ed|held|made|taken|given|undertaken|begun|written|chosen|drawn)\s+(?:for\s+(?:adoption|consideration)\s+)?(?:by\s+(?:the\s+)?[^,;:]{1,90}?\s+)?$`)

// pastWindow is how far back past looks: a participle and "by" with a
// body's name ("by the Conference of the Parties serving as the meeting
// of the Parties to the Paris Agreement") fit in it.
const pastWindow = 160

// notPast are participles of what is still to happen.
var notPast = map[string]bool{"scheduled": true, "planned": true, "expected": true, "foreseen": true, "envisaged": true,
	"anticipated": true, "needed": true, "required": true, "requested": true, "invited": true, "encouraged": true,
	"urged": true, "called": true, "proposed": true, "intended": true, "due": true}

// past reports whether the time that follows before is the time of
// something already done. "to be presented at its next meeting" is not.
func past(before string) bool {
	before = before[max(0, len(before)-pastWindow):]
	m := pastRE.FindStringSubmatchIndex(before)
	if m == nil || notPast[strings.ToLower(before[m[2]:m[3]])] {
		return false
	}
	lead := strings.ToLower(strings.TrimRight(before[:m[2]], " "))
	return !strings.HasSuffix(lead, " be") && !strings.HasSuffix(lead, " being")
}

// deadlines records the deadlines of a clause when it asks or decides
// something: a time in "Welcomes … at its sixth session" is not one.
func (x *extractor) deadlines(c clause, unverbed bool) {
	if c.class != accord.Directive && c.class != accord.Deciding && !unverbed {
		// "Notes that consideration will continue at its sixth
		// session": the time of something still to come counts
		if i := futureAt(c.text); i >= 0 {
			x.res.Deadlines = append(x.res.Deadlines, x.deadlinesIn(c.text[i:])...)
		}
		return
	}
	x.res.Deadlines = append(x.res.Deadlines, x.deadlinesIn(c.text)...)
}

// futureWords mark what a clause says is still to come.
var futureWords = []string{" will ", " shall ", " is to be ", " are to be ", " is due ", " are due ", " is expected ", " are expected "}

// futureAt returns where a clause starts to speak of what is to come, or
// -1.
func futureAt(text string) int {
	at := -1
	for _, w := range futureWords {
		if i := strings.Index(text, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

var (
	ordinalRE     = regexp.MustCompile(`(?i)\b(next|` + ordinal + `)(?:\s+and\s+(?:` + ordinal + `))?\s+(?:ordinary\s+|regular\s+|extraordinary\s+|special\s+)?(?:meeting|session)`)
	dateRE        = regexp.MustCompile(`(?:(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?)?(` + months + `)(?:\s+(\d{1,2}),)?\s+(\d{4})`)
	itsBodyBefore = []struct{ phrase, body string }{
		{"Subsidiary Body for Implementation", "SBI"}, {"Subsidiary Body for Scientific and Technological Advice", "SBSTA"},
		{"Subsidiary Body on Implementation", "SBI"}, {"Subsidiary Body on Scientific, Technical and Technological Advice", "SBSTTA"},
		{"Standing Committee", "SC"}, {"Open-ended Working Group", "OEWG"}, {"Facilitative Working Group", "FWG"},
		{"Adaptation Committee", "AC"}, {"Conference of the Parties", ""}, {"Meeting of the Parties", ""},
		{"Parties to the Paris Agreement", "CMA"}, {"Parties to the Kyoto Protocol", "CMP"},
	}
)

// resolve names the meeting or date a deadline's words mean. before is
// the clause text before it, where "its" finds its body. It reports false
// when the words name a meeting of the adopting body that has been held
// already ("at its eighth meeting" in a decision of the ninth).
func (x *extractor) resolve(span, before string) (accord.Deadline, bool) {
	dl := accord.Deadline{Text: span}
	lower := strings.ToLower(span)
	if m := dateRE.FindStringSubmatch(span); m != nil && !strings.Contains(lower, "meeting") && !strings.Contains(lower, "session") {
		month := monthNumber(m[2])
		day := m[1]
		if day == "" {
			day = m[3]
		}
		if day != "" {
			d, _ := strconv.Atoi(day)
			dl.Date = fmt.Sprintf("%s-%02d-%02d", m[4], month, d)
		} else {
			dl.Date = fmt.Sprintf("%s-%02d", m[4], month)
		}
		return dl, true
	}
	if m := shortMeetingRE.FindStringSubmatch(span); m != nil && !strings.Contains(lower, "meeting") && !strings.Contains(lower, "session") {
		name := strings.ToUpper(strings.Replace(m[1], "/", "-", 1))
		n, _ := strconv.Atoi(m[2])
		if name == x.ctx.body && n <= x.ctx.n {
			return dl, false
		}
		dl.Meeting = name + "-" + strconv.Itoa(n)
		return dl, true
	}
	m := ordinalRE.FindStringSubmatch(span)
	if m == nil {
		return dl, true
	}
	n := ordinalValue(m[1])
	bodyName := x.ctx.body
	if strings.Contains(lower, " its ") || strings.HasPrefix(lower, "its ") || strings.Contains(lower, " their ") {
		// "its" is the body named last before it, else the adopting one.
		bodyName = x.itsBody(before)
	} else if b, ok := meetingOfBody(span); ok {
		bodyName = b
	}
	if strings.EqualFold(m[1], "next") {
		if bodyName != x.ctx.body || x.ctx.n == 0 {
			return dl, true
		}
		n = x.ctx.n + 1
	} else if bodyName == x.ctx.body && n > 0 && n < x.ctx.n && !laterYear(span, x.ctx.year) {
		return dl, false
	}
	if bodyName != "" && n > 0 {
		dl.Meeting = bodyName + "-" + strconv.Itoa(n)
	}
	return dl, true
}

// laterYear reports whether span holds a year after year: "at its
// eighth session (2026)" is to come, whatever body "its" is.
func laterYear(span string, year int) bool {
	m := yearRE.FindString(span)
	y, _ := strconv.Atoi(m)
	return m != "" && y > year
}

// meetingBodies are the nouns of bodies that meet: "the Compliance
// Committee", "the Ad Hoc Working Group".
// A name that ends in "Convention", "Protocol" or "Parties" names the
// instrument's governing body, whose meetings are the adopting body's.
var meetingBodies = []string{"Committee", "Group", "Panel", "Board", "Body", "Bodies", "bodies", "Council", "Bureau",
	"Forum", "Platform", "Assembly", "Commission"}

// itsClause is how far back itsBody reads for the body "its" stands for:
// the clause before the deadline, not the sentences before it.
const itsClause = 120

// itsBody names the body "its" stands for in a deadline after before: the
// body named last in the clause, the adopting body when that is the
// Conference or Meeting of the Parties or no body is named, and "" for a
// body whose meetings accord cannot number.
func (x *extractor) itsBody(before string) string {
	tail := before[max(0, len(before)-itsClause):]
	// "Noting the report of the Adaptation Committee, decides to consider
	// it at its thirtieth session": a body named before the verb is not
	// what "its" stands for
	if m := finiteVerbRE.FindAllStringIndex(tail, -1); m != nil {
		tail = tail[m[len(m)-1][1]:]
	}
	best, name := -1, x.ctx.body
	for _, b := range itsBodyBefore {
		if i := strings.LastIndex(tail, b.phrase); i > best {
			best, name = i, b.body
			if name == "" {
				name = x.ctx.body
			}
		}
	}
	// an unregistered body named after the registered ones
	names, _ := capitalizedNames(" " + tail)
	if len(names) > 0 {
		last := names[len(names)-1]
		if i := strings.LastIndex(tail, last); i > best && meetingBody(last) {
			return ""
		}
	}
	return name
}

// finiteVerbRE finds the verbs, after a participial clause, that a
// paragraph's sentence turns on.
var finiteVerbRE = regexp.MustCompile(`, (?:also |further )?(?:decides|requests|invites|urges|encourages|agrees|recommends|authorizes|authorises|notes|welcomes|calls upon|calls on|adopts|approves|endorses)\b`)

// meetingBody reports whether a name is one of a body that meets, and not
// the adopting Conference or Meeting of the Parties.
func meetingBody(name string) bool {
	if strings.Contains(name, "of the Parties") || strings.Contains(name, "Conference of") {
		return false
	}
	// the head is the last word before a preposition: "Committee on
	// Science and Technology", "Committee for the Review of …"
	w := strings.Fields(name)
	head := w[len(w)-1]
	for i, x := range w {
		if i > 0 && (x == "on" || x == "for" || x == "of") {
			head = w[i-1]
			break
		}
	}
	for _, b := range meetingBodies {
		if head == b {
			return true
		}
	}
	return false
}

// meetingOfBody names the body of "the next meeting of the Compliance
// Committee": a short name for the registered ones, "" for any other body
// than the Conference or Meeting of the Parties. It reports false when the
// span names no body after "of".
func meetingOfBody(span string) (string, bool) {
	_, after, ok := strings.Cut(span, " of ")
	if !ok {
		return "", false
	}
	for _, b := range itsBodyBefore {
		if strings.Contains(after, b.phrase) && b.body != "" {
			return b.body, true
		}
	}
	if strings.Contains(after, "of the Parties") || strings.Contains(after, "of the Contracting Parties") ||
		strings.HasPrefix(after, "the Parties") || strings.HasPrefix(after, "the Contracting Parties") {
		return "", false // "the Thirty-Sixth Meeting of the Parties"
	}
	return "", true
}

func monthNumber(m string) int {
	for i, name := range strings.Split(months, "|") {
		if strings.EqualFold(name, m) {
			return i + 1
		}
	}
	return 0
}

// ordinalValue reads "seventh", "sixty-fourth", "sixty- fourth", "14th".
func ordinalValue(s string) int {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	if n, err := strconv.Atoi(strings.TrimRight(s, "stndrh")); err == nil {
		return n
	}
	units := strings.Split(ordUnits, "|")
	teens := strings.Split(ordTeens, "|")
	tenth := strings.Split(ordTens, "|")
	tenWords := strings.Split(tens, "|")
	for i, u := range units {
		if s == u {
			return i + 1
		}
	}
	for i, t := range teens {
		if s == t {
			return 10 + i
		}
	}
	for i, t := range tenth {
		if s == t {
			return 20 + 10*i
		}
	}
	if a, b, ok := strings.Cut(s, "-"); ok {
		for i, t := range tenWords {
			if a == t {
				for j, u := range units {
					if b == u {
						return 20 + 10*i + j + 1
					}
				}
			}
		}
	}
	return 0
}

var (
	periodicityRE = regexp.MustCompile(`\b(annually|each year|every year|every other year|biennially|quarterly|every (?:two|three|four|five|six|\d+) years|every (?:two|three|six|\d+) months|at (?:each|every) (?:of its )?(?:ordinary |regular )?(?:meeting|session)s?|at its (?:ordinary|regular) (?:meeting|session)s|on a regular basis|regularly|periodically)\b`)
	conditionRE   = regexp.MustCompile(`\b(subject to (?:the availability of )?(?:financial |sufficient |extrabudgetary |external |voluntary )?(?:resources|funding|funds)|within (?:the )?available (?:financial )?resources|within (?:its|their) (?:respective )?mandates?|as appropriate|where appropriate|in a position to do so|upon request|on request|if necessary|as necessary|as far as possible|to the extent possible|that have not yet done so|where possible)\b`)
	helperRE      = regexp.MustCompile(`\b(?:in (?:close )?(?:collaboration|cooperation|consultation|coordination|partnership) with|with the (?:support|assistance|engagement|participation) of|working together with|together with|with input from)\s+([^,;:]+)`)
)

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// deliverables are tried in order; keys are the words each expression
// needs, tested first because they are cheap.
var deliverables = []struct {
	kind string
	keys []string
	re   *regexp.Regexp
}{
	{"report", []string{"report"}, regexp.MustCompile(`\breport(?:s|ing)?\b`)},
	{"study", []string{"stud", "assess", "analy", "evaluat", "scoping", "review"}, regexp.MustCompile(`\b(?:study|studies|assess(?:ment)?|analy[sz]is|evaluat(?:e|ion)|scoping|review)\b`)},
	{"meeting", []string{"convene", "meeting", "workshop", "schedule"}, regexp.MustCompile(`\b(?:convene|meetings?|workshops?|schedule)\b`)},
	{"cooperation", []string{"cooperat", "collaborat", "coordinat", "partnership", "observer", "membership", "memorandum", "liaison"}, regexp.MustCompile(`\b(?:cooperat\w*|collaborat\w*|coordinat\w*|partnerships?|observer status|membership|memorandum|liaison)\b`)},
	{"guidance", []string{"guidance", "guidelines", "advice"}, regexp.MustCompile(`\b(?:guidance|guidelines|advice)\b`)},
	{"capacity-building", []string{"capacity", "training", "technical"}, regexp.MustCompile(`\b(?:capacity[- ]building|training|technical assistance|technical support)\b`)},
	{"financing", []string{"financ", "funding", "funds", "contributions", "mobilization", "budget"}, regexp.MustCompile(`\b(?:financ\w*|funding|funds|voluntary contributions|resource mobilization|budget)\b`)},
	{"information-exchange", []string{"information", "exchange", "clearing", "sharing", "outreach", "awareness"}, regexp.MustCompile(`\b(?:information|exchange|clearing-house|sharing|outreach|awareness)\b`)},
	{"proposal", []string{"proposal", "draft decision"}, regexp.MustCompile(`\b(?:proposals?|draft decision)\b`)},
	{"submission", []string{"submi", "nominat", "views"}, regexp.MustCompile(`\b(?:submit|submissions?|nominat\w*|views)\b`)},
	{"ratification", []string{"ratif", "accede", "accession"}, regexp.MustCompile(`\b(?:ratif\w*|accede|accession)\b`)},
}

// deliverable names what an action yields.
func deliverable(action string) string {
	lower := strings.ToLower(action)
	for _, d := range deliverables {
		if !containsAny(lower, d.keys) {
			continue
		}
		if d.re.MatchString(lower) {
			return d.kind
		}
	}
	return "implementation"
}

// helpers returns the bodies named as helpers in text: "in collaboration
// with X", "with input from Y and in consultation with Z".
func helpers(text string) []string {
	if !strings.Contains(text, "with") && !strings.Contains(text, "With") {
		return nil
	}
	var out []string
	for off := 0; off < len(text); {
		m := helperRE.FindStringSubmatchIndex(text[off:])
		if m == nil {
			break
		}
		name := text[off+m[2] : off+m[3]]
		next := off + m[1]
		for _, sep := range []string{" and in ", " and with ", " and together with "} {
			if i := strings.Index(name, sep); i >= 0 {
				next = off + m[2] + i + len(" and")
				name = name[:i]
			}
		}
		out = append(out, strings.TrimSpace(name))
		off = next
	}
	return out
}

// mandateDeadline is the first deadline of an action, else the first of
// its clause; nil when neither has one. An action read out of its clause
// is read there, so that "its" finds the body asked ("Encourages the
// Compliance Committee to consider the report at its next meeting"); an
// item's deadline that says "its" or "their" is read after its chapeau.
func (x *extractor) mandateDeadline(whole, action string) *accord.Deadline {
	if strings.Contains(whole, action) {
		dls := x.deadlinesIn(whole)
		for i := range dls {
			if strings.Contains(action, dls[i].Text) {
				return &dls[i]
			}
		}
		if len(dls) > 0 {
			return &dls[0]
		}
		return nil
	}
	own := x.deadlinesIn(action)
	if len(own) == 0 {
		if dls := x.deadlinesIn(whole); len(dls) > 0 {
			return &dls[0]
		}
		return nil
	}
	if !strings.Contains(own[0].Text, "its ") && !strings.Contains(own[0].Text, "their ") {
		return &own[0]
	}
	for _, dl := range x.deadlinesIn(whole + " " + action) {
		if strings.Contains(action, dl.Text) {
			return &dl
		}
	}
	return &own[0]
}

// mandate records one mandate.
func (x *extractor) mandate(path string, c clause, as []accord.Addressee, action string) {
	// the deadline is read in the action as given, whose deadlines the
	// clause or item has found already
	deadline := x.mandateDeadline(c.text, action)
	action = strings.TrimSpace(strings.TrimRight(action, " ;,"))
	// "… Chemicals and invites …": the clause ends before the next verb
	for _, conj := range []string{" and", ";"} {
		action = strings.TrimSuffix(action, conj)
	}
	whole := c.text
	m := accord.Mandate{
		Path:        path,
		Verb:        c.verb,
		Phrase:      c.phrase,
		Addressees:  as,
		Action:      action,
		Deliverable: deliverable(action),
	}
	if m.Verb == "" {
		m.Verb = "request"
	}
	m.Deadline = deadline
	// The expressions are written in lower case and run on lower-cased
	// text: much faster than matching without regard to case.
	lowerAction := strings.ToLower(action)
	if ps := findAround(periodicityRE, lowerAction, periodAnchors); len(ps) > 0 {
		m.Periodicity = lowerAction[ps[0][0]:ps[0][1]]
	}
	seen := map[string]bool{}
	both := whole + " " + action
	lowerBoth := strings.ToLower(both)
	for _, loc := range findAround(conditionRE, lowerBoth, conditionAnchors) {
		cond := both[loc[0]:loc[1]]
		if k := strings.ToLower(cond); !seen[k] {
			seen[k] = true
			m.Conditions = append(m.Conditions, cond)
		}
	}
	for _, name := range helpers(both) {
		if i := strings.Index(name, " to "); i > 0 && infinitive(name[i+4:]) {
			name = name[:i]
		}
		name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
		if name != "" && !seen["h:"+name] {
			seen["h:"+name] = true
			m.Helpers = append(m.Helpers, name)
		}
	}
	x.res.Mandates = append(x.res.Mandates, m)
}
