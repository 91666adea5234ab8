package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/store"
)

const tokensHelp = `
usage: accord tokens add [--db DB] [--expires 90d] NAME
       accord tokens list [--db DB] [--user NAME]
       accord tokens revoke [--db DB] ID|PREFIX
       accord tokens revoke [--db DB] --user NAME

Add gives the account NAME a new token, printed once, that expires after
--expires (30d, 36h, 90m; 90d when not given). List shows the tokens:
id, account, first characters, expiry, and whether revoked. Revoke stops
a token at once, named by its id, by its first characters (acc_ and at
least 8 more; the whole token will do), or all the tokens of an account
with --user; the web sessions signed in with a revoked token end too.
Every new token and every revocation is in the audit log.
`

func runTokens(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, tokensHelp, "add, list or revoke", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("tokens "+sub, tokensHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	expires, user := "90d", ""
	switch sub {
	case "add":
		fs.StringVar(&expires, "expires", expires, "the token's time to `live`: 30d, 36h, 90m")
	case "list", "revoke":
		fs.StringVar(&user, "user", "", "the account `name` whose tokens to "+sub)
	default:
		return usageError("unknown tokens command %q: want add, list or revoke", sub)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var ttl time.Duration
	var f accord.TokenFilter
	switch sub {
	case "add":
		if fs.NArg() != 1 {
			return usageError("add wants one NAME")
		}
		if ttl, err = parseTTL(expires); err != nil {
			return err
		}
	case "list":
		if fs.NArg() != 0 {
			return usageError("list takes no arguments")
		}
	case "revoke":
		switch {
		case user != "" && fs.NArg() == 0:
			f.User = user
		case user == "" && fs.NArg() == 1:
			if id, err := strconv.ParseInt(fs.Arg(0), 10, 64); err == nil && id > 0 {
				f.ID = id
			} else {
				f.Prefix = fs.Arg(0)
			}
		default:
			return usageError("revoke wants one token ID or PREFIX, or --user NAME")
		}
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		token, t, err := auth.New(ttl)
		if err != nil {
			return err
		}
		t.User = fs.Arg(0)
		if t, err = st.AddToken(ctx, "cli", t); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "token %d (%s) of %s, expiring %s, shown this once:\n%s\n", t.ID, t.Prefix, t.User, t.Expires.Format(time.DateOnly), token)
	case "list":
		us, err := st.Users(ctx)
		if err != nil {
			return err
		}
		now, n := time.Now(), 0
		for _, u := range us {
			if user != "" && u.Name != user {
				continue
			}
			for _, t := range u.Tokens {
				state := "live"
				switch {
				case !t.Revoked.IsZero():
					state = "revoked " + t.Revoked.UTC().Format(time.DateOnly)
				case !t.Live(now):
					state = "expired"
				}
				fmt.Fprintf(stdout, "%d\t%s\t%s\texpires %s\t%s\n", t.ID, t.User, cmpOr(t.Prefix, "-"), t.Expires.UTC().Format(time.DateOnly), state)
				n++
			}
		}
		if n == 0 {
			fmt.Fprintln(stdout, "no tokens")
		}
	case "revoke":
		n, err := st.RevokeTokens(ctx, "cli", f)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d token(s) revoked\n", n)
	}
	return nil
}
