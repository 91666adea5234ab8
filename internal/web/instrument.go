package web

import (
	"context"

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
