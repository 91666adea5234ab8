package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord/internal/testpdf"
)

// runAccord runs the command line in-process and returns its exit status and
// output.
func runAccord(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

const decisionText = `Decision MC-7/2: Reporting

The Conference of the Parties,

Recalling decision MC-6/3,

1. Welcomes the reports submitted by Parties;

2. Requests the secretariat to report to the Conference of the Parties at its eighth meeting.
`

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseJSON(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "d.txt", []byte(decisionText))
	code, out, errs := runAccord(t, "parse", f, "--format", "json")
	if code != 0 {
		t.Fatalf("parse exit %d: %s", code, errs)
	}
	var got struct {
		Decisions []struct {
			Symbol     string
			Title      string
			Preamble   []struct{ Text string }
			Paragraphs []struct {
				Number     string
				Verb       *string
				Addressees []any
				Items      []any
			}
			References struct{ Decisions, Documents []string }
			Deadlines  []any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("parse output is not JSON: %v\n%s", err, out)
	}
	if len(got.Decisions) != 1 {
		t.Fatalf("decisions = %d, want 1", len(got.Decisions))
	}
	d := got.Decisions[0]
	if d.Symbol != "MC-7/2" || d.Title != "Reporting" || len(d.Preamble) != 1 || len(d.Paragraphs) != 2 {
		t.Errorf("decision = %+v", d)
	}
	if d.Paragraphs[1].Verb == nil || *d.Paragraphs[1].Verb != "Requests" || d.Paragraphs[1].Items == nil || d.Paragraphs[1].Addressees == nil {
		t.Errorf("paragraph 2 = %+v: want verb Requests and lists, not null", d.Paragraphs[1])
	}
	if len(d.References.Decisions) != 1 || d.References.Decisions[0] != "MC-6/3" || d.References.Documents == nil || d.Deadlines == nil {
		t.Errorf("references = %+v, deadlines %v", d.References, d.Deadlines)
	}
	code, out, _ = runAccord(t, "parse", f)
	if code != 0 || !strings.Contains(out, "MC-7/2  Reporting") || !strings.Contains(out, "[Requests/directive]") {
		t.Errorf("parse text output:\n%s", out)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage: accord"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"parse"}, 2, "want one FILE"},
		{[]string{"parse", "--format", "xml", "x.txt"}, 2, `unknown --format "xml"`},
		{[]string{"parse", "--bogus", "x.txt"}, 2, "unknown flag --bogus (accord parse -h lists the flags)"},
		{[]string{"ingest"}, 2, "want at least one FILE"},
		{[]string{"decisions"}, 2, "want list or show"},
		{[]string{"decisions", "list", "--kind", "memo"}, 2, `unknown --kind "memo"`},
		{[]string{"parse", "/no/such/file.txt"}, 1, "/no/such/file.txt: no such file or directory"},
	}
	for _, tt := range tests {
		code, _, errs := runAccord(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("accord %q = exit %d, stderr %q; want exit %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
	if code, _, errs := runAccord(t, "help"); code != 0 || !strings.Contains(errs, "ingest") {
		t.Errorf("accord help = %d %q", code, errs)
	}
}

// TestIngestBadInput checks that each kind of bad file gets a one-line
// error naming the file and the reason, a non-zero exit, and stores
// nothing.
func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, 50<<20)
	for i := range big {
		big[i] = 'a'
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty file"},
		{"binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), "binary file"},
		{"big.txt", big, "over the limit"},
		{"notes.txt", []byte("Minutes of the lunch.\n\nThe coffee was good.\n"), "no decision found"},
		{"broken.txt", []byte("Décision\n\xff\xfe\xfd"), "invalid UTF-8 at line 2"},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		tests = append(tests, struct {
			name string
			data []byte
			want string
		}{"scan.pdf", testpdf.Minimal(), "PDF has no text layer"}, struct {
			name string
			data []byte
			want string
		}{"pages.pdf", testpdf.Repeated(1001, "Decision MC-7/9: Pages", "The Conference of the Parties,", "1. Requests the secretariat to report."), "PDF has 1001 pages (limit: 1000 pages)"})
	} else {
		t.Log("pdftotext not installed: the PDF case is left out")
	}
	db := filepath.Join(dir, "accord.db")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := writeFile(t, dir, tt.name, tt.data)
			code, _, errs := runAccord(t, "ingest", "--db", db, f)
			if code == 0 {
				t.Fatalf("ingest %s succeeded", tt.name)
			}
			first := strings.SplitN(errs, "\n", 2)[0]
			if !strings.Contains(first, f) || !strings.Contains(first, tt.want) {
				t.Errorf("ingest %s: first error line %q, want the file name and %q", tt.name, first, tt.want)
			}
			_, out, _ := runAccord(t, "decisions", "list", "--db", db)
			if !strings.Contains(out, "no decisions stored") {
				t.Errorf("after ingest of %s the store holds:\n%s", tt.name, out)
			}
		})
	}
}

