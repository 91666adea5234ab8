package api

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
)

type actorOut struct {
	ID         string         `json:"id"`
	Names      []string       `json:"names"`      // names, acronyms and aliases it is known by
	Registered bool           `json:"registered"` // in the registry; else only named by addressees
	Mandates   int            `json:"mandates"`   // mandates asked of it
	ByStatus   map[string]int `json:"by_status"`  // those mandates by status
	List       string         `json:"mandates_url"`
}

// actorList returns every actor: those of the registry, built in and
// added by users, and those mandates name without a registry entry.
func (s *Server) actorList(r *http.Request) ([]actorOut, error) {
	reg, err := ingest.Registry(r.Context(), s.store)
	if err != nil {
		return nil, err
	}
	names := reg.Names()
	counts, err := s.store.ActorMandates(r.Context())
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id := range names {
		ids[id] = true
	}
	for id := range counts {
		ids[id] = true
	}
	out := make([]actorOut, 0, len(ids))
	for id := range ids {
		a := actorOut{ID: id, Names: names[id], Registered: names[id] != nil, ByStatus: map[string]int{},
			List: "/api/v1/mandates?actor=" + url.QueryEscape(id)}
		if a.Names == nil {
			a.Names = []string{}
		}
		for st, n := range counts[id] {
			a.ByStatus[string(st)] = n
			a.Mandates += n
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	as, err := s.actorList(r)
	if err != nil {
		return err
	}
	return writeJSON(w, r, listOut[actorOut]{Items: as})
}

func (s *Server) actor(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	as, err := s.actorList(r)
	if err != nil {
		return err
	}
	id := r.PathValue("actor")
	for _, a := range as {
		if a.ID == id {
			return writeJSON(w, r, a)
		}
	}
	return fmt.Errorf("actor %q: %w", id, accord.ErrNotFound)
}
