package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// organizationColumns are what scanOrganization reads, the table named o.
const organizationColumns = `o.id, o.name, o.acronym, o.aliases, o.kind, o.website, o.source, o.bundled, o.changed_by, o.created_at, o.updated_at`

func scanOrganization(sc interface{ Scan(...any) error }) (accord.Organization, error) {
	var o accord.Organization
	var aliases, kind string
	var bundled int
	if err := sc.Scan(&o.ID, &o.Name, &o.Acronym, &aliases, &kind, &o.Website, &o.Source, &bundled, &o.ChangedBy,
		timeValue{&o.Created}, timeValue{&o.Updated}); err != nil {
		return o, err
	}
	o.Kind, o.Bundled = accord.OrganizationKind(kind), bundled != 0
	if err := json.Unmarshal([]byte(aliases), &o.Aliases); err != nil {
		return o, fmt.Errorf("organization %s: aliases: %w", o.ID, err)
	}
	if o.Aliases == nil {
		o.Aliases = []string{}
	}
	return o, nil
}

// Organizations lists the organizations f selects, by name. The table
// holds hundreds of rows, not millions: the words of f.Text are matched
// here rather than by an index.
func (s *Store) Organizations(ctx context.Context, f accord.OrganizationFilter) ([]accord.Organization, error) {
	query := `SELECT ` + organizationColumns + ` FROM organizations o WHERE o.deleted_at IS NULL`
	var args []any
	if f.Kind != "" {
		query += ` AND o.kind = ?`
		args = append(args, string(f.Kind))
	}
	orgs, err := list(ctx, s, query+` ORDER BY lower(o.name), o.id`, args, 0, func(r *sql.Rows) (accord.Organization, error) { return scanOrganization(r) })
	if err != nil {
		return nil, err
	}
	if t := accord.NameKey(f.Text); t != "" {
		orgs = slices.DeleteFunc(orgs, func(o accord.Organization) bool {
			if strings.Contains(o.ID, t) {
				return false
			}
			for _, n := range o.Names() {
				if strings.Contains(accord.NameKey(n), t) {
					return false
				}
			}
			return true
		})
	}
	return orgs, nil
}

