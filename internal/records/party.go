package records

import (
	"context"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// codes reads the columns that name a country or an instrument: each
// read by Checker (names and other codes are taken), and listed as
// refused when Checker refused it.
type codes struct {
	c       *Checker
	refused []string
}

func (k *codes) country(col string) string {
	v := k.c.Country(col)
	if v == "" && k.c.Get(col) != "" {
		k.refused = append(k.refused, col)
	}
	return v
}

func (k *codes) instrument(col string) string {
	v := k.c.Instrument(col)
	if v == "" && k.c.Get(col) != "" {
		k.refused = append(k.refused, col)
	}
	return v
}

// focalPointColumns are the columns of a list of focal points, as the
// conventions' lists of national focal points and authorities name them.
var focalPointColumns = []string{"country", "instrument", "role", "title", "name", "position", "organization", "address", "phone", "email", "designated"}

var focalPoints = New("focal-points", "focal points and authorities of each country, by instrument and role", focalPointColumns, Codec[accord.FocalPoint]{
	Parse: func(c *Checker) accord.FocalPoint {
		k := codes{c: c}
		f := accord.FocalPoint{Country: k.country("country"), Instrument: k.instrument("instrument"), Title: c.Get("title"),
			Name: c.Get("name"), Position: c.Get("position"), Organization: c.Get("organization"), Address: c.Get("address"),
			Phone: c.Get("phone"), Email: c.Get("email"), Designated: c.Get("designated")}
		if role := c.Get("role"); role != "" {
			r, ok := accord.ParseRole(role)
			if !ok {
				c.Errorf("role", "unknown role %q: want one of %s", role, roleNames())
				k.refused = append(k.refused, "role")
			}
			f.Role = r
		}
		f.Normalize()
		checkRecord(c, f.Validate(), k.refused...)
		return f
	},
	Store: func(ctx context.Context, st accord.Store, who string, recs []accord.FocalPoint) (accord.ImportCounts, error) {
		return st.SaveFocalPoints(ctx, recs, who)
	},
	List: func(ctx context.Context, st accord.Store) ([]accord.FocalPoint, error) {
		return st.FocalPoints(ctx, accord.FocalPointFilter{})
	},
	Row: func(f accord.FocalPoint) map[string]string {
		return map[string]string{"country": f.Country, "instrument": f.Instrument, "role": string(f.Role), "title": f.Title, "name": f.Name,
			"position": f.Position, "organization": f.Organization, "address": f.Address, "phone": f.Phone, "email": f.Email, "designated": f.Designated}
	},
})

func roleNames() string {
	var out []string
	for _, r := range accord.Roles {
		out = append(out, string(r.Role))
	}
	return strings.Join(out, ", ")
}

var memberships = New("memberships", "each country's signature, ratification (or accession, …) and withdrawal of each instrument",
	[]string{"country", "instrument", "signature", "consent", "consent_date", "entry_into_force", "withdrawal", "source"}, Codec[accord.Membership]{
		Parse: func(c *Checker) accord.Membership {
			k := codes{c: c}
			m := accord.Membership{Country: k.country("country"), Instrument: k.instrument("instrument"), Signed: c.Get("signature"),
				Consent: accord.Consent(c.Get("consent")), ConsentOn: c.Get("consent_date"), InForce: c.Get("entry_into_force"),
				Withdrawn: c.Get("withdrawal"), Source: c.Get("source")}
			m.Normalize()
			checkRecord(c, m.Validate(), k.refused...)
			return m
		},
		Store: func(ctx context.Context, st accord.Store, who string, recs []accord.Membership) (accord.ImportCounts, error) {
			return st.SaveMemberships(ctx, recs, who)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Membership, error) {
			return st.Memberships(ctx, "")
		},
		Row: func(m accord.Membership) map[string]string {
			return map[string]string{"country": m.Country, "instrument": m.Instrument, "signature": m.Signed, "consent": string(m.Consent),
				"consent_date": m.ConsentOn, "entry_into_force": m.InForce, "withdrawal": m.Withdrawn, "source": m.Source}
		},
	})

var coordination = New("coordination", "national institutions that coordinate a country's work under several instruments",
	[]string{"country", "institution", "instruments", "mechanism", "source"}, Codec[accord.Coordination]{
		Parse: func(c *Checker) accord.Coordination {
			k := codes{c: c}
			co := accord.Coordination{Country: k.country("country"), Institution: c.Get("institution"), Mechanism: c.Get("mechanism"), Source: c.Get("source")}
			for _, in := range c.List("instruments") {
				id, ok := accord.LookupInstrument(in)
				if !ok {
					c.Errorf("instruments", "unknown instrument %q", in)
					k.refused = append(k.refused, "instruments")
					continue
				}
				co.Instruments = append(co.Instruments, id.ID)
			}
			co.Normalize()
			checkRecord(c, co.Validate(), k.refused...)
			return co
		},
		Store: func(ctx context.Context, st accord.Store, who string, recs []accord.Coordination) (accord.ImportCounts, error) {
			return st.SaveCoordinations(ctx, recs, who)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Coordination, error) {
			return st.Coordinations(ctx, "")
		},
		Row: func(co accord.Coordination) map[string]string {
			return map[string]string{"country": co.Country, "institution": co.Institution, "instruments": strings.Join(co.Instruments, ListSep),
				"mechanism": co.Mechanism, "source": co.Source}
		},
	})

var centres = New("centres", "the regional centres of the Basel and Stockholm Conventions",
	[]string{"id", "name", "host_country", "city", "conventions", "countries_served", "closed", "focal_centre", "documents", "source"}, Codec[accord.Centre]{
		Parse: func(c *Checker) accord.Centre {
			k := codes{c: c}
			ce := accord.Centre{ID: c.Required("id"), Name: c.Get("name"), HostCountry: k.country("host_country"), City: c.Get("city"),
				Conventions: c.List("conventions"), Closed: c.Get("closed"), Source: c.URL("source")}
			for _, v := range c.List("countries_served") {
				country, ok, _ := registry.LookupCountry(v)
				if !ok {
					c.Errorf("countries_served", "unknown country %q: want ISO 3166-1 codes such as KE|TZ", v)
					k.refused = append(k.refused, "countries_served")
					continue
				}
				ce.CountriesServed = append(ce.CountriesServed, country.Alpha2)
			}
			switch strings.ToLower(c.Get("focal_centre")) {
			case "yes", "true", "1":
				ce.FocalCentre = true
			case "", "no", "false", "0":
			default:
				c.Errorf("focal_centre", "%q: want yes or no", c.Get("focal_centre"))
			}
			for _, v := range c.List("documents") {
				d, err := accord.ParseCentreDocument(v)
				if err != nil {
					checkRecord(c, err)
					k.refused = append(k.refused, "documents")
					continue
				}
				ce.Documents = append(ce.Documents, d)
			}
			ce.Normalize()
			refused := k.refused
			if c.Get("id") == "" {
				refused = append(refused, "id")
			}
			checkRecord(c, ce.Validate(), refused...)
			return ce
		},
		Store: func(ctx context.Context, st accord.Store, who string, recs []accord.Centre) (accord.ImportCounts, error) {
			return st.SaveCentres(ctx, recs, who)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Centre, error) { return st.Centres(ctx) },
		Row: func(ce accord.Centre) map[string]string {
			var docs []string
			for _, d := range ce.Documents {
				docs = append(docs, d.String())
			}
			focal := "no"
			if ce.FocalCentre {
				focal = "yes"
			}
			return map[string]string{"id": ce.ID, "name": ce.Name, "host_country": ce.HostCountry, "city": ce.City,
				"conventions": strings.Join(ce.Conventions, ListSep), "countries_served": strings.Join(ce.CountriesServed, ListSep),
				"closed": ce.Closed, "focal_centre": focal, "documents": strings.Join(docs, ListSep), "source": ce.Source}
		},
	})
