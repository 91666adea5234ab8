package registry

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/accordmea/accord"
)

//go:embed bodies.csv
var bodiesCSV []byte

var bodyColumns = []string{"id", "instrument", "code", "name", "kind", "source", "note"}

var bundledBodies = sync.OnceValues(func() ([]accord.Body, error) {
	var out []accord.Body
	err := readCSV("bodies.csv", bytes.NewReader(bodiesCSV), bodyColumns, func(row csvRow) error {
		b := accord.Body{ID: row.get("id"), Instrument: row.get("instrument"), Code: row.get("code"), Name: row.get("name"), Kind: row.get("kind"), Note: row.get("note")}
		var err error
		if b.Source, err = row.source("source"); err != nil {
			return err
		}
		if err := row.check(b.Check()); err != nil {
			return err
		}
		out = append(out, b)
		return nil
	})
	return out, err
})

// Bodies returns the bundled governing and subsidiary bodies in the order
// of bodies.csv, or the error naming the row and column at fault. The
// slice is shared: callers must not change it.
func Bodies() ([]accord.Body, error) {
	return bundledBodies()
}
