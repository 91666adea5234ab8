package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestBrowserOfficersDay walks a secretariat officer's day on the sample,
// in the browser and under the pages' CSP: sign in as an editor; open
// COP-6's decision from the decisions list; correct its title; correct a
// mandate's deadline; mark two mandates completed with evidence;
// download the COP-6 report on implementation as Excel and CSV, and find
// in them the two completed and the corrected deadline; print the
// mandate board to PDF, without the site's navigation.
func TestBrowserOfficersDay(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	bg := context.Background()
	dir := t.TempDir()
	allow := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return chromedp.Void{}, err
	}
	signInBrowser(ctx, t, srv.URL, st, accord.RoleEditor, "minamata")

	// COP-6's decision, opened from the list of decisions.
	id := decisionID(t, st, "MC-6/[--]")
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/decisions"),
		chromedp.WaitVisible(css(fmt.Sprintf(`main a[href="/decisions/%d"]`, id))),
		chromedp.Click(css(fmt.Sprintf(`main a[href="/decisions/%d"]`, id))),
		chromedp.WaitVisible(css("#title")))
	if h1 := textOf(ctx, t, "h1"); !strings.HasPrefix(h1, "MC-6/[--]") {
		t.Fatalf("the decision's page is headed %q", h1)
	}

	// Its title.
	const title = "International cooperation and coordination with other bodies"
	do(ctx, t,
		chromedp.Clear(css("#title")),
		chromedp.SendKeys(css("#title"), title),
		chromedp.Submit(css("#title")))
	if h1 := waitText(ctx, t, "h1", hasPrefix("MC-6/[--]: "+title)); !strings.HasPrefix(h1, "MC-6/[--]: "+title) {
		t.Errorf("after correcting the title, the page is headed %q", h1)
	}

	// A mandate's deadline: the scoping study, due at COP-7 as read, is
	// due by 31 March 2027.
	ms, err := st.Mandates(bg, accord.MandateFilter{DecisionID: id})
	if err != nil || len(ms) < 3 {
		t.Fatalf("%d mandates of MC-6/[--] (%v)", len(ms), err)
	}
	var study, done1, done2 accord.Mandate
	for _, m := range ms {
		switch {
		case strings.Contains(m.Action, "scoping study"):
			study = m
		case done1.ID == 0:
			done1 = m
		case done2.ID == 0:
			done2 = m
		}
	}
	if study.ID == 0 || done2.ID == 0 {
		t.Fatalf("sample: no scoping study or too few mandates in %d", len(ms))
	}
	do(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, study.ID)),
		chromedp.WaitVisible(css("#deadline")),
		chromedp.SetValue(css("#deadline"), "by 31 March 2027"),
		chromedp.Clear(css("#due_meeting")),
		chromedp.SetValue(css("#due_date"), "2027-03-31"),
		chromedp.Submit(css("#deadline")))
	waitText(ctx, t, "ul.corrected", func(s string) bool { return strings.Contains(s, "Deadline corrected by jo") })

	// Two mandates completed, each with its evidence.
	evidence := map[int64]string{done1.ID: "UNEP/MC/COP.7/5", done2.ID: "https://example.org/iomc-membership.pdf"}
	for _, m := range []accord.Mandate{done1, done2} {
		do(ctx, t,
			chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, m.ID)),
			chromedp.WaitVisible(css("form.change #status")),
			chromedp.SetValue(css("#status"), "completed"),
			chromedp.SendKeys(css("#note"), "Done and reported to COP-7."),
			chromedp.SendKeys(css("#evidence"), evidence[m.ID]),
			chromedp.Submit(css("#note")))
		if s := waitText(ctx, t, "dd span.status", is("completed")); s != "completed" {
			t.Errorf("mandate %d: the page says %q after completing it", m.ID, s)
		}
	}

	// The report of COP-6, downloaded as Excel and CSV.
	do(ctx, t, allow,
		chromedp.Navigate(srv.URL+"/report?instrument=minamata&meeting=COP-6"),
		chromedp.WaitVisible(css("table.report")),
		shot("officer-report"))
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
		rows := rowsOfDownload(t, ext, b) // an .xlsx is opened with excelize
		if len(rows)-1 != len(ms) {
			t.Errorf("%s: %d rows, want the %d mandates of MC-6/[--]", filepath.Base(file), len(rows)-1, len(ms))
		}
		cMandate, cStatus, cDone, cDue, cDate := columnOf(t, rows, "mandate"), columnOf(t, rows, "status"), columnOf(t, rows, "done"),
			columnOf(t, rows, "due"), columnOf(t, rows, "due_date")
		completed := 0
		for _, row := range rows[1:] {
			id := row[cMandate]
			switch id {
			case fmt.Sprint(done1.ID), fmt.Sprint(done2.ID):
				var m int64
				fmt.Sscan(id, &m)
				if row[cStatus] != "completed" || !strings.Contains(row[cDone], evidence[m]) || !strings.Contains(row[cDone], "Done and reported to COP-7.") {
					t.Errorf("%s: mandate %s reads %q", ext, id, row)
				}
			case fmt.Sprint(study.ID):
				if row[cDue] != "by 31 March 2027" || !strings.HasPrefix(row[cDate], "2027-03-31") {
					t.Errorf("%s: the corrected deadline reads due %q, %q", ext, row[cDue], row[cDate])
				}
			}
			if row[cStatus] == "completed" {
				completed++
			}
		}
		if completed != 2 {
			t.Errorf("%s: %d completed, want 2", ext, completed)
		}
	}

	// The mandate board, printed.
	text := printPDF(ctx, t, srv.URL+"/mandates?instrument=minamata")
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(flat, "completed") || !strings.Contains(flat, "MC-6/[--]") {
		t.Errorf("the printed board lacks its mandates:\n%s", text)
	}
	for _, w := range []string{"Skip to content", "Sign out", "Search decisions", "Filter", "Download CSV", "Upload"} {
		if strings.Contains(flat, w) {
			t.Errorf("the printed board holds the page's %q:\n%s", w, text)
		}
	}
}
