package parse

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseConcurrently parses every text of both corpora from several
// goroutines at once, as a server ingesting uploads does, and holds each
// result to the text's parse alone: what Parse keeps between calls (the
// heading readers it compiles on first use) is shared safely. Run it with
// -race to have the detector watch the sharing too.
func TestParseConcurrently(t *testing.T) {
	texts := corpusFiles(t)
	own, _ := filepath.Glob(filepath.Join(ownCorpusDir, "*.txt"))
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(b)
	}
	// Each text also on one line: a different reading path, and other
	// heading readers.
	var names []string
	for name := range texts {
		names = append(names, name, name+" (one line)")
	}
	for i := 0; i < len(names); i += 2 {
		texts[names[i+1]] = oneLine(texts[names[i]])
	}
	want := map[string]Document{}
	for _, name := range names {
		want[name] = Parse(texts[name], Options{})
	}
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan string, len(names)*workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// each worker starts at a different text, so that the
			// same text is parsed at different times
			for i := range names {
				name := names[(i+w*len(names)/workers)%len(names)]
				if diff := cmp.Diff(want[name], Parse(texts[name], Options{})); diff != "" {
					errs <- name + ": " + diff
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("parsed alongside others, %s", e)
	}
}
