package api

import (
	"net/http"

	"github.com/accordmea/accord"
)

// The API's own response types: the API stays stable when the domain
// types change.

type decisionSummary struct {
	ID         int64  `json:"id"`
	Symbol     string `json:"symbol"`
	Title      string `json:"title"`
	Kind       string `json:"kind"`
	Instrument string `json:"instrument"`
	Meeting    string `json:"meeting"`
	Year       int    `json:"year,omitempty"`
	Source     string `json:"source"`
}

type decisionDetail struct {
	decisionSummary
	Formula    string         `json:"formula"`
	Preamble   []string       `json:"preamble"`
	Paragraphs []paragraphOut `json:"paragraphs"`
	Footnotes  []footnoteOut  `json:"footnotes"`
	References referencesOut  `json:"references"`
	Annexes    []string       `json:"annexes"`
	// URL and Corrections are what people gave the decision.
	URL         string          `json:"url,omitempty"`
	Corrections []correctionOut `json:"corrections"`
}

type paragraphOut struct {
	Number  string         `json:"number"`
	Path    string         `json:"path"`
	Heading string         `json:"heading,omitempty"`
	Verb    string         `json:"verb,omitempty"`  // the verb phrase as written: "Also requests"
	Lemma   string         `json:"lemma,omitempty"` // its verb, normalized: "request"
	Class   string         `json:"class,omitempty"`
	Text    string         `json:"text"`
	Items   []paragraphOut `json:"items"`
}

type footnoteOut struct {
	Marker   string `json:"marker"`
	Text     string `json:"text"`
	Attached string `json:"attached,omitempty"`
}

type referencesOut struct {
	Decisions []refOut `json:"decisions"`
	Documents []string `json:"documents"`
}

type refOut struct {
	Cited      string `json:"cited"`
	Instrument string `json:"instrument,omitempty"`
}

type listOut[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

func summary(d accord.Decision) decisionSummary {
	return decisionSummary{ID: d.ID, Symbol: d.Symbol, Title: d.Title, Kind: string(d.Kind), Instrument: d.Instrument,
		Meeting: d.Meeting, Year: d.Year, Source: d.Source.Name}
}

func paragraphs(ps []accord.Paragraph) []paragraphOut {
	out := make([]paragraphOut, 0, len(ps))
	for _, p := range ps {
		out = append(out, paragraphOut{Number: p.Number, Path: p.Path, Verb: p.Phrase, Lemma: p.Verb, Class: string(p.Class),
			Text: p.Text, Items: paragraphs(p.Items)})
	}
	return out
}

func detail(d accord.Decision) decisionDetail {
	out := decisionDetail{decisionSummary: summary(d), Formula: d.Formula, Preamble: []string{}, Paragraphs: paragraphs(d.Paragraphs),
		Footnotes: []footnoteOut{}, Annexes: []string{},
		References: referencesOut{Decisions: []refOut{}, Documents: append([]string{}, d.References.Documents...)},
		URL:        d.URL, Corrections: corrections(d.Corrections)}
	for _, r := range d.Preamble {
		out.Preamble = append(out.Preamble, r.Text)
	}
	for _, h := range d.Headings {
		if h.Before < len(out.Paragraphs) {
			p := &out.Paragraphs[h.Before]
			if p.Heading != "" {
				p.Heading += " / "
			}
			p.Heading += h.Text
		}
	}
	for _, f := range d.Footnotes {
		out.Footnotes = append(out.Footnotes, footnoteOut(f))
	}
	for _, r := range d.References.Decisions {
		out.References.Decisions = append(out.References.Decisions, refOut(r))
	}
	for _, a := range d.Annexes {
		out.Annexes = append(out.Annexes, a.Heading)
	}
	return out
}

func (s *Server) decisions(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "instrument", "meeting", "year", "kind", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, after, err := page(q, "d")
	if err != nil {
		return err
	}
	year, err := yearParam(q)
	if err != nil {
		return err
	}
	kind := accord.Kind(q.Get("kind"))
	switch kind {
	case "", accord.KindDecision, accord.KindResolution, accord.KindRecommendation, accord.KindDraft:
	default:
		return badRequest("kind %q: want decision, resolution, recommendation or draft", kind)
	}
	ds, err := s.store.Decisions(r.Context(), accord.DecisionFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"),
		Year: year, Kind: kind, ByID: true, After: after, Limit: limit + 1})
	if err != nil {
		return err
	}
	return writeJSON(w, r, pageOf(ds, limit, "d", func(d accord.Decision) int64 { return d.ID }, summary))
}

func (s *Server) decision(w http.ResponseWriter, r *http.Request) error {
	d, err := s.pathDecision(r)
	if err != nil {
		return err
	}
	return writeJSON(w, r, detail(d))
}

// pathDecision returns the decision whose id the path holds, for a
// request that takes no query parameters.
func (s *Server) pathDecision(r *http.Request) (accord.Decision, error) {
	id, err := idOnly(r)
	if err != nil {
		return accord.Decision{}, err
	}
	return s.store.DecisionByID(r.Context(), id)
}
