package csvout

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"secretariat", "secretariat"},
		{"=1+1", "'=1+1"},
		{`=HYPERLINK("https://evil.example","x")`, `'=HYPERLINK("https://evil.example","x")`},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{" =1", " =1"},
		{"a=1", "a=1"},
		{"— none", "— none"},
		{"'=1", "''=1"},
		{"'quoted", "''quoted"},
	} {
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]string{"owner", "note"})
	w.Write([]string{`=HYPERLINK("x","y")`, "a, \"quoted\"\nline"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][0] != `'=HYPERLINK("x","y")` || rows[1][1] != "a, \"quoted\"\nline" {
		t.Errorf("rows = %q", rows)
	}
}

func TestUncell(t *testing.T) {
	for _, s := range []string{"", "'", "plain", "=SUM(A1)", "+41 22 917 8271", "-", "@home", "'quoted already", "'=1"} {
		if got := Uncell(Cell(s)); got != s {
			t.Errorf("Uncell(Cell(%q)) = %q", s, got)
		}
	}
}
