package accord

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Instrument is a convention, protocol or other body whose decisions
// accord keeps, as readers know it. Instruments are records: the bundled
// ones (instruments.csv) are loaded into every store, and admins add and
// change them.
type Instrument struct {
	ID    string // "minamata": how decisions store it, in lower case
	Short string // "Minamata Convention": what pages show
	Name  string // "Minamata Convention on Mercury": its full name
	// Bodies are the codes of its governing bodies, as its decisions'
	// symbols and meetings name them: "COP", "COP-MOP", "CMA".
	Bodies []string
	// Parent is the instrument it was made under: cbd for the Cartagena
	// Protocol, vienna for the Montreal Protocol; "" for none.
	Parent  string
	Website string // its home page
	// Groups are the instruments a joint instrument stands for: brs
	// groups basel, rotterdam and stockholm, whose conferences of the
	// Parties decide together. A Party or centre of any of them is
	// concerned by the joint instrument's decisions, and an editor of any
	// of them may edit them.
	Groups []string
	Source string // the address its names were checked at

	Created, Updated time.Time
	ChangedBy        string // who last changed it; "" for the bundled record
}

// InstrumentStore keeps the instruments. The bundled ones are loaded
// when the store opens; a record a person changed keeps that change over
// a newer bundle. Every store installs its instruments (UseInstruments)
// when it opens and after each change, so that names, filters and checks
// know an instrument an admin added at once.
type InstrumentStore interface {
	// Instruments lists the stored instruments, by id.
	Instruments(ctx context.Context) ([]Instrument, error)
	// Instrument returns the stored instrument of id.
	Instrument(ctx context.Context, id string) (Instrument, error)
	// PutInstruments adds or changes instruments in one transaction,
	// each checked first (Instrument.Check, with parents and groups
	// among the stored instruments and the batch) and each change
	// audited; a record equal to the stored one is left alone.
	PutInstruments(ctx context.Context, who string, ins []Instrument) (ImportCounts, error)
	// InstrumentCounts counts the decisions and mandates stored under
	// each instrument, by id; an instrument with none is not in it.
	InstrumentCounts(ctx context.Context) (map[string]InstrumentCount, error)
}

// InstrumentCount is what a store holds of one instrument.
type InstrumentCount struct {
	Decisions, Mandates int
}

//go:embed instruments.csv
var instrumentsCSV []byte

// InstrumentColumns are the columns of instruments.csv and of the files
// accord imports and exports instruments as; lists are written with |.
var InstrumentColumns = []string{"id", "short", "name", "bodies", "parent", "website", "groups", "source"}

// bundledInstruments reads instruments.csv once.
var bundledInstruments = sync.OnceValues(func() ([]Instrument, error) {
	rows, err := csv.NewReader(bytes.NewReader(instrumentsCSV)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("instruments.csv: %w", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], InstrumentColumns) {
		return nil, fmt.Errorf("instruments.csv: header %v, want %v", rows[0], InstrumentColumns)
	}
	var out []Instrument
	for i, r := range rows[1:] {
		in := Instrument{ID: r[0], Short: r[1], Name: r[2], Bodies: SplitList(r[3]), Parent: r[4], Website: r[5], Groups: SplitList(r[6]), Source: r[7]}
		out = append(out, in)
		if err := in.check(nil); err != nil {
			return nil, fmt.Errorf("instruments.csv row %d: %w", i+2, err)
		}
	}
	if err := CheckInstruments(out); err != nil {
		return nil, fmt.Errorf("instruments.csv: %w", err)
	}
	return out, nil
})

// BundledInstruments returns the instruments accord ships, in the order
// of instruments.csv. The slice is shared: callers must not change it.
func BundledInstruments() ([]Instrument, error) { return bundledInstruments() }

// SplitList splits a list cell, "COP|COP-MOP", into its items.
func SplitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// instrumentIndex is one set of instruments with its lookups, replaced
// whole when the instruments change so that readers never lock.
type instrumentIndex struct {
	list  []Instrument
	byKey map[string]Instrument // id, short and full name in lower case
	byID  map[string]Instrument
	// joining lists the joint instruments that group each instrument:
	// basel → brs.
	joining map[string][]string
}

