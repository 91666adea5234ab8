package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

var instrumentTable = recordTable{"instruments", "instrument", []string{"short", "name", "bodies", "parent", "website", "grouped", "source"}}

func instrumentValues(in accord.Instrument) []string {
	return []string{in.Short, in.Name, strings.Join(in.Bodies, "|"), in.Parent, in.Website, strings.Join(in.Groups, "|"), in.Source}
}

const instrumentColumns = `id, short, name, bodies, parent, website, grouped, source, created_at, updated_at, changed_by`

func scanInstrument(sc interface{ Scan(...any) error }) (accord.Instrument, error) {
	var in accord.Instrument
	var bodies, groups string
	err := sc.Scan(&in.ID, &in.Short, &in.Name, &bodies, &in.Parent, &in.Website, &groups, &in.Source,
		timeValue{&in.Created}, timeValue{&in.Updated}, &in.ChangedBy)
	in.Bodies, in.Groups = splitList(bodies), splitList(groups)
	return in, err
}

// Instruments lists the stored instruments, by id.
func (s *Store) Instruments(ctx context.Context) ([]accord.Instrument, error) {
	return list(ctx, s, `SELECT `+instrumentColumns+` FROM instruments WHERE deleted_at IS NULL ORDER BY id`, nil, 0,
		func(rows *sql.Rows) (accord.Instrument, error) { return scanInstrument(rows) })
}

// Instrument returns the stored instrument of id.
func (s *Store) Instrument(ctx context.Context, id string) (accord.Instrument, error) {
	in, err := scanInstrument(s.read.QueryRowContext(ctx, s.q(`SELECT `+instrumentColumns+` FROM instruments WHERE id = ? AND deleted_at IS NULL`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return in, fmt.Errorf("instrument %s: %w", id, accord.ErrNotFound)
	}
	return in, err
}

// PutInstruments adds or changes instruments in one transaction: each is
// checked with the stored instruments and the batch together, so that a
// file may add a Protocol and its Convention at once. The instruments in
// use are refreshed after the change.
func (s *Store) PutInstruments(ctx context.Context, who string, ins []accord.Instrument) (accord.ImportCounts, error) {
	stored, err := s.Instruments(ctx)
	if err != nil {
		return accord.ImportCounts{}, err
	}
	set := map[string]int{}
	all := stored
	for i, in := range all {
		set[in.ID] = i
	}
	for _, in := range ins {
		if i, ok := set[in.ID]; ok {
			all[i] = in
		} else {
			set[in.ID] = len(all)
			all = append(all, in)
		}
	}
	if err := accord.CheckInstruments(all); err != nil {
		return accord.ImportCounts{}, err
	}
	res, err := putRecords(ctx, s, instrumentTable, who, ins, func(in accord.Instrument) (string, []string, error) {
		return in.ID, instrumentValues(in), nil
	})
	if err != nil {
		return res, err
	}
	return res, s.useInstruments(ctx)
}

// useInstruments installs the stored instruments as those in use.
func (s *Store) useInstruments(ctx context.Context) error {
	stamp, err := s.instrumentsStamp(ctx)
	if err != nil {
		return err
	}
	list, err := s.Instruments(ctx)
	if err != nil {
		return fmt.Errorf("load instruments: %w", err)
	}
	accord.UseInstruments(list)
	s.instrumentsSeen.Lock()
	s.instrumentsSeen.stamp = stamp
	s.instrumentsSeen.Unlock()
	return nil
}

// instrumentsStamp says whether the instruments changed: their count and
// latest change, read in one small query.
func (s *Store) instrumentsStamp(ctx context.Context) (string, error) {
	var n int
	var last time.Time
	if err := s.read.QueryRowContext(ctx, `SELECT count(*), max(updated_at) FROM instruments`).Scan(&n, timeValue{&last}); err != nil {
		return "", fmt.Errorf("instruments stamp: %w", err)
	}
	return fmt.Sprint(n, " ", last.UnixNano()), nil
}

// refreshInstruments installs the stored instruments again when another
// server on the same database changed them since this one last did: the
// lists' pages call it (through Stats), so that a name changed elsewhere
// shows at once there too.
func (s *Store) refreshInstruments(ctx context.Context) error {
	stamp, err := s.instrumentsStamp(ctx)
	if err != nil {
		return err
	}
	s.instrumentsSeen.Lock()
	same := stamp == s.instrumentsSeen.stamp
	s.instrumentsSeen.Unlock()
	if same {
		return nil
	}
	return s.useInstruments(ctx)
}

// InstrumentCounts counts decisions and mandates by instrument, each by
// one grouped scan of its table.
func (s *Store) InstrumentCounts(ctx context.Context) (map[string]accord.InstrumentCount, error) {
	out := map[string]accord.InstrumentCount{}
	for _, c := range []struct {
		query string
		add   func(*accord.InstrumentCount, int)
	}{
		{`SELECT instrument, count(*) FROM decisions GROUP BY instrument`, func(c *accord.InstrumentCount, n int) { c.Decisions = n }},
		{`SELECT instrument, count(*) FROM mandates GROUP BY instrument`, func(c *accord.InstrumentCount, n int) { c.Mandates = n }},
	} {
		rows, err := s.read.QueryContext(ctx, c.query)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, err
			}
			v := out[id]
			c.add(&v, n)
			out[id] = v
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	return out, nil
}
