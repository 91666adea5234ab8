package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/country"
)

type countryOut struct {
	Alpha2       string `json:"alpha2"`
	Alpha3       string `json:"alpha3"`
	Numeric      string `json:"numeric"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name,omitempty"`
	Group        string `json:"regional_group,omitempty"`
	Parties      int    `json:"party_to"`
	FocalPoints  int    `json:"focal_points"`
	URL          string `json:"url"`
}

type membershipOut struct {
	ID          int64     `json:"id"`
	Country     string    `json:"country"`
	Instrument  string    `json:"instrument"`
	Party       bool      `json:"party"`
	Signature   string    `json:"signature,omitempty"`
	Consent     string    `json:"consent,omitempty"`
	ConsentDate string    `json:"consent_date,omitempty"`
	InForce     string    `json:"entry_into_force,omitempty"`
	Withdrawal  string    `json:"withdrawal,omitempty"`
	Source      string    `json:"source,omitempty"`
	Updated     time.Time `json:"updated_at"`
}

// focalPointOut is a focal point as the API shows it: title, name, phone
// and email are absent for a reader without a token unless an admin
// published the instrument's contacts, and withheld says so.
type focalPointOut struct {
	ID           int64     `json:"id"`
	Country      string    `json:"country"`
	Instrument   string    `json:"instrument"`
	Role         string    `json:"role"`
	Title        string    `json:"title,omitempty"`
	Name         string    `json:"name,omitempty"`
	Position     string    `json:"position,omitempty"`
	Organization string    `json:"organization,omitempty"`
	Address      string    `json:"address,omitempty"`
	Phone        string    `json:"phone,omitempty"`
	Email        string    `json:"email,omitempty"`
	Designated   string    `json:"designated,omitempty"`
	Withheld     bool      `json:"contact_withheld,omitempty"`
	Updated      time.Time `json:"updated_at"`
}

type gapOut struct {
	Instrument string `json:"instrument"`
	Role       string `json:"role"`
	Source     string `json:"required_by"`
}

type asksOut struct {
	Instrument string         `json:"instrument"`
	ByStatus   map[string]int `json:"by_status"`
	Total      int            `json:"total"`
	List       string         `json:"mandates_url"`
}

type coordinationOut struct {
	ID          int64    `json:"id"`
	Institution string   `json:"institution"`
	Instruments []string `json:"instruments"`
	Mechanism   string   `json:"mechanism,omitempty"`
	Source      string   `json:"source,omitempty"`
}

type profileOut struct {
	countryOut
	Memberships  []membershipOut   `json:"memberships"`
	FocalPoints  []focalPointOut   `json:"focal_points"`
	Gaps         []gapOut          `json:"gaps"`
	Asks         []asksOut         `json:"asked_of_parties"`
	Coordination []coordinationOut `json:"coordination"`
	Hosts        []string          `json:"hosts_centres"`
	ServedBy     []string          `json:"served_by_centres"`
}

func membership(m accord.Membership, day time.Time) membershipOut {
	return membershipOut{ID: m.ID, Country: m.Country, Instrument: m.Instrument, Party: m.Party(day), Signature: m.Signed,
		Consent: string(m.Consent), ConsentDate: m.ConsentOn, InForce: m.InForce, Withdrawal: m.Withdrawn, Source: m.Source, Updated: m.Updated}
}

func focalPoint(f accord.FocalPoint) focalPointOut {
	return focalPointOut{ID: f.ID, Country: f.Country, Instrument: f.Instrument, Role: string(f.Role), Title: f.Title, Name: f.Name,
		Position: f.Position, Organization: f.Organization, Address: f.Address, Phone: f.Phone, Email: f.Email,
		Designated: f.Designated, Withheld: f.Hidden, Updated: f.Updated}
}

func countryOf(c accord.Country, g accord.RegionalGroup, sum accord.CountrySummary) countryOut {
	return countryOut{Alpha2: c.Alpha2, Alpha3: c.Alpha3, Numeric: c.Numeric, Name: c.Name, OfficialName: c.OfficialName,
		Group: g.ID, Parties: sum.Parties, FocalPoints: sum.FocalPoints, URL: "/api/v1/countries/" + c.Alpha2}
}

