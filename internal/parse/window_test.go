package parse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestListItemWindow: listItemRE finds the same list items in the text cut
// by listItemWindow as in the whole rest of the text, at every keyword of
// the corpora and every item after it, and no letter of listItemStop
// stands in the expression.
func TestListItemWindow(t *testing.T) {
	if src := listItemRE.String(); strings.ContainsAny(src, listItemStop) || strings.ContainsAny(caseless(src), strings.ToUpper(listItemStop)) {
		t.Fatalf("listItemRE holds a letter of %q: %s", listItemStop, src)
	}
	texts := map[string]string{"list": "as in decisions 1/CP.21, 2/CP.22 and 3/CMA.1 (Rev. CoP19)  ,\n and Conf. 9.16 (Rev. CoP17) , or\tresolutions 70/1; & XI/2 but not paragraph 3"}
	for p, s := range corpusFiles(t) {
		texts[p] = s
	}
	own, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(b)
	}
	items := 0
	for name, text := range texts {
		for _, kw := range keywordHits(text) {
			for pos := kw[1]; ; {
				whole := listItemRE.FindStringSubmatchIndex(text[pos:])
				cut := listItemRE.FindStringSubmatchIndex(listItemWindow(text[pos:]))
				if !slices.Equal(whole, cut) {
					t.Fatalf("%s at %d: %v in the whole text, %v in the window %q", name, pos, whole, cut, listItemWindow(text[pos:]))
				}
				if whole == nil || whole[1] == 0 {
					break
				}
				items++
				pos += whole[1]
			}
		}
	}
	if items < 5 {
		t.Errorf("only %d list items compared", items)
	}
}

// caseless returns the parts of a regular expression's source inside
// (?i: … ) groups.
func caseless(src string) string {
	var b strings.Builder
	for {
		i := strings.Index(src, "(?i:")
		if i < 0 {
			return b.String()
		}
		src = src[i+4:]
		j := strings.IndexByte(src, ')')
		if j < 0 {
			j = len(src)
		}
		b.WriteString(src[:j])
		src = src[j:]
	}
}

// TestFormulaWindow: formulaRE says the same of every line of the corpora
// that opens with "The" cut by formulaWindow as of the whole line.
func TestFormulaWindow(t *testing.T) {
	lines := []string{"The Conference of the Parties,", "The Conference of the Parties1, noting", "The Conference of the Parties.",
		"The Meeting of the Parties decided in Dec. III/12:", "The Conference (of the Parties)", "The Parties_x, shall", "The Council", "The Committee9, x"}
	texts := corpusFiles(t)
	own, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(b)
	}
	for _, text := range texts {
		for _, l := range splitLines(Normalize(text)) {
			if strings.HasPrefix(l.text, "The ") {
				lines = append(lines, l.text)
			}
		}
	}
	found := 0
	for _, l := range lines {
		whole, cut := formulaRE.MatchString(l), formulaRE.MatchString(formulaWindow(l))
		if whole != cut {
			t.Errorf("%q: %v in the whole line, %v in the window %q", l, whole, cut, formulaWindow(l))
		}
		if whole {
			found++
		}
	}
	if found < 5 {
		t.Errorf("only %d formulas among %d lines", found, len(lines))
	}
}

// TestMayReport: reportedRE finds nothing in a text mayReport turns away,
// over every block of both corpora and a few of the table's own forms.
func TestMayReport(t *testing.T) {
	texts := []string{"The Conference of the Parties decided to", "the Meeting of the Parties also agreed", "The COP Noted that", "The Parties DECIDED"}
	files := corpusFiles(t)
	own, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = string(b)
	}
	for _, text := range files {
		for _, l := range splitLines(Normalize(text)) {
			texts = append(texts, l.text)
		}
	}
	found := 0
	for _, s := range texts {
		m := reportedRE.MatchString(s)
		if m && !mayReport(s) {
			t.Errorf("%q: reportedRE matches, mayReport says no", s)
		}
		if m {
			found++
		}
	}
	if found == 0 {
		t.Error("no reported decision among the texts")
	}
}
