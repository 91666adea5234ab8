package store

import (
	"context"
	"fmt"
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

// facets are counted over every hit.
var facets = []struct {
	name, column, join string
}{
	{"instrument", "d.instrument", ""},
	{"meeting", "d.meeting", ""},
	{"class", "p.class", ""},
	{"actor", "a.actor", "JOIN mandates fm ON fm.decision_id = p.decision_id AND fm.path = p.path JOIN mandate_actors a ON a.mandate_id = fm.id"},
	{"status", "fm.status", "JOIN mandates fm ON fm.decision_id = p.decision_id AND fm.path = p.path"},
}

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
	if err := s.read.QueryRowContext(ctx, s.q(`SELECT count(*) FROM `+from+` WHERE `+where), args...).Scan(&res.Total); err != nil {
		return res, s.searchError(err)
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
	for _, f := range facets {
		counts, err := s.facet(ctx, from, f.join, f.column, where, args)
		if err != nil {
			return res, err
		}
		res.Facets[f.name] = counts
	}
	return res, nil
}

func (s *Store) facet(ctx context.Context, from, join, column, where string, args []any) ([]accord.FacetCount, error) {
	query := `SELECT ` + column + `, count(DISTINCT p.decision_id || '/' || p.path) FROM ` + from + ` ` + join +
		` WHERE ` + where + ` AND ` + column + ` <> '' GROUP BY ` + column + ` ORDER BY 2 DESC, 1 LIMIT 30`
	rows, err := s.read.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.searchError(err)
	}
	defer rows.Close()
	out := []accord.FacetCount{}
	for rows.Next() {
		var c accord.FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
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
