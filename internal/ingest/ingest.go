// Package ingest is the one way decisions get into a store, whatever
// brings them (the command line, the upload page, the demo): read the
// file, parse its text, extract each decision's mandates with the actor
// registry the store extends, and store the file's decisions in one
// transaction.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/textin"
)

// Result says what storing one file did.
type Result struct {
	accord.IngestResult
	Decisions int // found in the file
	Mandates  int // extracted from them
}

// Registry is the actor registry of a store: accord's own actors, the
// store's organizations (their names, acronyms and aliases) and the
// actors users added. It is built once and built again only when the
// store's RegistryVersion has moved, so that a server shares one among
// its requests, and sees what another process changed; it is safe for
// concurrent use.
type Registry struct {
	st accord.Store

	mu      sync.Mutex
	version int64
	actors  *extract.Actors // nil until built
	orgs    map[string]accord.Organization
}

// NewRegistry returns the registry of st, built when first used.
func NewRegistry(st accord.Store) *Registry { return &Registry{st: st} }

// Actors returns the registry, built again if what it reads changed.
func (r *Registry) Actors(ctx context.Context) (*extract.Actors, error) {
	a, _, err := r.get(ctx)
	return a, err
}

// Organization returns the organization of id, when id is one: what a
// page links an actor to.
func (r *Registry) Organization(ctx context.Context, id string) (accord.Organization, bool, error) {
	_, orgs, err := r.get(ctx)
	o, ok := orgs[id]
	return o, ok, err
}

func (r *Registry) get(ctx context.Context) (*extract.Actors, map[string]accord.Organization, error) {
	v, err := r.st.RegistryVersion(ctx)
	if err != nil {
		return nil, nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.actors != nil && v == r.version {
		return r.actors, r.orgs, nil
	}
	orgs, err := r.st.Organizations(ctx, accord.OrganizationFilter{})
	if err != nil {
		return nil, nil, err
	}
	added, err := r.st.Actors(ctx)
	if err != nil {
		return nil, nil, err
	}
	a := extract.NewActors(orgs)
	ids := make([]string, 0, len(added))
	for id := range added {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a.Add(id, added[id]...)
	}
	byID := make(map[string]accord.Organization, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	r.actors, r.orgs, r.version = a, byID, v
	return a, byID, nil
}

// File reads a file's bytes and stores its decisions. src names it and
// says who brings it; its checksum and format are filled in. Errors name
// the file.
func File(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, data []byte, opt parse.Options) (Result, error) {
	t, err := textin.Read(ctx, src.Name, data)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", src.Name, err)
	}
	src.SHA256, src.Format = t.SHA256, t.Format
	return Text(ctx, st, reg, src, t.Body, opt)
}

// Text stores the decisions of a file's text. A text with no decision in
// it is an error and stores nothing.
func Text(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, text string, opt parse.Options) (Result, error) {
	doc := parse.Parse(text, opt)
	return Decisions(ctx, st, reg, src, doc.Decisions)
}

// Decisions extracts the mandates of parsed decisions and stores them.
func Decisions(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, ds []accord.Decision) (Result, error) {
	if len(ds) == 0 {
		return Result{}, fmt.Errorf("%s: %w: no decision found in the text", src.Name, accord.ErrInvalid)
	}
	res := Result{Decisions: len(ds)}
	for i := range ds {
		ds[i].Mandates = extract.Decision(&ds[i], reg).Mandates
		for j := range ds[i].Mandates {
			ds[i].Mandates[j].Organizations = reg.Organizations(&ds[i], ds[i].Mandates[j])
		}
		res.Mandates += len(ds[i].Mandates)
	}
	r, err := st.Ingest(ctx, src, ds)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", src.Name, err)
	}
	res.IngestResult = r
	return res, nil
}

// relinkWho is who the audit log says linked the organizations of
// mandates stored before accord linked them.
const relinkWho = "accord (organization links)"

// Relink reads the organizations named by the mandates stored before
// accord linked them (st.UnlinkedMandates) from their stored text, as
// ingest reads them, and links them, once: the organizations' pages and
// the mandates' then list them without the decisions being ingested
// again. It says how many mandates it linked.
func Relink(ctx context.Context, st accord.Store, reg *extract.Actors) (int, error) {
	ids, err := st.UnlinkedMandates(ctx)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	decisions := map[int64]*accord.Decision{}
	links := make(map[int64][]string, len(ids))
	for _, id := range ids {
		m, err := st.Mandate(ctx, id)
		if errors.Is(err, accord.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("relink mandate %d: %w", id, err)
		}
		d, ok := decisions[m.DecisionID]
		if !ok {
			got, err := st.DecisionByID(ctx, m.DecisionID)
			if err != nil {
				return 0, fmt.Errorf("relink mandate %d: %w", id, err)
			}
			d = &got
			decisions[m.DecisionID] = d
		}
		links[id] = reg.Organizations(d, m)
	}
	return st.LinkOrganizations(ctx, relinkWho, links)
}
