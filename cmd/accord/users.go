package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/store"
)

const usersHelp = `
usage: accord users add [--db DB] --role admin|editor [--instrument ID]... NAME
       accord users list [--db DB]

Reading needs no account; every write does. Add makes an account and
prints its token once: accord keeps only its hash, so keep the token
safe. Admins may change everything and read the audit log; editors may
change the mandates of the instruments named with --instrument (all, when
none is named). Send the token as "Authorization: Bearer TOKEN".
`

func runUsers(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, usersHelp, "add or list", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("users "+sub, usersHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	var insts repeated
	role := ""
	if sub == "add" {
		fs.StringVar(&role, "role", "", "`role`: admin or editor")
		fs.Var(&insts, "instrument", "an instrument `id` an editor may change (repeatable)")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch sub {
	case "add":
		if fs.NArg() != 1 {
			return usageError("add wants one NAME")
		}
		if role != string(accord.RoleAdmin) && role != string(accord.RoleEditor) {
			return usageError("--role %q: want admin or editor", role)
		}
	case "list":
		if fs.NArg() != 0 {
			return usageError("list takes no arguments")
		}
	default:
		return usageError("unknown users command %q: want add or list", sub)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if sub == "list" {
		us, err := st.Users(ctx)
		if err != nil {
			return err
		}
		if len(us) == 0 {
			fmt.Fprintln(stdout, "no users")
		}
		for _, u := range us {
			scope := "all instruments"
			if len(u.Instruments) > 0 {
				scope = strings.Join(u.Instruments, ", ")
			}
			if u.Role == accord.RoleAdmin {
				scope = "everything"
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", u.Name, u.Role, scope)
		}
		return nil
	}
	token, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	u, err := st.AddUser(ctx, accord.User{Name: fs.Arg(0), Role: accord.Role(role), Instruments: insts}, hash)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s (%s) added. Its token, shown this once:\n%s\n", u.Name, u.Role, token)
	return nil
}
