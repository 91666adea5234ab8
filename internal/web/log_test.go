package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a log's output that goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestClientGone: a request whose client hung up is not a server error:
// nothing is logged as one, and its status is StatusClientGone, as the access log
// shows it.
func TestClientGone(t *testing.T) {
	_, st := newSite(t)
	var logs syncBuffer
	h := New(st, slog.New(slog.NewTextHandler(&logs, nil)))
	paths := []string{"/", "/decisions", fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-IV/6")), "/mandates", "/search?q=secretariat"}
	for _, path := range paths {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, "GET", path, nil))
		if rec.Code != StatusClientGone {
			t.Errorf("GET %s of a client gone = %d, want %d", path, rec.Code, StatusClientGone)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("a client gone is logged as an error:\n%s", logs.String())
	}
}

// brokenWriter is a connection that fails once the response has begun,
// as one does when the client leaves while it is written: the header goes
// out (implicitly on the first Write, as net/http does), the body fails.
type brokenWriter struct {
	http.ResponseWriter
	wroteHeader bool
}

func (b *brokenWriter) WriteHeader(code int) {
	b.wroteHeader = true
	b.ResponseWriter.WriteHeader(code)
}

func (b *brokenWriter) Write([]byte) (int, error) {
	if !b.wroteHeader {
		b.WriteHeader(http.StatusOK)
	}
	return 0, errors.New("write: broken pipe")
}

// TestNoSuperfluousWriteHeader: a response that fails once begun is not
// begun a second time with an error page (net/http logs "superfluous
// response.WriteHeader call").
func TestNoSuperfluousWriteHeader(t *testing.T) {
	_, st := newSite(t)
	var logs, serverLog syncBuffer
	h := New(st, slog.New(slog.NewTextHandler(&logs, nil)))
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&brokenWriter{ResponseWriter: w}, r)
	}))
	srv.Config.ErrorLog = log.New(&serverLog, "", 0)
	srv.Start()
	t.Cleanup(srv.Close)
	for _, path := range []string{"/", "/decisions", fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-IV/6")), "/no/such/page"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if strings.Contains(serverLog.String(), "superfluous") {
		t.Errorf("the server log has:\n%s", serverLog.String())
	}
}
