package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// fieldValue is one corrected field: its name and its value as JSON.
type fieldValue struct{ field, value string }

// decisionField returns the value of field f of d, as JSON and as people
// read it.
func decisionField(d *accord.Decision, f string) (value, shown string) {
	var v any
	switch f {
	case "symbol":
		v, shown = d.Symbol, d.Symbol
	case "title":
		v, shown = d.Title, d.Title
	case "kind":
		v, shown = string(d.Kind), string(d.Kind)
	case "instrument":
		v, shown = d.Instrument, d.Instrument
	case "meeting":
		v, shown = d.Meeting, d.Meeting
	case "year":
		v = d.Year
		if d.Year != 0 {
			shown = strconv.Itoa(d.Year)
		}
	case "url":
		v, shown = d.URL, d.URL
	}
	b, _ := json.Marshal(v)
	return string(b), shown
}

// setDecisionField sets field f of d to the JSON value.
func setDecisionField(d *accord.Decision, f, value string) error {
	var dst any
	switch f {
	case "symbol":
		dst = &d.Symbol
	case "title":
		dst = &d.Title
	case "kind":
		dst = &d.Kind
	case "instrument":
		dst = &d.Instrument
	case "meeting":
		dst = &d.Meeting
	case "year":
		dst = &d.Year
	case "url":
		dst = &d.URL
	default:
		return fmt.Errorf("unknown field %q", f)
	}
	return json.Unmarshal([]byte(value), dst)
}

var (
	instrumentRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
	wordRE       = regexp.MustCompile(`^[a-z][a-z-]{0,39}$`)
	dateRE       = regexp.MustCompile(`^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$`)
)

// checkText refuses text that is not one line of valid UTF-8 of at most
// max characters; empty text only when empty is true.
func checkText(name, s string, max int, empty bool) error {
	switch {
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: %s is not valid UTF-8", accord.ErrInvalid, name)
	case !empty && strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: %s is empty", accord.ErrInvalid, name)
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("%w: %s is %d characters, over the limit of %d", accord.ErrInvalid, name, utf8.RuneCountInString(s), max)
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: %s holds a control character (a line break?)", accord.ErrInvalid, name)
	}
	return nil
}

// checkDecisionCorrection refuses values a decision may not take.
func checkDecisionCorrection(c accord.DecisionCorrection) error {
	if c.Symbol == nil && c.Title == nil && c.Kind == nil && c.Instrument == nil && c.Meeting == nil && c.Year == nil && c.URL == nil {
		return fmt.Errorf("%w: nothing to correct: give a symbol, title, kind, instrument, meeting, year or url", accord.ErrInvalid)
	}
	for _, t := range []struct {
		name  string
		v     *string
		max   int
		empty bool
	}{{"symbol", c.Symbol, 100, true}, {"title", c.Title, 1000, true}, {"meeting", c.Meeting, 100, true}, {"url", c.URL, 2000, true}} {
		if t.v != nil {
			if err := checkText(t.name, *t.v, t.max, t.empty); err != nil {
				return err
			}
		}
	}
	if c.Kind != nil {
		switch *c.Kind {
		case accord.KindDecision, accord.KindResolution, accord.KindRecommendation, accord.KindDraft:
		default:
			return fmt.Errorf("%w: kind %q: want decision, resolution, recommendation or draft", accord.ErrInvalid, *c.Kind)
		}
	}
	if c.Instrument != nil && *c.Instrument != "" && !instrumentRE.MatchString(*c.Instrument) {
		return fmt.Errorf("%w: instrument %q: want its short name in lower case, such as minamata or unfccc", accord.ErrInvalid, *c.Instrument)
	}
	if c.Year != nil && *c.Year != 0 && (*c.Year < 1900 || *c.Year > 2200) {
		return fmt.Errorf("%w: year %d: want a year of adoption from 1900 to 2200, or 0 for unknown", accord.ErrInvalid, *c.Year)
	}
	if c.URL != nil && *c.URL != "" {
		if u, err := url.Parse(*c.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%w: url %q: want an http or https address", accord.ErrInvalid, *c.URL)
		}
	}
	return nil
}

