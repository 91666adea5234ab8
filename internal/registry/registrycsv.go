package registry

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/accordmea/accord"
)

// A csvRow is one data row of a registry CSV with what its errors name:
// the file, the row's line and each column's header.
type csvRow struct {
	file   string
	line   int
	header []string
	fields []string
}

// readCSV reads a registry CSV whose first row is exactly header (the
// columns in that order, so that a file with shifted columns is refused
// rather than read into the wrong fields) and calls fn on each data row.
// Spaces around a value are dropped and blank lines skipped; every other
// error names the file and row.
func readCSV(file string, r io.Reader, header []string, fn func(row csvRow) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	first, err := cr.Read()
	if err == io.EOF {
		return fmt.Errorf("%s: empty, want the header %s", file, strings.Join(header, ","))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if len(first) > 0 {
		first[0] = strings.TrimPrefix(first[0], "\ufeff")
	}
	if strings.Join(first, ",") != strings.Join(header, ",") {
		return fmt.Errorf("%s: row 1: header is %q, want %q", file, strings.Join(first, ","), strings.Join(header, ","))
	}
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("%s: row %d: %v", file, pe.StartLine, pe.Err)
			}
			return fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if len(fields) != len(header) {
			return fmt.Errorf("%s: row %d: %d columns, want %d (%s)", file, line, len(fields), len(header), strings.Join(header, ","))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(csvRow{file, line, header, fields}); err != nil {
			return err
		}
	}
}

// get returns the value of column col.
func (r csvRow) get(col string) string {
	for i, h := range r.header {
		if h == col {
			return r.fields[i]
		}
	}
	panic("registry: no column " + col)
}

// errorf is an error naming the row and column col.
func (r csvRow) errorf(col, format string, args ...any) error {
	return fmt.Errorf("%s: row %d, column %s: %s", r.file, r.line, col, fmt.Sprintf(format, args...))
}

// check is err, a record's check, as an error naming the row and the
// column of the field at fault.
func (r csvRow) check(err error) error {
	var fe *accord.FieldError
	if errors.As(err, &fe) {
		return r.errorf(fe.Field, "%s", fe.Msg)
	}
	return err
}

// required returns column col, an error if it is empty.
func (r csvRow) required(col string) (string, error) {
	v := r.get(col)
	if v == "" {
		return "", r.errorf(col, "empty")
	}
	return v, nil
}

// list splits column col at '|', dropping empty items.
func (r csvRow) list(col string) []string {
	var out []string
	for _, s := range strings.Split(r.get(col), "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// slugRE is what an id looks like: lower-case words joined by hyphens.
var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// id returns column col as a slug.
func (r csvRow) id(col string) (string, error) {
	v, err := r.required(col)
	if err != nil {
		return "", err
	}
	if !slugRE.MatchString(v) {
		return "", r.errorf(col, "%q is not an id (lower-case letters, digits and single hyphens)", v)
	}
	return v, nil
}

// alpha2 checks that v, the value of column col, is an ISO 3166-1
// alpha-2 code.
func (r csvRow) alpha2(col, v string) error {
	if err := checkAlpha2(v); err != nil {
		return r.errorf(col, "%v", err)
	}
	return nil
}

// httpsURL returns column col, empty or an absolute https URL with a
// host.
func (r csvRow) httpsURL(col string) (string, error) {
	v := r.get(col)
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(v, " \t") {
		return "", r.errorf(col, "%q is not an https URL", v)
	}
	return v, nil
}

// source returns column col, where a row's facts were checked: a
// required http or https URL (some of the conventions' own pages and
// older conference sites are served over http only).
func (r csvRow) source(col string) (string, error) {
	v, err := r.required(col)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(v, " \t") {
		return "", r.errorf(col, "%q is not an http or https URL", v)
	}
	return v, nil
}
