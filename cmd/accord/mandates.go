package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/xlsxout"
)

const mandatesHelp = `
usage: accord mandates list [filters] [--format table|csv|xlsx|json]
       accord mandates show [--format text|json] ID
       accord mandates set ID [--status S] [--owner NAME] [--note TEXT] [--evidence URL|SYMBOL]... [--why TEXT] [--who NAME]

A mandate is one action a decision asks of someone. List filters:
--instrument, --meeting (adopting), --symbol, --due (due meeting), --status,
--actor (secretariat, parties, gef, … or words of the addressee; the
secretariat gathers its Executive Secretary and, for Basel, Rotterdam and
Stockholm, the joint secretariat of the three), --body (COP, COP-MOP, …),
--owner, --checked yes|no (by a person),
--mentions (an organization named anywhere in the mandate, for the
cross-convention view), --overdue (due meeting held or due date past;
--as-of DATE to ask about another day). --sort due, decision, status or
actor orders the list (-due reverses it).

Set changes a mandate and records each change (who, when, from, to, why)
in its history. Statuses: open, in-progress, ongoing, completed, deferred,
superseded. Evidence is a http(s) URL or a UN document symbol; notes are
at most 10,000 characters. Show lists the later mandates that may
supersede it; set --status superseded confirms.
`

func runMandates(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, mandatesHelp, "list, show or set", stderr)
	if err != nil {
		return err
	}
	fs := newFlagSet("mandates "+sub, mandatesHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	switch sub {
	case "list":
		return mandatesList(ctx, cfg, fs, args, stdout)
	case "show":
		return mandatesShow(ctx, cfg, fs, args, stdout)
	case "set":
		return mandatesSet(ctx, cfg, fs, args, stdout)
	}
	return usageError("unknown mandates command %q: want list, show or set", sub)
}

