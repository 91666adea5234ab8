package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/textin"
)

const ingestHelp = `
usage: accord ingest [--db DB] [--instrument ID] [--meeting M]
                     [--max-pages N] [--max-paragraphs N] [--max-text MB] [--pdf-time D] FILE|DIR...

Ingest parses decision files (.txt, .html, .docx, .pdf; directories are
walked for them) and stores their decisions. Each file lands whole or not
at all; re-ingesting a file updates its decisions in place. A file that
cannot be read, expands past the limits (pages, paragraphs, text, time)
or holds no decision is reported and the others still go in; the exit
status is 1 when any file failed.
`

func runIngest(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", ingestHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	opt := optionFlags(fs)
	lim := limitFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkLimits(lim); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("want at least one FILE or DIR")
	}
	files, err := collectFiles(fs.Args())
	if err != nil {
		return err
	}
	st, reg, err := openWithRegistry(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newProgress(stderr, len(files))
	var sum ingestSummary
	for _, name := range files {
		bar.step(name)
		res, err := ingestFile(ctx, st, reg, name, *opt, *lim)
		if err != nil {
			bar.clear()
			fmt.Fprintf(stderr, "accord ingest: %v\n", err)
			sum.failed++
			if ctx.Err() != nil {
				break
			}
			continue
		}
		sum.add(res)
	}
	bar.clear()
	fmt.Fprintln(stdout, sum.String(len(files)))
	if sum.failed > 0 {
		return &exitError{1, fmt.Errorf("%d of %d files failed", sum.failed, len(files))}
	}
	return nil
}

type ingestSummary struct {
	files, decisions, inserted, updated, removed, kept, mandates, failed int
}

func (s *ingestSummary) add(r ingest.Result) {
	s.files++
	s.decisions += r.Decisions
	s.kept += r.Kept
	s.mandates += r.Mandates
	s.inserted += r.Inserted
	s.updated += r.Updated
	s.removed += r.Removed
}

func (s ingestSummary) String(total int) string {
	kept := ""
	if s.kept > 0 {
		kept = fmt.Sprintf(", %d kept for their tracked mandates", s.kept)
	}
	return fmt.Sprintf("ingested %d of %d files: %d decisions (%d new, %d updated, %d removed%s), %d mandates, %d failed",
		s.files, total, s.decisions, s.inserted, s.updated, s.removed, kept, s.mandates, s.failed)
}

// ingestFile reads, parses and stores one file. A file with no decision
// in it, or over the limits lim, is an error and stores nothing.
func ingestFile(ctx context.Context, st accord.Store, reg *extract.Actors, name string, opt parse.Options, lim textin.Limits) (ingest.Result, error) {
	doc, t, err := readAndParse(ctx, name, opt, lim)
	if err != nil {
		return ingest.Result{}, err
	}
	src := accord.Source{Name: filepath.ToSlash(name), SHA256: t.SHA256, Format: t.Format, Who: whoAmI()}
	return ingest.Decisions(ctx, st, reg, src, doc.Decisions)
}

// whoAmI names the person at the command line, for the audit log.
func whoAmI() string { return envOr("ACCORD_USER", envOr("USER", "cli")) }

// ingestable are the file extensions a directory walk picks up.
var ingestable = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".pdf": true}

// collectFiles expands directories into the decision files below them, in
// name order. Files named on the command line are taken whatever their
// extension.
func collectFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, cleanPathError(err))
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != a && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && ingestable[strings.ToLower(filepath.Ext(p))] {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// progress draws a one-line progress bar on a terminal, and nothing
// elsewhere.
type progress struct {
	w     io.Writer
	total int
	done  int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	on := false
	if ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: w, total: total, on: on && total > 1}
}

func (p *progress) step(name string) {
	p.done++
	if !p.on {
		return
	}
	const width = 30
	filled := width * p.done / p.total
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done, p.total, clip(filepath.Base(name), 40))
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
