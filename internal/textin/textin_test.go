package textin

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/testpdf"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf8", []byte("Décide\n"), "Décide\n"},
		{"bom", []byte("\xef\xbb\xbfRecalling"), "Recalling"},
		{"utf16le", []byte("\xff\xfeO\x00k\x00\xe9\x00"), "Oké"},
		{"utf16be", []byte("\xfe\xff\x00O\x00k"), "Ok"},
		{"windows-1252", []byte("\x93Ban Amendment\x94 \x96 caf\xe9"), "“Ban Amendment” – café"},
		{"latin-1", []byte("Conf\xe9rence des Parties"), "Conférence des Parties"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(context.Background(), "decision.txt", tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Body != tt.want {
				t.Errorf("Read(%q) = %q, want %q", tt.data, got.Body, tt.want)
			}
			if got.Format != "txt" || len(got.SHA256) != 64 {
				t.Errorf("format %q sha256 %q", got.Format, got.SHA256)
			}
		})
	}
}

func TestReadBad(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "a.txt", nil, "empty file"},
		{"blank", "a.txt", []byte(" \n\t\n"), "no text"},
		{"binary", "a.txt", []byte("abc\x00\x01\x02def"), "binary file"},
		{"controls", "a.bin", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), "binary file"},
		{"broken utf8", "a.txt", []byte("Décide\nthe caf\xe9 \xff"), "invalid UTF-8 at line 2"},
		{"oversized", "a.txt", make([]byte, MaxSize+1), "over the limit"},
		{"not docx", "a.docx", []byte("PK\x03\x04 not a zip"), "not a DOCX file"},
		{"docx without document", "a.docx", zipOf(t, map[string]string{"x.xml": "<x/>"}), "no word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.file, tt.data)
			if err == nil {
				t.Fatalf("Read(%s) succeeded, want an error containing %q", tt.name, tt.want)
			}
			if !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%s) error = %v, want ErrInvalid containing %q", tt.name, err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"a.PDF", "", "pdf"},
		{"a.htm", "", "html"},
		{"a", "%PDF-1.7", "pdf"},
		{"a", "PK\x03\x04", "docx"},
		{"page", "<!DOCTYPE html><html>", "html"},
		{"notes", "The Conference of the Parties", "txt"},
	}
	for _, tt := range tests {
		if got := Format(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Format(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Decision</title><style>p{color:red}</style>
<script>var x = "Requests the secretariat";</script></head><body>
<nav><a href="/">Home</a> | <a href="/d">Decisions</a></nav>
<h1>Decision BS-III/6</h1>
<p>The Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,</p>
<p><em>Having considered</em> the note (UNEP/CBD/BS/COP-MOP/3/6),</p>
<ol><li>1. <strong>Takes note</strong> of the information&nbsp;provided;</li>
<li>2. Requests the Executive Secretary to:<br>(a) Continue;</li></ol>
<table><tr><td>a</td><td>b</td></tr></table>
</body></html>`
	got, err := Read(context.Background(), "page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"color:red", "var x", "Home", "<", "Decisions"} {
		if strings.Contains(got.Body, bad) {
			t.Errorf("HTML text keeps %q:\n%s", bad, got.Body)
		}
	}
	lines := strings.Split(strings.TrimSpace(got.Body), "\n")
	want := []string{
		"Decision BS-III/6",
		"The Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety,",
		"Having considered the note (UNEP/CBD/BS/COP-MOP/3/6),",
		"1. Takes note of the information\u00a0provided;",
		"2. Requests the Executive Secretary to:",
		"(a) Continue;",
		"a\tb",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("HTML text =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// zipOf builds a zip archive holding files.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func TestDOCX(t *testing.T) {
	para := func(num string, lvl int, text string) string {
		pr := ""
		if num != "" {
			pr = fmt.Sprintf(`<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr></w:pPr>`, lvl, num)
		}
		return `<w:p>` + pr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	doc := `<?xml version="1.0"?><w:document ` + w + `><w:body>` +
		para("", 0, "Decision RC-7/5") +
		para("", 0, "The Conference of the Parties,") +
		`<w:p><w:r><w:t>Recalling the report</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>,</w:t></w:r></w:p>` +
		para("1", 0, "Decides to establish a working group;") +
		para("1", 0, "Requests the Secretariat:") +
		para("1", 1, "To facilitate;") +
		para("1", 1, "To report;") +
		para("1", 0, "Invites parties to nominate experts &amp; observers.") +
		`</w:body></w:document>`
	numbering := `<?xml version="1.0"?><w:numbering ` + w + `>
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>`
	notes := `<?xml version="1.0"?><w:footnotes ` + w + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>UNEP/FAO/RC/COP.7/4.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	data := zipOf(t, map[string]string{
		"[Content_Types].xml":  `<Types/>`,
		"word/document.xml":    doc,
		"word/numbering.xml":   numbering,
		"word/footnotes.xml":   notes,
		"word/styles.xml":      `<w:styles ` + w + `/>`,
		"docProps/core.xml":    `<x/>`,
		"word/_rels/doc.xml.r": `<x/>`,
	})
	got, err := Read(context.Background(), "decision.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Decision RC-7/5\nThe Conference of the Parties,\nRecalling the report1,\n\n1 UNEP/FAO/RC/COP.7/4.\n\n" +
		"1. Decides to establish a working group;\n2. Requests the Secretariat:\n(a) To facilitate;\n(b) To report;\n" +
		"3. Invites parties to nominate experts & observers.\n"
	if got.Body != want {
		t.Errorf("DOCX text =\n%q\nwant\n%q", got.Body, want)
	}
	if got.Format != "docx" {
		t.Errorf("format = %q", got.Format)
	}
}

func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed: skipping the PDF tests")
	}
	ctx := context.Background()
	got, err := Read(ctx, "decision.pdf", testpdf.Minimal("Decision MC-6/3: Cooperation", "The Conference of the Parties,", "1. Requests the secretariat to report."))
	if err != nil {
		t.Fatalf("Read PDF: %v", err)
	}
	for _, want := range []string{"Decision MC-6/3: Cooperation", "The Conference of the Parties,", "1. Requests the secretariat to report."} {
		if !strings.Contains(got.Body, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, got.Body)
		}
	}
	if got.Format != "pdf" {
		t.Errorf("format = %q", got.Format)
	}
	_, err = Read(ctx, "scan.pdf", testpdf.Minimal())
	if !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "no text layer") {
		t.Errorf("Read of a PDF without text: err = %v, want 'no text layer'", err)
	}
	_, err = Read(ctx, "broken.pdf", []byte("%PDF-1.4\nthis is not a PDF at all"))
	if !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("Read of a broken PDF: err = %v, want ErrInvalid", err)
	}
}

func TestPDFToolMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Read(context.Background(), "a.pdf", testpdf.Minimal("x"))
	if !errors.Is(err, ErrNoPDFTool) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("Read PDF without pdftotext: err = %v, want one naming poppler-utils", err)
	}
}

// FuzzRead checks that no file content makes Read panic, and that what it
// accepts is valid UTF-8.
func FuzzRead(f *testing.F) {
	f.Add("a.txt", []byte("The Conference of the Parties,"))
	f.Add("a.html", []byte("<p>Decides<script>x</script></p>"))
	f.Add("a.docx", zipOf(&testing.T{}, map[string]string{"word/document.xml": "<w:document " + w + "><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"}))
	f.Add("a.txt", []byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.HasSuffix(strings.ToLower(name), ".pdf") || bytes.HasPrefix(data, []byte("%PDF-")) {
			return // PDF goes to an outside tool
		}
		got, err := Read(context.Background(), name, data)
		if err != nil {
			if !errors.Is(err, accord.ErrInvalid) {
				t.Errorf("Read error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if !strings.ContainsFunc(got.Body, func(r rune) bool { return r != ' ' && r != '\n' && r != '\t' && r != '\r' }) {
			t.Errorf("Read accepted blank text %q", got.Body)
		}
	})
}

// TestHTMLLists: ordered lists get the numbers a reader sees on screen.
func TestHTMLLists(t *testing.T) {
	page := `<p>The Conference of the Parties,</p><ol start="3"><li>Welcomes the report;</li><li>Requests the secretariat:<ol type="a"><li>To report;</li><li>To publish;</li></ol></li><li>2. Decides to act.</li></ol>
<ul><li>To invite the GEF;</li></ul><ol type="i"><li>first</li><li>second</li></ol>`
	got, err := Read(context.Background(), "p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "The Conference of the Parties,\n3. Welcomes the report;\n4. Requests the secretariat:\n(a) To report;\n(b) To publish;\n2. Decides to act.\nTo invite the GEF;\n(i) first\n(ii) second\n"
	if got.Body != want {
		t.Errorf("lists =\n%q\nwant\n%q", got.Body, want)
	}
}

// TestHTMLInlineSpace: the white space between two inline elements
// separates their words, as on screen; a field's label and its value
// stay apart.
func TestHTMLInlineSpace(t *testing.T) {
	page := `<div class="field"><span class="label">Decision number:</span> <span class="value">XIII/5</span></div>
<p><em>Requests</em> <strong>the Secretariat</strong> to report;</p>
<table><tr><td>a</td>
<td>b</td></tr></table>`
	got, err := Read(context.Background(), "p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Decision number: XIII/5\nRequests the Secretariat to report;\na\tb\t\n"
	if got.Body != want {
		t.Errorf("inline space =\n%q\nwant\n%q", got.Body, want)
	}
}

// docxOf builds a DOCX whose word/document.xml holds body between the
// document's start and end, written n times: a small zip that expands.
func docxOf(t *testing.T, body string, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, `<?xml version="1.0"?><w:document `+w+`><w:body><w:p><w:r><w:t>Decision 1/CP.1</w:t></w:r></w:p>`)
	b := []byte(body)
	for range n {
		f.Write(b)
	}
	io.WriteString(f, `</w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// footnoteBomb builds a DOCX whose one paragraph cites a footnote of a
// kilobyte n times: each citation writes the footnote's text out again.
func footnoteBomb(t *testing.T, n int) []byte {
	t.Helper()
	note := `<?xml version="1.0"?><w:footnotes ` + w + `><w:footnote w:id="2"><w:p><w:r><w:t>` +
		strings.Repeat("UNEP/MC/COP.6/INF/28. ", 50) + `</w:t></w:r></w:p></w:footnote></w:footnotes>`
	doc := `<?xml version="1.0"?><w:document ` + w + `><w:body><w:p><w:r><w:t>Decision 1/CP.1</w:t></w:r></w:p><w:p>` +
		strings.Repeat(`<w:r><w:footnoteReference w:id="2"/></w:r>`, n) + `</w:p></w:body></w:document>`
	return zipOf(t, map[string]string{"word/document.xml": doc, "word/footnotes.xml": note})
}

// TestExpanding: small files that expand into huge documents, many
// paragraphs or many pages are refused with an error that names the
// limit, before they cost the time and memory they ask for.
func TestExpanding(t *testing.T) {
	para := `<w:p><w:r><w:t>1. Requests the secretariat to report on the implementation of this decision.</w:t></w:r></w:p>`
	long := make([]string, 500)
	for i := range long {
		long[i] = "1. Requests the secretariat to report on the implementation of this decision at its next meeting."
	}
	tests := []struct {
		name, file string
		data       func() []byte
		pdf        bool
		want       string
	}{
		{"docx of 31 MB", "big.docx", func() []byte { return docxOf(t, para, 31<<20/len(para)) }, false, "word/document.xml expands to more than 16 MB"},
		{"docx of 300,000 paragraphs", "paras.docx", func() []byte { return docxOf(t, "<w:p/>", 300000) }, false, "more than 50000 paragraphs"},
		{"docx citing one footnote 20,000 times", "notes.docx", func() []byte { return footnoteBomb(t, 20000) }, false, "DOCX text is more than 8 MB"},
		{"pdf of 3,000 pages", "pages.pdf", func() []byte { return testpdf.Repeated(3000, "Decision 1/CP.1") }, true, "3000 pages (limit: 1000 pages)"},
		{"pdf of 200,000 pages", "huge.pdf", func() []byte { return testpdf.Repeated(200000, "Decision 1/CP.1") }, true, "200000 pages (limit: 1000 pages)"},
		{"pdf of 45 MB of text", "text.pdf", func() []byte { return testpdf.Repeated(900, long...) }, true, "text is more than 8 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := exec.LookPath("pdftotext"); err != nil && tt.pdf {
				t.Skip("pdftotext (Debian package poppler-utils) is not installed")
			}
			data := tt.data()
			_, err := Read(context.Background(), tt.file, data)
			if !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Read(%s) of %d bytes: err = %v, want ErrInvalid containing %q", tt.file, len(data), err, tt.want)
			}
			var le *LimitError
			if !errors.As(err, &le) {
				t.Errorf("Read(%s): err = %T, want a *LimitError", tt.file, err)
			}
		})
	}
}

