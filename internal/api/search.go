package api

import (
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

type searchOut struct {
	Query  string                `json:"query"` // as parsed
	Total  int                   `json:"total"`
	Hits   []hitOut              `json:"hits"`
	Facets map[string][]facetOut `json:"facets"`
	Next   string                `json:"next_cursor,omitempty"`
}

type hitOut struct {
	DecisionID  int64  `json:"decision_id"`
	Symbol      string `json:"symbol"`
	Title       string `json:"title"`
	Instrument  string `json:"instrument"`
	Meeting     string `json:"meeting"`
	Year        int    `json:"year,omitempty"`
	Path        string `json:"path"`
	Class       string `json:"class,omitempty"`
	Snippet     string `json:"snippet"`      // plain text
	SnippetHTML string `json:"snippet_html"` // escaped, matches in <mark>
	Decision    string `json:"decision"`     // the decision's API URL
	Anchor      string `json:"anchor"`       // the paragraph's anchor on the decision's page
}

type facetOut struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Anchor is the id of a paragraph on a decision's page: "p-5(b)" → "p-5b".
func Anchor(path string) string {
	return "p-" + strings.NewReplacer("(", "", ")", "").Replace(path)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "q", "instrument", "meeting", "year", "class", "actor", "status", "order", "limit", "cursor")
	if err != nil {
		return err
	}
	terms, err := search.Parse(q.Get("q"))
	if err != nil {
		return err
	}
	limit, offset, err := page(q, "s")
	if err != nil {
		return err
	}
	year, err := yearParam(q)
	if err != nil {
		return err
	}
	sq := accord.SearchQuery{Terms: terms, Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Year: year, Actor: q.Get("actor"),
		Order: q.Get("order"), Limit: min(limit, 100), Offset: int(offset)}
	if sq.Class, err = classParam(q); err != nil {
		return err
	}
	if st := q.Get("status"); st != "" {
		if !accord.Status(st).Valid() {
			return badRequest("status %q: want open, in-progress, ongoing, completed, deferred or superseded", st)
		}
		sq.Status = accord.Status(st)
	}
	res, err := s.store.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	out := searchOut{Query: search.String(terms), Total: res.Total, Hits: []hitOut{}, Facets: map[string][]facetOut{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hitOut{DecisionID: h.DecisionID, Symbol: h.Symbol, Title: h.Title, Instrument: h.Instrument,
			Meeting: h.Meeting, Year: h.Year, Path: h.Path, Class: string(h.Class), Snippet: strings.NewReplacer("\x02", "", "\x03", "").Replace(h.Snippet),
			SnippetHTML: markHTML(h.Snippet), Decision: fmt.Sprintf("/api/v1/decisions/%d", h.DecisionID), Anchor: Anchor(h.Path)})
	}
	for k, cs := range res.Facets {
		fs := []facetOut{}
		for _, c := range cs {
			fs = append(fs, facetOut(c))
		}
		out.Facets[k] = fs
	}
	if next := sq.Offset + len(res.Hits); next < res.Total {
		out.Next = cursor("s", int64(next))
	}
	return writeJSON(w, r, out)
}

// markHTML escapes a snippet and marks its matches.
func markHTML(s string) string {
	return strings.NewReplacer("\x02", "<mark>", "\x03", "</mark>").Replace(html.EscapeString(s))
}
