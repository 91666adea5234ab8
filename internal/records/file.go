package records

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
)

// MaxFile is the largest file Read takes: a country's focal points or a
// body's meetings are kilobytes; the whole registry of a secretariat a
// few megabytes.
const MaxFile = 32 << 20

// Row is one record of a file: its number (see FieldError) and its
// cells by column name.
type Row struct {
	N     int
	Cells map[string]string
}

// Formats are the file formats Read and Write take.
var Formats = []string{"csv", "json"}

// FormatOf is the format of a file called name, by its extension: "csv"
// or "json"; "" when it is neither.
func FormatOf(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	}
	return ""
}

// Read reads the rows of a file called name in format ("csv", "json", or
// "" to go by the name's extension) whose columns must be among columns.
// A file that is not text, too large, not in the format or has a column
// not in columns is an error naming what and where, wrapping
// accord.ErrInvalid.
func Read(name, format string, data []byte, columns []string) ([]Row, error) {
	if format == "" {
		format = FormatOf(name)
	}
	invalid := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s: %w", name, fmt.Sprintf(format, args...), accord.ErrInvalid)
	}
	switch {
	case format == "":
		return nil, invalid("unknown format: name the file .csv or .json, or give the format")
	case !slices.Contains(Formats, format):
		return nil, invalid("unknown format %q: want csv or json", format)
	case len(data) > MaxFile:
		return nil, invalid("%d bytes is more than the %d MB a file may hold", len(data), MaxFile>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, invalid("empty file")
	case bytes.IndexByte(data, 0) >= 0:
		return nil, invalid("binary file: want %s text", strings.ToUpper(format))
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, invalid("line %d: not UTF-8 text: save the file as UTF-8", line)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var (
		rows []Row
		err  error
	)
	if format == "csv" {
		rows, err = readCSV(data, columns)
	} else {
		rows, err = readJSON(data, columns)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func readCSV(data []byte, columns []string) ([]Row, error) {
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("row 1: %v: %w", err, accord.ErrInvalid)
	}
	for i, col := range header {
		header[i] = strings.TrimSpace(col)
		if err := checkColumn(header[i], columns); err != nil {
			return nil, fmt.Errorf("row 1, column %d: %w", i+1, err)
		}
		if slices.Contains(header[:i], header[i]) {
			return nil, fmt.Errorf("row 1, column %d: column %q twice: %w", i+1, header[i], accord.ErrInvalid)
		}
	}
	r.FieldsPerRecord = len(header)
	var rows []Row
	for n := 2; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("row %d: %v: %w", n, pe.Err, accord.ErrInvalid)
			}
			return nil, fmt.Errorf("row %d: %v: %w", n, err, accord.ErrInvalid)
		}
		cells := make(map[string]string, len(header))
		for i, col := range header {
			cells[col] = csvout.Uncell(rec[i])
		}
		rows = append(rows, Row{N: n, Cells: cells})
	}
}

func checkColumn(col string, columns []string) error {
	if !slices.Contains(columns, col) {
		return fmt.Errorf("unknown column %q: want %s: %w", col, strings.Join(columns, ", "), accord.ErrInvalid)
	}
	return nil
}

func readJSON(data []byte, columns []string) ([]Row, error) {
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(data, &objs); err != nil {
		return nil, fmt.Errorf("want a JSON array of objects: %v: %w", err, accord.ErrInvalid)
	}
	rows := make([]Row, 0, len(objs))
	for i, obj := range objs {
		n := i + 1
		cells := make(map[string]string, len(obj))
		for col, raw := range obj {
			if err := checkColumn(col, columns); err != nil {
				return nil, fmt.Errorf("row %d: %w", n, err)
			}
			v, err := jsonCell(raw)
			if err != nil {
				return nil, fmt.Errorf("row %d, column %s: %v: %w", n, col, err, accord.ErrInvalid)
			}
			cells[col] = v
		}
		rows = append(rows, Row{N: n, Cells: cells})
	}
	return rows, nil
}

// jsonCell is a JSON value as a cell: a string as it is, a number or a
// boolean as written, null as empty, an array of strings joined by
// ListSep.
func jsonCell(raw json.RawMessage) (string, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("a list holds strings only")
			}
			parts[i] = s
		}
		return strings.Join(parts, ListSep), nil
	}
	return "", fmt.Errorf("want a string, a number or a list of strings")
}

// Export writes the stored records of type t to w in format ("csv" or
// "json"). CSV cells that a spreadsheet would run as a formula are
// quoted; JSON is an array of objects whose keys are the columns, in
// order.
func Export(ctx context.Context, st accord.Store, t *Type, format string, w io.Writer) error {
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("unknown format %q: want csv or json: %w", format, accord.ErrInvalid)
	}
	rows, err := t.exportRows(ctx, st)
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	if format == "csv" {
		cw := csvout.NewWriter(w)
		if err := cw.Write(t.Columns); err != nil {
			return err
		}
		for _, row := range rows {
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return cw.Flush()
	}
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, col := range t.Columns {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(col)
			v, _ := json.Marshal(row[j])
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	_, err = w.Write(b.Bytes())
	return err
}
