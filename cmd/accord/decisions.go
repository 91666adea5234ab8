package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
	"github.com/accordmea/accord/internal/store"
)

const decisionsHelp = `
usage: accord decisions list [--db DB] [--instrument ID] [--meeting M] [--year Y] [--kind K] [--format table|csv|json]
       accord decisions show [--db DB] [--instrument ID] [--format text|json] SYMBOL

List prints the stored decisions, one a line. Show prints one decision
whole: preamble, paragraphs with their verbs and items, footnotes, annexes
and references. A symbol that two instruments share needs --instrument.
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
		format := fs.String("format", "table", "output `format`: table, csv or json")
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
		if err := checkFormat(*format, "table", "csv", "json"); err != nil {
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
		d, err := st.Decision(ctx, *inst, fs.Arg(0))
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(stdout, d)
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
