package parse

import (
	"testing"

	"github.com/accordmea/accord"
)

// BenchmarkReferences measures the references stage alone over the
// decisions of the development corpus.
func BenchmarkReferences(b *testing.B) {
	var ds []accord.Decision
	for _, t := range corpusFiles(b) {
		ds = append(ds, Parse(t, Options{}).Decisions...)
	}
	b.ReportAllocs()
	for b.Loop() {
		for k := range ds {
			references(&ds[k])
		}
	}
}
