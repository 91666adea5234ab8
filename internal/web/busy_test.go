package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestBusy: a write that gave way to others made at the same time is a
// 503 with Retry-After whose page says to try again, not a server error.
func TestBusy(t *testing.T) {
	s := &Server{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h := s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("ingest a.txt: %w: deadlock with another write (5 times in a row); nothing was changed: try again in a moment", accord.ErrBusy)
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/upload/confirm", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" || !strings.Contains(rec.Body.String(), "try again") {
		t.Errorf("busy write: %d, Retry-After %q, page %.300s; want 503, Retry-After 1 and a page saying to try again", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
}
