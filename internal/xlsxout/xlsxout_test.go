package xlsxout

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestWriter(t *testing.T) {
	evil := `=HYPERLINK("https://evil.example","x")`
	w, err := New("Mandates", []Column{{"id", Number, 6}, {"action", Text, 60}, {"due", Date, 12}, {"updated", DateTime, 18}})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 29, 8, 5, 0, 0, time.FixedZone("CET", 3600))
	for _, row := range [][]any{
		{int64(7), evil, Day("2027-06-30"), at},
		{8, "+1 and\na second line", Day("2028"), time.Time{}},
	} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Write([]any{1}); err == nil {
		t.Error("a row of one cell for four columns was taken")
	}
	if err := w.Note("cut"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := w.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	w.Close()

	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if name := f.GetSheetName(0); name != "Mandates" {
		t.Errorf("sheet %q", name)
	}
	for cell, want := range map[string]string{"A1": "id", "A2": "7", "B2": evil, "C2": "2027-06-30", "D2": "2026-11-29 07:05",
		"B3": "+1 and\na second line", "C3": "2028", "D3": "", "A5": "cut"} {
		if got, _ := f.GetCellValue("Mandates", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
		if fm, _ := f.GetCellFormula("Mandates", cell); fm != "" {
			t.Errorf("%s is the formula %q", cell, fm)
		}
	}
	for cell, want := range map[string]excelize.CellType{"B2": excelize.CellTypeInlineString, "B3": excelize.CellTypeInlineString, "C3": excelize.CellTypeInlineString,
		"A2": excelize.CellTypeUnset, "C2": excelize.CellTypeUnset, "D2": excelize.CellTypeUnset} {
		if got, _ := f.GetCellType("Mandates", cell); got != want {
			t.Errorf("type of %s = %v, want %v", cell, got, want)
		}
	}
	if raw, _ := f.GetCellValue("Mandates", "C2", excelize.Options{RawCellValue: true}); raw != "46568" {
		t.Errorf("C2 holds %q, want the day 46568", raw)
	}
	if p, err := f.GetPanes("Mandates"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v: want the header row frozen", p)
	}
	if wd, _ := f.GetColWidth("Mandates", "B"); wd != 60 {
		t.Errorf("width of B = %v", wd)
	}
	id, _ := f.GetCellStyle("Mandates", "B3")
	if st, err := f.GetStyle(id); err != nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("B3 style %+v: want wrapped", st)
	}
	id, _ = f.GetCellStyle("Mandates", "A1")
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v: want bold", st)
	}
}
