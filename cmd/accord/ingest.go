package main

import (
	"context"
	"errors"
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
at all; re-ingesting a file updates its decisions in place. In a
directory, files that are not decisions (a README, SOURCES, a licence,
notes: files of other formats, empty, or with no decision in them) are
skipped with a warning and named in the summary. A file that looks like a
decision but cannot be read (broken, a .doc or .odt to save as .docx,
past the limits of pages, paragraphs, text or time), or a file named on
the command line with no decision in it, is reported and the others still
go in; the exit status is 1 when any file failed.
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
	files, skipped, err := collectFiles(fs.Args())
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
	warn := func(name, why string) {
		bar.clear()
		fmt.Fprintf(stderr, "accord ingest: skipped %s: %s\n", name, why)
		sum.skipped = append(sum.skipped, name)
	}
	for _, s := range skipped {
		warn(s, "not a decision file ("+kindOf(s)+")")
	}
	for _, f := range files {
		bar.step(f.name)
		if f.walked {
			if fi, err := os.Stat(f.name); err == nil && fi.Size() == 0 {
				warn(f.name, "empty file")
				continue
			}
		}
		res, err := ingestFile(ctx, st, reg, f.name, *opt, *lim)
		if f.walked && errors.Is(err, errNoDecision) {
			warn(f.name, "no decision in it")
			continue
		}
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
	tried := sum.files + sum.failed // the files that held decisions or could not be read
	fmt.Fprintln(stdout, sum.String(tried))
	if sum.failed > 0 {
		return &exitError{1, fmt.Errorf("%d of %d files failed", sum.failed, tried)}
	}
	return nil
}

type ingestSummary struct {
	files, decisions, inserted, updated, removed, kept, mandates, failed int
	skipped                                                              []string // files of a directory that hold no decision
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
	line := fmt.Sprintf("ingested %d of %d files: %d decisions (%d new, %d updated, %d removed%s), %d mandates, %d failed",
		s.files, total, s.decisions, s.inserted, s.updated, s.removed, kept, s.mandates, s.failed)
	if n := len(s.skipped); n > 0 {
		names := make([]string, 0, min(n, 10))
		for _, name := range s.skipped[:min(n, 10)] {
			names = append(names, filepath.Base(name))
		}
		sort.Strings(names)
		more := ""
		if n > 10 {
			more = fmt.Sprintf(" and %d more", n-10)
		}
		files := "files that hold"
		if n == 1 {
			files = "file that holds"
		}
		line += fmt.Sprintf("; skipped %d %s no decision (%s%s)", n, files, strings.Join(names, ", "), more)
	}
	return line
}

// errNoDecision is the error of a file in which the parser found no
// decision.
var errNoDecision = errors.New("no decision found in the text")

// ingestFile reads, parses and stores one file. A file with no decision
// in it, or over the limits lim, is an error and stores nothing.
func ingestFile(ctx context.Context, st accord.Store, reg *extract.Actors, name string, opt parse.Options, lim textin.Limits) (ingest.Result, error) {
	doc, t, err := readAndParse(ctx, name, opt, lim)
	if err != nil {
		return ingest.Result{}, err
	}
	if len(doc.Decisions) == 0 {
		return ingest.Result{}, fmt.Errorf("%s: %w: %w", name, accord.ErrInvalid, errNoDecision)
	}
	src := accord.Source{Name: filepath.ToSlash(name), SHA256: t.SHA256, Format: t.Format, Who: whoAmI()}
	return ingest.Decisions(ctx, st, reg, src, doc.Decisions)
}

// whoAmI names the person at the command line, for the audit log.
func whoAmI() string { return envOr("ACCORD_USER", envOr("USER", "cli")) }

// ingestable are the file extensions a directory walk reads: the formats
// accord reads, and those of documents it refuses saying what to do
// (textin names them), which are decisions that cannot be read.
var ingestable = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".pdf": true,
	".doc": true, ".dot": true, ".odt": true, ".rtf": true, ".wpd": true}

// inputFile is a file to ingest.
type inputFile struct {
	name string
	// walked says the file was found in a directory, not named: it is
	// skipped, with a warning, when it holds no decision.
	walked bool
}

// collectFiles expands directories into the decision files below them, in
// name order, and returns the other files found there as skipped. Files
// and directories whose names start with a dot are left out unseen.
// Files named on the command line are taken whatever their extension.
func collectFiles(args []string) (files []inputFile, skipped []string, err error) {
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, cleanPathError(err))
		}
		if !fi.IsDir() {
			files = append(files, inputFile{name: a})
			continue
		}
		var found, other []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := p != a && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir() || hidden:
			case ingestable[strings.ToLower(filepath.Ext(p))]:
				found = append(found, p)
			default:
				other = append(other, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		sort.Strings(found)
		sort.Strings(other)
		for _, p := range found {
			files = append(files, inputFile{name: p, walked: true})
		}
		skipped = append(skipped, other...)
	}
	return files, skipped, nil
}

// kindOf names what a skipped file's name says it is.
func kindOf(name string) string {
	if ext := filepath.Ext(name); ext != "" {
		return ext
	}
	return "no extension"
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
