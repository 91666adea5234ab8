package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Search counts hits by instrument, meeting, year, verb class, addressee
// and mandate status. Counting each facet over every hit by joins costs a
// lookup per hit and facet; instead each paragraph carries the id of its
// facet set, the values of all its facets at once, of which a store holds
// few (paragraphs of one meeting and class share a set). A search groups
// its hits by set and adds the counts up per value.

// facetSet is the values of a paragraph's facets. Actors and Statuses
// are those of the mandates the paragraph makes: canonical ids and
// statuses, sorted and space-separated, "" when it makes none.
type facetSet struct {
	Instrument string
	Meeting    string
	Year       int
	Class      string
	Actors     string
	Statuses   string
}

// values returns the set's values by facet name, as search reports them.
func (f facetSet) values(emit func(facet, value string)) {
	emit("instrument", f.Instrument)
	emit("meeting", f.Meeting)
	if f.Year > 0 {
		emit("year", strconv.Itoa(f.Year))
	}
	emit("class", f.Class)
	for _, a := range strings.Fields(f.Actors) {
		emit("actor", a)
	}
	for _, st := range strings.Fields(f.Statuses) {
		emit("status", st)
	}
}

// facetSetIDs gives the ids of facet sets within one transaction,
// storing the sets not stored yet.
//
// On PostgreSQL a set not stored yet is stored at once on a pool of its
// own (Store.sets), not in the transaction: a set is a value that never
// changes, so nothing is lost when the transaction that needed it rolls
// back but a row no paragraph uses, and no transaction holds a set
// locked while it waits for another that needs the same set. Updating
// the set, or inserting it in the transaction, would hold it until
// commit: two ingests of one meeting's files, or a mandate's change and
// an ingest, would then deadlock on the sets their paragraphs share.
type facetSetIDs struct {
	s   *Store
	tx  *sql.Tx
	ids map[facetSet]int64
	// inTx stores missing sets in the transaction: on SQLite, whose one
	// writer is the transaction, and in the migration that creates the
	// table.
	inTx bool
}

func (s *Store) facetSetIDs(tx *sql.Tx) *facetSetIDs {
	return &facetSetIDs{s: s, tx: tx, ids: map[facetSet]int64{}, inTx: s.sets == nil}
}

const facetSetWhere = `instrument = ? AND meeting = ? AND year = ? AND class = ? AND actors = ? AND statuses = ?`

func (f *facetSetIDs) id(ctx context.Context, k facetSet) (int64, error) {
	if id, ok := f.ids[k]; ok {
		return id, nil
	}
	args := []any{k.Instrument, k.Meeting, k.Year, k.Class, k.Actors, k.Statuses}
	var id int64
	var err error
	if f.inTx {
		// The no-op update lets RETURNING give the id of a set stored before.
		err = f.tx.QueryRowContext(ctx, f.s.q(`
			INSERT INTO facet_sets (instrument, meeting, year, class, actors, statuses) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (instrument, meeting, year, class, actors, statuses) DO UPDATE SET year = excluded.year
			RETURNING id`), args...).Scan(&id)
	} else {
		err = f.tx.QueryRowContext(ctx, f.s.q(`SELECT id FROM facet_sets WHERE `+facetSetWhere), args...).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			err = f.s.sets.QueryRowContext(ctx, f.s.q(`
				INSERT INTO facet_sets (instrument, meeting, year, class, actors, statuses) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (instrument, meeting, year, class, actors, statuses) DO NOTHING
				RETURNING id`), args...).Scan(&id)
		}
		if errors.Is(err, sql.ErrNoRows) { // stored by another meanwhile
			err = f.s.sets.QueryRowContext(ctx, f.s.q(`SELECT id FROM facet_sets WHERE `+facetSetWhere), args...).Scan(&id)
		}
	}
	if err != nil {
		return 0, err
	}
	f.ids[k] = id
	return id, nil
}

