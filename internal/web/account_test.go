package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// sessionCookie returns the session cookie c holds for srv.
func sessionCookie(t *testing.T, c *http.Client, srv *httptest.Server) string {
	t.Helper()
	u, _ := url.Parse(srv.URL)
	for _, k := range c.Jar.Cookies(u) {
		if k.Name == cookieName {
			return k.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

// signedIn reports whether the session of cookie opens the upload page,
// sending the cookie whatever its expiry, as a client that keeps it would.
func signedIn(t *testing.T, srv *httptest.Server, cookie string) bool {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+"/upload", nil)
	req.AddCookie(&http.Cookie{Name: cookieName, Value: cookie})
	resp, err := client(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode == 200:
		return true
	case resp.StatusCode == 303 && strings.HasPrefix(resp.Header.Get("Location"), "/signin"):
		return false
	}
	t.Fatalf("GET /upload = %d %s", resp.StatusCode, resp.Header.Get("Location"))
	return false
}

// TestSessionsExpire: a session left idle past its idle timeout is
// refused; one in use lasts until its maximum age, then is refused too.
func TestSessionsExpire(t *testing.T) {
	const idle, maxAge = time.Second, 3 * time.Second
	srv, st := newSiteWith(t, Config{SessionMaxAge: maxAge, SessionIdle: idle})
	start := time.Now()
	ic, _ := signIn(t, srv, st, "ida", "minamata")
	bc, _ := signIn(t, srv, st, "bo", "minamata")
	idler, busy := sessionCookie(t, ic, srv), sessionCookie(t, bc, srv)
	for time.Since(start) < maxAge-400*time.Millisecond {
		time.Sleep(idle / 4)
		if !signedIn(t, srv, busy) {
			t.Fatalf("a session in use was refused after %v", time.Since(start))
		}
	}
	if signedIn(t, srv, idler) {
		t.Errorf("a session idle for %v still works (idle timeout %v)", time.Since(start), idle)
	}
	time.Sleep(time.Until(start.Add(maxAge + 200*time.Millisecond)))
	if signedIn(t, srv, busy) {
		t.Errorf("a session in use still works after its maximum age %v", maxAge)
	}
}

// TestRevokedAndRemoved: an expired or revoked token does not sign in;
// revoking the token a session signed in with, or removing its account,
// ends the session.
func TestRevokedAndRemoved(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	token, tok, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(ctx, accord.User{Name: "rio", Role: accord.RoleEditor}, tok); err != nil {
		t.Fatal(err)
	}
	short, stok, _ := auth.New(time.Second)
	stok.User = "rio"
	if _, err := st.AddToken(ctx, "admin", stok); err != nil {
		t.Fatal(err)
	}
	c := client(t)
	if resp, _ := signInWith(t, c, srv, token, ""); resp.StatusCode != 303 {
		t.Fatalf("sign in = %d", resp.StatusCode)
	}
	cookie := sessionCookie(t, c, srv)
	if !signedIn(t, srv, cookie) {
		t.Fatal("not signed in")
	}
	time.Sleep(1100 * time.Millisecond)
	if resp, body := signInWith(t, client(t), srv, short, ""); resp.StatusCode != 401 || !strings.Contains(body, "expired or was revoked") {
		t.Errorf("sign in with an expired token = %d", resp.StatusCode)
	}
	if _, err := st.RevokeTokens(ctx, "admin", accord.TokenFilter{Prefix: token}); err != nil {
		t.Fatal(err)
	}
	if signedIn(t, srv, cookie) {
		t.Errorf("the session of a revoked token still works")
	}
	if resp, _ := signInWith(t, client(t), srv, token, ""); resp.StatusCode != 401 {
		t.Errorf("sign in with a revoked token = %d", resp.StatusCode)
	}
	// Removing an account ends its sessions.
	rc, _ := signIn(t, srv, st, "rae", "basel")
	rcookie := sessionCookie(t, rc, srv)
	if err := st.RemoveUser(ctx, "admin", "rae"); err != nil {
		t.Fatal(err)
	}
	if signedIn(t, srv, rcookie) {
		t.Errorf("the session of a removed account still works")
	}
}
