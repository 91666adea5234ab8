package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

var centreRecord = registryRecord[accord.Centre]{
	kind:     "centre",
	table:    "centres",
	keyWhere: "id = ?",
	key:      func(c accord.Centre) []any { return []any{c.ID} },
	cols:     []string{"id", "name", "host_country", "city", "conventions", "countries_served", "closed", "focal_centre", "documents", "source"},
	vals: func(c accord.Centre) []any {
		docs, _ := json.Marshal(c.Documents)
		if c.Documents == nil {
			docs = []byte("[]")
		}
		return []any{c.ID, c.Name, c.HostCountry, c.City, strings.Join(c.Conventions, "|"), strings.Join(c.CountriesServed, "|"), c.Closed, c.FocalCentre, string(docs), c.Source}
	},
	selectCols: "id, name, host_country, city, conventions, countries_served, closed, focal_centre, documents, source, created_at, updated_at, updated_by",
	scan: func(sc scanner) (accord.Centre, error) {
		var c accord.Centre
		var conv, served, docs string
		err := sc.Scan(&c.ID, &c.Name, &c.HostCountry, &c.City, &conv, &served, &c.Closed, &c.FocalCentre, &docs, &c.Source,
			timeValue{&c.Created}, timeValue{&c.Updated}, &c.UpdatedBy)
		if err != nil {
			return c, err
		}
		c.Conventions, c.CountriesServed = splitList(conv), splitList(served)
		if err := json.Unmarshal([]byte(docs), &c.Documents); err != nil {
			return c, fmt.Errorf("centre %s: documents: %w", c.ID, err)
		}
		if len(c.Documents) == 0 {
			c.Documents = nil
		}
		return c, nil
	},
	content: func(c accord.Centre) accord.Centre {
		c.Created, c.Updated, c.UpdatedBy = time.Time{}, time.Time{}, ""
		if len(c.Documents) == 0 {
			c.Documents = nil
		}
		return c
	},
	id:        func(c accord.Centre) string { return c.ID },
	stringID:  true,
	normalize: (*accord.Centre).Normalize,
	check:     checkCentre,
}

// checkCentre is Validate with the countries checked against ISO 3166-1.
func checkCentre(c accord.Centre) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := checkCountries("host_country", c.HostCountry); err != nil {
		return err
	}
	return checkCountries("countries_served", c.CountriesServed...)
}

// Centres lists the centres by name.
func (s *Store) Centres(ctx context.Context) ([]accord.Centre, error) {
	return list(ctx, s, `SELECT `+centreRecord.selectCols+` FROM centres ORDER BY name, id`, nil, 0,
		func(r *sql.Rows) (accord.Centre, error) { return centreRecord.scan(r) })
}

// Centre returns centre id.
func (s *Store) Centre(ctx context.Context, id string) (accord.Centre, error) {
	return one(ctx, s, centreRecord, id)
}

// SaveCentres adds or updates cs in one transaction.
func (s *Store) SaveCentres(ctx context.Context, cs []accord.Centre, who string) (accord.ImportCounts, error) {
	return saveRecords(ctx, s, centreRecord, cs, who)
}

// DeleteCentre deletes centre id; the bundle does not bring it back.
func (s *Store) DeleteCentre(ctx context.Context, id, who string) error {
	return deleteRecord(ctx, s, centreRecord, id, who)
}

// loadBundledCentres writes the bundled centres into the store: those
// missing, unless a person deleted them, and those still as bundled
// (by accord.Bundled) that a newer bundle changed. A centre a person
// changed keeps their change. Loading the same bundle twice changes
// nothing.
func (s *Store) loadBundledCentres(ctx context.Context) error {
	bundled, err := registry.Centres()
	if err != nil {
		return err
	}
	stored, err := s.Centres(ctx)
	if err != nil {
		return err
	}
	byID := map[string]accord.Centre{}
	for _, c := range stored {
		byID[c.ID] = c
	}
	deleted := map[string]bool{}
	rows, err := s.read.QueryContext(ctx, `SELECT record FROM party_tombstones WHERE kind = 'centre'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		deleted[id] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var load []accord.Centre
	for _, c := range bundled {
		c.Conventions = append([]string(nil), c.Conventions...)
		c.CountriesServed = append([]string(nil), c.CountriesServed...)
		old, ok := byID[c.ID]
		switch {
		case deleted[c.ID]:
		case !ok:
			load = append(load, c)
		case old.UpdatedBy == accord.Bundled:
			c.FocalCentre, c.Documents = old.FocalCentre, old.Documents
			load = append(load, c)
		}
	}
	if len(load) == 0 {
		return nil
	}
	_, err = s.SaveCentres(ctx, load, accord.Bundled)
	return err
}
