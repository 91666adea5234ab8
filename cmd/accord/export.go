package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/accordmea/accord/internal/records"
	"github.com/accordmea/accord/internal/store"
)

const exportHelp = `
usage: accord export [--db DB] [--format csv|json|ics] [-o FILE] TYPE

Export writes the stored registry records of TYPE to standard output (or
to FILE) as CSV, JSON or, for the types that are events (meetings), an
iCalendar file. Its columns are those accord import TYPE reads, so that
an exported file imported again changes nothing.

Types:
%s`

func runExport(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", fmt.Sprintf(exportHelp, recordTypesHelp()), stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	format := fs.String("format", "csv", "`format`: csv, json or ics")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("export wants one TYPE")
	}
	t, err := records.Lookup(fs.Arg(0))
	if err != nil {
		return usageError("%v", err)
	}
	switch *format {
	case "csv", "json":
	case "ics":
		if t.ICS == nil {
			return usageError("%s are not events: export them as csv or json", t.Name)
		}
	default:
		return usageError("unknown format %q: want csv, json or ics", *format)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if *format == "ics" {
		err = t.ICS(ctx, st, bw)
	} else {
		err = records.Export(ctx, st, t, *format, bw)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && *out != "" {
		return f.Close()
	}
	return nil
}
