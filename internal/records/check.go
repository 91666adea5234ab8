package records

import (
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// FieldError is a problem with one cell of a file: its row (the
// header is row 1 of a CSV file; the first object is row 1 of a JSON
// array) and its column.
type FieldError struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Err    string `json:"error"`
}

func (e FieldError) Error() string {
	return fmt.Sprintf("row %d, column %s: %s", e.Row, e.Column, e.Err)
}

// Errors are the problems of a file, in row order. It wraps
// accord.ErrInvalid.
type Errors []FieldError

func (es Errors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d invalid ", len(es))
	if len(es) == 1 {
		b.WriteString("cell")
	} else {
		b.WriteString("cells")
	}
	for _, e := range es {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap makes errors.Is(err, accord.ErrInvalid) hold.
func (es Errors) Unwrap() error { return accord.ErrInvalid }

// ListSep separates the values of a cell that holds a list
// ("AG|BS|BB"), as the bundled files do.
const ListSep = "|"

// Checker reads the cells of one row for a Codec's Parse and gathers
// every problem, so that a file's errors come all at once.
type Checker struct {
	row  Row
	errs []FieldError
}

// Errorf records a problem with column col.
func (c *Checker) Errorf(col, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Row: c.row.N, Column: col, Err: fmt.Sprintf(format, args...)})
}

// OK reports whether the row has no problem so far.
func (c *Checker) OK() bool { return len(c.errs) == 0 }

// Row is the row's number, as errors give it.
func (c *Checker) Row() int { return c.row.N }

// Get returns the cell of column col, trimmed; "" when empty or absent.
func (c *Checker) Get(col string) string {
	return strings.TrimSpace(c.row.Cells[col])
}

// Required returns the cell of column col, recording a problem when it
// is empty.
func (c *Checker) Required(col string) string {
	v := c.Get(col)
	if v == "" {
		c.Errorf(col, "missing")
	}
	return v
}

// List returns the values of a list cell, split at ListSep, each trimmed,
// empty ones left out.
func (c *Checker) List(col string) []string {
	var out []string
	for _, v := range strings.Split(c.Get(col), ListSep) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// OneOf returns the cell of column col when it is one of values or
// empty, recording a problem otherwise.
func (c *Checker) OneOf(col string, values []string) string {
	v := c.Get(col)
	if v != "" && !slices.Contains(values, v) {
		c.Errorf(col, "%q is not one of %s", v, strings.Join(values, ", "))
	}
	return v
}

// Date returns the cell of column col as a date (YYYY-MM-DD); the zero
// time when empty.
func (c *Checker) Date(col string) time.Time {
	v := c.Get(col)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		c.Errorf(col, "%q is not a date: want YYYY-MM-DD", v)
	}
	return t
}

// Email returns the cell of column col when it is an email address
// (name@domain, no display name) or empty.
func (c *Checker) Email(col string) string {
	v := c.Get(col)
	if v == "" {
		return ""
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || !strings.Contains(v[strings.LastIndexByte(v, '@')+1:], ".") {
		c.Errorf(col, "%q is not an email address", v)
	}
	return v
}

// URL returns the cell of column col when it is an http or https
// address, or empty.
func (c *Checker) URL(col string) string {
	v := c.Get(col)
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		c.Errorf(col, "%q is not a web address: want https://…", v)
	}
	return v
}

// Country returns the ISO 3166-1 alpha-2 code of the country the cell
// of column col names (its code, alpha-3 code or name), or "" when empty.
func (c *Checker) Country(col string) string {
	v := c.Get(col)
	if v == "" {
		return ""
	}
	country, ok, err := registry.LookupCountry(v)
	if err != nil {
		c.Errorf(col, "%v", err)
		return ""
	}
	if !ok {
		c.Errorf(col, "unknown country %q: want an ISO 3166-1 code such as KE", v)
		return ""
	}
	return country.Alpha2
}

// Instrument returns the id of the instrument the cell of column col
// names (its id, short or full name), or "" when empty.
func (c *Checker) Instrument(col string) string {
	v := c.Get(col)
	if v == "" {
		return ""
	}
	in, ok := accord.LookupInstrument(v)
	if !ok {
		c.Errorf(col, "unknown instrument %q", v)
		return ""
	}
	return in.ID
}

// checkRecord reports to c each problem err (a record's own check, such
// as accord.Meeting.Check) names under the column of its field, but those
// of the columns in refused, which c has reported already; an error that
// names no field is the row's "id".
func checkRecord(c *Checker, err error, refused ...string) {
	fes := accord.FieldErrors(err)
	for _, fe := range fes {
		if !slices.Contains(refused, fe.Field) {
			c.Errorf(fe.Field, "%s", fe.Msg)
		}
	}
	if err != nil && len(fes) == 0 {
		c.Errorf("id", "%v", err)
	}
}