// TestLimitFlags: the limits of reading can be raised or lowered from
// the command line, and nonsense limits are usage errors.
func TestLimitFlags(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed")
	}
	dir := t.TempDir()
	f := writeFile(t, dir, "three.pdf", testpdf.Pages(
		[]string{"Decision MC-7/9: Pages"}, []string{"The Conference of the Parties,"}, []string{"1. Requests the secretariat to report."}))
	if code, _, errs := runAccord(t, "parse", "--max-pages", "2", f); code != 1 || !strings.Contains(errs, f+": invalid: PDF has 3 pages (limit: 2 pages)") {
		t.Errorf("parse --max-pages 2 of 3 pages: exit %d, %q", code, errs)
	}
	if code, out, errs := runAccord(t, "parse", "--max-pages", "3", f); code != 0 || !strings.Contains(out, "MC-7/9") {
		t.Errorf("parse --max-pages 3 of 3 pages: exit %d, %q %q", code, out, errs)
	}
	for _, bad := range [][]string{{"--max-pages", "0"}, {"--max-paragraphs", "-1"}, {"--max-text", "0"}, {"--pdf-time", "0s"}} {
		if code, _, errs := runAccord(t, append([]string{"ingest", "--db", filepath.Join(dir, "a.db")}, append(bad, f)...)...); code != 2 || !strings.Contains(errs, bad[0]) {
			t.Errorf("ingest %s: exit %d, %q; want a usage error", bad, code, errs)
		}
	}
}

