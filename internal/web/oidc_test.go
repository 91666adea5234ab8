package web

import (
	"context"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/oauth2-proxy/mockoidc"
	"golang.org/x/net/html"

	"github.com/accordmea/accord"
)

// newOIDCSite serves the pages with sign-in by OpenID Connect against a
// provider started for the test: discovery, signed ID tokens, a token
// endpoint that checks the client's secret and the PKCE verifier.
// Middleware, when given, sits in front of the provider's endpoints.
func newOIDCSite(t *testing.T, middleware ...func(http.Handler) http.Handler) (*httptest.Server, accord.Store, *mockoidc.MockOIDC) {
	t.Helper()
	m, err := mockoidc.NewServer(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, mw := range middleware {
		m.AddMiddleware(mw)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(ln, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Shutdown() })
	roles, err := ParseRoles("accord-admin=admin, accord-minamata=editor:minamata, accord-chem=editor:basel+rotterdam")
	if err != nil {
		t.Fatal(err)
	}
	srv, st := newSiteWith(t, Config{OIDC: &OIDC{
		Issuer: m.Issuer(), ClientID: m.ClientID, ClientSecret: m.ClientSecret,
		Scopes: []string{"openid", "profile", "email", "groups"}, Roles: roles, Label: "UNEP account",
	}})
	return srv, st, m
}

// browsing is a client that follows redirects, keeps cookies, and
// records the URLs it went through.
type browsing struct {
	*http.Client
	visited []*url.URL
}

func newBrowsing(t *testing.T) *browsing {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	b := &browsing{}
	b.Client = &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		b.visited = append(b.visited, r.URL)
		return nil
	}}
	return b
}

// signInOIDC follows the sign-in link of the sign-in page through the
// provider and back, and returns the last response.
func signInOIDC(t *testing.T, b *browsing, srv *httptest.Server, next string) (*http.Response, string) {
	t.Helper()
	_, doc := getWith(t, b.Client, srv, "/signin?next="+url.QueryEscape(next))
	links := all(doc, "a.oidc")
	if len(links) != 1 || text(links[0]) != "Sign in with UNEP account" {
		t.Fatalf("sign-in page links %d to the identity provider", len(links))
	}
	resp, err := b.Get(srv.URL + attr(links[0], "href"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err = html.Parse(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, text(doc)
}

// TestOIDCSignIn: sign-in through the identity provider lands signed in
// on the page asked for, as an account made from the claims; the
// provider's groups give its role; it is all in the audit log.
func TestOIDCSignIn(t *testing.T) {
	srv, st, m := newOIDCSite(t)
	ctx := context.Background()
	m.QueueUser(&mockoidc.MockUser{Subject: "s-101", PreferredUsername: "ana.lima", Email: "ana@unep.example", Groups: []string{"staff", "accord-minamata"}})
	b := newBrowsing(t)
	resp, body := signInOIDC(t, b, srv, "/mandates")
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/mandates" || !strings.Contains(body, "ana.lima") {
		t.Fatalf("after sign-in: %d at %s: %.300s", resp.StatusCode, resp.Request.URL, body)
	}
	// The provider was asked with state, nonce and PKCE.
	var auth *url.URL
	for _, u := range b.visited {
		if strings.HasPrefix(u.String(), m.AuthorizationEndpoint()) {
			auth = u
		}
	}
	if auth == nil {
		t.Fatalf("never went to the provider: %v", b.visited)
	}
	q := auth.Query()
	for _, k := range []string{"state", "nonce", "code_challenge"} {
		if len(q.Get(k)) < 32 {
			t.Errorf("authorization request %s = %q", k, q.Get(k))
		}
	}
	if q.Get("code_challenge_method") != "S256" || q.Get("response_type") != "code" || !strings.Contains(q.Get("scope"), "groups") {
		t.Errorf("authorization request = %v", q)
	}
	users, err := st.Users(ctx)
	if err != nil || len(users) != 1 {
		t.Fatalf("Users() = %+v, %v", users, err)
	}
	u := users[0]
	want := accord.User{Name: "ana.lima", Role: accord.RoleEditor, Instruments: []string{"minamata"}, Subject: m.Issuer() + " s-101"}
	if diff := cmp.Diff(want, accord.User{Name: u.Name, Role: u.Role, Instruments: u.Instruments, Subject: u.Subject}); diff != "" {
		t.Errorf("account made (-want +got):\n%s", diff)
	}
	// The session is a normal one: the editor may upload.
	if resp, _ := getWith(t, b.Client, srv, "/upload"); resp.StatusCode != 200 || resp.Request.URL.Path != "/upload" {
		t.Errorf("upload page after sign-in = %d at %s", resp.StatusCode, resp.Request.URL)
	}
	// The next sign-in, now in accord-admin, makes the same account admin.
	m.QueueUser(&mockoidc.MockUser{Subject: "s-101", PreferredUsername: "ana.lima", Groups: []string{"accord-admin", "accord-minamata"}})
	if resp, _ := signInOIDC(t, newBrowsing(t), srv, "/audit"); resp.StatusCode != 200 || resp.Request.URL.Path != "/audit" {
		t.Errorf("admin sign-in landed %d at %s", resp.StatusCode, resp.Request.URL)
	}
	log, _ := st.AuditLog(ctx, 4)
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Who+" "+e.Action)
		if e.Action == "sign in" && !strings.Contains(e.After, `"via":"oidc"`) {
			t.Errorf("sign-in audited as %s", e.After)
		}
	}
	if diff := cmp.Diff([]string{"ana.lima sign in", "ana.lima update user", "ana.lima sign in", "ana.lima add user"}, actions); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
	// Two groups grant the widest.
	m.QueueUser(&mockoidc.MockUser{Subject: "s-102", PreferredUsername: "ben", Groups: []string{"accord-chem", "accord-minamata"}})
	signInOIDC(t, newBrowsing(t), srv, "/")
	users, _ = st.Users(ctx)
	if len(users) != 2 || users[1].Name != "ben" || strings.Join(users[1].Instruments, ",") != "basel,minamata,rotterdam" {
		t.Errorf("ben = %+v", users[1:])
	}
}

