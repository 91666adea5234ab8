package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

// documentColumns are the columns scanDocument reads.
const documentColumns = `id, symbol, symbol_key, title, instrument, meeting, agenda_item, issued, languages, url, created_at, updated_at, updated_by`

func scanDocument(sc interface{ Scan(...any) error }) (accord.Document, error) {
	var d accord.Document
	var langs string
	err := sc.Scan(&d.ID, &d.Symbol, &d.Key, &d.Title, &d.Instrument, &d.Meeting, &d.AgendaItem, &d.Date, &langs, &d.URL,
		timeValue{&d.Created}, timeValue{&d.Updated}, &d.UpdatedBy)
	if langs != "" {
		d.Languages = strings.Split(langs, ",")
	}
	return d, err
}

// sameDocument reports whether a and b hold the same fields people give.
func sameDocument(a, b accord.Document) bool {
	return a.Symbol == b.Symbol && a.Title == b.Title && a.Instrument == b.Instrument && a.Meeting == b.Meeting &&
		a.AgendaItem == b.AgendaItem && a.Date == b.Date && slices.Equal(a.Languages, b.Languages) && a.URL == b.URL
}

// documentJSON is a document record as the audit log keeps it: the
// fields people give, without the store's times.
func documentJSON(d accord.Document) string {
	d.Created, d.Updated, d.UpdatedBy = time.Time{}, time.Time{}, ""
	b, _ := json.Marshal(d)
	return string(b)
}

// mayEditDocument checks that account by, when set, may verb (add,
// change, delete) a document of instrument inst.
func mayEditDocument(by *accord.User, verb, inst, symbol string) error {
	if by == nil || by.CanEdit(inst) {
		return nil
	}
	return fmt.Errorf("%w: %s may not %s document %s: it is of %s", accord.ErrForbidden, by.Name, verb, symbol, orNone(inst))
}

