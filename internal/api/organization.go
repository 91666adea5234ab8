package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

type organizationOut struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Acronym   string    `json:"acronym,omitempty"`
	Aliases   []string  `json:"aliases"`
	Kind      string    `json:"kind"`
	Website   string    `json:"website,omitempty"`
	Source    string    `json:"source,omitempty"`
	Bundled   bool      `json:"bundled"`
	ChangedBy string    `json:"changed_by,omitempty"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	URL       string    `json:"url"` // its page
}

// organizationPage is one organization with what names it and what ties
// instruments to it.
type organizationPage struct {
	organizationOut
	ByStatus     map[string]int   `json:"by_status"` // its mandates by status
	Mandates     []mandateOut     `json:"mandates"`
	Arrangements []arrangementOut `json:"arrangements"`
}

type arrangementOut struct {
	ID           int64   `json:"id"`
	Instrument   string  `json:"instrument"`
	Organization string  `json:"organization"`
	Kind         string  `json:"kind"`
	Status       string  `json:"status"`
	Start        string  `json:"start_date,omitempty"`
	End          string  `json:"end_date,omitempty"`
	Evidence     string  `json:"evidence,omitempty"`
	Note         string  `json:"note,omitempty"`
	Mandates     []int64 `json:"mandates"`
	// MandateRefs are the same mandates, each with its decision and
	// paragraph as people cite them.
	MandateRefs []arrangementMandate `json:"mandate_refs"`
	ChangedBy   string               `json:"changed_by,omitempty"`
	Created     time.Time            `json:"created"`
	Updated     time.Time            `json:"updated"`
}

func organization(o accord.Organization) organizationOut {
	return organizationOut{ID: o.ID, Name: o.Name, Acronym: o.Acronym, Aliases: append([]string{}, o.Aliases...), Kind: string(o.Kind),
		Website: o.Website, Source: o.Source, Bundled: o.Bundled, ChangedBy: o.ChangedBy, Created: o.Created, Updated: o.Updated,
		URL: "/organizations/" + o.ID}
}

// arrangementMandate is a mandate an arrangement names, readably.
type arrangementMandate struct {
	ID        int64  `json:"id"`
	Decision  string `json:"decision"`  // the decision's symbol
	Paragraph string `json:"paragraph"` // "5", "5(b)"
	URL       string `json:"url"`
}

// arrangement is the arrangement a as the API shows it, its mandates
// looked up in the store (one read by key each: an arrangement names a few).
func (s *Server) arrangement(ctx context.Context, a accord.Arrangement) (arrangementOut, error) {
	refs := make([]arrangementMandate, len(a.Mandates))
	for i, id := range a.Mandates {
		m, err := s.store.Mandate(ctx, id)
		if err != nil {
			return arrangementOut{}, fmt.Errorf("arrangement %d: %w", a.ID, err)
		}
		refs[i] = arrangementMandate{ID: id, Decision: m.Symbol, Paragraph: m.Path, URL: "/api/v1/mandates/" + strconv.FormatInt(id, 10)}
	}
	return arrangementOut{ID: a.ID, Instrument: a.Instrument, Organization: a.Organization, Kind: string(a.Kind), Status: string(a.Status),
		Start: a.Start, End: a.End, Evidence: a.Evidence, Note: a.Note, Mandates: append([]int64{}, a.Mandates...), MandateRefs: refs,
		ChangedBy: a.ChangedBy, Created: a.Created, Updated: a.Updated}, nil
}

// arrangementList is the arrangements as, as the API shows them.
func (s *Server) arrangementList(ctx context.Context, as []accord.Arrangement) ([]arrangementOut, error) {
	out := []arrangementOut{}
	for _, a := range as {
		o, err := s.arrangement(ctx, a)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func (s *Server) organizations(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "kind", "q")
	if err != nil {
		return err
	}
	f := accord.OrganizationFilter{Kind: accord.OrganizationKind(q.Get("kind")), Text: q.Get("q")}
	if f.Kind != "" && !f.Kind.Valid() {
		return badRequest("kind %q: want one of %s", f.Kind, accord.CommaList(accord.OrganizationKinds))
	}
	os, err := s.store.Organizations(r.Context(), f)
	if err != nil {
		return err
	}
	out := listOut[organizationOut]{Items: []organizationOut{}}
	for _, o := range os {
		out.Items = append(out.Items, organization(o))
	}
	return writeJSON(w, r, out)
}

func (s *Server) organization(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	view, err := s.mandateView(w, r)
	if err != nil {
		return err
	}
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
	out := organizationPage{organizationOut: organization(o), ByStatus: map[string]int{}, Mandates: []mandateOut{}}
	for _, m := range ms {
		out.Mandates = append(out.Mandates, view(m))
		out.ByStatus[string(m.Status)]++
	}
	if out.Arrangements, err = s.arrangementList(r.Context(), as); err != nil {
		return err
	}
	return writeJSON(w, r, out)
}

// organizationIn is the body of PUT /organizations/{id}: the whole record.
type organizationIn struct {
	Name    string   `json:"name"`
	Acronym string   `json:"acronym"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
	Website string   `json:"website"`
	Source  string   `json:"source"`
}

