package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// hostile is a meeting whose every stored text is an attack on the
// program that opens the report: formulas for spreadsheets, HTML and
// links for Markdown viewers.
func hostile() ([]accord.Decision, []accord.Mandate) {
	ds := []accord.Decision{{ID: 1, Symbol: "MC-6/<b>3</b>", Title: `<script>alert("title")</script>`}}
	ms := []accord.Mandate{{ID: 10, DecisionID: 1, Path: "<i>3</i>", Action: `=HYPERLINK("https://evil.example","x") <img src=x onerror=alert(1)>`,
		Deliverable: "+report", Status: accord.StatusOpen, Owner: "@SUM(1+1)*cmd|' /C calc'!A0",
		Addressees: []accord.Addressee{{Text: "-secretariat <script>alert(2)</script>", Actor: "secretariat"}},
		Deadline:   &accord.Deadline{Text: "\tat its <u>seventh</u> meeting", Meeting: "COP-7"},
		Notes:      "\r<iframe src=https://evil.example></iframe>", Evidence: []accord.Evidence{{Kind: "url", Ref: "[click](javascript:alert(3))"}}}}
	return ds, ms
}

func TestCSVFormulas(t *testing.T) {
	ds, ms := hostile()
	var b bytes.Buffer
	if err := Write(&b, Implementation("minamata", "=COP-6", ds, ms, now), "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("csv rows = %q", rows)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("cell %q would be read as a formula", cell)
		}
	}
	if rows[1][4] != `'=HYPERLINK("https://evil.example","x") <img src=x onerror=alert(1)>` || rows[1][8] != "'@SUM(1+1)*cmd|' /C calc'!A0" {
		t.Errorf("action %q, owner %q: want them whole after a quote", rows[1][4], rows[1][8])
	}
}

func TestMarkdownEscapes(t *testing.T) {
	for _, kind := range []string{"implementation", "asked"} {
		ds, ms := hostile()
		r := Implementation("<b>minamata</b>", "<i>COP-6</i>", ds, ms, now)
		if kind == "asked" {
			r = Asked("<b>minamata</b>", "<i>COP-6</i>", ds, ms, now)
		}
		var b bytes.Buffer
		if err := Write(&b, r, "markdown"); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		// The only markup left is the line breaks the report makes.
		rest := strings.ReplaceAll(md, "<br>", "")
		if strings.ContainsAny(rest, "<>") || strings.Contains(strings.ReplaceAll(md, `\]`, ""), "](") {
			t.Errorf("%s: markdown passes HTML or a link through:\n%s", kind, md)
		}
		for _, want := range []string{`&lt;script&gt;alert("title")&lt;/script&gt;`, "&lt;img src=x onerror=alert(1)&gt;"} {
			if !strings.Contains(md, want) {
				t.Errorf("%s: markdown lacks %q:\n%s", kind, want, md)
			}
		}
	}
}
