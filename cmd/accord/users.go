package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/store"
)

const usersHelp = `
usage: accord users add [--db DB] --role admin|editor [--instrument ID]... [--expires 90d] NAME
       accord users list [--db DB]
       accord users remove [--db DB] NAME

Reading needs no account; every write does. Add makes an account and
prints its token once: accord keeps only its hash and first characters,
so keep the token safe. The token expires after --expires (days with d,
or hours and minutes as 36h, 90m; 90d when not given): make another with
accord tokens add. Admins may change everything and read the audit log;
editors may change the mandates of the instruments named with
--instrument (all, when none is named), and those of a joint instrument
grouping one of them (an editor of basel edits brs's). Send the token as
"Authorization: Bearer TOKEN".

List shows each account: its role and instruments, how it signs in, and
its tokens with their expiry. Remove revokes an account's tokens and ends
its sessions; the account stays in the list, and its changes in the
audit log, under its name, which no new account may take.
`

// maxTTL bounds a token's life: a token that never expires is what
// expiry is meant to prevent.
const maxTTL = 5 * 366 * 24 * time.Hour

// parseTTL reads a token's time to live: "30d", "36h", "90m".
func parseTTL(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		days, err = strconv.Atoi(n)
		d = time.Duration(days) * 24 * time.Hour
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 || d > maxTTL {
		return 0, usageError("--expires %q: want a time to live such as 30d, 36h or 90m, at most %dd", s, maxTTL/(24*time.Hour))
	}
	return d, nil
}

func runUsers(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, usersHelp, "add, list or remove", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("users "+sub, usersHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	var insts repeated
	role, expires := "", "90d"
	if sub == "add" {
		fs.StringVar(&role, "role", "", "`role`: admin or editor")
		fs.Var(&insts, "instrument", "an instrument `id` an editor may change (repeatable)")
		fs.StringVar(&expires, "expires", expires, "the token's time to `live`: 30d, 36h, 90m")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var ttl time.Duration
	switch sub {
	case "add":
		if fs.NArg() != 1 {
			return usageError("add wants one NAME")
		}
		if role != string(accord.RoleAdmin) && role != string(accord.RoleEditor) {
			return usageError("--role %q: want admin or editor", role)
		}
		if ttl, err = parseTTL(expires); err != nil {
			return err
		}
	case "list":
		if fs.NArg() != 0 {
			return usageError("list takes no arguments")
		}
	case "remove":
		if fs.NArg() != 1 {
			return usageError("remove wants one NAME")
		}
	default:
		return usageError("unknown users command %q: want add, list or remove", sub)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "list":
		us, err := st.Users(ctx)
		if err != nil {
			return err
		}
		if len(us) == 0 {
			fmt.Fprintln(stdout, "no users")
		}
		now := time.Now()
		for _, u := range us {
			scope := "all instruments"
			if len(u.Instruments) > 0 {
				scope = strings.Join(u.Instruments, ", ")
			}
			if u.Role == accord.RoleAdmin {
				scope = "everything"
			}
			how := "token"
			if u.Subject != "" {
				how = "identity provider"
			}
			if !u.Removed.IsZero() {
				how = "removed " + u.Removed.UTC().Format(time.DateOnly)
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, scope, how, tokenSummary(u.Tokens, now))
		}
		return nil
	case "remove":
		if err := st.RemoveUser(ctx, "cli", fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %s removed: its tokens are revoked and its sessions ended\n", fs.Arg(0))
		return nil
	}
	token, t, err := auth.New(ttl)
	if err != nil {
		return err
	}
	u, err := st.AddUser(ctx, accord.User{Name: fs.Arg(0), Role: accord.Role(role), Instruments: insts}, t)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s (%s) added. Its token %s, expiring %s, shown this once:\n%s\n",
		u.Name, u.Role, t.Prefix, t.Expires.Format(time.DateOnly), token)
	return nil
}

// tokenSummary says which of an account's tokens work and until when.
func tokenSummary(ts []accord.Token, now time.Time) string {
	var live []string
	dead := 0
	for _, t := range ts {
		if t.Live(now) {
			live = append(live, fmt.Sprintf("token %d %s expires %s", t.ID, cmpOr(t.Prefix, "(no prefix)"), t.Expires.UTC().Format(time.DateOnly)))
		} else {
			dead++
		}
	}
	if len(live) == 0 {
		live = append(live, "no live token")
	}
	if dead > 0 {
		live = append(live, fmt.Sprintf("%d expired or revoked", dead))
	}
	return strings.Join(live, "; ")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
