// Command accord ingests the decisions of multilateral environmental
// agreements and keeps them, paragraph by paragraph. See doc.go for the
// manual.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/limit"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/textin"
)

// Config is everything the commands are configured by: flags, with ACCORD_*
// environment variables as defaults.
type Config struct {
	DB string // SQLite file path or postgres:// URL
	// TrustedProxies are the addresses (CIDR prefixes, comma-separated)
	// of the reverse proxies whose X-Forwarded-Proto serve believes.
	TrustedProxies string
	// Retention says how long sessions, unconfirmed uploads and the
	// audit log are kept (purge and serve).
	Retention accord.Retention
	Limits    limit.Config // what serve lets each client do, and how much at once

	// Serve: how long sessions last, and sign-in by OpenID Connect
	// (off without an issuer).
	SessionMaxAge, SessionIdle                                     time.Duration
	OIDCIssuer, OIDCClientID, OIDCClientSecret, OIDCRedirectURL    string
	OIDCScopes, OIDCNameClaim, OIDCRoleClaim, OIDCRoles, OIDCLabel string
}

// command is one subcommand: its name, one line of help, and what it runs.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"parse", "print the structure of decision files without storing them", runParse},
	{"ingest", "parse decision files and store them", runIngest},
	{"decisions", "list or show stored decisions", runDecisions},
	{"demo", "ingest the bundled sample decisions and list them", runDemo},
	{"mandates", "list, show and update what decisions ask of whom", runMandates},
	{"report", "draft the report on implementation of a meeting's decisions", runReport},
	{"actors", "list or add the names of the bodies decisions ask to act", runActors},
	{"import", "store registry records (meetings, organizations, focal points, …) from CSV or JSON", runImport},
	{"export", "write registry records as CSV, JSON or iCalendar", runExport},
	{"serve", "serve the JSON API", runServe},
	{"users", "add, list or remove the accounts that may write", runUsers},
	{"tokens", "add, list or revoke the tokens of accounts", runTokens},
	{"purge", "delete sessions, uploads and audit entries past their retention", runPurge},
	{"backup", "copy the SQLite store, consistent while it is served", runBackup},
	{"restore", "replace the SQLite store with a backup", runRestore},
	{"version", "print the version accord was built as", runVersion},
}

// exitError carries an exit status through a command's error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error in the command line itself (exit 2).
func usageError(format string, args ...any) error {
	return &exitError{2, fmt.Errorf(format, args...)}
}

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	cfg := &Config{DB: envOr("ACCORD_DB", "accord.db"), TrustedProxies: os.Getenv("ACCORD_TRUSTED_PROXIES"), Limits: limit.Defaults()}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, cfg, args[1:], stdout, stderr)
		if err == nil {
			return 0
		}
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "accord %s: %v\n", c.name, err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	if flagName, ok := strings.CutPrefix(args[0], "-"); ok {
		near := suggest(strings.TrimPrefix(flagName, "-"), []string{"help", "version"})
		for i := range near {
			near[i] = "--" + near[i]
		}
		fmt.Fprintf(stderr, "accord: unknown flag %s%s\n", args[0], didYouMean(near))
		usage(stderr)
		return 2
	}
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	if hint := didYouMean(suggest(args[0], names)); hint != "" {
		fmt.Fprintf(stderr, "accord: unknown command %q%s\n", args[0], hint)
		return 2
	}
	fmt.Fprintf(stderr, "accord: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: accord <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'accord <command> -h' for a command's flags.")
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// newFlagSet returns a flag set for a subcommand whose usage text is help.
func newFlagSet(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("accord "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, strings.TrimSpace(help))
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "flags:")
		fs.PrintDefaults()
	}
	return fs
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// checkFormat refuses a --format value not among allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageError("unknown --format %q: want %s", format, strings.Join(allowed, ", "))
}

// optionFlags defines the flags that say what a text does not say about
// itself.
func optionFlags(fs *flag.FlagSet) *parse.Options {
	opt := &parse.Options{}
	fs.StringVar(&opt.Instrument, "instrument", "", "instrument `id` for texts that do not say (minamata, basel, …)")
	fs.StringVar(&opt.Meeting, "meeting", "", "adopting `meeting` for texts that do not say (COP-6, …)")
	return opt
}

// limitFlags defines the flags that bound the work of reading one file
// (see textin.Limits), to be checked with checkLimits once parsed.
func limitFlags(fs *flag.FlagSet) *textin.Limits {
	l := &textin.Limits{}
	fs.IntVar(&l.MaxPages, "max-pages", textin.DefaultMaxPages, "refuse a PDF of more than `n` pages")
	fs.IntVar(&l.MaxParagraphs, "max-paragraphs", textin.DefaultMaxParagraphs, "refuse a DOCX of more than `n` paragraphs")
	fs.IntVar(&l.MaxText, "max-text", textin.DefaultMaxText>>20, "refuse a DOCX or PDF that yields more than `MB` of text")
	fs.DurationVar(&l.PDFTime, "pdf-time", textin.DefaultPDFTime, "stop reading a PDF after `duration`")
	return l
}

// checkLimits refuses limits that are not positive and turns --max-text
// into bytes.
func checkLimits(l *textin.Limits) error {
	switch {
	case l.MaxPages < 1:
		return usageError("--max-pages %d: want at least 1", l.MaxPages)
	case l.MaxParagraphs < 1:
		return usageError("--max-paragraphs %d: want at least 1", l.MaxParagraphs)
	case l.MaxText < 1 || l.MaxText > 1<<10:
		return usageError("--max-text %d: want 1 to 1024 (MB)", l.MaxText)
	case l.PDFTime <= 0:
		return usageError("--pdf-time %v: want a positive duration such as 2m", l.PDFTime)
	}
	l.MaxText <<= 20
	return nil
}

// subcommand splits "list --flag …" into the subcommand and its
// arguments; with no arguments or -h it prints help. want lists the
// subcommands ("list, show or set"): any other is refused, naming the
// nearest.
func subcommand(args []string, help, want string, stderr io.Writer) (string, []string, error) {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, strings.TrimSpace(help))
		if len(args) == 0 {
			return "", nil, usageError("want %s", want)
		}
		return "", nil, flag.ErrHelp
	}
	names := strings.Split(strings.ReplaceAll(want, " or ", ", "), ", ")
	for _, n := range names {
		if args[0] == n {
			return args[0], args[1:], nil
		}
	}
	if hint := didYouMean(suggest(args[0], names)); hint != "" {
		return "", nil, usageError("unknown command %q%s", args[0], hint)
	}
	return "", nil, usageError("unknown command %q: want %s", args[0], want)
}

// openWithRegistry opens the store and the actor registry it extends,
// and links the organizations of mandates stored before accord did.
func openWithRegistry(ctx context.Context, cfg *Config) (*store.Store, *extract.Actors, error) {
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	reg, err := ingest.NewRegistry(st).Actors(ctx)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	// Mandates stored before organizations were linked get their links
	// once, from their stored text.
	if _, err := ingest.Relink(ctx, st, reg); err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, reg, nil
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := unknownFlag(fs, args); err != nil {
		return err
	}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &exitError{2, err}
	}
	return nil
}

// interleave moves flags that follow positional arguments to the front, so
// that "accord parse FILE --format json" works as people type it.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}
