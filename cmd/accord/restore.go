package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/accordmea/accord/internal/store"
)

const restoreHelp = `
usage: accord restore [--db DB] [--force] FILE

Restore replaces the SQLite store with FILE, a copy made by accord backup.
It first checks that FILE is an accord store, undamaged, of a schema
version this accord knows (an older one is brought up to date after the
restore). It refuses to replace a store that holds anything (decisions,
mandates, accounts, the audit log) unless --force is given. The restore
lands whole or not at all, and is recorded in the audit log. Stop
accord serve on the store first.

A PostgreSQL store is restored with pg_restore; the README shows how.
`

func runRestore(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", restoreHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	force := fs.Bool("force", false, "replace a store that is not empty")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("restore wants one FILE")
	}
	file := fs.Arg(0)
	if !strings.HasPrefix(cfg.DB, "postgres://") && !strings.HasPrefix(cfg.DB, "postgresql://") {
		// Check the file before Open creates a store that is not there.
		if _, err := store.CheckBackup(ctx, file); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Restore(ctx, file, *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", cfg.DB, file)
	return nil
}