func TestIngestDirectory(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeFile(t, in, "a.txt", []byte(decisionText))
	// Windows-1252 text: decoded, not refused.
	writeFile(t, in, "b.txt", []byte("Decision MC-7/3: Caf\xe9 \x93matters\x94\n\nThe Conference of the Parties,\n\n1. Decides to act.\n"))
	writeFile(t, in, "c.txt", []byte("Décision\n\xff\xfe\xfd"))
	writeFile(t, in, "skip.json", []byte("{}"))
	db := filepath.Join(dir, "accord.db")
	code, out, errs := runAccord(t, "ingest", "--db", db, in)
	if code != 1 {
		t.Errorf("ingest with one bad file: exit %d, want 1", code)
	}
	if !strings.Contains(errs, "c.txt: invalid: invalid UTF-8 at line 2") || strings.Count(errs, "c.txt") != 1 {
		t.Errorf("stderr = %q", errs)
	}
	if !strings.Contains(out, "ingested 2 of 3 files: 2 decisions (2 new, 0 updated, 0 removed), 1 mandates, 1 failed; skipped 1 file that holds no decision (skip.json)") {
		t.Errorf("summary = %q", out)
	}
	code, out, _ = runAccord(t, "decisions", "list", "--db", db, "--format", "csv")
	if code != 0 || !strings.Contains(out, "MC-7/2,minamata,COP-7,,decision,Reporting") || !strings.Contains(out, "MC-7/3,minamata,COP-7,,decision,Café “matters”") {
		t.Errorf("decisions list csv:\n%s", out)
	}
	code, out, _ = runAccord(t, "decisions", "list", "--db", db, "--year", "2024")
	if code != 0 || out != "no decisions stored\n" {
		t.Errorf("decisions list --year 2024: exit %d, %q", code, out)
	}
	if code, _, errs := runAccord(t, "decisions", "list", "--db", db, "--year", "24"); code != 2 || !strings.Contains(errs, "--year 24") {
		t.Errorf("decisions list --year 24: exit %d, %q", code, errs)
	}
	// Re-ingest: updated in place, no duplicates.
	code, out, _ = runAccord(t, "ingest", "--db", db, filepath.Join(in, "a.txt"))
	if code != 0 || !strings.Contains(out, "1 decisions (0 new, 1 updated, 0 removed)") {
		t.Errorf("re-ingest: exit %d, %q", code, out)
	}
	code, out, errs = runAccord(t, "decisions", "show", "--db", db, "MC-7/2")
	if code != 0 || !strings.Contains(out, "[Requests/directive]") || !strings.Contains(out, "source: "+filepath.Join(in, "a.txt")) {
		t.Errorf("decisions show: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runAccord(t, "decisions", "show", "--db", db, "MC-9/9")
	if code != 1 || !strings.Contains(errs, "no decision MC-9/9") {
		t.Errorf("show of a missing decision: exit %d, %q", code, errs)
	}
	code, out, _ = runAccord(t, "decisions", "list", "--db", db, "--format", "json", "--meeting", "COP-8")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty json list = %q", out)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := runAccord(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	for _, want := range []string{"3 decisions (3 new", "BS-IV/6", "MC-6/[--]", "Recommendation of the Ad hoc Joint Working Group"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runAccord(t, "demo", "--db", db)
	if code != 0 || !strings.Contains(out, "3 decisions (0 new, 3 updated, 0 removed)") {
		t.Errorf("second demo: exit %d\n%s", code, out)
	}
}

// TestManual keeps the manual in doc.go in step with the commands.
func TestManual(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !strings.Contains(string(b), "accord "+c.name) {
			t.Errorf("doc.go does not describe 'accord %s'", c.name)
		}
	}
}

// TestIngestPDF runs a two-page PDF through pdftotext, the parser and the
// store: running heads, the page number and a footnote at the foot of the
// page must not break the paragraph that runs over the page.
func TestIngestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed: skipping")
	}
	dir := t.TempDir()
	pdf := testpdf.Pages(
		[]string{"UNEP/MC/COP.7/30", "Decision MC-7/4: Reporting", "The Conference of the Parties,",
			"Recalling decision MC-6/3,", "1. Requests the secretariat to prepare a report on the imple-",
			"mentation of the Convention1 for consideration", "1 See document UNEP/MC/COP.7/INF/3.", "1"},
		[]string{"UNEP/MC/COP.7/30", "by the Conference of the Parties at its eighth meeting;",
			"2. Decides to review the matter at its ninth meeting.", "2"},
	)
	f := writeFile(t, dir, "decision.pdf", pdf)
	db := filepath.Join(dir, "accord.db")
	if code, _, errs := runAccord(t, "ingest", "--db", db, f); code != 0 {
		t.Fatalf("ingest PDF: exit %d: %s", code, errs)
	}
	code, out, errs := runAccord(t, "decisions", "show", "--db", db, "--format", "json", "MC-7/4")
	if code != 0 {
		t.Fatalf("show: %s", errs)
	}
	var d struct {
		Paragraphs []struct{ Text string }
		Footnotes  []struct{ Marker, Text, Attached string }
		Source     struct{ Format string }
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	want := "Requests the secretariat to prepare a report on the implementation of the Convention for consideration by the Conference of the Parties at its eighth meeting;"
	if len(d.Paragraphs) != 2 || d.Paragraphs[0].Text != want {
		t.Errorf("paragraphs = %+v\nwant first %q", d.Paragraphs, want)
	}
	if len(d.Footnotes) != 1 || d.Footnotes[0].Attached != "1" || d.Footnotes[0].Text != "See document UNEP/MC/COP.7/INF/3." {
		t.Errorf("footnotes = %+v", d.Footnotes)
	}
	if d.Source.Format != "pdf" {
		t.Errorf("source format = %q", d.Source.Format)
	}
}

func TestMandatesCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if code, _, errs := runAccord(t, "demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	var ms []struct {
		ID         int64
		Path       string
		Status     string
		Deadline   *struct{ Meeting string }
		Addressees []struct{ Actor string }
	}
	code, out, errs := runAccord(t, "mandates", "list", "--db", db, "--instrument", "minamata", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) != 8 || ms[2].Deadline == nil || ms[2].Deadline.Meeting != "COP-7" {
		t.Fatalf("minamata mandates = %+v", ms)
	}
	id := fmt.Sprint(ms[2].ID)
	show := func() string {
		_, out, _ := runAccord(t, "mandates", "show", "--db", db, id)
		return out
	}
	before := show()
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"--status", "finished"}, `unknown status "finished"`},
		{[]string{"--note", strings.Repeat("x", 10001)}, "note is 10001 characters, over the limit of 10000"},
		{[]string{"--evidence", "the minutes"}, `evidence "the minutes" is neither a http(s) URL nor a document symbol`},
		{[]string{}, "nothing to change"},
	}
	for _, b := range bad {
		code, _, errs := runAccord(t, append([]string{"mandates", "set", "--db", db, id}, b.args...)...)
		if code != 1 || !strings.Contains(errs, b.want) {
			t.Errorf("mandates set %q = exit %d, %q; want exit 1 and %q", b.args, code, errs, b.want)
		}
	}
	if code, _, errs := runAccord(t, "mandates", "set", "--db", db, "99999", "--status", "completed"); code != 1 || !strings.Contains(errs, "mandate 99999: not found") {
		t.Errorf("set unknown id = %d %q", code, errs)
	}
	if code, _, errs := runAccord(t, "mandates", "set", "--db", db, "abc", "--status", "completed"); code != 2 || !strings.Contains(errs, `mandate ID "abc"`) {
		t.Errorf("set bad id = %d %q", code, errs)
	}
	if after := show(); after != before {
		t.Errorf("bad updates changed the mandate:\n%s\nthen\n%s", before, after)
	}
	code, out, errs = runAccord(t, "mandates", "set", "--db", db, id, "--status", "in-progress", "--note", "Study drafted.",
		"--evidence", "https://example.org/study.pdf", "--evidence", "UNEP/MC/COP.7/INF/5", "--who", "jd", "--why", "started")
	if code != 0 || !strings.Contains(out, `jd status: "open" → "in-progress" — started`) || !strings.Contains(out, "evidence (document): UNEP/MC/COP.7/INF/5") {
		t.Errorf("set: exit %d\n%s%s", code, out, errs)
	}
	// Overdue: not before COP-7 has met; then the COP-7 mandates are.
	if _, out, _ := runAccord(t, "mandates", "list", "--db", db, "--overdue", "--instrument", "minamata"); !strings.Contains(out, "no mandates") {
		t.Errorf("overdue before COP-7:\n%s", out)
	}
	cop7 := writeFile(t, t.TempDir(), "cop7.txt", []byte("Decision MC-7/1: Rules\n\nThe Conference of the Parties,\n\n1. Decides to act.\n"))
	if code, _, errs := runAccord(t, "ingest", "--db", db, cop7); code != 0 {
		t.Fatal(errs)
	}
	// (Cartagena's COP-MOP-5, held in 2010, made its mandates overdue
	// long ago.)
	_, out, _ = runAccord(t, "mandates", "list", "--db", db, "--overdue", "--instrument", "minamata", "--format", "csv")
	if n := strings.Count(out, "\n"); n != 3 || !strings.Contains(out, "in-progress") {
		t.Errorf("overdue after COP-7 (header and 2 rows):\n%s", out)
	}
	// Cross-convention view: everyone asked about observer status.
	_, out, _ = runAccord(t, "mandates", "list", "--db", db, "--mentions", "observer status")
	if !strings.Contains(out, "cartagena") || !strings.Contains(out, "minamata") {
		t.Errorf("mentions 'observer status':\n%s", out)
	}
	if code, _, errs := runAccord(t, "mandates", "list", "--db", db, "--status", "closed"); code != 2 || !strings.Contains(errs, `unknown --status "closed"`) {
		t.Errorf("list --status closed = %d %q", code, errs)
	}
}

func TestReportCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if code, _, errs := runAccord(t, "demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runAccord(t, "report", "implementation", "--db", db, "--instrument", "cartagena", "--meeting", "COP-MOP-4", "--format", "markdown")
	if code != 0 || !strings.Contains(out, "## Decision BS-IV/6: Cooperation with other organizations, conventions and initiatives") ||
		strings.Count(out, "| 5(") != 3 {
		t.Errorf("report markdown: exit %d\n%s%s", code, out, errs)
	}
	html := filepath.Join(dir, "r.html")
	code, out, _ = runAccord(t, "report", "asked", "--db", db, "--instrument", "minamata", "--meeting", "COP-6", "--out", html)
	b, _ := os.ReadFile(html)
	if code != 0 || !strings.Contains(out, "wrote "+html) || !strings.Contains(string(b), "asked of the secretariat") {
		t.Errorf("report asked: exit %d %s", code, out)
	}
	if code, _, errs := runAccord(t, "report", "implementation", "--db", db, "--meeting", "COP-6"); code != 2 || !strings.Contains(errs, "needs --instrument and --meeting") {
		t.Errorf("report without instrument = %d %q", code, errs)
	}
	if code, _, errs := runAccord(t, "report", "implementation", "--db", db, "--instrument", "basel", "--meeting", "COP-99"); code != 1 || !strings.Contains(errs, "no decisions of basel COP-99") {
		t.Errorf("report of an unknown meeting = %d %q", code, errs)
	}
}

func TestActorsCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, out, _ := runAccord(t, "actors", "list", "--db", db); code != 0 || !strings.Contains(out, "no actors added") {
		t.Errorf("empty list: %d %q", code, out)
	}
	if code, _, errs := runAccord(t, "actors", "add", "--db", db, "Bad Id", "x"); code != 1 || !strings.Contains(errs, `actor id "Bad Id"`) {
		t.Errorf("bad id: %d %q", code, errs)
	}
	if code, _, errs := runAccord(t, "actors", "add", "--db", db, "lead-country", "lead country", "lead countries"); code != 0 {
		t.Fatal(errs)
	}
	f := writeFile(t, dir, "d.txt", []byte("Decision RC-7/5\n\nThe Conference of the Parties,\n\n1. Requests the lead country to facilitate the work.\n"))
	if code, _, errs := runAccord(t, "ingest", "--db", db, f); code != 0 {
		t.Fatal(errs)
	}
	code, out, _ := runAccord(t, "mandates", "list", "--db", db, "--actor", "lead-country", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("mandates of the added actor:\n%s", out)
	}
}

// TestSupersedingCandidates: a later decision that repeats a request is
// suggested as superseding the earlier mandate; a person confirms.
func TestSupersedingCandidates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	earlier := writeFile(t, dir, "cop6.txt", []byte("Decision MC-6/9: Reporting\n\nThe Conference of the Parties,\n\n"+
		"1. Requests the secretariat to prepare a report on the cooperation with the Global Framework on Chemicals for consideration by the Conference of the Parties at its seventh meeting.\n"))
	later := writeFile(t, dir, "cop7.txt", []byte("Decision MC-7/9: Reporting\n\nThe Conference of the Parties,\n\n"+
		"1. Requests the secretariat to prepare an updated report on the cooperation with the Global Framework on Chemicals for consideration by the Conference of the Parties at its eighth meeting;\n\n"+
		"2. Invites Parties to submit views on mercury waste.\n"))
	for _, f := range []string{earlier, later} {
		if code, _, errs := runAccord(t, "ingest", "--db", db, f); code != 0 {
			t.Fatal(errs)
		}
	}
	_, out, _ := runAccord(t, "mandates", "list", "--db", db, "--format", "json", "--symbol", "MC-6/9")
	var ms []struct{ ID int64 }
	if err := json.Unmarshal([]byte(out), &ms); err != nil || len(ms) != 1 {
		t.Fatalf("MC-6/9 mandates: %v %s", err, out)
	}
	id := fmt.Sprint(ms[0].ID)
	_, out, _ = runAccord(t, "mandates", "show", "--db", db, id)
	if !strings.Contains(out, "may be superseded by #") || !strings.Contains(out, "(MC-7/9 ¶ 1)") || strings.Contains(out, "¶ 2)") {
		t.Errorf("show of the earlier mandate:\n%s", out)
	}
	if code, out, errs := runAccord(t, "mandates", "set", "--db", db, id, "--status", "superseded", "--note", "superseded by MC-7/9"); code != 0 || !strings.Contains(out, "status: superseded") {
		t.Errorf("confirm: %d %s %s", code, out, errs)
	}
}

