package main

import (
	"context"
	"fmt"
	"io"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
)

const demoHelp = `
usage: accord demo [--db DB]

Demo ingests the bundled sample (the three documents accord was made
from: a Minamata Convention draft decision, the Basel, Rotterdam and
Stockholm joint working group's recommendation, and Cartagena Protocol
decision BS-IV/6) into the store, then lists what is stored and shows the
first decision. Running it again updates the same decisions in place.
`

func runDemo(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", demoHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("demo takes no arguments")
	}
	st, reg, err := openWithRegistry(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	var sum ingestSummary
	files := sample.Files()
	for _, f := range files {
		res, err := ingest.File(ctx, st, reg, accord.Source{Name: f.Name, Who: whoAmI()}, f.Data, parse.Options{})
		if err != nil {
			return err
		}
		sum.add(res)
	}
	fmt.Fprintf(stdout, "%s into %s\n\n", sum.String(len(files)), cfg.DB)
	ds, err := st.Decisions(ctx, accord.DecisionFilter{})
	if err != nil {
		return err
	}
	if err := printDecisionList(stdout, ds, "table"); err != nil {
		return err
	}
	if len(ds) == 0 {
		return nil
	}
	d, err := st.DecisionByID(ctx, ds[0].ID)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	printDecision(stdout, d)
	fmt.Fprintln(stdout, "\nNext: accord decisions show SYMBOL, accord parse FILE, accord ingest DIR (see accord -h).")
	return nil
}
