package api

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/accordmea/accord"
)

// instrumentOut is an instrument as the API gives it.
type instrumentOut struct {
	ID        string    `json:"id"`
	Short     string    `json:"short"`
	Name      string    `json:"name"`
	Bodies    []string  `json:"bodies"`
	Parent    string    `json:"parent,omitempty"`
	Website   string    `json:"website,omitempty"`
	Groups    []string  `json:"groups"`
	Source    string    `json:"source"`
	Bundled   bool      `json:"bundled"`
	ChangedBy string    `json:"changed_by,omitempty"`
	Updated   time.Time `json:"updated"`
	URL       string    `json:"url"` // its page
}

// instrumentDetail is one instrument with its bodies and what the store
// holds of it.
type instrumentDetail struct {
	instrumentOut
	Decisions   int       `json:"decisions"`
	Mandates    int       `json:"mandates"`
	Protocols   []string  `json:"protocols"`    // the instruments under it
	JointWith   []string  `json:"joint_with"`   // the joint instruments that group it
	BodyRecords []bodyOut `json:"body_records"` // its governing and subsidiary bodies
	Meetings    string    `json:"meetings_url"`
}

// instrumentIn is the body of POST /instruments and PUT /instruments/{id}.
type instrumentIn struct {
	ID      string   `json:"id"`
	Short   string   `json:"short"`
	Name    string   `json:"name"`
	Bodies  []string `json:"bodies"`
	Parent  string   `json:"parent"`
	Website string   `json:"website"`
	Groups  []string `json:"groups"`
	Source  string   `json:"source"`
}

func instrument(in accord.Instrument) instrumentOut {
	return instrumentOut{ID: in.ID, Short: in.Short, Name: in.Name, Bodies: append([]string{}, in.Bodies...), Parent: in.Parent,
		Website: in.Website, Groups: append([]string{}, in.Groups...), Source: in.Source, Bundled: in.ChangedBy == "",
		ChangedBy: in.ChangedBy, Updated: in.Updated, URL: "/instruments/" + url.PathEscape(in.ID)}
}

func (s *Server) instruments(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	ins, err := s.store.Instruments(r.Context())
	if err != nil {
		return err
	}
	out := listOut[instrumentOut]{Items: []instrumentOut{}}
	for _, in := range ins {
		out.Items = append(out.Items, instrument(in))
	}
	return writeJSON(w, r, out)
}

func (s *Server) instrumentOne(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	in, err := s.store.Instrument(r.Context(), id)
	if err != nil {
		return err
	}
	ins, err := s.store.Instruments(r.Context())
	if err != nil {
		return err
	}
	out := &instrumentDetail{instrumentOut: instrument(in), Protocols: []string{}, JointWith: accord.JoiningInstruments(id),
		BodyRecords: []bodyOut{}, Meetings: "/api/v1/meetings?instrument=" + url.QueryEscape(id)}
	if out.JointWith == nil {
		out.JointWith = []string{}
	}
	for _, in := range ins {
		if in.Parent == id {
			out.Protocols = append(out.Protocols, in.ID)
		}
	}
	counts, err := s.store.InstrumentCounts(r.Context())
	if err != nil {
		return err
	}
	out.Decisions, out.Mandates = counts[id].Decisions, counts[id].Mandates
	bs, err := s.store.Bodies(r.Context(), id)
	if err != nil {
		return err
	}
	for _, b := range bs {
		out.BodyRecords = append(out.BodyRecords, body(b))
	}
	return writeJSON(w, r, out)
}

// instrumentAdmin returns the account of the request, which must be an
// admin's: instruments are what every other record hangs on.
func (s *Server) instrumentAdmin(w http.ResponseWriter, r *http.Request) (accord.User, error) {
	u, err := s.user(w, r)
	if err != nil {
		return u, err
	}
	if u.Role != accord.RoleAdmin {
		return u, &problem{Status: http.StatusForbidden, Detail: "adding and changing instruments is for admins; " + u.Name + " is " + string(u.Role)}
	}
	return u, nil
}

// addInstrument adds an instrument; one of its id stored already is a
// conflict (PUT changes it).
func (s *Server) addInstrument(w http.ResponseWriter, r *http.Request) error {
	return s.saveInstrument(w, r, "")
}

// putInstrument adds or changes the instrument {id}.
func (s *Server) putInstrument(w http.ResponseWriter, r *http.Request) error {
	return s.saveInstrument(w, r, r.PathValue("id"))
}

func (s *Server) saveInstrument(w http.ResponseWriter, r *http.Request, id string) error {
	u, err := s.instrumentAdmin(w, r)
	if err != nil {
		return err
	}
	var in instrumentIn
	if err := readJSON(r, "an instrument", &in); err != nil {
		return err
	}
	switch {
	case id == "":
		if _, err := s.store.Instrument(r.Context(), in.ID); err == nil {
			return fmt.Errorf("%w: instrument %s exists: PUT /api/v1/instruments/%s changes it", accord.ErrConflict, in.ID, in.ID)
		}
	case in.ID != "" && in.ID != id:
		return badRequest("the body's id %q is not the address's %q", in.ID, id)
	default:
		in.ID = id
	}
	rec := accord.Instrument{ID: in.ID, Short: in.Short, Name: in.Name, Bodies: in.Bodies, Parent: accord.InstrumentID(in.Parent),
		Website: in.Website, Source: in.Source}
	for _, g := range in.Groups {
		rec.Groups = append(rec.Groups, accord.InstrumentID(g))
	}
	if _, err := s.store.PutInstruments(r.Context(), u.Name, []accord.Instrument{rec}); err != nil {
		return err
	}
	stored, err := s.store.Instrument(r.Context(), rec.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/instruments/"+url.PathEscape(rec.ID))
	return writeJSON(w, r, instrument(stored))
}
