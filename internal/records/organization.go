package records

import (
	"context"
	"fmt"
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

// arrangementRow is an arrangement and the references its mandates
// cell holds.
type arrangementRow struct {
	accord.Arrangement
	refs []accord.MandateRef
}

// arrangements tie an instrument to an organization. A row without an id
// is matched to the stored arrangement of its instrument, organization,
// kind and start date; mandates are the mandates that asked for it, each
// a number or a decision's symbol and paragraph ("MC-6/[--] ¶ 5"), which
// export writes for a paragraph whose every mandate is named.
var arrangements = New("arrangements", "what ties an instrument to an organization: membership, observer status, MoU, partnership",
	[]string{"id", "instrument", "organization", "kind", "status", "start_date", "end_date", "evidence", "note", "mandates"},
	Codec[arrangementRow]{
		Parse: func(c *Checker) arrangementRow {
			var refs []accord.MandateRef
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
				ref, err := accord.ParseMandateRef(m)
				if err != nil {
					// Its errors are all the cell's: the row is refused.
					_ = cellProblem(c, err)
					continue
				}
				refs = append(refs, ref)
			}
			for _, d := range []struct{ col, v string }{{"start_date", a.Start}, {"end_date", a.End}} {
				if d.v != "" && !accord.ValidPartialDate(d.v) {
					c.Errorf(d.col, "%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", d.v)
				}
			}
			if c.OK() && a.Start != "" && a.End != "" && a.End < a.Start {
				c.Errorf("end_date", "%s is before the start date, %s", a.End, a.Start)
			}
			return arrangementRow{a, refs}
		},
		Resolve: func(ctx context.Context, st accord.Store, c *Checker, r arrangementRow) (arrangementRow, error) {
			ids, err := accord.ResolveMandates(ctx, st, r.refs)
			if err = cellProblem(c, err); err != nil {
				return r, err
			}
			r.Mandates = append([]int64{}, ids...)
			return r, nil
		},
		Store: func(ctx context.Context, st accord.Store, who string, rs []arrangementRow) (accord.ImportCounts, error) {
			as := make([]accord.Arrangement, len(rs))
			for i, r := range rs {
				as[i] = r.Arrangement
			}
			_, n, err := st.PutArrangements(ctx, who, as)
			return n, err
		},
		List: func(ctx context.Context, st accord.Store) ([]arrangementRow, error) {
			as, err := st.Arrangements(ctx, accord.ArrangementFilter{})
			if err != nil {
				return nil, err
			}
			rs := make([]arrangementRow, len(as))
			for i, a := range as {
				refs, err := accord.MandateRefsOf(ctx, st, a.Mandates)
				if err != nil {
					return nil, fmt.Errorf("arrangement %d: %w", a.ID, err)
				}
				rs[i] = arrangementRow{a, refs}
			}
			return rs, nil
		},
		Row: func(r arrangementRow) map[string]string {
			a := r.Arrangement
			ms := make([]string, len(r.refs))
			for i, ref := range r.refs {
				ms[i] = ref.String()
			}
			return map[string]string{"id": strconv.FormatInt(a.ID, 10), "instrument": a.Instrument, "organization": a.Organization,
				"kind": string(a.Kind), "status": string(a.Status), "start_date": a.Start, "end_date": a.End,
				"evidence": a.Evidence, "note": a.Note, "mandates": strings.Join(ms, ListSep)}
		},
	})

// cellProblem reports to c each field error err holds, in the column it
// names, and returns err when it holds none: the store's failure.
func cellProblem(c *Checker, err error) error {
	fes := accord.FieldErrors(err)
	if err == nil || len(fes) == 0 {
		return err
	}
	for _, fe := range fes {
		c.Errorf(fe.Field, "%s", fe.Msg)
	}
	return nil
}