// PutDocuments adds or changes document records in one transaction, by
// the key of their symbols.
func (s *Store) PutDocuments(ctx context.Context, docs []accord.Document, e accord.DocumentEdit) ([]accord.Document, accord.ImportCounts, error) {
	seen := map[string]int{}
	keys := make([]string, 0, len(docs))
	for i := range docs {
		d := &docs[i]
		d.Languages = slices.Clone(d.Languages)
		if err := d.Check(); err != nil {
			return nil, accord.ImportCounts{}, fmt.Errorf("document %d (%s): %w", i+1, d.Symbol, err)
		}
		if j, ok := seen[d.Key]; ok {
			return nil, accord.ImportCounts{}, fmt.Errorf("document %d (%s): %w: the same document as document %d (%s)", i+1, d.Symbol, accord.ErrInvalid, j+1, docs[j].Symbol)
		}
		seen[d.Key] = i
		keys = append(keys, "document\x00"+d.Key)
	}
	who := e.Who
	if who == "" && e.By != nil {
		who = e.By.Name
	}
	if who == "" {
		who = "unknown"
	}
	var (
		stored []accord.Document
		n      accord.ImportCounts
	)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stored, n = nil, accord.ImportCounts{}
		if err := s.lockKeys(ctx, tx, keys...); err != nil {
			return err
		}
		now := s.dialect.now()
		for _, d := range docs {
			old, err := scanDocument(tx.QueryRowContext(ctx, s.q(`SELECT `+documentColumns+` FROM documents WHERE symbol_key = ?`+s.dialect.lockSuffix), d.Key))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if err := mayEditDocument(e.By, "add", d.Instrument, d.Symbol); err != nil {
					return err
				}
				err := tx.QueryRowContext(ctx, s.q(`INSERT INTO documents (symbol, symbol_key, title, instrument, meeting, agenda_item, issued, languages, url, created_at, updated_at, updated_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
					d.Symbol, d.Key, d.Title, d.Instrument, d.Meeting, d.AgendaItem, d.Date, strings.Join(d.Languages, ","), d.URL, now, now, who).Scan(&d.ID)
				if err != nil {
					return err
				}
				if err := s.audit(ctx, tx, who, "add document", "document "+strconv.FormatInt(d.ID, 10), "", documentJSON(d)); err != nil {
					return err
				}
				n.Added++
			case err != nil:
				return err
			case sameDocument(old, d):
				stored = append(stored, old)
				n.Unchanged++
				continue
			default:
				if err := mayEditDocument(e.By, "change", old.Instrument, old.Symbol); err != nil {
					return err
				}
				if err := mayEditDocument(e.By, "change", d.Instrument, d.Symbol); err != nil {
					return err
				}
				d.ID = old.ID
				_, err := tx.ExecContext(ctx, s.q(`UPDATE documents SET symbol = ?, title = ?, instrument = ?, meeting = ?, agenda_item = ?, issued = ?, languages = ?, url = ?,
					updated_at = ?, updated_by = ? WHERE id = ?`),
					d.Symbol, d.Title, d.Instrument, d.Meeting, d.AgendaItem, d.Date, strings.Join(d.Languages, ","), d.URL, now, who, d.ID)
				if err != nil {
					return err
				}
				if err := s.audit(ctx, tx, who, "update document", "document "+strconv.FormatInt(d.ID, 10), documentJSON(old), documentJSON(d)); err != nil {
					return err
				}
				n.Updated++
			}
			got, err := scanDocument(tx.QueryRowContext(ctx, s.q(`SELECT `+documentColumns+` FROM documents WHERE id = ?`), d.ID))
			if err != nil {
				return err
			}
			stored = append(stored, got)
		}
		return nil
	})
	if err != nil {
		if isUniqueViolation(err) {
			err = fmt.Errorf("%w: %v", accord.ErrConflict, err)
		}
		return nil, accord.ImportCounts{}, fmt.Errorf("store documents: %w", err)
	}
	return stored, n, nil
}

// DeleteDocument deletes a document record, its content kept in the audit
// log.
func (s *Store) DeleteDocument(ctx context.Context, id int64, e accord.DocumentEdit) error {
	who := e.Who
	if who == "" && e.By != nil {
		who = e.By.Name
	}
	if who == "" {
		who = "unknown"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := scanDocument(tx.QueryRowContext(ctx, s.q(`SELECT `+documentColumns+` FROM documents WHERE id = ?`+s.dialect.lockSuffix), id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("document %d: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := mayEditDocument(e.By, "delete", d.Instrument, d.Symbol); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM documents WHERE id = ?`), id); err != nil {
			return err
		}
		return s.audit(ctx, tx, who, "delete document", "document "+strconv.FormatInt(id, 10), documentJSON(d), "")
	})
	if err != nil {
		return fmt.Errorf("delete document %d: %w", id, err)
	}
	return nil
}

// Document returns the record of the document whose symbol has the key
// of symbol.
func (s *Store) Document(ctx context.Context, symbol string) (accord.Document, error) {
	key := accord.SymbolKey(symbol)
	if key == "" {
		return accord.Document{}, fmt.Errorf("document: %w: empty symbol", accord.ErrInvalid)
	}
	d, err := scanDocument(s.read.QueryRowContext(ctx, s.q(`SELECT `+documentColumns+` FROM documents WHERE symbol_key = ?`), key))
	if errors.Is(err, sql.ErrNoRows) {
		return accord.Document{}, fmt.Errorf("document %s: %w", symbol, accord.ErrNotFound)
	}
	return d, err
}

