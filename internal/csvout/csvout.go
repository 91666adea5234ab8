// Package csvout writes the CSV accord gives people to open in a
// spreadsheet. A cell that starts like a formula (= + - @, a tab or a
// carriage return) is written after a single quote, as OWASP advises
// against CSV injection, so that text someone stored (an owner, a note,
// a title) is shown as text and never run.
//
// It imports only the standard library.
package csvout

import (
	"encoding/csv"
	"io"
	"strings"
)

// formulaStart are the first characters that make a spreadsheet read a
// cell as a formula.
const formulaStart = "=+-@\t\r"

// Cell returns s as a spreadsheet shows it as text: with a leading single
// quote when it would otherwise be read as a formula, or when it starts
// with a single quote itself (so that Uncell can tell the two apart).
func Cell(s string) string {
	if s != "" && (strings.IndexByte(formulaStart, s[0]) >= 0 || s[0] == '\'') {
		return "'" + s
	}
	return s
}

// Writer writes records whose every cell passed through Cell.
type Writer struct {
	cw  *csv.Writer
	buf []string
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{cw: csv.NewWriter(w)}
}

// Write writes one record.
func (w *Writer) Write(record []string) error {
	w.buf = w.buf[:0]
	for _, s := range record {
		w.buf = append(w.buf, Cell(s))
	}
	return w.cw.Write(w.buf)
}

// Flush writes what is buffered and returns the first error of any write.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// Uncell undoes Cell: a cell read back from a file Writer wrote is the
// text that was written, so that a file exported and imported again
// changes nothing.
func Uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && (strings.IndexByte(formulaStart, s[1]) >= 0 || s[1] == '\'') {
		return s[1:]
	}
	return s
}
