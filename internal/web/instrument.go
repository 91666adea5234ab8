package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/accordmea/accord"
)

// instrumentName is what a page calls an instrument given by its id or
// as a reader typed it: "Minamata" and "minamata" are both "Minamata
// Convention".
func instrumentName(s string) string {
	return accord.InstrumentName(accord.InstrumentID(s))
}

// instrumentChoice is an instrument offered by a filter's list.
type instrumentChoice struct {
	ID, Name string
}

// instrumentChoices lists the stored instruments by name, for a filter
// whose value is now current (an id or a name as typed, or ""); a current
// instrument that holds no decision is listed too, so that the list shows
// what the page is filtered by.
func (s *Server) instrumentChoices(ctx context.Context, current string) ([]instrumentChoice, error) {
	stats, err := s.store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	current = accord.InstrumentID(current)
	var out []instrumentChoice
	found := current == ""
	for _, c := range stats.Instruments {
		out = append(out, instrumentChoice{c.Value, accord.InstrumentName(c.Value)})
		found = found || c.Value == current
	}
	if !found {
		out = append(out, instrumentChoice{current, accord.InstrumentName(current)})
	}
	return out, nil
}

// instrumentRow is an instrument as the list of instruments shows it.
type instrumentRow struct {
	In    accord.Instrument
	Count accord.InstrumentCount
}

// instrumentsPage lists the instruments, with the form that adds one for
// admins.
type instrumentsPage struct {
	page
	List  []instrumentRow
	Admin bool
	Form  accord.Instrument // what the add form holds: the refused entry, or nothing
	Error string
}

// instrumentPage is one instrument: its names, addresses, parent,
// Protocols and joint instruments, its bodies and meetings, and what is
// stored under it; admins change it, and its editors add and change its
// bodies.
type instrumentPage struct {
	page
	In        accord.Instrument
	Count     accord.InstrumentCount
	Protocols []accord.Instrument
	JointWith []string // the joint instruments that group it
	Bodies    []accord.Body
	Meetings  []accord.Meeting // the latest dated meetingsListed, latest first
	More      bool             // more meetings than listed
	Admin     bool             // may change the instrument
	CanEdit   bool             // may add and change its bodies
	BodyKinds []string
	Error     string
}

func (s *Server) instrumentList(w http.ResponseWriter, r *http.Request) error {
	return s.renderInstruments(w, r, http.StatusOK, accord.Instrument{}, "")
}

func (s *Server) renderInstruments(w http.ResponseWriter, r *http.Request, status int, form accord.Instrument, errMsg string) error {
	ins, err := s.store.Instruments(r.Context())
	if err != nil {
		return err
	}
	counts, err := s.store.InstrumentCounts(r.Context())
	if err != nil {
		return err
	}
	v := visitorOf(r)
	p := instrumentsPage{page: s.page(r, "Instruments"), Admin: v.ok && v.user.Role == accord.RoleAdmin, Form: form, Error: errMsg}
	for _, in := range ins {
		p.List = append(p.List, instrumentRow{in, counts[in.ID]})
	}
	slices.SortFunc(p.List, func(a, b instrumentRow) int {
		return strings.Compare(strings.ToLower(a.In.Short), strings.ToLower(b.In.Short))
	})
	return s.render(w, status, "instruments", p)
}

func (s *Server) instrument(w http.ResponseWriter, r *http.Request) error {
	return s.renderInstrument(w, r, http.StatusOK, "")
}

func (s *Server) renderInstrument(w http.ResponseWriter, r *http.Request, status int, errMsg string) error {
	ctx := r.Context()
	id := r.PathValue("id")
	in, err := s.store.Instrument(ctx, id)
	if err != nil {
		return err
	}
	ins, err := s.store.Instruments(ctx)
	if err != nil {
		return err
	}
	v := visitorOf(r)
	p := instrumentPage{page: s.page(r, in.Short), In: in, JointWith: accord.JoiningInstruments(id),
		Admin: v.ok && v.user.Role == accord.RoleAdmin, CanEdit: v.ok && v.user.CanEdit(id), BodyKinds: accord.BodyKinds, Error: errMsg}
	for _, in := range ins {
		if in.Parent == id {
			p.Protocols = append(p.Protocols, in)
		}
	}
	counts, err := s.store.InstrumentCounts(ctx)
	if err != nil {
		return err
	}
	p.Count = counts[id]
	if p.Bodies, err = s.store.Bodies(ctx, id); err != nil {
		return err
	}
	ms, err := s.store.Meetings(ctx, accord.MeetingFilter{Instrument: id})
	if err != nil {
		return err
	}
	ms = slices.DeleteFunc(ms, func(m accord.Meeting) bool { return !m.Dated() })
	slices.Reverse(ms) // latest first
	p.More = len(ms) > meetingsListed
	p.Meetings = ms[:min(len(ms), meetingsListed)]
	return s.render(w, status, "instrument", p)
}

