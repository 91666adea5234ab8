// Package records reads and writes the registry's records (meetings,
// documents, organizations, countries and focal points, regional centres,
// …) as the CSV and JSON files secretariats publish and exchange, the same
// way for every record type.
//
// A record type is a Type: its name, its columns, how one row becomes a
// record (every problem named by row and column) and how a batch of
// records is stored and listed. Types lists them all; the command line's
// import and export, and any page or API that takes a file, go through
// Import and Export so that every type is checked the same way:
//
//   - a file with any invalid row stores nothing, and the error lists
//     every problem by row and column;
//   - with SkipInvalid the valid rows are stored and the invalid ones
//     listed as skipped;
//   - the rows are stored in one transaction by the type's Store, which
//     matches records by their natural key, so that importing the same
//     file twice changes nothing.
package records

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/accordmea/accord"
)

// Type is a record type: its name, its columns, and how its records are
// read, stored and listed. New makes one.
type Type struct {
	Name    string   // what commands call it: "meetings"
	Doc     string   // what the records are, in a few words
	Columns []string // the file's columns, in the order export writes them
	// ICS, when set, writes the stored records as an iCalendar file: the
	// records that are events (meetings, deadlines).
	ICS func(ctx context.Context, st accord.Store, w io.Writer) error

	importRows func(ctx context.Context, st accord.Store, rows []Row, o Options) (Result, error)
	exportRows func(ctx context.Context, st accord.Store) ([][]string, error)
}

// Codec says how records of type T are read from a row, stored and
// listed.
type Codec[T any] struct {
	// Parse reads one row into a record, reporting every problem to c.
	// The record is used only when c has no problem.
	Parse func(c *Checker) T
	// Resolve, when set, completes a record Parse read without problem
	// from what is stored (references to other records), reporting what
	// it cannot find to c; its error is the store's failure.
	Resolve func(ctx context.Context, st accord.Store, c *Checker, rec T) (T, error)
	// Store stores the records in one transaction, matching each to a
	// stored record by its natural key, and audits each change as who.
	Store func(ctx context.Context, st accord.Store, who string, recs []T) (accord.ImportCounts, error)
	// List lists the stored records in the order export writes them.
	List func(ctx context.Context, st accord.Store) ([]T, error)
	// Row gives a record's cells by column name; a column it leaves out
	// is empty.
	Row func(T) map[string]string
}

// New makes the record type name, whose files have columns and whose
// records c reads, stores and lists.
func New[T any](name, doc string, columns []string, c Codec[T]) *Type {
	t := &Type{Name: name, Doc: doc, Columns: columns}
	t.importRows = func(ctx context.Context, st accord.Store, rows []Row, o Options) (Result, error) {
		var (
			recs []T
			bad  Errors
		)
		for _, r := range rows {
			ck := &Checker{row: r}
			rec := c.Parse(ck)
			if len(ck.errs) == 0 && c.Resolve != nil {
				var err error
				if rec, err = c.Resolve(ctx, st, ck, rec); err != nil {
					return Result{}, err
				}
			}
			if len(ck.errs) > 0 {
				bad = append(bad, ck.errs...)
				continue
			}
			recs = append(recs, rec)
		}
		if len(bad) > 0 && !o.SkipInvalid {
			return Result{}, bad
		}
		res := Result{Skipped: bad}
		if len(recs) == 0 {
			return res, nil
		}
		counts, err := c.Store(ctx, st, o.Who, recs)
		if err != nil {
			return Result{}, err
		}
		res.ImportCounts = counts
		return res, nil
	}
	t.exportRows = func(ctx context.Context, st accord.Store) ([][]string, error) {
		recs, err := c.List(ctx, st)
		if err != nil {
			return nil, err
		}
		out := make([][]string, 0, len(recs))
		for _, rec := range recs {
			cells := c.Row(rec)
			row := make([]string, len(columns))
			for i, col := range columns {
				row[i] = cells[col]
			}
			out = append(out, row)
		}
		return out, nil
	}
	return t
}

// types are the record types, in the order help lists them. Adding a
// type is adding the Type New makes here.
var types = slices.Concat([]*Type{organizations, arrangements, Documents, memberships, focalPoints, coordination, centres}, meetingTypes)

// Types lists the record types.
func Types() []*Type { return slices.Clone(types) }

// Lookup returns the record type called name, or an error naming the
// types there are.
func Lookup(name string) (*Type, error) {
	for _, t := range types {
		if t.Name == name {
			return t, nil
		}
	}
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = t.Name
	}
	return nil, fmt.Errorf("unknown record type %q: want one of %s: %w", name, strings.Join(names, ", "), accord.ErrInvalid)
}

// Options say how Import treats a file.
type Options struct {
	// Who imports it, for the audit log.
	Who string
	// SkipInvalid stores the valid rows of a file that has invalid ones
	// and lists those it skipped, instead of storing nothing.
	SkipInvalid bool
}

// Result says what an import did.
type Result struct {
	accord.ImportCounts
	// Skipped are the problems of the rows left out (SkipInvalid).
	Skipped Errors `json:"skipped,omitempty"`
}

// Import reads file (name says where it came from, for errors; format is
// "csv" or "json", or "" to go by the name's extension) and stores its
// records of type t. With any invalid row it stores nothing and returns
// Errors, unless o.SkipInvalid.
func Import(ctx context.Context, st accord.Store, t *Type, name, format string, data []byte, o Options) (Result, error) {
	rows, err := Read(name, format, data, t.Columns)
	if err != nil {
		return Result{}, err
	}
	if len(rows) == 0 {
		return Result{}, fmt.Errorf("%s: no rows: %w", name, accord.ErrInvalid)
	}
	res, err := t.importRows(ctx, st, rows, o)
	if err != nil {
		var errs Errors
		if errors.As(err, &errs) {
			return Result{}, fmt.Errorf("%s: %w", name, err)
		}
		return Result{}, fmt.Errorf("import %s from %s: %w", t.Name, name, err)
	}
	return res, nil
}
