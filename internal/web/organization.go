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

	"github.com/accordmea/accord"
)

// organizationsPage lists the organizations, filtered by kind and words,
// with the form that adds one for those who may (CanAdd): Add is the
// organization as posted and refused, with AddError why.
type organizationsPage struct {
	page
	Kind     accord.OrganizationKind
	Text     string
	Kinds    []accord.OrganizationKind
	List     []accord.Organization
	CanAdd   bool
	Add      accord.Organization
	AddError string
}

func (s *Server) organizations(w http.ResponseWriter, r *http.Request) error {
	p, err := s.organizationsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "organizations", p)
}

func (s *Server) organizationsPage(r *http.Request) (organizationsPage, error) {
	q := r.URL.Query()
	v := visitorOf(r)
	p := organizationsPage{page: s.page(r, "Organizations"), Kind: accord.OrganizationKind(q.Get("kind")), Text: q.Get("q"),
		Kinds: accord.OrganizationKinds, CanAdd: v.ok && v.user.CanEdit("")}
	if p.Kind != "" && !p.Kind.Valid() {
		return p, fmt.Errorf("%w: kind %q is not a kind of organization", accord.ErrInvalid, p.Kind)
	}
	var err error
	p.List, err = s.store.Organizations(r.Context(), accord.OrganizationFilter{Kind: p.Kind, Text: p.Text})
	return p, err
}

// organizationEditor checks a form about organizations and returns who
// posted it: an admin or an editor of every instrument, for
// organizations are shared by every instrument.
func organizationEditor(w http.ResponseWriter, r *http.Request) (visitor, error) {
	v, err := checkForm(w, r)
	if err == nil && !v.user.CanEdit("") {
		err = fmt.Errorf("%w: %s may not change organizations: they are shared by every instrument", accord.ErrForbidden, v.user.Name)
	}
	return v, err
}

// readOrganizationForm reads an organization's form over o.
func readOrganizationForm(o accord.Organization, f url.Values) accord.Organization {
	o.Name, o.Acronym, o.Kind = f.Get("name"), f.Get("acronym"), accord.OrganizationKind(f.Get("kind"))
	o.Aliases = strings.Split(f.Get("aliases"), "\n")
	o.Website, o.Source = f.Get("website"), f.Get("source")
	return o
}

