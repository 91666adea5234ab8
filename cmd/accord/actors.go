package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/accordmea/accord/internal/store"
)

const actorsHelp = `
usage: accord actors list [--db DB]
       accord actors add [--db DB] ID NAME...

The actor registry names the bodies decisions ask to act, so that
"the Executive Director of UNEP" and "the Executive Director of the United
Nations Environment Programme" are one actor. The organizations are actors
too, by their names, acronyms and aliases (accord import organizations).
List prints the actors users added; add gives actor ID (lower case:
lead-country, regional-focal-centres) names, acronyms and aliases. Ingest
uses them; re-ingest a file to apply new ones to decisions already stored.
`

func runActors(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, actorsHelp, "list or add", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("actors "+sub, actorsHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch sub {
	case "list":
		if fs.NArg() != 0 {
			return usageError("list takes no arguments")
		}
	case "add":
		if fs.NArg() < 2 {
			return usageError("add wants an ID and at least one NAME")
		}
	default:
		return usageError("unknown actors command %q: want list or add", sub)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if sub == "add" {
		if err := st.AddActor(ctx, fs.Arg(0), fs.Args()[1:]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "actor %s: %s\n", fs.Arg(0), strings.Join(fs.Args()[1:], "; "))
		return nil
	}
	actors, err := st.Actors(ctx)
	if err != nil {
		return err
	}
	if len(actors) == 0 {
		fmt.Fprintln(stdout, "no actors added; the built-in registry names the common ones")
		return nil
	}
	ids := make([]string, 0, len(actors))
	for id := range actors {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(stdout, "%s: %s\n", id, strings.Join(actors[id], "; "))
	}
	return nil
}
