package web

import (
	"net/http"

	"github.com/accordmea/accord"
)

type homePage struct {
	page
	Decisions, Mandates int
	Instruments         []accord.FacetCount
	Latest              []accord.Decision
	Due                 []dueGroup
	Meetings            []meetingRow // the next meetings
}

// homeMeetings is how many of the next meetings the home page lists.
const homeMeetings = 8

type dueGroup struct {
	Instrument, Meeting string
	Mandates            []accord.Mandate
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	stats, err := s.store.Stats(ctx)
	if err != nil {
		return err
	}
	p := homePage{page: s.page(r, "Home"), Decisions: stats.Decisions, Mandates: stats.Mandates, Instruments: stats.Instruments}
	if p.Latest, err = s.store.Decisions(ctx, accord.DecisionFilter{Newest: true, Limit: 10}); err != nil {
		return err
	}
	if p.Meetings, err = s.nextMeetings(ctx, homeMeetings); err != nil {
		return err
	}
	ms, err := s.store.Mandates(ctx, accord.MandateFilter{Upcoming: true, Limit: 200})
	if err != nil {
		return err
	}
	groups := map[string]int{}
	for _, m := range ms {
		key := m.Instrument + " " + m.Deadline.Meeting
		k, ok := groups[key]
		if !ok {
			k = len(p.Due)
			groups[key] = k
			p.Due = append(p.Due, dueGroup{Instrument: m.Instrument, Meeting: m.Deadline.Meeting})
		}
		p.Due[k].Mandates = append(p.Due[k].Mandates, m)
	}
	return s.render(w, http.StatusOK, "home", p)
}
