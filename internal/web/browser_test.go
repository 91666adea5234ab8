package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// browser starts headless Chromium (Debian's chromium) for one test, or
// skips the test when it is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium (Debian package chromium) is not installed: skipping the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1100, 1300))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// A whole walk through the pages takes seconds on an idle machine;
	// the limit only stops a test that hangs, so it leaves room for a
	// machine busy with other work.
	ctx, cancel3 := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(cancel3)
	return ctx
}

// shot saves a screenshot in ACCORD_SCREENSHOTS, when set, to look at.
func shot(name string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		dir := os.Getenv("ACCORD_SCREENSHOTS")
		if dir == "" {
			return chromedp.Void{}, nil
		}
		buf, err := chromedp.FullScreenshot(100)(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	}
}

// text reads the text of the first element matching a CSS selector.
func textOf(ctx context.Context, t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// waitText waits until the text of the first element matching sel is
// what ok wants, while the page may be navigating (the page before may
// hold sel too), and returns what it read last.
func waitText(ctx context.Context, t *testing.T, sel string, ok func(string) bool) string {
	t.Helper()
	var got string
	for range 100 {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err == nil {
			if got = s; ok(got) {
				break
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return got
}

func is(want string) func(string) bool { return func(s string) bool { return s == want } }

func hasPrefix(p string) func(string) bool {
	return func(s string) bool { return strings.HasPrefix(s, p) }
}

type css = chromedp.CSS

func do(ctx context.Context, t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserSearchAndFacet(t *testing.T) {
	srv, _ := newSite(t)
	ctx := browser(t)
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SendKeys(css("#q"), "observer status"),
		chromedp.Submit(css("#q")),
		chromedp.WaitVisible(css("ol.hits")),
		shot("search"))
	total := textOf(ctx, t, "main p.muted")
	do(ctx, t, chromedp.Click(css(`div.facets a[href*="instrument=cartagena"]`)))
	narrowed := waitText(ctx, t, "main p.muted", hasPrefix("1 paragraphs"))
	first := textOf(ctx, t, "ol.hits li")
	if !strings.HasPrefix(total, "2 paragraphs") || !strings.HasPrefix(narrowed, "1 paragraphs") || !strings.Contains(first, "BS-IV/6") {
		t.Errorf("search %q, narrowed %q, hit %q", total, narrowed, first)
	}
}

func TestBrowserFollowReference(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	do(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/decisions/%d", srv.URL, decisionID(t, st, "BS-V/9"))),
		chromedp.WaitVisible(css("ul.refs a")),
		chromedp.Click(css("ul.refs a")))
	h1 := waitText(ctx, t, "h1", hasPrefix("BS-IV/6:"))
	do(ctx, t, shot("decision"))
	if !strings.HasPrefix(h1, "BS-IV/6:") {
		t.Errorf("followed the reference to %q", h1)
	}
}

// signInBrowser signs a new account in through the page's form.
func signInBrowser(ctx context.Context, t *testing.T, srv string, st accord.Store, role accord.Role, insts ...string) {
	t.Helper()
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: "jo", Role: role, Instruments: insts}, hash); err != nil {
		t.Fatal(err)
	}
	do(ctx, t,
		chromedp.Navigate(srv+"/signin"),
		chromedp.SendKeys(css("#token"), token),
		chromedp.Submit(css("#token")),
		chromedp.WaitVisible(css("form.who")))
}

func TestBrowserChangeStatus(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	signInBrowser(ctx, t, srv.URL, st, accord.RoleEditor, "minamata")
	ms, _ := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata"})
	do(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/mandates/%d", srv.URL, ms[0].ID)),
		chromedp.WaitVisible(css("form.change")),
		chromedp.SetValue(css("#status"), "completed"),
		chromedp.SendKeys(css("#note"), "Done, and reported."),
		chromedp.Submit(css("#note")))
	// The page before the change has a status too: wait for the new one.
	status := waitText(ctx, t, "dd span.status", is("completed"))
	do(ctx, t, shot("mandate"))
	m, _ := st.Mandate(context.Background(), ms[0].ID)
	if status != "completed" || m.Status != accord.StatusCompleted || !strings.Contains(m.Notes, "jo: Done, and reported.") {
		t.Errorf("page says %q; mandate %+v", status, m)
	}
}

func TestBrowserUpload(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	signInBrowser(ctx, t, srv.URL, st, accord.RoleAdmin)
	file := filepath.Join(t.TempDir(), "cop8.txt")
	os.WriteFile(file, []byte("Decision MC-8/2: Budget\n\nThe Conference of the Parties,\n\n1. Requests the secretariat to report at its ninth meeting.\n"), 0o644)
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/upload"),
		chromedp.SetUploadFiles(css("#file"), []string{file}),
		chromedp.Submit(css("#file")),
		chromedp.WaitVisible(css("table.preview")),
		shot("upload"))
	preview := textOf(ctx, t, "table.preview tbody")
	do(ctx, t,
		chromedp.Click(css("form.confirm button")),
		chromedp.WaitVisible(css("div.para")))
	if h1 := textOf(ctx, t, "h1"); !strings.Contains(preview, "MC-8/2") || !strings.HasPrefix(h1, "MC-8/2: Budget") {
		t.Errorf("preview %q, stored page %q", preview, h1)
	}
}

// TestBrowserCrossSiteSignIn: a page of another site that posts the
// sign-in form with its own account's token does not sign the visitor in.
func TestBrowserCrossSiteSignIn(t *testing.T) {
	srv, st := newSite(t)
	ctx := browser(t)
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: "mallory", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, hash); err != nil {
		t.Fatal(err)
	}
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><form id="f" method="post" action="%s/signin"><input name="token" value="%s"><input name="next" value="/mandates"></form><script>document.getElementById("f").submit()</script>`,
			srv.URL, token)
	}))
	t.Cleanup(evil.Close)
	// localhost is another site than 127.0.0.1 to the browser.
	do(ctx, t,
		chromedp.Navigate(strings.Replace(evil.URL, "127.0.0.1", "localhost", 1)),
		chromedp.WaitVisible(css("h1")))
	refused := textOf(ctx, t, "h1")
	do(ctx, t, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(css("h1")))
	signedIn, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("form.who") !== null`))
	if err != nil {
		t.Fatal(err)
	}
	if signedIn || refused == "Mandates" {
		t.Errorf("another site signed the visitor in (the page after its form: %q)", refused)
	}
}