// Organization returns the organization of id.
func (s *Store) Organization(ctx context.Context, id string) (accord.Organization, error) {
	o, err := scanOrganization(s.read.QueryRowContext(ctx, s.q(`SELECT `+organizationColumns+` FROM organizations o WHERE o.id = ? AND o.deleted_at IS NULL`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("organization %q: %w", id, accord.ErrNotFound)
	}
	return o, err
}

// cleanOrganization is o with spaces trimmed and collapsed, aliases
// without blanks and repeats, and lists never nil.
func cleanOrganization(o accord.Organization) accord.Organization {
	o.ID = strings.TrimSpace(o.ID)
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	o.Acronym = strings.TrimSpace(o.Acronym)
	o.Website, o.Source = strings.TrimSpace(o.Website), strings.TrimSpace(o.Source)
	o.Kind = accord.OrganizationKind(strings.TrimSpace(string(o.Kind)))
	aliases := []string{}
	for _, a := range o.Aliases {
		if a = strings.Join(strings.Fields(a), " "); a != "" && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	o.Aliases = aliases
	return o
}

// sameOrganization reports whether a and b hold the same record fields.
func sameOrganization(a, b accord.Organization) bool {
	return a.Name == b.Name && a.Acronym == b.Acronym && slices.Equal(a.Aliases, b.Aliases) && a.Kind == b.Kind &&
		a.Website == b.Website && a.Source == b.Source
}

// organizationJSON is what the audit log keeps of an organization.
func organizationJSON(o accord.Organization) string {
	b, _ := json.Marshal(struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Acronym string   `json:"acronym,omitempty"`
		Aliases []string `json:"aliases,omitempty"`
		Kind    string   `json:"kind"`
		Website string   `json:"website,omitempty"`
		Source  string   `json:"source,omitempty"`
	}{o.ID, o.Name, o.Acronym, o.Aliases, string(o.Kind), o.Website, o.Source})
	return string(b)
}

// PutOrganizations adds or changes organizations in one transaction.
func (s *Store) PutOrganizations(ctx context.Context, who string, os []accord.Organization) (accord.ImportCounts, error) {
	var added, changed int
	if strings.TrimSpace(who) == "" || !accord.ValidWho(who) {
		return accord.ImportCounts{}, fmt.Errorf("%w: organizations: who %q: want a name without colons", accord.ErrInvalid, who)
	}
	clean := make([]accord.Organization, len(os))
	seen := map[string]bool{}
	for i, o := range os {
		o = cleanOrganization(o)
		if err := o.Check(); err != nil {
			return accord.ImportCounts{}, err
		}
		if seen[o.ID] {
			return accord.ImportCounts{}, fmt.Errorf("%w: organization %s: given twice", accord.ErrInvalid, o.ID)
		}
		seen[o.ID] = true
		clean[i] = o
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		added, changed = 0, 0
		old, err := s.organizationsTx(ctx, tx)
		if err != nil {
			return err
		}
		if err := checkNames(old, clean); err != nil {
			return err
		}
		now := s.dialect.now()
		for _, o := range clean {
			prev, ok := old[o.ID]
			switch {
			case ok && !prev.deleted && sameOrganization(prev.Organization, o):
				continue
			case ok:
				_, err = tx.ExecContext(ctx, s.q(`UPDATE organizations SET name = ?, acronym = ?, aliases = ?, kind = ?, website = ?, source = ?,
					changed_by = ?, deleted_at = NULL, updated_at = ? WHERE id = ?`),
					o.Name, o.Acronym, aliasesJSON(o.Aliases), string(o.Kind), o.Website, o.Source, who, now, o.ID)
				if err == nil {
					before := organizationJSON(prev.Organization)
					if prev.deleted {
						before = ""
					}
					err = s.audit(ctx, tx, who, "update organization", "organization "+o.ID, before, organizationJSON(o))
				}
				changed++
			default:
				_, err = tx.ExecContext(ctx, s.q(`INSERT INTO organizations (id, name, acronym, aliases, kind, website, source, bundled, changed_by,
					created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`),
					o.ID, o.Name, o.Acronym, aliasesJSON(o.Aliases), string(o.Kind), o.Website, o.Source, who, now, now)
				if err == nil {
					err = s.audit(ctx, tx, who, "add organization", "organization "+o.ID, "", organizationJSON(o))
				}
				added++
			}
			if err != nil {
				return err
			}
		}
		if added+changed > 0 {
			return s.bumpRegistry(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return accord.ImportCounts{}, err
	}
	return accord.ImportCounts{Added: added, Updated: changed, Unchanged: len(clean) - added - changed}, nil
}

func aliasesJSON(a []string) string {
	b, _ := json.Marshal(nonNil(a))
	return string(b)
}

// storedOrganization is a row of organizations, deleted or not.
type storedOrganization struct {
	accord.Organization
	deleted bool
}

// organizationsTx reads every organization, deleted ones too, by id,
// locking them until tx ends.
func (s *Store) organizationsTx(ctx context.Context, tx *sql.Tx) (map[string]storedOrganization, error) {
	return storedOrganizations(ctx, tx, s.dialect.lockSuffix)
}

// storedOrganizations reads every organization, deleted ones too, by id,
// with q (a transaction or a pool), lock after the query.
func storedOrganizations(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, lock string) (map[string]storedOrganization, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+organizationColumns+`, o.deleted_at IS NOT NULL FROM organizations o`+lock)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]storedOrganization{}
	for rows.Next() {
		var deleted bool
		o, err := scanOrganization(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &deleted)...) }))
		if err != nil {
			return nil, err
		}
		out[o.ID] = storedOrganization{o, deleted}
	}
	return out, rows.Err()
}