// TestServe starts accord serve --demo on a free port, asks it a few
// things over HTTP, and stops it.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		var errb bytes.Buffer
		done <- run(ctx, []string{"serve", "--db", db, "--demo", "--addr", "127.0.0.1:0"}, pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	base := strings.TrimSpace(strings.TrimPrefix(line, "accord serving on "))
	for _, c := range []struct {
		path, want string
		status     int
	}{
		{"/healthz", "ok", 200},
		{"/api/v1/decisions?instrument=minamata", `"symbol":"MC-6/[--]"`, 200},
		{"/api/v1/mandates?actor=executive-secretary&instrument=cartagena", `"deliverable":"report"`, 200},
		{"/api/v1/decisions?bogus=1", `"status":400`, 400},
	} {
		resp, err := http.Get(base + c.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("GET %s = %d %.300s; want %d with %q", c.path, resp.StatusCode, b, c.status, c.want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after interrupt", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestUsersCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	code, out, errs := runAccord(t, "users", "add", "--db", db, "--role", "editor", "--instrument", "minamata", "jane")
	if code != 0 || !strings.Contains(out, "user jane (editor) added") {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	token := strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n"):])
	if !strings.HasPrefix(token, "acc_") {
		t.Errorf("token = %q", token)
	}
	if code, _, errs := runAccord(t, "users", "add", "--db", db, "--role", "editor", "jane"); code != 1 || !strings.Contains(errs, `user "jane" exists`) {
		t.Errorf("duplicate: %d %q", code, errs)
	}
	if code, _, errs := runAccord(t, "users", "add", "--db", db, "--role", "boss", "bob"); code != 2 || !strings.Contains(errs, `--role "boss"`) {
		t.Errorf("bad role: %d %q", code, errs)
	}
	if _, out, _ := runAccord(t, "users", "list", "--db", db); !strings.Contains(out, "jane\teditor\tminamata\ttoken\ttoken 1 "+token[:12]+" expires "+time.Now().AddDate(0, 0, 90).UTC().Format(time.DateOnly)) || strings.Contains(out, token) {
		t.Errorf("list: %q", out)
	}
}

// TestTokensCLI: tokens expire when asked, are revoked by id, prefix or
// account, and a removed account keeps its name and loses its tokens.
func TestTokensCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	tokenOf := func(out string) string {
		return strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n"):])
	}
	code, out, errs := runAccord(t, "users", "add", "--db", db, "--role", "admin", "--expires", "30d", "ann")
	if code != 0 || !strings.Contains(out, "expiring "+time.Now().AddDate(0, 0, 30).UTC().Format(time.DateOnly)) {
		t.Fatalf("add --expires 30d: %d %s %s", code, out, errs)
	}
	first := tokenOf(out)
	for _, bad := range []string{"0d", "-3h", "soon", "4000d"} {
		if code, _, errs := runAccord(t, "users", "add", "--db", db, "--role", "admin", "--expires", bad, "bob"); code != 2 || !strings.Contains(errs, "--expires") {
			t.Errorf("--expires %s: %d %q", bad, code, errs)
		}
	}
	code, out, errs = runAccord(t, "tokens", "add", "--db", db, "--expires", "36h", "ann")
	if code != 0 || !strings.HasPrefix(out, "token 2 (acc_") {
		t.Fatalf("tokens add: %d %s %s", code, out, errs)
	}
	runAccord(t, "tokens", "add", "--db", db, "ann")
	if code, _, errs := runAccord(t, "tokens", "add", "--db", db, "nobody"); code != 1 || !strings.Contains(errs, `user "nobody"`) {
		t.Errorf("tokens add for no account: %d %q", code, errs)
	}
	if code, out, _ := runAccord(t, "tokens", "revoke", "--db", db, first[:14]); code != 0 || out != "1 token(s) revoked\n" {
		t.Errorf("revoke by prefix: %d %q", code, out)
	}
	if code, out, _ := runAccord(t, "tokens", "revoke", "--db", db, "2"); code != 0 || out != "1 token(s) revoked\n" {
		t.Errorf("revoke by id: %d %q", code, out)
	}
	for _, bad := range [][]string{{"acc_x"}, {"999"}, {}, {"--user", "ann", "3"}} {
		if code, _, _ := runAccord(t, append([]string{"tokens", "revoke", "--db", db}, bad...)...); code == 0 {
			t.Errorf("revoke %q succeeded", bad)
		}
	}
	_, out, _ = runAccord(t, "tokens", "list", "--db", db, "--user", "ann")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "\t"+first[:12]+"\t") || !strings.Contains(lines[0], "revoked") ||
		!strings.Contains(lines[1], "revoked") || !strings.HasSuffix(lines[2], "live") {
		t.Errorf("tokens list = %q", out)
	}
	if code, out, errs := runAccord(t, "users", "remove", "--db", db, "ann"); code != 0 || !strings.Contains(out, "user ann removed") {
		t.Errorf("users remove: %d %q %q", code, out, errs)
	}
	if _, out, _ := runAccord(t, "users", "list", "--db", db); !strings.Contains(out, "ann\tadmin\teverything\tremoved ") || !strings.Contains(out, "no live token; 3 expired or revoked") {
		t.Errorf("users list after remove = %q", out)
	}
	if code, _, errs := runAccord(t, "users", "add", "--db", db, "--role", "admin", "ann"); code != 1 || !strings.Contains(errs, `"ann" exists`) {
		t.Errorf("re-adding a removed name: %d %q", code, errs)
	}
	if code, _, errs := runAccord(t, "users", "remove", "--db", db, "ann"); code != 1 || !strings.Contains(errs, "was removed") {
		t.Errorf("removing twice: %d %q", code, errs)
	}
}

// TestServeOIDCFlags: sign-in by OpenID Connect half configured, or
// with a mapping that grants nothing, stops serve before it starts.
func TestServeOIDCFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	base := []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--oidc-issuer", "https://idp.example/realms/unep", "--oidc-client-id", "accord", "--oidc-client-secret", "s3"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--oidc-redirect-url", "https://accord.example/signin/oidc/callback"}, "wants --oidc-roles"},
		{[]string{"--oidc-redirect-url", "https://accord.example/signin/oidc/callback", "--oidc-roles", "accord-admin=root"}, `role "root"`},
		{[]string{"--oidc-redirect-url", "https://accord.example/", "--oidc-roles", "a=admin"}, "/signin/oidc/callback"},
		{[]string{"--oidc-roles", "a=admin"}, "--oidc-redirect-url"},
		{[]string{"--session-idle", "0s"}, "positive durations"},
	} {
		code, _, errs := runAccord(t, append(base, tt.args...)...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("serve %q: exit %d %q; want 2 saying %q", tt.args, code, errs, tt.want)
		}
	}
	if code, _, errs := runAccord(t, "serve", "--db", db, "--oidc-issuer", "https://idp.example", "--oidc-roles", "a=admin", "--oidc-redirect-url", "https://a.example/signin/oidc/callback"); code != 2 || !strings.Contains(errs, "--oidc-client-secret") {
		t.Errorf("serve without a client: exit %d %q", code, errs)
	}
}

