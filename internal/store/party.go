package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// registryRecord is what saveRecords needs of one kind of registry
// record: its table, how a record is found by its natural key, and its
// columns.
type registryRecord[T any] struct {
	kind  string // "focal point": what the audit log and errors call it
	table string
	// keyWhere selects the stored record of a natural key, whose values
	// key gives.
	keyWhere string
	key      func(T) []any
	// cols are the columns a write sets, whose values vals gives.
	cols []string
	vals func(T) []any
	// selectCols read a record with scan; the first is its id.
	selectCols string
	scan       func(scanner) (T, error)
	// content is the record without its id, times and author: what a
	// write compares and the audit log keeps.
	content func(T) T
	// id is the record's id as its audit target names it.
	id func(T) string
	// stringID says the id is the first key column (a centre's slug),
	// not one the database assigns.
	stringID bool
	// normalize reads a record as people type it (accord's Normalize
	// methods); check refuses one that is not valid, before anything is
	// written.
	normalize func(*T)
	check     func(T) error
}

// one returns the record of kind k whose id column is id.
func one[T any](ctx context.Context, s *Store, k registryRecord[T], id any) (T, error) {
	idCol := strings.SplitN(k.selectCols, ",", 2)[0]
	r, err := k.scan(s.read.QueryRowContext(ctx, s.q(`SELECT `+k.selectCols+` FROM `+k.table+` WHERE `+idCol+` = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("%s %v: %w", k.kind, id, accord.ErrNotFound)
	}
	return r, err
}

type scanner interface{ Scan(...any) error }

// saveRecords adds or updates recs of kind k, by who, in one transaction:
// a record given as stored changes nothing; each one added or changed is
// in the audit log with its content before and after, and clears a
// tombstone of its key. Each record is normalized, then checked (k.check
// refuses one of a country ISO 3166-1 does not assign, for one) before
// anything is written; the error names the record's position in recs.
func saveRecords[T any](ctx context.Context, s *Store, k registryRecord[T], recs []T, who string) (accord.ImportCounts, error) {
	var saved accord.ImportCounts
	if !accord.ValidWho(who) || who == "" {
		return saved, fmt.Errorf("%w: who %q: a name holds no colon or control character", accord.ErrInvalid, who)
	}
	for i := range recs {
		k.normalize(&recs[i])
		if err := k.check(recs[i]); err != nil {
			return saved, fmt.Errorf("%s %d of %d: %w", k.kind, i+1, len(recs), err)
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		saved = accord.ImportCounts{}
		find, err := tx.PrepareContext(ctx, s.q(`SELECT `+k.selectCols+` FROM `+k.table+` WHERE `+k.keyWhere))
		if err != nil {
			return err
		}
		defer find.Close()
		set := strings.Join(k.cols, " = ?, ") + " = ?, updated_at = ?, updated_by = ?"
		cols := strings.Join(k.cols, ", ")
		insertQuery := `INSERT INTO ` + k.table + ` (` + cols + `, created_at, updated_at, updated_by) VALUES (` + marks(len(k.cols)+3) + `)`
		ins, err := tx.PrepareContext(ctx, s.q(insertQuery+` RETURNING `+strings.SplitN(k.selectCols, ",", 2)[0]))
		if err != nil {
			return err
		}
		defer ins.Close()
		upd, err := tx.PrepareContext(ctx, s.q(`UPDATE `+k.table+` SET `+set+` WHERE `+k.keyWhere))
		if err != nil {
			return err
		}
		defer upd.Close()
		seen := map[string]int{}
		for i, r := range recs {
			key := fmt.Sprint(k.key(r)...)
			if prev, ok := seen[key]; ok {
				return fmt.Errorf("%w: %s %d of %d is %s %d again (%v)", accord.ErrInvalid, k.kind, i+1, len(recs), k.kind, prev, k.key(r))
			}
			seen[key] = i + 1
			after, _ := json.Marshal(k.content(r))
			now := s.dialect.now()
			old, err := k.scan(find.QueryRowContext(ctx, k.key(r)...))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				var id any
				var newID string
				if k.stringID {
					err = ins.QueryRowContext(ctx, append(k.vals(r), now, now, who)...).Scan(&newID)
					id = newID
				} else {
					var n int64
					err = ins.QueryRowContext(ctx, append(k.vals(r), now, now, who)...).Scan(&n)
					id = n
				}
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM party_tombstones WHERE kind = ? AND record = ?`), k.kind, key); err != nil {
					return err
				}
				if err := s.auditRecord(ctx, tx, who, "add "+k.kind, fmt.Sprintf("%s %v", k.kind, id), "", string(after)); err != nil {
					return err
				}
				saved.Added++
			case err != nil:
				return err
			default:
				before, _ := json.Marshal(k.content(old))
				if string(before) == string(after) {
					saved.Unchanged++
					continue
				}
				if _, err := upd.ExecContext(ctx, append(append(k.vals(r), now, who), k.key(r)...)...); err != nil {
					return err
				}
				if err := s.auditRecord(ctx, tx, who, "update "+k.kind, k.kind+" "+k.id(old), string(before), string(after)); err != nil {
					return err
				}
				saved.Updated++
			}
		}
		return nil
	})
	return saved, err
}

