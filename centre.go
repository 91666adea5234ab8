package accord

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A Centre is a regional or coordinating centre of the Basel Convention
// (article 14) or a regional or subregional centre of the Stockholm
// Convention (article 12), through which the conventions deliver technical
// assistance and technology transfer to the countries of a region. Several
// serve both conventions.
type Centre struct {
	ID              string   // stable slug, "bcrc-caribbean"
	Name            string   // as the conventions name it
	HostCountry     string   // alpha-2 code
	City            string   // empty where the source gives none
	Conventions     []string // instrument ids: "basel", "stockholm"
	CountriesServed []string // alpha-2 codes; empty where the source lists none
	Closed          string   // YYYY-MM-DD the centre closed; empty while it operates
	// FocalCentre says the centre was selected as a regional "focal
	// centre", coordinating the centres of its region across chemicals
	// and wastes (the BRS recommendation's paragraph (p)).
	FocalCentre bool
	// Documents are its work programmes and reports: document symbols
	// or addresses.
	Documents []CentreDocument
	Source    string    // where the row was checked
	Created   time.Time `json:"-"`
	Updated   time.Time `json:"-"`
	// UpdatedBy is who last changed the record; "accord" for a record
	// as bundled, which a newer bundle may update.
	UpdatedBy string `json:",omitempty"`
}

// CentreDocument is a work programme or report of a centre, named by its
// document symbol ("UNEP/CHW.16/INF/12") or its address.
type CentreDocument struct {
	Kind string // "work programme", "report"
	Ref  string
}

// String is the document as lists write it: "work programme: UNEP/CHW.16/INF/12".
func (d CentreDocument) String() string { return d.Kind + centreDocSep + d.Ref }

// centreDocSep separates a document's kind from its symbol or address.
const centreDocSep = ": "

// ParseCentreDocument reads a document as String writes it; Validate
// checks its kind and reference.
func ParseCentreDocument(s string) (CentreDocument, error) {
	kind, ref, ok := strings.Cut(strings.TrimSpace(s), centreDocSep)
	if !ok {
		return CentreDocument{}, fieldErrorf("documents", "%q: want KIND: SYMBOL, such as \"report: UNEP/CHW.16/INF/12\"", s)
	}
	return CentreDocument{Kind: strings.ToLower(strings.TrimSpace(kind)), Ref: strings.TrimSpace(ref)}, nil
}

// Bundled is who the records accord ships are by: a record still by
// Bundled was changed by no person, and a newer bundle updates it.
const Bundled = "accord"

// CentreKinds are the kinds of a centre's documents.
var CentreKinds = []string{"work programme", "report"}

// CentreConventions are the instruments that have regional centres.
var CentreConventions = []string{"basel", "stockholm"}

// Serves reports whether the centre serves instrument id.
func (c Centre) Serves(instrument string) bool {
	return slices.Contains(c.Conventions, instrument)
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Normalize trims the centre's fields and sorts its lists.
func (c *Centre) Normalize() {
	for _, p := range []*string{&c.ID, &c.Name, &c.City, &c.Closed, &c.Source} {
		*p = strings.TrimSpace(*p)
	}
	c.HostCountry = strings.ToUpper(strings.TrimSpace(c.HostCountry))
	for i := range c.Conventions {
		c.Conventions[i] = InstrumentID(c.Conventions[i])
	}
	slices.Sort(c.Conventions)
	c.Conventions = slices.Compact(c.Conventions)
	for i := range c.CountriesServed {
		c.CountriesServed[i] = strings.ToUpper(strings.TrimSpace(c.CountriesServed[i]))
	}
	for i := range c.Documents {
		c.Documents[i].Kind = strings.ToLower(strings.TrimSpace(c.Documents[i].Kind))
		c.Documents[i].Ref = strings.TrimSpace(c.Documents[i].Ref)
	}
}

// Validate checks a centre as given (after Normalize): its error joins
// a *FieldError for each field at fault. The store checks that its
// countries are assigned by ISO 3166-1.
func (c Centre) Validate() error {
	var p problems
	if !slugRE.MatchString(c.ID) {
		p.add(fieldErrorf("id", "%q is not an id (lower-case letters, digits and single hyphens)", c.ID))
	}
	if c.Name == "" {
		p.add(fieldErrorf("name", "empty"))
	}
	p.add(checkCountry("host_country", c.HostCountry))
	if len(c.Conventions) == 0 {
		p.add(fieldErrorf("conventions", "empty, want basel, stockholm or basel|stockholm"))
	}
	for _, v := range c.Conventions {
		if !slices.Contains(CentreConventions, v) {
			p.add(fieldErrorf("conventions", "%q is not basel or stockholm", v))
		}
	}
	seen := map[string]bool{}
	for _, code := range c.CountriesServed {
		p.add(checkCountry("countries_served", code))
		if seen[code] {
			p.add(fieldErrorf("countries_served", "%q is listed twice", code))
		}
		seen[code] = true
	}
	p.add(checkDate("closed", c.Closed))
	for _, d := range c.Documents {
		if !slices.Contains(CentreKinds, d.Kind) {
			p.add(fieldErrorf("documents", "kind %q is not %s", d.Kind, strings.Join(CentreKinds, " or ")))
		}
		if d.Ref == "" || strings.ContainsAny(d.Ref, "\t\n") {
			p.add(fieldErrorf("documents", "%q is not a document symbol or address", d.Ref))
		}
	}
	for _, f := range []struct{ field, v string }{{"name", c.Name}, {"city", c.City}, {"source", c.Source}} {
		p.add(checkText(f.field, f.v))
	}
	return p.err()
}

// CentreFilter selects centres: those serving Convention, and those a
// Country hosts or is served by. Zero fields select all.
type CentreFilter struct {
	Convention string
	Country    string
}

// Match reports whether f selects c.
func (f CentreFilter) Match(c Centre) bool {
	if f.Convention != "" && !c.Serves(f.Convention) {
		return false
	}
	return f.Country == "" || c.HostCountry == f.Country || slices.Contains(c.CountriesServed, f.Country)
}

// CentreStore keeps the regional centres: the bundled ones, loaded when
// the store is opened, and those people add or change. A centre is
// matched by its id.
type CentreStore interface {
	// Centres lists the centres by name.
	Centres(ctx context.Context) ([]Centre, error)
	// Centre returns centre id.
	Centre(ctx context.Context, id string) (Centre, error)
	// SaveCentres adds or updates centres in one transaction, by who;
	// giving a centre as stored changes nothing.
	SaveCentres(ctx context.Context, cs []Centre, who string) (ImportCounts, error)
	// DeleteCentre deletes centre id, by who; the audit log keeps its
	// content.
	DeleteCentre(ctx context.Context, id, who string) error
}