// TestParseWarnings holds that a decision the parser doubts carries its
// warning to people (accord parse), to tools (--format json) and into the
// store (accord decisions show).
func TestParseWarnings(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "d.txt", []byte("Decision MC-7/9: Guidance\n\nThe Conference of the Parties,\n\n"+
		"1. Welcomes the guidance set out in the note by the secretariat.\n\nAnnex I\n\n"+
		"2. Requests the secretariat to revise the guidance by 31 March 2027.\n"))
	const want = `paragraph 2 continues the numbering of the operative part after "Annex I"`
	code, out, errs := runAccord(t, "parse", f)
	if code != 0 || !strings.Contains(out, "warning: "+want) {
		t.Errorf("parse: exit %d, %s\n%s", code, errs, out)
	}
	code, out, _ = runAccord(t, "parse", "--format", "json", f)
	var got struct{ Decisions []struct{ Warnings []string } }
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got.Decisions) != 1 ||
		len(got.Decisions[0].Warnings) != 1 || !strings.HasPrefix(got.Decisions[0].Warnings[0], want) {
		t.Errorf("parse --format json: exit %d, %v\n%s", code, err, out)
	}
	_, code, out = ingestAndShow(t, dir, f, "MC-7/9")
	var stored struct{ Warnings []string }
	if err := json.Unmarshal([]byte(out), &stored); code != 0 || err != nil || len(stored.Warnings) != 1 || !strings.HasPrefix(stored.Warnings[0], want) {
		t.Errorf("decisions show: exit %d, %v\n%s", code, err, out)
	}
}