// scanFunc turns a function into what scan helpers read from.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// checkNames refuses a name, acronym or alias of one of puts that another
// organization goes by, once puts replace the rows of old they name: a
// name two organizations share would identify neither.
func checkNames(old map[string]storedOrganization, puts []accord.Organization) error {
	owner := map[string]string{} // name key → id
	claim := func(o accord.Organization) error {
		for _, n := range o.Names() {
			k := accord.NameKey(n)
			if id, ok := owner[k]; ok && id != o.ID {
				return fmt.Errorf("%w: organization %s: %q also names %s", accord.ErrInvalid, o.ID, n, id)
			}
			owner[k] = o.ID
		}
		return nil
	}
	putting := map[string]bool{}
	for _, o := range puts {
		putting[o.ID] = true
	}
	ids := make([]string, 0, len(old))
	for id := range old {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if o := old[id]; !o.deleted && !putting[id] {
			if err := claim(o.Organization); err != nil {
				return err
			}
		}
	}
	for _, o := range puts {
		if err := claim(o); err != nil {
			return err
		}
	}
	return nil
}

// DeleteOrganization marks an organization deleted and removes its
// arrangements, recording both in the audit log.
func (s *Store) DeleteOrganization(ctx context.Context, who, id string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		o, err := scanOrganization(tx.QueryRowContext(ctx, s.q(`SELECT `+organizationColumns+` FROM organizations o WHERE o.id = ? AND o.deleted_at IS NULL`+s.dialect.lockSuffix), id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("organization %q: %w", id, accord.ErrNotFound)
		}
		if err != nil {
			return err
		}
		as, err := s.arrangementsTx(ctx, tx, accord.ArrangementFilter{Organization: id})
		if err != nil {
			return err
		}
		for _, a := range as {
			if err := s.deleteArrangementTx(ctx, tx, who, a); err != nil {
				return err
			}
		}
		now := s.dialect.now()
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE organizations SET deleted_at = ?, updated_at = ?, changed_by = ? WHERE id = ?`), now, now, who, id); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, who, "delete organization", "organization "+id, organizationJSON(o), ""); err != nil {
			return err
		}
		return s.bumpRegistry(ctx, tx)
	})
}

// loadOrganizations loads the bundled organizations: those not stored yet
// are added and those stored as bundled are brought up to the bundle;
// one a person changed or deleted is left as it is. Loading a bundle
// already loaded changes nothing, and writes nothing.
func (s *Store) loadOrganizations(ctx context.Context) error {
	bundle, err := registry.Organizations()
	if err != nil {
		return err
	}
	// What there is to do is seen first without a transaction: most
	// times a store opens, nothing.
	stored, err := storedOrganizations(ctx, s.read, "")
	if err != nil {
		return err
	}
	var todo []accord.Organization
	for _, o := range bundle {
		o = cleanOrganization(o)
		if prev, ok := stored[o.ID]; !ok || prev.ChangedBy == "" && !prev.deleted && !sameOrganization(prev.Organization, o) {
			todo = append(todo, o)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.organizationsTx(ctx, tx)
		if err != nil {
			return err
		}
		now := s.dialect.now()
		var added, updated []string // ids
		for _, o := range todo {
			prev, ok := old[o.ID]
			switch {
			case !ok:
				// A name a person gave another organization keeps it:
				// the bundled one goes without that name.
				o.Aliases = slices.DeleteFunc(o.Aliases, func(a string) bool { return nameTaken(old, o.ID, a) })
				if nameTaken(old, o.ID, o.Name) || o.Acronym != "" && nameTaken(old, o.ID, o.Acronym) {
					continue
				}
				_, err = tx.ExecContext(ctx, s.q(`INSERT INTO organizations (id, name, acronym, aliases, kind, website, source, bundled, changed_by,
					created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, '', ?, ?) ON CONFLICT (id) DO NOTHING`),
					o.ID, o.Name, o.Acronym, aliasesJSON(o.Aliases), string(o.Kind), o.Website, o.Source, now, now)
				added = append(added, o.ID)
			case prev.ChangedBy == "" && !prev.deleted && !sameOrganization(prev.Organization, o):
				_, err = tx.ExecContext(ctx, s.q(`UPDATE organizations SET name = ?, acronym = ?, aliases = ?, kind = ?, website = ?, source = ?,
					bundled = 1, updated_at = ? WHERE id = ? AND changed_by = ''`),
					o.Name, o.Acronym, aliasesJSON(o.Aliases), string(o.Kind), o.Website, o.Source, now, o.ID)
				updated = append(updated, o.ID)
			}
			if err != nil {
				return err
			}
		}
		if len(added)+len(updated) == 0 {
			return nil
		}
		// Rows the bundle adds are what accord ships, not a change of
		// anyone's (a new store holds no audit entry, and stays empty
		// for a restore); a stored row it changes is in the audit log.
		if len(updated) > 0 {
			after, _ := json.Marshal(map[string][]string{"updated": updated})
			if err := s.audit(ctx, tx, "accord", "load bundled organizations", "organizations", "", string(after)); err != nil {
				return err
			}
		}
		return s.bumpRegistry(ctx, tx)
	})
}

// nameTaken reports whether an organization other than id goes by name.
func nameTaken(old map[string]storedOrganization, id, name string) bool {
	k := accord.NameKey(name)
	for oid, o := range old {
		if oid == id || o.deleted {
			continue
		}
		for _, n := range o.Names() {
			if accord.NameKey(n) == k {
				return true
			}
		}
	}
	return false
}

// bumpRegistry moves the registry's version on, in the transaction that
// changes what the registry reads.
func (s *Store) bumpRegistry(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE registry_version SET n = n + 1 WHERE id = 1`)
	return err
}