func mandatesList(ctx context.Context, cfg *Config, fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var f accord.MandateFilter
	var status, asOf string
	fs.StringVar(&f.Instrument, "instrument", "", "only mandates of instrument `id`")
	fs.StringVar(&f.Meeting, "meeting", "", "only mandates adopted at `meeting` (COP-6, …)")
	fs.StringVar(&f.Symbol, "symbol", "", "only mandates of decision `symbol`")
	fs.StringVar(&f.DueMeeting, "due", "", "only mandates due at `meeting`")
	fs.StringVar(&status, "status", "", "only mandates with `status`")
	fs.StringVar(&f.Actor, "actor", "", "only mandates asked of `actor` (canonical id or words of the addressee; secretariat gathers its Executive Secretary)")
	fs.StringVar(&f.Body, "body", "", "only mandates adopted by `body` (COP, COP-MOP, OEWG, …)")
	fs.StringVar(&f.Owner, "owner", "", "only mandates owned by `person`")
	fs.StringVar(&f.Checked, "checked", "", "only mandates a person checked (yes) or did not (no)")
	fs.StringVar(&f.Sort, "sort", "", "order by `column`: decision (default), due, status or actor; -due reverses")
	fs.StringVar(&f.Mentions, "mentions", "", "only mandates naming `words` anywhere (action, addressees, helpers)")
	fs.BoolVar(&f.Overdue, "overdue", false, "only mandates overdue: due meeting held or due date past, not completed")
	fs.StringVar(&asOf, "as-of", "", "`date` (YYYY-MM-DD) that --overdue looks from; default today")
	format := fs.String("format", "table", "output `format`: table, csv, xlsx (Excel, to a file: > mandates.xlsx) or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("list takes no arguments, got %q", fs.Arg(0))
	}
	if err := checkFormat(*format, "table", "csv", "xlsx", "json"); err != nil {
		return err
	}
	if f.Checked != "" && f.Checked != "yes" && f.Checked != "no" {
		return usageError("--checked %q: want yes or no", f.Checked)
	}
	if !accord.ValidMandateSort(f.Sort) {
		return usageError("--sort %q: want one of %s, or one of them after -", f.Sort, strings.Join(accord.MandateSorts, ", "))
	}
	if status != "" {
		if !accord.Status(status).Valid() {
			return usageError("unknown --status %q: want one of %s", status, statusNames())
		}
		f.Status = accord.Status(status)
	}
	if asOf != "" {
		t, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			return usageError("--as-of %q: want a date as YYYY-MM-DD", asOf)
		}
		f.AsOf = t
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Mandates(ctx, f)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		if ms == nil {
			ms = []accord.Mandate{}
		}
		return writeJSON(stdout, ms)
	case "csv":
		cw := csvout.NewWriter(stdout)
		cw.Write([]string{"id", "instrument", "decision", "paragraph", "verb", "asked_of", "action", "deliverable", "due", "status", "owner"})
		for _, m := range ms {
			cw.Write([]string{strconv.FormatInt(m.ID, 10), m.Instrument, m.Symbol, m.Path, m.Phrase, m.AskedOf(), m.Action, m.Deliverable, m.Due(), string(m.Status), m.Owner})
		}
		return cw.Flush()
	case "xlsx":
		x, err := xlsxout.New("Mandates", []xlsxout.Column{{Name: "id", Kind: xlsxout.Number, Width: 8}, {Name: "instrument", Width: 12},
			{Name: "decision", Width: 14}, {Name: "paragraph", Width: 10}, {Name: "verb", Width: 10}, {Name: "asked_of", Width: 30},
			{Name: "action", Width: 60}, {Name: "deliverable", Width: 14}, {Name: "due", Width: 30}, {Name: "due_date", Kind: xlsxout.Date, Width: 12},
			{Name: "status", Width: 12}, {Name: "owner", Width: 16}})
		if err != nil {
			return err
		}
		defer x.Close()
		for _, m := range ms {
			var dueDate string
			if m.Deadline != nil {
				dueDate = m.Deadline.Date
			}
			if err := x.Write([]any{m.ID, m.Instrument, m.Symbol, m.Path, m.Phrase, m.AskedOf(), m.Action, m.Deliverable, m.Due(),
				xlsxout.Day(dueDate), string(m.Status), m.Owner}); err != nil {
				return err
			}
		}
		_, err = x.WriteTo(stdout)
		return err
	}
	if len(ms) == 0 {
		fmt.Fprintln(stdout, "no mandates")
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tINSTRUMENT\tDECISION\t¶\tASKED OF\tACTION\tDUE\tSTATUS")
	for _, m := range ms {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.ID, orDash(m.Instrument), orDash(m.Symbol), m.Path,
			clip(m.AskedOf(), 30), clip(m.Action, 60), clip(m.Due(), 28), m.Status)
	}
	return tw.Flush()
}

func statusNames() string {
	var ss []string
	for _, s := range accord.Statuses {
		ss = append(ss, string(s))
	}
	return strings.Join(ss, ", ")
}

// parseID reads a mandate id from the command line.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError("mandate ID %q: want a positive number", s)
	}
	return id, nil
}

