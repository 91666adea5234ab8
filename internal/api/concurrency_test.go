package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
)

// TestPatchDuringIngest sends 400 mandate changes while the decisions
// that make the mandates are ingested again and again: each change lands
// (200, and is in the mandate's history afterwards) or is refused with a
// 409 or 503 that says to try again, with Retry-After; none is a 500, and
// no re-ingest fails.
func TestPatchDuringIngest(t *testing.T) { onBackends(t, testPatchDuringIngest) }

func testPatchDuringIngest(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	token := account(t, st, "editor", accord.RoleEditor, "basel")
	files := sample.Generate(12) // the first decisions of basel COP-10
	for _, f := range files {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "basel", Meeting: "COP-10"})
	if err != nil || len(ms) < 20 {
		t.Fatalf("mandates of basel COP-10: %d, %v", len(ms), err)
	}

	const patches = 400
	var (
		done     atomic.Bool
		ingests  atomic.Int64
		ingestWG sync.WaitGroup
		ingestMu sync.Mutex
		ingestEr []error
	)
	ingestWG.Add(1)
	go func() {
		defer ingestWG.Done()
		for i := 0; !done.Load(); i++ {
			f := files[i%len(files)]
			if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name, Who: "re-ingest"}, f.Data, parse.Options{}); err != nil {
				ingestMu.Lock()
				ingestEr = append(ingestEr, err)
				ingestMu.Unlock()
			}
			ingests.Add(1)
		}
	}()

	type answer struct {
		code       int
		retryAfter string
		detail     string
	}
	answers := make([]answer, patches)
	statuses := []string{"in-progress", "completed", "open", "deferred"}
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{}
			for {
				i := int(next.Add(1)) - 1
				if i >= patches {
					return
				}
				m := ms[i%len(ms)]
				body := fmt.Sprintf(`{"status":%q,"note":"change %d"}`, statuses[(i/len(ms))%len(statuses)], i)
				req, _ := http.NewRequest("PATCH", fmt.Sprintf("%s/api/v1/mandates/%d", srv.URL, m.ID), strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					answers[i] = answer{detail: err.Error()}
					continue
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var p problem
				json.Unmarshal(b, &p)
				answers[i] = answer{resp.StatusCode, resp.Header.Get("Retry-After"), p.Detail}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	done.Store(true)
	ingestWG.Wait()

	hist := map[int]int{}
	for i, a := range answers {
		hist[a.code]++
		switch a.code {
		case 200:
		case 409, 503:
			if a.retryAfter == "" || !strings.Contains(a.detail, "try again") {
				t.Errorf("change %d: %d with Retry-After %q and %q, want a Retry-After and a detail that says to try again", i, a.code, a.retryAfter, a.detail)
			}
		default:
			t.Errorf("change %d: %d %s", i, a.code, a.detail)
		}
	}
	var codes []string
	for c, n := range hist {
		codes = append(codes, fmt.Sprintf("%d: %d", c, n))
	}
	sort.Strings(codes)
	t.Logf("%s: %d changes in %v during %d re-ingests: %s; re-ingest errors: %d", backend, patches, elapsed.Round(time.Millisecond), ingests.Load(), strings.Join(codes, ", "), len(ingestEr))
	for _, err := range ingestEr {
		t.Errorf("re-ingest: %v", err)
	}

	// Every change answered 200 is in its mandate's history.
	landed := map[string]bool{}
	for _, m0 := range ms {
		m, err := st.Mandate(ctx, m0.ID)
		if err != nil {
			t.Fatalf("mandate %d after the changes: %v", m0.ID, err)
		}
		for _, c := range m.History {
			if c.Field == "note" {
				landed[c.To] = true
			}
		}
	}
	for i, a := range answers {
		if got := landed[fmt.Sprintf("change %d", i)]; got != (a.code == 200) {
			t.Errorf("change %d answered %d; in the history: %v", i, a.code, got)
		}
	}
}

// TestPatchBusy: a change whose mandate another transaction holds for
// longer than the database's lock timeout, at every attempt, is a 503
// with Retry-After that says to try again, and changes nothing; the same
// change made once the other is done lands.
func TestPatchBusy(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	setup, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer setup.Close()
	f := sample.Generate(1)[0]
	if _, err := ingest.File(ctx, setup, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
		t.Fatal(err)
	}
	token := account(t, setup, "editor", accord.RoleEditor, "basel")
	ms, err := setup.Mandates(ctx, accord.MandateFilter{})
	if err != nil || len(ms) == 0 {
		t.Fatalf("mandates: %v %v", ms, err)
	}
	st, err := store.Open(ctx, url+"&lock_timeout=100ms")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()

	other, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM mandates FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/mandates/%d", ms[0].ID)
	const change = `{"status":"completed","note":"Done."}`
	code, h, body := send(t, srv, "PATCH", path, token, "application/json", change)
	if code != 503 || h.Get("Retry-After") != "1" || !strings.Contains(body, "try again") || h.Get("Content-Type") != "application/problem+json" {
		t.Errorf("change of a held mandate: %d, Retry-After %q, %s; want 503, Retry-After 1 and a detail saying to try again", code, h.Get("Retry-After"), body)
	}
	tx.Rollback()
	if m, err := st.Mandate(ctx, ms[0].ID); err != nil || m.Status != accord.StatusOpen || len(m.History) != 0 {
		t.Errorf("the refused change changed the mandate: %+v, %v", m, err)
	}
	if code, _, body := send(t, srv, "PATCH", path, token, "application/json", change); code != 200 {
		t.Errorf("change once the other is done: %d %s", code, body)
	}
}
