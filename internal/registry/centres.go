package registry

import (
	"bytes"
	_ "embed"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/accordmea/accord"
)

// centreColumns are the columns of centres.csv, in order.
var centreColumns = []string{"id", "name", "host_country", "city", "conventions", "countries_served", "closed", "source"}

//go:embed centres.csv
var centresCSV []byte

var bundledCentres = sync.OnceValues(loadCentres)

func loadCentres() ([]accord.Centre, error) {
	return ParseCentres("centres.csv", bytes.NewReader(centresCSV))
}

// Centres returns the bundled regional centres, in the order of
// centres.csv, or the error naming the row and column at fault. The
// slice is shared: callers must not change it.
func Centres() ([]accord.Centre, error) {
	return bundledCentres()
}

// ParseCentres reads centres in the columns of centres.csv from r; file
// names r in errors, which also name the row and column at fault. Ids are
// unique; countries are ISO 3166-1 alpha-2 codes.
func ParseCentres(file string, r io.Reader) ([]accord.Centre, error) {
	var cs []accord.Centre
	ids := map[string]int{}
	err := readCSV(file, r, centreColumns, func(row csvRow) error {
		var c accord.Centre
		var err error
		if c.ID, err = row.id("id"); err != nil {
			return err
		}
		if prev, ok := ids[c.ID]; ok {
			return row.errorf("id", "%q is also the id of row %d", c.ID, prev)
		}
		ids[c.ID] = row.line
		if c.Name, err = row.required("name"); err != nil {
			return err
		}
		if c.HostCountry, err = row.required("host_country"); err != nil {
			return err
		}
		if err := row.alpha2("host_country", c.HostCountry); err != nil {
			return err
		}
		c.City = row.get("city")
		c.Conventions = row.list("conventions")
		if len(c.Conventions) == 0 {
			return row.errorf("conventions", "empty, want basel, stockholm or basel|stockholm")
		}
		for _, v := range c.Conventions {
			if !slices.Contains(accord.CentreConventions, v) {
				return row.errorf("conventions", "%q is not basel or stockholm", v)
			}
		}
		c.CountriesServed = row.list("countries_served")
		served := map[string]bool{}
		for _, code := range c.CountriesServed {
			if err := row.alpha2("countries_served", code); err != nil {
				return err
			}
			if served[code] {
				return row.errorf("countries_served", "%q is listed twice", code)
			}
			served[code] = true
		}
		if c.Closed = row.get("closed"); c.Closed != "" {
			if _, err := time.Parse(time.DateOnly, c.Closed); err != nil {
				return row.errorf("closed", "%q is not a date (YYYY-MM-DD)", c.Closed)
			}
		}
		if c.Source, err = row.source("source"); err != nil {
			return err
		}
		cs = append(cs, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cs, nil
}