// TestLimits: each limit can be set, and a file over it is refused with a
// *LimitError that names it.
func TestLimits(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed")
	}
	long := make([]string, 500)
	for i := range long {
		long[i] = "1. Requests the secretariat to report on the implementation of this decision at its next meeting."
	}
	para := `<w:p><w:r><w:t>Requests the secretariat to report.</w:t></w:r></w:p>`
	tests := []struct {
		name, file string
		limits     Limits
		data       []byte
		want       string
	}{
		{"pages", "a.pdf", Limits{MaxPages: 2}, testpdf.Pages([]string{"a"}, []string{"b"}, []string{"c"}), "PDF has 3 pages (limit: 2 pages)"},
		{"pdf text", "a.pdf", Limits{MaxText: 100 << 10}, testpdf.Repeated(10, long...), "PDF text is more than 100 KB (limit: 100 KB of text)"},
		{"pdf time", "a.pdf", Limits{PDFTime: 300 * time.Millisecond, MaxText: 1 << 30}, testpdf.Repeated(900, long...), "pdftotext ran for more than 300ms"},
		{"docx part", "a.docx", Limits{MaxPart: 4 << 10}, docxOf(t, para, 100), "DOCX part word/document.xml expands to more than 4 KB (limit: 4 KB per part)"},
		{"docx paragraphs", "a.docx", Limits{MaxParagraphs: 10}, docxOf(t, para, 10), "DOCX has more than 10 paragraphs (limit: 10 paragraphs)"},
		{"docx text", "a.docx", Limits{MaxText: 1 << 10}, docxOf(t, para, 30), "DOCX text is more than 1 KB (limit: 1 KB of text)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.limits.Read(context.Background(), tt.file, tt.data)
			var le *LimitError
			if !errors.As(err, &le) || !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%s) within %+v: err = %v, want a *LimitError containing %q", tt.name, tt.limits, err, tt.want)
			}
		})
	}
	// Within the limits, the same files are read.
	if _, err := (Limits{MaxParagraphs: 11}).Read(context.Background(), "a.docx", docxOf(t, para, 10)); err != nil {
		t.Errorf("DOCX of 11 paragraphs within a limit of 11: %v", err)
	}
	if _, err := (Limits{MaxPages: 3}).Read(context.Background(), "a.pdf", testpdf.Pages([]string{"a"}, []string{"b"}, []string{"c"})); err != nil {
		t.Errorf("PDF of 3 pages within a limit of 3: %v", err)
	}
}

