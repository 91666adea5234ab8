package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
)

// TestRegistryFollowsOrganizations: the registry is built once and built
// again when an organization or an added actor changes, so that a name a
// person gives an organization resolves at the next ingest.
func TestRegistryFollowsOrganizations(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg := NewRegistry(st)
	a1, err := reg.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a2, _ := reg.Actors(ctx); a2 != a1 {
		t.Error("the registry was built again with nothing changed")
	}
	if got := a1.Resolve("the Lead Organization"); got != "lead-organization" {
		t.Fatalf("Resolve(Lead Organization) before it is added = %q", got)
	}
	if _, err := st.PutOrganizations(ctx, "jane", []accord.Organization{{ID: "lead-org", Name: "Lead Organization", Kind: accord.NGO}}); err != nil {
		t.Fatal(err)
	}
	a3, err := reg.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := a3.Resolve("the Lead Organization"); got != "lead-org" {
		t.Errorf("Resolve(Lead Organization) after it was added = %q, want lead-org", got)
	}
	if o, ok, _ := reg.Organization(ctx, "lead-org"); !ok || o.Name != "Lead Organization" {
		t.Errorf("Organization(lead-org) = %+v, %v", o, ok)
	}
	if _, ok, _ := reg.Organization(ctx, "secretariat"); ok {
		t.Error("the secretariat is no organization of the registry")
	}
	if err := st.AddActor(ctx, "lead-country", []string{"lead country"}); err != nil {
		t.Fatal(err)
	}
	a4, _ := reg.Actors(ctx)
	if got := a4.Resolve("the lead country"); got != "lead-country" {
		t.Errorf("Resolve(lead country) after it was added = %q", got)
	}
}

// TestSampleNamesIOMC: ingesting the sample, the Minamata COP-6 mandates
// naming the IOMC (by its name, then as "the Programme") are the IOMC's,
// and so is the BRS one naming it by another of its names.
func TestSampleNamesIOMC(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg, err := NewRegistry(st).Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sample.Files() {
		if _, err := File(ctx, st, reg, accord.Source{Name: f.Name, Who: "demo"}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := st.OrganizationMandates(ctx, "iomc")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		if m.Instrument == "minamata" { // the BRS recommendation names the IOMC's members too
			got = append(got, fmt.Sprintf("%s %s %s ¶%s", m.Instrument, m.Meeting, m.Verb, m.Path))
		}
	}
	want := []string{"minamata COP-6 request ¶5", "minamata COP-6 invite ¶5"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("OrganizationMandates(iomc) of Minamata = %q, want %q", got, want)
	}
	if len(ms) != len(want)+1 {
		t.Errorf("OrganizationMandates(iomc) = %d mandates, want %d", len(ms), len(want)+1)
	}
}
