package parse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
	mandates "github.com/accordmea/accord/internal/extract"
)

// The layout-invariance suite renders every labelled decision of the
// shared development corpus and of the own corpus (testdata/corpus) the
// ways decisions reach accord, and holds the parse of each rendering to
// the parse of the original: symbol, preamble, numbering, verbs, items,
// addressees, references and deadlines, less what a rendering removes
// (the numbers, when bullets replace them; the case of a verb, when it is
// printed in capitals).

// summary is what the suite compares of one decision.
type summary struct {
	Symbol     string
	Preamble   int
	Numbers    []string
	Verbs      []string
	Items      []int
	Addressees [][]string
	Decisions  []string
	Documents  []string
	Deadlines  []string
}

func summarize(d accord.Decision) summary {
	x := mandates.Decision(&d, nil)
	s := summary{Symbol: fold(d.Symbol), Preamble: len(d.Preamble)}
	for _, p := range d.Paragraphs {
		s.Numbers = append(s.Numbers, p.Number)
		s.Verbs = append(s.Verbs, strings.ToLower(p.Phrase))
		s.Items = append(s.Items, len(p.Items))
		var as []string
		for _, a := range x.Addressees[p.Path] {
			as = append(as, strings.ToLower(a.Text))
		}
		s.Addressees = append(s.Addressees, as)
	}
	for _, r := range d.References.Decisions {
		s.Decisions = append(s.Decisions, fold(r.Cited))
	}
	for _, r := range d.References.Documents {
		s.Documents = append(s.Documents, fold(r))
	}
	for _, dl := range x.Deadlines {
		s.Deadlines = append(s.Deadlines, fold(dl.Text))
	}
	return s
}

// ownPrefix keys the files of the own corpus in labelledFiles, so that
// their names cannot clash with those of the shared corpus.
const ownPrefix = "own/"

// labelledFiles returns the texts of the labelled files of both corpora
// by name: the shared corpus's files that its truth.jsonl labels, by base
// name, and every file of the own corpus, read as "accord parse" reads
// it, by ownPrefix and its name.
func labelledFiles(t *testing.T) map[string]string {
	files := corpusFiles(t)
	f, err := os.Open(filepath.Join(corpusDir, "truth.jsonl"))
	if err != nil {
		t.Skipf("no truth labels: %v", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var tr struct {
			File string `json:"file"`
		}
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		if text, ok := files[filepath.Join(corpusDir, tr.File)]; ok {
			out[filepath.Base(tr.File)] = text
		}
	}
	order, _ := readOwnTruth(t)
	for _, file := range order {
		out[ownPrefix+file] = readOwn(t, file)
	}
	return out
}

// rendering is one way a decision's text reaches accord, and what it
// removes from the parse.
type rendering struct {
	name      string
	render    func(string) string
	noNumbers bool // paragraph numbers are replaced
}

var renderings = []rendering{
	{"wrapped at 60 columns", func(s string) string { return rewrap(s, 60) }, false},
	{"wrapped at 66 columns", func(s string) string { return rewrap(s, 66) }, false},
	{"wrapped at 72 columns", func(s string) string { return rewrap(s, 72) }, false},
	{"wrapped at 78 columns", func(s string) string { return rewrap(s, 78) }, false},
	{"wrapped at 85 columns", func(s string) string { return rewrap(s, 85) }, false},
	{"wrapped at 92 columns", func(s string) string { return rewrap(s, 92) }, false},
	{"wrapped at 100 columns", func(s string) string { return rewrap(s, 100) }, false},
	{"CRLF, tabs, no-break spaces, invisible marks", invisibles, false},
	{"bullets", bullets, true},
	{"numbers without a space", unspaced, false},
	{"verbs in lower case", func(s string) string { return verbCase(s, strings.ToLower) }, false},
	{"verbs in capitals", func(s string) string { return verbCase(s, strings.ToUpper) }, false},
	{"formula removed", noFormula, false},
	{"formula in capitals", upperFormula, false},
}

func TestLayoutInvariance(t *testing.T) {
	files := labelledFiles(t)
	for _, r := range renderings {
		t.Run(r.name, func(t *testing.T) {
			var tally gapTally
			for name, text := range files {
				orig := Parse(text, Options{}).Decisions
				rendered := r.render(text)
				got := Parse(rendered, Options{}).Decisions
				tally.add(name, checkGap(t, r.name, name, parseDiffs(orig, got, r.noNumbers, "rendering")))
				checkNothingDropped(t, name+" "+r.name, rendered)
			}
			tally.log(t)
		})
	}
}

// parseDiffs returns how the parse got of a rendering differs from the
// parse orig of the original, each difference as the words that follow
// the file's name in a report.
func parseDiffs(orig, got []accord.Decision, noNumbers bool, rendering string) []string {
	if len(got) != len(orig) {
		return []string{fmt.Sprintf(": %d decisions, want %d", len(got), len(orig))}
	}
	var diffs []string
	for i := range orig {
		want, have := summarize(orig[i]), summarize(got[i])
		if noNumbers {
			want.Numbers, have.Numbers = nil, nil
		}
		if diff := cmp.Diff(want, have); diff != "" {
			diffs = append(diffs, fmt.Sprintf(", decision %d (%s): parse differs (-original +%s):\n%s", i+1, orig[i].Symbol, rendering, diff))
		}
	}
	return diffs
}

// checkGap fails for every difference of a file's parse in a rendering,
// unless renderingGaps lists the file for the rendering; then it fails
// when there is no difference left, so that the list keeps only the
// defects still there.
// It returns whether the file is listed.
func checkGap(t *testing.T, rendering, name string, diffs []string) (gap bool) {
	t.Helper()
	why, gap := renderingGaps[rendering][name]
	switch {
	case gap && len(diffs) == 0:
		t.Errorf("%s: parses the same now: take it out of renderingGaps[%q] (%s)", name, rendering, why)
	case gap:
		t.Logf("%s: not yet the same parse: %s", name, why)
	default:
		for _, d := range diffs {
			t.Errorf("%s%s", name, d)
		}
	}
	return gap
}

// gapTally counts the files of a rendering, by corpus, and those listed
// in renderingGaps.
type gapTally struct{ shared, sharedGaps, own, ownGaps int }

func (g *gapTally) add(name string, gap bool) {
	own := strings.HasPrefix(name, ownPrefix)
	switch {
	case own && gap:
		g.own, g.ownGaps = g.own+1, g.ownGaps+1
	case own:
		g.own++
	case gap:
		g.shared, g.sharedGaps = g.shared+1, g.sharedGaps+1
	default:
		g.shared++
	}
}

// log reports the tally: of the files compared, how many are listed as
// gaps (the others parse the same when the test passes).
func (g *gapTally) log(t *testing.T) {
	t.Logf("shared corpus: %d files compared, %d in gaps; own corpus: %d files compared, %d in gaps",
		g.shared, g.sharedGaps, g.own, g.ownGaps)
}

// rewrap wraps every line longer than width at spaces, breaking a long
// lower-case word that crosses the margin with a hyphen, as a word
// processor's hyphenation does.
func rewrap(s string, width int) string {
	var b strings.Builder
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		col := 0
		for j, w := range strings.Fields(l) {
			switch {
			case j == 0:
			case col+1+len(w) <= width:
				b.WriteByte(' ')
				col++
			default:
				if k := hyphenPoint(w, width-col-2); k > 0 {
					b.WriteString(" " + w[:k] + "-")
					w = w[k:]
				}
				b.WriteByte('\n')
				col = 0
			}
			b.WriteString(w)
			col += len(w)
		}
	}
	return b.String()
}

