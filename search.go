package accord

import "context"

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

// SearchStore finds paragraphs by their words.
type SearchStore interface {
	// Search finds paragraphs and items by the words they hold, with
	// facet counts over all that match.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
}
