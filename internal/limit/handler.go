package limit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// The default limits. Each is a flag of accord serve (doc.go).
const (
	// DefaultSignIn lets an address try ten tokens a minute: a person
	// mistyping gets several tries, a guesser gets few.
	DefaultSignIn = "10/m"
	// DefaultToken lets an address, and an account, make 120 requests a
	// minute with a token: a script updating mandates one by one, not a
	// flood of writes.
	DefaultToken = "120/m"
	// DefaultSearch lets an address search 120 times a minute, two a
	// second: a whole office behind one address browsing facets, not a
	// crawler walking every query.
	DefaultSearch = "120/m"
	// DefaultUpload lets an address, and an account, upload or confirm
	// 20 files a minute: each is parsed whole.
	DefaultUpload = "20/m"
	// DefaultLockout locks an address out of sign-in and tokens for 15
	// minutes after 10 failures within 15 minutes: too few tries to
	// guess a 256-bit token, enough for people who mistype.
	DefaultLockout = "10/15m"
	// DefaultWait is how long an expensive request waits for a place
	// before it is shed with 503: long enough to ride out a burst, short
	// enough that a client is not held on a server that is full.
	DefaultWait = 100 * time.Millisecond
	// DefaultUploads is how many uploads are parsed at once: each may
	// take a core and tens of megabytes.
	DefaultUploads = 2
	// DefaultSearchTimeout is how long a search may take, its wait for a
	// place included: a reader should have an answer within a second,
	// and this leaves a fifth of it to render and send the page. A
	// search that cannot be answered in that time on a loaded server is
	// better shed (503) than left to hold a place while others queue.
	DefaultSearchTimeout = 800 * time.Millisecond
	// DefaultPageTimeout is how long any other request may take: pages
	// and API answers take milliseconds, so one still at work after 30
	// seconds is stuck, and is ended (503) before the server's 60-second
	// write timeout would cut it off unanswered.
	DefaultPageTimeout = 30 * time.Second
	// DefaultUploadTimeout is how long an upload may wait, be parsed and
	// stored: under the server's 60-second write timeout, so the client
	// hears why.
	DefaultUploadTimeout = 50 * time.Second
)

// DefaultSearches is how many searches run at once: one a core, as a
// search is all computing and the cores are all there is; waiting
// searches beyond that only lengthen every search.
func DefaultSearches() int { return max(2, runtime.NumCPU()) }

// Config is the limits a server keeps. A zero field limits nothing.
type Config struct {
	// Rates per client address, and per account where there is one
	// (Token and Upload).
	SignIn, Token, Search, Upload Rate
	// Lockout is when an address is locked out of sign-in and tokens.
	Lockout Policy
	// Searches and Uploads are how many run at once; others wait up to
	// Wait, then are answered 503.
	Searches, Uploads int
	Wait              time.Duration
	// SearchTimeout, UploadTimeout and PageTimeout (every other
	// request) end a request's work, counted from its arrival.
	SearchTimeout, UploadTimeout, PageTimeout time.Duration
}

// Defaults returns the default limits.
func Defaults() Config {
	must := func(r Rate, err error) Rate {
		if err != nil {
			panic(err)
		}
		return r
	}
	p, err := ParsePolicy(DefaultLockout)
	if err != nil {
		panic(err)
	}
	return Config{
		SignIn: must(ParseRate(DefaultSignIn)), Token: must(ParseRate(DefaultToken)),
		Search: must(ParseRate(DefaultSearch)), Upload: must(ParseRate(DefaultUpload)),
		Lockout: p, Searches: DefaultSearches(), Uploads: DefaultUploads, Wait: DefaultWait,
		SearchTimeout: DefaultSearchTimeout, UploadTimeout: DefaultUploadTimeout, PageTimeout: DefaultPageTimeout,
	}
}

// Limiter applies a Config to the requests of a server.
type Limiter struct {
	store accord.Store
	log   *slog.Logger
	now   func() time.Time
	// ClientIP says who sends r: its remote address unless set.
	ClientIP func(r *http.Request) string

	signIn, token, tokenUser, search, upload, uploadUser *Buckets
	lockout                                              *Lockout
	searches, uploads                                    *Gate
	searchTimeout, uploadTimeout, pageTimeout            time.Duration
}

// New returns a limiter of cfg that records lockouts in st's audit log
// and reads the time from now (time.Now when nil).
func New(cfg Config, st accord.Store, log *slog.Logger, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{store: st, log: log, now: now, ClientIP: RemoteIP,
		signIn: NewBuckets(cfg.SignIn, now), token: NewBuckets(cfg.Token, now), tokenUser: NewBuckets(cfg.Token, now),
		search: NewBuckets(cfg.Search, now), upload: NewBuckets(cfg.Upload, now), uploadUser: NewBuckets(cfg.Upload, now),
		lockout:  NewLockout(cfg.Lockout, now),
		searches: NewGate(cfg.Searches, cfg.Wait), uploads: NewGate(cfg.Uploads, cfg.Wait),
		searchTimeout: cfg.SearchTimeout, uploadTimeout: cfg.UploadTimeout, pageTimeout: cfg.PageTimeout}
}

