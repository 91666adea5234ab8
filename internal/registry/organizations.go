package registry

import (
	"bytes"
	_ "embed"
	"io"
	"strings"
	"sync"

	"github.com/accordmea/accord"
)

// Organization is accord.Organization: the bundled rows are the records
// the store starts with.
type Organization = accord.Organization

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
func nameKey(s string) string { return accord.NameKey(s) }

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
		o.Bundled = true
		o.Acronym = row.get("acronym")
		if strings.ContainsAny(o.Acronym, " |") {
			return row.errorf("acronym", "%q is not one acronym", o.Acronym)
		}
		o.Aliases = row.list("aliases")
		o.Kind = accord.OrganizationKind(row.get("kind"))
		if !o.Kind.Valid() {
			return row.errorf("kind", "%q is not a kind (%s)", o.Kind, accord.CommaList(accord.OrganizationKinds))
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