// ofCountry lists the records of kind k of country ("" for every
// country), by country and then by column then.
func ofCountry[T any](ctx context.Context, s *Store, k registryRecord[T], country, then string) ([]T, error) {
	q := `SELECT ` + k.selectCols + ` FROM ` + k.table
	var args []any
	if country != "" {
		q += ` WHERE country = ?`
		args = append(args, country)
	}
	return list(ctx, s, q+` ORDER BY country, `+then, args, 0, func(r *sql.Rows) (T, error) { return k.scan(r) })
}

// auditRecord records a change of a registry record, unless it is the
// bundle's own (by accord.Bundled): the bundled files are the record of
// what accord ships, and loading them is no one's change.
func (s *Store) auditRecord(ctx context.Context, tx *sql.Tx, who, action, target, before, after string) error {
	if who == accord.Bundled {
		return nil
	}
	return s.audit(ctx, tx, who, action, target, before, after)
}

// deleteRecord deletes the record of kind k whose id column is id, by
// who, leaving a tombstone and an audit entry with its content.
func deleteRecord[T any](ctx context.Context, s *Store, k registryRecord[T], id any, who string) error {
	if !accord.ValidWho(who) || who == "" {
		return fmt.Errorf("%w: who %q: a name holds no colon or control character", accord.ErrInvalid, who)
	}
	idCol := strings.SplitN(k.selectCols, ",", 2)[0]
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := k.scan(tx.QueryRowContext(ctx, s.q(`SELECT `+k.selectCols+` FROM `+k.table+` WHERE `+idCol+` = ?`+s.dialect.lockSuffix), id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s %v: %w", k.kind, id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		content, _ := json.Marshal(k.content(old))
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+k.table+` WHERE `+idCol+` = ?`), id); err != nil {
			return err
		}
		key := fmt.Sprint(k.key(old)...)
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM party_tombstones WHERE kind = ? AND record = ?`), k.kind, key); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO party_tombstones (kind, record, content, deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?)`),
			k.kind, key, string(content), s.dialect.now(), who); err != nil {
			return err
		}
		return s.audit(ctx, tx, who, "delete "+k.kind, k.kind+" "+k.id(old), string(content), "")
	})
}

// checkCountries refuses codes ISO 3166-1 does not assign, naming field.
func checkCountries(field string, codes ...string) error {
	for _, c := range codes {
		if !registry.ValidAlpha2(c) {
			return &accord.FieldError{Field: field, Msg: fmt.Sprintf("%q is not a country of ISO 3166-1", c)}
		}
	}
	return nil
}

var membershipRecord = registryRecord[accord.Membership]{
	kind:     "membership",
	table:    "party_memberships",
	keyWhere: "country = ? AND instrument = ?",
	key:      func(m accord.Membership) []any { return []any{m.Country, m.Instrument} },
	cols:     []string{"country", "instrument", "signed", "consent", "consent_on", "in_force", "withdrawn", "source"},
	vals: func(m accord.Membership) []any {
		return []any{m.Country, m.Instrument, m.Signed, string(m.Consent), m.ConsentOn, m.InForce, m.Withdrawn, m.Source}
	},
	selectCols: "id, country, instrument, signed, consent, consent_on, in_force, withdrawn, source, created_at, updated_at, updated_by",
	scan: func(sc scanner) (accord.Membership, error) {
		var m accord.Membership
		err := sc.Scan(&m.ID, &m.Country, &m.Instrument, &m.Signed, &m.Consent, &m.ConsentOn, &m.InForce, &m.Withdrawn, &m.Source,
			timeValue{&m.Created}, timeValue{&m.Updated}, &m.UpdatedBy)
		return m, err
	},
	content: func(m accord.Membership) accord.Membership {
		m.ID, m.Created, m.Updated, m.UpdatedBy = 0, time.Time{}, time.Time{}, ""
		return m
	},
	id:        func(m accord.Membership) string { return fmt.Sprint(m.ID) },
	normalize: (*accord.Membership).Normalize,
	check:     validInCountry(func(m accord.Membership) string { return m.Country }),
}

