package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestBrowserCorrect: in a browser, under the pages' CSP, an editor
// corrects a decision's title from its page and a mandate's deadline
// from its own; the pages then say so.
func TestBrowserCorrect(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	signInBrowser(ctx, t, srv.URL, st, accord.RoleEditor, "minamata")
	id := decisionID(t, st, "MC-6/[--]")
	do(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, id)),
		chromedp.WaitVisible(css("#title")),
		chromedp.Clear(css("#title")),
		chromedp.SendKeys(css("#title"), "Cooperation with other organizations"),
		chromedp.Submit(css("#title")))
	h1 := waitText(ctx, t, "h1", hasPrefix("MC-6/[--]: Cooperation with other organizations"))
	corrected := textOf(ctx, t, "ul.corrected")
	do(ctx, t, shot("decision-corrected"))
	if !strings.HasPrefix(h1, "MC-6/[--]: Cooperation with other organizations") || !strings.Contains(corrected, "Title corrected by jo") {
		t.Errorf("after the correction: h1 %q, corrected %q", h1, corrected)
	}
	ms, _ := st.Mandates(context.Background(), accord.MandateFilter{DecisionID: id})
	do(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, ms[0].ID)),
		chromedp.WaitVisible(css("#deadline")),
		chromedp.SetValue(css("#deadline"), "by 31 March 2027"),
		chromedp.Clear(css("#due_meeting")),
		chromedp.SetValue(css("#due_date"), "2027-03-31"),
		chromedp.Submit(css("#deadline")))
	checked := waitText(ctx, t, "ul.corrected", func(s string) bool { return strings.Contains(s, "Deadline corrected by jo") })
	do(ctx, t, shot("mandate-corrected"))
	m, _ := st.Mandate(context.Background(), ms[0].ID)
	if !strings.Contains(checked, "Deadline corrected by jo") || m.CheckedBy != "jo" || m.Deadline == nil || m.Deadline.Date != "2027-03-31" {
		t.Errorf("after the mandate's correction: page %q; mandate %+v", checked, m)
	}
}