// TestOIDCRefused: no mapped group, a subject named like a token
// account, a callback not started here or replayed, and an error from the
// provider all leave the visitor signed out with a reason, and store no
// account.
func TestOIDCRefused(t *testing.T) {
	srv, st, m := newOIDCSite(t)
	ctx := context.Background()
	signedOut := func(b *browsing) bool {
		resp, _ := getWith(t, b.Client, srv, "/upload")
		return resp.Request.URL.Path == "/signin"
	}
	m.QueueUser(&mockoidc.MockUser{Subject: "s-201", PreferredUsername: "cat", Groups: []string{"staff"}})
	b := newBrowsing(t)
	resp, body := signInOIDC(t, b, srv, "/")
	if resp.StatusCode != 403 || !strings.Contains(body, "has no role in accord (its groups: staff)") || !signedOut(b) {
		t.Errorf("no mapped group: %d %.300s", resp.StatusCode, body)
	}
	m.QueueUser(&mockoidc.MockUser{Subject: "s-202", PreferredUsername: "ben", Groups: []string{"accord-admin"}})
	if _, err := st.AddUser(ctx, accord.User{Name: "ben", Role: accord.RoleEditor}, accord.Token{}); err != nil {
		t.Fatal(err)
	}
	b = newBrowsing(t)
	resp, body = signInOIDC(t, b, srv, "/")
	if resp.StatusCode != 403 || !strings.Contains(body, `cannot sign in here: an account named "ben" exists`) || !signedOut(b) {
		t.Errorf("name of a token account: %d %.300s", resp.StatusCode, body)
	}
	if u, _ := st.Users(ctx); len(u) != 1 || u[0].Role != accord.RoleEditor {
		t.Errorf("accounts after refusals: %+v", u)
	}
	// A removed account stays out, whatever its groups.
	m.QueueUser(&mockoidc.MockUser{Subject: "s-205", PreferredUsername: "eve", Groups: []string{"accord-admin"}})
	eve := newBrowsing(t)
	signInOIDC(t, eve, srv, "/")
	if err := st.RemoveUser(ctx, "admin", "eve"); err != nil {
		t.Fatal(err)
	}
	if !signedOut(eve) {
		t.Errorf("a removed account's session still works")
	}
	m.QueueUser(&mockoidc.MockUser{Subject: "s-205", PreferredUsername: "eve", Groups: []string{"accord-admin"}})
	resp, body = signInOIDC(t, eve, srv, "/")
	if resp.StatusCode != 403 || !strings.Contains(body, "the account eve was removed") || !signedOut(eve) {
		t.Errorf("a removed account signs in again: %d %.300s", resp.StatusCode, body)
	}
	// A callback this browser did not start, and one replayed.
	b = newBrowsing(t)
	resp, err := b.Get(srv.URL + "/signin/oidc/callback?state=forged&code=x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || !signedOut(b) {
		t.Errorf("callback not started here = %d", resp.StatusCode)
	}
	m.QueueUser(&mockoidc.MockUser{Subject: "s-203", PreferredUsername: "dee", Groups: []string{"accord-admin"}})
	b = newBrowsing(t)
	signInOIDC(t, b, srv, "/")
	var callback string
	for _, u := range b.visited {
		if u.Path == "/signin/oidc/callback" {
			callback = u.String()
		}
	}
	attacker := newBrowsing(t)
	resp, err = attacker.Get(callback)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || !signedOut(attacker) {
		t.Errorf("a callback replayed in another browser = %d", resp.StatusCode)
	}
	// Sign-in CSRF: an attacker's callback, with the attacker's code and
	// state, opened in the browser of a victim who started a sign-in of
	// their own, does not sign the victim in to the attacker's account.
	m.QueueUser(&mockoidc.MockUser{Subject: "s-204", PreferredUsername: "mallory", Groups: []string{"accord-admin"}})
	victim, attackerC := client(t), client(t)
	for _, c := range []*http.Client{victim, attackerC} {
		resp, err := c.Get(srv.URL + "/signin/oidc")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if c == attackerC {
			if resp, err = c.Get(resp.Header.Get("Location")); err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			callback = resp.Header.Get("Location")
		}
	}
	resp, doc := getWith(t, victim, srv, strings.TrimPrefix(callback, srv.URL))
	if resp.StatusCode != 400 || !strings.Contains(text(doc), "does not match") {
		t.Errorf("attacker's callback in the victim's browser = %d %q", resp.StatusCode, text(doc))
	}
	if resp, _ := getWith(t, victim, srv, "/upload"); resp.StatusCode != 303 {
		t.Errorf("the victim is signed in after the attacker's callback: /upload = %d", resp.StatusCode)
	}
	// The provider sends the visitor back with an error.
	c := client(t)
	resp, err = c.Get(srv.URL + "/signin/oidc")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	to, _ := url.Parse(resp.Header.Get("Location"))
	back := url.Values{"state": {to.Query().Get("state")}, "error": {"access_denied"}, "error_description": {"The user said no."}}
	resp, doc = getWith(t, c, srv, "/signin/oidc/callback?"+back.Encode())
	if resp.StatusCode != 401 || !strings.Contains(text(doc), "refused the sign-in: access_denied The user said no.") {
		t.Errorf("provider error = %d %q", resp.StatusCode, text(doc))
	}
	if u, _ := st.Users(ctx); len(u) != 3 {
		t.Errorf("accounts after refusals: %+v, want ben, dee and eve (removed) only", u)
	}
}

