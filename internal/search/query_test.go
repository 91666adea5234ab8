package search

import (
	"errors"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestParse(t *testing.T) {
	tests := []struct{ q, fts5, tsquery string }{
		{"mercury", `"mercury"`, `('mercury')`},
		{`capacity-building "observer status" coop*`, `"capacity building" AND "observer status" AND "coop"*`, `('capacity' <-> 'building') & ('observer' <-> 'status') & ('coop':*)`},
		{`mercury OR NEAR(arsenic) NOT "`, `"mercury" AND "arsenic"`, `('mercury') & ('arsenic')`},
		{`"unclosed phrase`, `"unclosed" AND "phrase"`, `('unclosed') & ('phrase')`},
		{`Secrétariat l'Assemblée`, `"secrétariat" AND "l assemblée"`, `('secrétariat') & ('l' <-> 'assemblée')`},
		{`a* x'); DROP TABLE decisions; --`, `"a" AND "x" AND "drop" AND "table" AND "decisions"`, `('a') & ('x') & ('drop') & ('table') & ('decisions')`},
		{`* mercury*`, `"mercury"*`, `('mercury':*)`},
	}
	for _, tt := range tests {
		terms, err := Parse(tt.q)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.q, err)
			continue
		}
		if got := FTS5(terms); got != tt.fts5 {
			t.Errorf("FTS5(Parse(%q)) = %s, want %s", tt.q, got, tt.fts5)
		}
		if got := TSQuery(terms); got != tt.tsquery {
			t.Errorf("TSQuery(Parse(%q)) = %s, want %s", tt.q, got, tt.tsquery)
		}
	}
	for _, bad := range []string{"", "  ", `"" * OR`, "\xff\xfe", strings.Repeat("x", MaxLen+1)} {
		if _, err := Parse(bad); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("Parse(%q) err = %v, want ErrInvalid", bad, err)
		}
	}
}

// FuzzParse checks that whatever people type, the terms hold letters and
// digits only, so the engine queries are safe.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`"a b" c* OR NEAR(`, `'; --`, "\"\"\"", "x\x00y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms, err := Parse(q)
		if err != nil {
			return
		}
		if len(terms) == 0 || len(terms) > MaxTerms {
			t.Fatalf("Parse(%q) = %d terms", q, len(terms))
		}
		for _, term := range terms {
			for _, w := range term.Words {
				if w == "" || strings.ContainsAny(w, `"'*():-&|!<> `) {
					t.Fatalf("Parse(%q): unsafe word %q", q, w)
				}
			}
		}
	})
}
