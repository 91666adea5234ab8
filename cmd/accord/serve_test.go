package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
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
	h := routes(st, log, nil)
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
