// Command gencountries writes countries.csv, the ISO 3166-1 list that
// package registry embeds, from Debian's iso-codes data:
//
//	go run ./internal/gencountries -in /usr/share/iso-codes/json/iso_3166-1.json -out countries.csv
//
// It is run by go generate in internal/registry; the CSV is committed so
// that a build needs no iso-codes.
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

type entry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Numeric      string `json:"numeric"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
}

func main() {
	in := flag.String("in", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes' ISO 3166-1 JSON")
	out := flag.String("out", "countries.csv", "the CSV to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc struct {
		Entries []entry `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if len(doc.Entries) == 0 {
		return fmt.Errorf("%s: no entries under \"3166-1\"", in)
	}
	sort.Slice(doc.Entries, func(i, j int) bool { return doc.Entries[i].Alpha2 < doc.Entries[j].Alpha2 })
	// Write beside out and rename, so that a failed run leaves the
	// committed file as it was.
	f, err := os.CreateTemp(filepath.Dir(out), ".countries-*.csv")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	w := csv.NewWriter(f)
	w.Write([]string{"alpha_2", "alpha_3", "numeric", "name", "official_name"})
	for _, e := range doc.Entries {
		w.Write([]string{e.Alpha2, e.Alpha3, e.Numeric, e.Name, e.OfficialName})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), out)
}
