// Package accord holds the domain of accord: the decisions adopted by the
// governing bodies of multilateral environmental agreements, broken down to
// the paragraph, and the Store that keeps them.
//
// It imports no SQL driver, no net/http and no other package of this module:
// everything depends on it, it depends on nothing.
package accord

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors. Backends and parsers wrap them so that callers can map
// them to exit codes and HTTP statuses with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrInvalid   = errors.New("invalid")
	ErrConflict  = errors.New("conflict")
	ErrForbidden = errors.New("forbidden")
	// ErrExpired is a token or session past its time, revoked, or of a
	// removed account.
	ErrExpired = errors.New("expired")
	// ErrBusy says a write gave way to others made at the same time (a
	// deadlock, a serialization failure, a locked database) as often as
	// it was tried: the same request may well succeed a moment later.
	ErrBusy = errors.New("busy")
)

// Kind is what a decision calls itself.
type Kind string

// The kinds of decision.
const (
	KindDecision       Kind = "decision"
	KindResolution     Kind = "resolution"
	KindRecommendation Kind = "recommendation"
	KindDraft          Kind = "draft"
)

// Kinds lists every kind of decision.
var Kinds = []Kind{KindDecision, KindResolution, KindRecommendation, KindDraft}

// VerbClass groups operative verbs by what they do.
type VerbClass string

// The verb classes.
const (
	Directive   VerbClass = "directive"   // requests, invites, urges, …
	Deciding    VerbClass = "deciding"    // decides, adopts, approves, …
	Evaluative  VerbClass = "evaluative"  // welcomes, commends, …
	Observing   VerbClass = "observing"   // notes, takes note, recognizes, …
	Reinforcing VerbClass = "reinforcing" // reaffirms, recalls, reiterates, …
)