// addOrganization takes the form of the list of organizations: an admin
// or an editor of every instrument adds an organization. An id stored
// already is a conflict; a refused form is given back as posted.
func (s *Server) addOrganization(w http.ResponseWriter, r *http.Request) error {
	v, err := organizationEditor(w, r)
	if err != nil {
		return err
	}
	o := readOrganizationForm(accord.Organization{ID: strings.TrimSpace(r.PostForm.Get("id"))}, r.PostForm)
	err = absent(r.Context(), s.store.Organization, "organization", o.ID)
	if err == nil {
		_, err = s.store.PutOrganizations(r.Context(), v.user.Name, []accord.Organization{o})
	}
	if status := formStatus(err); status != 0 {
		p, perr := s.organizationsPage(r)
		if perr != nil {
			return perr
		}
		p.Add, p.AddError = o, err.Error()
		return s.render(w, status, "organizations", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/organizations/"+url.PathEscape(o.ID), http.StatusSeeOther)
	return nil
}

// deleteOrganization takes the delete button of an organization's page;
// its arrangements go with it, and the audit log keeps them all.
func (s *Server) deleteOrganization(w http.ResponseWriter, r *http.Request) error {
	v, err := organizationEditor(w, r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteOrganization(r.Context(), v.user.Name, r.PathValue("id")); err != nil {
		return err
	}
	http.Redirect(w, r, "/organizations", http.StatusSeeOther)
	return nil
}

// statusGroup is the mandates of one status.
type statusGroup struct {
	Status   accord.Status
	Mandates []accord.Mandate
}

// arrangementView is an arrangement as the organization's page shows it,
// with the mandates that asked for it named as people cite them.
type arrangementView struct {
	A        accord.Arrangement
	CanEdit  bool
	Mandates []mandateLink
}

// mandateLink is a mandate named by its decision and paragraph ("MC-6/[--]
// ¶ 5"), or by its number when its decision has no symbol.
type mandateLink struct {
	ID   int64
	Name string
}

// mandateLinks names the mandates of ids, as a form takes them back.
func (s *Server) mandateLinks(ctx context.Context, ids []int64) ([]mandateLink, error) {
	var out []mandateLink
	for _, id := range ids {
		l := mandateLink{id, fmt.Sprintf("mandate %d", id)}
		ms, err := s.store.Mandates(ctx, accord.MandateFilter{ByID: true, After: id - 1, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(ms) == 1 && ms[0].ID == id && ms[0].Symbol != "" {
			l.Name = accord.MandateRef{Decision: ms[0].Symbol, Paragraph: ms[0].Path}.String()
		}
		out = append(out, l)
	}
	return out, nil
}

// mandateRefsText is the mandates of links as the arrangement form takes
// them: "MC-6/[--] ¶ 5, 12". A paragraph with several mandates is named
// once.
func mandateRefsText(links []mandateLink) string {
	var refs []string
	for _, l := range links {
		ref := l.Name
		if strings.HasPrefix(ref, "mandate ") {
			ref = strconv.FormatInt(l.ID, 10)
		}
		if !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	return strings.Join(refs, ", ")
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
	// Form is the arrangement the form changes (zero: it adds one),
	// FormMandates its mandates as the form takes them.
	Form         accord.Arrangement
	FormMandates string
}

// arrangementForm is what the arrangement form of an organization's page
// holds: the arrangement it changes, or the one posted and refused.
type arrangementForm struct {
	A        accord.Arrangement
	Mandates string
}

func (s *Server) organization(w http.ResponseWriter, r *http.Request) error {
	var form *arrangementForm
	if id := r.URL.Query().Get("arrangement"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("%w: arrangement %q: want its number", accord.ErrInvalid, id)
		}
		a, err := s.store.Arrangement(r.Context(), n)
		if err != nil {
			return err
		}
		if a.Organization != r.PathValue("id") {
			return accord.ErrNotFound
		}
		if v := visitorOf(r); !v.ok {
			return errSignIn
		} else if !v.user.CanEdit(a.Instrument) {
			return fmt.Errorf("%w: %s may not change arrangements of the %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(a.Instrument))
		}
		links, err := s.mandateLinks(r.Context(), a.Mandates)
		if err != nil {
			return err
		}
		form = &arrangementForm{a, mandateRefsText(links)}
	}
	return s.renderOrganization(w, r, r.PathValue("id"), http.StatusOK, "", form)
}

// renderOrganization renders the page of organization id, with errMsg
// above its forms when a form was refused and the arrangement form
// holding form when it is not nil.
func (s *Server) renderOrganization(w http.ResponseWriter, r *http.Request, id string, status int, errMsg string, form *arrangementForm) error {
	o, err := s.store.Organization(r.Context(), id)
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
		links, err := s.mandateLinks(r.Context(), a.Mandates)
		if err != nil {
			return err
		}
		p.Arrangements = append(p.Arrangements, arrangementView{A: a, CanEdit: v.ok && v.user.CanEdit(a.Instrument), Mandates: links})
	}
	if form != nil {
		p.Form, p.FormMandates = form.A, form.Mandates
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
	v, err := organizationEditor(w, r)
	if err != nil {
		return err
	}
	o, err := s.store.Organization(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	o = readOrganizationForm(o, r.PostForm)
	if _, err := s.store.PutOrganizations(r.Context(), v.user.Name, []accord.Organization{o}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderOrganization(w, r, o.ID, http.StatusBadRequest, err.Error(), nil)
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
	return s.saveArrangement(w, r, v, accord.Arrangement{Organization: o.ID})
}

// editArrangement takes the arrangement form filled with an arrangement:
// an editor of its instrument (and of the one it is moved to) changes
// it.
func (s *Server) editArrangement(w http.ResponseWriter, r *http.Request) error {
	v, old, err := s.postedArrangement(w, r)
	if err != nil {
		return err
	}
	return s.saveArrangement(w, r, v, old)
}

// postedArrangement reads the arrangement of a form's path and who
// posted it, an editor of its instrument.
func (s *Server) postedArrangement(w http.ResponseWriter, r *http.Request) (visitor, accord.Arrangement, error) {
	load := func(ctx context.Context, id string) (accord.Arrangement, error) {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n <= 0 {
			return accord.Arrangement{}, accord.ErrNotFound
		}
		return s.store.Arrangement(ctx, n)
	}
	return editableForm(w, r, "arrangements", load, func(a accord.Arrangement) []string { return []string{a.Instrument} })
}

// saveArrangement stores the arrangement the form posted over old (the
// one it changes, or one of no id to add), its mandates named by number
// or by decision and paragraph, and answers with the organization's page:
// its arrangements when it was stored, the form as posted with the
// reason when it was refused.
func (s *Server) saveArrangement(w http.ResponseWriter, r *http.Request, v visitor, old accord.Arrangement) error {
	f := r.PostForm
	a := accord.Arrangement{ID: old.ID, Instrument: accord.InstrumentID(f.Get("instrument")), Organization: old.Organization,
		Kind: accord.ArrangementKind(f.Get("kind")), Status: accord.ArrangementStatus(f.Get("status")),
		Start: f.Get("start"), End: f.Get("end"), Evidence: f.Get("evidence"), Note: f.Get("note")}
	if !v.user.CanEdit(a.Instrument) {
		return fmt.Errorf("%w: %s may not change arrangements of the %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(a.Instrument))
	}
	refs, err := accord.ParseMandateRefs(f.Get("mandates"))
	if err == nil {
		a.Mandates, err = accord.ResolveMandates(r.Context(), s.store, refs)
	}
	if err == nil {
		_, _, err = s.store.PutArrangements(r.Context(), v.user.Name, []accord.Arrangement{a})
	}
	if errors.Is(err, accord.ErrInvalid) {
		return s.renderOrganization(w, r, old.Organization, http.StatusBadRequest, err.Error(), &arrangementForm{a, f.Get("mandates")})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/organizations/"+old.Organization+"#arrangements", http.StatusSeeOther)
	return nil
}

// deleteArrangement takes the delete button of an arrangement.
func (s *Server) deleteArrangement(w http.ResponseWriter, r *http.Request) error {
	v, a, err := s.postedArrangement(w, r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteArrangement(r.Context(), v.user.Name, a.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/organizations/"+a.Organization+"#arrangements", http.StatusSeeOther)
	return nil
}

// arrangementsPage lists the arrangements the filters select, across
// organizations.
type arrangementsPage struct {
	page
	F           accord.ArrangementFilter
	Instruments []instrumentChoice
	Statuses    []accord.ArrangementStatus
	List        []arrangementRow
}

// arrangementRow is an arrangement in the list, with its organization
// named and its mandates as people cite them.
type arrangementRow struct {
	arrangementView
	OrgName string
}

// arrangements lists the arrangements by organization, instrument and
// status: every tie of the instruments to organizations on one page.
func (s *Server) arrangements(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := arrangementsPage{page: s.page(r, "Arrangements"), Statuses: accord.ArrangementStatuses,
		F: accord.ArrangementFilter{Organization: q.Get("organization"), Instrument: accord.InstrumentID(q.Get("instrument"))}}
	if v := q.Get("status"); v != "" {
		st, ok := accord.ParseArrangementStatus(v)
		if !ok {
			return fmt.Errorf("%w: status %q: want one of %s", accord.ErrInvalid, v, accord.CommaList(accord.ArrangementStatuses))
		}
		p.F.Status = st
	}
	as, err := s.store.Arrangements(r.Context(), p.F)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, a := range as {
		links, err := s.mandateLinks(r.Context(), a.Mandates)
		if err != nil {
			return err
		}
		if _, ok := names[a.Organization]; !ok {
			o, err := s.store.Organization(r.Context(), a.Organization)
			if err != nil {
				return err
			}
			names[a.Organization] = o.Label()
		}
		p.List = append(p.List, arrangementRow{arrangementView{A: a, Mandates: links}, names[a.Organization]})
	}
	for _, in := range accord.KnownInstruments() {
		p.Instruments = append(p.Instruments, instrumentChoice{in.ID, in.Short})
	}
	return s.render(w, http.StatusOK, "arrangements", p)
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
