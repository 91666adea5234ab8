package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// signInWith signs c in through the sign-in page as a browser does: it
// reads the form, fills in the token and posts every field the form holds.
func signInWith(t *testing.T, c *http.Client, srv *httptest.Server, token, next string) (*http.Response, string) {
	t.Helper()
	path := "/signin"
	if next != "" {
		path += "?next=" + url.QueryEscape(next)
	}
	_, doc := getWith(t, c, srv, path)
	form := url.Values{}
	for _, in := range all(doc, "form.signin input") {
		if name := attr(in, "name"); name != "" && name != "token" {
			form.Set(name, attr(in, "value"))
		}
	}
	form.Set("token", token)
	return post(t, c, srv, "/signin", form, "")
}

func addUser(t *testing.T, st accord.Store, name string, role accord.Role, insts ...string) string {
	t.Helper()
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: name, Role: role, Instruments: insts}, hash); err != nil {
		t.Fatal(err)
	}
	return token
}

// hostileNext are values of next that a browser would follow to another
// site, or that hide such a path behind control characters, backslashes
// or percent-encoding.
var hostileNext = []string{
	"/\t/evil.example",
	"/%09/evil.example",
	"/\n/evil.example",
	"/\r\n/evil.example",
	"/\x00/evil.example",
	"/\x7f/evil.example",
	"//evil.example",
	"///evil.example",
	"/\\evil.example",
	"/\\/evil.example",
	"\\\\evil.example",
	"/%5Cevil.example",
	"/%5c%5cevil.example",
	"/%2F%2Fevil.example",
	"/%2f/evil.example",
	"/%252F%252Fevil.example",
	"/%25252F%25252Fevil.example",
	"/%0a/evil.example",
	"/%0D%0ASet-Cookie:%20x=1",
	"/.//evil.example",
	"/..//evil.example",
	"/ /evil.example",
	"/\u00a0/evil.example",
	"/\u3000/evil.example",
	"/%zz",
	"https://evil.example",
	"https:/evil.example",
	"http:evil.example",
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"evil.example",
	" /decisions",
	"\t//evil.example",
	"／/evil.example",
	"",
}

func TestLocalPath(t *testing.T) {
	for _, p := range hostileNext {
		if got := localPath(p); got != "/" {
			t.Errorf("localPath(%q) = %q, want /", p, got)
		}
	}
	for _, p := range []string{"/", "/decisions", "/mandates/12", "/decisions/3#p-5b", "/search?q=observer+status&instrument=basel", "/upload"} {
		if got := localPath(p); got != p {
			t.Errorf("localPath(%q) = %q, want it kept", p, got)
		}
	}
}

// TestSignInRedirect: after sign-in only a path of this site is followed,
// whatever next holds; the form carries no other.
func TestSignInRedirect(t *testing.T) {
	srv, st := newSite(t)
	for i, next := range hostileNext {
		t.Run(url.QueryEscape(next), func(t *testing.T) {
			_, doc := getWith(t, client(t), srv, "/signin?next="+url.QueryEscape(next))
			for _, in := range all(doc, "form.signin input") {
				if attr(in, "name") == "next" && attr(in, "value") != "/" {
					t.Errorf("GET /signin?next=%q: the form's next = %q, want /", next, attr(in, "value"))
				}
			}
			token := addUser(t, st, fmt.Sprintf("u%d", i), accord.RoleEditor, "minamata")
			resp, _ := signInWith(t, client(t), srv, token, next)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
				t.Errorf("sign in with next=%q = %d Location %q, want 303 to /", next, resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
	token := addUser(t, st, "kept", accord.RoleEditor, "minamata")
	if resp, _ := signInWith(t, client(t), srv, token, "/mandates/1"); resp.Header.Get("Location") != "/mandates/1" {
		t.Errorf("sign in with next=/mandates/1: Location %q", resp.Header.Get("Location"))
	}
}

// TestSecureCookie: the session cookie is Secure when the request came
// over HTTPS, which a reverse proxy may say only from a trusted address.
func TestSecureCookie(t *testing.T) {
	_, st := newSite(t)
	trusted, err := ParseProxies("127.0.0.0/8,::1")
	if err != nil {
		t.Fatal(err)
	}
	nobody, _ := ParseProxies("")
	for i, c := range []struct {
		name    string
		proxies Proxies
		proto   string
		secure  bool
	}{
		{"trusted proxy over HTTPS", trusted, "https", true},
		{"trusted proxy over HTTP", trusted, "http", false},
		{"no proxy trusted", nobody, "https", false},
		{"direct", trusted, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(Secure(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))), c.proxies))
			t.Cleanup(srv.Close)
			jar := client(t)
			jar.Transport = protoTransport(c.proto)
			resp, _ := signInWith(t, jar, srv, addUser(t, st, fmt.Sprintf("s%d", i), accord.RoleEditor, "minamata"), "")
			var session *http.Cookie
			for _, ck := range resp.Cookies() {
				if ck.Name == cookieName {
					session = ck
				}
			}
			if session == nil {
				t.Fatalf("sign in = %d, no session cookie", resp.StatusCode)
			}
			if session.Secure != c.secure {
				t.Errorf("session cookie Secure = %v, want %v", session.Secure, c.secure)
			}
		})
	}
}