// TestPDFCancel: a reader who leaves stops pdftotext; that is not the
// file's fault.
func TestPDFCancel(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed")
	}
	long := make([]string, 500)
	for i := range long {
		long[i] = "1. Requests the secretariat to report on the implementation of this decision at its next meeting."
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := (Limits{MaxText: 1 << 30}).Read(ctx, "a.pdf", testpdf.Repeated(900, long...))
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, accord.ErrInvalid) {
		t.Errorf("Read with a context that ends: err = %v, want the context's error", err)
	}
}

// TestToolLimits: the PDF tools run with their address space and CPU
// time limited, and a tool that overstays is killed with every process
// it started.
func TestToolLimits(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("no Unix shell")
	}
	l := Limits{PDFMemory: 300 << 20, PDFTime: 7 * time.Second}.withDefaults()
	out, err := runTool(context.Background(), l, 100, sh, "-c", "ulimit -v; ulimit -t")
	if got, want := string(out), fmt.Sprintf("%d\n7\n", 300<<10); err != nil || got != want {
		t.Errorf("limits of a tool = %q, %v; want %q", got, err, want)
	}

	// A tool that starts another and waits: both go when the time is up.
	l.PDFTime = 300 * time.Millisecond
	pidFile := filepath.Join(t.TempDir(), "pid")
	_, err = runTool(context.Background(), l, 100, sh, "-c", `sleep 60 & echo $! >"$1"; wait`, "sh", pidFile)
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "sh ran for more than 300ms") {
		t.Errorf("tool that overstays: err = %v, want a *LimitError", err)
	}
	pid, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/proc/self"); err != nil {
		return // no /proc to look in
	}
	for range 50 {
		stat, err := os.ReadFile("/proc/" + strings.TrimSpace(string(pid)) + "/stat")
		// Gone, or a zombie waiting for a parent that does not reap.
		if err != nil || strings.Contains(string(stat), ") Z ") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the process the tool started (pid %s) outlived it", strings.TrimSpace(string(pid)))
}

