package web

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/country"
)

// auditView is one entry of the audit log as a person reads it: a
// sentence saying what happened ("jo corrected the title of decision
// 12"), the page of what it changed, and what changed, before and after
// side by side, or the details of what was done.
type auditView struct {
	accord.AuditEntry
	Sentence string
	Href     string // the page of the target, "" when it has none
	Changes  []auditChange
}

// auditChange is one field of an entry: its value before and after ("",
// when the entry records only one side).
type auditChange struct {
	Field, Before, After string
}

// nameTargets names the decisions and mandates of the entries' sentences
// as people know them: "decision 12" is "MC-6/[--]", "mandate 52" is
// "mandate 52 (MC-6/[--] ¶ 3)". One that is no longer stored keeps its
// number. names keeps the names found, from one call to the next.
func (s *Server) nameTargets(ctx context.Context, vs []auditView, names map[string]string) {
	for i := range vs {
		t := vs[i].Target
		if vs[i].Href == "" || !strings.Contains(vs[i].Sentence, t) {
			continue
		}
		name, ok := names[t]
		if !ok {
			kind, id, _ := strings.Cut(t, " ")
			n, _ := strconv.ParseInt(id, 10, 64)
			name = t
			switch kind {
			case "decision":
				if ds, err := s.store.Decisions(ctx, accord.DecisionFilter{ByID: true, After: n - 1, Limit: 1}); err == nil && len(ds) == 1 && ds[0].ID == n && ds[0].Symbol != "" {
					name = ds[0].Symbol
				}
			case "mandate":
				if ms, err := s.store.Mandates(ctx, accord.MandateFilter{ByID: true, After: n - 1, Limit: 1}); err == nil && len(ms) == 1 && ms[0].ID == n && ms[0].Symbol != "" {
					name = fmt.Sprintf("%s (%s ¶ %s)", t, ms[0].Symbol, ms[0].Path)
				}
			}
			names[t] = name
		}
		vs[i].Sentence = strings.Replace(vs[i].Sentence, t, name, 1)
	}
}

func auditViews(es []accord.AuditEntry) []auditView {
	out := make([]auditView, len(es))
	for i, e := range es {
		out[i] = describeAudit(e)
	}
	return out
}

// describeAudit reads an entry's action, target and the fields it
// recorded (JSON objects) into a sentence and its changes.
func describeAudit(e accord.AuditEntry) auditView {
	v := auditView{AuditEntry: e}
	before, after := jsonFields(e.Before), jsonFields(e.After)
	kind, id, _ := strings.Cut(e.Target, " ")
	if n, err := strconv.ParseInt(id, 10, 64); err == nil && n > 0 {
		switch kind {
		case "decision":
			v.Href = "/decisions/" + id
		case "mandate":
			v.Href = "/mandates/" + id
		}
	}
	name := strings.TrimPrefix(e.Target, "user ")
	who := e.Who
	verb, noun, _ := strings.Cut(e.Action, " ")
	rec, isRecord := registryRecords[noun]
	switch {
	case isRecord && slices.Contains([]string{"add", "update", "change", "delete"}, verb):
		fields := after
		if fields == nil {
			fields = before
		}
		what := rec.what(fields, strings.TrimPrefix(e.Target, noun+" "))
		if verb != "delete" || !rec.ownPage {
			v.Href = rec.href(fields, strings.TrimPrefix(e.Target, noun+" "))
		}
		switch verb {
		case "add":
			v.Sentence = fmt.Sprintf("%s added %s", who, what)
		case "delete":
			v.Sentence = fmt.Sprintf("%s deleted %s", who, what)
		default:
			v.Sentence = fmt.Sprintf("%s changed %s of %s", who, fieldList(before, after), what)
		}
	case e.Action == "publish contacts" || e.Action == "withdraw contacts":
		inst := strings.TrimPrefix(e.Target, "focal points of ")
		if e.Action == "publish contacts" {
			v.Sentence = fmt.Sprintf("%s showed the contact details of the focal points of the %s to anyone", who, accord.InstrumentName(inst))
		} else {
			v.Sentence = fmt.Sprintf("%s withdrew the contact details of the focal points of the %s from anonymous readers", who, accord.InstrumentName(inst))
		}
	default:
		describeAction(&v, before, after, name, who)
	}
	v.Changes = auditChanges(e, before, after)
	return v
}

