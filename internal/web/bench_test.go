package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/store"
)

// BenchmarkRepeatedNumbers makes the first page of a decision of 2,000
// paragraphs all numbered "1.", each with its mandate, and reports its
// bytes.
func BenchmarkRepeatedNumbers(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := ingest.File(ctx, st, nil, accord.Source{Name: "ones.txt"}, ones(2000), parse.Options{}); err != nil {
		b.Fatal(err)
	}
	ds, err := st.Decisions(ctx, accord.DecisionFilter{Limit: 1})
	if err != nil || len(ds) != 1 {
		b.Fatal(ds, err)
	}
	h := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	path := fmt.Sprintf("/decisions/%d", ds[0].ID)
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			b.Fatalf("GET %s = %d", path, rec.Code)
		}
		n = rec.Body.Len()
	}
	b.ReportMetric(float64(n), "bytes/page")
}