// RegistryVersion returns the registry's version.
func (s *Store) RegistryVersion(ctx context.Context) (int64, error) {
	var n int64
	err := s.read.QueryRowContext(ctx, `SELECT n FROM registry_version WHERE id = 1`).Scan(&n)
	return n, err
}

// writeMandateOrganizations sets the organizations mandate id names.
func (s *Store) writeMandateOrganizations(ctx context.Context, tx *sql.Tx, id int64, orgs []string) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM mandate_organizations WHERE mandate_id = ?`), id); err != nil {
		return err
	}
	for _, o := range slices.Compact(slices.Sorted(slices.Values(orgs))) {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO mandate_organizations (mandate_id, organization_id) VALUES (?, ?)`), id, o); err != nil {
			return err
		}
	}
	return nil
}

// mandateOrganizations returns the organizations mandate id names, as
// extraction found them.
func (s *Store) mandateOrganizations(ctx context.Context, id int64) ([]string, error) {
	return list(ctx, s, `SELECT organization_id FROM mandate_organizations WHERE mandate_id = ? ORDER BY organization_id`, []any{id}, 0,
		func(r *sql.Rows) (string, error) {
			var o string
			return o, r.Scan(&o)
		})
}

// OrganizationMandates lists the mandates naming organization id: asking
// it (an addressee resolved to it) or naming it in what they ask, by
// instrument, decision and order.
func (s *Store) OrganizationMandates(ctx context.Context, id string) ([]accord.Mandate, error) {
	if _, err := s.Organization(ctx, id); err != nil {
		return nil, err
	}
	return list(ctx, s, `SELECT `+mandateColumns+` FROM mandates m JOIN decisions d ON d.id = m.decision_id
		WHERE m.id IN (SELECT mandate_id FROM mandate_organizations WHERE organization_id = ?
			UNION SELECT mandate_id FROM mandate_actors WHERE actor = ?)
		ORDER BY d.instrument, d.year DESC, d.symbol, m.seq, m.id`, []any{id, id}, maxOrganizationMandates, func(r *sql.Rows) (accord.Mandate, error) { return scanMandate(r) })
}

// maxOrganizationMandates bounds the mandates an organization's page
// reads: the most named (UNEP) are asked a few hundred times by a whole
// corpus; the bound keeps a page of one within its time.
const maxOrganizationMandates = 2000

// arrangementColumns are what scanArrangement reads, the table named a.
const arrangementColumns = `a.id, a.instrument, a.organization_id, a.kind, a.status, a.start_date, a.end_date, a.evidence, a.note,
	a.changed_by, a.created_at, a.updated_at`