// protoTransport sends X-Forwarded-Proto, as a reverse proxy does.
type protoTransport string

func (p protoTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if p != "" {
		r = r.Clone(r.Context())
		r.Header.Set("X-Forwarded-Proto", string(p))
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestSignInCSRF: another site cannot sign a visitor in to an account of
// its choosing. A sign-in posted from another site, or without the token
// that the sign-in form and its cookie both carry, is refused with 403
// and makes no session; the form itself still works, and a refused
// visitor gets a form that does.
func TestSignInCSRF(t *testing.T) {
	srv, st := newSite(t)
	token := addUser(t, st, "mallory", accord.RoleEditor, "minamata")
	sessionOf := func(resp *http.Response) bool {
		for _, ck := range resp.Cookies() {
			if ck.Name == cookieName && ck.Value != "" {
				return true
			}
		}
		return false
	}
	// formOf reads the sign-in form's fields of a page.
	formOf := func(c *http.Client) url.Values {
		_, doc := getWith(t, c, srv, "/signin")
		form := url.Values{}
		for _, in := range all(doc, "form.signin input") {
			if name := attr(in, "name"); name != "" {
				form.Set(name, attr(in, "value"))
			}
		}
		form.Set("token", token)
		return form
	}
	send := func(c *http.Client, form url.Values, header ...string) (*http.Response, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/signin", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	other := client(t)
	stolen := formOf(other) // the attacker's own form and token
	bad := []struct {
		name   string
		c      *http.Client
		form   url.Values
		header []string
	}{
		{"no form token", client(t), url.Values{"token": {token}}, nil},
		{"no form token, cross-site", client(t), url.Values{"token": {token}}, []string{"Origin", "https://evil.example"}},
		{"another visitor's form token", client(t), stolen, nil},
		{"own form, cross-site Origin", other, formOf(other), []string{"Origin", "https://evil.example"}},
		{"own form, Origin null", other, formOf(other), []string{"Origin", "null"}},
		{"own form, Sec-Fetch-Site cross-site", other, formOf(other), []string{"Sec-Fetch-Site", "cross-site"}},
		{"own form, Sec-Fetch-Site same-site", other, formOf(other), []string{"Sec-Fetch-Site", "same-site"}},
	}
	for _, b := range bad {
		resp, body := send(b.c, b.form, b.header...)
		if resp.StatusCode != http.StatusForbidden || sessionOf(resp) {
			t.Errorf("%s: sign in = %d, session %v; want 403 and none\n%.300s", b.name, resp.StatusCode, sessionOf(resp), body)
		}
		if _, doc := getWith(t, b.c, srv, "/"); len(all(doc, "form.who")) != 0 {
			t.Errorf("%s: the visitor is signed in", b.name)
		}
	}
	// A refused visitor is shown a form that works.
	c := client(t)
	resp, body := send(c, url.Values{"token": {token}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "sign in again") {
		t.Errorf("refused sign-in page = %d %.300s", resp.StatusCode, body)
	}
	doc, _ := html.Parse(strings.NewReader(body))
	again := url.Values{"token": {token}}
	for _, in := range all(doc, "form.signin input") {
		if name := attr(in, "name"); name != "" && name != "token" {
			again.Set(name, attr(in, "value"))
		}
	}
	if resp, body := send(c, again); resp.StatusCode != http.StatusSeeOther || !sessionOf(resp) {
		t.Errorf("the refused page's form = %d, session %v\n%.300s", resp.StatusCode, sessionOf(resp), body)
	}
	for _, h := range [][]string{nil, {"Origin", srv.URL}, {"Sec-Fetch-Site", "same-origin"}} {
		c := client(t)
		resp, body := send(c, formOf(c), h...)
		if resp.StatusCode != http.StatusSeeOther || !sessionOf(resp) {
			t.Errorf("the sign-in form with %q = %d, session %v\n%.300s", h, resp.StatusCode, sessionOf(resp), body)
		}
		if _, doc := getWith(t, c, srv, "/"); len(all(doc, "form.who")) != 1 {
			t.Errorf("with %q: not signed in after the form", h)
		}
	}
}
