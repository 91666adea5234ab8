// Package limit keeps a server within its means: token buckets that limit
// how often one client (an address or an account) may ask, lockouts after
// repeated failed sign-ins, and gates that cap how many expensive requests
// run at once. Its state is in memory, per process, and bounded: a key idle
// long enough to be back where it started is forgotten.
//
// The HTTP side (handler.go) talks to an accord.Store only; the package
// must not import a store package, web or api.
package limit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Rate is how often one key may ask: Burst requests at once, then one more
// every Per/Burst. The zero Rate is no limit.
type Rate struct {
	Burst int
	Per   time.Duration
}

// ParseRate reads a rate written "N/s", "N/m" or "N/h" (N requests a
// second, minute or hour, N at once at most), or "0" for no limit.
func ParseRate(s string) (Rate, error) {
	if s == "0" || s == "off" {
		return Rate{}, nil
	}
	n, unit, ok := strings.Cut(s, "/")
	burst, err := strconv.Atoi(n)
	per := map[string]time.Duration{"s": time.Second, "m": time.Minute, "h": time.Hour}[unit]
	if !ok || err != nil || burst <= 0 || per == 0 {
		return Rate{}, fmt.Errorf("rate %q: want N/s, N/m or N/h (such as 30/m), or 0 for no limit", s)
	}
	return Rate{Burst: burst, Per: per}, nil
}

func (r Rate) String() string {
	if r.Burst == 0 {
		return "0"
	}
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if r.Per == u.d {
			return fmt.Sprintf("%d/%s", r.Burst, u.name)
		}
	}
	return fmt.Sprintf("%d/%v", r.Burst, r.Per)
}

// Set reads a rate, so that a Rate is a flag.Value.
func (r *Rate) Set(s string) error {
	v, err := ParseRate(s)
	if err == nil {
		*r = v
	}
	return err
}

// MaxKeys bounds how many keys a Buckets or Lockout remembers, so that
// their memory stays bounded (a few MB each; BenchmarkBucketsFull) however
// many addresses a flood comes from. Past it the idle keys go first, then
// any: a client forgotten that way gets a fresh burst, which the gates
// still cap.
const MaxKeys = 20_000

// Buckets limits each key to a Rate with a token bucket.
type Buckets struct {
	rate Rate
	now  func() time.Time
	max  int

	mu    sync.Mutex
	keys  map[string]*bucket
	swept time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

// NewBuckets returns buckets of rate r, reading the time from now
// (time.Now when nil).
func NewBuckets(r Rate, now func() time.Time) *Buckets {
	if now == nil {
		now = time.Now
	}
	return &Buckets{rate: r, now: now, max: MaxKeys, keys: map[string]*bucket{}}
}

// full is how long a bucket takes to fill from empty: a key idle that
// long is as if it had never asked.
func (b *Buckets) full() time.Duration { return b.rate.Per }

// Allow takes a token of key's bucket. When it is empty, Allow says how
// long until it holds one again.
func (b *Buckets) Allow(key string) (bool, time.Duration) {
	if b == nil || b.rate.Burst == 0 {
		return true, 0
	}
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sweep(now)
	k, ok := b.keys[key]
	if !ok {
		k = &bucket{tokens: float64(b.rate.Burst), at: now}
		b.keys[key] = k
	}
	every := b.rate.Per / time.Duration(b.rate.Burst)
	if d := now.Sub(k.at); d > 0 {
		k.tokens = min(float64(b.rate.Burst), k.tokens+float64(d)/float64(every))
	}
	k.at = now
	if k.tokens >= 1 {
		k.tokens--
		return true, 0
	}
	return false, time.Duration((1 - k.tokens) * float64(every))
}

// sweep forgets the keys whose buckets are full again, once per filling
// time or when there are too many; then, if there still are, any keys.
func (b *Buckets) sweep(now time.Time) {
	if now.Sub(b.swept) < b.full() && len(b.keys) < b.max {
		return
	}
	b.swept = now
	for key, k := range b.keys {
		if now.Sub(k.at) >= b.full() {
			delete(b.keys, key)
		}
	}
	evict(b.keys, b.max)
}

// evict deletes keys of m, chosen by map order, until it holds fewer than
// three quarters of max.
func evict[V any](m map[string]V, max int) {
	if len(m) < max {
		return
	}
	for key := range m {
		if len(m) < max*3/4 {
			return
		}
		delete(m, key)
	}
}

// Len says how many keys b remembers.
func (b *Buckets) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.keys)
}

