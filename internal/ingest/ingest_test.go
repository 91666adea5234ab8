package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/textin"
)

func TestFile(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.AddActor(ctx, "lead-country", []string{"lead country"}); err != nil {
		t.Fatal(err)
	}
	reg, err := NewRegistry(st).Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	text := "Decision RC-7/5\n\nThe Conference of the Parties,\n\n1. Requests the lead country to facilitate the work;\n\n2. Invites parties to nominate experts by 31 July 2015.\n"
	res, err := File(ctx, st, reg, accord.Source{Name: "rc.txt", Who: "tester"}, []byte(text), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Decisions != 1 || res.Mandates != 2 || res.Inserted != 1 {
		t.Errorf("result = %+v", res)
	}
	ms, _ := st.Mandates(ctx, accord.MandateFilter{Actor: "lead-country"})
	if len(ms) != 1 {
		t.Errorf("the added actor was not used: %+v", ms)
	}
	log, _ := st.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Who != "tester" || log[0].Action != "ingest" {
		t.Errorf("audit = %+v", log)
	}
	d, _ := st.Decision(ctx, "", "RC-7/5")
	if d.Source.Format != "txt" || len(d.Source.SHA256) != 64 {
		t.Errorf("source = %+v", d.Source)
	}
	if _, err := File(ctx, st, reg, accord.Source{Name: "notes.txt"}, []byte("Lunch."), parse.Options{}); !errors.Is(err, accord.ErrInvalid) || !strings.HasPrefix(err.Error(), "notes.txt: ") {
		t.Errorf("no decision: err = %v", err)
	}
	if _, err := File(ctx, st, reg, accord.Source{Name: "empty.txt"}, nil, parse.Options{}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "empty.txt: invalid: empty file") {
		t.Errorf("empty: err = %v", err)
	}
}

// TestFileExpanding: a file over the limits of reading is refused with an
// error naming it and the limit, and stores nothing.
func TestFileExpanding(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	f, _ := zw.Create("word/document.xml")
	f.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Decision RC-7/5</w:t></w:r></w:p><w:p><w:r><w:t>The Conference of the Parties,</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>1. Requests the secretariat to report.</w:t></w:r></w:p>` + strings.Repeat(`<w:p/>`, 300000) + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = File(ctx, st, nil, accord.Source{Name: "rc.docx", Who: "tester"}, docx.Bytes(), parse.Options{})
	var le *textin.LimitError
	if !errors.As(err, &le) || !errors.Is(err, accord.ErrInvalid) || !strings.HasPrefix(err.Error(), "rc.docx: invalid: DOCX has more than 50000 paragraphs") {
		t.Errorf("File(rc.docx) err = %v, want a *textin.LimitError naming the file", err)
	}
	if ds, err := st.Decisions(ctx, accord.DecisionFilter{}); err != nil || len(ds) != 0 {
		t.Errorf("a refused file stored %d decisions (%v)", len(ds), err)
	}
	if log, err := st.AuditLog(ctx, 10); err != nil || len(log) != 0 {
		t.Errorf("a refused file was recorded: %+v (%v)", log, err)
	}
}

// TestConcurrentIngest runs two ingests of the same folder at once, as two
// "accord ingest DIR" started together would, each with a store of its
// own: every file is stored, each decision once and under its file, and
// neither ingest fails.
func TestConcurrentIngest(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testConcurrentIngest(t, filepath.Join(t.TempDir(), "c.db")) })
	t.Run("postgres", func(t *testing.T) { testConcurrentIngest(t, pgtest.URL(t)) })
}

func testConcurrentIngest(t *testing.T, dsn string) {
	ctx := context.Background()
	n := 200
	if testing.Short() {
		n = 40
	}
	files := sample.Generate(n)
	var stores [2]*store.Store
	for i := range stores {
		st, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		stores[i] = st
	}
	var (
		wg   sync.WaitGroup
		errs [2][]error
	)
	start := time.Now()
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, f := range files {
				res, err := File(ctx, st, nil, accord.Source{Name: f.Name, Who: fmt.Sprint("ingest ", i+1)}, f.Data, parse.Options{})
				if err != nil {
					errs[i] = append(errs[i], err)
					continue
				}
				if res.Inserted+res.Updated != res.Decisions {
					errs[i] = append(errs[i], fmt.Errorf("%s: %+v: stored %d of %d decisions", f.Name, res, res.Inserted+res.Updated, res.Decisions))
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("%s: two ingests of %d files in %v", stores[0].Dialect(), n, time.Since(start).Round(time.Millisecond))
	for i := range errs {
		if len(errs[i]) > 0 {
			t.Errorf("ingest %d: %d of %d files failed; first: %v", i+1, len(errs[i]), n, errs[i][0])
		}
	}
	ds, err := stores[0].Decisions(ctx, accord.DecisionFilter{ByID: true})
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]int{}
	bySymbol := map[string]int{}
	for _, d := range ds {
		bySource[d.Source.Name]++
		bySymbol[d.Instrument+" "+d.Symbol]++
	}
	want := 0
	for i, f := range files {
		// Every fourth generated file holds two decisions.
		per := 1
		if i%4 == 3 {
			per = 2
		}
		want += per
		if bySource[f.Name] != per {
			t.Errorf("%s: %d decisions stored, want %d", f.Name, bySource[f.Name], per)
		}
	}
	for sym, c := range bySymbol {
		if c != 1 {
			t.Errorf("decision %s stored %d times", sym, c)
		}
	}
	t.Logf("%d files stored of %d, %d decisions of %d, errors %d and %d", len(bySource), n, len(ds), want, len(errs[0]), len(errs[1]))
}
