package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
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
	// Editable are the instruments whose focal points and memberships
	// the reader may change (none when not signed in), Roles and
	// Consents the values the forms offer, Admin whether the reader may
	// publish contacts, Published the instruments whose contacts are.
	Editable   []instrumentChoice
	Roles      []roleChoice
	Consents   []accord.Consent
	Admin      bool
	Published  []instrumentChoice
	Error      string
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
	CanEdit                  bool
}

type roleChoice struct {
	ID   accord.FocalRole
	Name string
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
	p, err := s.countryPage(r, c.Alpha2, "")
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "country", p)
}

// countryPage makes the page of the country of alpha-2 code, with errMsg
// above its forms when a form was refused.
func (s *Server) countryPage(r *http.Request, code, errMsg string) (countryPage, error) {
	v := visitorOf(r)
	now := time.Now()
	prof, err := country.Load(r.Context(), s.store, code, now, v.ok)
	if err != nil {
		return countryPage{}, err
	}
	p := countryPage{page: s.page(r, prof.Country.Name), P: prof, Statuses: accord.Statuses, SignedIn: v.ok, Error: errMsg,
		Consents: accord.Consents, Admin: v.ok && v.user.Role == accord.RoleAdmin}
	if v.ok {
		for _, in := range accord.KnownInstruments() {
			if v.user.CanEdit(in.ID) {
				p.Editable = append(p.Editable, instrumentChoice{in.ID, in.Short})
			}
		}
		for _, rl := range accord.Roles {
			p.Roles = append(p.Roles, roleChoice{rl.Role, rl.Name})
		}
	}
	if p.Admin {
		pub, err := s.store.PublishedContacts(r.Context())
		if err != nil {
			return p, err
		}
		for _, in := range accord.KnownInstruments() {
			if pub[in.ID] {
				p.Published = append(p.Published, instrumentChoice{in.ID, in.Short})
			}
		}
	}
	for _, m := range prof.Memberships {
		p.Members = append(p.Members, membershipView{m, accord.InstrumentName(m.Instrument), standing(m, now)})
	}
	for _, f := range prof.FocalPoints {
		p.Focal = append(p.Focal, focalView{f, accord.InstrumentName(f.Instrument), accord.RoleName(f.Role), v.ok && v.user.CanEdit(f.Instrument)})
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
	return p, nil
}

// countryForm checks a form posted to a country's page: a signed-in
// reader's, with the session's token, about an ISO 3166-1 country.
func countryForm(w http.ResponseWriter, r *http.Request) (accord.Country, visitor, error) {
	v, err := checkForm(w, r)
	if err != nil {
		return accord.Country{}, v, err
	}
	c, err := country.Lookup(r.PathValue("code"))
	if err == nil && c.Alpha2 != r.PathValue("code") {
		err = accord.ErrNotFound
	}
	return c, v, err
}

// afterCountryForm answers a form of a country's page: back to the page
// when it was done, the page with the reason when the store refused it.
func (s *Server) afterCountryForm(w http.ResponseWriter, r *http.Request, code string, err error) error {
	if errors.Is(err, accord.ErrInvalid) || errors.Is(err, accord.ErrConflict) {
		p, perr := s.countryPage(r, code, strings.TrimPrefix(strings.TrimPrefix(err.Error(), "invalid: "), "conflict: "))
		if perr != nil {
			return perr
		}
		return s.render(w, http.StatusBadRequest, "country", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/countries/"+code+"#focal-points", http.StatusSeeOther)
	return nil
}

// saveCountryForm runs save, the change a form of the country code's page
// asks for, when v may change what of instrument, and answers as
// afterCountryForm does.
func (s *Server) saveCountryForm(w http.ResponseWriter, r *http.Request, code string, v visitor, instrument, what string, save func() error) error {
	if !v.user.CanEdit(instrument) {
		return fmt.Errorf("%w: %s may not change %s of %s", accord.ErrForbidden, v.user.Name, what, instrument)
	}
	return s.afterCountryForm(w, r, code, save())
}

// addFocalPoint takes the form that adds a focal point of a country, from
// an editor of its instrument.
func (s *Server) addFocalPoint(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	fp := accord.FocalPoint{Country: c.Alpha2, Instrument: f.Get("instrument"), Role: accord.FocalRole(f.Get("role")), Title: f.Get("title"),
		Name: f.Get("name"), Position: f.Get("position"), Organization: f.Get("organization"), Address: f.Get("address"),
		Phone: f.Get("phone"), Email: f.Get("email"), Designated: f.Get("designated")}
	fp.Normalize()
	return s.saveCountryForm(w, r, c.Alpha2, v, fp.Instrument, "focal points", func() error {
		_, err := s.store.SaveFocalPoints(r.Context(), []accord.FocalPoint{fp}, v.user.Name)
		return err
	})
}

// deleteFocalPoint takes the form that deletes a focal point, from an
// editor of its instrument.
func (s *Server) deleteFocalPoint(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PostForm.Get("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: focal point %q", accord.ErrInvalid, r.PostForm.Get("id"))
	}
	fp, err := s.store.FocalPoint(r.Context(), id)
	if err != nil {
		return err
	}
	if fp.Country != c.Alpha2 {
		return accord.ErrNotFound
	}
	return s.saveCountryForm(w, r, c.Alpha2, v, fp.Instrument, "focal points", func() error {
		return s.store.DeleteFocalPoint(r.Context(), id, v.user.Name)
	})
}

// saveMembership takes the form that records a country's membership of an
// instrument, from an editor of the instrument.
func (s *Server) saveMembership(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	m := accord.Membership{Country: c.Alpha2, Instrument: f.Get("instrument"), Signed: f.Get("signature"), Consent: accord.Consent(f.Get("consent")),
		ConsentOn: f.Get("consent_date"), InForce: f.Get("entry_into_force"), Withdrawn: f.Get("withdrawal"), Source: f.Get("source")}
	m.Normalize()
	return s.saveCountryForm(w, r, c.Alpha2, v, m.Instrument, "memberships", func() error {
		_, err := s.store.SaveMemberships(r.Context(), []accord.Membership{m}, v.user.Name)
		return err
	})
}

// publishContacts takes an admin's form that publishes or withdraws the
// contact details of an instrument's focal points.
func (s *Server) publishContacts(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	if v.user.Role != accord.RoleAdmin {
		return fmt.Errorf("%w: publishing contact details is for admins", accord.ErrForbidden)
	}
	err = s.store.PublishContacts(r.Context(), r.PostForm.Get("instrument"), r.PostForm.Get("published") == "yes", v.user.Name)
	return s.afterCountryForm(w, r, c.Alpha2, err)
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
	// CanEdit says the reader may change the centre: an editor of every
	// convention it serves. Docs are its documents one a line, for the
	// form.
	CanEdit  bool
	DocLines string
	Error    string
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
	p, err := s.centrePage(r, c, "")
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "centre", p)
}

func (s *Server) centrePage(r *http.Request, c accord.Centre, errMsg string) (centrePage, error) {
	v := visitorOf(r)
	p := centrePage{page: s.page(r, c.Name), C: viewCentre(c), Served: countryNames(c.CountriesServed), Error: errMsg, CanEdit: v.ok && canEditCentre(v.user, c)}
	var lines []string
	for _, d := range c.Documents {
		href := d.Ref
		if !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "http://") {
			href = documentHref(d.Ref)
		}
		p.Docs = append(p.Docs, centreDocView{d, href})
		lines = append(lines, d.String())
	}
	p.DocLines = strings.Join(lines, "\n")
	var err error
	if p.Mandates, err = s.store.Mandates(r.Context(), accord.MandateFilter{Mentions: c.Name, Limit: centreMandates}); err != nil {
		return p, err
	}
	for _, in := range accord.WithJoint(c.Conventions) {
		ms, err := s.store.Mandates(r.Context(), accord.MandateFilter{Instrument: in, Mentions: "regional centres", Limit: centreMandates})
		if err != nil {
			return p, err
		}
		p.About = append(p.About, ms...)
	}
	p.AboutHref = "/mandates?" + url.Values{"mentions": {"regional centres"}}.Encode()
	return p, nil
}

