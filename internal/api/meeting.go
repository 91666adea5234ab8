package api

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

// meetingOut is a meeting as the API gives it.
type meetingOut struct {
	ID             string    `json:"id"`
	Instrument     string    `json:"instrument"`
	InstrumentName string    `json:"instrument_name"`
	Body           string    `json:"body"`
	Number         string    `json:"number"`
	Label          string    `json:"label"` // as decisions and deadlines name it: COP-7
	Kind           string    `json:"kind"`
	JointWith      []string  `json:"joint_with"`
	Start          string    `json:"start,omitempty"` // YYYY-MM-DD; absent when not known
	End            string    `json:"end,omitempty"`
	City           string    `json:"city,omitempty"`
	Country        string    `json:"country,omitempty"`
	Source         string    `json:"source"`
	Note           string    `json:"note,omitempty"`
	Bundled        bool      `json:"bundled"` // as accord bundles it; false once a person changed it
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
	Page           string    `json:"page_url"`
	Mandates       string    `json:"mandates_url"`  // the mandates due at it
	Decisions      string    `json:"decisions_url"` // the decisions it adopted
	Documents      string    `json:"documents_url"` // the documents registered for it
	Overlaps       []overlap `json:"overlaps,omitempty"`
}

type overlap struct {
	Meeting string `json:"meeting"`
	Why     string `json:"why"`
}

func meeting(m accord.Meeting) meetingOut {
	in := url.QueryEscape(m.Instrument)
	out := meetingOut{ID: m.ID, Instrument: m.Instrument, InstrumentName: accord.InstrumentName(m.Instrument), Body: m.Body,
		Number: m.Number, Label: m.Label(), Kind: m.Kind, JointWith: m.JointWith, City: m.City, Country: m.Country,
		Source: m.Source, Note: m.Note, Bundled: m.ChangedBy == "", Created: m.Created, Updated: m.Updated,
		Page:      "/meetings/" + url.PathEscape(m.ID),
		Mandates:  "/api/v1/mandates?instrument=" + in + "&due=" + url.QueryEscape(m.Session()),
		Decisions: "/api/v1/decisions?instrument=" + in + "&meeting=" + url.QueryEscape(m.Session()),
		Documents: "/api/v1/documents?meeting=" + url.QueryEscape(m.ID)}
	if out.JointWith == nil {
		out.JointWith = []string{}
	}
	if m.Dated() {
		out.Start, out.End = m.Start.Format(time.DateOnly), m.End.Format(time.DateOnly)
	}
	return out
}

// meetingIn is the body of PUT /meetings/{id}: the whole record.
type meetingIn struct {
	Instrument string   `json:"instrument"`
	Body       string   `json:"body"`
	Number     string   `json:"number"`
	Kind       string   `json:"kind"`
	JointWith  []string `json:"joint_with"`
	Start      string   `json:"start"`
	End        string   `json:"end"`
	City       string   `json:"city"`
	Country    string   `json:"country"`
	Source     string   `json:"source"`
	Note       string   `json:"note"`
}

// dateParam reads a date of a query or body: the zero time when empty.
func dateParam(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return t, badRequest("%s %q: want YYYY-MM-DD", name, v)
	}
	return t, nil
}

// offsetCursor is the cursor of a list read by offset: meetings are
// ordered by date, not by a number.
func offsetCursor(q url.Values, kind string) (int, error) {
	c := q.Get("cursor")
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	k, n, ok := strings.Cut(string(b), ":")
	off, convErr := strconv.Atoi(n)
	if err != nil || !ok || k != kind || convErr != nil || off <= 0 {
		return 0, badRequest("malformed cursor %q: pass back the next_cursor of a previous page", c)
	}
	return off, nil
}

func (s *Server) meetings(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "instrument", "body", "year", "from", "to", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, _, err := page(url.Values{"limit": {q.Get("limit")}}, "")
	if err != nil {
		return err
	}
	offset, err := offsetCursor(q, "G")
	if err != nil {
		return err
	}
	f := accord.MeetingFilter{Instrument: q.Get("instrument"), Body: q.Get("body"), Limit: limit + 1, Offset: offset}
	if f.Year, err = yearParam(q); err != nil {
		return err
	}
	if f.From, err = dateParam("from", q.Get("from")); err != nil {
		return err
	}
	if f.To, err = dateParam("to", q.Get("to")); err != nil {
		return err
	}
	ms, err := s.store.Meetings(r.Context(), f)
	if err != nil {
		return err
	}
	out := listOut[meetingOut]{Items: []meetingOut{}}
	for i, m := range ms {
		if i == limit {
			out.NextCursor = base64.RawURLEncoding.EncodeToString([]byte("G:" + strconv.Itoa(offset+limit)))
			break
		}
		out.Items = append(out.Items, meeting(m))
	}
	return writeJSON(w, r, out)
}