// Memberships lists the memberships of country ("" for all).
func (s *Store) Memberships(ctx context.Context, country string) ([]accord.Membership, error) {
	return ofCountry(ctx, s, membershipRecord, country, "instrument")
}

// SaveMemberships adds or updates ms in one transaction.
func (s *Store) SaveMemberships(ctx context.Context, ms []accord.Membership, who string) (accord.ImportCounts, error) {
	return saveRecords(ctx, s, membershipRecord, ms, who)
}

// Membership returns membership id.
func (s *Store) Membership(ctx context.Context, id int64) (accord.Membership, error) {
	return one(ctx, s, membershipRecord, id)
}

// DeleteMembership deletes membership id.
func (s *Store) DeleteMembership(ctx context.Context, id int64, who string) error {
	return deleteRecord(ctx, s, membershipRecord, id, who)
}

var focalPointRecord = registryRecord[accord.FocalPoint]{
	kind:     "focal point",
	table:    "focal_points",
	keyWhere: "country = ? AND instrument = ? AND role = ? AND name = ?",
	key: func(f accord.FocalPoint) []any {
		return []any{f.Country, f.Instrument, string(f.Role), f.Name}
	},
	cols: []string{"country", "instrument", "role", "title", "name", "position", "organization", "address", "phone", "email", "designated"},
	vals: func(f accord.FocalPoint) []any {
		return []any{f.Country, f.Instrument, string(f.Role), f.Title, f.Name, f.Position, f.Organization, f.Address, f.Phone, f.Email, f.Designated}
	},
	selectCols: "id, country, instrument, role, title, name, position, organization, address, phone, email, designated, created_at, updated_at, updated_by",
	scan: func(sc scanner) (accord.FocalPoint, error) {
		var f accord.FocalPoint
		err := sc.Scan(&f.ID, &f.Country, &f.Instrument, &f.Role, &f.Title, &f.Name, &f.Position, &f.Organization, &f.Address, &f.Phone, &f.Email, &f.Designated,
			timeValue{&f.Created}, timeValue{&f.Updated}, &f.UpdatedBy)
		return f, err
	},
	content: func(f accord.FocalPoint) accord.FocalPoint {
		f.ID, f.Created, f.Updated, f.UpdatedBy, f.Hidden = 0, time.Time{}, time.Time{}, "", false
		return f
	},
	id:        func(f accord.FocalPoint) string { return fmt.Sprint(f.ID) },
	normalize: (*accord.FocalPoint).Normalize,
	check:     checkFocalPoint,
}

// validInCountry checks a record with its Validate, then its country
// (which country gives) against ISO 3166-1.
func validInCountry[T interface{ Validate() error }](country func(T) string) func(T) error {
	return func(r T) error {
		if err := r.Validate(); err != nil {
			return err
		}
		return checkCountries("country", country(r))
	}
}

// checkFocalPoint is Validate with the country checked against ISO 3166-1.
var checkFocalPoint = validInCountry(func(f accord.FocalPoint) string { return f.Country })

