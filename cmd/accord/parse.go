package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/textin"
)

const parseHelp = `
usage: accord parse [--format text|json] [--instrument ID] [--meeting M]
                    [--max-pages N] [--max-paragraphs N] [--max-text MB] [--pdf-time D] FILE

Parse prints the decisions it finds in FILE (.txt, .html, .docx or .pdf)
without storing anything: symbol, title, preamble, operative paragraphs
with their verbs and items, footnotes, annexes, references and warnings. With
--format json it prints the JSON contract other tools read. A file that expands past the limits
(pages, paragraphs, text, time) is refused with an error naming the limit.
`

func runParse(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("parse", parseHelp, stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	opt := optionFlags(fs)
	lim := limitFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkLimits(lim); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("want one FILE, got %d arguments", fs.NArg())
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	name := fs.Arg(0)
	doc, _, err := readAndParse(ctx, name, *opt, *lim)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdout, newParseJSON(doc))
	}
	printDocument(stdout, doc)
	return nil
}

// readAndParse reads a file within the limits lim and parses it. Errors
// name the file.
func readAndParse(ctx context.Context, name string, opt parse.Options, lim textin.Limits) (parse.Document, textin.Text, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return parse.Document{}, textin.Text{}, fmt.Errorf("%s: %w", name, cleanPathError(err))
	}
	if fi.IsDir() {
		return parse.Document{}, textin.Text{}, fmt.Errorf("%s: is a directory", name)
	}
	if fi.Size() > textin.MaxSize {
		return parse.Document{}, textin.Text{}, fmt.Errorf("%s: %w: file is %d MB, over the limit of %d MB", name, accord.ErrInvalid, fi.Size()>>20, textin.MaxSize>>20)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return parse.Document{}, textin.Text{}, fmt.Errorf("%s: %w", name, cleanPathError(err))
	}
	t, err := lim.Read(ctx, name, data)
	if err != nil {
		return parse.Document{}, textin.Text{}, fmt.Errorf("%s: %w", name, err)
	}
	return parse.Parse(t.Body, opt), t, nil
}

// cleanPathError drops the path an *os.PathError repeats.
func cleanPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// The JSON contract of "accord parse --format json".
type parseJSON struct {
	Decisions []decisionJSON `json:"decisions"`
}

type decisionJSON struct {
	Symbol     string            `json:"symbol"`
	Title      string            `json:"title"`
	Kind       string            `json:"kind"`
	Instrument string            `json:"instrument"`
	Meeting    string            `json:"meeting"`
	Year       int               `json:"year,omitempty"`
	Formula    string            `json:"formula"`
	Preamble   []recitalJSON     `json:"preamble"`
	Paragraphs []paragraphJSON   `json:"paragraphs"`
	Footnotes  []footnoteJSON    `json:"footnotes"`
	Annexes    []annexJSON       `json:"annexes"`
	References referencesJSON    `json:"references"`
	Deadlines  []accord.Deadline `json:"deadlines"`
	Mandates   []accord.Mandate  `json:"mandates"`
	Warnings   []string          `json:"warnings,omitempty"`
}

type recitalJSON struct {
	Phrase string `json:"phrase,omitempty"`
	Text   string `json:"text"`
}

type paragraphJSON struct {
	Number     string             `json:"number"`
	Path       string             `json:"path"`
	Heading    string             `json:"heading,omitempty"`
	Verb       *string            `json:"verb"`
	Lemma      string             `json:"lemma,omitempty"`
	Modifier   string             `json:"modifier,omitempty"`
	Class      string             `json:"class,omitempty"`
	Addressees []accord.Addressee `json:"addressees"`
	Text       string             `json:"text"`
	Notes      []string           `json:"notes,omitempty"`
	Items      []paragraphJSON    `json:"items"`
}

type footnoteJSON struct {
	Marker   string `json:"marker"`
	Text     string `json:"text"`
	Attached string `json:"attached,omitempty"`
}