func (s *Server) meeting(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	m, err := s.store.Meeting(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := meeting(m)
	ovs, err := accord.OverlapsOf(r.Context(), s.store, []accord.Meeting{m})
	if err != nil {
		return err
	}
	for _, o := range ovs {
		other := o.A
		if other.ID == m.ID {
			other = o.B
		}
		out.Overlaps = append(out.Overlaps, overlap{other.ID, o.Why})
	}
	return writeJSON(w, r, out)
}

// editor returns the account of the request, which must be allowed to
// change the records of instrument.
func (s *Server) editor(w http.ResponseWriter, r *http.Request, instrument string) (accord.User, error) {
	u, err := s.user(w, r)
	if err != nil {
		return u, err
	}
	if !u.CanEdit(instrument) {
		return u, &problem{Status: http.StatusForbidden, Detail: fmt.Sprintf("%s may not change records of the %s", u.Name, accord.InstrumentName(instrument))}
	}
	return u, nil
}

// meetingInstruments is the instrument of a meeting, whose editors
// change it; none for one not yet stored.
func meetingInstruments(m accord.Meeting) []string { return one(m.Instrument) }

// putMeeting adds or replaces meeting {id}, for an editor of its
// instrument (and of the one it had).
func (s *Server) putMeeting(w http.ResponseWriter, r *http.Request) error {
	_, u, err := editable(s, w, r, "meetings", orNew(bySlug(s.store.Meeting)), meetingInstruments)
	if err != nil {
		return err
	}
	var in meetingIn
	if err := readJSON(r, "a meeting", &in); err != nil {
		return err
	}
	m := accord.Meeting{ID: r.PathValue("id"), Instrument: accord.InstrumentID(in.Instrument), Body: in.Body, Number: in.Number,
		Kind: in.Kind, JointWith: in.JointWith, City: in.City, Country: in.Country, Source: in.Source, Note: in.Note}
	if m.Start, err = dateParam("start", in.Start); err != nil {
		return err
	}
	if m.End, err = dateParam("end", in.End); err != nil {
		return err
	}
	if err := mayEdit(u, m.Instrument, "meetings"); err != nil {
		return err
	}
	if _, err := s.store.PutMeetings(r.Context(), u.Name, []accord.Meeting{m}); err != nil {
		return err
	}
	stored, err := s.store.Meeting(r.Context(), m.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, r, meeting(stored))
}

func (s *Server) deleteMeeting(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "meetings", bySlug(s.store.Meeting), meetingInstruments, func(ctx context.Context, m accord.Meeting, who string) error {
		return s.store.DeleteMeeting(ctx, who, m.ID)
	})
}

// bodyOut is a body of an instrument as the API gives it.
type bodyOut struct {
	ID         string    `json:"id"`
	Instrument string    `json:"instrument"`
	Code       string    `json:"code"`
	Name       string    `json:"name"`
	Kind       string    `json:"kind"`
	Source     string    `json:"source"`
	Note       string    `json:"note,omitempty"`
	Bundled    bool      `json:"bundled"`
	Updated    time.Time `json:"updated"`
	Meetings   string    `json:"meetings_url"`
}

// bodyIn is the body of PUT /bodies/{id}.
type bodyIn struct {
	Instrument string `json:"instrument"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Source     string `json:"source"`
	Note       string `json:"note"`
}

func body(b accord.Body) bodyOut {
	return bodyOut{ID: b.ID, Instrument: b.Instrument, Code: b.Code, Name: b.Name, Kind: b.Kind, Source: b.Source, Note: b.Note,
		Bundled: b.ChangedBy == "", Updated: b.Updated,
		Meetings: "/api/v1/meetings?instrument=" + url.QueryEscape(b.Instrument) + "&body=" + url.QueryEscape(b.Code)}
}

func (s *Server) bodies(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "instrument")
	if err != nil {
		return err
	}
	bs, err := s.store.Bodies(r.Context(), q.Get("instrument"))
	if err != nil {
		return err
	}
	out := listOut[bodyOut]{Items: []bodyOut{}}
	for _, b := range bs {
		out.Items = append(out.Items, body(b))
	}
	return writeJSON(w, r, out)
}

func (s *Server) putBody(w http.ResponseWriter, r *http.Request) error {
	var in bodyIn
	if err := readJSON(r, "a body", &in); err != nil {
		return err
	}
	b := accord.Body{ID: r.PathValue("id"), Instrument: accord.InstrumentID(in.Instrument), Code: in.Code, Name: in.Name,
		Kind: in.Kind, Source: in.Source, Note: in.Note}
	u, err := s.editor(w, r, b.Instrument)
	if err != nil {
		return err
	}
	if _, err := s.store.PutBodies(r.Context(), u.Name, []accord.Body{b}); err != nil {
		return err
	}
	bs, err := s.store.Bodies(r.Context(), b.Instrument)
	if err != nil {
		return err
	}
	for _, stored := range bs {
		if stored.ID == b.ID {
			return writeJSON(w, r, body(stored))
		}
	}
	return fmt.Errorf("body %s: %w", b.ID, accord.ErrNotFound)
}

func (s *Server) deleteBody(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	bs, err := s.store.Bodies(r.Context(), "")
	if err != nil {
		return err
	}
	for _, b := range bs {
		if b.ID != id {
			continue
		}
		u, err := s.editor(w, r, b.Instrument)
		if err != nil {
			return err
		}
		if err := s.store.DeleteBody(r.Context(), u.Name, id); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	return fmt.Errorf("body %s: %w", id, accord.ErrNotFound)
}