// TestOIDCNonce: an ID token whose nonce is not the one this sign-in
// sent (one replayed from another sign-in) signs no one in.
func TestOIDCNonce(t *testing.T) {
	var tamper atomic.Bool
	srv, st, m := newOIDCSite(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tamper.Load() && r.URL.Path == mockoidc.AuthorizationEndpoint {
				q := r.URL.Query()
				q.Set("nonce", "from-another-sign-in")
				r.URL.RawQuery = q.Encode()
			}
			next.ServeHTTP(w, r)
		})
	})
	tamper.Store(true)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-401", PreferredUsername: "nia", Groups: []string{"accord-admin"}})
	b := newBrowsing(t)
	resp, body := signInOIDC(t, b, srv, "/")
	if resp.StatusCode != 401 || !strings.Contains(body, "not made for this sign-in") {
		t.Errorf("ID token of another nonce: %d %.300s", resp.StatusCode, body)
	}
	if u, _ := st.Users(context.Background()); len(u) != 0 {
		t.Errorf("accounts made: %+v", u)
	}
	// The same provider, untampered, signs in.
	tamper.Store(false)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-401", PreferredUsername: "nia", Groups: []string{"accord-admin"}})
	if resp, _ := signInOIDC(t, b, srv, "/audit"); resp.StatusCode != 200 || resp.Request.URL.Path != "/audit" {
		t.Errorf("sign-in untampered = %d at %s", resp.StatusCode, resp.Request.URL)
	}
}

