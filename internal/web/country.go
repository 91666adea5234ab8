package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/country"
	"github.com/accordmea/accord/internal/registry"
)

type countriesPage struct {
	page
	Group, Words string
	Groups       []accord.RegionalGroup
	List         []country.Row
}

// countries lists the countries of ISO 3166-1, by regional group.
func (s *Server) countries(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := countriesPage{page: s.page(r, "Countries"), Group: q.Get("group"), Words: q.Get("q"), Groups: registry.RegionalGroups()}
	var err error
	if p.List, err = country.List(r.Context(), s.store, p.Group, p.Words, time.Now()); err != nil {
		return err
	}
	for _, g := range p.Groups {
		if g.ID == p.Group {
			p.Title = "Countries of the " + g.Name
		}
	}
	return s.render(w, http.StatusOK, "countries", p)
}

type countryPage struct {
	page
	P          country.Profile
	Members    []membershipView
	Focal      []focalView
	Gaps       []gapView
	Asks       []asksView
	Statuses   []accord.Status
	Coord      []coordView
	SignedIn   bool
	AnyHidden  bool
	GroupQuery string
}

type membershipView struct {
	accord.Membership
	Name, Standing string
}

type focalView struct {
	accord.FocalPoint
	InstrumentName, RoleName string
}

type gapView struct {
	InstrumentName, RoleName, Source string
}

type asksView struct {
	Instrument, Name string
	Cells            []asksCell
	Total            int
	Href             string
}

type asksCell struct {
	N    int
	Href string
}

type coordView struct {
	accord.Coordination
	Names []string
}

// standing says in a word what a membership makes its country on day.
func standing(m accord.Membership, day time.Time) string {
	switch {
	case m.Party(day):
		return "Party"
	case m.Withdrawn != "":
		return "withdrew"
	default:
		return "signatory"
	}
}

// partyMandatesHref is the mandate board of what instrument's decisions
// ask of Parties, of status st when it is not "".
func partyMandatesHref(instrument string, st accord.Status) string {
	q := url.Values{"instrument": {instrument}, "actor": {"parties"}}
	if st != "" {
		q.Set("status", string(st))
	}
	return "/mandates?" + q.Encode()
}

// country shows one country across the instruments.
func (s *Server) country(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	c, err := country.Lookup(code)
	if err != nil {
		return err
	}
	if c.Alpha2 != code {
		http.Redirect(w, r, "/countries/"+c.Alpha2, http.StatusMovedPermanently)
		return nil
	}
	v := visitorOf(r)
	now := time.Now()
	prof, err := country.Load(r.Context(), s.store, c.Alpha2, now, v.ok)
	if err != nil {
		return err
	}
	p := countryPage{page: s.page(r, c.Name), P: prof, Statuses: accord.Statuses, SignedIn: v.ok}
	for _, m := range prof.Memberships {
		p.Members = append(p.Members, membershipView{m, accord.InstrumentName(m.Instrument), standing(m, now)})
	}
	for _, f := range prof.FocalPoints {
		p.Focal = append(p.Focal, focalView{f, accord.InstrumentName(f.Instrument), accord.RoleName(f.Role)})
		p.AnyHidden = p.AnyHidden || f.Hidden
	}
	for _, g := range prof.Gaps {
		p.Gaps = append(p.Gaps, gapView{accord.InstrumentName(g.Instrument), accord.RoleName(g.Role), g.Source})
	}
	for _, a := range prof.Asks {
		av := asksView{Instrument: a.Instrument, Name: accord.InstrumentName(a.Instrument), Total: a.Total, Href: partyMandatesHref(a.Instrument, "")}
		for _, st := range accord.Statuses {
			av.Cells = append(av.Cells, asksCell{a.ByStatus[st], partyMandatesHref(a.Instrument, st)})
		}
		p.Asks = append(p.Asks, av)
	}
	for _, co := range prof.Coordination {
		cv := coordView{Coordination: co}
		for _, in := range co.Instruments {
			cv.Names = append(cv.Names, accord.InstrumentName(in))
		}
		p.Coord = append(p.Coord, cv)
	}
	return s.render(w, http.StatusOK, "country", p)
}

// countryNames names the countries of codes, for a centre's page.
func countryNames(codes []string) []countryLink {
	out := make([]countryLink, 0, len(codes))
	for _, c := range codes {
		out = append(out, countryLink{c, country.Name(c)})
	}
	return out
}

type countryLink struct{ Code, Name string }

type centresPage struct {
	page
	List []centreView
}

type centreView struct {
	accord.Centre
	Host        countryLink
	Conventions string
}

func viewCentre(c accord.Centre) centreView {
	var names []string
	for _, in := range c.Conventions {
		names = append(names, accord.InstrumentName(in))
	}
	return centreView{c, countryLink{c.HostCountry, country.Name(c.HostCountry)}, strings.Join(names, ", ")}
}

// centres lists the regional centres.
func (s *Server) centres(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.store.Centres(r.Context())
	if err != nil {
		return err
	}
	p := centresPage{page: s.page(r, "Regional centres")}
	for _, c := range cs {
		p.List = append(p.List, viewCentre(c))
	}
	return s.render(w, http.StatusOK, "centres", p)
}

type centrePage struct {
	page
	C        centreView
	Served   []countryLink
	Docs     []centreDocView
	Mandates []accord.Mandate
	// About are the mandates on regional centres of its conventions.
	About     []accord.Mandate
	AboutHref string
}

type centreDocView struct {
	accord.CentreDocument
	Href string
}

// centreMandates is how many mandates a centre's page lists of each kind.
const centreMandates = 20

// centre shows a regional centre: its host, conventions and countries,
// its documents and the mandates that name it or the regional centres of
// its conventions.
func (s *Server) centre(w http.ResponseWriter, r *http.Request) error {
	c, err := s.store.Centre(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	p := centrePage{page: s.page(r, c.Name), C: viewCentre(c), Served: countryNames(c.CountriesServed)}
	for _, d := range c.Documents {
		href := d.Ref
		if !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "http://") {
			href = "/search?q=" + url.QueryEscape(`"`+d.Ref+`"`)
		}
		p.Docs = append(p.Docs, centreDocView{d, href})
	}
	if p.Mandates, err = s.store.Mandates(r.Context(), accord.MandateFilter{Mentions: c.Name, Limit: centreMandates}); err != nil {
		return err
	}
	for _, in := range c.Conventions {
		ms, err := s.store.Mandates(r.Context(), accord.MandateFilter{Instrument: in, Mentions: "regional centres", Limit: centreMandates})
		if err != nil {
			return err
		}
		p.About = append(p.About, ms...)
	}
	p.AboutHref = "/mandates?" + url.Values{"mentions": {"regional centres"}}.Encode()
	return s.render(w, http.StatusOK, "centre", p)
}