// Decision is one decision, resolution or recommendation as adopted (or
// proposed) by a governing body, with every character of its text placed in
// exactly one of its elements.
type Decision struct {
	ID         int64  `json:"id,omitempty"`
	Symbol     string `json:"symbol"`         // as printed: "BS-IV/6", "4/CP.27", "MC-6/[--]"; "" when none
	Instrument string `json:"instrument"`     // "cartagena", "unfccc", …; "" when unknown
	Meeting    string `json:"meeting"`        // "COP-MOP-4", "COP-27", …; "" when unknown
	Year       int    `json:"year,omitempty"` // year of adoption; 0 when the text does not tell
	Title      string `json:"title"`
	Kind       Kind   `json:"kind"`

	Preface    []string    `json:"preface,omitempty"` // heading lines, labels, page furniture before the formula
	Formula    string      `json:"formula,omitempty"` // "The Conference of the Parties,"
	Preamble   []Recital   `json:"preamble"`
	Headings   []Heading   `json:"headings,omitempty"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Closing    []string    `json:"closing,omitempty"` // plenary stamp and date
	Footnotes  []Footnote  `json:"footnotes,omitempty"`
	Annexes    []Annex     `json:"annexes,omitempty"`
	// Unclassified holds text inside the decision that fits no other
	// element (tags of a web page, stray lines), kept so nothing is lost.
	Unclassified []string `json:"unclassified,omitempty"`
	// Warnings say where the parser doubted its reading of the text (a
	// heading taken back, numbering that skips), for a person to check.
	Warnings []string `json:"warnings,omitempty"`

	References References `json:"references"`
	Source     Source     `json:"source"`
	Updated    time.Time  `json:"updated,omitzero"`
	// URL is the address of the official document, given by a person.
	URL string `json:"url,omitempty"`
	// Corrections are the fields people corrected, read from the store.
	Corrections []Correction `json:"corrections,omitempty"`

	// Mandates are what the decision asks of whom. Ingest stores them
	// apart from the text, where their status and history are kept.
	Mandates []Mandate `json:"-"`
}

// Recital is one preambular paragraph.
type Recital struct {
	Phrase string   `json:"phrase,omitempty"` // "Recalling", "Also noting"
	Text   string   `json:"text"`
	Notes  []string `json:"notes,omitempty"` // footnote markers cited in the text
}

// Heading is a section heading of the operative part ("I. Organizational
// issues", "A. Coordination at the national level"). Before is the index of
// the top-level paragraph it precedes (len(Paragraphs) when none follows).
type Heading struct {
	Before int    `json:"before"`
	Text   string `json:"text"`
}

// Paragraph is an operative paragraph or one of its items. Top-level
// paragraphs have a Path equal to their Number; items have paths such as
// "5(b)" and "5(b)(ii)". Paths are unique within a decision: a number
// printed twice gets "~2" on its second path ("5~2", "5~2(a)").
type Paragraph struct {
	Number   string      `json:"number"` // as printed, without dot or brackets: "1", "aa", "ii"; "" when unnumbered
	Path     string      `json:"path"`
	Phrase   string      `json:"phrase,omitempty"`   // opening operative phrase as written: "Also requests"
	Verb     string      `json:"verb,omitempty"`     // normalized verb: "request"
	Modifier string      `json:"modifier,omitempty"` // normalized modifier: "also"
	Class    VerbClass   `json:"class,omitempty"`
	Text     string      `json:"text"`
	Notes    []string    `json:"notes,omitempty"` // footnote markers cited in the text
	Items    []Paragraph `json:"items,omitempty"`
}

// Footnote is a footnote body, re-attached to the element holding its
// marker (Attached is a paragraph path, "preamble N", or "" when the marker
// was not found).
type Footnote struct {
	Marker   string `json:"marker"`
	Text     string `json:"text"`
	Attached string `json:"attached,omitempty"`
}

// Annex is an annex or attachment of a decision. Nothing in it is operative.
type Annex struct {
	Heading    string      `json:"heading"`
	Paragraphs []Paragraph `json:"paragraphs,omitempty"`
	Text       []string    `json:"text,omitempty"` // blocks that are not numbered paragraphs
}

// References are the decisions and documents a decision cites.
type References struct {
	Decisions []DecisionRef `json:"decisions"`
	Documents []string      `json:"documents"`
}

// DecisionRef is a cited decision: as cited, and resolved against the
// instrument context ("IX/10" in a Basel text is Basel decision IX/10).
type DecisionRef struct {
	Cited      string `json:"cited"`
	Instrument string `json:"instrument,omitempty"`
}

// Kind is what the cited act is called: the United Nations Environment
// Assembly adopts resolutions, and so does a body whose symbol says so
// ("UNEP/EA.5/Res.7", "Res. Conf. 10.10"); others adopt decisions.
func (r DecisionRef) Kind() string {
	l := strings.ToLower(r.Cited)
	if r.Instrument == "unea" || strings.Contains(l, "res.") || strings.Contains(l, "/res") || strings.Contains(l, "resolution") || strings.Contains(l, "conf.") {
		return "resolution"
	}
	return "decision"
}

// Source says which file a decision came from.
type Source struct {
	Name   string `json:"name"`   // file name as given
	SHA256 string `json:"sha256"` // of the file's bytes
	Format string `json:"format"` // txt, html, docx, pdf
	// Who ingests it, for the audit log; not kept with the decisions.
	Who string `json:"-"`
	// By is the account an upload acts for. When set, the ingest may
	// add, replace or remove only decisions of instruments By may edit,
	// and may store only into a source By owns, or a new one that By
	// then owns. The command line, an administrator's tool on the
	// store itself, leaves it nil and may change everything.
	By *User `json:"-"`
}

// Walk calls fn for every paragraph and item of d, depth first, in order.
func (d *Decision) Walk(fn func(p *Paragraph)) {
	var walk func(ps []Paragraph)
	walk = func(ps []Paragraph) {
		for i := range ps {
			fn(&ps[i])
			walk(ps[i].Items)
		}
	}
	walk(d.Paragraphs)
}

// DecisionFilter selects decisions in Store.Decisions. Zero fields match all.
type DecisionFilter struct {
	Instrument string
	Meeting    string
	Year       int
	Kind       Kind
	// Text keeps decisions whose symbol or title holds these words, in
	// any case.
	Text  string
	Limit int
	// Offset skips that many decisions of the order: the page numbers
	// of the pages' lists.
	Offset int
	// ByID orders by id instead of by instrument and meeting, and After
	// keeps ids above it: the order and cursor of paginated lists.
	ByID  bool
	After int64
	// Newest orders by id, newest first.
	Newest bool
}

// ParagraphFilter selects paragraphs in Store.Paragraphs. Zero fields
// match all.
type ParagraphFilter struct {
	DecisionID int64
	Instrument string
	Meeting    string
	Year       int
	Class      VerbClass
	Verb       string // lemma: "request", "invite", …
	Limit      int
	// After keeps paragraphs after this one, in list order: the cursor
	// of paginated lists.
	After ParagraphKey
}

// ParagraphKey is where a paragraph or item stands: its decision and its
// place in the decision's document order.
type ParagraphKey struct {
	DecisionID int64
	Seq        int
}

// ParagraphRow is a paragraph or item as Store.Paragraphs lists it: its
// own text, without its items, and what identifies its decision.
type ParagraphRow struct {
	ParagraphKey
	Symbol     string
	Instrument string
	Meeting    string
	Year       int
	Path       string
	Number     string
	Depth      int
	Phrase     string
	Verb       string
	Class      VerbClass
	Text       string
}

// Stats are the store's counts.
type Stats struct {
	Decisions   int
	Mandates    int
	Instruments []FacetCount // decisions by instrument, most first
}

// IngestResult says what one ingest of one file did.
type IngestResult struct {
	Source   string
	Inserted int
	Updated  int
	Removed  int
	// Kept counts decisions the file no longer holds that were kept
	// because people track their mandates.
	Kept int
}

// Store keeps decisions. Every method takes ctx first; absence is an error
// wrapping ErrNotFound.
type Store interface {
	// Ingest stores the decisions parsed from one source file in one
	// transaction: they land whole or not at all. A decision already
	// stored under the same instrument and symbol, or from the same
	// source at the same position, is replaced in place; decisions the
	// source held before and holds no longer are removed.
	Ingest(ctx context.Context, src Source, ds []Decision) (IngestResult, error)
	// Decision returns the decision with the given symbol; instrument may
	// be "" when the symbol is unambiguous.
	Decision(ctx context.Context, instrument, symbol string) (Decision, error)
	// DecisionByID returns the decision with the given id.
	DecisionByID(ctx context.Context, id int64) (Decision, error)
	// Decisions lists decisions without their text, by instrument,
	// meeting and position in their source.
	Decisions(ctx context.Context, f DecisionFilter) ([]Decision, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Mandates lists mandates with the symbol, instrument and meeting
	// of their decision, in decision order.
	Mandates(ctx context.Context, f MandateFilter) ([]Mandate, error)
	// Mandate returns one mandate with its evidence and history.
	Mandate(ctx context.Context, id int64) (Mandate, error)
	// UpdateMandate changes a mandate and records every change in its
	// history, in one transaction. Concurrent updates of one mandate are
	// applied one after the other: neither is lost.
	UpdateMandate(ctx context.Context, id int64, u MandateUpdate) (Mandate, error)
	// Actors returns the actors users added to the registry: names by
	// canonical id.
	Actors(ctx context.Context) (map[string][]string, error)
	// AddActor adds names (names, acronyms, aliases) for actor id.
	AddActor(ctx context.Context, id string, names []string) error
	// ActorMandates counts the mandates asked of each actor, by status.
	ActorMandates(ctx context.Context) (map[string]map[Status]int, error)
	// MandateChoices lists what the mandate board's filters choose from.
	MandateChoices(ctx context.Context) (MandateChoices, error)
	// Paragraphs lists paragraphs and items with their decision, in
	// decision and document order.
	Paragraphs(ctx context.Context, f ParagraphFilter) ([]ParagraphRow, error)
	// Search finds paragraphs and items by the words they hold, with
	// facet counts over all that match.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// AddUser creates an account and, when t.Hash is set, its first
	// token, in one transaction.
	AddUser(ctx context.Context, u User, t Token) (User, error)
	// UserByToken returns the account whose token has the given hash,
	// with TokenID set. A token expired or revoked, or of a removed
	// account, is an error wrapping ErrExpired.
	UserByToken(ctx context.Context, tokenHash string) (User, error)
	// Users lists the accounts, removed ones too, each with its tokens.
	Users(ctx context.Context) ([]User, error)
	// RemoveUser removes the account name for who: its tokens are
	// revoked and its sessions ended; it and its audit history stay.
	RemoveUser(ctx context.Context, who, name string) error
	// AddToken gives the account t.User a new token.
	AddToken(ctx context.Context, who string, t Token) (Token, error)
	// RevokeTokens revokes the live tokens f selects for who, ends the
	// sessions signed in with them, and says how many it revoked.
	RevokeTokens(ctx context.Context, who string, f TokenFilter) (int, error)
	// UserBySubject returns the account signed in by OpenID Connect as
	// u.Subject, made from u when there is none; its role and
	// instruments become u's.
	UserBySubject(ctx context.Context, u User) (User, error)
	// CreateSession starts a web session, kept by its cookie's hash,
	// with the token its forms carry, and records the sign-in.
	CreateSession(ctx context.Context, s Session) error
	// Session returns the account and form token of a live session: not
	// past its expiry nor idle longer than its idle timeout.
	Session(ctx context.Context, idHash string) (User, string, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, idHash string) error
	// SaveUpload keeps an uploaded file's text until its owner confirms it.
	SaveUpload(ctx context.Context, u Upload) error
	// Upload returns a kept upload of user userID, and TakeUpload
	// removes it.
	Upload(ctx context.Context, idHash string, userID int64) (Upload, error)
	TakeUpload(ctx context.Context, idHash string) error
	// PurgeUploads deletes the uploads older than UploadTTL and says how
	// many it deleted. SaveUpload purges them too.
	PurgeUploads(ctx context.Context) (int, error)
	// AuditLog returns the latest recorded writes, newest first.
	AuditLog(ctx context.Context, limit int) ([]AuditEntry, error)
	// Purge deletes, in one transaction, what r keeps no longer at time
	// now, and records what it deleted, when anything, in the audit log.
	Purge(ctx context.Context, r Retention, now time.Time) (PurgeResult, error)
	// AuditLogBefore returns the writes recorded before entry id, newest
	// first: the pages after AuditLog's.
	AuditLogBefore(ctx context.Context, id int64, limit int) ([]AuditEntry, error)
	// RecordAudit records an event that is no write of the store's own,
	// such as an address locked out after failed sign-ins; At is now.
	RecordAudit(ctx context.Context, e AuditEntry) error
	// Corrector corrects decisions and mandates, and finds decisions
	// by their content.
	Corrector
	// Close releases the store's connections.
	Close() error
}

// Role says what an account may change.
type Role string

// The roles.
const (
	RoleAdmin  Role = "admin"  // everything, and the audit log
	RoleEditor Role = "editor" // mandates of its instruments (all when none are named)
)

// User is an account. Reading needs none; every write needs one.
type User struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Role        Role      `json:"role"`
	Instruments []string  `json:"instruments,omitempty"`
	Created     time.Time `json:"created"`
	// Subject is the issuer and subject ("https://idp.example sub") of
	// an account that signs in by OpenID Connect, or "".
	Subject string    `json:"subject,omitempty"`
	Removed time.Time `json:"removed,omitzero"`
	Tokens  []Token   `json:"tokens,omitempty"` // listed by Users
	TokenID int64     `json:"-"`                // the token UserByToken found it by
}

// TokenTTL is how long a token lives unless its maker says otherwise.
const TokenTTL = 90 * 24 * time.Hour

// Token is one bearer token of an account. Stores keep its hash and the
// first characters of the token, by which people name it.
type Token struct {
	ID      int64     `json:"id"`
	User    string    `json:"user"`
	Hash    string    `json:"-"`
	Prefix  string    `json:"prefix,omitempty"` // "acc_AbCdEfGh"; "" for tokens made before prefixes were kept
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	Revoked time.Time `json:"revoked,omitzero"`
}

// Live reports whether t may be used at now.
func (t Token) Live(now time.Time) bool {
	return t.Revoked.IsZero() && now.Before(t.Expires)
}

// TokenFilter selects tokens: by id, by the first characters of the
// token (eight or more after "acc_"), or all of one account's.
type TokenFilter struct {
	ID     int64
	Prefix string
	User   string
}

// Session is a web session: the hash of its cookie, the token its forms
// carry, and when it ends: at Expires, or when no request came for Idle.
type Session struct {
	UserID  int64
	TokenID int64 // the token signed in with; 0 for OpenID Connect
	IDHash  string
	CSRF    string
	Expires time.Time
	Idle    time.Duration
	Via     string // "token" or "oidc", for the audit log
}

// CanEdit reports whether u may change what belongs to instrument inst.
func (u User) CanEdit(inst string) bool {
	switch u.Role {
	case RoleAdmin:
		return true
	case RoleEditor:
		if len(u.Instruments) == 0 {
			return true
		}
		for _, i := range u.Instruments {
			if i == inst {
				return true
			}
		}
	}
	return false
}

// AuditEntry is one recorded write: who, when, what, before and after.
type AuditEntry struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Action string    `json:"action"` // "update mandate", "add user"
	Target string    `json:"target"` // "mandate 12"
	Before string    `json:"before,omitempty"`
	After  string    `json:"after,omitempty"`
}

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
	// meeting has taken place (the store holds decisions it adopted) or
	// whose due date is before AsOf.
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
	// meeting that has not taken place (no decision of it is stored).
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

// SearchTerm is one term of a search: a word, a phrase (several words in
// order) or a word prefix. Terms hold letters and digits only: what people
// type is parsed into terms, and never reaches a search engine raw.
type SearchTerm struct {
	Words  []string
	Prefix bool // the last word is a prefix
}

// SearchQuery is a parsed search with its filters.
type SearchQuery struct {
	Terms      []SearchTerm
	Instrument string
	Meeting    string
	Year       int // year of adoption of the decision
	Class      VerbClass
	Actor      string // canonical actor of a mandate the paragraph makes
	Status     Status // status of a mandate the paragraph makes
	Order      string // "relevance" (default) or "recent": latest year of adoption first
	Limit      int
	Offset     int
}

// SearchResult is a page of hits, how many there are in all, and facets:
// counts by instrument, meeting, year, class, actor and status over all
// hits.
type SearchResult struct {
	Total  int                     `json:"total"`
	Hits   []SearchHit             `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
}

