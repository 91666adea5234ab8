package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// A recordTable is a table of registry records keyed by a text id whose
// content columns are all text: what putRecord, deleteRecord and
// loadBundle need to write any of them the same way.
type recordTable struct {
	table string   // "meetings"
	noun  string   // "meeting", as audit entries name it
	cols  []string // the content columns, without id and bookkeeping
}

var (
	meetingTable = recordTable{"meetings", "meeting", []string{"instrument", "body", "number", "kind", "joint_with", "session",
		"start_date", "end_date", "city", "country", "source", "note"}}
	bodyTable = recordTable{"bodies", "body", []string{"instrument", "code", "name", "kind", "source", "note"}}
)

func meetingValues(m accord.Meeting) []string {
	return []string{m.Instrument, m.Body, m.Number, m.Kind, strings.Join(m.JointWith, " "), m.Session(),
		dateText(m.Start), dateText(m.End), m.City, m.Country, m.Source, m.Note}
}

func bodyValues(b accord.Body) []string {
	return []string{b.Instrument, b.Code, b.Name, b.Kind, b.Source, b.Note}
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, s)
}

// content is a record's columns as JSON, for the audit log.
func (t recordTable) content(vals []string) string {
	m := make(map[string]string, len(vals))
	for i, c := range t.cols {
		m[c] = vals[i]
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// putOutcome is what putRecord did.
type putOutcome int

const (
	unchanged putOutcome = iota
	added
	changed
)

// putRecord writes one record in tx. who is the person writing, "" for
// the bundle, which leaves alone a record a person changed or deleted.
// A record equal to the stored one is not written, so that writing the
// same records twice changes nothing. Every write is audited.
func (s *Store) putRecord(ctx context.Context, tx *sql.Tx, t recordTable, who, id string, vals []string) (putOutcome, error) {
	old := make([]string, len(t.cols))
	dest := make([]any, 0, len(t.cols)+2)
	for i := range old {
		dest = append(dest, &old[i])
	}
	var changedBy string
	var isDeleted bool
	dest = append(dest, &changedBy, &isDeleted)
	err := tx.QueryRowContext(ctx, s.q(`SELECT `+strings.Join(t.cols, ", ")+`, changed_by, deleted_at IS NOT NULL FROM `+t.table+` WHERE id = ?`+s.dialect.lockSuffix), id).Scan(dest...)
	now := s.dialect.now()
	if errors.Is(err, sql.ErrNoRows) {
		args := []any{id}
		for _, v := range vals {
			args = append(args, v)
		}
		args = append(args, now, now, who)
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO `+t.table+` (id, `+strings.Join(t.cols, ", ")+`, created_at, updated_at, changed_by)
			VALUES (?, `+marks(len(t.cols))+`, ?, ?, ?)`), args...)
		if err != nil {
			return unchanged, err
		}
		if who == "" {
			return added, nil // the bundle's load is audited as a whole
		}
		return added, s.audit(ctx, tx, who, "add "+t.noun, t.noun+" "+id, "", t.content(vals))
	}
	if err != nil {
		return unchanged, err
	}
	if who == "" && changedBy != "" {
		return unchanged, nil // a person's change wins over the bundle
	}
	same := !isDeleted
	for i := range vals {
		same = same && vals[i] == old[i]
	}
	if same {
		return unchanged, nil
	}
	sets := make([]string, len(t.cols))
	args := make([]any, 0, len(t.cols)+3)
	for i, c := range t.cols {
		sets[i] = c + " = ?"
		args = append(args, vals[i])
	}
	args = append(args, now, who, id)
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE `+t.table+` SET `+strings.Join(sets, ", ")+`, updated_at = ?, changed_by = ?, deleted_at = NULL WHERE id = ?`), args...); err != nil {
		return unchanged, err
	}
	before := t.content(old)
	if isDeleted {
		before = ""
	}
	if who == "" {
		who = bundleWho
	}
	return changed, s.audit(ctx, tx, who, "change "+t.noun, t.noun+" "+id, before, t.content(vals))
}

// bundleWho is who the audit log says changed a record that a newer
// bundle of accord updated.
const bundleWho = "accord (bundled records)"

// deleteRecord leaves a tombstone of record id: the row stays, marked
// deleted by who, and its content goes into the audit log.
func (s *Store) deleteRecord(ctx context.Context, t recordTable, who, id string) error {
	if strings.TrimSpace(who) == "" || !accord.ValidWho(who) {
		return fmt.Errorf("%w: delete %s %s: who %q is no name", accord.ErrInvalid, t.noun, id, who)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old := make([]string, len(t.cols))
		dest := make([]any, len(old))
		for i := range old {
			dest[i] = &old[i]
		}
		err := tx.QueryRowContext(ctx, s.q(`SELECT `+strings.Join(t.cols, ", ")+` FROM `+t.table+` WHERE id = ? AND deleted_at IS NULL`+s.dialect.lockSuffix), id).Scan(dest...)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s %s: %w", t.noun, id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		now := s.dialect.now()
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE `+t.table+` SET deleted_at = ?, updated_at = ?, changed_by = ? WHERE id = ?`), now, now, who, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, who, "delete "+t.noun, t.noun+" "+id, t.content(old), "")
	})
}

// putRecords checks and writes records in one transaction.
func putRecords[T any](ctx context.Context, s *Store, t recordTable, who string, recs []T, key func(T) (string, []string, error)) (accord.ImportCounts, error) {
	var res accord.ImportCounts
	if strings.TrimSpace(who) == "" || !accord.ValidWho(who) {
		return res, fmt.Errorf("%w: who %q is no name", accord.ErrInvalid, who)
	}
	type row struct {
		id   string
		vals []string
	}
	rows := make([]row, len(recs))
	seen := map[string]int{}
	for i, r := range recs {
		id, vals, err := key(r)
		if err != nil {
			return res, fmt.Errorf("%s %d (%s): %w", t.noun, i+1, id, err)
		}
		if j, dup := seen[id]; dup {
			return res, fmt.Errorf("%w: %s %d and %d are both %s", accord.ErrInvalid, t.noun, j+1, i+1, id)
		}
		seen[id] = i
		rows[i] = row{id, vals}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = accord.ImportCounts{}
		for _, r := range rows {
			out, err := s.putRecord(ctx, tx, t, who, r.id, r.vals)
			if err != nil {
				return err
			}
			switch out {
			case added:
				res.Added++
			case changed:
				res.Updated++
			default:
				res.Unchanged++
			}
		}
		return nil
	})
	return res, err
}

// PutMeetings adds or changes meetings in one transaction.
func (s *Store) PutMeetings(ctx context.Context, who string, ms []accord.Meeting) (accord.ImportCounts, error) {
	return putRecords(ctx, s, meetingTable, who, ms, func(m accord.Meeting) (string, []string, error) {
		return m.ID, meetingValues(m), m.Check()
	})
}

// PutBodies adds or changes bodies in one transaction.
func (s *Store) PutBodies(ctx context.Context, who string, bs []accord.Body) (accord.ImportCounts, error) {
	return putRecords(ctx, s, bodyTable, who, bs, func(b accord.Body) (string, []string, error) {
		return b.ID, bodyValues(b), b.Check()
	})
}

// DeleteMeeting deletes a meeting, leaving a tombstone.
func (s *Store) DeleteMeeting(ctx context.Context, who, id string) error {
	return s.deleteRecord(ctx, meetingTable, who, id)
}

// DeleteBody deletes a body, leaving a tombstone.
func (s *Store) DeleteBody(ctx context.Context, who, id string) error {
	return s.deleteRecord(ctx, bodyTable, who, id)
}

const meetingColumns = `id, instrument, body, number, kind, joint_with, start_date, end_date, city, country, source, note,
	created_at, updated_at, changed_by`

func scanMeeting(sc interface{ Scan(...any) error }) (accord.Meeting, error) {
	var m accord.Meeting
	var joint, start, end string
	err := sc.Scan(&m.ID, &m.Instrument, &m.Body, &m.Number, &m.Kind, &joint, &start, &end, &m.City, &m.Country, &m.Source, &m.Note,
		timeValue{&m.Created}, timeValue{&m.Updated}, &m.ChangedBy)
	if err != nil {
		return m, err
	}
	m.JointWith = strings.Fields(joint)
	if m.Start, err = parseDay(start); err == nil {
		m.End, err = parseDay(end)
	}
	if err != nil {
		return m, fmt.Errorf("meeting %s: stored date: %w", m.ID, err)
	}
	return m, nil
}

// Meetings lists meetings by start date, undated last, then id.
func (s *Store) Meetings(ctx context.Context, f accord.MeetingFilter) ([]accord.Meeting, error) {
	query := `SELECT ` + meetingColumns + ` FROM meetings WHERE deleted_at IS NULL`
	var args []any
	add := func(cond string, a ...any) {
		query += ` AND ` + cond
		args = append(args, a...)
	}
	if f.Instrument != "" {
		add(`instrument = ?`, accord.InstrumentID(f.Instrument))
	}
	if f.Body != "" {
		add(`body = ?`, f.Body)
	}
	if f.Label != "" {
		add(`session = ?`, sessionOf(f.Label))
	}
	from, to := f.From, f.To
	if f.Year != 0 {
		from = time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(f.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if !from.IsZero() {
		add(`end_date >= ?`, dateText(from))
	}
	if !to.IsZero() {
		add(`start_date <> '' AND start_date <= ?`, dateText(to))
	}
	query += ` ORDER BY start_date = '', start_date, id`
	return listFrom(ctx, s, query, args, f.Limit, f.Offset, func(rows *sql.Rows) (accord.Meeting, error) { return scanMeeting(rows) })
}

// sessionOf is the session label of a label: "COP-4.1" is of "COP-4".
func sessionOf(label string) string {
	if i := strings.LastIndexByte(label, '-'); i > 0 {
		if n, _, ok := strings.Cut(label[i+1:], "."); ok {
			return label[:i+1] + n
		}
	}
	return label
}

// Meeting returns one meeting by id.
func (s *Store) Meeting(ctx context.Context, id string) (accord.Meeting, error) {
	m, err := scanMeeting(s.read.QueryRowContext(ctx, s.q(`SELECT `+meetingColumns+` FROM meetings WHERE id = ? AND deleted_at IS NULL`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("meeting %s: %w", id, accord.ErrNotFound)
	}
	return m, err
}

// MeetingOf returns the meeting an instrument's decisions call label,
// its first part when it sat in parts. A joint instrument's meetings are
// those of the instruments it groups, sitting together: brs's COP-17 is
// the first of basel's, rotterdam's and stockholm's COP-17 on record,
// as a joint symbol numbers its meeting by its first part.
func (s *Store) MeetingOf(ctx context.Context, instrument, label string) (accord.Meeting, error) {
	var (
		m   accord.Meeting
		err error
	)
	for _, in := range meetingInstruments(accord.InstrumentID(instrument)) {
		m, err = scanMeeting(s.read.QueryRowContext(ctx, s.q(`SELECT `+meetingColumns+` FROM meetings
			WHERE instrument = ? AND session = ? AND deleted_at IS NULL ORDER BY start_date = '', start_date, id LIMIT 1`),
			in, sessionOf(label)))
		if !errors.Is(err, sql.ErrNoRows) {
			return m, err
		}
	}
	return m, fmt.Errorf("meeting %s of %s: %w", label, instrument, accord.ErrNotFound)
}

// meetingInstruments are the instruments whose meetings are instrument's:
// itself, then those a joint instrument groups.
func meetingInstruments(instrument string) []string {
	if in, ok := accord.LookupInstrument(instrument); ok && in.ID == instrument {
		return append([]string{instrument}, in.Groups...)
	}
	return []string{instrument}
}

// meetingYear is the year the meeting of an instrument called label
// opened, 0 when no dated record of it is stored.
func (s *Store) meetingYear(ctx context.Context, tx *sql.Tx, instrument, label string) (int, error) {
	var start string
	for _, in := range meetingInstruments(instrument) {
		err := tx.QueryRowContext(ctx, s.q(`SELECT min(start_date) FROM meetings
			WHERE instrument = ? AND session = ? AND start_date <> '' AND deleted_at IS NULL`), in, sessionOf(label)).Scan(&sqlNullText{&start})
		if err != nil {
			return 0, err
		}
		if start != "" {
			break
		}
	}
	if start == "" {
		return 0, nil
	}
	t, err := parseDay(start)
	return t.Year(), err
}

// sqlNullText scans a text that may be NULL, as "".
type sqlNullText struct{ s *string }

func (v sqlNullText) Scan(src any) error {
	var ns sql.NullString
	err := ns.Scan(src)
	*v.s = ns.String
	return err
}

// Bodies lists the bodies of an instrument, governing bodies first.
func (s *Store) Bodies(ctx context.Context, instrument string) ([]accord.Body, error) {
	query := `SELECT id, instrument, code, name, kind, source, note, created_at, updated_at, changed_by FROM bodies WHERE deleted_at IS NULL`
	var args []any
	if instrument != "" {
		query += ` AND instrument = ?`
		args = append(args, accord.InstrumentID(instrument))
	}
	query += ` ORDER BY instrument, kind <> 'governing', code`
	return list(ctx, s, query, args, 0, func(rows *sql.Rows) (accord.Body, error) {
		var b accord.Body
		err := rows.Scan(&b.ID, &b.Instrument, &b.Code, &b.Name, &b.Kind, &b.Source, &b.Note, timeValue{&b.Created}, timeValue{&b.Updated}, &b.ChangedBy)
		return b, err
	})
}

// loadBundled loads the bundled instruments (accord.BundledInstruments),
// bodies and meetings (internal/registry)
// when accord ships a bundle the store has not loaded: a record is
// added, or updated while nobody changed it; what people changed or
// deleted stays. Loading the same bundle again changes nothing.
func (s *Store) loadBundled(ctx context.Context) error {
	instruments, err := accord.BundledInstruments()
	if err != nil {
		return err
	}
	bodies, err := registry.Bodies()
	if err != nil {
		return err
	}
	meetings, err := registry.Meetings()
	if err != nil {
		return err
	}
	for _, b := range []struct {
		name    string
		t       recordTable
		records func(yield func(id string, vals []string))
		data    any
	}{
		{"instruments", instrumentTable, func(yield func(string, []string)) {
			for _, in := range instruments {
				yield(in.ID, instrumentValues(in))
			}
		}, instruments},
		{"bodies", bodyTable, func(yield func(string, []string)) {
			for _, b := range bodies {
				yield(b.ID, bodyValues(b))
			}
		}, bodies},
		{"meetings", meetingTable, func(yield func(string, []string)) {
			for _, m := range meetings {
				yield(m.ID, meetingValues(m))
			}
		}, meetings},
	} {
		raw, err := json.Marshal(b.data)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		hash := hex.EncodeToString(sum[:])
		var stored string
		err = s.read.QueryRowContext(ctx, s.q(`SELECT hash FROM registry_bundles WHERE name = ?`), b.name).Scan(&stored)
		if err == nil && stored == hash {
			continue
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			if err := s.lockKeys(ctx, tx, "bundle "+b.name); err != nil {
				return err
			}
			var werr error
			n := 0 // records added
			b.records(func(id string, vals []string) {
				if werr == nil {
					var out putOutcome
					out, werr = s.putRecord(ctx, tx, b.t, "", id, vals)
					if out == added {
						n++
					}
				}
			})
			if werr != nil {
				return fmt.Errorf("load bundled %s: %w", b.name, werr)
			}
			// The first load fills a new store; a later one, of a newer
			// bundle, is a change people may look for.
			if n > 0 && stored != "" {
				if err := s.audit(ctx, tx, bundleWho, "load "+b.name, b.name, "", fmt.Sprintf(`{"added":%d}`, n)); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO registry_bundles (name, hash) VALUES (?, ?)
				ON CONFLICT (name) DO UPDATE SET hash = excluded.hash`), b.name, hash)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
