package api

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
)

type correctionOut struct {
	Field  string    `json:"field"`
	Value  string    `json:"value"`
	Parsed string    `json:"parsed"`
	Who    string    `json:"who"`
	At     time.Time `json:"at"`
}

func corrections(cs []accord.Correction) []correctionOut {
	out := []correctionOut{}
	for _, c := range cs {
		out = append(out, correctionOut(c))
	}
	return out
}

// readJSON reads a request body of JSON into v: sent as
// application/json, at most maxBody bytes, one value, no unknown fields.
func readJSON(r *http.Request, what string, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &problem{Status: http.StatusUnsupportedMediaType, Detail: fmt.Sprintf("Content-Type %q: send application/json", r.Header.Get("Content-Type"))}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return badRequest("reading the body: %v", err)
	}
	if len(body) > maxBody {
		return &problem{Status: http.StatusRequestEntityTooLarge, Detail: fmt.Sprintf("the body is over %d KB", maxBody>>10)}
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("the body is not the JSON of %s: %v", what, err)
	}
	if dec.More() {
		return badRequest("the body holds more than one JSON value")
	}
	return nil
}

// decisionPatch is the body of PATCH /decisions/{id}. Fields left out
// stay.
type decisionPatch struct {
	Symbol     *string `json:"symbol"`
	Title      *string `json:"title"`
	Kind       *string `json:"kind"`
	Instrument *string `json:"instrument"`
	Meeting    *string `json:"meeting"`
	Year       *int    `json:"year"`
	URL        *string `json:"url"`
}

// correctDecision corrects what identifies a decision, for an account
// that may edit its instrument (and the one it is given); the store
// keeps the correction over later ingests and audits it.
func (s *Server) correctDecision(w http.ResponseWriter, r *http.Request) error {
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
	var p decisionPatch
	if err := readJSON(r, "a decision's correction", &p); err != nil {
		return err
	}
	c := accord.DecisionCorrection{Symbol: p.Symbol, Title: p.Title, Instrument: p.Instrument, Meeting: p.Meeting, Year: p.Year,
		URL: p.URL, Who: u.Name, By: &u}
	if p.Kind != nil {
		k := accord.Kind(*p.Kind)
		c.Kind = &k
	}
	d, err := s.store.CorrectDecision(r.Context(), id, c)
	if err != nil {
		return err
	}
	return writeJSON(w, r, detail(d))
}

// correctMandate corrects what was extracted of a mandate: the fields of
// p that correct rather than track it.
func (s *Server) correctMandate(r *http.Request, u accord.User, id int64, p mandatePatch) (accord.Mandate, error) {
	c := accord.MandateCorrection{Action: p.Action, Deliverable: p.Deliverable, Who: u.Name, Why: p.Why}
	if p.Addressees != nil {
		actors, err := s.registry.Actors(r.Context())
		if err != nil {
			return accord.Mandate{}, err
		}
		as := extract.Addressees(*p.Addressees, actors)
		c.Addressees = &as
	}
	if p.Deadline != nil {
		dl := accord.Deadline(*p.Deadline)
		c.Deadline = &dl
	}
	return s.store.CorrectMandate(r.Context(), id, c)
}
