package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/report"
	"github.com/accordmea/accord/internal/store"
)

const reportHelp = `
usage: accord report implementation --instrument ID --meeting M [--format html|markdown|csv|xlsx|json] [--out FILE]
       accord report asked --instrument ID --meeting M [--format html|markdown|csv|xlsx|json] [--out FILE]

Implementation drafts the report on implementation a secretariat submits
to the next meeting: per decision of meeting M, per mandate, what was
asked, of whom, by when, its status, what was done (notes and evidence)
and what remains. The HTML prints on A4, a decision a page.

Asked lists on one page what meeting M asked of the secretariat (its
secretariat, Executive Secretary or secretariats).
`

func runReport(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	kind, args, err := subcommand(args, reportHelp, "implementation or asked", stderr)
	if err != nil {
		return err
	}
	if kind != "implementation" && kind != "asked" {
		return usageError("unknown report %q: want implementation or asked", kind)
	}
	fs := newFlagSet("report "+kind, reportHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	inst := fs.String("instrument", "", "instrument `id` (minamata, basel, …)")
	meeting := fs.String("meeting", "", "the `meeting` whose decisions are reported on (COP-6, …)")
	format := fs.String("format", "html", "output `format`: html, markdown, csv, xlsx or json")
	out := fs.String("out", "", "write to `file` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("report takes no arguments, got %q", fs.Arg(0))
	}
	if *inst == "" || *meeting == "" {
		return usageError("report %s needs --instrument and --meeting", kind)
	}
	if err := checkFormat(*format, report.Formats...); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: *inst, Meeting: *meeting})
	if err != nil {
		return err
	}
	if len(ds) == 0 {
		return fmt.Errorf("%w: no decisions of %s %s are stored", accord.ErrNotFound, *inst, *meeting)
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: *inst, Meeting: *meeting})
	if err != nil {
		return err
	}
	// Evidence is read mandate by mandate: a report holds tens, not
	// thousands.
	for i := range ms {
		full, err := st.Mandate(ctx, ms[i].ID)
		if err != nil {
			return err
		}
		ms[i].Evidence = full.Evidence
	}
	build := report.Implementation
	if kind == "asked" {
		build = report.Asked
	}
	r := build(*inst, *meeting, ds, ms, time.Now())
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := report.Write(w, r, *format); err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(stdout, "wrote %s\n", *out)
	}
	return nil
}
