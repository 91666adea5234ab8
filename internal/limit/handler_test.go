package limit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/api"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/web"
)

// backends runs test on SQLite, and on PostgreSQL when
// ACCORD_TEST_POSTGRES is set, over a store holding the sample.
func backends(t *testing.T, test func(t *testing.T, st accord.Store)) {
	for _, b := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "limit.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.URL(t) }},
	} {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, b.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			for _, f := range sample.Files() {
				if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
					t.Fatal(err)
				}
			}
			test(t, st)
		})
	}
}

// site serves what accord serve serves, the API and the pages, behind a
// limiter of cfg on the clock c; hold, when set, stands between the
// limiter and the handlers.
type site struct {
	*httptest.Server
	lim *Limiter
}

func newSite(t *testing.T, st accord.Store, cfg Config, c *clock, hold func(http.Handler) http.Handler) *site {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", api.New(st, log))
	mux.Handle("/", web.New(st, log))
	var h http.Handler = mux
	if hold != nil {
		h = hold(h)
	}
	lim := New(cfg, st, log, c.Now)
	srv := httptest.NewServer(lim.Handler(h))
	t.Cleanup(srv.Close)
	return &site{srv, lim}
}

// do sends a request from address ip (the limiter is told to believe a
// test header) and returns the response with its body read.
func (s *site) do(t *testing.T, c *http.Client, method, path, ip string, body url.Values, header ...string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != nil {
		r = strings.NewReader(body.Encode())
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("X-Test-Address", ip)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if c == nil {
		c = noRedirect(nil)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func noRedirect(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var hiddenRE = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)"`)

// signIn posts token to the sign-in form as a browser does: the form's
// own fields (and cookies) with it.
func (s *site) signIn(t *testing.T, ip, token string) (*http.Response, *http.Client) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := noRedirect(jar)
	_, page := s.do(t, c, "GET", "/signin", ip, nil)
	form := url.Values{}
	for _, m := range hiddenRE.FindAllStringSubmatch(page, -1) {
		form.Set(m[1], strings.ReplaceAll(m[2], "&#43;", "+"))
	}
	form.Set("token", token)
	resp, _ := s.do(t, c, "POST", "/signin", ip, form)
	return resp, c
}

func addUser(t *testing.T, st accord.Store, name string) string {
	t.Helper()
	token, tok, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: name, Role: accord.RoleEditor}, tok); err != nil {
		t.Fatal(err)
	}
	return token
}

func testAddress(r *http.Request) string { return r.Header.Get("X-Test-Address") }

// retryAfter checks resp is status with a Retry-After of at least min
// and at most max seconds, and returns it.
func retryAfter(t *testing.T, resp *http.Response, status, min, max int) int {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s %s = %d, want %d", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, status)
	}
	n, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil || n < min || n > max {
		t.Fatalf("%s %s: Retry-After %q, want %d to %d seconds", resp.Request.Method, resp.Request.URL.Path, resp.Header.Get("Retry-After"), min, max)
	}
	return n
}

