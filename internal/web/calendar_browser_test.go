package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestBrowserCalendar: the month view shows each meeting on its days and
// warns of overlaps; the list view and a filter by instrument work from
// the page's own links and form.
func TestBrowserCalendar(t *testing.T) {
	srv, _ := newSite(t)
	ctx := browser(t)
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/meetings/calendar?month=2025-11"),
		chromedp.WaitVisible(css("table.calendar")),
		shot("calendar-month"))
	if got := textOf(ctx, t, "table.calendar caption"); got != "November 2025" {
		t.Errorf("caption = %q", got)
	}
	if got := textOf(ctx, t, `td[data-label="Wed 5 Nov"]`); !strings.Contains(got, "Minamata Convention COP-6") {
		t.Errorf("5 November holds %q, want Minamata COP-6", got)
	}
	if got := textOf(ctx, t, "section.overlaps"); !strings.Contains(got, "Montreal Protocol MOP-37") {
		t.Errorf("overlaps = %q, want Minamata COP-6 and Montreal MOP-37", got)
	}
	// The list view, from the page's link.
	do(ctx, t, chromedp.Click(css(`p.views a[href*="view=list"]`)))
	if got := waitText(ctx, t, "h2.month", hasPrefix("November 2025")); got != "November 2025" {
		t.Errorf("list view's first month = %q", got)
	}
	do(ctx, t, shot("calendar-list"))
	// Filtered by instrument: only CITES is left.
	do(ctx, t,
		chromedp.SetValue(css(`select[name="instrument"]`), "cites"),
		chromedp.Submit(css(`select[name="instrument"]`)))
	if got := waitText(ctx, t, "h1", hasPrefix("Meeting calendar: CITES")); got != "Meeting calendar: CITES" {
		t.Fatalf("h1 after the filter = %q", got)
	}
	rows := textOf(ctx, t, "main")
	if !strings.Contains(rows, "CITES CoP-20") || strings.Contains(rows, "Minamata Convention COP-6") {
		t.Errorf("filtered list:\n%s", rows)
	}
}

// TestBrowserMeetingsPhone opens the meetings' pages on a phone 390 px
// wide and on a desktop screen, as TestBrowserPhone does the others: no
// page scrolls sideways, no word is broken across lines.
func TestBrowserMeetingsPhone(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	pages := []struct{ name, path string }{
		{"meetings", "/meetings?year=2025"},
		{"calendar-month", "/meetings/calendar?month=2025-11"},
		{"calendar-list", "/meetings/calendar?view=list&month=2025-06"},
		{"meeting", "/meetings/minamata-COP-7"},
		{"meeting-overlaps", "/meetings/minamata-COP-6"},
		{"bodies", "/bodies"},
		{"home", "/"},
	}
	for _, width := range []int64{390, 1280} {
		for _, p := range pages {
			name := fmt.Sprintf("%s-%d", p.name, width)
			do(ctx, t, chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(css("main h1")), shot(name))
			faults, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutFaults))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, f := range faults {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
	// An editor sees the meeting's correction form.
	signInBrowser(ctx, t, srv.URL, st, accord.RoleEditor, "minamata")
	do(ctx, t, chromedp.EmulateViewport(390, 900), chromedp.Navigate(srv.URL+"/meetings/minamata-COP-6"),
		chromedp.WaitVisible(css("details.edit")), chromedp.Click(css("details.edit summary")), shot("meeting-edit-390"))
	faults, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutFaults))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range faults {
		t.Errorf("meeting-edit-390: %s", f)
	}
}
