package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/country"
	"github.com/accordmea/accord/internal/registry"
)

type countriesPage struct {
	page
	Group, Words string
	Groups       []accord.RegionalGroup
	// Instrument keeps the countries with a membership of it, whose
	// standing each row says; Instruments are those the filter offers.
	Instrument  string
	Instruments []instrumentChoice
	List        []countryRow
}

// countryRow is a country in the list, with its standing in the
// instrument the list is filtered by.
type countryRow struct {
	country.Row
	Standing string
}

// countries lists the countries of ISO 3166-1, by regional group, and by
// their memberships of an instrument.
func (s *Server) countries(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := countriesPage{page: s.page(r, "Countries"), Group: q.Get("group"), Words: q.Get("q"), Groups: registry.RegionalGroups()}
	if in := q.Get("instrument"); in != "" {
		i, ok := accord.LookupInstrument(in)
		if !ok {
			return fmt.Errorf("%w: instrument %q is not an instrument accord knows", accord.ErrInvalid, in)
		}
		p.Instrument = i.ID
	}
	now := time.Now()
	rows, err := country.List(r.Context(), s.store, p.Group, p.Words, now)
	if err != nil {
		return err
	}
	standings := map[string]string{}
	if p.Instrument != "" {
		ms, err := s.store.Memberships(r.Context(), "")
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Instrument == p.Instrument {
				standings[m.Country] = standing(m, now)
			}
		}
	}
	for _, row := range rows {
		st, ok := standings[row.Country.Alpha2]
		if p.Instrument == "" || ok {
			p.List = append(p.List, countryRow{row, st})
		}
	}
	for _, in := range accord.KnownInstruments() {
		p.Instruments = append(p.Instruments, instrumentChoice{in.ID, in.Short})
	}
	for _, g := range p.Groups {
		if g.ID == p.Group {
			p.Title = "Countries of the " + g.Name
		}
	}
	if p.Instrument != "" {
		p.Title += " with a membership of the " + accord.InstrumentName(p.Instrument)
	}
	return s.render(w, http.StatusOK, "countries", p)
}

// focalPointsPage lists the focal points the filters select, across
// countries, a page at a time; names and contacts as the reader may see
// them.
type focalPointsPage struct {
	page
	F           accord.FocalPointFilter
	Country     string // as typed
	Instruments []instrumentChoice
	Roles       []roleChoice
	List        []focalView
	AnyHidden   bool
	SignedIn    bool
	Pager       pager
}

// focalPoints lists the focal points by country, instrument and role.
func (s *Server) focalPoints(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	v := visitorOf(r)
	p := focalPointsPage{page: s.page(r, "Focal points and authorities"), Country: strings.TrimSpace(q.Get("country")), SignedIn: v.ok}
	if in := q.Get("instrument"); in != "" {
		i, ok := accord.LookupInstrument(in)
		if !ok {
			return fmt.Errorf("%w: instrument %q is not an instrument accord knows", accord.ErrInvalid, in)
		}
		p.F.Instrument = i.ID
	}
	if rl := q.Get("role"); rl != "" {
		role, ok := accord.ParseRole(rl)
		if !ok {
			return fmt.Errorf("%w: role %q is not a role accord knows", accord.ErrInvalid, rl)
		}
		p.F.Role = role
	}
	if p.Country != "" {
		c, err := country.Lookup(p.Country)
		if err != nil {
			return fmt.Errorf("%w: country %q is not a country of ISO 3166-1", accord.ErrInvalid, p.Country)
		}
		p.F.Country = c.Alpha2
	}
	n, err := pageParam(q)
	if err != nil {
		return err
	}
	f := p.F
	f.Limit, f.Offset = listPageSize+1, (n-1)*listPageSize
	fps, err := s.store.FocalPoints(r.Context(), f)
	if err != nil {
		return err
	}
	more := len(fps) > listPageSize
	if more {
		fps = fps[:listPageSize]
	}
	p.Pager = pagerOf(r, n, more)
	if fps, err = country.Visible(r.Context(), s.store, fps, v.ok); err != nil {
		return err
	}
	for _, fp := range fps {
		p.List = append(p.List, focalView{fp, accord.InstrumentName(fp.Instrument), accord.RoleName(fp.Role), v.ok && v.user.CanEdit(fp.Instrument), country.Name(fp.Country)})
		p.AnyHidden = p.AnyHidden || fp.Hidden
	}
	for _, in := range accord.KnownInstruments() {
		p.Instruments = append(p.Instruments, instrumentChoice{in.ID, in.Short})
	}
	for _, rl := range accord.Roles {
		p.Roles = append(p.Roles, roleChoice{rl.Role, rl.Name})
	}
	return s.render(w, http.StatusOK, "focalpoints", p)
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
	// FocalForm, MemberForm and CoordForm are the records the forms
	// change, when the reader asked to change one (?focal-point=ID,
	// ?membership=ID, ?coordination=ID); zero, the forms add one.
	// CoordChoices are the instruments a coordination may name.
	FocalForm    accord.FocalPoint
	MemberForm   accord.Membership
	CoordForm    accord.Coordination
	CoordChoices []coordChoice
}

