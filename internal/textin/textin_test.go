package textin

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

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
