package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// tracked is the SQL condition of a mandate that people work on: it has a
// status, owner, notes, evidence or history of its own.
const tracked = `(m.status <> 'open' OR m.owner <> '' OR m.notes <> '' OR
	EXISTS (SELECT 1 FROM mandate_history h WHERE h.mandate_id = m.id) OR
	EXISTS (SELECT 1 FROM mandate_evidence e WHERE e.mandate_id = m.id) OR m.checked_by <> '')`

// hasTracked reports whether a decision has mandates people work on, or
// fields people corrected.
func (s *Store) hasTracked(ctx context.Context, tx *sql.Tx, decisionID int64) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM mandates m WHERE m.decision_id = ? AND `+tracked), decisionID).Scan(&n)
	if err == nil && n == 0 {
		err = tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM decision_corrections WHERE decision_id = ?`), decisionID).Scan(&n)
	}
	return n > 0, err
}

// writeMandates stores a decision's extracted mandates. Mandates stored
// before keep their status, owner, notes, evidence and history: a
// re-ingest updates what was extracted and matches mandates by paragraph,
// verb and order. A mandate the text no longer holds is deleted when
// nobody tracks it, and kept (marked not extracted) when somebody does.
func (s *Store) writeMandates(ctx context.Context, tx *sql.Tx, decisionID int64, ms []accord.Mandate) error {
	type old struct {
		id      int64
		tracked bool
	}
	rows, err := tx.QueryContext(ctx, s.q(`SELECT m.id, m.path, m.verb, `+tracked+` FROM mandates m WHERE m.decision_id = ? ORDER BY m.seq, m.id`), decisionID)
	if err != nil {
		return err
	}
	olds := map[string]old{}
	var order []string
	count := map[string]int{}
	for rows.Next() {
		var o old
		var path, verb string
		if err := rows.Scan(&o.id, &path, &verb, &o.tracked); err != nil {
			rows.Close()
			return err
		}
		k := path + "|" + verb
		count[k]++
		key := k + "|" + strconv.Itoa(count[k])
		olds[key] = o
		order = append(order, key)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	corrected, err := s.correctedMandates(ctx, tx, decisionID)
	if err != nil {
		return err
	}
	count = map[string]int{}
	for _, m := range ms {
		k := m.Path + "|" + m.Verb
		count[k]++
		key := k + "|" + strconv.Itoa(count[k])
		cond, _ := json.Marshal(nonNil(m.Conditions))
		help, _ := json.Marshal(nonNil(m.Helpers))
		addr, _ := json.Marshal(m.Addressees)
		dl, due, date := deadlineFields(m.Deadline)
		actors, asked, first := askedColumns(m.Addressees)
		args := []any{m.Seq, m.Path, m.Verb, m.Phrase, m.Action, m.Deliverable, dl, due, date, m.Periodicity,
			string(cond), string(help), string(addr), mentions(m), actors, asked, first, s.dialect.now()}
		var id int64
		if o, ok := olds[key]; ok {
			id = o.id
			delete(olds, key)
			_, err = tx.ExecContext(ctx, s.q(`UPDATE mandates SET seq = ?, path = ?, verb = ?, phrase = ?, action = ?, deliverable = ?,
				deadline = ?, due_meeting = ?, due_date = ?, periodicity = ?, conditions = ?, helpers = ?, addressees = ?,
				mentions = ?, actors = ?, asked = ?, asked_first = ?, updated_at = ?, extracted = 1 WHERE id = ?`), append(args, id)...)
		} else {
			status := m.Status
			if status == "" {
				status = accord.StatusOpen
			}
			// The decision's columns the board filters and orders by
			// come with it (see migration 018).
			err = tx.QueryRowContext(ctx, s.q(`INSERT INTO mandates (seq, path, verb, phrase, action, deliverable, deadline, due_meeting,
				due_date, periodicity, conditions, helpers, addressees, mentions, actors, asked, asked_first, updated_at, decision_id, status,
				instrument, meeting, decision_source, decision_ordinal)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT instrument FROM decisions WHERE id = ?),
				(SELECT meeting FROM decisions WHERE id = ?), (SELECT source_id FROM decisions WHERE id = ?),
				(SELECT ordinal FROM decisions WHERE id = ?)) RETURNING id`),
				append(args, decisionID, string(status), decisionID, decisionID, decisionID, decisionID)...).Scan(&id)
		}
		if err != nil {
			return err
		}
		if err := s.insertActors(ctx, tx, id, m.Addressees); err != nil {
			return err
		}
		if err := s.writeMandateOrganizations(ctx, tx, id, m.Organizations); err != nil {
			return err
		}
		if corrected[id] {
			// What people corrected wins over what was extracted.
			if err := s.applyMandateCorrections(ctx, tx, id); err != nil {
				return err
			}
		}
	}
	for _, key := range order {
		o, ok := olds[key]
		if !ok {
			continue
		}
		q := `DELETE FROM mandates WHERE id = ?`
		if o.tracked {
			q = `UPDATE mandates SET extracted = 0 WHERE id = ?`
		}
		if _, err := tx.ExecContext(ctx, s.q(q), o.id); err != nil {
			return err
		}
	}
	return nil
}

// insertActors stores whom mandate id asks, a row of mandate_actors an
// addressee, in place of what it held.
func (s *Store) insertActors(ctx context.Context, tx *sql.Tx, id int64, as []accord.Addressee) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM mandate_actors WHERE mandate_id = ?`), id); err != nil {
		return err
	}
	for _, a := range as {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_actors (mandate_id, actor, text, qualifier) VALUES (?, ?, ?, ?)`),
			id, a.Actor, a.Text, a.Qualifier); err != nil {
			return err
		}
	}
	return nil
}

