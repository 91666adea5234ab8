package accord

import (
	"context"
	"strings"
	"time"
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

// DecisionStore keeps decisions, their paragraphs and the files they came
// from.
type DecisionStore interface {
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
	// Paragraphs lists paragraphs and items with their decision, in
	// decision and document order.
	Paragraphs(ctx context.Context, f ParagraphFilter) ([]ParagraphRow, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
}
