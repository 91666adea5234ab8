package records

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

// idRE is the shape of an organization's id (accord.Organization.Check
// says the same; this one names the row).
var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// organizations are the organizations decisions name, in the columns of
// the bundled internal/registry/organizations.csv.
var organizations = New("organizations", "the organizations decisions name: name, acronym, aliases, kind, website",
	[]string{"id", "name", "acronym", "aliases", "kind", "website", "source"},
	Codec[accord.Organization]{
		Parse: func(c *Checker) accord.Organization {
			o := accord.Organization{
				ID:      c.Required("id"),
				Name:    c.Required("name"),
				Acronym: c.Get("acronym"),
				Aliases: c.List("aliases"),
				Kind:    accord.OrganizationKind(c.Required("kind")),
				Website: c.URL("website"),
				Source:  c.URL("source"),
			}
			if o.ID != "" && !idRE.MatchString(o.ID) {
				c.Errorf("id", "%q is not an id: want lower-case letters, digits and hyphens, such as iomc or world-bank", o.ID)
			}
			if strings.Contains(o.Acronym, " ") {
				c.Errorf("acronym", "%q is not one acronym", o.Acronym)
			}
			if o.Kind != "" && !o.Kind.Valid() {
				c.Errorf("kind", "%q is not one of %s", o.Kind, accord.CommaList(accord.OrganizationKinds))
			}
			if strings.HasPrefix(o.Website, "http://") {
				c.Errorf("website", "%q is not an https address", o.Website)
			}
			return o
		},
		Store: func(ctx context.Context, st accord.Store, who string, os []accord.Organization) (accord.ImportCounts, error) {
			return st.PutOrganizations(ctx, who, os)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Organization, error) {
			return st.Organizations(ctx, accord.OrganizationFilter{})
		},
		Row: func(o accord.Organization) map[string]string {
			return map[string]string{"id": o.ID, "name": o.Name, "acronym": o.Acronym, "aliases": strings.Join(o.Aliases, ListSep),
				"kind": string(o.Kind), "website": o.Website, "source": o.Source}
		},
	})

// arrangements tie an instrument to an organization. A row without an id
// is matched to the stored arrangement of its instrument, organization,
// kind and start date; mandates are the ids of the mandates that asked
// for it.
var arrangements = New("arrangements", "what ties an instrument to an organization: membership, observer status, MoU, partnership",
	[]string{"id", "instrument", "organization", "kind", "status", "start_date", "end_date", "evidence", "note", "mandates"},
	Codec[accord.Arrangement]{
		Parse: func(c *Checker) accord.Arrangement {
			a := accord.Arrangement{
				Instrument:   c.Instrument("instrument"),
				Organization: c.Required("organization"),
				Start:        c.Get("start_date"),
				End:          c.Get("end_date"),
				Evidence:     c.Get("evidence"),
				Note:         c.Get("note"),
				Mandates:     []int64{},
			}
			if c.Get("instrument") == "" {
				c.Errorf("instrument", "missing")
			}
			if v := c.Get("id"); v != "" {
				id, err := strconv.ParseInt(v, 10, 64)
				if err != nil || id <= 0 {
					c.Errorf("id", "%q is not an arrangement id", v)
				}
				a.ID = id
			}
			if v := c.Required("kind"); v != "" {
				k, ok := accord.ParseArrangementKind(v)
				if !ok {
					c.Errorf("kind", "%q is not one of %s", v, accord.CommaList(accord.ArrangementKinds))
				}
				a.Kind = k
			}
			if v := c.Required("status"); v != "" {
				st, ok := accord.ParseArrangementStatus(v)
				if !ok {
					c.Errorf("status", "%q is not one of proposed, requested, in-force (granted), ended", v)
				}
				a.Status = st
			}
			for _, m := range c.List("mandates") {
				id, err := strconv.ParseInt(m, 10, 64)
				if err != nil || id <= 0 {
					c.Errorf("mandates", "%q is not a mandate id", m)
					continue
				}
				a.Mandates = append(a.Mandates, id)
			}
			for _, d := range []struct{ col, v string }{{"start_date", a.Start}, {"end_date", a.End}} {
				if d.v != "" && !accord.ValidPartialDate(d.v) {
					c.Errorf(d.col, "%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", d.v)
				}
			}
			if c.OK() && a.Start != "" && a.End != "" && a.End < a.Start {
				c.Errorf("end_date", "%s is before the start date, %s", a.End, a.Start)
			}
			return a
		},
		Store: func(ctx context.Context, st accord.Store, who string, as []accord.Arrangement) (accord.ImportCounts, error) {
			_, n, err := st.PutArrangements(ctx, who, as)
			return n, err
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Arrangement, error) {
			return st.Arrangements(ctx, accord.ArrangementFilter{})
		},
		Row: func(a accord.Arrangement) map[string]string {
			ms := make([]string, len(a.Mandates))
			for i, m := range a.Mandates {
				ms[i] = strconv.FormatInt(m, 10)
			}
			return map[string]string{"id": strconv.FormatInt(a.ID, 10), "instrument": a.Instrument, "organization": a.Organization,
				"kind": string(a.Kind), "status": string(a.Status), "start_date": a.Start, "end_date": a.End,
				"evidence": a.Evidence, "note": a.Note, "mandates": strings.Join(ms, ListSep)}
		},
	})