type membershipView struct {
	accord.Membership
	Name, Standing string
	CanEdit        bool
}

type coordChoice struct {
	instrumentChoice
	Checked bool
}

type focalView struct {
	accord.FocalPoint
	InstrumentName, RoleName string
	CanEdit                  bool
	CountryName              string // in lists across countries
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
	Names   []string
	CanEdit bool
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
		p.Members = append(p.Members, membershipView{m, accord.InstrumentName(m.Instrument), standing(m, now), v.ok && v.user.CanEdit(m.Instrument)})
	}
	for _, f := range prof.FocalPoints {
		p.Focal = append(p.Focal, focalView{f, accord.InstrumentName(f.Instrument), accord.RoleName(f.Role), v.ok && v.user.CanEdit(f.Instrument), ""})
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
		cv := coordView{Coordination: co, CanEdit: v.ok && canEditAll(v.user, co.Instruments)}
		for _, in := range co.Instruments {
			cv.Names = append(cv.Names, accord.InstrumentName(in))
		}
		p.Coord = append(p.Coord, cv)
	}
	if err := s.countryForms(r, &p, v); err != nil {
		return p, err
	}
	return p, nil
}

// countryForms fills the forms of a country's page with the record the
// reader asked to change, one of the country's that the reader may
// change; another is not found.
func (s *Server) countryForms(r *http.Request, p *countryPage, v visitor) error {
	q, ctx, code := r.URL.Query(), r.Context(), p.P.Country.Alpha2
	if id := q.Get("focal-point"); id != "" {
		f, err := countryRecord(ctx, id, code, v, s.store.FocalPoint, focalPointOf)
		if err != nil {
			return err
		}
		p.FocalForm = f
	}
	if id := q.Get("membership"); id != "" {
		m, err := countryRecord(ctx, id, code, v, s.store.Membership, membershipOf)
		if err != nil {
			return err
		}
		p.MemberForm = m
	}
	if id := q.Get("coordination"); id != "" {
		c, err := countryRecord(ctx, id, code, v, s.store.Coordination, coordinationOf)
		if err != nil {
			return err
		}
		p.CoordForm = c
	}
	for _, in := range p.Editable {
		p.CoordChoices = append(p.CoordChoices, coordChoice{in, slices.Contains(p.CoordForm.Instruments, in.ID)})
	}
	return nil
}

// countryRecord loads the record of country code whose number is id,
// with get, for a reader who may change it (v, an editor of every
// instrument owner says it is of): one of another country is not found,
// and a reader not signed in is sent to sign in.
func countryRecord[T any](ctx context.Context, id, code string, v visitor, get func(context.Context, int64) (T, error), owner func(T) (string, []string)) (T, error) {
	if !v.ok {
		var zero T
		return zero, errSignIn
	}
	rec, ins, err := recordOf(ctx, id, code, get, owner)
	if err == nil && !canEditAll(v.user, ins) {
		err = fmt.Errorf("%w: %s may not change this record of the %s", accord.ErrForbidden, v.user.Name, instrumentNames(ins))
	}
	return rec, err
}

