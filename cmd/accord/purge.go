package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/store"
)

const purgeHelp = `
usage: accord purge [--db DB] [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Purge deletes what accord keeps only for a while: sign-in sessions that
ended (past their expiry, or left idle) longer than --retain-sessions ago
(a sign-in also deletes those past their expiry), uploads left unconfirmed for
longer than --retain-uploads (at most 24h, the time an upload waits for
its confirmation) and, when --retain-audit is set, entries of the audit
log older than it. It runs in one transaction, prints what it deleted and
records the counts in the audit log. accord serve purges the same way
every hour.

Durations are a number and a unit: s, m, h, d (days), w (weeks) or y
(365 days), as in 30d, 24h or 2y; 0 for sessions deletes them as soon as
they end, and 0 for the audit log (the default) keeps it whole.
`

func runPurge(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("purge", purgeHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	if err := retentionFlags(fs, &cfg.Retention); err != nil {
		return err
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("purge takes no arguments")
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Purge(ctx, cfg.Retention, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "purged %s, %s and %s\n", plural(n.Sessions, "session"), plural(n.Uploads, "upload"), plural(n.Audit, "audit entry"))
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	if strings.HasSuffix(what, "y") {
		what = strings.TrimSuffix(what, "y") + "ie"
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// purgeEvery purges what cfg's retention keeps no longer, at start and
// then every period until ctx ends.
func purgeEvery(ctx context.Context, st accord.Store, r accord.Retention, period time.Duration, log *slog.Logger) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		n, err := st.Purge(ctx, r, time.Now())
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("purge", "err", err)
		case n != accord.PurgeResult{}:
			log.Info("purged", "sessions", n.Sessions, "uploads", n.Uploads, "audit", n.Audit)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// retentionFlags defines the flags that set r, with the environment
// variables ACCORD_RETAIN_SESSIONS, ACCORD_RETAIN_UPLOADS and
// ACCORD_RETAIN_AUDIT as defaults.
func retentionFlags(fs *flag.FlagSet, r *accord.Retention) error {
	for _, f := range []struct {
		name, env, usage string
		d                *time.Duration
		def              time.Duration
	}{
		{"retain-sessions", "ACCORD_RETAIN_SESSIONS", "keep ended sessions for at most this `duration`", &r.Sessions, 0},
		{"retain-uploads", "ACCORD_RETAIN_UPLOADS", "keep unconfirmed uploads for at most this `duration` (24h at most)", &r.Uploads, accord.UploadTTL},
		{"retain-audit", "ACCORD_RETAIN_AUDIT", "keep audit entries for at most this `duration` (0: always)", &r.Audit, 0},
	} {
		*f.d = f.def
		if v := os.Getenv(f.env); v != "" {
			d, err := parseSpan(v)
			if err != nil {
				return usageError("%s %q: %v", f.env, v, err)
			}
			*f.d = d
		}
		fs.Var((*span)(f.d), f.name, f.usage+" ("+f.env+")")
	}
	return nil
}

// span is a duration as people write a retention: 30d, 24h, 2y.
type span time.Duration

const (
	day  = 24 * time.Hour
	year = 365 * day
)

func (s *span) String() string {
	d := time.Duration(*s)
	switch {
	case d == 0:
		return "0"
	case d%year == 0:
		return strconv.FormatInt(int64(d/year), 10) + "y"
	case d%day == 0:
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	return d.String()
}

func (s *span) Set(v string) error {
	d, err := parseSpan(v)
	if err != nil {
		return err
	}
	*s = span(d)
	return nil
}

// parseSpan reads a number and a unit (s, m, h, d, w, y) or any Go
// duration ("1h30m"); 0 alone is zero. Negative spans are refused.
func parseSpan(v string) (time.Duration, error) {
	switch v {
	case "":
		return 0, errors.New("empty: want a number and a unit, as in 30d")
	case "0":
		return 0, nil
	}
	units := map[byte]time.Duration{'d': day, 'w': 7 * day, 'y': year}
	if u, ok := units[v[len(v)-1]]; ok && len(v) > 1 {
		n, err := strconv.ParseInt(v[:len(v)-1], 10, 64)
		if err != nil || n < 0 {
			return 0, errors.New("want a whole number before d, w or y, as in 30d")
		}
		if n > int64(math.MaxInt64/u) {
			return 0, errors.New("over 292 years")
		}
		return time.Duration(n) * u, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, errors.New("want a number and a unit (s, m, h, d, w or y), as in 30d, 24h or 2y")
	}
	return d, nil
}
