package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/accordmea/accord"
)

func fixture() ([]accord.Decision, []accord.Mandate) {
	ds := []accord.Decision{
		{ID: 1, Symbol: "MC-6/3", Title: "International cooperation"},
		{ID: 2, Symbol: "MC-6/4", Title: "Budget"},
		{ID: 3, Symbol: "MC-6/5", Title: "Nothing asked"},
	}
	ms := []accord.Mandate{
		{ID: 10, DecisionID: 1, Path: "3", Action: "to conduct a scoping study | with <care>", Status: accord.StatusInProgress,
			Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}},
			Deadline:   &accord.Deadline{Text: "at its seventh meeting", Meeting: "COP-7"},
			Notes:      "2026-01-05 jd: drafted", Evidence: []accord.Evidence{{Kind: "url", Ref: "https://example.org/s.pdf"}}},
		{ID: 11, DecisionID: 1, Path: "7", Action: "to report", Status: accord.StatusCompleted,
			Addressees: []accord.Addressee{{Text: "Executive Secretary", Actor: "executive-secretary"}}},
		{ID: 12, DecisionID: 2, Path: "1", Action: "to pay contributions", Status: accord.StatusOpen,
			Addressees: []accord.Addressee{{Text: "Parties", Actor: "parties"}}},
	}
	return ds, ms
}

var now = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func TestImplementationHTML(t *testing.T) {
	ds, ms := fixture()
	var b bytes.Buffer
	if err := Write(&b, Implementation("minamata", "COP-6", ds, ms, now), "html"); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	checks := []struct{ re, what string }{
		{`<title>Report on the implementation of the decisions adopted by the Conference of the Parties to the Minamata Convention at COP-6</title>`, "title"},
		{`@page \{ size: A4`, "A4 print CSS"},
		{`break-before: page`, "page breaks between decisions"},
		{`table-layout: fixed`, "tables that keep to the page"},
		{`<h2>Decision MC-6/3: International cooperation</h2>`, "first decision"},
		{`<h2>Decision MC-6/4: Budget</h2>`, "second decision"},
		{`<tr id="m10">\s*<td>3</td><td>secretariat</td><td>to conduct a scoping study \| with &lt;care&gt;`, "escaped action"},
		{`<td class="status">in-progress</td>`, "status"},
		{`<a href="https://example.org/s.pdf">`, "evidence link"},
		{`Work under way to finish; due at its seventh meeting \(COP-7\)\.`, "what remains"},
		{`<li>2 open</li>|<li>1 in-progress</li>`, "counts"},
	}
	for _, c := range checks {
		if !regexp.MustCompile(c.re).MatchString(html) {
			t.Errorf("HTML lacks %s (%s)", c.what, c.re)
		}
	}
	if strings.Contains(html, "Nothing asked") {
		t.Errorf("a decision without mandates is listed")
	}
	if n := strings.Count(html, "<tr id="); n != 3 {
		t.Errorf("%d mandate rows, want 3", n)
	}
}

func TestAsked(t *testing.T) {
	ds, ms := fixture()
	r := Asked("minamata", "COP-6", ds, ms, now)
	if len(r.Decisions) != 1 || len(r.Decisions[0].Mandates) != 2 {
		t.Fatalf("asked of the secretariat = %+v, want MC-6/3's two mandates", r.Decisions)
	}
	var b bytes.Buffer
	if err := Write(&b, r, "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "What Conference of the Parties to the Minamata Convention COP-6 asked of the secretariat") ||
		!strings.Contains(b.String(), "¶ 3 — secretariat: to conduct a scoping study") {
		t.Errorf("asked HTML:\n%s", b.String())
	}
	b.Reset()
	if err := Write(&b, r, "markdown"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "- ¶ 7 — Executive Secretary, to report; due —") {
		t.Errorf("asked markdown:\n%s", b.String())
	}
}

func TestOtherFormats(t *testing.T) {
	ds, ms := fixture()
	r := Implementation("minamata", "COP-6", ds, ms, now)
	var b bytes.Buffer
	if err := Write(&b, r, "markdown"); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"# Report on the implementation", "## Decision MC-6/3: International cooperation",
		"| 3 | secretariat | to conduct a scoping study \\| with &lt;care&gt; | at its seventh meeting (COP-7) | in-progress | drafted (jd, 5 January 2026)<br>https://example.org/s.pdf |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	b.Reset()
	if err := Write(&b, r, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][0] != "MC-6/3" || rows[3][7] != "open" {
		t.Errorf("csv rows = %q", rows)
	}
	b.Reset()
	if err := Write(&b, r, "json"); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back.Decisions) != 2 {
		t.Errorf("json = %v, %s", err, b.String())
	}
	b.Reset()
	if err := Write(&b, r, "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows("Report")
	if err != nil || len(xrows) != len(rows) || strings.Join(xrows[0], ",") != strings.Join(rows[0], ",") || xrows[3][7] != "open" || xrows[1][3] != "secretariat" {
		t.Errorf("xlsx rows = %q (%v), want those of the csv", xrows, err)
	}
	if typ, _ := f.GetCellType("Report", "C2"); typ != excelize.CellTypeUnset {
		t.Errorf("mandate number is of type %v, want a number", typ)
	}
	b.Reset()
	if err := Write(&b, r, "pdf"); err == nil {
		t.Errorf("Write(pdf) succeeded")
	}
}

func TestEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Implementation("basel", "COP-16", nil, nil, now), "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No mandates.") {
		t.Errorf("empty report:\n%s", b.String())
	}
}
