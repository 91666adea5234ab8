package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/accordmea/accord/internal/records"
	"github.com/accordmea/accord/internal/store"
)

const importHelp = `
usage: accord import [--db DB] [--format csv|json] [--skip-invalid] TYPE FILE

Import stores the registry records of TYPE that FILE holds, as CSV (a
header row naming the columns, then one record a row; a list cell
separates its values with "|") or as a JSON array of objects with the
same names. The format goes by the file's extension unless --format
gives it; FILE "-" reads standard input.

Records are matched to those stored by their natural key (a meeting's
body and number, a country's code, a focal point's instrument, country,
role and email, …): a record already stored as given is left alone, so
importing the same file twice changes nothing. Every change is in the
audit log.

A file with any invalid cell (a missing name, an unknown country or
instrument, a bad email address or date) stores nothing: every problem is
listed by row and column. --skip-invalid stores the valid rows and lists
the rows it skipped.

Types (accord export TYPE writes the same columns):
%s`

func runImport(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", fmt.Sprintf(importHelp, recordTypesHelp()), stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	format := fs.String("format", "", "`format` of FILE: csv or json (default: by its extension)")
	skip := fs.Bool("skip-invalid", false, "store the valid rows of a file that has invalid ones")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usageError("import wants a TYPE and a FILE")
	}
	t, err := records.Lookup(fs.Arg(0))
	if err != nil {
		return usageError("%v", err)
	}
	name := fs.Arg(1)
	var data []byte
	if name == "-" {
		if *format == "" {
			return usageError("import from standard input wants --format csv or json")
		}
		data, err = io.ReadAll(io.LimitReader(os.Stdin, records.MaxFile+1))
		name = "standard input"
	} else {
		data, err = readFileLimited(name, records.MaxFile)
	}
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := records.Import(ctx, st, t, name, *format, data, records.Options{Who: whoAmI(), SkipInvalid: *skip})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d added, %d updated, %d unchanged\n", t.Name, res.Added, res.Updated, res.Unchanged)
	if len(res.Skipped) > 0 {
		fmt.Fprintf(stderr, "skipped %d invalid cells:\n", len(res.Skipped))
		for _, e := range res.Skipped {
			fmt.Fprintf(stderr, "  %s: %v\n", name, e)
		}
	}
	return nil
}

// recordTypesHelp lists the record types for the help of import and
// export.
func recordTypesHelp() string {
	var b strings.Builder
	for _, t := range records.Types() {
		fmt.Fprintf(&b, "  %-14s %s\n      columns: %s\n", t.Name, t.Doc, strings.Join(t.Columns, ", "))
	}
	if b.Len() == 0 {
		return "  (none yet)\n"
	}
	return b.String()
}

// readFileLimited reads the file name, refusing one larger than max bytes
// without reading it whole.
func readFileLimited(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: larger than the %d MB a file may hold", name, max>>20)
	}
	return data, nil
}
