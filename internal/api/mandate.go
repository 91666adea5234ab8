package api

import (
	"fmt"
	"mime"
	"net/http"
	"time"

	"github.com/accordmea/accord"
)

type mandateOut struct {
	ID          int64          `json:"id"`
	DecisionID  int64          `json:"decision_id"`
	Symbol      string         `json:"symbol"`
	Instrument  string         `json:"instrument"`
	Meeting     string         `json:"meeting"`
	Path        string         `json:"path"`
	Verb        string         `json:"verb"`  // the verb phrase as written: "Also requests"
	Lemma       string         `json:"lemma"` // its verb, normalized: "request"
	Addressees  []addresseeOut `json:"addressees"`
	Action      string         `json:"action"`
	Deliverable string         `json:"deliverable"`
	Deadline    *deadlineOut   `json:"deadline"`
	Periodicity string         `json:"periodicity,omitempty"`
	Conditions  []string       `json:"conditions"`
	Helpers     []string       `json:"helpers"`
	Status      string         `json:"status"`
	Owner       string         `json:"owner,omitempty"`
	Notes       string         `json:"notes,omitempty"`
	Updated     time.Time      `json:"updated"`
	Evidence    []evidenceOut  `json:"evidence,omitempty"`
	History     []changeOut    `json:"history,omitempty"`
	// CheckedBy names the person who corrected what was extracted;
	// absent when nobody did.
	CheckedBy   string          `json:"checked_by,omitempty"`
	Checked     *time.Time      `json:"checked,omitempty"`
	Corrections []correctionOut `json:"corrections,omitempty"`
}

type addresseeOut struct {
	Text      string `json:"text"`
	Actor     string `json:"actor"`
	Qualifier string `json:"qualifier,omitempty"`
}

type deadlineOut struct {
	Text    string `json:"text"`
	Meeting string `json:"meeting,omitempty"`
	Date    string `json:"date,omitempty"`
}

type evidenceOut struct {
	Kind  string    `json:"kind"`
	Ref   string    `json:"ref"`
	Added time.Time `json:"added"`
	Who   string    `json:"who"`
}

type changeOut struct {
	At    time.Time `json:"at"`
	Who   string    `json:"who"`
	Field string    `json:"field"`
	From  string    `json:"from"`
	To    string    `json:"to"`
	Why   string    `json:"why,omitempty"`
}

func mandate(m accord.Mandate) mandateOut {
	out := mandateOut{ID: m.ID, DecisionID: m.DecisionID, Symbol: m.Symbol, Instrument: m.Instrument, Meeting: m.Meeting,
		Path: m.Path, Verb: m.Phrase, Lemma: m.Verb, Addressees: []addresseeOut{}, Action: m.Action, Deliverable: m.Deliverable,
		Periodicity: m.Periodicity, Conditions: append([]string{}, m.Conditions...), Helpers: append([]string{}, m.Helpers...),
		Status: string(m.Status), Owner: m.Owner, Notes: m.Notes, Updated: m.Updated}
	for _, a := range m.Addressees {
		out.Addressees = append(out.Addressees, addresseeOut(a))
	}
	if m.Deadline != nil {
		d := deadlineOut(*m.Deadline)
		out.Deadline = &d
	}
	for _, e := range m.Evidence {
		out.Evidence = append(out.Evidence, evidenceOut(e))
	}
	for _, c := range m.History {
		out.History = append(out.History, changeOut(c))
	}
	if m.CheckedBy != "" {
		out.CheckedBy, out.Checked = m.CheckedBy, &m.Checked
	}
	if len(m.Corrections) > 0 {
		out.Corrections = corrections(m.Corrections)
	}
	return out
}

