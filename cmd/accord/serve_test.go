package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/limit"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/web"
)

// sampleStore opens a SQLite store holding the sample.
func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, f := range sample.Files() {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestAccessLogClientGone: a request whose client hung up is logged as
// 499, not as a server error, whatever the handler managed to do.
func TestAccessLogClientGone(t *testing.T) {
	st := sampleStore(t)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	h := routes(st, log, nil, web.Config{}, limit.Defaults())
	for _, path := range []string{"/decisions", "/mandates", "/api/v1/decisions", "/api/v1/search?q=secretariat", "/signin", "/healthz"} {
		logs.Reset()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, "GET", path, nil))
		line := logs.String()
		if !strings.Contains(line, "msg=request") || !strings.Contains(line, "status=499") || strings.Contains(line, "level=ERROR") {
			t.Errorf("GET %s of a client gone is logged:\n%s", path, line)
		}
	}
}

// TestSecurityHeaders: every response, pages, API, static files and
// errors alike, tells browsers not to frame it, sniff it or leak where the
// reader came from; HSTS only over HTTPS, which a proxy may vouch for only
// from a trusted address.
func TestSecurityHeaders(t *testing.T) {
	st := sampleStore(t)
	proxies, err := web.ParseProxies("10.0.0.0/8, 192.168.1.1")
	if err != nil {
		t.Fatal(err)
	}
	h := routes(st, slog.New(slog.NewTextHandler(io.Discard, nil)), proxies, web.Config{}, limit.Defaults())
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	}
	for _, c := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/", 200},
		{"GET", "/decisions", 200},
		{"GET", "/no/such/page", 404},
		{"GET", "/decisions?year=soon", 400},
		{"GET", "/static/style.css", 200},
		{"GET", "/static/none.css", 404},
		{"DELETE", "/decisions", 405},
		{"GET", "/upload", 303},
		{"GET", "/api/v1/decisions", 200},
		{"GET", "/api/v1/openapi.json", 200},
		{"GET", "/api/v1/decisions?bogus=1", 400},
		{"GET", "/api/v1/nothing", 404},
		{"DELETE", "/api/v1/decisions", 405},
		{"PATCH", "/api/v1/mandates/1", 401},
		{"GET", "/healthz", 200},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.status {
			t.Errorf("%s %s = %d, want %d", c.method, c.path, rec.Code, c.status)
		}
		for k, v := range want {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s %s: %s = %q, want %q", c.method, c.path, k, got, v)
			}
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s %s: Content-Security-Policy %q lacks frame-ancestors 'none'", c.method, c.path, csp)
		}
		if hsts := rec.Header().Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("%s %s over plain HTTP: Strict-Transport-Security %q", c.method, c.path, hsts)
		}
	}
	for _, c := range []struct {
		name, url, remote, proto string
		https                    bool
	}{
		{"TLS", "https://accord.example/decisions", "192.0.2.1:4000", "", true},
		{"trusted proxy", "http://accord.example/decisions", "10.1.2.3:4000", "https", true},
		{"trusted proxy, one address", "http://accord.example/api/v1/decisions", "192.168.1.1:4000", "HTTPS", true},
		{"trusted proxy, plain HTTP", "http://accord.example/decisions", "10.1.2.3:4000", "http", false},
		{"untrusted client", "http://accord.example/decisions", "192.0.2.1:4000", "https", false},
		{"untrusted neighbour", "http://accord.example/decisions", "192.168.1.2:4000", "https", false},
	} {
		r := httptest.NewRequest("GET", c.url, nil)
		r.RemoteAddr = c.remote
		if c.proto != "" {
			r.Header.Set("X-Forwarded-Proto", c.proto)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if hsts := rec.Header().Get("Strict-Transport-Security"); (hsts != "") != c.https || (c.https && !strings.HasPrefix(hsts, "max-age=")) {
			t.Errorf("%s: Strict-Transport-Security %q, want it %v", c.name, hsts, c.https)
		}
	}
}

func TestServeTrustedProxyFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	for _, bad := range []string{"10.0.0.0/33", "proxy.example", "10.0.0.0/8,,"} {
		code, _, errs := runAccord(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--trusted-proxy", bad)
		if code != 2 || !strings.Contains(errs, "--trusted-proxy") {
			t.Errorf("serve --trusted-proxy %q = exit %d, %q; want exit 2 naming the flag", bad, code, errs)
		}
	}
	t.Setenv("ACCORD_TRUSTED_PROXIES", "nonsense")
	if code, _, errs := runAccord(t, "serve", "--db", db, "--addr", "127.0.0.1:0"); code != 2 || !strings.Contains(errs, "nonsense") {
		t.Errorf("serve with ACCORD_TRUSTED_PROXIES=nonsense = exit %d, %q", code, errs)
	}
}

// TestServeLimitsEachForwardedClient: behind a trusted proxy every
// request comes from the proxy's address, so serve limits the client that
// X-Forwarded-For names; one client past its rate leaves another
// untouched, and a header from an untrusted sender changes nothing.
func TestServeLimitsEachForwardedClient(t *testing.T) {
	st := sampleStore(t)
	proxies, err := web.ParseProxies("10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	limits := limit.Defaults()
	limits.SignIn = limit.Rate{Burst: 3, Per: time.Minute}
	h := routes(st, slog.New(slog.NewTextHandler(io.Discard, nil)), proxies, web.Config{}, limits)
	signIn := func(remote, client string) int {
		r := httptest.NewRequest("POST", "/signin", strings.NewReader("token=x"))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = remote
		if client != "" {
			r.Header.Set("X-Forwarded-For", client)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code
	}
	for i := range 3 {
		if code := signIn("10.0.0.2:5000", "198.51.100.1"); code == http.StatusTooManyRequests {
			t.Fatalf("sign-in %d of the first client = 429 within its rate", i+1)
		}
	}
	if code := signIn("10.0.0.2:5000", "198.51.100.1"); code != http.StatusTooManyRequests {
		t.Errorf("fourth sign-in of the first client = %d, want 429", code)
	}
	if code := signIn("10.0.0.2:5000", "198.51.100.2"); code == http.StatusTooManyRequests {
		t.Errorf("another client behind the same proxy = 429: clients are not limited apart")
	}
	// Not from the proxy: the header is the sender's word, and the sender
	// is limited by its own address whatever it writes.
	for i := range 3 {
		signIn("203.0.113.9:5000", fmt.Sprintf("192.0.2.%d", i))
	}
	if code := signIn("203.0.113.9:5000", "192.0.2.200"); code != http.StatusTooManyRequests {
		t.Errorf("an untrusted sender naming new clients = %d, want 429", code)
	}
}

// actorCounter is a store that counts the reads of its added actors: one
// each time an actor registry is built.
type actorCounter struct {
	accord.Store
	reads atomic.Int32
}

func (c *actorCounter) Actors(ctx context.Context) (map[string][]string, error) {
	c.reads.Add(1)
	return c.Store.Actors(ctx)
}

// TestServeBuildsOneRegistry: the API and the pages of one server share
// one actor registry, built once for both, not once for each.
func TestServeBuildsOneRegistry(t *testing.T) {
	st := &actorCounter{Store: sampleStore(t)}
	ms, err := st.Mandates(context.Background(), accord.MandateFilter{Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatalf("Mandates = %v, %v: the sample has mandates", ms, err)
	}
	h := routes(st, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, web.Config{}, limit.Defaults())
	for _, path := range []string{"/api/v1/actors", fmt.Sprintf("/mandates/%d", ms[0].ID), "/api/v1/actors"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
	}
	if n := st.reads.Load(); n != 1 {
		t.Errorf("the registry was built %d times for the API and the pages, want once", n)
	}
}
