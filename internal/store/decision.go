package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/accordmea/accord"
)

// symbolKey is the form symbols are matched in: no case, spaces or hyphens
// ("BS II/6" and "BS-II/6" are one decision).
func symbolKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '–' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// Ingest stores the decisions of one source in one transaction. An
// ingest made for an account (src.By) stores only into a source that
// account owns, or a new one it then owns, and adds, replaces or removes
// only decisions of instruments it may edit: the existing decision's
// instrument as well as the new one's.
func (s *Store) Ingest(ctx context.Context, src accord.Source, ds []accord.Decision) (accord.IngestResult, error) {
	res := accord.IngestResult{Source: src.Name}
	if src.Name == "" {
		return res, fmt.Errorf("ingest: %w: source has no name", accord.ErrInvalid)
	}
	var ownerID int64 // the command line's
	if src.By != nil {
		if src.By.ID <= 0 {
			return res, fmt.Errorf("ingest %s: %w: the account has no id", src.Name, accord.ErrInvalid)
		}
		ownerID = src.By.ID
	}
	// What a source holds is found by its name, a decision by its
	// instrument and symbol: two ingests that share one of these wait
	// for each other from the start, whatever order their files list
	// them in.
	keys := []string{"source\x00" + src.Name}
	hashes := make([]string, len(ds))
	for i := range ds {
		d := &ds[i]
		if k := symbolKey(d.Symbol); k != "" {
			keys = append(keys, "decision\x00"+d.Instrument+"\x00"+k)
		}
		// The hash of what was parsed, before corrections are applied
		// over it: the same text ingested again has the same hash.
		hashes[i] = accord.ContentHash(d)
		if hashes[i] != "" {
			keys = append(keys, "content\x00"+hashes[i])
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res.Inserted, res.Updated, res.Removed, res.Kept = 0, 0, 0, 0
		if err := s.lockKeys(ctx, tx, keys...); err != nil {
			return err
		}
		var sourceID, owner int64
		err := tx.QueryRowContext(ctx, s.q(`
			INSERT INTO sources (name, sha256, format, ingested_at, owner_id) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, format = excluded.format, ingested_at = excluded.ingested_at
			RETURNING id, owner_id`), src.Name, src.SHA256, src.Format, s.dialect.now(), ownerID).Scan(&sourceID, &owner)
		if err != nil {
			return err
		}
		if src.By != nil && owner != ownerID {
			by := "another account"
			if owner == 0 {
				by = "the command line"
			}
			return fmt.Errorf("%w: %s may not replace source %s: %s stored it", accord.ErrForbidden, src.By.Name, src.Name, by)
		}
		kept := map[int64]bool{}
		facets := s.facetSetIDs(tx)
		for i := range ds {
			d := &ds[i]
			d.Source = src
			if err := mayEdit(src.By, "add", d.Instrument, d.Symbol); err != nil {
				return err
			}
			id, err := s.findExisting(ctx, tx, sourceID, i, d, hashes[i], kept)
			if err != nil {
				return err
			}
			if id != 0 {
				if err := s.mayChange(ctx, tx, src.By, "replace", id); err != nil {
					return err
				}
			}
			if id != 0 && kept[id] {
				return fmt.Errorf("%w: decision %s appears twice in %s", accord.ErrConflict, d.Symbol, src.Name)
			}
			if id != 0 {
				// What people corrected wins over what was parsed: the
				// row is held first, so that no correction lands
				// between the read of them and the write.
				if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE id = ?`+s.dialect.lockSuffix), id).Scan(&id); err != nil {
					return err
				}
				if err := s.applyDecisionCorrections(ctx, tx, id, d); err != nil {
					return err
				}
			}
			d.Corrections = nil
			if d.Year == 0 && d.Meeting != "" {
				// A text that prints no year takes its meeting's.
				if d.Year, err = s.meetingYear(ctx, tx, d.Instrument, d.Meeting); err != nil {
					return err
				}
			}
			body, err := json.Marshal(d)
			if err != nil {
				return err
			}
			if id == 0 {
				err = tx.QueryRowContext(ctx, s.q(`
					INSERT INTO decisions (instrument, symbol, symbol_key, meeting, year, title, kind, source_id, ordinal, body, updated_at, content_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
					d.Instrument, d.Symbol, symbolKey(d.Symbol), d.Meeting, d.Year, d.Title, string(d.Kind), sourceID, i, string(body), s.dialect.now(), hashes[i]).Scan(&id)
				if err != nil {
					return err
				}
				res.Inserted++
			} else {
				_, err = tx.ExecContext(ctx, s.q(`
					UPDATE decisions SET instrument = ?, symbol = ?, symbol_key = ?, meeting = ?, year = ?, title = ?, kind = ?,
						source_id = ?, ordinal = ?, body = ?, updated_at = ?, content_hash = ?
					WHERE id = ?`),
					d.Instrument, d.Symbol, symbolKey(d.Symbol), d.Meeting, d.Year, d.Title, string(d.Kind), sourceID, i, string(body), s.dialect.now(), hashes[i], id)
				if err != nil {
					return err
				}
				for _, table := range []string{"paragraphs", "decision_refs", "document_refs"} {
					if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE decision_id = ?`), id); err != nil {
						return err
					}
				}
				res.Updated++
			}
			kept[id] = true
			d.ID = id
			if err := s.writeMandates(ctx, tx, id, d.Mandates); err != nil {
				return err
			}
			if err := s.insertParts(ctx, tx, facets, id, d); err != nil {
				return err
			}
		}
		// What the source held before and holds no longer goes.
		ids, err := queryIDs(ctx, tx, s.q(`SELECT id FROM decisions WHERE source_id = ?`), sourceID)
		if err != nil {
			return err
		}
		var gone []int64
		for _, id := range ids {
			if !kept[id] {
				gone = append(gone, id)
			}
		}
		for _, id := range gone {
			// Lock the decision before looking at its mandates, as a
			// mandate's change does, so that none becomes tracked
			// between the look and the delete; another file's ingest
			// may have taken it over meanwhile.
			var still int64
			err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE id = ? AND source_id = ?`+s.dialect.lockSuffix), id, sourceID).Scan(&still)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			// A decision whose mandates people track stays: its status,
			// notes and history are theirs.
			keep, err := s.hasTracked(ctx, tx, id)
			if err != nil {
				return err
			}
			if keep {
				res.Kept++
				continue
			}
			if err := s.mayChange(ctx, tx, src.By, "remove", id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM decisions WHERE id = ?`), id); err != nil {
				return err
			}
			res.Removed++
		}
		who := src.Who
		if who == "" {
			who = "unknown"
		}
		var syms []string
		for _, d := range ds {
			syms = append(syms, d.Symbol)
		}
		after, _ := json.Marshal(map[string]any{"decisions": syms, "inserted": res.Inserted, "updated": res.Updated, "removed": res.Removed, "kept": res.Kept, "sha256": src.SHA256})
		return s.audit(ctx, tx, who, "ingest", "source "+src.Name, "", string(after))
	})
	if err != nil {
		if isUniqueViolation(err) {
			err = fmt.Errorf("%w: %v", accord.ErrConflict, err)
		}
		return accord.IngestResult{Source: src.Name}, fmt.Errorf("ingest %s: %w", src.Name, err)
	}
	return res, nil
}

// mayChange checks that account by, when set, may change the stored
// decision id: that it may edit the decision's instrument.
func (s *Store) mayChange(ctx context.Context, tx *sql.Tx, by *accord.User, verb string, id int64) error {
	if by == nil {
		return nil
	}
	var inst, symbol string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT instrument, symbol FROM decisions WHERE id = ?`), id).Scan(&inst, &symbol); err != nil {
		return err
	}
	return mayEdit(by, verb, inst, symbol)
}

// mayEdit checks that account by, when set, may edit instrument inst to
// verb (add, replace, remove) the decision symbol.
func mayEdit(by *accord.User, verb, inst, symbol string) error {
	if by == nil || by.CanEdit(inst) {
		return nil
	}
	if symbol == "" {
		symbol = "without a symbol"
	}
	if inst == "" {
		inst = "no named instrument"
	}
	return fmt.Errorf("%w: %s may not %s decision %s: it is of %s", accord.ErrForbidden, by.Name, verb, symbol, inst)
}

// sameContent joins and filters the decisions d of the content hash and
// instrument of its three arguments (the hash, then the instrument twice).
// The same words adopted by another instrument are another decision (the
// BRS COPs adopt joint decisions word for word): the content matches only
// within the instrument, as read or as the parser read it before a person
// corrected it. Ingest and the upload's preview (DecisionsByContent)
// match by it alike.
const sameContent = `LEFT JOIN decision_corrections c ON c.decision_id = d.id AND c.field = 'instrument'
	WHERE d.content_hash = ? AND d.content_hash <> '' AND (d.instrument = ? OR c.parsed = ?)`

// findExisting returns the id of the stored decision d replaces: the one
// of the same content (hash, from any source, whatever its name), else
// the one with its instrument and symbol, else the one at its position in
// the same source; 0 when there is none.
func (s *Store) findExisting(ctx context.Context, tx *sql.Tx, sourceID int64, ordinal int, d *accord.Decision, hash string, kept map[int64]bool) (int64, error) {
	var id int64
	if hash != "" {
		ids, err := queryIDs(ctx, tx, s.q(`SELECT d.id FROM decisions d `+sameContent+` ORDER BY d.id`), hash, d.Instrument, d.Instrument)
		if err != nil {
			return 0, err
		}
		for _, id := range ids {
			if !kept[id] {
				return id, nil
			}
		}
	}
	if key := symbolKey(d.Symbol); key != "" {
		// "symbol_key <> ''" lets SQLite use the partial unique index.
		err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE instrument = ? AND symbol_key = ? AND symbol_key <> ''`), d.Instrument, key).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE source_id = ? AND ordinal = ? ORDER BY id LIMIT 1`), sourceID, ordinal).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, err
	case kept[id]:
		return 0, nil // taken already by a decision matched by symbol
	}
	// A decision at this position that carries another symbol is another
	// decision: leave it to be matched by its own symbol or removed.
	var key string
	var parsed sql.NullString
	err = tx.QueryRowContext(ctx, s.q(`SELECT d.symbol_key, c.parsed FROM decisions d
		LEFT JOIN decision_corrections c ON c.decision_id = d.id AND c.field = 'symbol' WHERE d.id = ?`), id).Scan(&key, &parsed)
	if err != nil {
		return 0, err
	}
	if parsed.Valid {
		// A person gave the decision its symbol: another text at its
		// place is it only when it reads the symbol the parser read.
		if symbolKey(parsed.String) != symbolKey(d.Symbol) {
			return 0, nil
		}
		return id, nil
	}
	if key != "" && symbolKey(d.Symbol) != "" && key != symbolKey(d.Symbol) {
		return 0, nil
	}
	return id, nil
}