func scanArrangement(sc interface{ Scan(...any) error }) (accord.Arrangement, error) {
	var a accord.Arrangement
	var kind, status string
	err := sc.Scan(&a.ID, &a.Instrument, &a.Organization, &kind, &status, &a.Start, &a.End, &a.Evidence, &a.Note,
		&a.ChangedBy, timeValue{&a.Created}, timeValue{&a.Updated})
	a.Kind, a.Status = accord.ArrangementKind(kind), accord.ArrangementStatus(status)
	a.Mandates = []int64{}
	return a, err
}

// Arrangements lists the arrangements f selects.
func (s *Store) Arrangements(ctx context.Context, f accord.ArrangementFilter) ([]accord.Arrangement, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return s.arrangementsTx(ctx, tx, f)
}

func (s *Store) arrangementsTx(ctx context.Context, tx *sql.Tx, f accord.ArrangementFilter) ([]accord.Arrangement, error) {
	query := `SELECT ` + arrangementColumns + ` FROM arrangements a WHERE 1 = 1`
	var args []any
	if f.Organization != "" {
		query += ` AND a.organization_id = ?`
		args = append(args, f.Organization)
	}
	if f.Instrument != "" {
		query += ` AND a.instrument = ?`
		args = append(args, accord.InstrumentID(f.Instrument))
	}
	if f.Status != "" {
		query += ` AND a.status = ?`
		args = append(args, string(f.Status))
	}
	rows, err := tx.QueryContext(ctx, s.q(query+` ORDER BY a.organization_id, a.instrument, a.start_date, a.id`), args...)
	if err != nil {
		return nil, err
	}
	var as []accord.Arrangement
	at := map[int64]int{}
	for rows.Next() {
		a, err := scanArrangement(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		at[a.ID] = len(as)
		as = append(as, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(as) == 0 {
		return as, err
	}
	mq := `SELECT arrangement_id, mandate_id FROM arrangement_mandates ORDER BY arrangement_id, mandate_id`
	var margs []any
	if len(as) <= 500 {
		mq = `SELECT arrangement_id, mandate_id FROM arrangement_mandates WHERE arrangement_id IN (` + marks(len(as)) + `) ORDER BY arrangement_id, mandate_id`
		for _, a := range as {
			margs = append(margs, a.ID)
		}
	}
	mrows, err := tx.QueryContext(ctx, s.q(mq), margs...)
	if err != nil {
		return nil, err
	}
	defer mrows.Close()
	for mrows.Next() {
		var aid, mid int64
		if err := mrows.Scan(&aid, &mid); err != nil {
			return nil, err
		}
		if i, ok := at[aid]; ok {
			as[i].Mandates = append(as[i].Mandates, mid)
		}
	}
	return as, mrows.Err()
}

// Arrangement returns the arrangement of id.
func (s *Store) Arrangement(ctx context.Context, id int64) (accord.Arrangement, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return accord.Arrangement{}, err
	}
	defer tx.Rollback()
	return s.arrangementTx(ctx, tx, id, "")
}

// arrangementTx reads arrangement id with its mandates, locking its row
// with lock (the dialect's lockSuffix) in a write.
func (s *Store) arrangementTx(ctx context.Context, tx *sql.Tx, id int64, lock string) (accord.Arrangement, error) {
	a, err := scanArrangement(tx.QueryRowContext(ctx, s.q(`SELECT `+arrangementColumns+` FROM arrangements a WHERE a.id = ?`+lock), id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("arrangement %d: %w", id, accord.ErrNotFound)
	}
	if err != nil {
		return a, err
	}
	ids, err := queryIDs(ctx, tx, s.q(`SELECT mandate_id FROM arrangement_mandates WHERE arrangement_id = ? ORDER BY mandate_id`), id)
	if err != nil {
		return a, err
	}
	a.Mandates = append(a.Mandates, ids...)
	return a, nil
}

// arrangementJSON is what the audit log keeps of an arrangement.
func arrangementJSON(a accord.Arrangement) string {
	b, _ := json.Marshal(struct {
		Instrument   string  `json:"instrument"`
		Organization string  `json:"organization"`
		Kind         string  `json:"kind"`
		Status       string  `json:"status"`
		Start        string  `json:"start,omitempty"`
		End          string  `json:"end,omitempty"`
		Evidence     string  `json:"evidence,omitempty"`
		Note         string  `json:"note,omitempty"`
		Mandates     []int64 `json:"mandates,omitempty"`
	}{a.Instrument, a.Organization, string(a.Kind), string(a.Status), a.Start, a.End, a.Evidence, a.Note, a.Mandates})
	return string(b)
}

func sameArrangement(a, b accord.Arrangement) bool {
	return a.Instrument == b.Instrument && a.Organization == b.Organization && a.Kind == b.Kind && a.Status == b.Status &&
		a.Start == b.Start && a.End == b.End && a.Evidence == b.Evidence && a.Note == b.Note && slices.Equal(a.Mandates, b.Mandates)
}

// PutArrangements adds or changes arrangements in one transaction. One
// given without an id changes the stored arrangement of the same
// instrument, organization, kind and start, when there is one, so that
// importing a file twice adds nothing the second time.
func (s *Store) PutArrangements(ctx context.Context, who string, as []accord.Arrangement) ([]accord.Arrangement, accord.ImportCounts, error) {
	var counts accord.ImportCounts
	if strings.TrimSpace(who) == "" || !accord.ValidWho(who) {
		return nil, counts, fmt.Errorf("%w: arrangements: who %q: want a name without colons", accord.ErrInvalid, who)
	}
	clean := make([]accord.Arrangement, len(as))
	for i, a := range as {
		a.Instrument = accord.InstrumentID(a.Instrument)
		a.Organization = strings.TrimSpace(a.Organization)
		a.Start, a.End = strings.TrimSpace(a.Start), strings.TrimSpace(a.End)
		a.Evidence, a.Note = strings.TrimSpace(a.Evidence), strings.TrimSpace(a.Note)
		a.Mandates = slices.Compact(slices.Sorted(slices.Values(a.Mandates)))
		if a.Mandates == nil {
			a.Mandates = []int64{}
		}
		if err := a.Check(); err != nil {
			return nil, counts, err
		}
		clean[i] = a
	}
	var out []accord.Arrangement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out, counts = out[:0], accord.ImportCounts{}
		for _, a := range clean {
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM organizations WHERE id = ? AND deleted_at IS NULL`), a.Organization).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("%w: arrangement: organization: no organization %q", accord.ErrInvalid, a.Organization)
			}
			for _, m := range a.Mandates {
				if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM mandates WHERE id = ?`), m).Scan(&n); err != nil {
					return err
				}
				if n == 0 {
					return fmt.Errorf("%w: arrangement: mandates: no mandate %d", accord.ErrInvalid, m)
				}
			}
			if a.ID == 0 {
				err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM arrangements WHERE instrument = ? AND organization_id = ? AND kind = ? AND start_date = ?
					ORDER BY id LIMIT 1`), a.Instrument, a.Organization, string(a.Kind), a.Start).Scan(&a.ID)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
			}
			now := s.dialect.now()
			if a.ID == 0 {
				err := tx.QueryRowContext(ctx, s.q(`INSERT INTO arrangements (instrument, organization_id, kind, status, start_date, end_date, evidence, note,
					changed_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
					a.Instrument, a.Organization, string(a.Kind), string(a.Status), a.Start, a.End, a.Evidence, a.Note, who, now, now).Scan(&a.ID)
				if err != nil {
					return err
				}
				if err := s.writeArrangementMandates(ctx, tx, a); err != nil {
					return err
				}
				if err := s.audit(ctx, tx, who, "add arrangement", fmt.Sprintf("arrangement %d", a.ID), "", arrangementJSON(a)); err != nil {
					return err
				}
				counts.Added++
			} else {
				prev, err := s.arrangementTx(ctx, tx, a.ID, s.dialect.lockSuffix)
				if err != nil {
					return err
				}
				if !sameArrangement(prev, a) {
					if _, err := tx.ExecContext(ctx, s.q(`UPDATE arrangements SET instrument = ?, organization_id = ?, kind = ?, status = ?, start_date = ?,
						end_date = ?, evidence = ?, note = ?, changed_by = ?, updated_at = ? WHERE id = ?`),
						a.Instrument, a.Organization, string(a.Kind), string(a.Status), a.Start, a.End, a.Evidence, a.Note, who, now, a.ID); err != nil {
						return err
					}
					if err := s.writeArrangementMandates(ctx, tx, a); err != nil {
						return err
					}
					if err := s.audit(ctx, tx, who, "update arrangement", fmt.Sprintf("arrangement %d", a.ID), arrangementJSON(prev), arrangementJSON(a)); err != nil {
						return err
					}
					counts.Updated++
				} else {
					counts.Unchanged++
				}
			}
			stored, err := s.arrangementTx(ctx, tx, a.ID, "")
			if err != nil {
				return err
			}
			out = append(out, stored)
		}
		return nil
	})
	if err != nil {
		return nil, accord.ImportCounts{}, err
	}
	return out, counts, nil
}