// TestSearchRate checks that an address past its rate of searches gets
// 429 with Retry-After on the page and the API alike, that another
// address does not, and that it may search again once it has waited.
func TestSearchRate(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		c := newClock()
		s := newSite(t, st, Config{Search: Rate{Burst: 3, Per: time.Minute}}, c, nil)
		s.lim.ClientIP = testAddress
		for i, path := range []string{"/search?q=cooperation", "/api/v1/search?q=cooperation", "/search?q=secretariat"} {
			if resp, body := s.do(t, nil, "GET", path, "192.0.2.1", nil); resp.StatusCode != 200 {
				t.Fatalf("search %d of a burst of 3 = %d\n%.300s", i+1, resp.StatusCode, body)
			}
		}
		resp, body := s.do(t, nil, "GET", "/search?q=report", "192.0.2.1", nil)
		wait := retryAfter(t, resp, 429, 1, 20)
		if !strings.Contains(body, "Too many") || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("429 page: %q, %s", body, resp.Header.Get("Content-Type"))
		}
		resp, body = s.do(t, nil, "GET", "/api/v1/search?q=report", "192.0.2.1", nil)
		retryAfter(t, resp, 429, 1, 20)
		var p struct{ Status int }
		if err := json.Unmarshal([]byte(body), &p); err != nil || p.Status != 429 || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("API 429: %s %q", resp.Header.Get("Content-Type"), body)
		}
		if resp, _ := s.do(t, nil, "GET", "/search?q=report", "192.0.2.2", nil); resp.StatusCode != 200 {
			t.Errorf("another address = %d, want 200", resp.StatusCode)
		}
		if resp, _ := s.do(t, nil, "GET", "/decisions", "192.0.2.1", nil); resp.StatusCode != 200 {
			t.Errorf("a page other than search = %d, want 200", resp.StatusCode)
		}
		c.Add(time.Duration(wait) * time.Second)
		if resp, _ := s.do(t, nil, "GET", "/search?q=report", "192.0.2.1", nil); resp.StatusCode != 200 {
			t.Errorf("after Retry-After = %d, want 200", resp.StatusCode)
		}
	})
}

// TestSignInLockout checks that failed sign-ins and unknown tokens from one
// address lock it out of both, even with a good token, with an entry in
// the audit log, and that the lockout ends after its time.
func TestSignInLockout(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		c := newClock()
		s := newSite(t, st, Config{Lockout: Policy{Failures: 3, Window: 15 * time.Minute, For: 15 * time.Minute}}, c, nil)
		s.lim.ClientIP = testAddress
		good := addUser(t, st, "jo")
		ms, err := st.Mandates(context.Background(), accord.MandateFilter{Limit: 1})
		if err != nil || len(ms) == 0 {
			t.Fatal(ms, err)
		}
		patch := fmt.Sprintf("/api/v1/mandates/%d", ms[0].ID)
		const attacker = "198.51.100.7"
		if resp, _ := s.signIn(t, attacker, "acc_wrong1"); resp.StatusCode != 401 {
			t.Fatalf("wrong token = %d, want 401", resp.StatusCode)
		}
		if resp, _ := s.do(t, nil, "PATCH", patch, attacker, nil, "Authorization", "Bearer acc_wrong2"); resp.StatusCode != 401 {
			t.Fatalf("PATCH with an unknown token = %d, want 401", resp.StatusCode)
		}
		before, _ := st.AuditLog(context.Background(), 1)
		if resp, _ := s.signIn(t, attacker, "acc_wrong3"); resp.StatusCode != 401 {
			t.Fatalf("third wrong token = %d, want 401", resp.StatusCode)
		}
		resp, _ := s.signIn(t, attacker, good)
		retryAfter(t, resp, 429, 14*60, 15*60)
		resp, body := s.do(t, nil, "PATCH", patch, attacker, nil, "Authorization", "Bearer "+good)
		retryAfter(t, resp, 429, 14*60, 15*60)
		if !strings.Contains(body, "locked out") {
			t.Errorf("lockout problem = %q", body)
		}
		log, err := st.AuditLog(context.Background(), 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 || log[0].Action != "lock out" || log[0].Target != "address "+attacker || !strings.Contains(log[0].After, `"failures":3`) ||
			(len(before) > 0 && log[1] != before[0]) {
			t.Errorf("audit log after the lockout = %+v", log)
		}
		if resp, _ := s.signIn(t, "192.0.2.1", good); resp.StatusCode != 303 {
			t.Errorf("sign-in from another address = %d, want 303", resp.StatusCode)
		}
		c.Add(15 * time.Minute)
		if resp, _ := s.signIn(t, attacker, good); resp.StatusCode != 303 {
			t.Errorf("sign-in after the lockout = %d, want 303", resp.StatusCode)
		}
		if resp, body := s.do(t, nil, "PATCH", patch, attacker, nil, "Authorization", "Bearer "+good, "Content-Type", "application/json"); resp.StatusCode >= 500 || resp.StatusCode == 429 {
			t.Errorf("PATCH after the lockout = %d %s", resp.StatusCode, body)
		}
		if n, _ := st.AuditLog(context.Background(), 100); len(n) == 0 {
			t.Error("audit log empty")
		}
	})
}