// ingestAndShow ingests file f into a store in dir and runs "decisions
// show --format json" on sym: the store, the exit code and the output.
func ingestAndShow(t *testing.T, dir, f, sym string) (db string, code int, out string) {
	t.Helper()
	db = filepath.Join(dir, "accord.db")
	if code, _, errs := runAccord(t, "ingest", "--db", db, f); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, _ = runAccord(t, "decisions", "show", "--db", db, "--format", "json", sym)
	return db, code, out
}

// TestVerbIsThePhrase: every JSON accord prints names the phrase as
// written "verb" and the normalized verb "lemma": accord parse, decisions
// show and mandates list.
func TestVerbIsThePhrase(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "d.txt", []byte("Decision MC-7/4: Reporting\n\nThe Conference of the Parties,\n\n"+
		"1. Also requests the secretariat to report by 31 March 2027.\n"))
	type para struct{ Verb, Lemma string }
	code, out, _ := runAccord(t, "parse", "--format", "json", f)
	var parsed struct {
		Decisions []struct {
			Paragraphs []para
			Mandates   []para
		}
	}
	if err := json.Unmarshal([]byte(out), &parsed); code != 0 || err != nil || len(parsed.Decisions) != 1 ||
		fmt.Sprint(parsed.Decisions[0].Paragraphs, parsed.Decisions[0].Mandates) != "[{Also requests request}] [{Also requests request}]" {
		t.Errorf("parse --format json: exit %d, %v\n%s", code, err, out)
	}
	db, code, out := ingestAndShow(t, dir, f, "MC-7/4")
	var stored struct{ Paragraphs []para }
	if err := json.Unmarshal([]byte(out), &stored); code != 0 || err != nil || fmt.Sprint(stored.Paragraphs) != "[{Also requests request}]" {
		t.Errorf("decisions show --format json: exit %d, %v\n%s", code, err, out)
	}
	code, out, _ = runAccord(t, "mandates", "list", "--db", db, "--format", "json")
	var ms []para
	if err := json.Unmarshal([]byte(out), &ms); code != 0 || err != nil || fmt.Sprint(ms) != "[{Also requests request}]" {
		t.Errorf("mandates list --format json: exit %d, %v\n%s", code, err, out)
	}
}

// TestMandatesListHierarchy: --actor secretariat gathers the Executive
// Secretary; --owner, --checked and --sort filter and order; bad values
// are refused with exit 2.
func TestMandatesListHierarchy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	text := "Decision MC-6/9: Cooperation\n\nThe Conference of the Parties to the Minamata Convention on Mercury,\n\n" +
		"1. Requests the Executive Secretary to report to the Conference of the Parties at its seventh meeting;\n\n" +
		"2. Requests the secretariat of the Convention to prepare a study by 31 March 2027;\n\n" +
		"3. Invites Parties to cooperate.\n"
	if code, _, errs := runAccord(t, "ingest", "--db", db, writeFile(t, dir, "d.txt", []byte(text))); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runAccord(t, "mandates", "list", "--db", db, "--actor", "secretariat", "--instrument", "Minamata", "--sort", "due", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.Contains(lines[1], "secretariat of the Convention") || !strings.Contains(lines[2], "Executive Secretary") {
		t.Errorf("mandates list --actor secretariat --sort due = %d %q\n%s", code, errs, out)
	}
	if code, _, errs := runAccord(t, "mandates", "set", "--db", db, strings.SplitN(lines[2], ",", 2)[0], "--owner", "Jane Doe"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, _ := runAccord(t, "mandates", "list", "--db", db, "--owner", "Jane Doe", "--checked", "no", "--body", "COP", "--format", "csv"); code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "Executive Secretary") {
		t.Errorf("mandates list --owner = %d\n%s", code, out)
	}
	for _, args := range [][]string{{"--sort", "title"}, {"--checked", "maybe"}} {
		if code, _, errs := runAccord(t, append([]string{"mandates", "list", "--db", db}, args...)...); code != 2 || !strings.Contains(errs, args[0]) {
			t.Errorf("mandates list %q = %d %q, want 2 naming the flag", args, code, errs)
		}
	}
}
