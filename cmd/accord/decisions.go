package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/xlsxout"
)

const decisionsHelp = `
usage: accord decisions list [--db DB] [--instrument ID] [--meeting M] [--year Y] [--kind K] [--format table|csv|xlsx|json]
       accord decisions show [--db DB] [--instrument ID] [--format text|json] SYMBOL

List prints the stored decisions, one a line. Show prints one decision
whole: preamble, paragraphs with their verbs and items, footnotes, annexes
and references. Symbols match whatever their case, spaces, hyphens and
brackets ("bs iv/6", "MC-6/--"); a symbol not stored gets the nearest
stored ones named. A symbol that two instruments share needs --instrument.
`

func runDecisions(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, decisionsHelp, "list or show", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("decisions "+sub, decisionsHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	inst := fs.String("instrument", "", "only decisions of instrument `id`")
	switch sub {
	case "list":
		meeting := fs.String("meeting", "", "only decisions of `meeting` (COP-6, …)")
		kind := fs.String("kind", "", "only decisions of `kind`: decision, resolution, recommendation, draft")
		year := fs.Int("year", 0, "only decisions adopted in `year`")
		format := fs.String("format", "table", "output `format`: table, csv, xlsx (Excel, to a file: > decisions.xlsx) or json")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 0 {
			return usageError("list takes no arguments, got %q", fs.Arg(0))
		}
		switch accord.Kind(*kind) {
		case "", accord.KindDecision, accord.KindResolution, accord.KindRecommendation, accord.KindDraft:
		default:
			return usageError("unknown --kind %q", *kind)
		}
		if *year != 0 && (*year < 1900 || *year > 2100) {
			return usageError("--year %d: want a year such as 2025", *year)
		}
		if err := checkFormat(*format, "table", "csv", "xlsx", "json"); err != nil {
			return err
		}
		st, err := store.Open(ctx, cfg.DB)
		if err != nil {
			return err
		}
		defer st.Close()
		ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: *inst, Meeting: *meeting, Year: *year, Kind: accord.Kind(*kind)})
		if err != nil {
			return err
		}
		return printDecisionList(stdout, ds, *format)
	case "show":
		format := fs.String("format", "text", "output `format`: text or json")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usageError("show wants one SYMBOL")
		}
		if err := checkFormat(*format, "text", "json"); err != nil {
			return err
		}
		st, err := store.Open(ctx, cfg.DB)
		if err != nil {
			return err
		}
		defer st.Close()
		d, err := findDecision(ctx, st, *inst, fs.Arg(0))
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(stdout, newDecisionShowJSON(d))
		}
		printDecision(stdout, d)
		fmt.Fprintf(stdout, "  source: %s (%s, sha256 %s)\n", d.Source.Name, d.Source.Format, clip(d.Source.SHA256, 13))
		if d.URL != "" {
			fmt.Fprintf(stdout, "  official document: %s\n", d.URL)
		}
		printCorrections(stdout, d.Corrections)
		return nil
	}
	return usageError("unknown decisions command %q: want list or show", sub)
}

// findDecision returns the decision of symbol, of instrument inst when
// not "". A symbol not stored as typed is looked for again without its
// brackets and parentheses ("MC-6/--" finds MC-6/[--]); one not found
// at all gets the nearest stored symbols named: those of the same
// meeting ("MC-6/3" names MC-6/[--]) or an edit away.
func findDecision(ctx context.Context, st *store.Store, inst, symbol string) (accord.Decision, error) {
	d, err := st.Decision(ctx, inst, symbol)
	if !errors.Is(err, accord.ErrNotFound) {
		return d, err
	}
	key := looseSymbol(symbol)
	series, _, _ := cutLast(key, "/")
	type near struct {
		symbol string
		dist   int
	}
	var same []accord.Decision
	var nearest []near
	const page = 1000
	for after := int64(0); ; {
		ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: inst, ByID: true, After: after, Limit: page})
		if err != nil {
			return accord.Decision{}, err
		}
		for _, d := range ds {
			k := looseSymbol(d.Symbol)
			if k == "" {
				continue
			}
			if k == key {
				same = append(same, d)
				continue
			}
			dist := editDistance(key, k)
			if s, _, ok := cutLast(k, "/"); ok && s == series {
				dist = min(dist, 1)
			}
			if dist <= 1 {
				nearest = append(nearest, near{d.Symbol, dist})
			}
		}
		if len(ds) < page {
			break
		}
		after = ds[len(ds)-1].ID
	}
	switch len(same) {
	case 1:
		return st.DecisionByID(ctx, same[0].ID)
	case 0:
	default:
		var names []string
		for _, d := range same {
			names = append(names, d.Symbol+" of "+orDash(d.Instrument))
		}
		return accord.Decision{}, fmt.Errorf("decision %s: %w: %s match it; name the instrument or the symbol as stored", symbol, accord.ErrConflict, strings.Join(names, ", "))
	}
	of := ""
	if inst != "" {
		of = " of " + inst
	}
	sort.SliceStable(nearest, func(i, j int) bool { return nearest[i].dist < nearest[j].dist })
	var names []string
	for _, n := range nearest {
		if !slices.Contains(names, n.symbol) && len(names) < 3 {
			names = append(names, n.symbol)
		}
	}
	if hint := didYouMean(names); hint != "" {
		return accord.Decision{}, notFound("no decision " + symbol + of + hint)
	}
	return accord.Decision{}, notFound("no decision " + symbol + of + " (accord decisions list shows those stored)")
}