// Policy is when a key is locked out: Failures failures within Window
// lock it for For.
type Policy struct {
	Failures int
	Window   time.Duration
	For      time.Duration
}

// ParsePolicy reads a lockout written "N/WINDOW" (such as 10/15m: ten
// failures within 15 minutes lock out for 15 minutes), or "0" for none.
func ParsePolicy(s string) (Policy, error) {
	if s == "0" || s == "off" {
		return Policy{}, nil
	}
	n, w, ok := strings.Cut(s, "/")
	failures, err := strconv.Atoi(n)
	window, werr := time.ParseDuration(w)
	if !ok || err != nil || werr != nil || failures <= 0 || window <= 0 {
		return Policy{}, fmt.Errorf("lockout %q: want failures/window (such as 10/15m), or 0 for none", s)
	}
	return Policy{Failures: failures, Window: window, For: window}, nil
}

func (p Policy) String() string {
	if p.Failures == 0 {
		return "0"
	}
	return fmt.Sprintf("%d/%v", p.Failures, p.Window)
}

// Set reads a policy, so that a Policy is a flag.Value.
func (p *Policy) Set(s string) error {
	v, err := ParsePolicy(s)
	if err == nil {
		*p = v
	}
	return err
}

// Lockout counts the failures of each key and locks it out after too
// many.
type Lockout struct {
	policy Policy
	now    func() time.Time
	max    int

	mu   sync.Mutex
	keys map[string]*record
}

type record struct {
	fails []time.Time // within the window, oldest first
	until time.Time   // locked until, when after now
}

// NewLockout returns a lockout by policy p, reading the time from now
// (time.Now when nil).
func NewLockout(p Policy, now func() time.Time) *Lockout {
	if now == nil {
		now = time.Now
	}
	return &Lockout{policy: p, now: now, max: MaxKeys, keys: map[string]*record{}}
}

// Locked reports whether key is locked out, and until when.
func (l *Lockout) Locked(key string) (time.Time, bool) {
	if l == nil || l.policy.Failures == 0 {
		return time.Time{}, false
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.keys[key]
	if !ok || !now.Before(r.until) {
		return time.Time{}, false
	}
	return r.until, true
}

// Fail records a failure of key and reports whether it locked key out,
// and until when. Failures while locked out are not counted.
func (l *Lockout) Fail(key string) (time.Time, bool) {
	if l == nil || l.policy.Failures == 0 {
		return time.Time{}, false
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.keys[key]
	if !ok {
		l.sweep(now)
		r = &record{}
		l.keys[key] = r
	}
	if now.Before(r.until) {
		return time.Time{}, false
	}
	fails := r.fails[:0]
	for _, t := range r.fails {
		if now.Sub(t) < l.policy.Window {
			fails = append(fails, t)
		}
	}
	r.fails = append(fails, now)
	if len(r.fails) < l.policy.Failures {
		return time.Time{}, false
	}
	r.fails, r.until = nil, now.Add(l.policy.For)
	return r.until, true
}

// sweep forgets the keys neither locked out nor failing within the window
// when there are too many, then, if there still are, any keys.
func (l *Lockout) sweep(now time.Time) {
	if len(l.keys) < l.max {
		return
	}
	for key, r := range l.keys {
		if !now.Before(r.until) && (len(r.fails) == 0 || now.Sub(r.fails[len(r.fails)-1]) >= l.policy.Window) {
			delete(l.keys, key)
		}
	}
	evict(l.keys, l.max)
}

// Gate caps how many requests of a class run at once.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
}

// NewGate returns a gate for n requests at once, each of the others
// waiting up to wait for a place. n ≤ 0 is no cap.
func NewGate(n int, wait time.Duration) *Gate {
	if n <= 0 {
		return nil
	}
	return &Gate{slots: make(chan struct{}, n), wait: wait}
}

// Enter takes a place, waiting for one up to the gate's wait or until ctx
// ends, and returns the function that gives it back; ok is false when no
// place came free.
func (g *Gate) Enter(ctx context.Context) (leave func(), ok bool) {
	if g == nil {
		return func() {}, true
	}
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.leave, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

func (g *Gate) leave() { <-g.slots }
