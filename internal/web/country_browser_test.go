package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestBrowserCountry goes from the list of countries, filtered by regional
// group, to Kenya's page; an anonymous reader sees no focal point's name
// nor e-mail address, a signed-in one does.
func TestBrowserCountry(t *testing.T) {
	srv, st := newSite(t)
	addKenya(t, st)
	ctx := browser(t)
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/countries"),
		chromedp.WaitVisible(css("select[name=group]")),
		chromedp.SetValue(css("select[name=group]"), "african"),
		chromedp.Submit(css("select[name=group]")))
	waitText(ctx, t, "h1", is("Countries of the African States"))
	do(ctx, t, chromedp.Click(css(`a[href="/countries/KE"]`)))
	if h1 := waitText(ctx, t, "h1", is("Kenya")); h1 != "Kenya" {
		t.Fatalf("followed Kenya's link to %q", h1)
	}
	do(ctx, t, shot("country-anonymous"))
	focal := textOf(ctx, t, "table.focal-points")
	if strings.Contains(focal, "nfp@environment.example.org") || strings.Contains(focal, "Wanjiru") || !strings.Contains(focal, "withheld") {
		t.Errorf("an anonymous reader sees focal points %q", focal)
	}
	if gaps := textOf(ctx, t, "ul.gaps"); !strings.Contains(gaps, "Cartagena Protocol") {
		t.Errorf("gaps = %q", gaps)
	}
	signInBrowser(ctx, t, srv.URL, st, accord.RoleEditor, "minamata")
	do(ctx, t, chromedp.Navigate(srv.URL+"/countries/KE"), chromedp.WaitVisible(css("table.focal-points")))
	if focal := textOf(ctx, t, "table.focal-points"); !strings.Contains(focal, "nfp@environment.example.org") {
		t.Errorf("a signed-in reader sees focal points %q", focal)
	}
}

// TestBrowserCountryLayout lays the countries, a country, the centres and
// a centre out on a phone 390 px wide and on a desktop, signed in as an
// admin (the focal points' contact details and every form shown): no page
// scrolls sideways and no word is split across lines.
func TestBrowserCountryLayout(t *testing.T) {
	srv, st := newSite(t)
	addKenya(t, st)
	// The Caribbean centre's documents, a symbol and an address.
	c, err := st.Centre(context.Background(), "bcrc-caribbean")
	if err != nil {
		t.Fatal(err)
	}
	c.Documents = []accord.CentreDocument{{Kind: "work programme", Ref: "UNEP/CHW.16/INF/12"}, {Kind: "report", Ref: "https://www.basel.int/Portals/4/download.aspx?d=UNEP-CHW.16-INF-12.English.pdf"}}
	if _, err := st.SaveCentres(context.Background(), []accord.Centre{c}, "admin"); err != nil {
		t.Fatal(err)
	}
	// The forms filled with a focal point and a coordination to change.
	fps, _ := st.FocalPoints(context.Background(), accord.FocalPointFilter{Country: "KE", Instrument: "minamata"})
	cs, _ := st.Coordinations(context.Background(), "KE")
	ctx := browser(t)
	signInBrowser(ctx, t, srv.URL, st, accord.RoleAdmin)
	for _, width := range []int64{390, 1280} {
		for _, p := range []string{"/countries?group=eastern-european", "/countries/KE", fmt.Sprintf("/countries/KE?focal-point=%d", fps[0].ID),
			fmt.Sprintf("/countries/KE?coordination=%d", cs[0].ID), "/countries?instrument=minamata", "/focal-points?country=KE", "/arrangements",
			"/centres", "/centres/bcrc-caribbean", "/centres/scrc-india"} {
			name := fmt.Sprintf("%s-%d", strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(strings.Trim(p, "/")), width)
			do(ctx, t, chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+p), chromedp.WaitVisible(css("main h1")), shot(name))
			faults, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](layoutFaults))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, f := range faults {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
}