func newInstrumentIndex(list []Instrument) *instrumentIndex {
	x := &instrumentIndex{list: slices.Clone(list), byKey: map[string]Instrument{}, byID: map[string]Instrument{}, joining: map[string][]string{}}
	slices.SortFunc(x.list, func(a, b Instrument) int { return strings.Compare(a.ID, b.ID) })
	for _, in := range x.list {
		x.byID[in.ID] = in
		for _, g := range in.Groups {
			x.joining[g] = append(x.joining[g], in.ID)
		}
	}
	// Ids first, so that a name never hides an id.
	for _, in := range x.list {
		for _, k := range []string{in.Short, in.Name} {
			if k = strings.ToLower(k); k != "" {
				x.byKey[k] = in
			}
		}
	}
	for _, in := range x.list {
		x.byKey[in.ID] = in
	}
	return x
}

// installed is the instruments names and checks use: the bundled ones
// until a store installs its own.
var installed atomic.Pointer[instrumentIndex]

var bundledIndex = sync.OnceValue(func() *instrumentIndex {
	list, _ := BundledInstruments() // a bad bundle fails its test and every store's open
	return newInstrumentIndex(list)
})

func known() *instrumentIndex {
	if x := installed.Load(); x != nil {
		return x
	}
	return bundledIndex()
}

// UseInstruments installs list over the instruments that names, lookups
// and checks use: an instrument of list replaces the one of its id, and
// the others stay, since decisions may still cite them. Stores call it
// when they open and after every change, so that a page shows an
// instrument an admin just added by its name at once; lookups stay in
// memory, never a query.
func UseInstruments(list []Instrument) {
	for {
		old := installed.Load()
		base := bundledIndex()
		if old != nil {
			base = old
		}
		merged := make(map[string]Instrument, len(base.list)+len(list))
		for _, in := range base.list {
			merged[in.ID] = in
		}
		for _, in := range list {
			merged[in.ID] = in
		}
		all := make([]Instrument, 0, len(merged))
		for _, in := range merged {
			all = append(all, in)
		}
		if installed.CompareAndSwap(old, newInstrumentIndex(all)) {
			return
		}
	}
}

// KnownInstruments lists the instruments in use, by id.
func KnownInstruments() []Instrument { return slices.Clone(known().list) }

