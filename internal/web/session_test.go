package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// signInWith signs c in through the sign-in page as a browser does: it
// reads the form, fills in the token and posts every field the form holds.
func signInWith(t *testing.T, c *http.Client, srv *httptest.Server, token, next string) *http.Response {
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
	resp, _ := post(t, c, srv, "/signin", form, "")
	return resp
}

func addUser(t *testing.T, st accord.Store, name string, role accord.Role, insts ...string) string {
	t.Helper()
	token, hash, _ := auth.NewToken()
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
			resp := signInWith(t, client(t), srv, token, next)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
				t.Errorf("sign in with next=%q = %d Location %q, want 303 to /", next, resp.StatusCode, resp.Header.Get("Location"))
			}
		})
	}
	token := addUser(t, st, "kept", accord.RoleEditor, "minamata")
	if resp := signInWith(t, client(t), srv, token, "/mandates/1"); resp.Header.Get("Location") != "/mandates/1" {
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
			resp := signInWith(t, jar, srv, addUser(t, st, fmt.Sprintf("s%d", i), accord.RoleEditor, "minamata"), "")
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