// TestTokenRate checks that an account is limited across addresses, and
// an address across accounts.
func TestTokenRate(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		c := newClock()
		s := newSite(t, st, Config{Token: Rate{Burst: 2, Per: time.Minute}}, c, nil)
		s.lim.ClientIP = testAddress
		jo, bea := addUser(t, st, "jo"), addUser(t, st, "bea")
		audit := func(ip, token string) *http.Response {
			resp, _ := s.do(t, nil, "GET", "/api/v1/audit", ip, nil, "Authorization", "Bearer "+token)
			return resp
		}
		for _, ip := range []string{"192.0.2.1", "192.0.2.2"} {
			if resp := audit(ip, jo); resp.StatusCode != 403 {
				t.Fatalf("jo from %s = %d, want 403 (an editor)", ip, resp.StatusCode)
			}
		}
		retryAfter(t, audit("192.0.2.3", jo), 429, 1, 30)
		if resp := audit("192.0.2.3", bea); resp.StatusCode != 403 {
			t.Errorf("bea from the same address = %d, want 403", resp.StatusCode)
		}
		audit("192.0.2.3", bea)
		retryAfter(t, audit("192.0.2.3", "acc_other"), 429, 1, 30)
		if resp, _ := s.do(t, nil, "GET", "/api/v1/decisions", "192.0.2.3", nil); resp.StatusCode != 200 {
			t.Errorf("a read without a token = %d, want 200", resp.StatusCode)
		}
	})
}

// TestShedding checks that when as many searches run as allowed, the next
// waits the allowed time and gets 503 with Retry-After, not a place in a
// queue; and that a search or upload past its deadline is 503, not 500.
func TestShedding(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		held, release := make(chan struct{}), make(chan struct{})
		hold := func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("X-Test-Hold") != "" {
					held <- struct{}{}
					<-release
				}
				h.ServeHTTP(w, r)
			})
		}
		s := newSite(t, st, Config{Searches: 1, Wait: 50 * time.Millisecond}, newClock(), hold)
		first := make(chan int)
		go func() {
			resp, _ := s.do(t, nil, "GET", "/api/v1/search?q=cooperation", "192.0.2.1", nil, "X-Test-Hold", "1")
			first <- resp.StatusCode
		}()
		<-held
		start := time.Now()
		for _, path := range []string{"/search?q=secretariat", "/api/v1/search?q=secretariat"} {
			resp, body := s.do(t, nil, "GET", path, "192.0.2.2", nil)
			retryAfter(t, resp, 503, 1, 5)
			if !strings.Contains(body, "busy") {
				t.Errorf("503 body = %q", body)
			}
		}
		if d := time.Since(start); d < 100*time.Millisecond {
			t.Errorf("two requests shed in %v: they did not wait 50 ms each", d)
		}
		if resp, _ := s.do(t, nil, "GET", "/decisions", "192.0.2.2", nil); resp.StatusCode != 200 {
			t.Errorf("a page other than search while searches are full = %d", resp.StatusCode)
		}
		close(release)
		if code := <-first; code != 200 {
			t.Errorf("the search holding the place = %d", code)
		}
		if resp, _ := s.do(t, nil, "GET", "/search?q=secretariat", "192.0.2.2", nil); resp.StatusCode != 200 {
			t.Errorf("search after the place came free = %d", resp.StatusCode)
		}

		late := newSite(t, st, Config{SearchTimeout: time.Nanosecond}, newClock(), nil)
		for _, path := range []string{"/search?q=secretariat", "/api/v1/search?q=secretariat"} {
			resp, body := late.do(t, nil, "GET", path, "", nil)
			retryAfter(t, resp, 503, 1, 10)
			if strings.Contains(strings.ToLower(body), "sql") {
				t.Errorf("GET %s past its deadline shows %q", path, body)
			}
		}
	})
}

