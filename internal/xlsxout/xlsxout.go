// Package xlsxout writes the Excel workbooks accord gives people: one
// worksheet whose header row is bold and stays in view, columns as wide as
// their kind of text, days and moments as dates a spreadsheet sorts and
// counts, numbers as numbers, and every text as an inline string, never a
// formula, whatever it starts with ("=HYPERLINK(…)" stays those words).
// Rows are streamed: past a few megabytes they wait in a temporary file,
// not in memory.
//
// It imports excelize and the standard library, and nothing of accord's.
package xlsxout

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Kind says how a column's cells are written.
type Kind int

// The kinds of columns.
const (
	Text     Kind = iota
	Number        // int, int64 or float64
	Date          // time.Time shown as 2006-01-02
	DateTime      // time.Time shown as 2006-01-02 15:04, in UTC
)

// Column is a column of a worksheet: its header, the kind of its cells
// and its width in characters (0: 12).
type Column struct {
	Name  string
	Kind  Kind
	Width float64
}

// wrapWidth is the width from which a text column wraps its lines: a
// title or an action, not a symbol.
const wrapWidth = 40

// Writer writes the rows of one worksheet, then the workbook.
type Writer struct {
	f                       *excelize.File
	sw                      *excelize.StreamWriter
	cols                    []Column
	n                       int // rows written, the header with them
	day, moment, wrap, bold int
	row                     []any
}

// New begins a workbook of one worksheet named sheet with cols.
func New(sheet string, cols []Column) (w *Writer, err error) {
	w = &Writer{f: excelize.NewFile(), cols: cols, row: make([]any, len(cols))}
	defer func() {
		if err != nil {
			w.f.Close()
		}
	}()
	if err := w.f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	if w.sw, err = w.f.NewStreamWriter(sheet); err != nil {
		return nil, err
	}
	dayFmt, momentFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&w.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F8C99", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&w.day, excelize.Style{CustomNumFmt: &dayFmt, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&w.moment, excelize.Style{CustomNumFmt: &momentFmt, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&w.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
	} {
		if *s.id, err = w.f.NewStyle(&s.style); err != nil {
			return nil, err
		}
	}
	for i, c := range cols {
		width := c.Width
		if width <= 0 {
			width = 12
		}
		if err := w.sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, err
		}
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	for i, c := range cols {
		w.row[i] = excelize.Cell{StyleID: w.bold, Value: c.Name}
	}
	return w, w.next(w.row)
}

func (w *Writer) next(cells []any) error {
	w.n++
	axis, err := excelize.CoordinatesToCellName(1, w.n)
	if err != nil {
		return err
	}
	return w.sw.SetRow(axis, cells)
}

// Write writes a row, a cell a column: a string, a number, or a
// time.Time for a Date or DateTime column (the zero time is an empty cell; a
// string there, such as a year alone, stays text).
func (w *Writer) Write(cells []any) error {
	if len(cells) != len(w.cols) {
		return fmt.Errorf("xlsxout: %d cells for %d columns", len(cells), len(w.cols))
	}
	for i, v := range cells {
		cell := excelize.Cell{Value: v}
		switch v := v.(type) {
		case time.Time:
			switch {
			case v.IsZero():
				cell.Value = nil
			case w.cols[i].Kind == Date:
				cell.StyleID = w.day
			default:
				cell.StyleID, cell.Value = w.moment, v.UTC()
			}
		case string:
			if w.cols[i].Width >= wrapWidth || strings.Contains(v, "\n") {
				cell.StyleID = w.wrap
			}
		}
		w.row[i] = cell
	}
	return w.next(w.row)
}

// Note writes s alone on a row after an empty one: what a reader should
// know about the rows above, such as that they were cut.
func (w *Writer) Note(s string) error {
	w.n++
	return w.next([]any{s})
}

// WriteTo ends the worksheet and writes the workbook to out.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	if err := w.sw.Flush(); err != nil {
		return 0, err
	}
	return w.f.WriteTo(out)
}

// Close removes the temporary files the rows took.
func (w *Writer) Close() error { return w.f.Close() }

// Day reads a resolved date ("2027-06-30") as a day; a year or a month
// ("2028", "2027-06") stays text, as does "".
func Day(s string) any {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t
	}
	return s
}