// describeAction makes the sentence of an entry that is no change of a
// registry record: sign-ins, accounts, ingests, corrections, documents.
func describeAction(v *auditView, before, after map[string]any, name, who string) {
	e := v.AuditEntry
	switch e.Action {
	case "sign in":
		v.Sentence = who + " signed in"
		if via := str(after["via"]); via != "" {
			v.Sentence += " with " + via
		}
	case "sign out":
		v.Sentence = who + " signed out"
	case "add user":
		v.Sentence = fmt.Sprintf("%s added the user %s", who, name)
		if role := str(after["role"]); role != "" {
			v.Sentence += ", " + role
			if insts := value(after["instruments"]); insts != "" {
				v.Sentence += " of " + insts
			}
		}
	case "update user":
		v.Sentence = fmt.Sprintf("the role of %s changed", name)
	case "remove user":
		v.Sentence = fmt.Sprintf("%s removed the user %s", who, name)
	case "add token":
		v.Sentence = fmt.Sprintf("%s gave %s a new token", who, name)
	case "revoke token":
		v.Sentence = fmt.Sprintf("%s revoked a token of %s", who, name)
	case "ingest":
		v.Sentence = "ingest of " + strings.TrimPrefix(e.Target, "source ")
		if who != "" && who != "unknown" {
			v.Sentence += " by " + who
		}
		v.Sentence += ": " + ingestCounts(after)
	case "correct decision", "correct mandate", "update mandate":
		verb := "corrected"
		if e.Action == "update mandate" {
			verb = "changed"
		}
		v.Sentence = fmt.Sprintf("%s %s %s of %s", who, verb, fieldList(before, after), e.Target)
	case "add document", "update document", "delete document":
		sym := cmp.Or(str(after["symbol"]), str(before["symbol"]), e.Target)
		v.Href = documentHref(sym)
		switch e.Action {
		case "add document":
			v.Sentence = fmt.Sprintf("%s registered the document %s", who, sym)
		case "update document":
			v.Sentence = fmt.Sprintf("%s changed %s of the document %s", who, fieldList(before, after), sym)
		default:
			v.Sentence = fmt.Sprintf("%s deleted the record of the document %s", who, sym)
		}
	case "lock out":
		v.Sentence = fmt.Sprintf("%s locked out %s after repeated failures", who, e.Target)
	case "purge", "purge uploads":
		v.Sentence = fmt.Sprintf("%s deleted %s", who, e.Target)
	case "restore":
		v.Sentence = fmt.Sprintf("%s restored the store", who)
	default:
		v.Sentence = strings.TrimSpace(fmt.Sprintf("%s: %s %s", who, e.Action, e.Target))
	}
}

// auditChanges are the fields an entry records, before and after.
func auditChanges(e accord.AuditEntry, before, after map[string]any) []auditChange {
	var changes []auditChange
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		b, a := value(before[k]), value(after[k])
		if e.Before != "" && b == a || b == "" && a == "" {
			continue
		}
		changes = append(changes, auditChange{Field: fieldName(k), Before: b, After: a})
	}
	// An entry whose JSON is not an object is shown as recorded.
	if len(changes) == 0 && (before == nil && e.Before != "" || after == nil && e.After != "") {
		changes = []auditChange{{Field: "recorded", Before: e.Before, After: e.After}}
	}
	return changes
}