// DocumentByID returns the document record with the given id.
func (s *Store) DocumentByID(ctx context.Context, id int64) (accord.Document, error) {
	d, err := scanDocument(s.read.QueryRowContext(ctx, s.q(`SELECT `+documentColumns+` FROM documents WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return accord.Document{}, fmt.Errorf("document %d: %w", id, accord.ErrNotFound)
	}
	return d, err
}

// Documents lists document records by symbol key, or by id after f.After.
func (s *Store) Documents(ctx context.Context, f accord.DocumentFilter) ([]accord.Document, error) {
	query := `SELECT ` + documentColumns + ` FROM documents WHERE 1 = 1`
	var args []any
	if f.Instrument != "" {
		query += ` AND instrument = ?`
		args = append(args, accord.InstrumentID(f.Instrument))
	}
	if f.Meeting != "" {
		query += ` AND meeting = ?`
		args = append(args, f.Meeting)
	}
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		query += ` AND (lower(symbol) LIKE ? OR lower(title) LIKE ?)`
		pat := "%" + likeEscape(w) + "%"
		args = append(args, pat, pat)
	}
	if f.After > 0 {
		query += ` AND id > ?`
		args = append(args, f.After)
	}
	if f.ByID || f.After > 0 {
		query += ` ORDER BY id`
	} else {
		query += ` ORDER BY symbol_key`
	}
	return listFrom(ctx, s, query, args, f.Limit, f.Offset, func(rows *sql.Rows) (accord.Document, error) {
		return scanDocument(rows)
	})
}

// CitedBy lists the decisions citing a document, by the key of its
// symbol, or a decision, by its id: one read of the index of the keys
// ingest stores with each citation.
func (s *Store) CitedBy(ctx context.Context, kind accord.CitationKind, target string, limit int) ([]accord.Citation, error) {
	const cols = `SELECT d.id, d.symbol, d.title, d.instrument, d.meeting, d.year, d.kind, `
	const order = ` ORDER BY d.instrument, d.meeting, d.symbol_key, d.id, r.seq`
	var (
		query string
		args  []any
	)
	switch kind {
	case accord.CitesDocument:
		key := accord.SymbolKey(target)
		if key == "" {
			return nil, fmt.Errorf("cited by: %w: empty symbol", accord.ErrInvalid)
		}
		query = cols + `r.symbol, '' FROM document_refs r JOIN decisions d ON d.id = r.decision_id WHERE r.symbol_key = ?` + order
		args = []any{key}
	case accord.CitesDecision:
		id, err := strconv.ParseInt(target, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("cited by: %w: decision id %q is not a number", accord.ErrInvalid, target)
		}
		var inst, key string
		err = s.read.QueryRowContext(ctx, s.q(`SELECT instrument, symbol_key FROM decisions WHERE id = ?`), id).Scan(&inst, &key)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("decision %d: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return nil, err
		}
		if key == "" {
			return nil, nil // a decision without a symbol is cited by none
		}
		query = cols + `r.cited, r.instrument FROM decision_refs r JOIN decisions d ON d.id = r.decision_id
			WHERE r.cited_key = ? AND (r.instrument = ? OR r.instrument = '') AND r.decision_id <> ?` + order
		args = []any{key, inst, id}
	default:
		return nil, fmt.Errorf("cited by: %w: kind %q is neither document nor decision", accord.ErrInvalid, kind)
	}
	seen := map[int64]bool{}
	cs, err := list(ctx, s, query, args, 0, func(rows *sql.Rows) (accord.Citation, error) {
		c := accord.Citation{Kind: kind}
		var dk string
		err := rows.Scan(&c.By.ID, &c.By.Symbol, &c.By.Title, &c.By.Instrument, &c.By.Meeting, &c.By.Year, &dk, &c.Cited, &c.Instrument)
		c.By.Kind = accord.Kind(dk)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("cited by %s %s: %w", kind, target, err)
	}
	// A decision citing one document in two spellings cites it once.
	out := cs[:0]
	for _, c := range cs {
		if !seen[c.By.ID] && (limit <= 0 || len(out) < limit) {
			seen[c.By.ID] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// backfillCitationKeys gives the citations of the decisions stored before
// migration 20 the keys of what they cite.
func (s *Store) backfillCitationKeys(ctx context.Context, tx *sql.Tx) error {
	for _, t := range []struct {
		table, from, to string
		key             func(string) string
	}{
		{"document_refs", "symbol", "symbol_key", accord.SymbolKey},
		{"decision_refs", "cited", "cited_key", symbolKey},
	} {
		rows, err := tx.QueryContext(ctx, `SELECT decision_id, seq, `+t.from+` FROM `+t.table)
		if err != nil {
			return err
		}
		type ref struct {
			id    int64
			seq   int
			cited string
		}
		var refs []ref
		for rows.Next() {
			var r ref
			if err := rows.Scan(&r.id, &r.seq, &r.cited); err != nil {
				rows.Close()
				return err
			}
			refs = append(refs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range refs {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE `+t.table+` SET `+t.to+` = ? WHERE decision_id = ? AND seq = ?`), t.key(r.cited), r.id, r.seq); err != nil {
				return err
			}
		}
	}
	return nil
}