// hyphenPoint returns where to break w with a hyphen so that its first
// part fits in room bytes, or 0: only plain lower-case words of nine
// letters or more, leaving four letters on each side, before a consonant
// that follows a vowel.
func hyphenPoint(w string, room int) int {
	if len(w) < 9 || room < 5 {
		return 0
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return 0
		}
	}
	for k := min(room-1, len(w)-4); k >= 4; k-- {
		if strings.IndexByte("aeiouy", w[k-1]) >= 0 && strings.IndexByte("aeiouy", w[k]) < 0 {
			return k
		}
	}
	return 0
}

// invisibles gives the text Windows line ends, a tab after paragraph
// numbers, no-break spaces before numbers and the marks a copy from a web
// page or a right-to-left document carries.
func invisibles(s string) string {
	s = regexp.MustCompile(`(?m)^(\d{1,3}\.|\([a-z]{1,4}\)) `).ReplaceAllString(s, "$1\t")
	s = regexp.MustCompile(` (\d)`).ReplaceAllString(s, "\u00a0$1")
	s = strings.ReplaceAll(s, "The Conference", "\u200eThe Conference")
	s = strings.ReplaceAll(s, "decision ", "decision\u200b ")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

var numberedLine = regexp.MustCompile(`(?m)^(\d{1,3})\.[ \t]+(\S)`)

// bullets replaces paragraph numbers with bullets.
func bullets(s string) string { return numberedLine.ReplaceAllString(s, "• $2") }

// unspaced takes the space out after paragraph numbers and item letters.
func unspaced(s string) string {
	s = numberedLine.ReplaceAllString(s, "$1.$2")
	return regexp.MustCompile(`(?m)^\(([a-z]{1,4})\)[ \t]+(\S)`).ReplaceAllString(s, "($1)$2")
}

// verbCase prints the opening verb of every numbered paragraph in another
// case.
func verbCase(s string, f func(string) string) string {
	return regexp.MustCompile(`(?m)^(\d{1,3}\.[ \t]+)(\p{Lu}\p{Ll}+)\b`).ReplaceAllStringFunc(s, func(m string) string {
		i := strings.LastIndexFunc(m, unicode.IsSpace)
		return m[:i+1] + f(m[i+1:])
	})
}

// noFormula takes out the enacting formula.
func noFormula(s string) string {
	return regexp.MustCompile(`(?m)^[ \t]*The (?:Conference|Meeting) of the Parties[^\n]{0,160},[ \t]*\r?$\n?`).ReplaceAllString(s, "")
}

// upperFormula prints the enacting formula in capitals, as CITES and
// Ramsar do.
func upperFormula(s string) string {
	return regexp.MustCompile(`(?m)^([ \t]*)(The (?:Conference|Meeting) of the Parties[^\n]{0,160},)([ \t]*\r?)$`).ReplaceAllStringFunc(s, strings.ToUpper)
}
