package web

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
)

// pageCSP is what the pages' Content-Security-Policy must hold: their own
// style sheet only, no script, no inline style, and no framing.
var wantCSP = []string{"default-src 'self'", "style-src 'self'", "frame-ancestors 'none'"}

// inlineCode finds what the pages' CSP would block in a template: a style
// attribute or element, an inline script, an event handler attribute or a
// javascript: URL.
var inlineCode = regexp.MustCompile(`(?i)\sstyle\s*=|<style|<script|\son[a-z]+\s*=|javascript:`)

func TestTemplatesHaveNoInlineCode(t *testing.T) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("templates: %v %v", names, err)
	}
	for _, name := range names {
		b, _ := templateFS.ReadFile(name)
		for _, m := range inlineCode.FindAllIndex(b, -1) {
			line := 1 + strings.Count(string(b[:m[0]]), "\n")
			t.Errorf("%s:%d: %q would be blocked by the pages' CSP", name, line, b[m[0]:m[1]])
		}
	}
}

const nested = "Decision MC-7/8: Items\n\nThe Conference of the Parties,\n\n1. Requests the secretariat:\n\n(a) To prepare a study, including:\n\n(i) A survey;\n\n(ii) A review;\n\n(b) To report at its eighth meeting.\n"

// TestPagesHaveNoInlineCode renders every page, as a reader, an editor
// and an admin see it, and finds nothing in it the CSP would block.
func TestPagesHaveNoInlineCode(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "nested.txt"}, []byte(nested), parse.Options{}); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/", "/decisions", "/mandates", "/search?q=secretariat", "/search?q=%22", "/signin", "/api", "/no/such/page",
		"/report", "/report?instrument=minamata", "/report?instrument=minamata&meeting=COP-6", "/report?instrument=minamata&meeting=COP-99",
		"/instruments", "/instruments/basel", "/instruments/brs"}
	ds, _ := st.Decisions(ctx, accord.DecisionFilter{})
	for _, d := range ds {
		paths = append(paths, fmt.Sprintf("/decisions/%d", d.ID))
	}
	ms, _ := st.Mandates(ctx, accord.MandateFilter{})
	paths = append(paths, fmt.Sprintf("/mandates/%d", ms[0].ID))
	admin := client(t)
	if resp, _ := signInWith(t, admin, srv, addUser(t, st, "root", accord.RoleAdmin), ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in = %d", resp.StatusCode)
	}
	sawSubItem := false
	for _, c := range []*http.Client{client(t), admin} {
		for _, path := range append(paths, "/upload", "/audit") {
			resp, doc := getWith(t, c, srv, path)
			if csp := resp.Header.Get("Content-Security-Policy"); resp.StatusCode < 300 || resp.StatusCode >= 400 {
				for _, want := range wantCSP {
					if !strings.Contains(csp, want) {
						t.Errorf("GET %s: CSP %q lacks %q", path, csp, want)
					}
				}
			}
			sawSubItem = sawSubItem || len(all(doc, "p.sub")) > 0
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					if n.Data == "style" || (n.Data == "script" && attr(n, "src") == "") {
						t.Errorf("GET %s: inline <%s>", path, n.Data)
					}
					for _, a := range n.Attr {
						if a.Key == "style" || strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
							t.Errorf("GET %s: <%s %s=%q> would be blocked by the CSP", path, n.Data, a.Key, a.Val)
						}
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
		}
	}
	if !sawSubItem {
		t.Errorf("no page showed an item's items (p.sub): the nested decision is not rendered as expected")
	}
}