// FocalPoints lists the focal points f selects.
func (s *Store) FocalPoints(ctx context.Context, f accord.FocalPointFilter) ([]accord.FocalPoint, error) {
	var where []string
	var args []any
	for _, c := range []struct{ col, v string }{{"country", f.Country}, {"instrument", accord.InstrumentID(f.Instrument)}, {"role", string(f.Role)}} {
		if c.v != "" {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	order := ` ORDER BY country, instrument, role, name, id`
	if f.ByID {
		where = append(where, "id > ?")
		args = append(args, f.After)
		order = ` ORDER BY id`
	}
	q := `SELECT ` + focalPointRecord.selectCols + ` FROM focal_points`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	return listFrom(ctx, s, q+order, args, f.Limit, f.Offset,
		func(r *sql.Rows) (accord.FocalPoint, error) { return focalPointRecord.scan(r) })
}

// FocalPoint returns focal point id.
func (s *Store) FocalPoint(ctx context.Context, id int64) (accord.FocalPoint, error) {
	return one(ctx, s, focalPointRecord, id)
}

// SaveFocalPoints adds or updates fps in one transaction.
func (s *Store) SaveFocalPoints(ctx context.Context, fps []accord.FocalPoint, who string) (accord.ImportCounts, error) {
	return saveRecords(ctx, s, focalPointRecord, fps, who)
}

// UpdateFocalPoint replaces the fields of focal point id with f's, its
// key among them: a focal point renamed is the same record.
func (s *Store) UpdateFocalPoint(ctx context.Context, id int64, f accord.FocalPoint, who string) (accord.FocalPoint, error) {
	return updateRecord(ctx, s, focalPointRecord, id, f, who, func(f accord.FocalPoint) string {
		return fmt.Sprintf("%s already has a %s of %s named %q", f.Country, accord.RoleName(f.Role), f.Instrument, f.Name)
	})
}

// updateRecord replaces the fields of the record of kind k whose id is
// id with r's, its natural key among them, by who, in one transaction
// audited with the record before and after; r as stored changes
// nothing. A key another record holds is a conflict, which taken says.
func updateRecord[T any](ctx context.Context, s *Store, k registryRecord[T], id int64, r T, who string, taken func(T) string) (T, error) {
	var zero T
	if !accord.ValidWho(who) || who == "" {
		return zero, fmt.Errorf("%w: who %q: a name holds no colon or control character", accord.ErrInvalid, who)
	}
	k.normalize(&r)
	if err := k.check(r); err != nil {
		return zero, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := k.scan(tx.QueryRowContext(ctx, s.q(`SELECT `+k.selectCols+` FROM `+k.table+` WHERE id = ?`+s.dialect.lockSuffix), id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%s %d: %w", k.kind, id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		before, _ := json.Marshal(k.content(old))
		after, _ := json.Marshal(k.content(r))
		if string(before) == string(after) {
			return nil
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE `+k.table+` SET `+strings.Join(k.cols, " = ?, ")+` = ?, updated_at = ?, updated_by = ? WHERE id = ?`),
			append(k.vals(r), s.dialect.now(), who, id)...)
		if err != nil {
			if isUniqueViolation(err) {
				return fmt.Errorf("%w: %s", accord.ErrConflict, taken(r))
			}
			return err
		}
		return s.audit(ctx, tx, who, "update "+k.kind, fmt.Sprintf("%s %d", k.kind, id), string(before), string(after))
	})
	if err != nil {
		return zero, err
	}
	return one(ctx, s, k, id)
}

// DeleteFocalPoint deletes focal point id.
func (s *Store) DeleteFocalPoint(ctx context.Context, id int64, who string) error {
	return deleteRecord(ctx, s, focalPointRecord, id, who)
}

var coordinationRecord = registryRecord[accord.Coordination]{
	kind:     "coordination",
	table:    "coordinations",
	keyWhere: "country = ? AND institution = ?",
	key:      func(c accord.Coordination) []any { return []any{c.Country, c.Institution} },
	cols:     []string{"country", "institution", "instruments", "mechanism", "source"},
	vals: func(c accord.Coordination) []any {
		return []any{c.Country, c.Institution, strings.Join(c.Instruments, "|"), c.Mechanism, c.Source}
	},
	selectCols: "id, country, institution, instruments, mechanism, source, created_at, updated_at, updated_by",
	scan: func(sc scanner) (accord.Coordination, error) {
		var c accord.Coordination
		var ins string
		err := sc.Scan(&c.ID, &c.Country, &c.Institution, &ins, &c.Mechanism, &c.Source, timeValue{&c.Created}, timeValue{&c.Updated}, &c.UpdatedBy)
		c.Instruments = splitList(ins)
		return c, err
	},
	content: func(c accord.Coordination) accord.Coordination {
		c.ID, c.Created, c.Updated, c.UpdatedBy = 0, time.Time{}, time.Time{}, ""
		return c
	},
	id:        func(c accord.Coordination) string { return fmt.Sprint(c.ID) },
	normalize: (*accord.Coordination).Normalize,
	check:     validInCountry(func(c accord.Coordination) string { return c.Country }),
}

// splitList reads a list stored as values joined by "|".
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Coordinations lists the national coordination of country ("" for all).
func (s *Store) Coordinations(ctx context.Context, country string) ([]accord.Coordination, error) {
	return ofCountry(ctx, s, coordinationRecord, country, "institution")
}

// SaveCoordinations adds or updates cs in one transaction.
func (s *Store) SaveCoordinations(ctx context.Context, cs []accord.Coordination, who string) (accord.ImportCounts, error) {
	return saveRecords(ctx, s, coordinationRecord, cs, who)
}

// Coordination returns coordination id.
func (s *Store) Coordination(ctx context.Context, id int64) (accord.Coordination, error) {
	return one(ctx, s, coordinationRecord, id)
}

// UpdateCoordination replaces the fields of coordination id with c's,
// its institution among them: an institution renamed is the same record.
func (s *Store) UpdateCoordination(ctx context.Context, id int64, c accord.Coordination, who string) (accord.Coordination, error) {
	return updateRecord(ctx, s, coordinationRecord, id, c, who, func(c accord.Coordination) string {
		return fmt.Sprintf("%s already has a coordination by %q", c.Country, c.Institution)
	})
}

// DeleteCoordination deletes coordination id.
func (s *Store) DeleteCoordination(ctx context.Context, id int64, who string) error {
	return deleteRecord(ctx, s, coordinationRecord, id, who)
}

// PublishedContacts lists the instruments whose contacts are published.
func (s *Store) PublishedContacts(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	rows, err := s.read.QueryContext(ctx, `SELECT instrument FROM contact_publication`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var in string
		if err := rows.Scan(&in); err != nil {
			return nil, err
		}
		out[in] = true
	}
	return out, rows.Err()
}

// PublishContacts publishes or withdraws the contacts of instrument's
// focal points; doing what is done already changes nothing.
func (s *Store) PublishContacts(ctx context.Context, instrument string, published bool, who string) error {
	if !accord.ValidWho(who) || who == "" {
		return fmt.Errorf("%w: who %q: a name holds no colon or control character", accord.ErrInvalid, who)
	}
	if in, ok := accord.LookupInstrument(instrument); !ok || in.ID != instrument {
		return fmt.Errorf("%w: %q is not an instrument accord knows", accord.ErrInvalid, instrument)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM contact_publication WHERE instrument = ?`), instrument).Scan(&n); err != nil {
			return err
		}
		if (n > 0) == published {
			return nil
		}
		action := "publish contacts"
		if published {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO contact_publication (instrument, who, at) VALUES (?, ?, ?)`), instrument, who, s.dialect.now()); err != nil {
				return err
			}
		} else {
			action = "withdraw contacts"
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM contact_publication WHERE instrument = ?`), instrument); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, who, action, "focal points of "+instrument, "", "")
	})
}