// askedColumns are the columns of a mandate the board's actor filter and
// sort read (migration 018): the actor ids of its addressees, each
// between spaces (" secretariat parties "), their words in lower case,
// joined by " | ", and the words of the first as the board shows them, up
// to askedFirstMax characters.
func askedColumns(as []accord.Addressee) (actors, asked, first string) {
	if len(as) == 0 {
		return "", "", ""
	}
	ids := make([]string, len(as))
	texts := make([]string, len(as))
	for i, a := range as {
		ids[i], texts[i] = a.Actor, a.Text
	}
	first = as[0].Text
	if r := []rune(first); len(r) > askedFirstMax {
		first = string(r[:askedFirstMax])
	}
	return " " + strings.Join(ids, " ") + " ", strings.ToLower(strings.Join(texts, " | ")), first
}

// askedFirstMax bounds the words of the first addressee the board sorts
// by: enough to tell any two apart, short enough for an index's key.
const askedFirstMax = 200

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// deadlineFields returns a deadline's words, meeting and the last day it
// allows ("2024" allows until 2024-12-31).
func deadlineFields(d *accord.Deadline) (text, meeting, date string) {
	if d == nil {
		return "", "", ""
	}
	date = d.Date
	switch len(date) {
	case 4:
		date += "-12-31"
	case 7:
		date += "-31"
	}
	return d.Text, d.Meeting, date
}

// mentions is the lower-case text a mandate is searched in.
func mentions(m accord.Mandate) string {
	var b strings.Builder
	b.WriteString(m.Action)
	for _, a := range m.Addressees {
		b.WriteString(" | " + a.Text + " | " + a.Actor)
	}
	for _, h := range m.Helpers {
		b.WriteString(" | " + h)
	}
	return strings.ToLower(b.String())
}

const mandateColumns = `m.id, m.decision_id, m.seq, m.path, m.verb, m.phrase, m.action, m.deliverable, m.deadline, m.due_meeting,
	m.due_date, m.periodicity, m.conditions, m.helpers, m.addressees, m.status, m.owner, m.notes, m.extracted, m.updated_at,
	m.checked_by, m.checked_at, d.symbol, d.instrument, d.meeting`

