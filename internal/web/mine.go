package web

import (
	"net/http"
	"net/url"

	"github.com/accordmea/accord"
)

// mineMax is the most mandates a section of the signed-in person's own
// view lists; the board, linked beside, pages through the rest.
const mineMax = 100

// mineActor is whose mandates "Mine" lists: the secretariat, which
// gathers its Executive Secretary and, for Basel, Rotterdam and
// Stockholm, the joint secretariat (accord.ActorScope).
const mineActor = "secretariat"

type minePage struct {
	page
	Sections []mineSection
	// Owned are the pending mandates the person owns, by due date.
	Owned []accord.Mandate
	Owner string
}

// mineSection is the pending work asked of the secretariat of one
// instrument (or of every instrument, for a person of none): overdue
// first, then by due date and meeting.
type mineSection struct {
	Instrument string // an id, or "" for every instrument
	Overdue    []accord.Mandate
	Pending    []accord.Mandate // not overdue
	More       bool             // more are pending than listed
	Board      string
}

// mine is the signed-in person's own view: what is asked of the
// secretariat of their instruments and not done yet, overdue first, and
// the mandates they own.
func (s *Server) mine(w http.ResponseWriter, r *http.Request) error {
	v := visitorOf(r)
	if !v.ok {
		return errSignIn
	}
	ctx := r.Context()
	p := minePage{page: s.page(r, "My mandates"), Owner: v.user.Name}
	insts := v.user.Instruments
	if len(insts) == 0 {
		insts = []string{""}
	}
	for _, in := range insts {
		sec := mineSection{Instrument: in}
		late, err := s.mandateRows(ctx, accord.MandateFilter{Instrument: in, Actor: mineActor, Overdue: true, Sort: "due", Limit: mineMax + 1})
		if err != nil {
			return err
		}
		if len(late) > mineMax {
			late, sec.More = late[:mineMax], true
		}
		seen := map[int64]bool{}
		for _, m := range late {
			seen[m.ID] = true
		}
		sec.Overdue = late
		rest, err := s.mandateRows(ctx, accord.MandateFilter{Instrument: in, Actor: mineActor, Pending: true, Sort: "due", Limit: mineMax + len(late) + 1})
		if err != nil {
			return err
		}
		for _, m := range rest {
			if seen[m.ID] {
				continue
			}
			if len(sec.Overdue)+len(sec.Pending) == mineMax {
				sec.More = true
				break
			}
			sec.Pending = append(sec.Pending, m)
		}
		q := url.Values{"actor": {mineActor}, "sort": {"due"}}
		if in != "" {
			q.Set("instrument", in)
		}
		sec.Board = "/mandates?" + q.Encode()
		p.Sections = append(p.Sections, sec)
	}
	owned, err := s.mandateRows(ctx, accord.MandateFilter{Owner: v.user.Name, Pending: true, Sort: "due", Limit: mineMax})
	if err != nil {
		return err
	}
	p.Owned = owned
	return s.render(w, http.StatusOK, "mine", p)
}