// SearchFacets are the facets of a SearchResult, in the order they are
// shown.
var SearchFacets = []string{"instrument", "meeting", "year", "class", "actor", "status"}

// SearchHit is a paragraph or item that matches. Snippet is plain text
// with the matching words between the markers \x02 and \x03.
type SearchHit struct {
	DecisionID int64     `json:"decision_id"`
	Symbol     string    `json:"symbol"`
	Title      string    `json:"title"`
	Instrument string    `json:"instrument"`
	Meeting    string    `json:"meeting"`
	Year       int       `json:"year,omitempty"`
	Path       string    `json:"path"`
	Class      VerbClass `json:"class,omitempty"`
	Snippet    string    `json:"snippet"`
}

// FacetCount is how many hits have one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Upload is a file uploaded through the web pages, between its preview
// and its confirmation.
type Upload struct {
	IDHash  string
	UserID  int64
	Source  Source
	Body    string    // the text read from the file
	Created time.Time // when it was uploaded; now when zero
}

// UploadTTL is how long an upload waits for its confirmation. Older
// uploads cannot be confirmed and are deleted: a file someone previewed
// and left is not kept.
const UploadTTL = 24 * time.Hour

// Retention says how long the store keeps what it holds only for a while.
type Retention struct {
	// Sessions is how long a session is kept once it has expired;
	// zero deletes it at the first purge after it expires.
	Sessions time.Duration
	// Uploads is how long an unconfirmed upload is kept, at most
	// UploadTTL (zero means UploadTTL).
	Uploads time.Duration
	// Audit is how long an entry of the audit log is kept; zero keeps
	// the log whole.
	Audit time.Duration
}

// PurgeResult counts what one purge deleted.
type PurgeResult struct {
	Sessions int `json:"sessions"`
	Uploads  int `json:"uploads"`
	Audit    int `json:"audit"`
}

// MandateSorts are the orders of MandateFilter.Sort; each may be
// preceded by "-" to reverse it.
var MandateSorts = []string{"decision", "due", "status", "actor"}

// ValidMandateSort reports whether s is an order of MandateFilter.Sort.
func ValidMandateSort(s string) bool {
	return s == "" || slices.Contains(MandateSorts, strings.TrimPrefix(s, "-"))
}

// MeetingBody is the body that held a meeting: its name without the
// number ("COP-6" is COP, "COP-MOP-4" COP-MOP, "OEWG-13" OEWG); a
// meeting with no number is its own body.
func MeetingBody(meeting string) string {
	if i := strings.LastIndexByte(meeting, '-'); i > 0 && strings.ContainsAny(meeting[i+1:], "0123456789") {
		return meeting[:i]
	}
	return meeting
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
