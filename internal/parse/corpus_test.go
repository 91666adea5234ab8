package parse

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// corpusDir is the shared development corpus beside the project.
const corpusDir = "../../../shared/corpus"

// corpusFiles returns the texts of the development corpus and the seeds,
// skipping the test when they are not there.
func corpusFiles(t testing.TB) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join(corpusDir, "..", "seeds", "*.txt"))
	paths = append(paths, seeds...)
	if len(paths) == 0 {
		t.Skipf("no corpus at %s: skipping the corpus tests", corpusDir)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = string(b)
	}
	return out
}

// wordChars counts the letters and digits of s: what must survive parsing.
func wordChars(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if d, ok := superscripts[r]; ok {
			r = d
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			m[r]++
		}
	}
	return m
}

// checkNothingDropped fails when a letter or digit of text is missing from
// the parsed elements, or appears in them more often than in the text.
func checkNothingDropped(t testing.TB, name, text string) {
	t.Helper()
	doc := Parse(text, Options{})
	want := wordChars(Normalize(text))
	got := wordChars(strings.Join(doc.Elements(), "\n"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: letters and digits of the input vs the elements differ (-input +elements):\n%s", name, diff)
	}
}

func TestCorpusNothingDropped(t *testing.T) {
	for name, text := range corpusFiles(t) {
		checkNothingDropped(t, filepath.Base(name), text)
	}
}

// truth is one hand-labelled decision of the development corpus.
type truth struct {
	File         string `json:"file"`
	Symbol       string `json:"symbol"`
	SymbolInText *bool  `json:"symbol_in_text"`
	Preamble     int    `json:"preamble_count"`
	Operative    []struct {
		Num      string  `json:"num"`
		Verb     *string `json:"verb"`
		Subitems int     `json:"subitems"`
	} `json:"operative"`
	RefDecisions []string `json:"referenced_decisions"`
	RefDocuments []string `json:"referenced_documents"`
}

var foldRE = regexp.MustCompile(`[\s\-–—]+`)

func fold(s string) string { return foldRE.ReplaceAllString(strings.ToLower(s), "") }

// TestCorpusTruth holds the parser to the hand labels of the development
// corpus: symbols, preamble counts, paragraph numbers, verbs, item
// counts and references. It guards against regressions; the labelling
// conventions are in ../shared/corpus/README.md.
func TestCorpusTruth(t *testing.T) {
	files := corpusFiles(t)
	f, err := os.Open(filepath.Join(corpusDir, "truth.jsonl"))
	if err != nil {
		t.Skipf("no truth labels: %v", err)
	}
	defer f.Close()
	byFile := map[string][]truth{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var tr truth
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		if _, ok := byFile[tr.File]; !ok {
			order = append(order, tr.File)
		}
		byFile[tr.File] = append(byFile[tr.File], tr)
	}
	for _, file := range order {
		text, ok := files[filepath.Join(corpusDir, file)]
		if !ok {
			t.Errorf("%s: labelled but not found", file)
			continue
		}
		doc := Parse(text, Options{})
		trs := byFile[file]
		if len(doc.Decisions) != len(trs) {
			t.Errorf("%s: found %d decisions, want %d", file, len(doc.Decisions), len(trs))
			continue
		}
		for i, tr := range trs {
			d := doc.Decisions[i]
			name := filepath.Base(file) + " " + tr.Symbol
			if tr.SymbolInText == nil || *tr.SymbolInText {
				if fold(d.Symbol) != fold(tr.Symbol) {
					t.Errorf("%s: symbol %q, want %q", name, d.Symbol, tr.Symbol)
				}
			}
			if len(d.Preamble) != tr.Preamble {
				t.Errorf("%s: %d preambular paragraphs, want %d", name, len(d.Preamble), tr.Preamble)
			}
			type para struct {
				Num, Verb string
				Items     int
			}
			var got, want []para
			for _, p := range d.Paragraphs {
				got = append(got, para{p.Number, strings.ToLower(p.Phrase), len(p.Items)})
			}
			for _, p := range tr.Operative {
				v := ""
				if p.Verb != nil {
					v = strings.ToLower(*p.Verb)
				}
				want = append(want, para{strings.Trim(p.Num, "()."), v, p.Subitems})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: paragraphs (-want +got):\n%s", name, diff)
			}
			var refs []string
			for _, r := range d.References.Decisions {
				refs = append(refs, fold(r.Cited))
			}
			var wantRefs []string
			for _, r := range tr.RefDecisions {
				wantRefs = append(wantRefs, fold(r))
			}
			if diff := cmp.Diff(wantRefs, refs); diff != "" {
				t.Errorf("%s: cited decisions (-want +got):\n%s", name, diff)
			}
			var docs []string
			for _, r := range d.References.Documents {
				docs = append(docs, fold(r))
			}
			var wantDocs []string
			for _, r := range tr.RefDocuments {
				wantDocs = append(wantDocs, fold(r))
			}
			if diff := cmp.Diff(wantDocs, docs); diff != "" {
				t.Errorf("%s: cited documents (-want +got):\n%s", name, diff)
			}
		}
	}
}

// BenchmarkParse measures parse throughput over the development corpus.
func BenchmarkParse(b *testing.B) {
	files := corpusFiles(b)
	var texts []string
	size := 0
	for _, t := range files {
		texts = append(texts, t)
		size += len(t)
	}
	benchParse(b, texts, size)
}

// BenchmarkParseLarge parses one large text (the corpus forty times over,
// about 2 MB, like a long meeting report): its MB/s next to
// BenchmarkParse's shows whether cost grows faster than size.
func BenchmarkParseLarge(b *testing.B) {
	files := corpusFiles(b)
	var sb strings.Builder
	for range 40 {
		for _, t := range files {
			sb.WriteString(t)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text, Options{})
	}
}

// BenchmarkParseOwn measures parse throughput over the project's own
// labelled decisions (testdata/corpus), real texts as received, PDF
// renderings among them.
func BenchmarkParseOwn(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(ownCorpusDir, "*.txt"))
	if len(paths) == 0 {
		b.Skipf("no texts in %s", ownCorpusDir)
	}
	var texts []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	benchParse(b, texts, size)
}

// benchParse parses texts, of size bytes in all, b.N times.
func benchParse(b *testing.B, texts []string, size int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Parse(t, Options{})
		}
	}
}