// CountrySummaries counts each country's instruments and focal points.
func (s *Store) CountrySummaries(ctx context.Context, day time.Time) (map[string]accord.CountrySummary, error) {
	out := map[string]accord.CountrySummary{}
	ms, err := s.Memberships(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		c := out[m.Country]
		c.Country = m.Country
		if m.Party(day) {
			c.Parties++
		}
		out[m.Country] = c
	}
	rows, err := s.read.QueryContext(ctx, `SELECT country, count(*) FROM focal_points GROUP BY country`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, err
		}
		c := out[code]
		c.Country, c.FocalPoints = code, n
		out[code] = c
	}
	return out, rows.Err()
}

// PartyMandates counts the mandates asking Parties, by instrument and
// status: those whose addressees include the actor "parties".
func (s *Store) PartyMandates(ctx context.Context, instruments []string) (map[string]map[accord.Status]int, error) {
	out := map[string]map[accord.Status]int{}
	if len(instruments) == 0 {
		return out, nil
	}
	args := make([]any, len(instruments))
	for i, in := range instruments {
		args[i] = in
	}
	rows, err := s.read.QueryContext(ctx, s.q(`SELECT d.instrument, m.status, count(DISTINCT m.id) FROM mandate_actors a
		JOIN mandates m ON m.id = a.mandate_id JOIN decisions d ON d.id = m.decision_id
		WHERE a.actor = 'parties' AND d.instrument IN (`+marks(len(args))+`) GROUP BY d.instrument, m.status`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var in, st string
		var n int
		if err := rows.Scan(&in, &st, &n); err != nil {
			return nil, err
		}
		if out[in] == nil {
			out[in] = map[accord.Status]int{}
		}
		out[in][accord.Status(st)] = n
	}
	return out, rows.Err()
}