func (s *Server) mandates(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "instrument", "meeting", "symbol", "due", "status", "actor", "mentions", "overdue", "body", "owner", "checked", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, after, err := page(q, "m")
	if err != nil {
		return err
	}
	f := accord.MandateFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Symbol: q.Get("symbol"),
		DueMeeting: q.Get("due"), Actor: q.Get("actor"), Mentions: q.Get("mentions"), Body: q.Get("body"), Owner: q.Get("owner"),
		Checked: q.Get("checked"), ByID: true, After: after, Limit: limit + 1}
	if f.Checked != "" && f.Checked != "yes" && f.Checked != "no" {
		return badRequest("checked %q: want yes or no", f.Checked)
	}
	if st := q.Get("status"); st != "" {
		if !accord.Status(st).Valid() {
			return badRequest("status %q: want open, in-progress, ongoing, completed, deferred or superseded", st)
		}
		f.Status = accord.Status(st)
	}
	switch q.Get("overdue") {
	case "", "false":
	case "true":
		f.Overdue = true
	default:
		return badRequest("overdue %q: want true or false", q.Get("overdue"))
	}
	view, err := s.mandateView(w, r)
	if err != nil {
		return err
	}
	ms, err := s.store.Mandates(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, r, pageOf(ms, limit, "m", func(m accord.Mandate) int64 { return m.ID }, view))
}

func (s *Server) mandate(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	view, err := s.mandateView(w, r)
	if err != nil {
		return err
	}
	m, err := s.store.Mandate(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, r, view(m))
}

// mandatePatch is the body of PATCH /mandates/{id}. Fields left out stay.
// Status, owner, note and evidence track the mandate; addressees, action,
// deadline and deliverable correct what was extracted.
type mandatePatch struct {
	Status   *string  `json:"status"`
	Owner    *string  `json:"owner"`
	Note     string   `json:"note"`
	Evidence []string `json:"evidence"`
	Why      string   `json:"why"`

	Addressees  *[]string    `json:"addressees"`
	Action      *string      `json:"action"`
	Deadline    *deadlineOut `json:"deadline"`
	Deliverable *string      `json:"deliverable"`
}

func (p mandatePatch) corrects() bool {
	return p.Addressees != nil || p.Action != nil || p.Deadline != nil || p.Deliverable != nil
}

func (p mandatePatch) tracks() bool {
	return p.Status != nil || p.Owner != nil || p.Note != "" || len(p.Evidence) > 0
}

// maxBody is the largest request body the API reads.
const maxBody = 64 << 10

// updateMandate changes a mandate for an account allowed to edit its
// instrument; the store records the change in the mandate's history and
// the audit log.
func (s *Server) updateMandate(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &problem{Status: http.StatusUnsupportedMediaType, Detail: fmt.Sprintf("Content-Type %q: send application/json", r.Header.Get("Content-Type"))}
	}
	m, err := s.store.Mandate(r.Context(), id)
	if err != nil {
		return err
	}
	if !u.CanEdit(m.Instrument) {
		return &problem{Status: http.StatusForbidden, Detail: fmt.Sprintf("%s may not change mandates of %s", u.Name, orNone(m.Instrument))}
	}
	var p mandatePatch
	if err := readJSON(r, "a mandate change", &p); err != nil {
		return err
	}
	if p.corrects() {
		// A correction and a change of status are two writes; one
		// request makes one, whole or not at all.
		if p.tracks() {
			return badRequest("send corrections (addressees, action, deadline, deliverable) and changes of status, owner, note or evidence in two requests")
		}
		m, err := s.correctMandate(r, u, id, p)
		if err != nil {
			return err
		}
		return writeJSON(w, r, mandate(m))
	}
	up := accord.MandateUpdate{Owner: p.Owner, Note: p.Note, Evidence: p.Evidence, Who: u.Name, Why: p.Why}
	if p.Status != nil {
		st := accord.Status(*p.Status)
		up.Status = &st
	}
	m, err = s.store.UpdateMandate(r.Context(), id, up)
	if err != nil {
		return err
	}
	return writeJSON(w, r, mandate(m))
}

func orNone(inst string) string {
	if inst == "" {
		return "no instrument"
	}
	return inst
}
