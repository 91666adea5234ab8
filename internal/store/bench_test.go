package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/search"
	"github.com/accordmea/accord/internal/textin"
)

// syntheticCorpus builds n decisions in files of perFile from the shapes
// of real ones: the bundled sample's preambles, paragraphs, items and
// references, renumbered and reworded per decision.
func syntheticCorpus(tb testing.TB, n, perFile int) [][]accord.Decision {
	tb.Helper()
	var shapes []accord.Decision
	for _, f := range sample.Files() {
		t, err := textin.Read(context.Background(), f.Name, f.Data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range parse.Parse(t.Body, parse.Options{}).Decisions {
			d.Mandates = extract.Decision(&d, nil).Mandates
			shapes = append(shapes, d)
		}
	}
	insts := []string{"minamata", "basel", "rotterdam", "stockholm", "cartagena", "nagoya", "cbd"}
	var files [][]accord.Decision
	for i := 0; i < n; i += perFile {
		var file []accord.Decision
		for j := i; j < min(n, i+perFile); j++ {
			d := shapes[j%len(shapes)]
			d.Instrument = insts[j%len(insts)]
			d.Meeting = "COP-" + strconv.Itoa(j/500+1)
			d.Symbol = fmt.Sprintf("X-%d/%d", j/500+1, j%500+1)
			d.Title = fmt.Sprintf("%s (%d)", d.Title, j)
			paras := make([]accord.Paragraph, len(d.Paragraphs))
			copy(paras, d.Paragraphs)
			for k := range paras {
				paras[k].Text = strings.Replace(paras[k].Text, "secretariat", "secretariat of decision "+d.Symbol, 1)
			}
			d.Paragraphs = paras
			file = append(file, d)
		}
		files = append(files, file)
	}
	return files
}

// peakRSS returns the process's peak resident set in MB (Linux), or 0.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkIngest10k ingests 10,000 decisions (1,000 files of 10), with
// their extracted mandates, into a new SQLite store and reports seconds,
// decisions per second, paragraphs stored and peak RSS. Run with
// -benchtime 1x.
func BenchmarkIngest10k(b *testing.B) {
	files := syntheticCorpus(b, 10000, 10)
	paras := 0
	for _, f := range files {
		for _, d := range f {
			d.Walk(func(*accord.Paragraph) { paras++ })
		}
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for i, f := range files {
			if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("file-%04d.txt", i), Format: "txt"}, f); err != nil {
				b.Fatal(err)
			}
		}
		el := time.Since(start)
		b.ReportMetric(el.Seconds(), "s/10k")
		b.ReportMetric(10000/el.Seconds(), "decisions/s")
		b.ReportMetric(float64(paras), "paragraphs")
		b.ReportMetric(peakRSS(), "peakRSS-MB")
		s.Close()
	}
}

// BenchmarkSearch fills a SQLite store with about 100,000 paragraphs and
// items, then runs one- and two-word searches with facets through
// Store.Search, the same narrowed by two facets, and the same match alone
// on the engine, reporting p50 and p99 of each in ms (p99 of 100 runs is
// the slowest). Run with -benchtime 1x. ACCORD_BENCH_DECISIONS sets how
// many decisions a new store gets (3,100 make about 100,000 paragraphs;
// scripts/loadsearch uses 7,750 for about 250,000).
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	// ACCORD_BENCH_DB keeps the store between runs: it is filled when
	// the file does not exist yet.
	path := os.Getenv("ACCORD_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "search.db")
	}
	_, statErr := os.Stat(path)
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if statErr != nil {
		n := 3100
		if v := os.Getenv("ACCORD_BENCH_DECISIONS"); v != "" {
			if n, err = strconv.Atoi(v); err != nil || n <= 0 {
				b.Fatalf("ACCORD_BENCH_DECISIONS=%q: want a number of decisions", v)
			}
		}
		for i, f := range syntheticCorpus(b, n, 10) {
			if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("file-%04d.txt", i)}, f); err != nil {
				b.Fatal(err)
			}
		}
	}
	var paras int
	s.read.QueryRow(`SELECT count(*) FROM paragraphs`).Scan(&paras)
	queries := []string{"secretariat", "cooperation", "mercury", "report", "regional centres", "observer status",
		"capacity-building", "global framework", "joint services", "financial resources"}
	for b.Loop() {
		var full, raw, filtered []time.Duration
		slowest := map[string]time.Duration{}
		for round := 0; round < 10; round++ {
			for _, q := range queries {
				terms, err := search.Parse(q)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if _, err := s.Search(ctx, accord.SearchQuery{Terms: terms}); err != nil {
					b.Fatal(err)
				}
				full = append(full, time.Since(start))
				slowest[q] = max(slowest[q], full[len(full)-1])
				// The same narrowed by a facet, as a click on one does.
				start = time.Now()
				if _, err := s.Search(ctx, accord.SearchQuery{Terms: terms, Instrument: "basel", Class: accord.Directive}); err != nil {
					b.Fatal(err)
				}
				filtered = append(filtered, time.Since(start))
				start = time.Now()
				rows, err := s.read.Query(`SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY bm25(paragraphs_fts), rowid LIMIT 20`, search.FTS5(terms))
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
				raw = append(raw, time.Since(start))
			}
		}
		for _, q := range queries {
			b.Logf("%-20s slowest %v", q, slowest[q])
		}
		b.ReportMetric(float64(paras), "paragraphs")
		b.ReportMetric(ms(percentile(full, 50)), "p50-ms")
		b.ReportMetric(ms(percentile(full, 99)), "p99-ms")
		b.ReportMetric(ms(percentile(filtered, 50)), "filtered-p50-ms")
		b.ReportMetric(ms(percentile(filtered, 99)), "filtered-p99-ms")
		b.ReportMetric(ms(percentile(raw, 50)), "engine-p50-ms")
		b.ReportMetric(ms(percentile(raw, 99)), "engine-p99-ms")
	}
}

