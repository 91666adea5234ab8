package parse

import (
	"context"
	"crypto/sha256"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestPDFRendering prints every labelled decision of the corpus to PDF the
// way a UN document is laid out (paragraph numbers and item letters hung
// in a margin of their own, A4 pages, text justified by the browser's own
// line breaks), reads the PDF back through pdftotext and holds the parse
// to the parse of the original. One Chromium run prints them all, each
// file from a page of its own after a separator line.
func TestPDFRendering(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium (Debian package chromium) is not installed: skipping the PDF rendering test")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed: skipping the PDF rendering test")
	}
	files := labelledFiles(t)
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var page strings.Builder
	page.WriteString(`<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 25mm }
body { font-family: "Times New Roman", serif; font-size: 10pt }
p { margin: 0 0 6pt 12mm; position: relative }
.n { position: absolute; left: -12mm }
.i { margin-left: 24mm }
.i .n { left: -10mm }
section { break-before: page }
</style></head><body>
`)
	for k, name := range names {
		fmt.Fprintf(&page, "<section><p>%s</p>\n", separator(k))
		for _, l := range strings.Split(files[name], "\n") {
			l = strings.TrimSpace(l)
			switch m, i := pdfNumber.FindStringSubmatch(l), pdfItem.FindStringSubmatch(l); {
			case l == "":
			case m != nil:
				fmt.Fprintf(&page, "<p><span class=n>%s</span>%s</p>\n", m[1], html.EscapeString(m[2]))
			case i != nil:
				fmt.Fprintf(&page, "<p class=i><span class=n>%s</span>%s</p>\n", i[1], html.EscapeString(i[2]))
			default:
				fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(l))
			}
		}
		page.WriteString("</section>\n")
	}
	page.WriteString("</body></html>\n")
	text := printedText(t, chromium, pdftotext, page.String())
	var tally gapTally
	for k, name := range names {
		start := strings.Index(text, separator(k))
		if start < 0 {
			t.Errorf("%s: separator not found in the PDF's text", name)
			continue
		}
		start += len(separator(k))
		end := len(text)
		if e := strings.Index(text[start:], separator(k+1)); e >= 0 {
			end = start + e
		}
		rendered := text[start:end]
		orig := Parse(files[name], Options{}).Decisions
		got := Parse(rendered, Options{}).Decisions
		tally.add(name, checkGap(t, pdfRendering, name, parseDiffs(orig, got, false, "PDF")))
		checkNothingDropped(t, name+" through PDF", rendered)
	}
	tally.log(t)
}

// pdfCacheEnv names the variable that holds a directory where the text of
// the printed corpus is kept, by a digest of its HTML: a second run with
// the same corpus reads it there instead of printing it again, which
// takes most of the test's time.
const pdfCacheEnv = "ACCORD_PDF_CACHE"

// printedText prints the HTML page to PDF with Chromium and gives the
// PDF's text as pdftotext reads it, from the cache of pdfCacheEnv when it
// holds it.
func printedText(t *testing.T, chromium, pdftotext, page string) string {
	t.Helper()
	var cached string
	if dir := os.Getenv(pdfCacheEnv); dir != "" {
		cached = filepath.Join(dir, fmt.Sprintf("corpus-%x.txt", sha256.Sum256([]byte(page))))
		if b, err := os.ReadFile(cached); err == nil {
			return string(b)
		}
	}
	dir := t.TempDir()
	src, pdf := filepath.Join(dir, "corpus.html"), filepath.Join(dir, "corpus.pdf")
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, pdftotext, "-enc", "UTF-8", "-eol", "unix", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if cached != "" {
		if err := os.WriteFile(cached, out, 0o644); err != nil {
			t.Logf("the printed text is not cached: %v", err)
		}
	}
	return string(out)
}

var (
	pdfNumber = regexp.MustCompile(`^(\d{1,3}\.)\s+(.*)$`)
	pdfItem   = regexp.MustCompile(`^(\([a-z]{1,4}\))\s+(.*)$`)
)

// pdfRendering names the PDF printed by TestPDFRendering in renderingGaps.
const pdfRendering = "PDF printed by Chromium"

// separator is the line that opens file k in the printed corpus.
func separator(k int) string { return fmt.Sprintf("SEPARATOR%03dEND", k) }