// fieldName is a recorded field as people read it: "consent_date" and
// "ConsentOn" (a record kept with its Go names) are "consent date" and
// "consent on".
func fieldName(k string) string {
	var b strings.Builder
	for i, r := range k {
		switch {
		case r == '_':
			b.WriteByte(' ')
		case unicode.IsUpper(r):
			if i > 0 && !unicode.IsUpper(rune(k[i-1])) {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// registryRecord says how the audit page names a registry record of one
// kind from the fields its entry recorded and the id of its target, and
// where it is shown: on a page of its own (ownPage, which a deleted
// record no longer has) or on another record's.
type registryRecord struct {
	what    func(f map[string]any, id string) string
	href    func(f map[string]any, id string) string
	ownPage bool
}

// registryRecords are the kinds of registry record, by the noun of their
// entries' actions ("add membership", "delete centre").
var registryRecords = map[string]registryRecord{
	"membership": {
		what: func(f map[string]any, _ string) string {
			return fmt.Sprintf("the membership of %s in the %s", country.Name(str(f["Country"])), accord.InstrumentName(str(f["Instrument"])))
		},
		href: countryHref("memberships"),
	},
	"focal point": {
		what: func(f map[string]any, _ string) string {
			return fmt.Sprintf("%s, %s of %s for the %s", cmp.Or(str(f["Name"]), "a focal point"), strings.ToLower(accord.RoleName(accord.FocalRole(str(f["Role"])))),
				country.Name(str(f["Country"])), accord.InstrumentName(str(f["Instrument"])))
		},
		href: countryHref("focal-points"),
	},
	"coordination": {
		what: func(f map[string]any, _ string) string {
			return fmt.Sprintf("the national coordination of %s by %s", country.Name(str(f["Country"])), cmp.Or(str(f["Institution"]), "an institution"))
		},
		href: countryHref("coordination"),
	},
	"centre": {
		what:    func(f map[string]any, id string) string { return "the centre " + cmp.Or(str(f["Name"]), id) },
		href:    func(_ map[string]any, id string) string { return "/centres/" + url.PathEscape(id) },
		ownPage: true,
	},
	"organization": {
		what:    func(f map[string]any, id string) string { return "the organization " + cmp.Or(str(f["name"]), id) },
		href:    func(_ map[string]any, id string) string { return "/organizations/" + url.PathEscape(id) },
		ownPage: true,
	},
	"arrangement": {
		what: func(f map[string]any, id string) string {
			return fmt.Sprintf("the %s arrangement of the %s with %s", accord.ArrangementKind(str(f["kind"])), accord.InstrumentName(str(f["instrument"])), str(f["organization"]))
		},
		href: func(f map[string]any, _ string) string {
			return "/organizations/" + url.PathEscape(str(f["organization"])) + "#arrangements"
		},
	},
	"meeting": {
		what:    func(_ map[string]any, id string) string { return "the meeting " + id },
		href:    func(_ map[string]any, id string) string { return "/meetings/" + url.PathEscape(id) },
		ownPage: true,
	},
	"instrument": {
		what:    func(f map[string]any, id string) string { return "the instrument " + cmp.Or(str(f["name"]), id) },
		href:    func(_ map[string]any, id string) string { return "/instruments/" + url.PathEscape(id) },
		ownPage: true,
	},
	"body": {
		what: func(f map[string]any, id string) string { return "the body " + cmp.Or(str(f["name"]), id) },
		href: func(f map[string]any, _ string) string {
			return "/bodies?instrument=" + url.QueryEscape(str(f["instrument"]))
		},
	},
}

// countryHref is the section of a country's page that lists a record.
func countryHref(section string) func(map[string]any, string) string {
	return func(f map[string]any, _ string) string {
		if c := str(f["Country"]); c != "" {
			return "/countries/" + url.PathEscape(c) + "#" + section
		}
		return ""
	}
}

// sides is what an entry changed as two cells of a download, a line a
// field each: "status: open" before and "status: completed" after, the
// way the audit page sets them side by side ("—" for a value removed).
func (v auditView) sides() (before, after string) {
	var bs, as []string
	for _, c := range v.Changes {
		if c.Before != "" {
			bs = append(bs, c.Field+": "+c.Before)
		}
		a := c.After
		if a == "" {
			a = "—"
		}
		as = append(as, c.Field+": "+a)
	}
	return strings.Join(bs, "\n"), strings.Join(as, "\n")
}

// ingestCounts says what an ingest did: "3 decisions added, 1 updated".
func ingestCounts(after map[string]any) string {
	var parts []string
	for _, c := range []struct{ key, what string }{{"inserted", "added"}, {"updated", "updated"}, {"removed", "removed"}, {"kept", "kept"}} {
		n, _ := after[c.key].(float64)
		if n == 0 {
			continue
		}
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("%d decision%s %s", int(n), plural(int(n)), c.what))
		} else {
			parts = append(parts, fmt.Sprintf("%d %s", int(n), c.what))
		}
	}
	if len(parts) == 0 {
		return "nothing changed"
	}
	return strings.Join(parts, ", ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// fieldList names the fields an entry changed: "the title and the
// meeting"; "the mandate" when it names none.
func fieldList(before, after map[string]any) string {
	var fs []string
	seen := map[string]bool{}
	for _, m := range []map[string]any{after, before} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if seen[k] || k == "why" || value(before[k]) == value(after[k]) || k == "evidence_added" && value(after[k]) == "" {
				continue
			}
			seen[k] = true
			fs = append(fs, "the "+fieldName(strings.TrimSuffix(k, "_added")))
		}
	}
	switch len(fs) {
	case 0:
		return "nothing"
	case 1:
		return fs[0]
	}
	return strings.Join(fs[:len(fs)-1], ", ") + " and " + fs[len(fs)-1]
}

func jsonFields(s string) map[string]any {
	if s == "" {
		return nil
	}
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// value shows a recorded value as text: lists joined, times as dates and
// minutes (a time never set is "never"), numbers without exponents.
func value(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			if t.IsZero() {
				return "never"
			}
			return t.UTC().Format("2006-01-02 15:04 UTC")
		}
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := value(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			if s := value(x[k]); s != "" {
				parts = append(parts, strings.ReplaceAll(k, "_", " ")+": "+s)
			}
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v)
}

type auditPage struct {
	page
	Entries []auditView
	// Pager links to the latest entries (Prev) and to older ones.
	Pager    pager
	Download downloads
}

// audit shows the audit log to admins.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	if err := auditor(r); err != nil {
		return err
	}
	var before int64
	if b := r.URL.Query().Get("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: before %q: want the number of an entry", accord.ErrInvalid, b)
		}
		before = n
	}
	log, err := s.auditRows(r.Context(), before, listPageSize+1)
	if err != nil {
		return err
	}
	p := auditPage{page: s.page(r, "Audit log"), Download: downloadsOf(r, "before")}
	if before > 0 {
		p.Pager.Prev = "/audit"
	}
	if len(log) > listPageSize {
		log = log[:listPageSize]
		p.Pager.Next = "/audit?before=" + strconv.FormatInt(log[listPageSize-1].ID, 10)
	}
	p.Entries = auditViews(log)
	s.nameTargets(r.Context(), p.Entries, map[string]string{})
	return s.render(w, http.StatusOK, "audit", p)
}