// mandateFacets returns the actors and statuses of the mandates a
// decision makes, by the path of the paragraph that makes them.
func (s *Store) mandateFacets(ctx context.Context, tx *sql.Tx, decisionID int64) (map[string]facetSet, error) {
	rows, err := tx.QueryContext(ctx, s.q(`
		SELECT m.path, m.status, coalesce(a.actor, '') FROM mandates m LEFT JOIN mandate_actors a ON a.mandate_id = m.id
		WHERE m.decision_id = ?`), decisionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	actors := map[string][]string{}
	statuses := map[string][]string{}
	for rows.Next() {
		var path, status, actor string
		if err := rows.Scan(&path, &status, &actor); err != nil {
			return nil, err
		}
		statuses[path] = append(statuses[path], status)
		if actor != "" {
			actors[path] = append(actors[path], actor)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := map[string]facetSet{}
	for path, st := range statuses {
		out[path] = facetSet{Actors: joinSet(actors[path]), Statuses: joinSet(st)}
	}
	return out, nil
}

// joinSet sorts ss, drops repeats and joins them with spaces.
func joinSet(ss []string) string {
	slices.Sort(ss)
	return strings.Join(slices.Compact(ss), " ")
}

// refreshFacets gives each paragraph of a decision the facet set its
// decision, class and mandates make now, after its mandates changed.
func (s *Store) refreshFacets(ctx context.Context, tx *sql.Tx, ids *facetSetIDs, decisionID int64) error {
	var base facetSet
	err := tx.QueryRowContext(ctx, s.q(`SELECT instrument, meeting, year FROM decisions WHERE id = ?`), decisionID).
		Scan(&base.Instrument, &base.Meeting, &base.Year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	mf, err := s.mandateFacets(ctx, tx, decisionID)
	if err != nil {
		return err
	}
	type para struct {
		seq      int
		set      int64
		path, cl string
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT seq, path, class, facet_set FROM paragraphs WHERE decision_id = ?`), decisionID)
	if err != nil {
		return err
	}
	var ps []para
	for rows.Next() {
		var p para
		if err := rows.Scan(&p.seq, &p.path, &p.cl, &p.set); err != nil {
			rows.Close()
			return err
		}
		ps = append(ps, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range ps {
		k := base
		k.Class = p.cl
		k.Actors, k.Statuses = mf[p.path].Actors, mf[p.path].Statuses
		id, err := ids.id(ctx, k)
		if err != nil {
			return err
		}
		if id == p.set {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE paragraphs SET facet_set = ? WHERE decision_id = ? AND seq = ?`), id, decisionID, p.seq); err != nil {
			return err
		}
	}
	return nil
}

// backfillFacets gives the paragraphs stored before facet sets existed
// theirs.
func (s *Store) backfillFacets(ctx context.Context, tx *sql.Tx) error {
	dids, err := queryIDs(ctx, tx, `SELECT id FROM decisions`)
	if err != nil {
		return err
	}
	ids := s.facetSetIDs(tx)
	ids.inTx = true // the table is new in this transaction
	for _, id := range dids {
		if err := s.refreshFacets(ctx, tx, ids, id); err != nil {
			return err
		}
	}
	return nil
}

// facetSetCache holds the facet sets search has read: a set's values
// never change once stored, so every process may keep them.
type facetSetCache struct {
	mu   sync.RWMutex
	sets map[int64]facetSet
}

// facetSets returns the sets with the given ids, reading those the cache
// does not hold yet.
func (s *Store) facetSets(ctx context.Context, ids []int64) (map[int64]facetSet, error) {
	c := &s.facetCache
	out := make(map[int64]facetSet, len(ids))
	var missing []int64
	c.mu.RLock()
	for _, id := range ids {
		if f, ok := c.sets[id]; ok {
			out[id] = f
		} else {
			missing = append(missing, id)
		}
	}
	c.mu.RUnlock()
	for len(missing) > 0 {
		batch := missing[:min(len(missing), 500)]
		missing = missing[len(batch):]
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		rows, err := s.read.QueryContext(ctx, s.q(`SELECT id, instrument, meeting, year, class, actors, statuses FROM facet_sets WHERE id IN (`+placeholders(len(batch))+`)`), args...)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		if c.sets == nil {
			c.sets = map[int64]facetSet{}
		}
		for rows.Next() {
			var id int64
			var f facetSet
			if err := rows.Scan(&id, &f.Instrument, &f.Meeting, &f.Year, &f.Class, &f.Actors, &f.Statuses); err != nil {
				c.mu.Unlock()
				rows.Close()
				return nil, err
			}
			c.sets[id] = f
			out[id] = f
		}
		c.mu.Unlock()
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// placeholders returns n "?" separated by commas.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
