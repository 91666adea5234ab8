package accord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
)

// Correction is a value a person gave one field of a decision or a
// mandate in place of what the parser read. Corrections are kept apart
// from what the parser gives and applied over it whenever the decision's
// file is ingested again: the correction wins.
type Correction struct {
	Field  string    `json:"field"`  // "title", "symbol", …; "addressees", "deadline", …
	Value  string    `json:"value"`  // the value now, as people read it
	Parsed string    `json:"parsed"` // what was there before the first correction
	Who    string    `json:"who"`
	At     time.Time `json:"at"`
}

// The fields of a decision that people correct, in the order pages show
// them.
var DecisionFields = []string{"symbol", "title", "kind", "instrument", "meeting", "year", "url"}

// The fields of a mandate that people correct.
var MandateFields = []string{"addressees", "action", "deadline", "deliverable"}

// DecisionCorrection is a change a person makes to what identifies a
// decision. Nil fields stay.
type DecisionCorrection struct {
	Symbol     *string
	Title      *string
	Kind       *Kind
	Instrument *string
	Meeting    *string
	Year       *int    // of adoption; 0 for unknown
	URL        *string // address of the official document; "" for none
	Who        string
	// By is the account that corrects: it must be able to edit the
	// decision's instrument, and the instrument it gives the decision.
	By *User
}

// MandateCorrection is a change a person makes to what was extracted of
// a mandate. Nil fields stay. The person who corrects a mandate has
// checked it.
type MandateCorrection struct {
	Addressees  *[]Addressee // actors resolved by the caller
	Action      *string
	Deadline    *Deadline // an empty deadline removes it
	Deliverable *string
	Who         string
	Why         string
}

// Corrector is a Store whose decisions and mandates people correct.
type Corrector interface {
	// CorrectDecision changes a decision's fields, records each as a
	// correction that outlives re-ingests, and audits the change, in one
	// transaction.
	CorrectDecision(ctx context.Context, id int64, c DecisionCorrection) (Decision, error)
	// CorrectMandate does the same for a mandate and marks it checked by
	// c.Who.
	CorrectMandate(ctx context.Context, id int64, c MandateCorrection) (Mandate, error)
	// DecisionsByContent returns the stored decisions of instrument
	// whose parsed text has the content hash h (see ContentHash), without
	// their text: those an ingest of that text for instrument updates.
	DecisionsByContent(ctx context.Context, instrument, h string) ([]Decision, error)
}

// Corrected returns the correction of field f, if any.
func Corrected(cs []Correction, f string) (Correction, bool) {
	for _, c := range cs {
		if c.Field == f {
			return c, true
		}
	}
	return Correction{}, false
}

// ContentHash is the hash of a decision's normalized content as parsed:
// its symbol, title and text (formula, preamble, paragraphs and items,
// footnotes and annexes) in lower case, letters and digits only, every
// other run of characters one space. The same decision read from two
// files of different names, formats or line breaks has one hash; page
// furniture before the formula does not count. It is "" for a decision
// with no text.
func ContentHash(d *Decision) string {
	var b strings.Builder
	text := false
	add := func(s string) {
		space := true
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
				space = false
				continue
			}
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
		b.WriteByte('\n')
	}
	body := func(s string) {
		if strings.TrimSpace(s) != "" {
			text = true
		}
		add(s)
	}
	add(d.Symbol)
	add(d.Title)
	body(d.Formula)
	for _, r := range d.Preamble {
		body(r.Text)
	}
	var paras func(ps []Paragraph)
	paras = func(ps []Paragraph) {
		for _, p := range ps {
			body(p.Number + " " + p.Text)
			paras(p.Items)
		}
	}
	paras(d.Paragraphs)
	for _, f := range d.Footnotes {
		body(f.Text)
	}
	for _, a := range d.Annexes {
		body(a.Heading)
		paras(a.Paragraphs)
		for _, t := range a.Text {
			body(t)
		}
	}
	if !text {
		return ""
	}
	h := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(h[:])
}