func percentile(ds []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkCitedBy fills a SQLite store with 3,000 decisions, each citing
// five documents of a pool of 600 (in two spellings) and three decisions,
// then reads what cites each of 200 documents and 200 decisions, reporting
// p50 and p99 in ms and the citations stored. Run with -benchtime 1x.
func BenchmarkCitedBy(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "cited.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n, pool = 3000, 600
	files := syntheticCorpus(b, n, 10)
	k := 0
	for i, f := range files {
		for j := range f {
			d := &f[j]
			refs := accord.References{Decisions: []accord.DecisionRef{}}
			for c := 0; c < 5; c++ {
				doc := fmt.Sprintf("UNEP/MC/COP.%d/INF/%d", (k*7+c)%pool/100+1, (k*7+c)%100+1)
				if c%2 == 1 {
					doc = strings.Replace(doc, "COP.", "COP ", 1)
				}
				refs.Documents = append(refs.Documents, doc)
			}
			for c := 1; c <= 3; c++ {
				other := (k + c*37) % n
				refs.Decisions = append(refs.Decisions, accord.DecisionRef{Cited: fmt.Sprintf("X-%d/%d", other/500+1, other%500+1), Instrument: []string{"minamata", "basel", "rotterdam", "stockholm", "cartagena", "nagoya", "cbd"}[other%7]})
			}
			d.References = refs
			k++
		}
		if _, err := s.Ingest(ctx, accord.Source{Name: fmt.Sprintf("file-%04d.txt", i)}, f); err != nil {
			b.Fatal(err)
		}
	}
	var docRefs, decRefs int
	s.read.QueryRow(`SELECT (SELECT count(*) FROM document_refs), (SELECT count(*) FROM decision_refs)`).Scan(&docRefs, &decRefs)
	ds, err := s.Decisions(ctx, accord.DecisionFilter{Limit: 200, ByID: true})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var docs, decs []time.Duration
		found := 0
		for i := 0; i < 200; i++ {
			start := time.Now()
			cs, err := s.CitedBy(ctx, accord.CitesDocument, fmt.Sprintf("UNEP/MC/COP.%d/INF/%d", i%6+1, i%100+1), 200)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, time.Since(start))
			found += len(cs)
			start = time.Now()
			if _, err := s.CitedBy(ctx, accord.CitesDecision, strconv.FormatInt(ds[i].ID, 10), 200); err != nil {
				b.Fatal(err)
			}
			decs = append(decs, time.Since(start))
		}
		for _, m := range []struct {
			name string
			ts   []time.Duration
		}{{"document", docs}, {"decision", decs}} {
			sort.Slice(m.ts, func(i, j int) bool { return m.ts[i] < m.ts[j] })
			b.ReportMetric(float64(m.ts[len(m.ts)/2].Microseconds())/1000, m.name+"-p50-ms")
			b.ReportMetric(float64(m.ts[len(m.ts)*99/100].Microseconds())/1000, m.name+"-p99-ms")
		}
		b.ReportMetric(float64(found)/200, "citing/document")
	}
	b.ReportMetric(float64(docRefs), "document-citations")
	b.ReportMetric(float64(decRefs), "decision-citations")
}