// recordOf loads the record of country code whose number is id, with
// get, and the instruments it is of: owner says whose it is and of
// which instruments. One of another country is not found.
func recordOf[T any](ctx context.Context, id, code string, get func(context.Context, int64) (T, error), owner func(T) (string, []string)) (T, []string, error) {
	var zero T
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return zero, nil, fmt.Errorf("%w: id %q: want the number of a record", accord.ErrInvalid, id)
	}
	rec, err := get(ctx, n)
	if err != nil {
		return zero, nil, err
	}
	c, ins := owner(rec)
	if c != code {
		return zero, nil, accord.ErrNotFound
	}
	return rec, ins, nil
}

func membershipOf(m accord.Membership) (string, []string) { return m.Country, []string{m.Instrument} }

func coordinationOf(c accord.Coordination) (string, []string) { return c.Country, c.Instruments }

func focalPointOf(f accord.FocalPoint) (string, []string) { return f.Country, []string{f.Instrument} }

// canEditAll reports whether u may change records of every one of
// instruments.
func canEditAll(u accord.User, instruments []string) bool {
	for _, in := range instruments {
		if !u.CanEdit(in) {
			return false
		}
	}
	return true
}

// instrumentNames names instruments as a sentence does: "Basel
// Convention and Rotterdam Convention".
func instrumentNames(ins []string) string {
	names := make([]string, len(ins))
	for i, in := range ins {
		names[i] = accord.InstrumentName(in)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
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

// afterCountryForm answers a form of a country's page: back to the page's
// section anchor when it was done, the page with the reason when the
// store refused it.
func (s *Server) afterCountryForm(w http.ResponseWriter, r *http.Request, code, anchor string, err error) error {
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
	http.Redirect(w, r, "/countries/"+code+"#"+anchor, http.StatusSeeOther)
	return nil
}

// saveCountryForm runs save, the change a form of the country code's page
// asks for, when v may change what of every one of instruments, and
// answers as afterCountryForm does.
func (s *Server) saveCountryForm(w http.ResponseWriter, r *http.Request, code string, v visitor, instruments []string, what, anchor string, save func() error) error {
	if !canEditAll(v.user, instruments) {
		return fmt.Errorf("%w: %s may not change %s of the %s", accord.ErrForbidden, v.user.Name, what, instrumentNames(instruments))
	}
	return s.afterCountryForm(w, r, code, anchor, save())
}

// addFocalPoint takes the form that adds a focal point of a country, from
// an editor of its instrument.
func (s *Server) addFocalPoint(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	fp := focalPointForm(c, r.PostForm)
	return s.saveCountryForm(w, r, c.Alpha2, v, []string{fp.Instrument}, "focal points", "focal-points", func() error {
		_, err := s.store.SaveFocalPoints(r.Context(), []accord.FocalPoint{fp}, v.user.Name)
		return err
	})
}

// focalPointForm reads the focal point a form of country c's page gives.
func focalPointForm(c accord.Country, f url.Values) accord.FocalPoint {
	fp := accord.FocalPoint{Country: c.Alpha2, Instrument: f.Get("instrument"), Role: accord.FocalRole(f.Get("role")), Title: f.Get("title"),
		Name: f.Get("name"), Position: f.Get("position"), Organization: f.Get("organization"), Address: f.Get("address"),
		Phone: f.Get("phone"), Email: f.Get("email"), Designated: f.Get("designated")}
	fp.Normalize()
	return fp
}

// postedRecord reads the record of country c whose number a form
// posted, as recordOf does.
func postedRecord[T any](r *http.Request, c accord.Country, get func(context.Context, int64) (T, error), owner func(T) (string, []string)) (T, []string, error) {
	return recordOf(r.Context(), r.PostForm.Get("id"), c.Alpha2, get, owner)
}

// editFocalPoint takes the form that changes a focal point of a country,
// its name among its fields, from an editor of its instrument (and of
// the one it is moved to).
func (s *Server) editFocalPoint(w http.ResponseWriter, r *http.Request) error {
	return changeCountryRecord(s, w, r, "focal points", "focal-points", s.store.FocalPoint, focalPointOf,
		func(c accord.Country, f url.Values) (accord.FocalPoint, []string) {
			fp := focalPointForm(c, f)
			return fp, []string{fp.Instrument}
		},
		func(ctx context.Context, old, fp accord.FocalPoint, who string) error {
			_, err := s.store.UpdateFocalPoint(ctx, old.ID, fp, who)
			return err
		})
}

// deleteFocalPoint takes the form that deletes a focal point, from an
// editor of its instrument.
func (s *Server) deleteFocalPoint(w http.ResponseWriter, r *http.Request) error {
	return deleteCountryRecord(s, w, r, "focal points", "focal-points", s.store.FocalPoint, focalPointOf, func(ctx context.Context, f accord.FocalPoint, who string) error {
		return s.store.DeleteFocalPoint(ctx, f.ID, who)
	})
}

// deleteCountryRecord takes the form that deletes a record of a country
// (get finds it, owner says whose it is and of which instruments), from
// an editor of every one of its instruments, and answers with the
// page's section anchor.
func deleteCountryRecord[T any](s *Server, w http.ResponseWriter, r *http.Request, what, anchor string, get func(context.Context, int64) (T, error),
	owner func(T) (string, []string), del func(context.Context, T, string) error) error {
	return changeCountryRecord(s, w, r, what, anchor, get, owner, nil, func(ctx context.Context, old, _ T, who string) error { return del(ctx, old, who) })
}

// changeCountryRecord takes the form that changes a record of a country
// (get finds the one posted, owner says whose it is and of which
// instruments) into the one read makes of the form (with its
// instruments; nil read keeps the record, for a deletion), stored by
// save, from an editor of every instrument of both, and answers as
// afterCountryForm does.
func changeCountryRecord[T any](s *Server, w http.ResponseWriter, r *http.Request, what, anchor string, get func(context.Context, int64) (T, error),
	owner func(T) (string, []string), read func(accord.Country, url.Values) (T, []string), save func(ctx context.Context, old, rec T, who string) error) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	old, ins, err := postedRecord(r, c, get, owner)
	if err != nil {
		return err
	}
	rec := old
	if read != nil {
		var more []string
		rec, more = read(c, r.PostForm)
		ins = append(ins, more...)
	}
	return s.saveCountryForm(w, r, c.Alpha2, v, ins, what, anchor, func() error { return save(r.Context(), old, rec, v.user.Name) })
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
	return s.saveCountryForm(w, r, c.Alpha2, v, []string{m.Instrument}, "memberships", "memberships", func() error {
		_, err := s.store.SaveMemberships(r.Context(), []accord.Membership{m}, v.user.Name)
		return err
	})
}

// deleteMembership takes the form that deletes a membership, from an
// editor of its instrument.
func (s *Server) deleteMembership(w http.ResponseWriter, r *http.Request) error {
	return deleteCountryRecord(s, w, r, "memberships", "memberships", s.store.Membership, membershipOf, func(ctx context.Context, m accord.Membership, who string) error {
		return s.store.DeleteMembership(ctx, m.ID, who)
	})
}

// coordinationForm reads the coordination a form of country c's page
// gives.
func coordinationForm(c accord.Country, f url.Values) accord.Coordination {
	co := accord.Coordination{Country: c.Alpha2, Institution: f.Get("institution"), Instruments: f["instruments"],
		Mechanism: f.Get("mechanism"), Source: f.Get("source")}
	co.Normalize()
	return co
}

// saveCoordination takes the form that adds a national coordination of a
// country, or changes the one of the same institution, from an editor
// of every instrument it coordinates (and coordinated).
func (s *Server) saveCoordination(w http.ResponseWriter, r *http.Request) error {
	c, v, err := countryForm(w, r)
	if err != nil {
		return err
	}
	co := coordinationForm(c, r.PostForm)
	ins := slices.Clone(co.Instruments)
	cs, err := s.store.Coordinations(r.Context(), c.Alpha2)
	if err != nil {
		return err
	}
	for _, old := range cs {
		if old.Institution == co.Institution {
			ins = append(ins, old.Instruments...)
		}
	}
	return s.saveCountryForm(w, r, c.Alpha2, v, ins, "coordination", "coordination", func() error {
		_, err := s.store.SaveCoordinations(r.Context(), []accord.Coordination{co}, v.user.Name)
		return err
	})
}

// editCoordination takes the form that changes a national coordination,
// its institution among its fields, from an editor of every instrument
// it coordinated and coordinates.
func (s *Server) editCoordination(w http.ResponseWriter, r *http.Request) error {
	return changeCountryRecord(s, w, r, "coordination", "coordination", s.store.Coordination, coordinationOf,
		func(c accord.Country, f url.Values) (accord.Coordination, []string) {
			co := coordinationForm(c, f)
			return co, co.Instruments
		},
		func(ctx context.Context, old, co accord.Coordination, who string) error {
			_, err := s.store.UpdateCoordination(ctx, old.ID, co, who)
			return err
		})
}

// deleteCoordination takes the form that deletes a national
// coordination, from an editor of every instrument it coordinates.
func (s *Server) deleteCoordination(w http.ResponseWriter, r *http.Request) error {
	return deleteCountryRecord(s, w, r, "coordination", "coordination", s.store.Coordination, coordinationOf, func(ctx context.Context, co accord.Coordination, who string) error {
		return s.store.DeleteCoordination(ctx, co.ID, who)
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
	return s.afterCountryForm(w, r, c.Alpha2, "focal-points", err)
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
	// F selects the centres listed, of a convention and of a country
	// (Country, as typed); Conventions are those the filter offers.
	F           accord.CentreFilter
	Country     string
	Conventions []instrumentChoice
	List        []centreView
	// Add is the form that adds a centre, for an editor of a
	// convention that has centres; nil for other readers.
	Add *centreForm
}

// centreForm is what a centre's form holds: the centre, its documents
// one a line, the conventions the reader may choose, and why the form
// was refused.
type centreForm struct {
	C           accord.Centre
	DocLines    string
	Conventions []coordChoice
	Error       string
}

// centreFormOf is the form of centre c for v: the conventions v edits.
func centreFormOf(c accord.Centre, v visitor) *centreForm {
	f := &centreForm{C: c}
	var lines []string
	for _, d := range c.Documents {
		lines = append(lines, d.String())
	}
	f.DocLines = strings.Join(lines, "\n")
	for _, in := range accord.CentreConventions {
		if v.ok && v.user.CanEdit(in) {
			f.Conventions = append(f.Conventions, coordChoice{instrumentChoice{in, accord.InstrumentName(in)}, c.Serves(in)})
		}
	}
	return f
}

// readCentreForm reads a centre's form over c: a field the form does not
// hold keeps c's value.
func readCentreForm(c accord.Centre, f url.Values) (accord.Centre, error) {
	set := func(p *string, name string) {
		if _, ok := f[name]; ok {
			*p = f.Get(name)
		}
	}
	set(&c.Name, "name")
	set(&c.HostCountry, "host_country")
	set(&c.City, "city")
	set(&c.Closed, "closed")
	set(&c.Source, "source")
	if _, ok := f["countries_served"]; ok {
		c.CountriesServed = strings.FieldsFunc(f.Get("countries_served"), func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	}
	if _, ok := f["conventions"]; ok || f.Has("name") {
		c.Conventions = f["conventions"]
	}
	c.FocalCentre = f.Get("focal_centre") == "yes"
	c.Documents = nil
	for _, line := range strings.Split(f.Get("documents"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, err := accord.ParseCentreDocument(line)
		if err != nil {
			return c, err
		}
		c.Documents = append(c.Documents, d)
	}
	c.Normalize()
	return c, nil
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

// centresPage lists the regional centres, with the form that adds one
// for an editor of their conventions.
func (s *Server) centresPage(r *http.Request) (centresPage, error) {
	cs, err := s.store.Centres(r.Context())
	if err != nil {
		return centresPage{}, err
	}
	q := r.URL.Query()
	p := centresPage{page: s.page(r, "Regional centres"), Country: strings.TrimSpace(q.Get("country"))}
	if in := q.Get("convention"); in != "" {
		if !slices.Contains(accord.CentreConventions, in) {
			return p, fmt.Errorf("%w: convention %q: want basel or stockholm", accord.ErrInvalid, in)
		}
		p.F.Convention = in
	}
	if p.Country != "" {
		c, err := country.Lookup(p.Country)
		if err != nil {
			return p, fmt.Errorf("%w: country %q is not a country of ISO 3166-1", accord.ErrInvalid, p.Country)
		}
		p.F.Country = c.Alpha2
	}
	for _, in := range accord.CentreConventions {
		p.Conventions = append(p.Conventions, instrumentChoice{in, accord.InstrumentName(in)})
	}
	for _, c := range cs {
		if p.F.Match(c) {
			p.List = append(p.List, viewCentre(c))
		}
	}
	if f := centreFormOf(accord.Centre{}, visitorOf(r)); len(f.Conventions) > 0 {
		p.Add = f
	}
	return p, nil
}

// centres lists the regional centres.
func (s *Server) centres(w http.ResponseWriter, r *http.Request) error {
	p, err := s.centresPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "centres", p)
}

// addCentre takes the form of the list of centres: an editor of every
// convention a new centre serves adds it. An id stored already is a
// conflict; a refused form is given back as posted, with the reason.
func (s *Server) addCentre(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	c, err := readCentreForm(accord.Centre{ID: r.PostForm.Get("id")}, r.PostForm)
	if err == nil {
		err = c.Validate()
	}
	if err == nil && !canEditCentre(v.user, c) {
		return fmt.Errorf("%w: %s may not add centres of the %s", accord.ErrForbidden, v.user.Name, instrumentNames(c.Conventions))
	}
	if err == nil {
		err = absent(r.Context(), s.store.Centre, "centre", c.ID)
	}
	if err == nil {
		_, err = s.store.SaveCentres(r.Context(), []accord.Centre{c}, v.user.Name)
	}
	if status := formStatus(err); status != 0 {
		p, perr := s.centresPage(r)
		if perr != nil {
			return perr
		}
		if p.Add == nil {
			return err
		}
		p.Add.C, p.Add.DocLines, p.Add.Error = c, r.PostForm.Get("documents"), err.Error()
		for i := range p.Add.Conventions {
			p.Add.Conventions[i].Checked = c.Serves(p.Add.Conventions[i].ID)
		}
		return s.render(w, status, "centres", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/centres/"+c.ID, http.StatusSeeOther)
	return nil
}

// deleteCentre takes the delete button of a centre's page, from an editor
// of every convention it serves; the audit log keeps the centre.
func (s *Server) deleteCentre(w http.ResponseWriter, r *http.Request) error {
	v, c, err := s.postedCentre(w, r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteCentre(r.Context(), c.ID, v.user.Name); err != nil {
		return err
	}
	http.Redirect(w, r, "/centres", http.StatusSeeOther)
	return nil
}

// postedCentre reads the centre of a form's path and who posted it, an
// editor of every convention it serves.
func (s *Server) postedCentre(w http.ResponseWriter, r *http.Request) (visitor, accord.Centre, error) {
	return editableForm(w, r, "centres", s.store.Centre, func(c accord.Centre) []string { return c.Conventions })
}

type centrePage struct {
	page
	// CanEdit says the reader may change the centre: an editor of every
	// convention it serves. Docs are its documents one a line, for the
	// form.
	CanEdit  bool
	Form     *centreForm
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
	for _, d := range c.Documents {
		href := d.Ref
		if !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "http://") {
			href = documentHref(d.Ref)
		}
		p.Docs = append(p.Docs, centreDocView{d, href})
	}
	p.Form = centreFormOf(c, v)
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
// conventions (and of those it is to serve) changes its record: marks it
// a focal centre or not, lists its work programmes and reports, and
// corrects its name, host, countries and source.
func (s *Server) updateCentre(w http.ResponseWriter, r *http.Request) error {
	v, c, err := s.postedCentre(w, r)
	if err != nil {
		return err
	}
	changed, err := readCentreForm(c, r.PostForm)
	if err == nil && !canEditCentre(v.user, changed) {
		return fmt.Errorf("%w: %s may not change centres of the %s", accord.ErrForbidden, v.user.Name, instrumentNames(changed.Conventions))
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