func scanMandate(sc interface{ Scan(...any) error }) (accord.Mandate, error) {
	var (
		m                     accord.Mandate
		dl, due, date, status string
		cond, help, addr      string
		extracted             int
	)
	err := sc.Scan(&m.ID, &m.DecisionID, &m.Seq, &m.Path, &m.Verb, &m.Phrase, &m.Action, &m.Deliverable, &dl, &due,
		&date, &m.Periodicity, &cond, &help, &addr, &status, &m.Owner, &m.Notes, &extracted, timeValue{&m.Updated},
		&m.CheckedBy, timeValue{&m.Checked}, &m.Symbol, &m.Instrument, &m.Meeting)
	if err != nil {
		return m, err
	}
	m.Status, m.Extracted = accord.Status(status), extracted != 0
	if dl != "" || due != "" || date != "" {
		m.Deadline = &accord.Deadline{Text: dl, Meeting: due, Date: date}
	}
	for _, f := range []struct {
		src string
		dst any
	}{{cond, &m.Conditions}, {help, &m.Helpers}, {addr, &m.Addressees}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return m, fmt.Errorf("mandate %d: stored JSON: %w", m.ID, err)
		}
	}
	return m, nil
}

// Mandates lists mandates matching f. A page is found in two steps: the
// ids of its mandates, by one walk of the index of its order (migration
// 018), which holds every column the filters read, so that the rows a
// filter leaves out or a page far down skips read no table; then those
// mandates' rows.
func (s *Store) Mandates(ctx context.Context, f accord.MandateFilter) ([]accord.Mandate, error) {
	query, args, err := s.mandateIDs(ctx, f)
	if errors.Is(err, errNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ids, err := s.walkIDs(ctx, query, args, f.Limit, f.Offset, mandateWalk(f) != "")
	if err != nil {
		return nil, err
	}
	return rowsByID(ctx, s, ids, `SELECT `+mandateColumns+` FROM mandates m JOIN decisions d ON d.id = m.decision_id WHERE m.id IN `,
		func(rows *sql.Rows) (accord.Mandate, error) { return scanMandate(rows) }, func(m accord.Mandate) int64 { return m.ID })
}

// mandateIDs is the query of the ids of the mandates f keeps, in its
// order, with its arguments; errNoRows when f keeps none.
func (s *Store) mandateIDs(ctx context.Context, f accord.MandateFilter) (string, []any, error) {
	if !accord.ValidMandateSort(f.Sort) {
		return "", nil, fmt.Errorf("%w: sort %q: want one of %s, or one of them after -", accord.ErrInvalid, f.Sort, strings.Join(accord.MandateSorts, ", "))
	}
	where, args, err := s.mandateWhere(ctx, f)
	if err != nil {
		return "", nil, err
	}
	query := `SELECT m.id FROM mandates m`
	if f.ByID || f.After > 0 {
		query += ` WHERE ` + where + ` ORDER BY m.id`
	} else {
		if s.dialect.name == "sqlite" {
			query += ` INDEXED BY ` + cmp.Or(mandateWalk(f), mandateFew(f))
		}
		query += ` WHERE ` + where + ` ORDER BY ` + mandateOrder(f.Sort, s.dialect.name)
	}
	return query, args, nil
}

// mandateFew is the index by which a filter that keeps a few mandates
// (one decision's, an owner's, a person's checks) finds them, to be
// sorted; "" for any other filter.
func mandateFew(f accord.MandateFilter) string {
	switch {
	case f.DecisionID != 0 || f.Symbol != "":
		return "mandates_decision"
	case f.Owner != "":
		return "mandates_owner"
	case f.Checked == "yes":
		return "mandates_checked"
	}
	return ""
}

// mandateWalk is the index of the order of f whose one walk finds a page
// of the mandates f keeps; "" when f keeps a few (mandateFew) or lists
// by id. Both databases are told to walk it (walkIDs): left to choose,
// they would take an index of a filter, as if it kept a few, or no
// index, and sort a hundred thousand rows.
func mandateWalk(f accord.MandateFilter) string {
	if f.ByID || f.After > 0 || mandateFew(f) != "" {
		return ""
	}
	return "mandates_board_" + cmp.Or(strings.TrimPrefix(f.Sort, "-"), "decision")
}

// filterOnly is col as a filter compares it, on SQLite not as a
// constraint of an index (SQLite's unary +): a column of the order of the
// index walked that is not its first, which SQLite, taking it for a
// constant of the rows kept, would leave out of the order the index gives
// and sort those rows again by what follows it.
func (s *Store) filterOnly(col string) string {
	if s.dialect.name == "sqlite" {
		return "+" + col
	}
	return col
}

// errNoRows says that a filter keeps no mandate, found before any query.
var errNoRows = errors.New("no rows")

// mandateWhere is the condition of the mandates m that f keeps, with its
// arguments: each reads columns of mandates the board's indexes hold
// (migration 018), but for the symbol and the words of mentions. It
// returns errNoRows when f keeps none.
func (s *Store) mandateWhere(ctx context.Context, f accord.MandateFilter) (string, []any, error) {
	conds := []string{"1 = 1"}
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	in := func(col string, vs []string) {
		a := make([]any, len(vs))
		for i, v := range vs {
			a[i] = v
		}
		add(col+` IN (`+marks(len(vs))+`)`, a...)
	}
	// Asking for the secretariat of Basel asks for that of the three BRS
	// conventions (accord.ActorScope).
	if _, ins := accord.ActorScope(f.Actor, f.Instrument); ins != nil {
		in(`m.instrument`, ins)
	} else if f.Instrument != "" {
		add(`m.instrument = ?`, accord.InstrumentID(f.Instrument))
	}
	if f.Meeting != "" {
		add(s.filterOnly(`m.meeting`)+` = ?`, f.Meeting)
	}
	if f.Symbol != "" {
		add(`m.decision_id IN (SELECT id FROM decisions WHERE symbol_key = ? AND symbol_key <> '')`, symbolKey(f.Symbol))
	}
	if f.DecisionID != 0 {
		add(`m.decision_id = ?`, f.DecisionID)
	}
	if f.DueMeeting != "" {
		add(s.filterOnly(`m.due_meeting`)+` = ?`, f.DueMeeting)
	}
	if f.Status != "" {
		add(`m.status = ?`, string(f.Status))
	}
	if f.Actor != "" {
		// An actor by its id or, as people write it, by the words
		// that ask it.
		// Both columns are searched for a string, not a pattern: they
		// are read for every mandate of a long walk.
		holds := `instr(%s, ?) > 0`
		if s.dialect.name == "postgres" {
			holds = `strpos(%s, ?) > 0`
		}
		actors, _ := accord.ActorScope(f.Actor, f.Instrument)
		var or []string
		for _, a := range actors {
			or = append(or, fmt.Sprintf(holds, `m.actors`))
			args = append(args, " "+a+" ")
		}
		or = append(or, fmt.Sprintf(holds, `m.asked`))
		args = append(args, strings.ToLower(f.Actor))
		conds = append(conds, `(`+strings.Join(or, ` OR `)+`)`)
	}
	if f.Body != "" {
		ms, err := s.bodyMeetings(ctx, f.Body)
		if err != nil {
			return "", nil, err
		}
		if len(ms) == 0 {
			return "", nil, errNoRows
		}
		in(s.filterOnly(`m.meeting`), ms)
	}
	switch f.Checked {
	case "":
	case "yes":
		add(`m.checked_by > ''`)
	case "no":
		add(`m.checked_by = ''`)
	default:
		return "", nil, fmt.Errorf("%w: checked %q: want yes or no", accord.ErrInvalid, f.Checked)
	}
	if f.Owner != "" {
		add(`m.owner = ?`, strings.TrimSpace(f.Owner))
	}
	if f.Mentions != "" {
		add(`m.mentions LIKE ?`, "%"+likeEscape(strings.ToLower(f.Mentions))+"%")
	}
	if f.Overdue || f.Upcoming {
		asOf := f.AsOf
		if asOf.IsZero() {
			asOf = time.Now()
		}
		day := asOf.Format(time.DateOnly)
		// Whether the meeting a mandate is due at was held: whether its
		// record has opened by then, or decisions of its instrument
		// were adopted there.
		held, err := s.heldDueMeetings(ctx, day)
		if err != nil {
			return "", nil, err
		}
		held = slices.Clip(held) // kept for other pages: appended to, it is copied
		isHeld := `1 = 0`
		if len(held) > 0 {
			isHeld = `m.due_meeting || ' ' || m.instrument IN (` + marks(len(held)) + `)`
		}
		if f.Overdue {
			add(`m.status NOT IN ('completed', 'superseded') AND ((m.due_meeting <> '' AND `+isHeld+`) OR (m.due_date <> '' AND m.due_date < ?))`,
				append(held, day)...)
		}
		if f.Upcoming {
			add(`m.due_meeting <> '' AND m.status NOT IN ('completed', 'superseded') AND NOT (`+isHeld+`)`, held...)
		}
	}
	if f.Pending {
		add(`m.status NOT IN ('completed', 'superseded')`)
	}
	if f.After > 0 {
		add(`m.id > ?`, f.After)
	}
	return strings.Join(conds, ` AND `), args, nil
}

// heldDueMeetings lists the meetings mandates are due at that were held
// by day (YYYY-MM-DD), each as the meeting and the instrument that held
// it, joined by a space ("COP-7 minamata"): a meeting whose record says
// it opened by day (by the index meetings_session), or one at which
// decisions of that instrument were adopted (by decisions_meeting). They
// are kept from one write to the next (listCache).
func (s *Store) heldDueMeetings(ctx context.Context, day string) ([]any, error) {
	return cached(ctx, s, "held "+day, func(ctx context.Context) ([]any, error) {
		return list(ctx, s, `SELECT d.meeting, d.instrument FROM decisions d
			WHERE d.meeting IN (SELECT DISTINCT due_meeting FROM mandates WHERE due_meeting > '')
			UNION
			SELECT mt.session, mt.instrument FROM meetings mt
			WHERE mt.start_date <> '' AND mt.start_date <= ? AND mt.deleted_at IS NULL
			AND mt.session IN (SELECT DISTINCT due_meeting FROM mandates WHERE due_meeting > '')`, []any{day}, 0, func(rows *sql.Rows) (any, error) {
			var meeting, inst string
			err := rows.Scan(&meeting, &inst)
			return meeting + " " + inst, err
		})
	})
}

// mandateOrder is the ORDER BY of a sort of MandateFilter: each ends with
// the mandate's id, a total order, so that pages read by offset neither
// repeat nor skip a row. Each is an index of mandates (migration 018),
// walked forwards or backwards: a page far down a sorted board reads its
// offset of the index, not the whole table sorted.
func mandateOrder(sort, dialect string) string {
	desc := strings.HasPrefix(sort, "-")
	var keys []string
	switch strings.TrimPrefix(sort, "-") {
	case "due":
		// Dates first, then meetings, then mandates due at no time.
		keys = []string{`m.due_date = ''`, `m.due_date`, `m.due_meeting = ''`, `m.due_meeting`}
	case "status":
		keys = []string{`m.status`}
	case "actor":
		// The words of the first addressee, as the board shows them.
		keys = []string{`m.asked_first`}
	default:
		// Decisions in list order (instrument, meeting, source and
		// place in it), each one's mandates in order.
		keys = []string{`m.instrument`, `m.meeting`, `m.decision_source`, `m.decision_ordinal`, `m.decision_id`, `m.seq`}
	}
	keys = append(keys, `m.id`)
	if desc {
		for i := range keys {
			keys[i] += ` DESC`
		}
	}
	return strings.Join(keys, `, `)
}

// bodyMeetings lists the stored meetings held by body (MeetingBody).
func (s *Store) bodyMeetings(ctx context.Context, body string) ([]string, error) {
	ms, err := s.decisionMeetings(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range ms {
		if strings.EqualFold(accord.MeetingBody(m), body) {
			out = append(out, m)
		}
	}
	return out, nil
}

// decisionMeetings lists the meetings decisions were adopted at, kept
// from one write to the next (listCache).
func (s *Store) decisionMeetings(ctx context.Context) ([]string, error) {
	return cached(ctx, s, "meetings", func(ctx context.Context) ([]string, error) {
		return list(ctx, s, `SELECT DISTINCT meeting FROM decisions WHERE meeting <> ''`, nil, 0, func(rows *sql.Rows) (string, error) {
			var m string
			return m, rows.Scan(&m)
		})
	})
}

// likeEscape makes user words literal in a LIKE pattern.
func likeEscape(s string) string {
	return strings.NewReplacer(`%`, ``, `_`, ` `).Replace(s)
}

// Mandate returns one mandate with its evidence and history.
func (s *Store) Mandate(ctx context.Context, id int64) (accord.Mandate, error) {
	m, err := scanMandate(s.read.QueryRowContext(ctx, s.q(`SELECT `+mandateColumns+` FROM mandates m JOIN decisions d ON d.id = m.decision_id WHERE m.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("mandate %d: %w", id, accord.ErrNotFound)
	}
	if err != nil {
		return m, err
	}
	rows, err := s.read.QueryContext(ctx, s.q(`SELECT kind, ref, added_at, who FROM mandate_evidence WHERE mandate_id = ? ORDER BY id`), id)
	if err != nil {
		return m, err
	}
	for rows.Next() {
		var e accord.Evidence
		if err := rows.Scan(&e.Kind, &e.Ref, timeValue{&e.Added}, &e.Who); err != nil {
			rows.Close()
			return m, err
		}
		m.Evidence = append(m.Evidence, e)
	}
	rows.Close()
	rows, err = s.read.QueryContext(ctx, s.q(`SELECT at, who, field, old_value, new_value, why FROM mandate_history WHERE mandate_id = ? ORDER BY id`), id)
	if err != nil {
		return m, err
	}
	defer rows.Close()
	for rows.Next() {
		var c accord.Change
		if err := rows.Scan(timeValue{&c.At}, &c.Who, &c.Field, &c.From, &c.To, &c.Why); err != nil {
			return m, err
		}
		m.History = append(m.History, c)
	}
	if err := rows.Err(); err != nil {
		return m, err
	}
	if m.Organizations, err = s.mandateOrganizations(ctx, id); err != nil {
		return m, err
	}
	m.Corrections, err = s.corrections(ctx, "mandate_corrections", "mandate_id", id)
	return m, err
}

var documentSymbolRE = regexp.MustCompile(`^[A-Z]{1,10}(?:/[A-Za-z0-9.\-]+){2,}$`)

// EvidenceKind says whether ref is a URL or a UN document symbol, or
// returns an error saying it is neither.
func EvidenceKind(ref string) (string, error) {
	if documentSymbolRE.MatchString(ref) {
		return "document", nil
	}
	if u, err := url.Parse(ref); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return "url", nil
	}
	return "", fmt.Errorf("%w: evidence %q is neither a http(s) URL nor a document symbol such as UNEP/MC/COP.7/5", accord.ErrInvalid, ref)
}

// UpdateMandate changes a mandate and records the changes, in one
// transaction that holds the mandate's row until it commits.
func (s *Store) UpdateMandate(ctx context.Context, id int64, u accord.MandateUpdate) (accord.Mandate, error) {
	if u.Status != nil && !u.Status.Valid() {
		return accord.Mandate{}, fmt.Errorf("%w: unknown status %q (want one of %s)", accord.ErrInvalid, *u.Status, statusList())
	}
	if n := utf8.RuneCountInString(u.Note); n > accord.MaxNote {
		return accord.Mandate{}, fmt.Errorf("%w: note is %d characters, over the limit of %d", accord.ErrInvalid, n, accord.MaxNote)
	}
	if !utf8.ValidString(u.Note + u.Why + u.Who) {
		return accord.Mandate{}, fmt.Errorf("%w: note is not valid UTF-8", accord.ErrInvalid)
	}
	kinds := make([]string, len(u.Evidence))
	for i, ref := range u.Evidence {
		k, err := EvidenceKind(ref)
		if err != nil {
			return accord.Mandate{}, err
		}
		kinds[i] = k
	}
	if u.Status == nil && u.Owner == nil && strings.TrimSpace(u.Note) == "" && len(u.Evidence) == 0 {
		return accord.Mandate{}, fmt.Errorf("%w: nothing to change: give a status, owner, note or evidence", accord.ErrInvalid)
	}
	if !accord.ValidWho(u.Who) {
		return accord.Mandate{}, fmt.Errorf("%w: who %q: a name holds no colon or control character", accord.ErrInvalid, u.Who)
	}
	if u.Who == "" {
		u.Who = "unknown"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		decisionID, err := s.lockMandateDecision(ctx, tx, id)
		if err != nil {
			return err
		}
		var status, owner, notes string
		err = tx.QueryRowContext(ctx, s.q(`SELECT status, owner, notes FROM mandates WHERE id = ?`+s.dialect.lockSuffix), id).Scan(&status, &owner, &notes)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("mandate %d: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		before, _ := json.Marshal(map[string]string{"status": status, "owner": owner, "notes": notes})
		oldStatus := status
		now := s.dialect.now()
		record := func(field, from, to string) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_history (mandate_id, at, who, field, old_value, new_value, why) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				id, now, u.Who, field, from, to, u.Why)
			return err
		}
		if u.Status != nil && string(*u.Status) != status {
			if err := record("status", status, string(*u.Status)); err != nil {
				return err
			}
			status = string(*u.Status)
		}
		if u.Owner != nil && *u.Owner != owner {
			if err := record("owner", owner, *u.Owner); err != nil {
				return err
			}
			owner = *u.Owner
		}
		if note := strings.TrimSpace(u.Note); note != "" {
			if err := record("note", "", note); err != nil {
				return err
			}
			line := time.Now().UTC().Format("2006-01-02") + " " + u.Who + ": " + note
			if notes != "" {
				notes += "\n"
			}
			notes += line
		}
		for i, ref := range u.Evidence {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_evidence (mandate_id, kind, ref, added_at, who) VALUES (?, ?, ?, ?, ?)`),
				id, kinds[i], ref, now, u.Who); err != nil {
				return err
			}
			if err := record("evidence", "", ref); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE mandates SET status = ?, owner = ?, notes = ?, updated_at = ? WHERE id = ?`), status, owner, notes, now, id); err != nil {
			return err
		}
		if status != oldStatus {
			if err := s.refreshFacets(ctx, tx, s.facetSetIDs(tx), decisionID); err != nil {
				return err
			}
		}
		after, _ := json.Marshal(map[string]any{"status": status, "owner": owner, "notes": notes, "evidence_added": u.Evidence, "why": u.Why})
		return s.audit(ctx, tx, u.Who, "update mandate", fmt.Sprintf("mandate %d", id), string(before), string(after))
	})
	if err != nil {
		return accord.Mandate{}, err
	}
	return s.Mandate(ctx, id)
}

func statusList() string {
	var ss []string
	for _, st := range accord.Statuses {
		ss = append(ss, string(st))
	}
	return strings.Join(ss, ", ")
}

// lockMandateDecision locks the decision of mandate id and returns its
// id. It is the first of the two locks a change of a mandate takes:
// decision, then mandate, the order in which ingest takes them, so that
// the two wait for each other rather than deadlock. A mandate's decision
// never changes.
func (s *Store) lockMandateDecision(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	var decisionID int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT decision_id FROM mandates WHERE id = ?`), id).Scan(&decisionID)
	if err == nil {
		err = tx.QueryRowContext(ctx, s.q(`SELECT id FROM decisions WHERE id = ?`+s.dialect.lockSuffix), decisionID).Scan(&decisionID)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("mandate %d: %w", id, accord.ErrNotFound)
	}
	return decisionID, err
}
