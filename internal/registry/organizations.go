package registry

import (
	"bytes"
	_ "embed"
	"io"
	"strings"
	"sync"
)

// An Organization is a body that decisions name as a partner, a member, a
// host or an addressee: a UN programme or agency, another convention's
// secretariat, a science-policy panel, a fund.
type Organization struct {
	ID      string   // stable slug, "iomc"; the extractor's actor id where it has one
	Name    string   // full name, "Inter-Organization Programme for the Sound Management of Chemicals"
	Acronym string   // "IOMC"; empty where none is in use
	Aliases []string // other names and spellings that identify it alone
	Kind    OrganizationKind
	Website string // https URL; empty where none was checked
	Source  string // where the name and acronym were checked
}

// Names returns every name the organization goes by: its name, acronym
// and aliases.
func (o Organization) Names() []string {
	names := []string{o.Name}
	if o.Acronym != "" {
		names = append(names, o.Acronym)
	}
	return append(names, o.Aliases...)
}

// An OrganizationKind says what sort of body an organization is.
type OrganizationKind string

// The kinds of organization. UNProgramme covers the UN's own funds,
// programmes, institutes and regional commissions (UNEP, UNDP, UNICEF,
// UNITAR, UNECE); UNAgency the specialized and related agencies with
// members of their own (FAO, WHO, ILO, UNIDO, IAEA, the World Bank).
const (
	UNProgramme           OrganizationKind = "un-programme"
	UNAgency              OrganizationKind = "un-agency"
	Intergovernmental     OrganizationKind = "intergovernmental"
	ConventionSecretariat OrganizationKind = "convention-secretariat"
	SciencePolicyPanel    OrganizationKind = "science-policy-panel"
	FinancialMechanism    OrganizationKind = "financial-mechanism"
	NGO                   OrganizationKind = "ngo"
	RegionalCentre        OrganizationKind = "regional-centre"
	OtherKind             OrganizationKind = "other"
)

// OrganizationKinds are the kinds in the order pages list them.
var OrganizationKinds = []OrganizationKind{
	UNProgramme, UNAgency, Intergovernmental, ConventionSecretariat,
	SciencePolicyPanel, FinancialMechanism, NGO, RegionalCentre, OtherKind,
}

func validKind(k OrganizationKind) bool {
	for _, v := range OrganizationKinds {
		if k == v {
			return true
		}
	}
	return false
}

// organizationColumns are the columns of organizations.csv, in order.
var organizationColumns = []string{"id", "name", "acronym", "aliases", "kind", "website", "source"}

//go:embed organizations.csv
var organizationsCSV []byte

var bundledOrganizations = sync.OnceValues(loadOrganizations)

func loadOrganizations() ([]Organization, error) {
	return ParseOrganizations("organizations.csv", bytes.NewReader(organizationsCSV))
}

// Organizations returns the bundled organizations, in the order of
// organizations.csv, or the error naming the row and column at fault.
// The slice is shared: callers must not change it.
func Organizations() ([]Organization, error) {
	return bundledOrganizations()
}

// LookupOrganization returns the bundled organization that id, or any of
// its names in any case and spacing, stands for; an error only when
// organizations.csv does not parse.
func LookupOrganization(s string) (Organization, bool, error) {
	orgs, err := Organizations()
	if err != nil {
		return Organization{}, false, err
	}
	key := nameKey(s)
	for _, o := range orgs {
		if o.ID == s {
			return o, true, nil
		}
		for _, n := range o.Names() {
			if nameKey(n) == key {
				return o, true, nil
			}
		}
	}
	return Organization{}, false, nil
}

// nameKey is a name as lookups compare it: lower case, spaces collapsed.
func nameKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ParseOrganizations reads organizations in the columns of
// organizations.csv from r; file names r in errors, which also name the
// row and column at fault. Ids must be unique, and so must every name: a
// name two organizations share would identify neither.
func ParseOrganizations(file string, r io.Reader) ([]Organization, error) {
	var orgs []Organization
	ids := map[string]int{}      // id → row
	names := map[string]string{} // name key → id
	err := readCSV(file, r, organizationColumns, func(row csvRow) error {
		var o Organization
		var err error
		if o.ID, err = row.id("id"); err != nil {
			return err
		}
		if prev, ok := ids[o.ID]; ok {
			return row.errorf("id", "%q is also the id of row %d", o.ID, prev)
		}
		ids[o.ID] = row.line
		if o.Name, err = row.required("name"); err != nil {
			return err
		}
		o.Acronym = row.get("acronym")
		if strings.ContainsAny(o.Acronym, " |") {
			return row.errorf("acronym", "%q is not one acronym", o.Acronym)
		}
		o.Aliases = row.list("aliases")
		o.Kind = OrganizationKind(row.get("kind"))
		if !validKind(o.Kind) {
			return row.errorf("kind", "%q is not a kind (%s)", o.Kind, kindList())
		}
		if o.Website, err = row.httpsURL("website"); err != nil {
			return err
		}
		if o.Source, err = row.source("source"); err != nil {
			return err
		}
		claim := func(col, n string) error {
			k := nameKey(n)
			if other, ok := names[k]; ok && other != o.ID {
				return row.errorf(col, "%q also names %s", n, other)
			}
			names[k] = o.ID
			return nil
		}
		if err := claim("name", o.Name); err != nil {
			return err
		}
		if o.Acronym != "" {
			if err := claim("acronym", o.Acronym); err != nil {
				return err
			}
		}
		for _, a := range o.Aliases {
			if err := claim("aliases", a); err != nil {
				return err
			}
		}
		orgs = append(orgs, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return orgs, nil
}

func kindList() string {
	s := make([]string, len(OrganizationKinds))
	for i, k := range OrganizationKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// String is the kind as people read it: "UN programme", "NGO".
func (k OrganizationKind) String() string {
	switch k {
	case UNProgramme:
		return "UN programme"
	case UNAgency:
		return "UN agency"
	case NGO:
		return "NGO"
	}
	return strings.ReplaceAll(string(k), "-", " ")
}