// CorrectDecision changes a decision's fields and records each as a
// correction, applied again over what every later ingest of its file
// parses.
func (s *Store) CorrectDecision(ctx context.Context, id int64, c accord.DecisionCorrection) (accord.Decision, error) {
	if err := checkDecisionCorrection(c); err != nil {
		return accord.Decision{}, fmt.Errorf("correct decision %d: %w", id, err)
	}
	if c.By != nil && c.Who == "" {
		c.Who = c.By.Name
	}
	if c.Who == "" {
		c.Who = "unknown"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The key of the symbol the decision will have is locked before
		// its row, in the order ingest takes them.
		var inst, symbol string
		err := tx.QueryRowContext(ctx, s.q(`SELECT instrument, symbol FROM decisions WHERE id = ?`), id).Scan(&inst, &symbol)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("decision %d: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if c.Instrument != nil {
			inst = strings.TrimSpace(*c.Instrument)
		}
		if c.Symbol != nil {
			symbol = *c.Symbol
		}
		if key := symbolKey(symbol); key != "" {
			if err := s.lockKeys(ctx, tx, "decision\x00"+inst+"\x00"+key); err != nil {
				return err
			}
		}
		var body string
		err = tx.QueryRowContext(ctx, s.q(`SELECT body FROM decisions WHERE id = ?`+s.dialect.lockSuffix), id).Scan(&body)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("decision %d: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		var d accord.Decision
		if err := json.Unmarshal([]byte(body), &d); err != nil {
			return fmt.Errorf("decision %d: stored body: %w", id, err)
		}
		if err := mayEdit(c.By, "correct", d.Instrument, d.Symbol); err != nil {
			return err
		}
		was := d
		for f, v := range map[string]any{"symbol": c.Symbol, "title": c.Title, "kind": c.Kind, "instrument": c.Instrument,
			"meeting": c.Meeting, "year": c.Year, "url": c.URL} {
			switch v := v.(type) {
			case *string:
				if v != nil {
					b, _ := json.Marshal(strings.TrimSpace(*v))
					setDecisionField(&d, f, string(b))
				}
			case *accord.Kind:
				if v != nil {
					d.Kind = *v
				}
			case *int:
				if v != nil {
					d.Year = *v
				}
			}
		}
		if d.Instrument != was.Instrument {
			if err := mayEdit(c.By, "move", d.Instrument, d.Symbol); err != nil {
				return err
			}
		}
		before, after := map[string]string{}, map[string]string{}
		now := s.dialect.now()
		for _, f := range accord.DecisionFields {
			oldValue, oldShown := decisionField(&was, f)
			value, shown := decisionField(&d, f)
			if value == oldValue {
				continue
			}
			before[f], after[f] = oldShown, shown
			// The first correction of a field remembers what the
			// parser read; later ones keep it.
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO decision_corrections (decision_id, field, value, shown, parsed, who, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (decision_id, field) DO UPDATE SET value = excluded.value, shown = excluded.shown, who = excluded.who, at = excluded.at`),
				id, f, value, shown, oldShown, c.Who, now)
			if err != nil {
				return err
			}
		}
		if len(after) == 0 {
			return fmt.Errorf("%w: nothing to correct: the decision has these values already", accord.ErrInvalid)
		}
		if key := symbolKey(d.Symbol); key != "" {
			var other int64
			err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE instrument = ? AND symbol_key = ? AND symbol_key <> '' AND id <> ?`),
				d.Instrument, key, id).Scan(&other)
			if err == nil {
				return fmt.Errorf("%w: decision %d is stored as %s of %s already", accord.ErrConflict, other, d.Symbol, orNone(d.Instrument))
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if err := s.writeDecisionFields(ctx, tx, id, &d); err != nil {
			return err
		}
		if d.Instrument != was.Instrument || d.Meeting != was.Meeting || d.Year != was.Year {
			if err := s.refreshFacets(ctx, tx, s.facetSetIDs(tx), id); err != nil {
				return err
			}
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		return s.audit(ctx, tx, c.Who, "correct decision", fmt.Sprintf("decision %d", id), string(b), string(a))
	})
	if err != nil {
		if isUniqueViolation(err) {
			err = fmt.Errorf("%w: %v", accord.ErrConflict, err)
		}
		return accord.Decision{}, fmt.Errorf("correct decision %d: %w", id, err)
	}
	return s.DecisionByID(ctx, id)
}

func orNone(inst string) string {
	if inst == "" {
		return "no named instrument"
	}
	return inst
}

// writeDecisionFields writes the fields people correct, in the columns
// and the stored body.
func (s *Store) writeDecisionFields(ctx context.Context, tx *sql.Tx, id int64, d *accord.Decision) error {
	d.Corrections = nil
	body, err := json.Marshal(d)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE decisions SET instrument = ?, symbol = ?, symbol_key = ?, meeting = ?, year = ?, title = ?, kind = ?,
		body = ?, updated_at = ? WHERE id = ?`),
		d.Instrument, d.Symbol, symbolKey(d.Symbol), d.Meeting, d.Year, d.Title, string(d.Kind), string(body), s.dialect.now(), id)
	return err
}

// applyDecisionCorrections sets on d, as parsed, the fields people
// corrected of the stored decision id.
func (s *Store) applyDecisionCorrections(ctx context.Context, tx *sql.Tx, id int64, d *accord.Decision) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT field, value FROM decision_corrections WHERE decision_id = ?`), id)
	if err != nil {
		return err
	}
	var fs []fieldValue
	for rows.Next() {
		var f fieldValue
		if err := rows.Scan(&f.field, &f.value); err != nil {
			rows.Close()
			return err
		}
		fs = append(fs, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range fs {
		if err := setDecisionField(d, f.field, f.value); err != nil {
			return fmt.Errorf("decision %d: correction of %s: %w", id, f.field, err)
		}
	}
	return nil
}

// corrections reads the corrections of one decision or mandate.
func (s *Store) corrections(ctx context.Context, table, column string, id int64) ([]accord.Correction, error) {
	rows, err := s.read.QueryContext(ctx, s.q(`SELECT field, shown, parsed, who, at FROM `+table+` WHERE `+column+` = ? ORDER BY field`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []accord.Correction
	for rows.Next() {
		var c accord.Correction
		if err := rows.Scan(&c.Field, &c.Value, &c.Parsed, &c.Who, timeValue{&c.At}); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// DecisionsByContent lists the decisions of instrument whose parsed
// content has hash h: those an ingest of it would update (sameContent).
func (s *Store) DecisionsByContent(ctx context.Context, instrument, h string) ([]accord.Decision, error) {
	if h == "" {
		return nil, nil
	}
	return list(ctx, s, `SELECT `+decisionListColumns+` FROM decisions d JOIN sources src ON src.id = d.source_id `+sameContent+` ORDER BY d.id`,
		[]any{h, instrument, instrument}, 10, scanListedDecision)
}

// mandateField returns the value of field f of m, as JSON and as people
// read it.
func mandateField(m *accord.Mandate, f string) (value, shown string) {
	var v any
	switch f {
	case "addressees":
		v, shown = m.Addressees, m.AskedOf()
		if m.Addressees == nil {
			v = []accord.Addressee{}
		}
	case "action":
		v, shown = m.Action, m.Action
	case "deliverable":
		v, shown = m.Deliverable, m.Deliverable
	case "deadline":
		v, shown = m.Deadline, m.Due()
		if m.Deadline != nil {
			shown = m.Deadline.Text
			var res []string
			for _, r := range []string{m.Deadline.Meeting, m.Deadline.Date} {
				if r != "" {
					res = append(res, r)
				}
			}
			if len(res) > 0 {
				shown = strings.TrimSpace(shown + " (" + strings.Join(res, ", ") + ")")
			}
		}
	}
	b, _ := json.Marshal(v)
	return string(b), shown
}

// setMandateField sets field f of m to the JSON value.
func setMandateField(m *accord.Mandate, f, value string) error {
	switch f {
	case "addressees":
		m.Addressees = nil
		return json.Unmarshal([]byte(value), &m.Addressees)
	case "action":
		return json.Unmarshal([]byte(value), &m.Action)
	case "deliverable":
		return json.Unmarshal([]byte(value), &m.Deliverable)
	case "deadline":
		m.Deadline = nil
		return json.Unmarshal([]byte(value), &m.Deadline)
	}
	return fmt.Errorf("unknown field %q", f)
}

// checkMandateCorrection refuses values a mandate may not take.
func checkMandateCorrection(c *accord.MandateCorrection) error {
	if c.Addressees == nil && c.Action == nil && c.Deadline == nil && c.Deliverable == nil {
		return fmt.Errorf("%w: nothing to correct: give addressees, an action, a deadline or a deliverable", accord.ErrInvalid)
	}
	if c.Addressees != nil {
		if len(*c.Addressees) == 0 {
			return fmt.Errorf("%w: addressees: name at least one", accord.ErrInvalid)
		}
		if len(*c.Addressees) > 50 {
			return fmt.Errorf("%w: addressees: %d, over the limit of 50", accord.ErrInvalid, len(*c.Addressees))
		}
		for i, a := range *c.Addressees {
			if err := checkText(fmt.Sprintf("addressee %d", i+1), a.Text, 500, false); err != nil {
				return err
			}
			if a.Actor == "" {
				return fmt.Errorf("%w: addressee %q names no actor", accord.ErrInvalid, a.Text)
			}
		}
	}
	if c.Action != nil {
		if err := checkText("action", *c.Action, 5000, false); err != nil {
			return err
		}
	}
	if c.Deliverable != nil && !wordRE.MatchString(*c.Deliverable) {
		return fmt.Errorf("%w: deliverable %q: want one word in lower case, such as report, study or meeting", accord.ErrInvalid, *c.Deliverable)
	}
	if d := c.Deadline; d != nil {
		if err := checkText("deadline", d.Text, 500, true); err != nil {
			return err
		}
		if err := checkText("due meeting", d.Meeting, 100, true); err != nil {
			return err
		}
		if d.Date != "" && !dateRE.MatchString(d.Date) {
			return fmt.Errorf("%w: due date %q: want YYYY, YYYY-MM or YYYY-MM-DD", accord.ErrInvalid, d.Date)
		}
		if d.Text == "" && (d.Meeting != "" || d.Date != "") {
			return fmt.Errorf("%w: deadline: give its words as well as its meeting or date", accord.ErrInvalid)
		}
	}
	return nil
}

// CorrectMandate changes what was extracted of a mandate, records each
// field as a correction applied again over every later ingest, records
// the changes in the mandate's history and marks it checked by c.Who.
func (s *Store) CorrectMandate(ctx context.Context, id int64, c accord.MandateCorrection) (accord.Mandate, error) {
	if err := checkMandateCorrection(&c); err != nil {
		return accord.Mandate{}, fmt.Errorf("correct mandate %d: %w", id, err)
	}
	if c.Who == "" {
		c.Who = "unknown"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		decisionID, err := s.lockMandateDecision(ctx, tx, id)
		if err != nil {
			return err
		}
		m, err := scanMandate(tx.QueryRowContext(ctx, s.q(`SELECT `+mandateColumns+` FROM mandates m JOIN decisions d ON d.id = m.decision_id WHERE m.id = ?`+s.dialect.lockSuffix), id))
		if err != nil {
			return err
		}
		was := m
		if c.Addressees != nil {
			m.Addressees = *c.Addressees
		}
		if c.Action != nil {
			m.Action = strings.TrimSpace(*c.Action)
		}
		if c.Deliverable != nil {
			m.Deliverable = *c.Deliverable
		}
		if c.Deadline != nil {
			m.Deadline = c.Deadline
			if *c.Deadline == (accord.Deadline{}) {
				m.Deadline = nil
			}
		}
		now := s.dialect.now()
		before, after := map[string]string{}, map[string]string{}
		for _, f := range accord.MandateFields {
			oldValue, oldShown := mandateField(&was, f)
			value, shown := mandateField(&m, f)
			if value == oldValue {
				continue
			}
			before[f], after[f] = oldShown, shown
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_corrections (mandate_id, field, value, shown, parsed, who, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (mandate_id, field) DO UPDATE SET value = excluded.value, shown = excluded.shown, who = excluded.who, at = excluded.at`),
				id, f, value, shown, oldShown, c.Who, now)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_history (mandate_id, at, who, field, old_value, new_value, why) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				id, now, c.Who, f, oldShown, shown, c.Why); err != nil {
				return err
			}
		}
		if len(after) == 0 {
			return fmt.Errorf("%w: nothing to correct: the mandate has these values already", accord.ErrInvalid)
		}
		if err := s.applyMandateCorrections(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE mandates SET checked_by = ?, checked_at = ?, updated_at = ? WHERE id = ?`), c.Who, now, now, id); err != nil {
			return err
		}
		if c.Addressees != nil {
			if err := s.refreshFacets(ctx, tx, s.facetSetIDs(tx), decisionID); err != nil {
				return err
			}
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		return s.audit(ctx, tx, c.Who, "correct mandate", fmt.Sprintf("mandate %d", id), string(b), string(a))
	})
	if err != nil {
		return accord.Mandate{}, fmt.Errorf("correct mandate %d: %w", id, err)
	}
	return s.Mandate(ctx, id)
}

// applyMandateCorrections writes over mandate id the fields people
// corrected of it: after a correction, and after a re-ingest wrote what
// the parser read.
func (s *Store) applyMandateCorrections(ctx context.Context, tx *sql.Tx, id int64) error {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT field, value FROM mandate_corrections WHERE mandate_id = ?`), id)
	if err != nil {
		return err
	}
	var fs []fieldValue
	for rows.Next() {
		var f fieldValue
		if err := rows.Scan(&f.field, &f.value); err != nil {
			rows.Close()
			return err
		}
		fs = append(fs, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(fs) == 0 {
		return err
	}
	m, err := scanMandate(tx.QueryRowContext(ctx, s.q(`SELECT `+mandateColumns+` FROM mandates m JOIN decisions d ON d.id = m.decision_id WHERE m.id = ?`), id))
	if err != nil {
		return err
	}
	actors := false
	for _, f := range fs {
		if err := setMandateField(&m, f.field, f.value); err != nil {
			return fmt.Errorf("mandate %d: correction of %s: %w", id, f.field, err)
		}
		actors = actors || f.field == "addressees"
	}
	addr, _ := json.Marshal(m.Addressees)
	if m.Addressees == nil {
		addr = []byte("[]")
	}
	dl, due, date := deadlineFields(m.Deadline)
	ids, asked, first := askedColumns(m.Addressees)
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE mandates SET action = ?, deliverable = ?, deadline = ?, due_meeting = ?, due_date = ?,
		addressees = ?, mentions = ?, actors = ?, asked = ?, asked_first = ? WHERE id = ?`),
		m.Action, m.Deliverable, dl, due, date, string(addr), mentions(m), ids, asked, first, id); err != nil {
		return err
	}
	if !actors {
		return nil
	}
	return s.insertActors(ctx, tx, id, m.Addressees)
}

// correctedMandates returns the mandates of a decision people corrected.
func (s *Store) correctedMandates(ctx context.Context, tx *sql.Tx, decisionID int64) (map[int64]bool, error) {
	ids, err := queryIDs(ctx, tx, s.q(`SELECT DISTINCT c.mandate_id FROM mandate_corrections c JOIN mandates m ON m.id = c.mandate_id WHERE m.decision_id = ?`), decisionID)
	if err != nil {
		return nil, err
	}
	set := make(map[int64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, nil
}

// backfillContentHashes gives the decisions stored before content hashes
// existed theirs, from their stored bodies (as parsed: no correction was
// made before them), so that a file stored before is found by its
// content too.
func (s *Store) backfillContentHashes(ctx context.Context, tx *sql.Tx) error {
	ids, err := queryIDs(ctx, tx, `SELECT id FROM decisions WHERE content_hash = ''`)
	if err != nil {
		return err
	}
	for _, id := range ids {
		var body string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT body FROM decisions WHERE id = ?`), id).Scan(&body); err != nil {
			return err
		}
		var d accord.Decision
		if err := json.Unmarshal([]byte(body), &d); err != nil {
			return fmt.Errorf("decision %d: stored body: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE decisions SET content_hash = ? WHERE id = ?`), accord.ContentHash(&d), id); err != nil {
			return err
		}
	}
	return nil
}
