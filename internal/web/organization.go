package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

// organizationsPage lists the organizations, filtered by kind and words.
type organizationsPage struct {
	page
	Kind  accord.OrganizationKind
	Text  string
	Kinds []accord.OrganizationKind
	List  []accord.Organization
}

func (s *Server) organizations(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := organizationsPage{page: s.page(r, "Organizations"), Kind: accord.OrganizationKind(q.Get("kind")), Text: q.Get("q"),
		Kinds: accord.OrganizationKinds}
	if p.Kind != "" && !p.Kind.Valid() {
		return fmt.Errorf("%w: kind %q is not a kind of organization", accord.ErrInvalid, p.Kind)
	}
	var err error
	if p.List, err = s.store.Organizations(r.Context(), accord.OrganizationFilter{Kind: p.Kind, Text: p.Text}); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "organizations", p)
}

// statusGroup is the mandates of one status.
type statusGroup struct {
	Status   accord.Status
	Mandates []accord.Mandate
}

// arrangementView is an arrangement as the organization's page shows it.
type arrangementView struct {
	A       accord.Arrangement
	CanEdit bool
}

// organizationPage is one organization: every mandate naming it across
// instruments, by status, and its arrangements, with the forms of those
// who may change them.
type organizationPage struct {
	page
	O            accord.Organization
	Total        int
	ByStatus     []statusGroup
	Arrangements []arrangementView
	// CanEdit says the visitor may change the organization; Instruments
	// are those whose arrangements the visitor may add.
	CanEdit     bool
	Instruments []instrumentChoice
	Kinds       []accord.OrganizationKind
	AKinds      []accord.ArrangementKind
	AStatuses   []accord.ArrangementStatus
	Error       string
}

func (s *Server) organization(w http.ResponseWriter, r *http.Request) error {
	return s.renderOrganization(w, r, http.StatusOK, "")
}

func (s *Server) renderOrganization(w http.ResponseWriter, r *http.Request, status int, errMsg string) error {
	o, err := s.store.Organization(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	ms, err := s.store.OrganizationMandates(r.Context(), o.ID)
	if err != nil {
		return err
	}
	as, err := s.store.Arrangements(r.Context(), accord.ArrangementFilter{Organization: o.ID})
	if err != nil {
		return err
	}
	v := visitorOf(r)
	p := organizationPage{page: s.page(r, o.Label()), O: o, Total: len(ms), CanEdit: v.ok && v.user.CanEdit(""),
		Kinds: accord.OrganizationKinds, AKinds: accord.ArrangementKinds, AStatuses: accord.ArrangementStatuses, Error: errMsg}
	for _, st := range accord.Statuses {
		var g statusGroup
		for _, m := range ms {
			if m.Status == st {
				if !v.ok {
					m = m.Anonymous()
				}
				g.Mandates = append(g.Mandates, m)
			}
		}
		if len(g.Mandates) > 0 {
			g.Status = st
			p.ByStatus = append(p.ByStatus, g)
		}
	}
	for _, a := range as {
		p.Arrangements = append(p.Arrangements, arrangementView{A: a, CanEdit: v.ok && v.user.CanEdit(a.Instrument)})
	}
	if v.ok {
		for _, in := range accord.KnownInstruments() {
			if v.user.CanEdit(in.ID) {
				p.Instruments = append(p.Instruments, instrumentChoice{in.ID, in.Short})
			}
		}
	}
	return s.render(w, status, "organization", p)
}

// editOrganization takes the organization form: a signed-in admin or
// editor of every instrument changes its names, kind and addresses.
func (s *Server) editOrganization(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	if !v.user.CanEdit("") {
		return fmt.Errorf("%w: %s may not change organizations: they are shared by every instrument", accord.ErrForbidden, v.user.Name)
	}
	o, err := s.store.Organization(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	f := r.PostForm
	o.Name, o.Acronym, o.Kind = f.Get("name"), f.Get("acronym"), accord.OrganizationKind(f.Get("kind"))
	o.Aliases = strings.Split(f.Get("aliases"), "\n")
	o.Website, o.Source = f.Get("website"), f.Get("source")
	if _, err := s.store.PutOrganizations(r.Context(), v.user.Name, []accord.Organization{o}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderOrganization(w, r, http.StatusBadRequest, err.Error())
		}
		return err
	}
	http.Redirect(w, r, "/organizations/"+o.ID, http.StatusSeeOther)
	return nil
}

// addArrangement takes the arrangement form of an organization's page: a
// signed-in editor adds an arrangement of an instrument they edit.
func (s *Server) addArrangement(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	o, err := s.store.Organization(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	f := r.PostForm
	a := accord.Arrangement{Instrument: accord.InstrumentID(f.Get("instrument")), Organization: o.ID,
		Kind: accord.ArrangementKind(f.Get("kind")), Status: accord.ArrangementStatus(f.Get("status")),
		Start: f.Get("start"), End: f.Get("end"), Evidence: f.Get("evidence"), Note: f.Get("note")}
	if !v.user.CanEdit(a.Instrument) {
		return fmt.Errorf("%w: %s may not change arrangements of %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(a.Instrument))
	}
	for _, m := range strings.Fields(strings.NewReplacer(",", " ", ";", " ").Replace(f.Get("mandates"))) {
		id, err := strconv.ParseInt(strings.TrimPrefix(m, "#"), 10, 64)
		if err != nil {
			return s.renderOrganization(w, r, http.StatusBadRequest, fmt.Sprintf("mandates: %q is not a mandate number", m))
		}
		a.Mandates = append(a.Mandates, id)
	}
	if _, _, err := s.store.PutArrangements(r.Context(), v.user.Name, []accord.Arrangement{a}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderOrganization(w, r, http.StatusBadRequest, err.Error())
		}
		return err
	}
	http.Redirect(w, r, "/organizations/"+o.ID+"#arrangements", http.StatusSeeOther)
	return nil
}

// deleteArrangement takes the delete button of an arrangement.
func (s *Server) deleteArrangement(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := s.store.Arrangement(r.Context(), id)
	if err != nil {
		return err
	}
	if !v.user.CanEdit(a.Instrument) {
		return fmt.Errorf("%w: %s may not change arrangements of %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(a.Instrument))
	}
	if err := s.store.DeleteArrangement(r.Context(), v.user.Name, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/organizations/"+a.Organization+"#arrangements", http.StatusSeeOther)
	return nil
}

// askedView is an addressee of a mandate, with the organization it is.
type askedView struct {
	Text string
	Org  string // the organization's id, "" when the addressee is none
}

// mandateOrganizations returns how a mandate's page shows whom it asks
// (each addressee that is an organization linked to its page) and the
// other organizations it names.
func (s *Server) mandateOrganizations(r *http.Request, m accord.Mandate) ([]askedView, []accord.Organization, error) {
	var asked []askedView
	var named []accord.Organization
	seen := map[string]bool{}
	for _, a := range m.Addressees {
		o, ok, err := s.registry.Organization(r.Context(), a.Actor)
		if err != nil {
			return nil, nil, err
		}
		v := askedView{Text: a.Text}
		if ok {
			v.Org, seen[o.ID] = o.ID, true
		}
		asked = append(asked, v)
	}
	for _, id := range m.Organizations {
		o, ok, err := s.registry.Organization(r.Context(), id)
		if err != nil {
			return nil, nil, err
		}
		if ok && !seen[id] {
			seen[id] = true
			named = append(named, o)
		}
	}
	slices.SortFunc(named, func(a, b accord.Organization) int { return strings.Compare(a.Name, b.Name) })
	return asked, named, nil
}