type annexJSON struct {
	Heading    string          `json:"heading"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Text       []string        `json:"text"`
}

type referencesJSON struct {
	Decisions []string          `json:"decisions"`
	Documents []string          `json:"documents"`
	Resolved  []decisionRefJSON `json:"resolved"`
}

type decisionRefJSON struct {
	Cited      string `json:"cited"`
	Instrument string `json:"instrument,omitempty"`
}

func newParseJSON(doc parse.Document) parseJSON {
	out := parseJSON{Decisions: []decisionJSON{}}
	for _, d := range doc.Decisions {
		dj := decisionJSON{
			Symbol: d.Symbol, Title: d.Title, Kind: string(d.Kind), Instrument: d.Instrument, Meeting: d.Meeting, Year: d.Year,
			Formula: d.Formula, Warnings: d.Warnings, Preamble: []recitalJSON{}, Paragraphs: []paragraphJSON{}, Footnotes: []footnoteJSON{},
			Annexes: []annexJSON{}, Deadlines: []accord.Deadline{}, Mandates: []accord.Mandate{},
			References: referencesJSON{Decisions: []string{}, Documents: d.References.Documents, Resolved: []decisionRefJSON{}},
		}
		for _, r := range d.Preamble {
			dj.Preamble = append(dj.Preamble, recitalJSON{r.Phrase, r.Text})
		}
		x := extract.Decision(&d, nil)
		dj.Deadlines = append(dj.Deadlines, x.Deadlines...)
		dj.Mandates = append(dj.Mandates, x.Mandates...)
		headings := map[int][]string{}
		for _, h := range d.Headings {
			headings[h.Before] = append(headings[h.Before], h.Text)
		}
		for i, p := range d.Paragraphs {
			pj := newParagraphJSON(p)
			if as := x.Addressees[p.Path]; len(as) > 0 {
				pj.Addressees = as
			}
			pj.Heading = strings.Join(headings[i], " / ")
			dj.Paragraphs = append(dj.Paragraphs, pj)
		}
		for _, f := range d.Footnotes {
			dj.Footnotes = append(dj.Footnotes, footnoteJSON(f))
		}
		for _, a := range d.Annexes {
			dj.Annexes = append(dj.Annexes, newAnnexJSON(a))
		}
		for _, r := range d.References.Decisions {
			dj.References.Decisions = append(dj.References.Decisions, r.Cited)
			dj.References.Resolved = append(dj.References.Resolved, decisionRefJSON(r))
		}
		out.Decisions = append(out.Decisions, dj)
	}
	return out
}

func newAnnexJSON(a accord.Annex) annexJSON {
	aj := annexJSON{Heading: a.Heading, Paragraphs: []paragraphJSON{}, Text: a.Text}
	for _, p := range a.Paragraphs {
		aj.Paragraphs = append(aj.Paragraphs, newParagraphJSON(p))
	}
	if aj.Text == nil {
		aj.Text = []string{}
	}
	return aj
}

func newParagraphJSON(p accord.Paragraph) paragraphJSON {
	pj := paragraphJSON{
		Number: p.Number, Path: p.Path, Lemma: p.Verb, Modifier: p.Modifier, Class: string(p.Class),
		Addressees: []accord.Addressee{}, Text: p.Text, Notes: p.Notes, Items: []paragraphJSON{},
	}
	if p.Phrase != "" {
		v := p.Phrase
		pj.Verb = &v
	}
	for _, it := range p.Items {
		pj.Items = append(pj.Items, newParagraphJSON(it))
	}
	return pj
}

// printDocument prints a parsed document for people.
func printDocument(w io.Writer, doc parse.Document) {
	if len(doc.Decisions) == 0 {
		fmt.Fprintln(w, "no decision found")
		return
	}
	for i, d := range doc.Decisions {
		if i > 0 {
			fmt.Fprintln(w)
		}
		printDecision(w, d)
	}
}

func printDecision(w io.Writer, d accord.Decision) {
	sym := d.Symbol
	if sym == "" {
		sym = "(no symbol)"
	}
	fmt.Fprintf(w, "%s  %s\n", sym, d.Title)
	fmt.Fprintf(w, "  kind: %s   instrument: %s   meeting: %s\n", d.Kind, orDash(d.Instrument), orDash(d.Meeting))
	if d.Formula != "" {
		fmt.Fprintf(w, "  formula: %s\n", d.Formula)
	}
	for i, r := range d.Preamble {
		fmt.Fprintf(w, "  preamble %d: %s\n", i+1, clip(r.Text, 100))
	}
	headings := map[int][]string{}
	for _, h := range d.Headings {
		headings[h.Before] = append(headings[h.Before], h.Text)
	}
	var walk func(ps []accord.Paragraph, depth int)
	walk = func(ps []accord.Paragraph, depth int) {
		for i, p := range ps {
			if depth == 0 {
				for _, h := range headings[i] {
					fmt.Fprintf(w, "  == %s\n", h)
				}
			}
			verb := ""
			if p.Phrase != "" {
				verb = fmt.Sprintf("[%s/%s] ", p.Phrase, p.Class)
			}
			fmt.Fprintf(w, "  %s%-8s %s%s\n", strings.Repeat("  ", depth), p.Path, verb, clip(p.Text, 90))
			walk(p.Items, depth+1)
		}
	}
	walk(d.Paragraphs, 0)
	for _, f := range d.Footnotes {
		fmt.Fprintf(w, "  footnote %s (%s): %s\n", f.Marker, orDash(f.Attached), clip(f.Text, 80))
	}
	for _, a := range d.Annexes {
		fmt.Fprintf(w, "  annex: %s (%d paragraphs)\n", a.Heading, len(a.Paragraphs))
	}
	refs := map[string][]string{}
	for _, r := range d.References.Decisions {
		refs[r.Kind()] = append(refs[r.Kind()], r.Cited)
	}
	for _, kind := range []string{"decision", "resolution"} {
		if len(refs[kind]) > 0 {
			fmt.Fprintf(w, "  cites %ss: %s\n", kind, strings.Join(refs[kind], ", "))
		}
	}
	if len(d.References.Documents) > 0 {
		fmt.Fprintf(w, "  cites documents: %s\n", strings.Join(d.References.Documents, ", "))
	}
	for _, s := range d.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", s)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes for one-line display.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