// instrumentForm reads the instrument form of the list and of an
// instrument's page: lists one item a line or separated by commas.
func instrumentForm(f url.Values, id string) accord.Instrument {
	list := func(name string) []string {
		return strings.FieldsFunc(f.Get(name), func(r rune) bool { return r == ',' || r == '|' || unicode.IsSpace(r) })
	}
	in := accord.Instrument{ID: id, Short: strings.TrimSpace(f.Get("short")), Name: strings.TrimSpace(f.Get("name")), Bodies: list("bodies"),
		Parent: accord.InstrumentID(f.Get("parent")), Website: strings.TrimSpace(f.Get("website")), Source: strings.TrimSpace(f.Get("source"))}
	for _, g := range list("groups") {
		in.Groups = append(in.Groups, accord.InstrumentID(g))
	}
	return in
}

// mayChangeInstruments refuses the form of anyone but an admin.
func mayChangeInstruments(v visitor) error {
	if v.user.Role != accord.RoleAdmin {
		return fmt.Errorf("%w: %s may not add or change instruments: that is for admins", accord.ErrForbidden, v.user.Name)
	}
	return nil
}

// addInstrument takes the form of the list of instruments.
func (s *Server) addInstrument(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	if err := mayChangeInstruments(v); err != nil {
		return err
	}
	in := instrumentForm(r.PostForm, strings.TrimSpace(r.PostForm.Get("id")))
	if _, err := s.store.Instrument(r.Context(), in.ID); err == nil {
		return s.renderInstruments(w, r, http.StatusConflict, in, fmt.Sprintf("id: %s is an instrument already; change it on its page", in.ID))
	}
	if _, err := s.store.PutInstruments(r.Context(), v.user.Name, []accord.Instrument{in}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderInstruments(w, r, http.StatusBadRequest, in, err.Error())
		}
		return err
	}
	http.Redirect(w, r, "/instruments/"+url.PathEscape(in.ID), http.StatusSeeOther)
	return nil
}

// editInstrument takes the form of an instrument's page.
func (s *Server) editInstrument(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	if err := mayChangeInstruments(v); err != nil {
		return err
	}
	id := r.PathValue("id")
	if _, err := s.store.Instrument(r.Context(), id); err != nil {
		return err
	}
	if _, err := s.store.PutInstruments(r.Context(), v.user.Name, []accord.Instrument{instrumentForm(r.PostForm, id)}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderInstrument(w, r, http.StatusBadRequest, err.Error())
		}
		return err
	}
	http.Redirect(w, r, "/instruments/"+url.PathEscape(id), http.StatusSeeOther)
	return nil
}

// putBody takes the body form of an instrument's page: an editor of the
// instrument adds a body, or changes the one of that code.
func (s *Server) putBody(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if !v.user.CanEdit(id) {
		return fmt.Errorf("%w: %s may not change the bodies of the %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(id))
	}
	f := r.PostForm
	b := accord.Body{Instrument: id, Code: strings.TrimSpace(f.Get("code")), Name: strings.TrimSpace(f.Get("name")), Kind: f.Get("kind"),
		Source: strings.TrimSpace(f.Get("source")), Note: strings.TrimSpace(f.Get("note"))}
	b.ID = id + "-" + b.Code
	if _, err := s.store.PutBodies(r.Context(), v.user.Name, []accord.Body{b}); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.renderInstrument(w, r, http.StatusBadRequest, err.Error())
		}
		return err
	}
	http.Redirect(w, r, "/instruments/"+url.PathEscape(id)+"#bodies", http.StatusSeeOther)
	return nil
}