// editOrganizations returns the request's account when it may change
// organizations: an organization is no one instrument's, so only those
// who may edit every instrument may (admins, editors of all instruments).
func (s *Server) editOrganizations(w http.ResponseWriter, r *http.Request) (accord.User, error) {
	u, err := s.user(w, r)
	if err != nil {
		return u, err
	}
	if !u.CanEdit("") {
		return u, fmt.Errorf("%w: %s may not change organizations: they are shared by every instrument (an admin or an editor of all instruments may)", accord.ErrForbidden, u.Name)
	}
	return u, nil
}

func (s *Server) putOrganization(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.editOrganizations(w, r)
	if err != nil {
		return err
	}
	var in organizationIn
	if err := readJSON(r, "an organization", &in); err != nil {
		return err
	}
	o := accord.Organization{ID: r.PathValue("id"), Name: in.Name, Acronym: in.Acronym, Aliases: in.Aliases,
		Kind: accord.OrganizationKind(in.Kind), Website: in.Website, Source: in.Source}
	if _, err := s.store.PutOrganizations(r.Context(), u.Name, []accord.Organization{o}); err != nil {
		return err
	}
	stored, err := s.store.Organization(r.Context(), o.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, r, organization(stored))
}

func (s *Server) deleteOrganization(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	u, err := s.editOrganizations(w, r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteOrganization(r.Context(), u.Name, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) arrangements(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "organization", "instrument", "status")
	if err != nil {
		return err
	}
	f := accord.ArrangementFilter{Organization: q.Get("organization"), Instrument: q.Get("instrument")}
	if v := q.Get("status"); v != "" {
		st, ok := accord.ParseArrangementStatus(v)
		if !ok {
			return badRequest("status %q: want proposed, requested, in-force or ended", v)
		}
		f.Status = st
	}
	as, err := s.store.Arrangements(r.Context(), f)
	if err != nil {
		return err
	}
	items, err := s.arrangementList(r.Context(), as)
	if err != nil {
		return err
	}
	return writeJSON(w, r, listOut[arrangementOut]{Items: items})
}

func (s *Server) getArrangement(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
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
	out, err := s.arrangement(r.Context(), a)
	if err != nil {
		return err
	}
	return writeJSON(w, r, out)
}

// arrangementIn is the body of POST /arrangements and PUT
// /arrangements/{id}: the whole record.
type arrangementIn struct {
	Instrument   string         `json:"instrument"`
	Organization string         `json:"organization"`
	Kind         string         `json:"kind"`
	Status       string         `json:"status"`
	Start        string         `json:"start_date"`
	End          string         `json:"end_date"`
	Evidence     string         `json:"evidence"`
	Note         string         `json:"note"`
	Mandates     []mandateRefIn `json:"mandates"`
}

// mandateRefIn is a mandate an arrangement names: its number (12), a
// decision's symbol and paragraph as people cite them ("MC-6/[--] ¶ 5"),
// or as an object ({"decision": "MC-6/[--]", "paragraph": "5"}).
type mandateRefIn struct{ accord.MandateRef }

func (m *mandateRefIn) UnmarshalJSON(b []byte) error {
	var id int64
	if json.Unmarshal(b, &id) == nil {
		m.MandateRef = accord.MandateRef{ID: id}
		if id <= 0 {
			return fmt.Errorf("%d is not a mandate number", id)
		}
		return nil
	}
	var text string
	if json.Unmarshal(b, &text) == nil {
		ref, err := accord.ParseMandateRef(text)
		m.MandateRef = ref
		return err
	}
	var obj struct {
		Decision  string `json:"decision"`
		Paragraph string `json:"paragraph"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&obj); err != nil || obj.Decision == "" || obj.Paragraph == "" {
		return fmt.Errorf("a mandate is a number, \"SYMBOL ¶ PARAGRAPH\" or {\"decision\": SYMBOL, \"paragraph\": PARAGRAPH}, not %s", b)
	}
	m.MandateRef = accord.MandateRef{Decision: strings.TrimSpace(obj.Decision), Paragraph: strings.Join(strings.Fields(obj.Paragraph), "")}
	return nil
}

// record is the arrangement in, of id (0 for a new one), its mandates
// resolved to ids: a paragraph without a stored mandate is a 400 naming
// it.
func (in arrangementIn) record(ctx context.Context, st accord.MandateStore, id int64) (accord.Arrangement, error) {
	a := accord.Arrangement{ID: id, Instrument: accord.InstrumentID(in.Instrument), Organization: in.Organization,
		Start: in.Start, End: in.End, Evidence: in.Evidence, Note: in.Note}
	var ok bool
	if a.Kind, ok = accord.ParseArrangementKind(in.Kind); !ok {
		return a, badRequest("kind %q: want membership, observer-status, memorandum-of-understanding, partnership, joint-activity or joint-publication", in.Kind)
	}
	if a.Status, ok = accord.ParseArrangementStatus(in.Status); !ok {
		return a, badRequest("status %q: want proposed, requested, in-force or ended", in.Status)
	}
	refs := make([]accord.MandateRef, len(in.Mandates))
	for i, m := range in.Mandates {
		refs[i] = m.MandateRef
	}
	var err error
	a.Mandates, err = accord.ResolveMandates(ctx, st, refs)
	return a, err
}

// putArrangement adds (no id in the path) or changes an arrangement for
// an account that may edit its instrument (and, for a change, the one it
// had).
func (s *Server) putArrangement(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r); err != nil {
			return err
		}
	}
	load := func(ctx context.Context, r *http.Request) (accord.Arrangement, error) {
		if id == 0 {
			return accord.Arrangement{}, nil
		}
		return s.store.Arrangement(ctx, id)
	}
	_, u, err := editable(s, w, r, "arrangements", load, arrangementInstruments)
	if err != nil {
		return err
	}
	var in arrangementIn
	if err := readJSON(r, "an arrangement", &in); err != nil {
		return err
	}
	a, err := in.record(r.Context(), s.store, id)
	if err != nil {
		return err
	}
	if err := mayEdit(u, a.Instrument, "arrangements"); err != nil {
		return err
	}
	out, _, err := s.store.PutArrangements(r.Context(), u.Name, []accord.Arrangement{a})
	if err != nil {
		return err
	}
	if id == 0 {
		w.Header().Set("Location", "/api/v1/arrangements/"+strconv.FormatInt(out[0].ID, 10))
	}
	stored, err := s.arrangement(r.Context(), out[0])
	if err != nil {
		return err
	}
	return writeJSON(w, r, stored)
}

func (s *Server) deleteArrangement(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "arrangements", byID(s.store.Arrangement), arrangementInstruments, func(ctx context.Context, a accord.Arrangement, who string) error {
		return s.store.DeleteArrangement(ctx, who, a.ID)
	})
}

// arrangementInstruments is the instrument of an arrangement, none for
// one not yet stored.
func arrangementInstruments(a accord.Arrangement) []string { return one(a.Instrument) }