// notFound is an error that says all in its words and is
// accord.ErrNotFound.
type notFound string

func (e notFound) Error() string { return string(e) }
func (e notFound) Unwrap() error { return accord.ErrNotFound }

// looseSymbol is a symbol as people may type it: lower case, without
// spaces, hyphens, dashes, brackets or parentheses.
func looseSymbol(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '–', '—', '[', ']', '(', ')':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// printCorrections says which fields people corrected, by whom, and what
// was read before.
func printCorrections(w io.Writer, cs []accord.Correction) {
	for _, c := range cs {
		fmt.Fprintf(w, "  corrected: %s %q by %s on %s (read as %q)\n", c.Field, c.Value, c.Who, c.At.UTC().Format("2006-01-02"), c.Parsed)
	}
}

// yearText writes a year, or none when it is 0.
func yearText(y int, none string) string {
	if y == 0 {
		return none
	}
	return strconv.Itoa(y)
}

// decisionRow is one line of "decisions list" as CSV and JSON.
type decisionRow struct {
	Symbol     string `json:"symbol"`
	Instrument string `json:"instrument"`
	Meeting    string `json:"meeting"`
	Year       int    `json:"year,omitempty"`
	Kind       string `json:"kind"`
	Title      string `json:"title"`
	Source     string `json:"source"`
}

func printDecisionList(w io.Writer, ds []accord.Decision, format string) error {
	rows := make([]decisionRow, 0, len(ds))
	for _, d := range ds {
		rows = append(rows, decisionRow{d.Symbol, d.Instrument, d.Meeting, d.Year, string(d.Kind), d.Title, d.Source.Name})
	}
	switch format {
	case "json":
		return writeJSON(w, rows)
	case "csv":
		cw := csvout.NewWriter(w)
		cw.Write([]string{"symbol", "instrument", "meeting", "year", "kind", "title", "source"})
		for _, r := range rows {
			cw.Write([]string{r.Symbol, r.Instrument, r.Meeting, yearText(r.Year, ""), r.Kind, r.Title, r.Source})
		}
		return cw.Flush()
	case "xlsx":
		x, err := xlsxout.New("Decisions", []xlsxout.Column{{Name: "symbol", Width: 16}, {Name: "instrument", Width: 14}, {Name: "meeting", Width: 14},
			{Name: "year", Kind: xlsxout.Number, Width: 8}, {Name: "kind", Width: 14}, {Name: "title", Width: 60}, {Name: "source", Width: 30}})
		if err != nil {
			return err
		}
		defer x.Close()
		for _, r := range rows {
			var year any = ""
			if r.Year != 0 {
				year = r.Year
			}
			if err := x.Write([]any{r.Symbol, r.Instrument, r.Meeting, year, r.Kind, r.Title, r.Source}); err != nil {
				return err
			}
		}
		_, err = x.WriteTo(w)
		return err
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "no decisions stored")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SYMBOL\tINSTRUMENT\tMEETING\tYEAR\tKIND\tTITLE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(r.Symbol), orDash(r.Instrument), orDash(r.Meeting), yearText(r.Year, "-"), r.Kind, clip(r.Title, 70))
	}
	return tw.Flush()
}

// decisionShowJSON is a stored decision as "decisions show --format json"
// prints it: its paragraphs as "accord parse --format json" does, "verb"
// the phrase as written and "lemma" the normalized verb.
type decisionShowJSON struct {
	accord.Decision
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Annexes    []annexJSON     `json:"annexes,omitempty"`
}

func newDecisionShowJSON(d accord.Decision) decisionShowJSON {
	out := decisionShowJSON{Decision: d, Paragraphs: []paragraphJSON{}}
	for _, p := range d.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, newParagraphJSON(p))
	}
	for _, a := range d.Annexes {
		out.Annexes = append(out.Annexes, newAnnexJSON(a))
	}
	return out
}
