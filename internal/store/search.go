package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

// searchSQL is what differs between the engines: how paragraphs are
// matched and counted by facet set, how the best hits are chosen, and how
// they are read with their snippets. Statements number their placeholders:
// 1 is the engine query, then come the filter's values, the limit and the
// offset.
type searchSQL struct {
	// counts gives (facet set, hits) for the hits; %s is the filter on
	// its set column.
	counts, countsSet string
	// top reads the chosen hits t with their snippets, in order; its
	// verbs are the choice (relevance or recent) and its order.
	top string
	// relevance and recent choose the page of hits; %s is the filter on
	// their set column. filtered is relevance for a filtered search.
	relevance, relevanceSet string
	filtered, filteredSet   string
	recent, recentSet       string
	// order is the order of top's rows, by choice.
	order map[string]string
	// snippets tells that top reads the text, to cut snippets from, not
	// the snippet.
	snippets bool
	// ph is the placeholder of argument n.
	ph    func(n int) string
	query string // the engine query
}

func (s *Store) searchSQL(terms []accord.SearchTerm) searchSQL {
	if s.dialect.name == "postgres" {
		const q = `to_tsquery('english', $1)`
		return searchSQL{
			counts:    `SELECT p.facet_set, count(*) FROM paragraphs p WHERE p.tsv @@ ` + q + `%s GROUP BY p.facet_set`,
			countsSet: `p.facet_set`,
			top: `SELECT p.decision_id, d.symbol, d.title, d.instrument, d.meeting, d.year, p.path, p.class,
					ts_headline('english', p.text, ` + q + `, 'StartSel=` + search.MarkStart + `, StopSel=` + search.MarkEnd + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
				FROM (%s) t JOIN paragraphs p ON p.decision_id = t.did AND p.seq = t.seq JOIN decisions d ON d.id = p.decision_id
				ORDER BY %s`,
			relevance: `SELECT -ts_rank(p.tsv, ` + q + `) AS score, p.decision_id AS did, p.seq AS seq FROM paragraphs p
				WHERE p.tsv @@ ` + q + `%s ORDER BY score, did DESC, seq LIMIT %s OFFSET %s`,
			relevanceSet: `p.facet_set`,
			recent: `SELECT d.year AS year, p.decision_id AS did, p.seq AS seq FROM paragraphs p JOIN decisions d ON d.id = p.decision_id
				WHERE p.tsv @@ ` + q + `%s ORDER BY year DESC, did DESC, seq LIMIT %s OFFSET %s`,
			recentSet: `p.facet_set`,
			order:     map[string]string{"relevance": `t.score, t.did DESC, t.seq`, "recent": `t.year DESC, t.did DESC, t.seq`},
			ph:        func(n int) string { return "$" + strconv.Itoa(n) },
			query:     search.TSQuery(terms),
		}
	}
	// The best hits are chosen on the full-text index alone, by
	// relevance, or with the narrow paragraph_facets, by year; only they
	// are read in full, and their snippets cut here.
	return searchSQL{
		counts: `SELECT pf.facet_set, count(*) FROM paragraphs_fts JOIN paragraph_facets pf ON pf.id = paragraphs_fts.rowid
			WHERE paragraphs_fts MATCH ?1%s GROUP BY pf.facet_set`,
		countsSet: `pf.facet_set`,
		top: `SELECT p.decision_id, d.symbol, d.title, d.instrument, d.meeting, d.year, p.path, p.class, p.text
			FROM (%s) t JOIN paragraphs p ON p.rowid = t.pid JOIN decisions d ON d.id = p.decision_id
			ORDER BY %s`,
		snippets: true,
		relevance: `SELECT bm25(paragraphs_fts) AS score, paragraphs_fts.rowid AS pid FROM paragraphs_fts
			WHERE paragraphs_fts MATCH ?1%s ORDER BY score, pid LIMIT %s OFFSET %s`,
		// A filtered search chooses by filtered, which reads the sets.
		relevanceSet: ``,
		filtered: `SELECT bm25(paragraphs_fts) AS score, paragraphs_fts.rowid AS pid FROM paragraphs_fts
				JOIN paragraph_facets pf ON pf.id = paragraphs_fts.rowid
			WHERE paragraphs_fts MATCH ?1%s ORDER BY score, pid LIMIT %s OFFSET %s`,
		filteredSet: `pf.facet_set`,
		recent: `SELECT fs.year AS year, pf.decision_id AS did, pf.id AS pid FROM paragraphs_fts
				JOIN paragraph_facets pf ON pf.id = paragraphs_fts.rowid JOIN facet_sets fs ON fs.id = pf.facet_set
			WHERE paragraphs_fts MATCH ?1%s ORDER BY year DESC, did DESC, pid LIMIT %s OFFSET %s`,
		recentSet: `pf.facet_set`,
		order:     map[string]string{"relevance": `t.score, t.pid`, "recent": `t.year DESC, t.did DESC, t.pid`},
		ph:        func(n int) string { return "?" + strconv.Itoa(n) },
		query:     search.FTS5(terms),
	}
}

// snippetWords is about how many words a snippet holds.
const snippetWords = 30

// maxSearchLimit is the most hits one search returns: the pages ask for
// twenty, the API for at most a hundred, a download a thousand at a time.
const maxSearchLimit = 1000

// Search finds paragraphs and items holding the query's terms: the counts
// by facet set, then the page of hits.
func (s *Store) Search(ctx context.Context, q accord.SearchQuery) (accord.SearchResult, error) {
	res := accord.SearchResult{Hits: []accord.SearchHit{}, Facets: map[string][]accord.FacetCount{}}
	if len(q.Terms) == 0 {
		return res, fmt.Errorf("%w: nothing to search for", accord.ErrInvalid)
	}
	order := q.Order
	if order == "" {
		order = "relevance"
	}
	if order != "relevance" && order != "recent" {
		return res, fmt.Errorf("%w: order %q: want relevance or recent", accord.ErrInvalid, q.Order)
	}
	if q.Actor != "" && !actorIDRE.MatchString(q.Actor) {
		return res, fmt.Errorf("%w: actor %q: want an actor id (lower-case letters, digits and hyphens)", accord.ErrInvalid, q.Actor)
	}
	if q.Status != "" && !q.Status.Valid() {
		return res, fmt.Errorf("%w: unknown status %q (want one of %s)", accord.ErrInvalid, q.Status, statusList())
	}
	if q.Limit <= 0 || q.Limit > maxSearchLimit {
		q.Limit = 20
	}
	sq := s.searchSQL(q.Terms)
	cond, condArgs := facetCond(sq.ph, q)
	filter := func(column string) string {
		if cond == "" {
			return ""
		}
		return ` AND ` + column + ` IN (SELECT id FROM facet_sets WHERE ` + cond + `)`
	}
	args := append([]any{sq.query}, condArgs...)

	var (
		counts    map[int64]int
		countsErr error
		done      = make(chan struct{})
	)
	go func() {
		defer close(done)
		counts, countsErr = s.searchCounts(ctx, fmt.Sprintf(sq.counts, filter(sq.countsSet)), args)
	}()
	choose, setColumn := sq.relevance, sq.relevanceSet
	switch {
	case order == "recent":
		choose, setColumn = sq.recent, sq.recentSet
	case cond != "" && sq.filtered != "":
		choose, setColumn = sq.filtered, sq.filteredSet
	}
	query := fmt.Sprintf(sq.top, fmt.Sprintf(choose, filter(setColumn), sq.ph(len(args)+1), sq.ph(len(args)+2)), sq.order[order])
	hits, err := s.readHits(ctx, query, append(args[:len(args):len(args)], q.Limit, q.Offset))
	<-done
	if err != nil {
		return res, err
	}
	if countsErr != nil {
		return res, countsErr
	}
	if sq.snippets {
		for i := range hits {
			hits[i].Snippet = search.Snippet(hits[i].Snippet, q.Terms, snippetWords)
		}
	}
	res.Hits = append(res.Hits, hits...)
	return res, s.addFacets(ctx, counts, &res)
}

// facetCond returns the condition on facet_sets that q's filters make,
// with placeholders numbered from 2 (1 is the engine query), and its
// arguments; "" when q has none.
func facetCond(ph func(int) string, q accord.SearchQuery) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a any) {
		args = append(args, a)
		conds = append(conds, strings.Replace(cond, "?", ph(len(args)+1), 1))
	}
	if q.Instrument != "" {
		add(`instrument = ?`, accord.InstrumentID(q.Instrument))
	}
	if q.Meeting != "" {
		add(`meeting = ?`, q.Meeting)
	}
	if q.Year != 0 {
		add(`year = ?`, q.Year)
	}
	if q.Class != "" {
		add(`class = ?`, string(q.Class))
	}
	// Actor ids and statuses, checked by Search, hold no spaces or
	// wildcards; the sets hold them space-separated.
	if q.Actor != "" {
		add(`' ' || actors || ' ' LIKE ?`, "% "+q.Actor+" %")
	}
	if q.Status != "" {
		add(`' ' || statuses || ' ' LIKE ?`, "% "+string(q.Status)+" %")
	}
	return strings.Join(conds, ` AND `), args
}

// searchCounts returns how many hits each facet set holds.
func (s *Store) searchCounts(ctx context.Context, query string, args []any) (map[int64]int, error) {
	rows, err := s.read.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.searchError(err)
	}
	defer rows.Close()
	counts := map[int64]int{}
	for rows.Next() {
		var set int64
		var n int
		if err := rows.Scan(&set, &n); err != nil {
			return nil, err
		}
		counts[set] = n
	}
	return counts, rows.Err()
}

// readHits runs a statement reading hits.
func (s *Store) readHits(ctx context.Context, query string, args []any) ([]accord.SearchHit, error) {
	rows, err := s.read.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.searchError(err)
	}
	defer rows.Close()
	var hits []accord.SearchHit
	for rows.Next() {
		var h accord.SearchHit
		var class string
		if err := rows.Scan(&h.DecisionID, &h.Symbol, &h.Title, &h.Instrument, &h.Meeting, &h.Year, &h.Path, &class, &h.Snippet); err != nil {
			return nil, err
		}
		h.Class = accord.VerbClass(class)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// addFacets fills the total and the facets from the counts by facet set:
// each facet by count then value, at most 30 values.
func (s *Store) addFacets(ctx context.Context, counts map[int64]int, res *accord.SearchResult) error {
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sets, err := s.facetSets(ctx, ids)
	if err != nil {
		return err
	}
	byFacet := map[string]map[string]int{}
	for _, name := range accord.SearchFacets {
		byFacet[name] = map[string]int{}
	}
	for id, n := range counts {
		res.Total += n
		sets[id].values(func(facet, value string) {
			if value != "" {
				byFacet[facet][value] += n
			}
		})
	}
	for name, m := range byFacet {
		cs := make([]accord.FacetCount, 0, len(m))
		for v, n := range m {
			cs = append(cs, accord.FacetCount{Value: v, Count: n})
		}
		sort.Slice(cs, func(i, j int) bool {
			return cs[i].Count > cs[j].Count || cs[i].Count == cs[j].Count && cs[i].Value < cs[j].Value
		})
		res.Facets[name] = cs[:min(len(cs), 30)]
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