// TestSheddingConcurrent sends many searches at once to a server that
// runs one at a time: each is answered 200 or 503 with Retry-After, none
// 500.
func TestSheddingConcurrent(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		s := newSite(t, st, Config{Searches: 1, Wait: 5 * time.Millisecond, SearchTimeout: time.Second}, newClock(), nil)
		paths := []string{"/search?q=cooperation", "/api/v1/search?q=secretariat", "/search?q=report&order=recent", "/api/v1/search?q=parties"}
		statuses := make(chan string, 48)
		var wg sync.WaitGroup
		for i := range cap(statuses) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, err := http.Get(s.URL + paths[i%len(paths)])
				if err != nil {
					statuses <- err.Error()
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				st := strconv.Itoa(resp.StatusCode)
				if resp.StatusCode != 200 && resp.Header.Get("Retry-After") == "" {
					st += " without Retry-After"
				}
				statuses <- st
			}()
		}
		wg.Wait()
		close(statuses)
		counts := map[string]int{}
		for st := range statuses {
			counts[st]++
		}
		if counts["200"] == 0 || counts["200"]+counts["503"] != cap(statuses) {
			t.Errorf("%d concurrent searches answered %v; want 200 or 503 with Retry-After", cap(statuses), counts)
		}
		t.Logf("answers: %v", counts)
	})
}

// TestPageTimeout checks that any request still at work after the page
// deadline is answered 503 with Retry-After, on the pages and the API
// alike, and never 500.
func TestPageTimeout(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		s := newSite(t, st, Config{PageTimeout: time.Nanosecond}, newClock(), nil)
		for _, path := range []string{"/", "/decisions", "/mandates", "/api/v1/decisions", "/api/v1/mandates"} {
			resp, _ := s.do(t, nil, "GET", path, "", nil)
			retryAfter(t, resp, 503, 1, 10)
		}
	})
}

// TestUploadRate checks that uploads are limited by address, and by the
// signed-in account whatever its address, before anything is read.
func TestUploadRate(t *testing.T) {
	backends(t, func(t *testing.T, st accord.Store) {
		s := newSite(t, st, Config{Upload: Rate{Burst: 1, Per: time.Minute}}, newClock(), nil)
		s.lim.ClientIP = testAddress
		if resp, _ := s.do(t, nil, "POST", "/upload", "192.0.2.1", url.Values{}); resp.StatusCode == 429 || resp.StatusCode >= 500 {
			t.Fatalf("first upload = %d", resp.StatusCode)
		}
		resp, _ := s.do(t, nil, "POST", "/upload/confirm", "192.0.2.1", url.Values{})
		retryAfter(t, resp, 429, 1, 60)

		resp, c := s.signIn(t, "192.0.2.2", addUser(t, st, "jo"))
		if resp.StatusCode != 303 {
			t.Fatalf("sign in = %d", resp.StatusCode)
		}
		if resp, _ := s.do(t, c, "POST", "/upload", "192.0.2.2", url.Values{}); resp.StatusCode == 429 || resp.StatusCode >= 500 {
			t.Fatalf("jo's first upload = %d", resp.StatusCode)
		}
		resp, _ = s.do(t, c, "POST", "/upload", "192.0.2.3", url.Values{})
		retryAfter(t, resp, 429, 1, 60)
		if resp, _ := s.do(t, nil, "POST", "/upload", "192.0.2.4", url.Values{}); resp.StatusCode == 429 || resp.StatusCode >= 500 {
			t.Errorf("another address without jo's session = %d", resp.StatusCode)
		}
	})
}