// TestOIDCProviderDown: while the identity provider does not answer,
// sign-in through it says so, with 502, beside the token form.
func TestOIDCProviderDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	roles, _ := ParseRoles("g=admin")
	srv, _ := newSiteWith(t, Config{OIDC: &OIDC{Issuer: "http://" + addr + "/oidc", ClientID: "c", ClientSecret: "s", Roles: roles}})
	resp, doc := getWith(t, client(t), srv, "/signin/oidc")
	if resp.StatusCode != 502 || !strings.Contains(text(doc), "does not answer now") {
		t.Errorf("provider down: %d %q", resp.StatusCode, text(doc))
	}
}

func TestParseRoles(t *testing.T) {
	got, err := ParseRoles("a=admin, e=editor, m=editor:minamata, c=editor:basel+rotterdam, m=editor:cbd")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Grant{
		"a": {Role: accord.RoleAdmin}, "e": {Role: accord.RoleEditor},
		"m": {Role: accord.RoleEditor, Instruments: []string{"cbd", "minamata"}},
		"c": {Role: accord.RoleEditor, Instruments: []string{"basel", "rotterdam"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseRoles (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "a", "=admin", "a=boss", "a=admin:minamata"} {
		if _, err := ParseRoles(bad); err == nil {
			t.Errorf("ParseRoles(%q) = nil error", bad)
		}
	}
	if g := union([]Grant{{Role: accord.RoleEditor, Instruments: []string{"x"}}, {Role: accord.RoleEditor}}); g.Role != accord.RoleEditor || g.Instruments != nil {
		t.Errorf("union of an editor of x and one of all = %+v", g)
	}
}

// TestBrowserOIDCSignIn: in Chromium, the sign-in page's link goes to the
// identity provider and back, and the reader lands signed in on the page
// asked for.
func TestBrowserOIDCSignIn(t *testing.T) {
	srv, st, m := newOIDCSite(t)
	ctx := browser(t)
	m.QueueUser(&mockoidc.MockUser{Subject: "s-301", PreferredUsername: "eva", Groups: []string{"accord-minamata"}})
	do(ctx, t,
		chromedp.Navigate(srv.URL+"/signin?next=/mandates"),
		chromedp.WaitVisible(css("a.oidc")),
		chromedp.Click(css("a.oidc")),
		chromedp.WaitVisible(css("form.who")),
		shot("oidc"))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	who := textOf(ctx, t, "form.who")
	u, err := st.Users(context.Background())
	if !strings.HasSuffix(loc, "/mandates") || !strings.Contains(who, "eva") || err != nil || len(u) != 1 || u[0].Name != "eva" {
		t.Errorf("landed at %s as %q; accounts %+v", loc, who, u)
	}
}