// canEditCentre reports whether u may change centre c: an editor of
// every convention it serves.
func canEditCentre(u accord.User, c accord.Centre) bool {
	for _, in := range c.Conventions {
		if !u.CanEdit(in) {
			return false
		}
	}
	return true
}

// updateCentre takes the form of a centre's page: an editor of its
// conventions marks it a focal centre or not and lists its work
// programmes and reports.
func (s *Server) updateCentre(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	c, err := s.store.Centre(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	if !canEditCentre(v.user, c) {
		return fmt.Errorf("%w: %s may not change centres of %s", accord.ErrForbidden, v.user.Name, strings.Join(c.Conventions, " and "))
	}
	changed := c
	changed.FocalCentre = r.PostForm.Get("focal_centre") == "yes"
	changed.Documents = nil
	for _, line := range strings.Split(r.PostForm.Get("documents"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, perr := accord.ParseCentreDocument(line)
		if perr != nil {
			err = perr
			break
		}
		changed.Documents = append(changed.Documents, d)
	}
	if err == nil {
		_, err = s.store.SaveCentres(r.Context(), []accord.Centre{changed}, v.user.Name)
	}
	if errors.Is(err, accord.ErrInvalid) {
		p, perr := s.centrePage(r, c, strings.TrimPrefix(err.Error(), "invalid: "))
		if perr != nil {
			return perr
		}
		return s.render(w, http.StatusBadRequest, "centre", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/centres/"+c.ID, http.StatusSeeOther)
	return nil
}
