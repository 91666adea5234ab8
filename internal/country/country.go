// Package country gathers what accord knows of one country across the
// instruments: its memberships, its focal points by role, the focal points
// its instruments require and it has not designated (its gaps), what the
// decisions of those instruments ask of Parties, its national coordination
// and the regional centres it hosts or is served by. The pages and the API
// show the same Profile, with personal contact details withheld by one
// rule (Visible).
//
// It reads an accord.Store and the bundled registry; it must not import a
// store package or net/http.
package country

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// Profile is one country across the instruments.
type Profile struct {
	Country accord.Country
	// Group is its UN regional group; empty for a country in none.
	Group       accord.RegionalGroup
	Memberships []accord.Membership
	// FocalPoints are by instrument, role and name, their contact
	// details withheld as Visible says.
	FocalPoints []accord.FocalPoint
	// Gaps are the roles the instruments it is Party to require and it
	// has designated no one for.
	Gaps         []accord.RequiredRole
	Asks         []Asks
	Coordination []accord.Coordination
	// Hosted are the regional centres it hosts; ServedBy those whose
	// list of countries served names it.
	Hosted, ServedBy []accord.Centre
}

// Asks counts the mandates that the decisions of one instrument the
// country is Party to address to Parties, by status.
type Asks struct {
	Instrument string
	ByStatus   map[accord.Status]int
	Total      int
}

// Lookup returns the country code names (an alpha-2, alpha-3 or numeric
// code, or a name), or an error wrapping accord.ErrNotFound.
func Lookup(code string) (accord.Country, error) {
	c, ok, err := registry.LookupCountry(code)
	if err != nil {
		return c, err
	}
	if !ok {
		return c, fmt.Errorf("country %q: %w", code, accord.ErrNotFound)
	}
	return c, nil
}

// Load makes the profile of the country of alpha-2 code as of day, for a
// reader signed in or not.
func Load(ctx context.Context, st accord.Store, code string, day time.Time, signedIn bool) (Profile, error) {
	c, err := Lookup(code)
	if err != nil {
		return Profile{}, err
	}
	p := Profile{Country: c}
	p.Group, _ = registry.GroupOf(c.Alpha2)
	if p.Memberships, err = st.Memberships(ctx, c.Alpha2); err != nil {
		return p, err
	}
	fps, err := st.FocalPoints(ctx, accord.FocalPointFilter{Country: c.Alpha2})
	if err != nil {
		return p, err
	}
	if p.FocalPoints, err = Visible(ctx, st, fps, signedIn); err != nil {
		return p, err
	}
	p.Gaps = Gaps(p.Memberships, fps, day)
	var parties []string
	for _, m := range p.Memberships {
		if m.Party(day) {
			parties = append(parties, m.Instrument)
		}
	}
	// A Party of basel is asked by the decisions the conferences of the
	// Parties to Basel, Rotterdam and Stockholm adopt jointly (brs).
	parties = accord.WithJoint(parties)
	counts, err := st.PartyMandates(ctx, parties)
	if err != nil {
		return p, err
	}
	for _, in := range parties {
		a := Asks{Instrument: in, ByStatus: counts[in]}
		for _, n := range a.ByStatus {
			a.Total += n
		}
		p.Asks = append(p.Asks, a)
	}
	if p.Coordination, err = st.Coordinations(ctx, c.Alpha2); err != nil {
		return p, err
	}
	centres, err := st.Centres(ctx)
	if err != nil {
		return p, err
	}
	for _, ce := range centres {
		if ce.HostCountry == c.Alpha2 {
			p.Hosted = append(p.Hosted, ce)
		} else if slices.Contains(ce.CountriesServed, c.Alpha2) {
			p.ServedBy = append(p.ServedBy, ce)
		}
	}
	return p, nil
}

// Gaps lists, for each instrument a membership makes its country Party
// to on day, the required roles (accord.RequiredRoles) that none of fps
// holds.
func Gaps(ms []accord.Membership, fps []accord.FocalPoint, day time.Time) []accord.RequiredRole {
	held := map[string]bool{}
	for _, f := range fps {
		held[f.Instrument+" "+string(f.Role)] = true
	}
	var out []accord.RequiredRole
	for _, m := range ms {
		if !m.Party(day) {
			continue
		}
		for _, r := range accord.RequiredRoles {
			if r.Instrument == m.Instrument && !held[r.Instrument+" "+string(r.Role)] {
				out = append(out, r)
			}
		}
	}
	return out
}

// Visible is fps as a reader sees them: whole for a signed-in reader;
// for anyone else, whole only where an admin published the instrument's
// contacts, and without title, name, phone and email elsewhere.
func Visible(ctx context.Context, st accord.Store, fps []accord.FocalPoint, signedIn bool) ([]accord.FocalPoint, error) {
	if signedIn {
		return fps, nil
	}
	published, err := st.PublishedContacts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]accord.FocalPoint, len(fps))
	for i, f := range fps {
		if published[f.Instrument] {
			out[i] = f
		} else {
			out[i] = f.Anonymous()
		}
	}
	return out, nil
}

// Row is one country of the list of countries.
type Row struct {
	Country accord.Country
	Group   accord.RegionalGroup
	accord.CountrySummary
}

// List lists the countries of ISO 3166-1 by name, with what the store
// holds of each, those of the regional group group when it is not ""
// and those whose name or code holds words when it is not "".
func List(ctx context.Context, st accord.Store, group, words string, day time.Time) ([]Row, error) {
	if group != "" && !slices.ContainsFunc(registry.RegionalGroups(), func(g accord.RegionalGroup) bool { return g.ID == group }) {
		return nil, fmt.Errorf("%w: regional group %q: want one of %s", accord.ErrInvalid, group, groupIDs())
	}
	cs, err := registry.Countries()
	if err != nil {
		return nil, err
	}
	sums, err := st.CountrySummaries(ctx, day)
	if err != nil {
		return nil, err
	}
	words = strings.ToLower(strings.TrimSpace(words))
	var out []Row
	for _, c := range cs {
		g, _ := registry.GroupOf(c.Alpha2)
		if group != "" && g.ID != group {
			continue
		}
		if words != "" && !strings.Contains(strings.ToLower(c.Name+" "+c.OfficialName), words) && strings.ToLower(c.Alpha2) != words && strings.ToLower(c.Alpha3) != words {
			continue
		}
		out = append(out, Row{Country: c, Group: g, CountrySummary: sums[c.Alpha2]})
	}
	slices.SortFunc(out, func(a, b Row) int { return strings.Compare(a.Country.Name, b.Country.Name) })
	return out, nil
}

func groupIDs() string {
	var ids []string
	for _, g := range registry.RegionalGroups() {
		ids = append(ids, g.ID)
	}
	return strings.Join(ids, ", ")
}

// Name is the name of the country of alpha-2 code, or the code when ISO
// 3166-1 does not assign it.
func Name(code string) string {
	if c, ok, _ := registry.LookupCountry(code); ok && c.Alpha2 == code {
		return c.Name
	}
	return code
}