// signedIn says whether the request carries a valid token: such a reader
// sees focal points' contact details. A token sent is checked: an unknown
// one is a 401, not a silent anonymous read.
func (s *Server) signedIn(w http.ResponseWriter, r *http.Request) (bool, error) {
	w.Header().Add("Vary", "Authorization")
	if auth.Bearer(r) == "" {
		return false, nil
	}
	if _, err := s.user(w, r); err != nil {
		return false, err
	}
	return true, nil
}

func (s *Server) countries(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "group", "q")
	if err != nil {
		return err
	}
	rows, err := country.List(r.Context(), s.store, q.Get("group"), q.Get("q"), time.Now())
	if err != nil {
		return err
	}
	out := listOut[countryOut]{Items: []countryOut{}}
	for _, c := range rows {
		out.Items = append(out.Items, countryOf(c.Country, c.Group, c.CountrySummary))
	}
	return writeJSON(w, r, out)
}

func (s *Server) country(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	in, err := s.signedIn(w, r)
	if err != nil {
		return err
	}
	now := time.Now()
	c, err := country.Lookup(r.PathValue("code"))
	if err != nil {
		return err
	}
	p, err := country.Load(r.Context(), s.store, c.Alpha2, now, in)
	if err != nil {
		return err
	}
	sum := accord.CountrySummary{Country: c.Alpha2, FocalPoints: len(p.FocalPoints), Parties: len(p.Asks)}
	out := profileOut{countryOut: countryOf(p.Country, p.Group, sum), Memberships: []membershipOut{}, FocalPoints: []focalPointOut{},
		Gaps: []gapOut{}, Asks: []asksOut{}, Coordination: []coordinationOut{}, Hosts: []string{}, ServedBy: []string{}}
	for _, m := range p.Memberships {
		out.Memberships = append(out.Memberships, membership(m, now))
	}
	for _, f := range p.FocalPoints {
		out.FocalPoints = append(out.FocalPoints, focalPoint(f))
	}
	for _, g := range p.Gaps {
		out.Gaps = append(out.Gaps, gapOut{g.Instrument, string(g.Role), g.Source})
	}
	for _, a := range p.Asks {
		ao := asksOut{Instrument: a.Instrument, ByStatus: map[string]int{}, Total: a.Total,
			List: "/api/v1/mandates?actor=parties&instrument=" + a.Instrument}
		for st, n := range a.ByStatus {
			ao.ByStatus[string(st)] = n
		}
		out.Asks = append(out.Asks, ao)
	}
	for _, co := range p.Coordination {
		out.Coordination = append(out.Coordination, coordinationOut{co.ID, co.Institution, co.Instruments, co.Mechanism, co.Source})
	}
	for _, ce := range p.Hosted {
		out.Hosts = append(out.Hosts, ce.ID)
	}
	for _, ce := range p.ServedBy {
		out.ServedBy = append(out.ServedBy, ce.ID)
	}
	return writeJSON(w, r, out)
}

func (s *Server) focalPoints(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "country", "instrument", "role", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, after, err := page(q, "f")
	if err != nil {
		return err
	}
	f := accord.FocalPointFilter{Country: q.Get("country"), Instrument: q.Get("instrument"), ByID: true, After: after, Limit: limit + 1}
	if role := q.Get("role"); role != "" {
		rl, ok := accord.ParseRole(role)
		if !ok {
			return badRequest("role %q is not a role accord knows", role)
		}
		f.Role = rl
	}
	in, err := s.signedIn(w, r)
	if err != nil {
		return err
	}
	fps, err := s.store.FocalPoints(r.Context(), f)
	if err != nil {
		return err
	}
	if fps, err = country.Visible(r.Context(), s.store, fps, in); err != nil {
		return err
	}
	return writeJSON(w, r, pageOf(fps, limit, "f", func(f accord.FocalPoint) int64 { return f.ID }, focalPoint))
}