// RemoteIP is the address of r's connection, without its port.
func RemoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Handler limits the requests to next. The limited routes are all here.
func (l *Limiter) Handler(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /signin", within(l.signInRoute(next), l.pageTimeout))
	mux.Handle("/api/v1/", within(l.tokenRoute(next), l.pageTimeout))
	mux.Handle("GET /search", l.expensive(next, l.search, nil, l.searches, l.searchTimeout))
	mux.Handle("GET /api/v1/search", l.expensive(next, l.search, nil, l.searches, l.searchTimeout))
	mux.Handle("POST /upload", l.expensive(next, l.upload, l.uploadUser, l.uploads, l.uploadTimeout))
	mux.Handle("POST /upload/confirm", l.expensive(next, l.upload, l.uploadUser, l.uploads, l.uploadTimeout))
	mux.Handle("/", within(next, l.pageTimeout))
	return mux
}

// within ends the work of h's requests after d, when d > 0.
func within(h http.Handler, d time.Duration) http.Handler {
	if d <= 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// signInRoute limits sign-in by address, refuses locked-out addresses
// whatever their token, and counts the failures.
func (l *Limiter) signInRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := l.ClientIP(r)
		if l.refuseLocked(w, r, ip) || l.refuseRate(w, r, l.signIn, ip, "sign-in attempts from this address") {
			return
		}
		l.countFailure(w, r, ip, next)
	})
}

// tokenRoute limits API requests carrying a token by address and by
// account, and counts unknown tokens as failures.
func (l *Limiter) tokenRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := auth.Bearer(r)
		if token == "" {
			next.ServeHTTP(w, r)
			return
		}
		ip := l.ClientIP(r)
		if l.refuseLocked(w, r, ip) || l.refuseRate(w, r, l.token, ip, "requests with a token from this address") {
			return
		}
		if u, err := l.store.UserByToken(r.Context(), auth.Hash(token)); err == nil &&
			l.refuseRate(w, r, l.tokenUser, "user "+strconv.FormatInt(u.ID, 10), "requests of this account") {
			return
		}
		l.countFailure(w, r, ip, next)
	})
}

// expensive limits a class of costly requests by address (and, when
// byUser is set, by the signed-in account), lets through as many at once
// as gate allows, and ends their work after timeout.
func (l *Limiter) expensive(next http.Handler, byIP, byUser *Buckets, gate *Gate, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.refuseRate(w, r, byIP, l.ClientIP(r), "such requests from this address") {
			return
		}
		if byUser != nil {
			if id, ok := l.account(r); ok && l.refuseRate(w, r, byUser, "user "+strconv.FormatInt(id, 10), "such requests of this account") {
				return
			}
		}
		// The deadline counts from the request's arrival: the time it
		// waits for a place is part of the time it may take.
		if timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		leave, ok := gate.Enter(r.Context())
		if !ok {
			if errors.Is(r.Context().Err(), context.Canceled) {
				return // the client hung up while waiting
			}
			refuse(w, r, http.StatusServiceUnavailable, time.Second, "The server is busy with other requests like this one; try again in a moment.")
			return
		}
		defer leave()
		next.ServeHTTP(w, r)
	})
}

// account returns the id of the account whose session or token r
// carries.
func (l *Limiter) account(r *http.Request) (int64, bool) {
	if token := auth.Bearer(r); token != "" {
		u, err := l.store.UserByToken(r.Context(), auth.Hash(token))
		return u.ID, err == nil
	}
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		u, _, err := l.store.Session(r.Context(), auth.Hash(c.Value))
		return u.ID, err == nil
	}
	return 0, false
}

// SessionCookie is the name of the web pages' session cookie (web's
// cookieName; TestUploadRate fails when they differ).
const SessionCookie = "accord_session"

// refuseLocked answers 429 when key is locked out.
func (l *Limiter) refuseLocked(w http.ResponseWriter, r *http.Request, key string) bool {
	until, locked := l.lockout.Locked(key)
	if !locked {
		return false
	}
	refuse(w, r, http.StatusTooManyRequests, until.Sub(l.now()),
		fmt.Sprintf("Too many failed sign-ins or unknown tokens from this address: it is locked out until %s.", until.UTC().Format("15:04 MST")))
	return true
}

// refuseRate answers 429 when key's bucket is empty.
func (l *Limiter) refuseRate(w http.ResponseWriter, r *http.Request, b *Buckets, key, what string) bool {
	ok, wait := b.Allow(key)
	if ok {
		return false
	}
	refuse(w, r, http.StatusTooManyRequests, wait, "Too many "+what+"; try again later.")
	return true
}

// countFailure serves r and counts a 401 as a failure of key; the failure
// that locks key out is recorded in the audit log.
func (l *Limiter) countFailure(w http.ResponseWriter, r *http.Request, key string, next http.Handler) {
	sw := &statusWriter{ResponseWriter: w}
	next.ServeHTTP(sw, r)
	if sw.status != http.StatusUnauthorized {
		return
	}
	until, locked := l.lockout.Fail(key)
	if !locked {
		return
	}
	p := l.lockout.policy
	after, _ := json.Marshal(map[string]any{"failures": p.Failures, "within": p.Window.String(), "until": until.UTC(), "last": r.Method + " " + r.URL.Path})
	e := accord.AuditEntry{Who: "accord", Action: "lock out", Target: "address " + key, After: string(after)}
	if err := l.store.RecordAudit(context.WithoutCancel(r.Context()), e); err != nil {
		l.log.Error("limit: audit lockout", "address", key, "err", err)
	}
	l.log.Warn("locked out", "address", key, "until", until)
}

// refuse answers status with a Retry-After of wait, rounded up to a
// second: a problem for the API, plain text for pages.
func refuse(w http.ResponseWriter, r *http.Request, status int, wait time.Duration, msg string) {
	secs := max(1, int((wait+time.Second-1)/time.Second))
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(secs))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		h.Set("Content-Type", "application/problem+json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": msg})
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

// statusWriter keeps the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