// TestReadOtherFormats: the office formats accord cannot read are named,
// with what to do, whether the name or only the contents give them away;
// none is called a binary file.
func TestReadOtherFormats(t *testing.T) {
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	odt := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
	pptx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
	archive := zipOf(t, map[string]string{"decisions/a.txt": "Decision MC-7/2"})
	rtf := []byte(`{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Decision MC-7/2\par}`)
	tests := []struct {
		file string
		data []byte
		want string
	}{
		{"minutes.doc", ole, "a Word 97-2003 document (.doc): save it as .docx or PDF"},
		{"minutes", ole, "save it as .docx or PDF"},
		{"budget.xls", ole, "a spreadsheet (.xls)"},
		{"decision.odt", odt, "an OpenDocument text (.odt): save it as .docx or PDF"},
		{"decision", odt, "an OpenDocument text (.odt): save it as .docx or PDF"},
		{"decision.rtf", rtf, "a Rich Text file (.rtf): save it as .docx or PDF"},
		{"decision.txt", rtf, "a Rich Text file (.rtf): save it as .docx or PDF"},
		{"list.xlsx", xlsx, "a spreadsheet (.xlsx): save the decision as .docx, PDF or text"},
		{"list.docx", xlsx, "a spreadsheet (.xlsx)"},
		{"slides.pptx", pptx, "a presentation (.pptx): save the decision as .docx, PDF or text"},
		{"decisions.zip", archive, "a zip archive: unzip it"},
		{"decisions", archive, "a zip archive: unzip it"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := Read(context.Background(), tt.file, tt.data)
			if !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "binary") {
				t.Errorf("Read(%s) error = %v, want ErrInvalid containing %q", tt.file, err, tt.want)
			}
		})
	}
}
