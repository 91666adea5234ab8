package accord

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Mandate is one action a decision asks of one or more actors: a request,
// an invitation, an urging, a recommendation or an authorization, found in
// one paragraph or item.
type Mandate struct {
	ID         int64       `json:"id,omitempty"`
	DecisionID int64       `json:"decision_id,omitempty"`
	Path       string      `json:"path"`  // paragraph or item: "5", "5(b)"
	Seq        int         `json:"seq"`   // order within the decision, from 1
	Verb       string      `json:"lemma"` // "request", "invite"
	Phrase     string      `json:"verb"`  // the verb phrase as written: "Also requests"
	Addressees []Addressee `json:"addressees"`
	Action     string      `json:"action"` // what is asked, as written: "to report on the implementation …"
	// Deliverable is what the action yields: report, study, meeting,
	// cooperation, guidance, capacity-building, information-exchange,
	// financing, proposal, submission, ratification, implementation.
	Deliverable string    `json:"deliverable"`
	Deadline    *Deadline `json:"deadline,omitempty"`
	Periodicity string    `json:"periodicity,omitempty"` // "annually", "every two years", "at each meeting"
	Conditions  []string  `json:"conditions,omitempty"`  // "subject to the availability of resources"
	Helpers     []string  `json:"helpers,omitempty"`     // "in collaboration with …": named, not asked
	// Organizations are the ids of the organizations the mandate names,
	// asked or not ("the Programme" read as the organization named
	// before it), as extraction found them.
	Organizations []string `json:"organizations,omitempty"`

	Status  Status    `json:"status"`
	Owner   string    `json:"owner,omitempty"`
	Notes   string    `json:"notes,omitempty"`
	Updated time.Time `json:"updated,omitzero"`
	// Extracted is false once a re-ingested text no longer holds the
	// mandate: it is kept for its history, not dropped.
	Extracted bool       `json:"extracted"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	History   []Change   `json:"history,omitempty"`
	// CheckedBy is the person who corrected the mandate, "" when no
	// person checked what was extracted; Checked is when.
	CheckedBy   string       `json:"checked_by,omitempty"`
	Checked     time.Time    `json:"checked,omitzero"`
	Corrections []Correction `json:"corrections,omitempty"`
	// Decision context, filled by stores for lists and reports.
	Symbol     string `json:"symbol,omitempty"`
	Instrument string `json:"instrument,omitempty"`
	Meeting    string `json:"meeting,omitempty"`
}

// Evidence is a document or link showing what was done on a mandate.
type Evidence struct {
	Kind  string    `json:"kind"` // "url" or "document"
	Ref   string    `json:"ref"`  // "https://…" or "UNEP/MC/COP.7/5"
	Added time.Time `json:"added"`
	Who   string    `json:"who"`
}

// Change is one recorded change of a mandate: who, when, what from and to,
// and why.
type Change struct {
	At    time.Time `json:"at"`
	Who   string    `json:"who"`
	Field string    `json:"field"` // status, owner, note, evidence
	From  string    `json:"from"`
	To    string    `json:"to"`
	Why   string    `json:"why,omitempty"`
}

// Staff is what readers who are not signed in see in place of the name
// of the person who changed a mandate, wrote a note or added evidence:
// the names of a secretariat's staff are personal data.
const Staff = "secretariat staff"

// noteSignature matches the date and name that sign each note
// ("2025-03-01 jane: …"); names hold no colon (see ValidWho).
var noteSignature = regexp.MustCompile(`(?m)^(\d{4}-\d{2}-\d{2}) [^:\n]*:`)

// Anonymous returns m as readers who are not signed in see it: every
// name in its history, evidence and note signatures replaced by Staff.
// m itself is not changed.
func (m Mandate) Anonymous() Mandate {
	m.Notes = noteSignature.ReplaceAllString(m.Notes, "${1} "+Staff+":")
	if m.History != nil {
		h := make([]Change, len(m.History))
		for i, c := range m.History {
			c.Who = Staff
			h[i] = c
		}
		m.History = h
	}
	if m.Evidence != nil {
		ev := make([]Evidence, len(m.Evidence))
		for i, e := range m.Evidence {
			e.Who = Staff
			ev[i] = e
		}
		m.Evidence = ev
	}
	return m
}

// ValidWho reports whether who can sign a change: a name without colons
// or control characters, so that the signature of a note can be told
// from the note.
func ValidWho(who string) bool {
	for _, r := range who {
		if r == ':' || r < ' ' || r == 0x7f {
			return false
		}
	}
	return true
}

// MandateFilter selects mandates. Zero fields match all.
type MandateFilter struct {
	Instrument string
	Meeting    string // adopting meeting
	Symbol     string // of the adopting decision
	DecisionID int64  // the adopting decision
	DueMeeting string
	Status     Status
	// Actor is a canonical actor or words of an addressee; an actor of a
	// group gathers its members (ActorScope: the secretariat and its
	// Executive Secretary, in all three BRS conventions).
	Actor    string
	Mentions string // words named anywhere in the mandate: action, addressees, helpers
	// Body is the governing or subsidiary body of the adopting meeting:
	// "COP" keeps COP-1, COP-6, …, not COP-MOP-4 (MeetingBody).
	Body string
	// Checked keeps mandates a person checked ("yes") or did not ("no").
	Checked string
	// Owner keeps mandates owned by that person, named as stored.
	Owner string
	// Sort orders the list by "due" (date, then meeting; none last),
	// "decision" (the default), "status" (by its name) or "actor" (the
	// words of the first addressee), "-" before one reversing it; the
	// mandate's id breaks ties, so pages never overlap.
	Sort string
	// Overdue keeps mandates not completed (nor superseded) whose due
	// meeting has taken place by AsOf (its meeting record has opened, or
	// the store holds decisions it adopted) or whose due date is before
	// AsOf.
	Overdue bool
	AsOf    time.Time
	Limit   int
	Offset  int
	// ByID and After work as in DecisionFilter.
	ByID  bool
	After int64
	// Pending keeps mandates not completed nor superseded.
	Pending bool
	// Upcoming keeps mandates not completed (nor superseded) due at a
	// meeting that has not taken place by AsOf: its record has not
	// opened and no decision of it is stored.
	Upcoming bool
}

// MandateUpdate is a change a person makes to a mandate. Nil fields stay.
type MandateUpdate struct {
	Status   *Status
	Owner    *string
	Note     string   // appended to the notes, dated and signed
	Evidence []string // URLs or document symbols
	Who      string
	Why      string
}

// MaxNote is the longest note a mandate update takes.
const MaxNote = 10000

// Title says in a few words what the mandate asks, "Conduct a scoping
// study …": its action without "to" and without its conditions, up to
// its first clause end, and cut before a phrase when longer than
// titleWords words. A mandate without an action is named by its
// deliverable.
func (m Mandate) Title() string {
	s := strings.TrimSpace(m.Action)
	for _, c := range m.Conditions {
		s = strings.Replace(s, ", "+c+",", "", 1)
	}
	if len(s) > 3 && strings.EqualFold(s[:3], "to ") {
		s = s[3:]
	}
	s = strings.TrimRight(s, " .;:,")
	more := false
	if i := strings.IndexAny(s, ",;:("); i >= 0 {
		s, more = strings.TrimRight(s[:i], " "), true
	}
	words := strings.Fields(s)
	if len(words) > titleWords {
		cut := titleWords
		for i := 3; i < titleWords; i++ {
			if titleBreaks[strings.ToLower(words[i])] {
				cut = i
				break
			}
		}
		words, more = words[:cut], true
	}
	s = strings.Join(words, " ")
	if s == "" {
		s = m.Deliverable
		more = false
	}
	if s == "" {
		return fmt.Sprintf("Mandate %d", m.ID)
	}
	if more {
		s += " …"
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// titleWords is how many words of an action a title keeps at most.
const titleWords = 10

// titleBreaks are the words a title may stop before: a phrase starts.
var titleBreaks = map[string]bool{"on": true, "of": true, "in": true, "for": true, "with": true, "to": true, "where": true,
	"that": true, "and": true, "at": true, "by": true, "from": true, "under": true, "between": true, "among": true,
	"through": true, "within": true, "including": true, "as": true, "which": true, "about": true, "into": true}

// AskedOf names the mandate's addressees as written, joined by "; ".
func (m Mandate) AskedOf() string {
	as := make([]string, len(m.Addressees))
	for i, a := range m.Addressees {
		as[i] = a.Text
	}
	return strings.Join(as, "; ")
}

// Due says when the mandate is due: the deadline as written with the
// meeting it resolves to, else its periodicity, else "".
func (m Mandate) Due() string {
	switch {
	case m.Deadline == nil:
		return m.Periodicity
	case m.Deadline.Meeting != "":
		return m.Deadline.Text + " (" + m.Deadline.Meeting + ")"
	}
	return m.Deadline.Text
}

// Addressee is an actor asked to act: the words as written and the
// canonical actor they name.
type Addressee struct {
	Text      string `json:"text"`
	Actor     string `json:"actor"`               // "secretariat", "executive-secretary", "parties", "gef", …
	Qualifier string `json:"qualifier,omitempty"` // "that have not yet done so", "in a position to do so"
}

// Deadline is a specific time tied to an action: a meeting or a date.
type Deadline struct {
	Text    string `json:"text"`              // as written: "at its seventh meeting"
	Meeting string `json:"meeting,omitempty"` // resolved: "COP-7", "SBI-64"
	Date    string `json:"date,omitempty"`    // resolved: "2024-03-31", "2028"
}

// Status is where a mandate stands.
type Status string

// The statuses of a mandate.
const (
	StatusOpen       Status = "open"
	StatusInProgress Status = "in-progress"
	StatusCompleted  Status = "completed"
	StatusOngoing    Status = "ongoing"  // recurring
	StatusDeferred   Status = "deferred" // for lack of resources
	StatusSuperseded Status = "superseded"
)

// Statuses lists every status, in the order a mandate usually goes.
var Statuses = []Status{StatusOpen, StatusInProgress, StatusOngoing, StatusCompleted, StatusDeferred, StatusSuperseded}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if s == x {
			return true
		}
	}
	return false
}

// MandateSorts are the orders of MandateFilter.Sort; each may be
// preceded by "-" to reverse it.
var MandateSorts = []string{"decision", "due", "status", "actor"}

// ValidMandateSort reports whether s is an order of MandateFilter.Sort.
func ValidMandateSort(s string) bool {
	return s == "" || slices.Contains(MandateSorts, strings.TrimPrefix(s, "-"))
}

// MandateChoices are the values stored mandates take, for filters chosen
// from lists.
type MandateChoices struct {
	// Actors are the actors asked, the most asked first, each named by
	// an addressee's words and counting its mandates.
	Actors []ActorChoice
	// Bodies are the bodies of the meetings that adopted decisions
	// (MeetingBody), and DueMeetings the meetings mandates are due at,
	// both sorted.
	Bodies      []string
	DueMeetings []string
	// Owners are the people who own mandates, sorted.
	Owners []string
}

// ActorChoice is an actor as the board's filter offers it.
type ActorChoice struct {
	ID       string // "executive-secretary"
	Name     string // "Executive Secretary"
	Mandates int
}

// MandateStore keeps the mandates found in decisions and what people record
// about them.
type MandateStore interface {
	// Mandates lists mandates with the symbol, instrument and meeting
	// of their decision, in decision order.
	Mandates(ctx context.Context, f MandateFilter) ([]Mandate, error)
	// Mandate returns one mandate with its evidence and history.
	Mandate(ctx context.Context, id int64) (Mandate, error)
	// UpdateMandate changes a mandate and records every change in its
	// history, in one transaction. Concurrent updates of one mandate are
	// applied one after the other: neither is lost.
	UpdateMandate(ctx context.Context, id int64, u MandateUpdate) (Mandate, error)
	// ActorMandates counts the mandates asked of each actor, by status.
	ActorMandates(ctx context.Context) (map[string]map[Status]int, error)
	// MandateChoices lists what the mandate board's filters choose from.
	MandateChoices(ctx context.Context) (MandateChoices, error)
}

// A MandateRef names mandates as people cite them: by number ("12",
// "#12"), or by the symbol of their decision and their paragraph
// ("MC-6/[--] ¶5", "MC-6/[--] ¶ 5(b)", "UNEP/EA.6/Res.3 para 2"), which
// names every mandate of that paragraph.
type MandateRef struct {
	ID        int64
	Decision  string // the decision's symbol
	Paragraph string // the paragraph's path: "5", "5(b)"
}

// String is the reference as ParseMandateRef reads it.
func (r MandateRef) String() string {
	if r.Decision == "" {
		return fmt.Sprint(r.ID)
	}
	return r.Decision + " ¶ " + r.Paragraph
}

// mandateRefRE splits "SYMBOL ¶ PATH": the paragraph mark, or "para",
// "paragraph", "para." before the path.
var mandateRefRE = regexp.MustCompile(`^(.+?)\s*(?:¶|§|\s(?i:para(?:graph)?\.?))\s*([0-9][0-9A-Za-z()\s]*)$`)

// ParseMandateRef reads a reference to mandates; its error names the
// field "mandates" and says what it wants.
func ParseMandateRef(s string) (MandateRef, error) {
	s = strings.TrimSpace(s)
	n := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "mandate "), "Mandate "), "#")
	if id, err := strconv.ParseInt(n, 10, 64); err == nil {
		if id <= 0 {
			return MandateRef{}, fieldErrorf("mandates", "%d is not a mandate number", id)
		}
		return MandateRef{ID: id}, nil
	}
	m := mandateRefRE.FindStringSubmatch(s)
	if m == nil {
		return MandateRef{}, fieldErrorf("mandates", "%q: want a mandate's number (12) or a decision's symbol and paragraph (MC-6/[--] ¶ 5)", s)
	}
	return MandateRef{Decision: strings.TrimSpace(m[1]), Paragraph: strings.Join(strings.Fields(m[2]), "")}, nil
}

// ResolveMandates returns the ids of the mandates refs name, sorted and
// without repeats. A paragraph with no stored mandate is an error naming
// the field "mandates" and what was not found; a number is returned as
// given, for the store to check.
func ResolveMandates(ctx context.Context, st MandateStore, refs []MandateRef) ([]int64, error) {
	var ids []int64
	for _, ref := range refs {
		if ref.Decision == "" {
			ids = append(ids, ref.ID)
			continue
		}
		if ref.Paragraph == "" {
			return nil, fieldErrorf("mandates", "%s: name the paragraph (%s ¶ 5)", ref.Decision, ref.Decision)
		}
		ms, err := st.Mandates(ctx, MandateFilter{Symbol: ref.Decision})
		if err != nil {
			return nil, err
		}
		var paths []string
		found := false
		for _, m := range ms {
			if m.Path == ref.Paragraph {
				ids, found = append(ids, m.ID), true
			}
			if !slices.Contains(paths, m.Path) {
				paths = append(paths, m.Path)
			}
		}
		switch {
		case found:
		case len(ms) == 0:
			return nil, fieldErrorf("mandates", "%s: no decision %q with mandates is stored", ref, ref.Decision)
		default:
			return nil, fieldErrorf("mandates", "%s: decision %s has no mandate at ¶ %s (it has mandates at ¶ %s)", ref, ref.Decision, ref.Paragraph, strings.Join(paths, ", "))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// ParseMandateRefs reads a list of references as a form takes them,
// separated by commas, semicolons or lines: "12, 13; MC-6/[--] ¶ 5".
// Numbers may also be separated by spaces only ("12 13").
func ParseMandateRefs(s string) ([]MandateRef, error) {
	var refs []MandateRef
	var p problems
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		if allNumbers(words) {
			for _, w := range words {
				ref, err := ParseMandateRef(w)
				p.add(err)
				refs = append(refs, ref)
			}
			continue
		}
		ref, err := ParseMandateRef(part)
		p.add(err)
		refs = append(refs, ref)
	}
	return refs, p.err()
}

// allNumbers reports whether every word is a mandate's number, "#12" or
// "12".
func allNumbers(words []string) bool {
	for _, w := range words {
		if _, err := strconv.ParseInt(strings.TrimPrefix(w, "#"), 10, 64); err != nil {
			return false
		}
	}
	return true
}

// MandateRefsOf names the mandates ids as people cite them, in the order
// of ids: one reference to a paragraph ("MC-6/[--] ¶ 5") when every
// stored mandate of that paragraph is in ids, the number of each
// otherwise, so that ResolveMandates of the references gives ids back.
func MandateRefsOf(ctx context.Context, st MandateStore, ids []int64) ([]MandateRef, error) {
	type para struct{ symbol, path string }
	var (
		order  []para
		byPara = map[para][]int64{}
	)
	for _, id := range ids {
		m, err := st.Mandate(ctx, id)
		if err != nil {
			return nil, err
		}
		p := para{m.Symbol, m.Path}
		if _, ok := byPara[p]; !ok {
			order = append(order, p)
		}
		byPara[p] = append(byPara[p], id)
	}
	bySymbol := map[string][]Mandate{}
	var refs []MandateRef
	for _, p := range order {
		ms, ok := bySymbol[p.symbol]
		if !ok {
			var err error
			if ms, err = st.Mandates(ctx, MandateFilter{Symbol: p.symbol}); err != nil {
				return nil, err
			}
			bySymbol[p.symbol] = ms
		}
		whole, n := p.symbol != "" && p.path != "", 0
		for _, m := range ms {
			if m.Path == p.path {
				whole, n = whole && slices.Contains(byPara[p], m.ID), n+1
			}
		}
		if whole && n == len(byPara[p]) {
			refs = append(refs, MandateRef{Decision: p.symbol, Paragraph: p.path})
			continue
		}
		for _, id := range byPara[p] {
			refs = append(refs, MandateRef{ID: id})
		}
	}
	return refs, nil
}
