package api

import (
	"fmt"
	"net/http"

	"github.com/accordmea/accord"
)

type paragraphRowOut struct {
	DecisionID int64  `json:"decision_id"`
	Symbol     string `json:"symbol"`
	Instrument string `json:"instrument"`
	Meeting    string `json:"meeting"`
	Year       int    `json:"year,omitempty"`
	Path       string `json:"path"`
	Number     string `json:"number"`
	Depth      int    `json:"depth"`           // 0 for a paragraph, 1 for its items, …
	Verb       string `json:"verb,omitempty"`  // the verb phrase as written
	Lemma      string `json:"lemma,omitempty"` // its verb, normalized
	Class      string `json:"class,omitempty"`
	Text       string `json:"text"`
	URL        string `json:"url"`    // the paragraph's API URL
	Anchor     string `json:"anchor"` // its anchor on the decision's page
}

type paragraphOne struct {
	Decision  decisionSummary `json:"decision"`
	Paragraph paragraphOut    `json:"paragraph"`
	Anchor    string          `json:"anchor"`
	Mandates  []mandateOut    `json:"mandates"` // those the paragraph makes
}

// Paragraph cursors pack a decision id and a place in it into one number.
const seqsPerDecision = 1_000_000

func paragraphURL(decisionID int64, path string) string {
	return fmt.Sprintf("/api/v1/decisions/%d/paragraphs/%s", decisionID, path)
}

func (s *Server) paragraphs(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "decision", "instrument", "meeting", "year", "class", "lemma", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, after, err := page(q, "p")
	if err != nil {
		return err
	}
	year, err := yearParam(q)
	if err != nil {
		return err
	}
	f := accord.ParagraphFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Year: year, Verb: q.Get("lemma"),
		Limit: limit + 1, After: accord.ParagraphKey{DecisionID: after / seqsPerDecision, Seq: int(after % seqsPerDecision)}}
	if d := q.Get("decision"); d != "" {
		if _, err := fmt.Sscan(d, &f.DecisionID); err != nil || f.DecisionID <= 0 || fmt.Sprint(f.DecisionID) != d {
			return badRequest("decision %q: want a decision id", d)
		}
	}
	if f.Class, err = classParam(q); err != nil {
		return err
	}
	ps, err := s.store.Paragraphs(r.Context(), f)
	if err != nil {
		return err
	}
	key := func(p accord.ParagraphRow) int64 { return p.DecisionID*seqsPerDecision + int64(p.Seq) }
	return writeJSON(w, r, pageOf(ps, limit, "p", key, func(p accord.ParagraphRow) paragraphRowOut {
		return paragraphRowOut{DecisionID: p.DecisionID, Symbol: p.Symbol, Instrument: p.Instrument,
			Meeting: p.Meeting, Year: p.Year, Path: p.Path, Number: p.Number, Depth: p.Depth, Verb: p.Phrase, Lemma: p.Verb,
			Class: string(p.Class), Text: p.Text, URL: paragraphURL(p.DecisionID, p.Path), Anchor: Anchor(p.Path)}
	}))
}

func (s *Server) paragraph(w http.ResponseWriter, r *http.Request) error {
	d, err := s.pathDecision(r)
	if err != nil {
		return err
	}
	id, path := d.ID, r.PathValue("path")
	var found *accord.Paragraph
	d.Walk(func(p *accord.Paragraph) {
		if p.Path == path && found == nil {
			found = p
		}
	})
	if found == nil {
		return fmt.Errorf("decision %d has no paragraph %q: %w", id, path, accord.ErrNotFound)
	}
	view, err := s.mandateView(w, r)
	if err != nil {
		return err
	}
	ms, err := s.store.Mandates(r.Context(), accord.MandateFilter{DecisionID: id})
	if err != nil {
		return err
	}
	out := paragraphOne{Decision: summary(d), Paragraph: paragraphs([]accord.Paragraph{*found})[0], Anchor: Anchor(path), Mandates: []mandateOut{}}
	for _, m := range ms {
		if m.Path == path {
			out.Mandates = append(out.Mandates, view(m))
		}
	}
	return writeJSON(w, r, out)
}
