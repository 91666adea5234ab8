package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord/internal/limit"
)

// TestServeLimits checks that serve applies its limit flags and their
// environment variables: a third search past --rate-search 2/m is 429.
func TestServeLimits(t *testing.T) {
	t.Setenv("ACCORD_MAX_SEARCHES", "1")
	db := filepath.Join(t.TempDir(), "serve.db")
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		var errb bytes.Buffer
		done <- run(ctx, []string{"serve", "--db", db, "--demo", "--addr", "127.0.0.1:0", "--rate-search", "2/m"}, pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	base := strings.TrimSpace(strings.TrimPrefix(line, "accord serving on "))
	for i, want := range []int{200, 200, 429} {
		resp, err := http.Get(base + "/search?q=cooperation")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want || (want == 429 && resp.Header.Get("Retry-After") == "") {
			t.Errorf("search %d = %d (Retry-After %q), want %d", i+1, resp.StatusCode, resp.Header.Get("Retry-After"), want)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestLimitFlagsBad checks that a limit written wrong, as a flag or in the
// environment, is a usage error naming it, before any store is opened.
func TestLimitFlagsBad(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "never.db")
	for _, tt := range []struct {
		args     []string
		env, val string
		want     string
	}{
		{[]string{"--rate-search", "fast"}, "", "", `rate "fast"`},
		{[]string{"--max-searches", "-1"}, "", "", `"-1": want a number`},
		{[]string{"--shed-wait", "soon"}, "", "", `want a duration`},
		{nil, "ACCORD_LOCKOUT", "ten", `ACCORD_LOCKOUT="ten"`},
		{nil, "ACCORD_RATE_SIGNIN", "10", `ACCORD_RATE_SIGNIN="10"`},
	} {
		if tt.env != "" {
			t.Setenv(tt.env, tt.val)
		}
		code, _, stderr := runAccord(t, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, tt.args...)...)
		if tt.env != "" {
			os.Unsetenv(tt.env)
		}
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("serve %v %s=%s: exit %d, stderr %q; want 2 with %q", tt.args, tt.env, tt.val, code, stderr, tt.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a store was created")
	}
}

// TestLimitFlagsDocumented checks that the manual names every limit flag
// with its environment variable.
func TestLimitFlagsDocumented(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c := limit.Defaults()
	if err := serveLimitFlags(fs, &c); err != nil {
		t.Fatal(err)
	}
	fs.VisitAll(func(f *flag.Flag) {
		env := f.Usage[strings.LastIndex(f.Usage, "(")+1 : len(f.Usage)-1]
		if !strings.Contains(string(b), "--"+f.Name+" ") || !strings.Contains(string(b), env) {
			t.Errorf("doc.go does not describe --%s (%s)", f.Name, env)
		}
	})
}
