package web

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
)

// TestBrowserPhoneDocuments opens the documents' pages on a phone 390 px
// wide and on a desktop screen (a stub and a registered record, as a
// reader and as an editor, and decisions linking to documents and cited
// by others) and checks their layout as TestBrowserPhone does.
func TestBrowserPhoneDocuments(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	pages := []struct {
		name string
		open chromedp.Action[chromedp.Void]
	}{
		{"decision-document-links", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "MC-6/[--]")))},
		{"document-stub", chromedp.Navigate(srv.URL + "/documents/UNEP/MC/COP.6/INF/28")},
		{"decision-cited-by", chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "BS-IV/6")))},
		{"document-stub-edit", chromedp.Steps(signInAction(t, srv.URL, st), chromedp.Navigate(srv.URL+"/documents/UNEP/MC/COP.5/INF/28"))},
		{"documents", chromedp.Steps(registerDocument(st), chromedp.Navigate(srv.URL+"/documents"))},
		{"document", chromedp.Navigate(srv.URL + "/documents/UNEP/MC/COP.6/INF/28")},
		{"meeting-documents", chromedp.Navigate(srv.URL + "/meetings/minamata-COP-6")},
	}
	for _, width := range []int64{390, 1280} {
		for _, p := range pages {
			if width == 1280 && p.name == "document-stub-edit" {
				p.open = chromedp.Navigate(srv.URL + "/documents/UNEP/MC/COP.5/INF/28")
			}
			checkLayout(ctx, t, fmt.Sprintf("%s-%d", p.name, width), width, p.open)
		}
	}
}

// signInAction signs an admin in through the page's form.
func signInAction(t *testing.T, srv string, st accord.Store) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		signInBrowser(ctx, t, srv, st, accord.RoleAdmin)
		return chromedp.Void{}, nil
	}
}

// registerDocument registers the document the sample's Minamata decision
// cites, with a long title and address, for the pages that show a record.
func registerDocument(st accord.Store) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		_, _, err := st.PutDocuments(context.Background(), []accord.Document{{Symbol: "UNEP/MC/COP.6/INF/28",
			Title:      "Proposal for activities that provide mutual support to the implementation of the Minamata Convention and the Global Framework on Chemicals",
			Instrument: "minamata", Meeting: "minamata-COP-6", AgendaItem: "5 (c)", Date: "2025-09-01", Languages: []string{"en", "fr", "es", "ru", "zh", "ar"},
			URL: "https://minamataconvention.org/sites/default/files/documents/information_document/UNEP-MC-COP.6-INF-28.English.pdf"}},
			accord.DocumentEdit{Who: "admin"})
		return chromedp.Void{}, err
	}
}