func (s *Store) writeArrangementMandates(ctx context.Context, tx *sql.Tx, a accord.Arrangement) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM arrangement_mandates WHERE arrangement_id = ?`), a.ID); err != nil {
		return err
	}
	for _, m := range a.Mandates {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO arrangement_mandates (arrangement_id, mandate_id) VALUES (?, ?)`), a.ID, m); err != nil {
			return err
		}
	}
	return nil
}

// DeleteArrangement removes an arrangement, keeping what it was in the
// audit log.
func (s *Store) DeleteArrangement(ctx context.Context, who string, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := s.arrangementTx(ctx, tx, id, s.dialect.lockSuffix)
		if err != nil {
			return err
		}
		return s.deleteArrangementTx(ctx, tx, who, a)
	})
}

func (s *Store) deleteArrangementTx(ctx context.Context, tx *sql.Tx, who string, a accord.Arrangement) error {
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM arrangements WHERE id = ?`), a.ID); err != nil {
		return err
	}
	return s.audit(ctx, tx, who, "delete arrangement", fmt.Sprintf("arrangement %d", a.ID), arrangementJSON(a), "")
}

// UnlinkedMandates lists the mandates stored before organizations were
// linked (migration 024 listed them), by id.
func (s *Store) UnlinkedMandates(ctx context.Context) ([]int64, error) {
	return list(ctx, s, `SELECT mandate_id FROM mandates_unlinked ORDER BY mandate_id`, nil, 0, func(r *sql.Rows) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
}

// LinkOrganizations writes the organizations of mandates stored before
// they were linked and marks them linked, in one transaction; it says how
// many it linked.
func (s *Store) LinkOrganizations(ctx context.Context, who string, links map[int64][]string) (int, error) {
	if strings.TrimSpace(who) == "" || !accord.ValidWho(who) {
		return 0, fmt.Errorf("%w: who %q is no name", accord.ErrInvalid, who)
	}
	n, named := 0, 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		n, named = 0, 0
		for _, id := range slices.Sorted(maps.Keys(links)) {
			res, err := tx.ExecContext(ctx, s.q(`DELETE FROM mandates_unlinked WHERE mandate_id = ?`), id)
			if err != nil {
				return err
			}
			if k, err := res.RowsAffected(); err != nil || k == 0 {
				continue // linked meanwhile, or deleted
			}
			if err := s.writeMandateOrganizations(ctx, tx, id, links[id]); err != nil {
				return err
			}
			n++
			if len(links[id]) > 0 {
				named++
			}
		}
		if n == 0 {
			return nil
		}
		return s.audit(ctx, tx, who, "link organizations", "mandates", "", fmt.Sprintf(`{"mandates":%d,"naming_organizations":%d}`, n, named))
	})
	return n, err
}
