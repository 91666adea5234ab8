package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

// Snippet markers: the engines mark matching words with these, and
// callers turn them into what they display.
const (
	markStart = "\x02"
	markEnd   = "\x03"
)

// searchSQL is what differs between the engines: where paragraphs are
// matched, ranked and cut into snippets.
type searchSQL struct {
	from    string // paragraphs p, with the engine's table
	match   string // the condition, one placeholder
	rank    string // lower is better, one placeholder or none
	snippet string // one placeholder or none
	query   string // the engine query
	rankArg bool   // rank and snippet take the query again
}

func (s *Store) searchSQL(terms []accord.SearchTerm) searchSQL {
	if s.dialect.name == "postgres" {
		return searchSQL{
			from:    `paragraphs p`,
			match:   `p.tsv @@ to_tsquery('english', ?)`,
			rank:    `-ts_rank(p.tsv, to_tsquery('english', ?))`,
			snippet: `ts_headline('english', p.text, to_tsquery('english', ?), 'StartSel=` + markStart + `, StopSel=` + markEnd + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`,
			query:   search.TSQuery(terms),
			rankArg: true,
		}
	}
	return searchSQL{
		from:    `paragraphs_fts JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid`,
		match:   `paragraphs_fts MATCH ?`,
		rank:    `bm25(paragraphs_fts)`,
		snippet: `snippet(paragraphs_fts, 0, char(2), char(3), ' … ', 24)`,
		query:   search.FTS5(terms),
	}
}

// facetSQL counts every facet, and the total, in one statement over the
// hits, matched once: a materialized list of the matching paragraphs, then
// one GROUP BY per facet.
const facetSQL = `WITH h AS MATERIALIZED (SELECT p.decision_id AS did, p.path AS path, p.class AS class, d.instrument AS instrument, d.meeting AS meeting
		FROM %s WHERE %s)
	SELECT 'total', '', count(*) FROM h
	UNION ALL SELECT 'instrument', instrument, count(*) FROM h WHERE instrument <> '' GROUP BY instrument
	UNION ALL SELECT 'meeting', meeting, count(*) FROM h WHERE meeting <> '' GROUP BY meeting
	UNION ALL SELECT 'class', class, count(*) FROM h WHERE class <> '' GROUP BY class
	UNION ALL SELECT 'actor', a.actor, count(DISTINCT h.did || '/' || h.path) FROM h
		JOIN mandates m ON m.decision_id = h.did AND m.path = h.path JOIN mandate_actors a ON a.mandate_id = m.id GROUP BY a.actor
	UNION ALL SELECT 'status', m.status, count(DISTINCT h.did || '/' || h.path) FROM h
		JOIN mandates m ON m.decision_id = h.did AND m.path = h.path GROUP BY m.status`

// Search finds paragraphs and items holding the query's terms.
func (s *Store) Search(ctx context.Context, q accord.SearchQuery) (accord.SearchResult, error) {
	res := accord.SearchResult{Hits: []accord.SearchHit{}, Facets: map[string][]accord.FacetCount{}}
	if len(q.Terms) == 0 {
		return res, fmt.Errorf("%w: nothing to search for", accord.ErrInvalid)
	}
	if q.Order != "" && q.Order != "relevance" && q.Order != "recent" {
		return res, fmt.Errorf("%w: order %q: want relevance or recent", accord.ErrInvalid, q.Order)
	}
	if q.Limit <= 0 || q.Limit > 100 {
		q.Limit = 20
	}
	sq := s.searchSQL(q.Terms)
	where := sq.match
	args := []any{sq.query}
	add := func(cond string, a ...any) {
		where += ` AND ` + cond
		args = append(args, a...)
	}
	if q.Instrument != "" {
		add(`d.instrument = ?`, q.Instrument)
	}
	if q.Meeting != "" {
		add(`d.meeting = ?`, q.Meeting)
	}
	if q.Class != "" {
		add(`p.class = ?`, string(q.Class))
	}
	if q.Actor != "" || q.Status != "" {
		cond := `EXISTS (SELECT 1 FROM mandates m WHERE m.decision_id = p.decision_id AND m.path = p.path`
		var a []any
		if q.Status != "" {
			cond += ` AND m.status = ?`
			a = append(a, string(q.Status))
		}
		if q.Actor != "" {
			cond += ` AND EXISTS (SELECT 1 FROM mandate_actors ma WHERE ma.mandate_id = m.id AND ma.actor = ?)`
			a = append(a, q.Actor)
		}
		add(cond+`)`, a...)
	}
	from := sq.from + ` JOIN decisions d ON d.id = p.decision_id`
	if err := s.facets(ctx, fmt.Sprintf(facetSQL, from, where), args, &res); err != nil {
		return res, err
	}
	order := `rank, d.id DESC, p.seq`
	if q.Order == "recent" {
		order = `d.id DESC, p.seq`
	}
	// Placeholders run in the order the SQL holds them: snippet, rank,
	// then the WHERE clause's, then limit and offset.
	var head []any
	if sq.rankArg {
		head = []any{sq.query, sq.query}
	}
	query := `SELECT p.decision_id, d.symbol, d.title, d.instrument, d.meeting, p.path, p.class, ` + sq.snippet + `, ` + sq.rank + ` AS rank
		FROM ` + from + ` WHERE ` + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := s.read.QueryContext(ctx, s.q(query), append(append(head, args...), q.Limit, q.Offset)...)
	if err != nil {
		return res, s.searchError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h accord.SearchHit
		var class string
		var rank float64
		if err := rows.Scan(&h.DecisionID, &h.Symbol, &h.Title, &h.Instrument, &h.Meeting, &h.Path, &class, &h.Snippet, &rank); err != nil {
			return res, err
		}
		h.Class = accord.VerbClass(class)
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// facets runs the facet statement and fills the total and the facets,
// each by count then value, at most 30 values.
func (s *Store) facets(ctx context.Context, query string, args []any, res *accord.SearchResult) error {
	rows, err := s.read.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return s.searchError(err)
	}
	defer rows.Close()
	for _, name := range []string{"instrument", "meeting", "class", "actor", "status"} {
		res.Facets[name] = []accord.FacetCount{}
	}
	for rows.Next() {
		var name string
		var c accord.FacetCount
		if err := rows.Scan(&name, &c.Value, &c.Count); err != nil {
			return err
		}
		if name == "total" {
			res.Total = c.Count
			continue
		}
		res.Facets[name] = append(res.Facets[name], c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for name, cs := range res.Facets {
		sort.Slice(cs, func(i, j int) bool {
			return cs[i].Count > cs[j].Count || cs[i].Count == cs[j].Count && cs[i].Value < cs[j].Value
		})
		if len(cs) > 30 {
			res.Facets[name] = cs[:30]
		}
	}
	return nil
}

// searchError reports an engine's refusal of a query as invalid input:
// queries are built from parsed terms, so this is rare, but it is the
// user's query, not the server, that is at fault.
func (s *Store) searchError(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "fts5") || strings.Contains(msg, "tsquery") || strings.Contains(msg, "syntax error") {
		return fmt.Errorf("%w: the search engine refused the query", accord.ErrInvalid)
	}
	return err
}