func (s *Server) focalPointOne(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	in, err := s.signedIn(w, r)
	if err != nil {
		return err
	}
	f, err := s.store.FocalPoint(r.Context(), id)
	if err != nil {
		return err
	}
	fps, err := country.Visible(r.Context(), s.store, []accord.FocalPoint{f}, in)
	if err != nil {
		return err
	}
	return writeJSON(w, r, focalPoint(fps[0]))
}

// focalPointIn is the body that adds or replaces a focal point.
type focalPointIn struct {
	Country      string `json:"country"`
	Instrument   string `json:"instrument"`
	Role         string `json:"role"`
	Title        string `json:"title"`
	Name         string `json:"name"`
	Position     string `json:"position"`
	Organization string `json:"organization"`
	Address      string `json:"address"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Designated   string `json:"designated"`
}

// readFocalPoint reads the focal point a request's body gives, refusing
// one that is not valid or of an instrument u may not change.
func readFocalPoint(r *http.Request, u accord.User) (accord.FocalPoint, error) {
	var in focalPointIn
	if err := readJSON(r, "a focal point", &in); err != nil {
		return accord.FocalPoint{}, err
	}
	f := accord.FocalPoint{Country: in.Country, Instrument: in.Instrument, Role: accord.FocalRole(in.Role), Title: in.Title, Name: in.Name,
		Position: in.Position, Organization: in.Organization, Address: in.Address, Phone: in.Phone, Email: in.Email, Designated: in.Designated}
	f.Normalize()
	if err := f.Validate(); err != nil {
		return f, err
	}
	return f, mayEdit(u, f.Instrument, "focal points")
}

// addFocalPoint adds a focal point, or updates the one of the same
// country, instrument, role and name, for an editor of its instrument.
func (s *Server) addFocalPoint(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	f, err := readFocalPoint(r, u)
	if err != nil {
		return err
	}
	if _, err := s.store.SaveFocalPoints(r.Context(), []accord.FocalPoint{f}, u.Name); err != nil {
		return err
	}
	fps, err := s.store.FocalPoints(r.Context(), accord.FocalPointFilter{Country: f.Country, Instrument: f.Instrument, Role: f.Role})
	if err != nil {
		return err
	}
	for _, got := range fps {
		if got.Name == f.Name {
			w.Header().Set("Location", fmt.Sprintf("/api/v1/focal-points/%d", got.ID))
			return writeJSON(w, r, focalPoint(got))
		}
	}
	return errors.New("the focal point saved is not found")
}

// focalPointInstrument is the instrument whose editors change a focal
// point.
func focalPointInstrument(f accord.FocalPoint) []string { return one(f.Instrument) }

// replaceFocalPoint replaces a focal point's fields, for an editor of its
// instrument (and of the instrument it is moved to).
func (s *Server) replaceFocalPoint(w http.ResponseWriter, r *http.Request) error {
	return replaced(s, w, r, "focal points", byID(s.store.FocalPoint), focalPointInstrument, readFocalPoint,
		func(ctx context.Context, old, f accord.FocalPoint, who string) (accord.FocalPoint, error) {
			return s.store.UpdateFocalPoint(ctx, old.ID, f, who)
		}, focalPoint)
}

func (s *Server) deleteFocalPoint(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "focal points", byID(s.store.FocalPoint), focalPointInstrument, func(ctx context.Context, f accord.FocalPoint, who string) error {
		return s.store.DeleteFocalPoint(ctx, f.ID, who)
	})
}

// membershipIn is the body that records a membership.
type membershipIn struct {
	Country     string `json:"country"`
	Instrument  string `json:"instrument"`
	Signature   string `json:"signature"`
	Consent     string `json:"consent"`
	ConsentDate string `json:"consent_date"`
	InForce     string `json:"entry_into_force"`
	Withdrawal  string `json:"withdrawal"`
	Source      string `json:"source"`
}

// addMembership records a country's membership of an instrument (adding
// it or updating the one stored), for an editor of the instrument.
func (s *Server) addMembership(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	var in membershipIn
	if err := readJSON(r, "a membership", &in); err != nil {
		return err
	}
	m := accord.Membership{Country: in.Country, Instrument: in.Instrument, Signed: in.Signature, Consent: accord.Consent(in.Consent),
		ConsentOn: in.ConsentDate, InForce: in.InForce, Withdrawn: in.Withdrawal, Source: in.Source}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return err
	}
	if err := mayEdit(u, m.Instrument, "memberships"); err != nil {
		return err
	}
	if _, err := s.store.SaveMemberships(r.Context(), []accord.Membership{m}, u.Name); err != nil {
		return err
	}
	ms, err := s.store.Memberships(r.Context(), m.Country)
	if err != nil {
		return err
	}
	for _, got := range ms {
		if got.Instrument == m.Instrument {
			return writeJSON(w, r, membership(got, time.Now()))
		}
	}
	return errors.New("the membership saved is not found")
}

// publishIn is the body of PUT /contacts/{instrument}.
type publishIn struct {
	Published bool `json:"published"`
}

// publishContacts publishes or withdraws the personal contact details of
// an instrument's focal points, for admins.
func (s *Server) publishContacts(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	if u.Role != accord.RoleAdmin {
		return &problem{Status: http.StatusForbidden, Detail: "publishing contact details is for admins; " + u.Name + " is " + string(u.Role)}
	}
	var in publishIn
	if err := readJSON(r, `{"published": true or false}`, &in); err != nil {
		return err
	}
	inst := r.PathValue("instrument")
	if err := s.store.PublishContacts(r.Context(), inst, in.Published, u.Name); err != nil {
		return err
	}
	return writeJSON(w, r, struct {
		Instrument string `json:"instrument"`
		Published  bool   `json:"published"`
	}{inst, in.Published})
}

// memberships lists the memberships of a country, of an instrument, or
// of both, by country and instrument.
func (s *Server) memberships(w http.ResponseWriter, r *http.Request) error {
	now := time.Now()
	return countryList(w, r, s.store.Memberships, func(m accord.Membership, inst string) bool { return m.Instrument == inst },
		func(m accord.Membership) membershipOut { return membership(m, now) })
}

// countryList answers a list of the records of a country (list reads
// them, of every country for ""), filtered by the query's country and
// instrument (of says whether a record is of an instrument), each as
// out makes it.
func countryList[T, O any](w http.ResponseWriter, r *http.Request, list func(context.Context, string) ([]T, error), of func(T, string) bool, out func(T) O) error {
	q, err := query(r, "country", "instrument")
	if err != nil {
		return err
	}
	code, inst, err := countryAndInstrument(q.Get("country"), q.Get("instrument"))
	if err != nil {
		return err
	}
	recs, err := list(r.Context(), code)
	if err != nil {
		return err
	}
	page := listOut[O]{Items: []O{}}
	for _, rec := range recs {
		if inst == "" || of(rec, inst) {
			page.Items = append(page.Items, out(rec))
		}
	}
	return writeJSON(w, r, page)
}

// countryAndInstrument reads the country and instrument filters of a
// list, each "" when absent: a country as an ISO 3166-1 code or name, an
// instrument as accord knows it.
func countryAndInstrument(code, inst string) (string, string, error) {
	if code != "" {
		c, err := country.Lookup(code)
		if err != nil {
			return "", "", badRequest("country %q is not a country of ISO 3166-1", code)
		}
		code = c.Alpha2
	}
	if inst != "" {
		in, ok := accord.LookupInstrument(inst)
		if !ok {
			return "", "", badRequest("instrument %q is not an instrument accord knows", inst)
		}
		inst = in.ID
	}
	return code, inst, nil
}

func (s *Server) membershipOne(w http.ResponseWriter, r *http.Request) error {
	id, err := idOnly(r)
	if err != nil {
		return err
	}
	m, err := s.store.Membership(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, r, membership(m, time.Now()))
}

// deleteMembership deletes a membership, for an editor of its instrument;
// the audit log keeps what it was.
func (s *Server) deleteMembership(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "memberships", byID(s.store.Membership), func(m accord.Membership) []string { return one(m.Instrument) },
		func(ctx context.Context, m accord.Membership, who string) error {
			return s.store.DeleteMembership(ctx, m.ID, who)
		})
}

// coordinationOne is a coordination as the API gives it on its own,
// with its country and who changed it last.
type coordinationOne struct {
	coordinationOut
	Country   string    `json:"country"`
	Updated   time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

func coordinationOf(c accord.Coordination) coordinationOne {
	return coordinationOne{coordinationOut{c.ID, c.Institution, c.Instruments, c.Mechanism, c.Source}, c.Country, c.Updated, c.UpdatedBy}
}

// coordinations lists the national coordination of a country, or those
// coordinating an instrument, or both.
func (s *Server) coordinations(w http.ResponseWriter, r *http.Request) error {
	return countryList(w, r, s.store.Coordinations, func(c accord.Coordination, inst string) bool { return slices.Contains(c.Instruments, inst) }, coordinationOf)
}

func (s *Server) coordinationOne(w http.ResponseWriter, r *http.Request) error {
	id, err := idOnly(r)
	if err != nil {
		return err
	}
	c, err := s.store.Coordination(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, r, coordinationOf(c))
}

// coordinationIn is the body that adds or replaces a coordination.
type coordinationIn struct {
	Country     string   `json:"country"`
	Institution string   `json:"institution"`
	Instruments []string `json:"instruments"`
	Mechanism   string   `json:"mechanism"`
	Source      string   `json:"source"`
}

// readCoordination reads the coordination a request's body gives,
// refusing one that is not valid or coordinates an instrument u may not
// change.
func readCoordination(r *http.Request, u accord.User) (accord.Coordination, error) {
	var in coordinationIn
	if err := readJSON(r, "a coordination", &in); err != nil {
		return accord.Coordination{}, err
	}
	c := accord.Coordination{Country: in.Country, Institution: in.Institution, Instruments: in.Instruments, Mechanism: in.Mechanism, Source: in.Source}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return c, err
	}
	for _, in := range c.Instruments {
		if err := mayEdit(u, in, "coordination"); err != nil {
			return c, err
		}
	}
	return c, nil
}

// coordinationInstruments are the instruments a coordination
// coordinates: its editors are those of every one of them.
func coordinationInstruments(c accord.Coordination) []string { return c.Instruments }

// addCoordination adds a coordination, or updates the one of the same
// country and institution, for an editor of every instrument it
// coordinates (and coordinated).
func (s *Server) addCoordination(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	c, err := readCoordination(r, u)
	if err != nil {
		return err
	}
	cs, err := s.store.Coordinations(r.Context(), c.Country)
	if err != nil {
		return err
	}
	for _, old := range cs {
		if old.Institution == c.Institution {
			for _, in := range old.Instruments {
				if err := mayEdit(u, in, "coordination"); err != nil {
					return err
				}
			}
		}
	}
	if _, err := s.store.SaveCoordinations(r.Context(), []accord.Coordination{c}, u.Name); err != nil {
		return err
	}
	if cs, err = s.store.Coordinations(r.Context(), c.Country); err != nil {
		return err
	}
	for _, got := range cs {
		if got.Institution == c.Institution {
			w.Header().Set("Location", fmt.Sprintf("/api/v1/coordinations/%d", got.ID))
			return writeJSON(w, r, coordinationOf(got))
		}
	}
	return errors.New("the coordination saved is not found")
}

// replaceCoordination replaces a coordination's fields, its institution
// among them, for an editor of every instrument it coordinated and
// coordinates.
func (s *Server) replaceCoordination(w http.ResponseWriter, r *http.Request) error {
	return replaced(s, w, r, "coordination", byID(s.store.Coordination), coordinationInstruments, readCoordination,
		func(ctx context.Context, old, c accord.Coordination, who string) (accord.Coordination, error) {
			return s.store.UpdateCoordination(ctx, old.ID, c, who)
		}, coordinationOf)
}

func (s *Server) deleteCoordination(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "coordination", byID(s.store.Coordination), coordinationInstruments, func(ctx context.Context, c accord.Coordination, who string) error {
		return s.store.DeleteCoordination(ctx, c.ID, who)
	})
}
