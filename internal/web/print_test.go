package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// printPDF prints the page at url to PDF in the browser, as a reader's
// "Print", and returns its text as pdftotext reads it.
func printPDF(ctx context.Context, t *testing.T, url string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (Debian package poppler-utils) is not installed: skipping the print test")
	}
	do(ctx, t, chromedp.Navigate(url), chromedp.WaitVisible(css("main")))
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ACCORD_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "print-"+filepath.Base(strings.SplitN(url, "?", 2)[0])+".pdf"), pdf, 0o644)
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestBrowserPrint: the mandate board, the report and a decision print
// without the navigation, the search box, the filter form, buttons or
// download links, with their content and each link written out.
func TestBrowserPrint(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	ms, err := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata", Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates: %v", err)
	}
	for _, tt := range []struct {
		path string
		want []string
	}{
		{"/mandates?instrument=minamata", []string{"Mandates", "MC-6/[--]", "</mandates/"}},
		{"/report?instrument=minamata&meeting=COP-6", []string{"Report on the implementation", "remains", "</mandates/"}},
		{"/decisions/" + strconv.FormatInt(ms[0].DecisionID, 10), []string{"International cooperation"}},
	} {
		text := printPDF(ctx, t, srv.URL+tt.path)
		flat := strings.Join(strings.Fields(text), " ")
		for _, w := range tt.want {
			if !strings.Contains(flat, w) {
				t.Errorf("print of %s lacks %q:\n%s", tt.path, w, text)
			}
		}
		// What the screen has around the content: the site's
		// navigation, sign-in, search, the filters and their
		// button, the downloads, the footer.
		for _, w := range []string{"Skip to content", "Sign in", "Search decisions", "Filter", "Asked of Status", "Download CSV", "Excel", "Show", "paragraph by paragraph, and what they ask"} {
			if strings.Contains(flat, w) {
				t.Errorf("print of %s holds %q:\n%s", tt.path, w, text)
			}
		}
		lines := strings.Split(text, "\n")
		for _, l := range lines[:min(3, len(lines))] {
			if f := strings.Fields(l); len(f) > 0 && f[0] == "accord" {
				t.Errorf("print of %s begins with the site's bar: %q", tt.path, l)
			}
		}
	}
}

// TestBrowserReportDownloads: the report of COP-6, chosen from its page's
// lists, downloads from the browser as Excel and as CSV holding its
// mandates.
func TestBrowserReportDownloads(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	dir := t.TempDir()
	allow := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return chromedp.Void{}, err
	}
	ms, _ := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata", Meeting: "COP-6"})
	do(ctx, t, allow,
		chromedp.Navigate(srv.URL+"/report"),
		chromedp.SetValue(css(`select[name="instrument"]`), "minamata"),
		chromedp.Submit(css(`select[name="instrument"]`)),
		chromedp.WaitVisible(css(`select[name="meeting"]`)),
		chromedp.SetValue(css(`select[name="meeting"]`), "COP-6"),
		chromedp.Submit(css(`select[name="meeting"]`)),
		chromedp.WaitVisible(css("table.report")),
		shot("report"))
	for _, ext := range []string{"xlsx", "csv"} {
		do(ctx, t, chromedp.Click(css(`p.downloads a[href^="/report.`+ext+`"]`)))
		var file string
		for range 100 {
			if fs, _ := filepath.Glob(filepath.Join(dir, "*."+ext)); len(fs) == 1 {
				file = fs[0]
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if file == "" {
			t.Fatalf("no .%s downloaded into %s", ext, dir)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rows := rowsOfDownload(t, ext, b)
		if !strings.HasPrefix(filepath.Base(file), "accord-report-minamata-COP-6-") || len(rows)-1 != len(ms) {
			t.Errorf("%s: %d rows, want %d", filepath.Base(file), len(rows)-1, len(ms))
		}
	}
}
