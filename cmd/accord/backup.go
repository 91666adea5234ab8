package main

import (
	"context"
	"fmt"
	"io"

	"github.com/accordmea/accord/internal/store"
)

const backupHelp = `
usage: accord backup [--db DB] FILE

Backup copies the SQLite store to FILE, a file that must not exist yet.
The copy is a consistent snapshot even while accord serve or an ingest is
writing: it is taken in one read transaction, and FILE appears only once
the copy is whole. accord restore FILE puts it back.

A PostgreSQL store is backed up with PostgreSQL's own tools, pg_dump and
pg_restore; the README shows how.
`

func runBackup(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backup", backupHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("backup wants one FILE")
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", cfg.DB, fs.Arg(0))
	return nil
}
