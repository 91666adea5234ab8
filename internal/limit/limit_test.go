package limit

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// clock is a time that tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestParseRate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Rate
		ok   bool
	}{
		{"10/m", Rate{10, time.Minute}, true},
		{"3/s", Rate{3, time.Second}, true},
		{"100/h", Rate{100, time.Hour}, true},
		{"0", Rate{}, true},
		{"10", Rate{}, false},
		{"10/d", Rate{}, false},
		{"-1/m", Rate{}, false},
		{"x/m", Rate{}, false},
	} {
		got, err := ParseRate(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseRate(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && got.String() != tt.in {
			t.Errorf("ParseRate(%q).String() = %q", tt.in, got.String())
		}
	}
	for _, bad := range []string{"10", "10/", "0/15m", "10/soon"} {
		if _, err := ParsePolicy(bad); err == nil {
			t.Errorf("ParsePolicy(%q) took it", bad)
		}
	}
	if p, err := ParsePolicy("10/15m"); err != nil || p != (Policy{10, 15 * time.Minute, 15 * time.Minute}) {
		t.Errorf("ParsePolicy(10/15m) = %v, %v", p, err)
	}
}

func TestBuckets(t *testing.T) {
	c := newClock()
	b := NewBuckets(Rate{Burst: 3, Per: time.Minute}, c.Now)
	for i := range 3 {
		if ok, _ := b.Allow("a"); !ok {
			t.Fatalf("request %d of a burst of 3 refused", i+1)
		}
	}
	ok, wait := b.Allow("a")
	if ok || wait <= 0 || wait > 20*time.Second {
		t.Fatalf("4th request = %v, wait %v; want refused, wait ≤ 20s", ok, wait)
	}
	if ok, _ := b.Allow("b"); !ok {
		t.Error("another key refused")
	}
	c.Add(wait)
	if ok, _ := b.Allow("a"); !ok {
		t.Errorf("after waiting %v, refused", wait)
	}
	if ok, _ := b.Allow("a"); ok {
		t.Error("one token back, two requests allowed")
	}
	var none *Buckets
	if ok, _ := NewBuckets(Rate{}, c.Now).Allow("a"); !ok {
		t.Error("the zero rate refused")
	}
	if ok, _ := none.Allow("a"); !ok {
		t.Error("nil buckets refused")
	}
}

// TestBucketsForget checks that memory is bounded: idle keys are
// forgotten once their bucket is full again, and there are never more
// than the maximum however many keys come.
func TestBucketsForget(t *testing.T) {
	c := newClock()
	b := NewBuckets(Rate{Burst: 2, Per: time.Minute}, c.Now)
	b.max = 1000
	for i := range 500 {
		b.Allow(fmt.Sprint("idle-", i))
	}
	c.Add(time.Minute)
	b.Allow("new")
	if n := b.Len(); n != 1 {
		t.Errorf("after a minute idle, %d keys remembered; want 1", n)
	}
	for i := range 10 * b.max {
		b.Allow(fmt.Sprint("flood-", i))
		if n := b.Len(); n > b.max {
			t.Fatalf("%d keys remembered, max %d", n, b.max)
		}
	}
}

func TestLockoutPolicy(t *testing.T) {
	c := newClock()
	l := NewLockout(Policy{Failures: 3, Window: 15 * time.Minute, For: 15 * time.Minute}, c.Now)
	l.Fail("a")
	l.Fail("a")
	c.Add(16 * time.Minute) // the first two are out of the window
	if _, locked := l.Fail("a"); locked {
		t.Fatal("locked by failures spread over more than the window")
	}
	c.Add(time.Minute)
	l.Fail("a")
	until, locked := l.Fail("a")
	if !locked || !until.Equal(c.Now().Add(15*time.Minute)) {
		t.Fatalf("3 failures within the window: locked %v until %v", locked, until)
	}
	if _, again := l.Fail("a"); again {
		t.Error("a failure while locked locked again")
	}
	if _, locked := l.Locked("b"); locked {
		t.Error("another key locked")
	}
	c.Add(15*time.Minute - time.Second)
	if _, locked := l.Locked("a"); !locked {
		t.Error("unlocked before the end")
	}
	c.Add(time.Second)
	if _, locked := l.Locked("a"); locked {
		t.Error("still locked after the end")
	}
	if _, locked := l.Fail("a"); locked {
		t.Error("one failure after the lockout locked again")
	}
	l.max = 100
	for i := range 1000 {
		l.Fail(fmt.Sprint("flood-", i))
		if len(l.keys) > l.max {
			t.Fatalf("%d keys remembered, max %d", len(l.keys), l.max)
		}
	}
}

func TestGate(t *testing.T) {
	g := NewGate(2, 20*time.Millisecond)
	ctx := context.Background()
	leave1, ok1 := g.Enter(ctx)
	_, ok2 := g.Enter(ctx)
	if !ok1 || !ok2 {
		t.Fatal("a gate of 2 refused one of 2")
	}
	start := time.Now()
	if _, ok := g.Enter(ctx); ok {
		t.Fatal("a gate of 2 let in a third")
	}
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Errorf("refused after %v, before waiting", d)
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		leave1()
	}()
	if _, ok := NewGate(1, time.Second).Enter(ctx); !ok {
		t.Error("an empty gate refused")
	}
	if _, ok := g.Enter(ctx); !ok {
		t.Error("a place given back while waiting was not taken")
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, ok := g.Enter(gone); ok {
		t.Error("a full gate let in a request whose client left")
	}
	if _, ok := NewGate(0, 0).Enter(ctx); !ok {
		t.Error("no gate refused")
	}
}

// BenchmarkBucketsFull fills buckets with MaxKeys IPv6 addresses, as a
// flood from that many would, and reports the heap they take.
func BenchmarkBucketsFull(b *testing.B) {
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		bk := NewBuckets(Rate{Burst: 10, Per: time.Minute}, nil)
		for i := range 10 * MaxKeys {
			bk.Allow(fmt.Sprintf("2001:db8:%x:%x::%x", i>>16, i&0xffff, i))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(bk.Len()), "keys")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
		runtime.KeepAlive(bk)
	}
}