func mandatesShow(ctx context.Context, cfg *Config, fs *flag.FlagSet, args []string, stdout io.Writer) error {
	format := fs.String("format", "text", "output `format`: text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("show wants one mandate ID")
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	id, err := parseID(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.Mandate(ctx, id)
	if err != nil {
		return err
	}
	later, err := supersedingCandidates(ctx, st, m)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(stdout, struct {
			accord.Mandate
			MaySupersede []int64 `json:"may_be_superseded_by"`
		}{m, ids(later)})
	}
	printMandate(stdout, m)
	for _, l := range later {
		fmt.Fprintf(stdout, "  may be superseded by #%d (%s ¶ %s): %s\n", l.ID, l.Symbol, l.Path, clip(l.Action, 80))
		fmt.Fprintf(stdout, "    confirm: accord mandates set %d --status superseded --note \"superseded by #%d\"\n", m.ID, l.ID)
	}
	return nil
}

func ids(ms []accord.Mandate) []int64 {
	out := []int64{}
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func printMandate(w io.Writer, m accord.Mandate) {
	fmt.Fprintf(w, "#%d  %s ¶ %s  (%s %s)\n", m.ID, m.Symbol, m.Path, orDash(m.Instrument), orDash(m.Meeting))
	fmt.Fprintf(w, "  %s %s %s\n", m.Phrase, m.AskedOf(), m.Action)
	fmt.Fprintf(w, "  deliverable: %s   due: %s   status: %s", m.Deliverable, orDash(m.Due()), m.Status)
	if m.Owner != "" {
		fmt.Fprintf(w, "   owner: %s", m.Owner)
	}
	fmt.Fprintln(w)
	if !m.Extracted {
		fmt.Fprintln(w, "  (the decision's text no longer holds this mandate; kept for its history)")
	}
	if m.CheckedBy != "" {
		fmt.Fprintf(w, "  checked by a person: %s on %s\n", m.CheckedBy, m.Checked.UTC().Format("2006-01-02"))
	}
	printCorrections(w, m.Corrections)
	if len(m.Conditions) > 0 {
		fmt.Fprintf(w, "  conditions: %s\n", strings.Join(m.Conditions, "; "))
	}
	if len(m.Helpers) > 0 {
		fmt.Fprintf(w, "  with: %s\n", strings.Join(m.Helpers, "; "))
	}
	for _, l := range strings.Split(m.Notes, "\n") {
		if l != "" {
			fmt.Fprintf(w, "  note: %s\n", l)
		}
	}
	for _, e := range m.Evidence {
		fmt.Fprintf(w, "  evidence (%s): %s\n", e.Kind, e.Ref)
	}
	for _, c := range m.History {
		why := ""
		if c.Why != "" {
			why = " — " + c.Why
		}
		fmt.Fprintf(w, "  %s %s %s: %q → %q%s\n", c.At.UTC().Format("2006-01-02 15:04"), c.Who, c.Field, c.From, c.To, why)
	}
}

// supersedingCandidates finds mandates of later meetings of the same
// instrument that ask the same actor for much the same thing: a later
// decision that repeats a request. A person confirms.
func supersedingCandidates(ctx context.Context, st accord.Store, m accord.Mandate) ([]accord.Mandate, error) {
	if m.Instrument == "" || len(m.Addressees) == 0 {
		return nil, nil
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: m.Instrument, Actor: m.Addressees[0].Actor})
	if err != nil {
		return nil, err
	}
	mine := contentWords(m.Action)
	var out []accord.Mandate
	for _, o := range ms {
		if o.ID == m.ID || o.Deliverable != m.Deliverable || meetingNumber(o.Meeting) <= meetingNumber(m.Meeting) {
			continue
		}
		if similarity(mine, contentWords(o.Action)) >= 0.5 {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return meetingNumber(out[i].Meeting) < meetingNumber(out[j].Meeting) })
	return out, nil
}

func meetingNumber(m string) int {
	i := strings.LastIndex(m, "-")
	n, _ := strconv.Atoi(m[i+1:])
	return n
}

var stopWords = map[string]bool{"to": true, "the": true, "of": true, "and": true, "on": true, "in": true, "a": true, "for": true,
	"with": true, "its": true, "at": true, "by": true, "as": true, "this": true, "present": true, "that": true, "be": true}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '.' }) {
		if !stopWords[w] && len(w) > 2 {
			out[w] = true
		}
	}
	return out
}

// similarity is the Jaccard index of two word sets.
func similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ", ") }
func (r *repeated) Set(s string) error { *r = append(*r, s); return nil }

func mandatesSet(ctx context.Context, cfg *Config, fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var u accord.MandateUpdate
	var evidence repeated
	status := fs.String("status", "", "new `status`: "+statusNames())
	owner := fs.String("owner", "", "who in the secretariat owns the mandate (`name`)")
	fs.StringVar(&u.Note, "note", "", "a `note` on what was done, appended to the notes")
	fs.Var(&evidence, "evidence", "a http(s) `URL` or document symbol showing what was done (repeatable)")
	fs.StringVar(&u.Why, "why", "", "why the change is made (`reason`), kept in the history")
	fs.StringVar(&u.Who, "who", envOr("ACCORD_USER", envOr("USER", "unknown")), "who makes the change (`name`; ACCORD_USER)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("set wants one mandate ID")
	}
	id, err := parseID(fs.Arg(0))
	if err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "status":
			s := accord.Status(*status)
			u.Status = &s
		case "owner":
			u.Owner = owner
		}
	})
	u.Evidence = evidence
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.UpdateMandate(ctx, id, u)
	if err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return &exitError{1, err}
		}
		return err
	}
	printMandate(stdout, m)
	return nil
}
