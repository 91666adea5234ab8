package api

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/accordmea/accord"
)

type centreOut struct {
	ID              string              `json:"id"`
	Name            string              `json:"name"`
	HostCountry     string              `json:"host_country"`
	City            string              `json:"city,omitempty"`
	Conventions     []string            `json:"conventions"`
	CountriesServed []string            `json:"countries_served"`
	Closed          string              `json:"closed,omitempty"`
	FocalCentre     bool                `json:"focal_centre"`
	Documents       []centreDocumentOut `json:"documents"`
	Source          string              `json:"source,omitempty"`
	Mandates        string              `json:"mandates_url"`
	Updated         time.Time           `json:"updated_at"`
	UpdatedBy       string              `json:"updated_by"`
}

type centreDocumentOut struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
}

func centre(c accord.Centre) centreOut {
	out := centreOut{ID: c.ID, Name: c.Name, HostCountry: c.HostCountry, City: c.City, Conventions: c.Conventions,
		CountriesServed: c.CountriesServed, Closed: c.Closed, FocalCentre: c.FocalCentre, Documents: []centreDocumentOut{},
		Source: c.Source, Mandates: "/api/v1/mandates?mentions=" + url.QueryEscape(c.Name), Updated: c.Updated, UpdatedBy: c.UpdatedBy}
	if out.CountriesServed == nil {
		out.CountriesServed = []string{}
	}
	for _, d := range c.Documents {
		out.Documents = append(out.Documents, centreDocumentOut(d))
	}
	return out
}

// centres lists the centres, of a convention, or hosted by or serving a
// country.
func (s *Server) centres(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "convention", "country")
	if err != nil {
		return err
	}
	code, inst, err := countryAndInstrument(q.Get("country"), q.Get("convention"))
	if err != nil {
		return err
	}
	cs, err := s.store.Centres(r.Context())
	if err != nil {
		return err
	}
	f := accord.CentreFilter{Convention: inst, Country: code}
	out := listOut[centreOut]{Items: []centreOut{}}
	for _, c := range cs {
		if f.Match(c) {
			out.Items = append(out.Items, centre(c))
		}
	}
	return writeJSON(w, r, out)
}

func (s *Server) centreOne(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	c, err := s.store.Centre(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, r, centre(c))
}

// centreIn is the body that adds or replaces a centre.
type centreIn struct {
	Name            string              `json:"name"`
	HostCountry     string              `json:"host_country"`
	City            string              `json:"city"`
	Conventions     []string            `json:"conventions"`
	CountriesServed []string            `json:"countries_served"`
	Closed          string              `json:"closed"`
	FocalCentre     bool                `json:"focal_centre"`
	Documents       []centreDocumentOut `json:"documents"`
	Source          string              `json:"source"`
}

// centreConventions are the conventions a centre serves, whose editors
// (of all of them) change it; none for one not yet stored.
func centreConventions(c accord.Centre) []string { return c.Conventions }

// putCentre adds or replaces centre {id}, for an editor of every
// convention it serves (and served).
func (s *Server) putCentre(w http.ResponseWriter, r *http.Request) error {
	_, u, err := editable(s, w, r, "centres", orNew(bySlug(s.store.Centre)), centreConventions)
	if err != nil {
		return err
	}
	var in centreIn
	if err := readJSON(r, "a centre", &in); err != nil {
		return err
	}
	c := accord.Centre{ID: r.PathValue("id"), Name: in.Name, HostCountry: in.HostCountry, City: in.City, Conventions: in.Conventions,
		CountriesServed: in.CountriesServed, Closed: in.Closed, FocalCentre: in.FocalCentre, Source: in.Source}
	for _, d := range in.Documents {
		c.Documents = append(c.Documents, accord.CentreDocument(d))
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	for _, in := range c.Conventions {
		if err := mayEdit(u, in, "centres"); err != nil {
			return err
		}
	}
	if _, err := s.store.SaveCentres(r.Context(), []accord.Centre{c}, u.Name); err != nil {
		return err
	}
	got, err := s.store.Centre(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, r, centre(got))
}

// deleteCentre deletes centre {id}, for an editor of every convention it
// serves; the audit log keeps what it was.
func (s *Server) deleteCentre(w http.ResponseWriter, r *http.Request) error {
	return deleted(s, w, r, "centres", bySlug(s.store.Centre), centreConventions, func(ctx context.Context, c accord.Centre, who string) error {
		return s.store.DeleteCentre(ctx, c.ID, who)
	})
}