// insertParts writes the rows that index a decision: its paragraphs and
// items in document order, each with its facet set, and its references.
// The decision's mandates are written before.
func (s *Store) insertParts(ctx context.Context, tx *sql.Tx, facets *facetSetIDs, id int64, d *accord.Decision) error {
	mf, err := s.mandateFacets(ctx, tx, id)
	if err != nil {
		return err
	}
	para, err := tx.PrepareContext(ctx, s.q(`
		INSERT INTO paragraphs (decision_id, seq, path, number, depth, phrase, verb, class, text, facet_set)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer para.Close()
	seq := 0
	var walk func(ps []accord.Paragraph, depth int) error
	walk = func(ps []accord.Paragraph, depth int) error {
		for _, p := range ps {
			seq++
			set, err := facets.id(ctx, facetSet{Instrument: d.Instrument, Meeting: d.Meeting, Year: d.Year, Class: string(p.Class),
				Actors: mf[p.Path].Actors, Statuses: mf[p.Path].Statuses})
			if err != nil {
				return err
			}
			if _, err := para.ExecContext(ctx, id, seq, p.Path, p.Number, depth, p.Phrase, p.Verb, string(p.Class), p.Text, set); err != nil {
				return err
			}
			if err := walk(p.Items, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(d.Paragraphs, 0); err != nil {
		return err
	}
	for i, r := range d.References.Decisions {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO decision_refs (decision_id, seq, cited, instrument, cited_key) VALUES (?, ?, ?, ?, ?)`), id, i+1, r.Cited, r.Instrument, symbolKey(r.Cited)); err != nil {
			return err
		}
	}
	for i, sym := range d.References.Documents {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO document_refs (decision_id, seq, symbol, symbol_key) VALUES (?, ?, ?, ?)`), id, i+1, sym, accord.SymbolKey(sym)); err != nil {
			return err
		}
	}
	return nil
}

// Decision returns the decision with the given symbol, in instrument when
// instrument is not "".
func (s *Store) Decision(ctx context.Context, instrument, symbol string) (accord.Decision, error) {
	key := symbolKey(symbol)
	if key == "" {
		return accord.Decision{}, fmt.Errorf("decision: %w: empty symbol", accord.ErrInvalid)
	}
	query := `SELECT id, instrument FROM decisions WHERE symbol_key = ? AND symbol_key <> ''`
	args := []any{key}
	if instrument != "" {
		query += ` AND instrument = ?`
		args = append(args, instrument)
	}
	rows, err := s.read.QueryContext(ctx, s.q(query+` ORDER BY instrument LIMIT 10`), args...)
	if err != nil {
		return accord.Decision{}, err
	}
	defer rows.Close()
	var ids []int64
	var insts []string
	for rows.Next() {
		var id int64
		var inst string
		if err := rows.Scan(&id, &inst); err != nil {
			return accord.Decision{}, err
		}
		ids, insts = append(ids, id), append(insts, inst)
	}
	if err := rows.Err(); err != nil {
		return accord.Decision{}, err
	}
	switch len(ids) {
	case 0:
		return accord.Decision{}, fmt.Errorf("decision %s: %w", symbol, accord.ErrNotFound)
	case 1:
		return s.DecisionByID(ctx, ids[0])
	}
	return accord.Decision{}, fmt.Errorf("decision %s: %w: it is in %s; name the instrument", symbol, accord.ErrConflict, strings.Join(insts, ", "))
}

// DecisionByID returns the decision with the given id.
func (s *Store) DecisionByID(ctx context.Context, id int64) (accord.Decision, error) {
	var (
		body string
		d    accord.Decision
	)
	err := s.read.QueryRowContext(ctx, s.q(`SELECT body, updated_at FROM decisions WHERE id = ?`), id).Scan(&body, timeValue{&d.Updated})
	if errors.Is(err, sql.ErrNoRows) {
		return accord.Decision{}, fmt.Errorf("decision %d: %w", id, accord.ErrNotFound)
	}
	if err != nil {
		return accord.Decision{}, err
	}
	updated := d.Updated
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		return accord.Decision{}, fmt.Errorf("decision %d: stored body: %w", id, err)
	}
	d.ID, d.Updated = id, updated
	d.Corrections, err = s.corrections(ctx, "decision_corrections", "decision_id", id)
	return d, err
}

// Decisions lists decisions without their text: symbol, title,
// instrument, meeting, year, kind and source only. As the board does (see
// Mandates), a page is found in two steps: the ids of its decisions, by
// one walk of the decisions_board index, which holds what the filters
// read (on SQLite, a text is looked up in the words index once, and each
// decision the walk passes in what it found); then their rows.
func (s *Store) Decisions(ctx context.Context, f accord.DecisionFilter) ([]accord.Decision, error) {
	query, args := s.decisionIDs(f)
	ids, err := s.walkIDs(ctx, query, args, f.Limit, f.Offset, decisionWalk(f))
	if err != nil {
		return nil, err
	}
	return rowsByID(ctx, s, ids, `SELECT `+decisionListColumns+` FROM decisions d JOIN sources src ON src.id = d.source_id WHERE d.id IN `,
		scanListedDecision, func(d accord.Decision) int64 { return d.ID })
}

// decisionIDs is the query of the ids of the decisions f keeps, in its
// order, with its arguments.
func (s *Store) decisionIDs(f accord.DecisionFilter) (string, []any) {
	query := `SELECT d.id FROM decisions d`
	if s.dialect.name == "sqlite" && decisionWalk(f) {
		// The list order's index, which holds what the filters read,
		// is walked even when a text is given: SQLite would rather read
		// the decisions the words index finds and sort them, which
		// costs as many reads of the decisions table as there are
		// (tens of thousands for a word of every title). PostgreSQL is
		// told so by walkIDs.
		query += ` INDEXED BY decisions_board`
	}
	query += ` WHERE 1 = 1`
	var args []any
	if f.Instrument != "" {
		query += ` AND d.instrument = ?`
		args = append(args, accord.InstrumentID(f.Instrument))
	}
	if f.Meeting != "" {
		query += ` AND ` + s.filterOnly(`d.meeting`) + ` = ?`
		args = append(args, f.Meeting)
	}
	if f.Year != 0 {
		query += ` AND d.year = ?`
		args = append(args, f.Year)
	}
	if f.Kind != "" {
		query += ` AND d.kind = ?`
		args = append(args, string(f.Kind))
	}
	if words := textWords(f.Text); len(words) > 0 {
		cond, arg := s.wordsMatch(words)
		query += ` AND ` + cond
		args = append(args, arg)
	}
	if f.After > 0 {
		query += ` AND d.id > ?`
		args = append(args, f.After)
	}
	switch {
	case f.Newest:
		query += ` ORDER BY d.id DESC`
	case f.ByID || f.After > 0:
		query += ` ORDER BY d.id`
	default:
		query += ` ORDER BY d.instrument, d.meeting, d.source_id, d.ordinal, d.id` // the decisions_board index
	}
	return query, args
}

// decisionWalk says whether a page of the decisions f keeps is found by
// one walk of the decisions_board index (walkIDs): in list order, not by
// id.
func decisionWalk(f accord.DecisionFilter) bool {
	return !f.Newest && !f.ByID && f.After == 0
}

// decisionListColumns are what lists of decisions read of each, and
// scanListedDecision reads them.
const decisionListColumns = `d.id, d.instrument, d.symbol, d.meeting, d.year, d.title, d.kind, d.updated_at, src.name, src.sha256, src.format`

func scanListedDecision(rows *sql.Rows) (accord.Decision, error) {
	var d accord.Decision
	var kind string
	err := rows.Scan(&d.ID, &d.Instrument, &d.Symbol, &d.Meeting, &d.Year, &d.Title, &kind, timeValue{&d.Updated},
		&d.Source.Name, &d.Source.SHA256, &d.Source.Format)
	d.Kind = accord.Kind(kind)
	return d, err
}

// textWords reads the text filter of the decisions list: each word
// people typed as its runs of letters and digits in lower case ("MC-6/3"
// is mc, 6, 3), the way the words index cuts symbols and titles; a word
// of neither is left out.
func textWords(text string) [][]string {
	var out [][]string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		runs := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(runs) > 0 {
			out = append(out, runs)
		}
	}
	return out
}

// wordsMatch is the condition on decisions d that their symbol or title
// holds each of words: its runs one after the other, the last at least
// the beginning of a word ("mc-6" finds MC-6/3 and MC-60/1, "coop"
// cooperation), by the words index of migration 018; on PostgreSQL, by
// the words column of migration 023, which the list's walk reads from
// its index.
func (s *Store) wordsMatch(words [][]string) (string, any) {
	var q []string
	if s.dialect.name == "postgres" {
		for _, runs := range words {
			q = append(q, strings.Join(runs, " <-> ")+":*")
		}
		return `d.words @@ to_tsquery('simple', ?)`, strings.Join(q, " & ")
	}
	for _, runs := range words {
		q = append(q, `"`+strings.Join(runs, " ")+`" *`)
	}
	return `d.id IN (SELECT rowid FROM decisions_words WHERE decisions_words MATCH ?)`, strings.Join(q, " AND ")
}

// isUniqueViolation reports whether err is a unique-constraint violation
// of either database.
func isUniqueViolation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505")
}

// Stats counts decisions, mandates, and decisions by instrument. Every
// list's page shows the instruments: the counts are kept from one write
// to the next (listCache), and the instruments' names are installed
// again when another server changed them.
func (s *Store) Stats(ctx context.Context) (accord.Stats, error) {
	if err := s.refreshInstruments(ctx); err != nil {
		return accord.Stats{}, err
	}
	st, err := cached(ctx, s, "stats", s.readStats)
	st.Instruments = slices.Clone(st.Instruments)
	return st, err
}

func (s *Store) readStats(ctx context.Context) (accord.Stats, error) {
	var st accord.Stats
	if err := s.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM decisions), (SELECT count(*) FROM mandates)`).Scan(&st.Decisions, &st.Mandates); err != nil {
		return st, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT instrument, count(*) FROM decisions WHERE instrument <> '' GROUP BY instrument ORDER BY 2 DESC, 1`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var c accord.FacetCount
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return st, err
		}
		st.Instruments = append(st.Instruments, c)
	}
	return st, rows.Err()
}
