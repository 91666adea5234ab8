package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// TestPrintA4 prints a long report to PDF with headless Chromium and
// checks with pdftotext that every word stands inside the A4 page: no
// table runs off it, and each decision starts a page of its own.
func TestPrintA4(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium (Debian package chromium) is not installed: skipping the print test")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed: skipping the print test")
	}
	var ds []accord.Decision
	var ms []accord.Mandate
	for i := 1; i <= 3; i++ {
		ds = append(ds, accord.Decision{ID: int64(i), Symbol: fmt.Sprintf("MC-6/%d", i), Title: "International cooperation and coordination"})
		for j := 1; j <= 6; j++ {
			ms = append(ms, accord.Mandate{ID: int64(10*i + j), DecisionID: int64(i), Path: fmt.Sprintf("%d(%c)", j, 'a'+j),
				Action: strings.Repeat("to continue cooperation and coordination with the Global Mercury Partnership and other bodies ", 3),
				Status: accord.StatusInProgress, Addressees: []accord.Addressee{{Text: "Executive Director of the United Nations Environment Programme"}},
				Deadline: &accord.Deadline{Text: "not later than two months before the eleventh meeting", Meeting: "COP-11"},
				Notes:    "2026-03-01 officer: a note without spaces: " + strings.Repeat("UNEP/MC/COP.7/INF/12/Add.1/Rev.2", 3),
				Evidence: []accord.Evidence{{Kind: "url", Ref: "https://www.mercuryconvention.org/sites/default/files/documents/" + strings.Repeat("very-long-file-name-", 6) + ".pdf"}}})
		}
	}
	dir := t.TempDir()
	html, pdf := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	var b bytes.Buffer
	if err := Write(&b, Implementation("minamata", "COP-6", ds, ms, time.Now()), "html"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(html, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`).FindAllStringSubmatch(string(out), -1)
	if len(pages) < len(ds) {
		t.Fatalf("%d pages for %d decisions: each decision starts a page", len(pages), len(ds))
	}
	width, _ := strconv.ParseFloat(pages[0][1], 64)
	if width < 590 || width > 600 {
		t.Errorf("page width %.0f pt, want A4 (595)", width)
	}
	// Every word printed: none cut off at the page's edge.
	if n := strings.Count(string(out), ">Partnership</word>"); n != 3*len(ms) {
		t.Errorf("%d of the %d 'Partnership' of the actions are in the PDF: text was cut off", n, 3*len(ms))
	}
	type box struct {
		x0, x1 float64
		text   string
	}
	lines := map[string][]box{} // by page and line
	for pi, page := range strings.Split(string(out), "<page ")[1:] {
		words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`).FindAllStringSubmatch(page, -1)
		for _, w := range words {
			x0, _ := strconv.ParseFloat(w[1], 64)
			y, _ := strconv.ParseFloat(w[2], 64)
			x1, _ := strconv.ParseFloat(w[3], 64)
			if x1 > width-20 { // inside the right margin
				t.Errorf("page %d: word %q ends at %.0f pt, past the margin of the %.0f pt page", pi+1, w[4], x1, width)
			}
			k := fmt.Sprintf("%d/%.0f", pi, y)
			lines[k] = append(lines[k], box{x0, x1, w[4]})
		}
	}
	// No text runs over its neighbour: words on a line do not overlap.
	overlaps := 0
	for k, ws := range lines {
		sort.Slice(ws, func(i, j int) bool { return ws[i].x0 < ws[j].x0 })
		for i := 1; i < len(ws); i++ {
			if ws[i].x0 < ws[i-1].x1-0.5 {
				overlaps++
				if overlaps <= 5 {
					t.Errorf("line %s: %q overlaps %q", k, ws[i-1].text, ws[i].text)
				}
			}
		}
	}
	// Decision headings open pages.
	for _, d := range ds {
		re := regexp.MustCompile(`<page [^>]*>\s*(?:<word[^>]*>[^<]*</word>\s*){0,40}?<word[^>]*>` + regexp.QuoteMeta(d.Symbol) + `:</word>`)
		if d.ID > 1 && !re.Match(out) {
			t.Errorf("decision %s does not open a page", d.Symbol)
		}
	}
}
