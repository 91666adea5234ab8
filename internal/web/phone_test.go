package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// layoutFaults lists what is wrong with the layout of the page shown, at
// the viewport's width: an element reaching past the right edge of the
// viewport (the page scrolls sideways), and a word broken across two
// lines. A word is a run of letters and digits; one inside a token (a
// URL, a long symbol) wider than its whole line may break, as it must.
const layoutFaults = `(() => {
	const out = [];
	const width = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > width) {
		out.push("the page is " + document.documentElement.scrollWidth + " px wide in a viewport of " + width);
	}
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > width + 0.5) {
			out.push("<" + el.localName + (el.className ? "." + el.className : "") + "> reaches " + Math.round(r.right) + " px: " + (el.textContent || "").trim().slice(0, 60));
		}
	}
	const lines = rects => new Set(Array.from(rects).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.data;
		let block = node.parentElement;
		while (block && getComputedStyle(block).display.startsWith("inline")) {
			block = block.parentElement;
		}
		let room = width;
		if (block) {
			const st = getComputedStyle(block);
			room = block.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
		}
		for (const token of text.matchAll(/\S+/g)) {
			const range = document.createRange();
			range.setStart(node, token.index);
			range.setEnd(node, token.index + token[0].length);
			const rects = Array.from(range.getClientRects());
			if (lines(rects) < 2) {
				continue;
			}
			const long = rects.reduce((w, r) => w + r.width, 0) > room;
			for (const word of token[0].matchAll(/[\p{L}\p{N}]+/gu)) {
				const at = token.index + word.index;
				range.setStart(node, at);
				range.setEnd(node, at + word[0].length);
				if (lines(range.getClientRects()) > 1 && !long) {
					out.push("word " + JSON.stringify(word[0]) + " split across lines in " + JSON.stringify(token[0]));
				}
			}
		}
	}
	return out;
})()`

// TestBrowserPhone opens every page of the sample on a phone 390 px wide,
// and on a desktop screen, and checks that no page scrolls sideways and no
// word is broken across lines. ACCORD_SCREENSHOTS names a directory to
// save each page in, to look at.
func TestBrowserPhone(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	ms, err := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates of minamata: %v, %v", len(ms), err)
	}
	file := filepath.Join(t.TempDir(), "cop8.txt")
	if err := os.WriteFile(file, []byte("Decision MC-8/2: Budget of the Convention for the biennium 2028–2029\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its ninth meeting.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name string
		open chromedp.Action[chromedp.Void]
	}{
		{"home", chromedp.Navigate(srv.URL + "/")},
		{"decisions", chromedp.Navigate(srv.URL + "/decisions")},
		{"decision", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "BS-IV/6")))},
		{"decision-long", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "MC-6/[--]")))},
		{"decision-refs", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "BS-V/9")))},
		{"mandates", chromedp.Navigate(srv.URL + "/mandates")},
		{"mandate", chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, ms[0].ID))},
		{"search", chromedp.Navigate(srv.URL + "/search?q=cooperation")},
		{"mandates-filtered", chromedp.Navigate(srv.URL + "/mandates?instrument=Minamata&status=open")},
		{"report", chromedp.Navigate(srv.URL + "/report?instrument=minamata&meeting=COP-6")},
		{"not-found", chromedp.Navigate(srv.URL + "/decisions/424242")},
		{"api", chromedp.Navigate(srv.URL + "/api")},
		{"registry", chromedp.Navigate(srv.URL + "/registry")},
		{"organizations", chromedp.Navigate(srv.URL + "/organizations")},
		{"organization", chromedp.Navigate(srv.URL + "/organizations/iomc")},
		{"signin", chromedp.Navigate(srv.URL + "/signin")},
		// Signed in as an admin from here on.
		{"mandate-edit", chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, ms[0].ID))},
		{"decision-edit", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "MC-6/[--]")))},
		{"upload", chromedp.Navigate(srv.URL + "/upload")},
		{"upload-preview", chromedp.Steps(
			chromedp.SetUploadFiles(css("#file"), []string{file}),
			chromedp.Submit(css("#file")),
			chromedp.WaitVisible(css("table.preview")))},
		{"audit", chromedp.Navigate(srv.URL + "/audit")},
		{"organization-edit", chromedp.Navigate(srv.URL + "/organizations/unep")},
		{"mine", chromedp.Navigate(srv.URL + "/mandates/mine")},
	}
	for _, width := range []int64{390, 1280} {
		for _, p := range pages {
			if p.name == "mandate-edit" {
				if width == 390 {
					signInBrowser(ctx, t, srv.URL, st, accord.RoleAdmin)
				}
			}
			if width == 1280 && p.name == "signin" {
				continue // signed in, the sign-in page is the same
			}
			checkLayout(ctx, t, fmt.Sprintf("%s-%d", p.name, width), width, p.open)
		}
	}
	// The column headings that sort the board are hidden on a phone:
	// the filter form sorts it.
	do(ctx, t, chromedp.EmulateViewport(390, 900), chromedp.Navigate(srv.URL+"/mandates?instrument=minamata"), chromedp.WaitVisible(css("main h1")))
	headings, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("table.board thead").getBoundingClientRect().height > 0`))
	if err != nil || headings {
		t.Errorf("on a phone the board's sorting headings show (%v, %v): the test of the sort list needs them hidden", headings, err)
	}
	do(ctx, t, chromedp.WaitVisible(css(`form.filters select[name=sort]`)),
		chromedp.SetValue(css(`form.filters select[name=sort]`), "-due"),
		chromedp.Submit(css(`form.filters select[name=sort]`)))
	first := func(sort string) string {
		ms, err := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata", Sort: sort, Limit: 1})
		if err != nil || len(ms) != 1 {
			t.Fatalf("mandates sorted by %q: %v, %v", sort, ms, err)
		}
		return fmt.Sprint(ms[0].ID)
	}
	if first("-due") == first("") {
		t.Fatalf("the sample's first mandate is the same by -due and by decision: sorting would not show")
	}
	got := waitText(ctx, t, `table.board tbody tr:first-child td[data-label="#"]`, is(first("-due")))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "sort=-due") || !strings.Contains(loc, "instrument=minamata") || got != first("-due") {
		t.Errorf("sorted on a phone: at %s the first row is mandate %s, want %s", loc, got, first("-due"))
	}
	selected, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form.filters select[name=sort]").value`))
	if err != nil || selected != "-due" {
		t.Errorf("the sort list shows %q (%v) after sorting, want -due", selected, err)
	}
}

// checkLayout opens a page at a viewport width and reports its layout
// faults, saving a screenshot named name to look at.
func checkLayout(ctx context.Context, t *testing.T, name string, width int64, open chromedp.Action[chromedp.Void]) {
	t.Helper()
	do(ctx, t, chromedp.EmulateViewport(width, 900), open, chromedp.WaitVisible(css("main h1")), shot(name))
	faults, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutFaults))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, f := range faults {
		t.Errorf("%s: %s", name, f)
	}
}