// LookupInstrument returns the instrument s names: its id, short name or
// full name, in any case and spacing ("Minamata", "minamata convention",
// "UNFCCC").
func LookupInstrument(s string) (Instrument, bool) {
	in, ok := known().byKey[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return in, ok
}

// KnownInstrument reports whether id is the id of an instrument in use.
func KnownInstrument(id string) bool {
	_, ok := known().byID[id]
	return ok
}

// InstrumentID is the id of the instrument s names, for filters that a
// person types: "Minamata" and "Minamata Convention" are minamata. A name
// not known is kept as it is, since decisions may be stored under it.
func InstrumentID(s string) string {
	if in, ok := LookupInstrument(s); ok {
		return in.ID
	}
	return strings.TrimSpace(s)
}

// InstrumentName is what pages call the instrument of id: "Minamata
// Convention", "UNFCCC"; an id not known is shown as it is.
func InstrumentName(id string) string {
	if in, ok := known().byID[id]; ok {
		return in.Short
	}
	return id
}

// InstrumentFullName is the full name of the instrument of id: "Minamata
// Convention on Mercury"; an id not known is shown as it is.
func InstrumentFullName(id string) string {
	if in, ok := known().byID[id]; ok {
		return in.Name
	}
	return id
}

// JoiningInstruments lists the joint instruments that group id: brs for
// basel. Their decisions concern id's Parties and centres as id's own do.
func JoiningInstruments(id string) []string {
	return slices.Clone(known().joining[id])
}

// WithJoint returns ids and after them the joint instruments that group
// any of them, each once: the instruments whose decisions concern a Party
// of ids, or a centre serving them.
func WithJoint(ids []string) []string {
	out := slices.Clone(ids)
	for _, id := range ids {
		for _, j := range known().joining[id] {
			if !slices.Contains(out, j) {
				out = append(out, j)
			}
		}
	}
	return out
}

// JointInstrument returns the joint instrument that groups exactly the
// instruments ids, in any order, or "".
func JointInstrument(ids []string) string {
	set := slices.Clone(ids)
	slices.Sort(set)
	set = slices.Compact(set)
	if len(set) < 2 {
		return ""
	}
	for _, joint := range known().joining[set[0]] {
		g := slices.Clone(known().byID[joint].Groups)
		slices.Sort(g)
		if slices.Equal(g, set) {
			return joint
		}
	}
	return ""
}

var (
	instrumentIDRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	// maxInstrumentID bounds an id: ids go into URLs, filters and
	// symbols' prefixes, where the longest today ("unep-gc") is short.
	maxInstrumentID = 32
)

// Check reports the first field of in at fault: an id not in lower-case
// letters, digits and single hyphens, a name missing or not on one line,
// a body code not written as bodies write them, a website or source not
// an http(s) address, or a parent or grouped instrument not in use.
func (in Instrument) Check() error {
	return in.check(func(id string) bool { return KnownInstrument(id) })
}

// CheckFields is Check but for whether the parent and the grouped
// instruments are known: for a file that may add them too, whose whole
// batch the store checks (CheckInstruments).
func (in Instrument) CheckFields() error { return in.check(nil) }

// check is Check with the instruments a parent or group may name given by
// isKnown; nil checks the fields alone.
func (in Instrument) check(isKnown func(string) bool) error {
	if !instrumentIDRE.MatchString(in.ID) || len(in.ID) > maxInstrumentID {
		return fieldErrorf("id", "%q is not an id (lower-case letters, digits and single hyphens, up to %d)", in.ID, maxInstrumentID)
	}
	for _, f := range []struct{ field, v string }{{"short", in.Short}, {"name", in.Name}} {
		switch {
		case strings.TrimSpace(f.v) == "":
			return fieldErrorf(f.field, "empty")
		case !utf8.ValidString(f.v) || utf8.RuneCountInString(f.v) > maxNameLen || strings.ContainsAny(f.v, "|\n\r\t"):
			return fieldErrorf(f.field, "%q must be up to %d characters of text on one line, without |", f.v, maxNameLen)
		}
	}
	for _, b := range in.Bodies {
		if !meetingBodyRE.MatchString(b) {
			return fieldErrorf("bodies", "bad body code %q (want COP, COP-MOP, CMA, …)", b)
		}
	}
	for _, f := range []struct{ field, v string }{{"website", in.Website}, {"source", in.Source}} {
		if f.v == "" && f.field == "website" {
			continue
		}
		if u, err := url.Parse(f.v); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fieldErrorf(f.field, "%q is not an http or https address", f.v)
		}
	}
	if in.Parent == in.ID {
		return fieldErrorf("parent", "%q names itself", in.Parent)
	}
	if in.Parent != "" && isKnown != nil && !isKnown(in.Parent) {
		return fieldErrorf("parent", "unknown instrument %q", in.Parent)
	}
	if len(in.Groups) == 1 {
		return fieldErrorf("groups", "a joint instrument groups two instruments or more, not only %q", in.Groups[0])
	}
	for i, g := range in.Groups {
		switch {
		case g == in.ID:
			return fieldErrorf("groups", "%q names itself", g)
		case slices.Contains(in.Groups[:i], g):
			return fieldErrorf("groups", "%q is listed twice", g)
		case isKnown != nil && !isKnown(g):
			return fieldErrorf("groups", "unknown instrument %q", g)
		}
	}
	return nil
}

// CheckInstruments checks a whole set of instruments: each by itself,
// ids and names each standing for one instrument, every parent and
// grouped instrument in the set, no instrument its own ancestor, and no
// joint instrument grouping another.
func CheckInstruments(set []Instrument) error {
	byID := map[string]Instrument{}
	for _, in := range set {
		byID[in.ID] = in
	}
	isKnown := func(id string) bool { _, ok := byID[id]; return ok }
	names := map[string]string{}
	for _, in := range set {
		if err := in.check(isKnown); err != nil {
			return fmt.Errorf("instrument %s: %w", in.ID, err)
		}
		for _, k := range []string{in.ID, in.Short, in.Name} {
			k = strings.ToLower(k)
			if other, ok := names[k]; ok && other != in.ID {
				return fmt.Errorf("instrument %s: %w", in.ID, fieldErrorf("name", "%q names %s already", k, other))
			}
			names[k] = in.ID
		}
		seen := map[string]bool{in.ID: true}
		for p := in.Parent; p != ""; p = byID[p].Parent {
			if seen[p] {
				return fmt.Errorf("instrument %s: %w", in.ID, fieldErrorf("parent", "%q is its own ancestor", p))
			}
			seen[p] = true
		}
		for _, g := range in.Groups {
			if len(byID[g].Groups) > 0 {
				return fmt.Errorf("instrument %s: %w", in.ID, fieldErrorf("groups", "%q is itself a joint instrument", g))
			}
		}
	}
	return nil
}
