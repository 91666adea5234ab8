package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/registry"
)

// testOrganizationRecords runs the organizations' tests in order on one
// store.
func testOrganizationRecords(t *testing.T, s accord.Store) {
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, s accord.Store)
	}{
		{"Organizations", testOrganizations},
		{"Arrangements", testArrangements},
		{"OrganizationMandates", testOrganizationMandates},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, s) })
	}
}

// testOrganizations: the bundled organizations are there on opening; a
// person adds and changes them, every change audited; names stay unique;
// a deletion leaves its row and its audit entry; the registry's version
// moves with every change.
func testOrganizations(t *testing.T, s accord.Store) {
	ctx := context.Background()
	bundle, err := registry.Organizations()
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Organizations(ctx, accord.OrganizationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(bundle) {
		t.Errorf("Organizations() = %d on opening, want the %d bundled", len(all), len(bundle))
	}
	iomc, err := s.Organization(ctx, "iomc")
	if err != nil {
		t.Fatal(err)
	}
	if iomc.Acronym != "IOMC" || !iomc.Bundled || iomc.ChangedBy != "" || iomc.Created.IsZero() || iomc.Updated.IsZero() {
		t.Errorf("Organization(iomc) = %+v, want the bundled row with its times", iomc)
	}
	if got, _ := s.Organizations(ctx, accord.OrganizationFilter{Text: "sound management"}); len(got) != 1 || got[0].ID != "iomc" {
		t.Errorf("Organizations(text sound management) = %v, want iomc", ids(got))
	}
	if got, _ := s.Organizations(ctx, accord.OrganizationFilter{Kind: accord.SciencePolicyPanel}); len(got) < 3 {
		t.Errorf("Organizations(kind science-policy-panel) = %v, want at least ISP-CWP, IPBES, IPCC", ids(got))
	}
	if _, err := s.Organization(ctx, "nobody"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Organization(nobody) err = %v, want ErrNotFound", err)
	}

	v0, err := s.RegistryVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lead := accord.Organization{ID: "lead-org", Name: "Lead Organization", Acronym: "LO", Aliases: []string{"the Lead"}, Kind: accord.NGO,
		Website: "https://lead.example.org"}
	iomc.Aliases = append(iomc.Aliases, "IOMC Programme")
	c, err := s.PutOrganizations(ctx, "jane", []accord.Organization{lead, iomc})
	if err != nil || c != (accord.ImportCounts{Added: 1, Updated: 1}) {
		t.Fatalf("PutOrganizations = %+v, %v, want 1 added, 1 updated", c, err)
	}
	if v, _ := s.RegistryVersion(ctx); v <= v0 {
		t.Errorf("RegistryVersion after a change = %d, want more than %d", v, v0)
	}
	got, _ := s.Organization(ctx, "iomc")
	if got.ChangedBy != "jane" || !got.Bundled || !strings.Contains(strings.Join(got.Aliases, "|"), "IOMC Programme") {
		t.Errorf("Organization(iomc) after the change = %+v", got)
	}
	// The same again changes nothing and moves no version.
	v1, _ := s.RegistryVersion(ctx)
	if c, err := s.PutOrganizations(ctx, "jane", []accord.Organization{lead, iomc}); err != nil || c != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("PutOrganizations again = %+v, %v, want 2 unchanged", c, err)
	}
	if v, _ := s.RegistryVersion(ctx); v != v1 {
		t.Errorf("RegistryVersion after no change = %d, want %d", v, v1)
	}

	for _, bad := range []struct {
		name string
		o    accord.Organization
		want string
	}{
		{"bad id", accord.Organization{ID: "Bad Id", Name: "X", Kind: accord.NGO}, `organization id "Bad Id"`},
		{"no name", accord.Organization{ID: "x", Kind: accord.NGO}, "name: empty"},
		{"bad kind", accord.Organization{ID: "x", Name: "X", Kind: "agency"}, `kind: "agency" is not a kind`},
		{"http website", accord.Organization{ID: "x", Name: "X", Kind: accord.NGO, Website: "http://x.org"}, "is not an https URL"},
		{"shared acronym", accord.Organization{ID: "x", Name: "X", Acronym: "UNEP", Kind: accord.NGO}, `"UNEP" also names unep`},
		{"shared alias", accord.Organization{ID: "x", Name: "X", Aliases: []string{"the  lead"}, Kind: accord.NGO}, "also names lead-org"},
	} {
		n := len(auditOf(t, s))
		if _, err := s.PutOrganizations(ctx, "jane", []accord.Organization{{ID: "fine", Name: "Fine", Kind: accord.NGO}, bad.o}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: PutOrganizations err = %v, want ErrInvalid naming %q", bad.name, err, bad.want)
		}
		if _, err := s.Organization(ctx, "fine"); !errors.Is(err, accord.ErrNotFound) {
			t.Errorf("%s: the good row of a refused batch was stored", bad.name)
		}
		if got := len(auditOf(t, s)); got != n {
			t.Errorf("%s: %d audit entries after a refused put, want %d", bad.name, got, n)
		}
	}

	if err := s.DeleteOrganization(ctx, "jane", "lead-org"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organization(ctx, "lead-org"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Organization(lead-org) after its deletion err = %v, want ErrNotFound", err)
	}
	if err := s.DeleteOrganization(ctx, "jane", "lead-org"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("DeleteOrganization twice err = %v, want ErrNotFound", err)
	}
	log := auditOf(t, s)
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action+" "+e.Target)
		if e.Action == "delete organization" && !strings.Contains(e.Before, "Lead Organization") {
			t.Errorf("the deletion's audit entry keeps %q, want the organization", e.Before)
		}
	}
	for _, want := range []string{"add organization organization lead-org", "update organization organization iomc", "delete organization organization lead-org"} {
		if !strings.Contains(strings.Join(actions, "\n"), want) {
			t.Errorf("audit log %q lacks %q", actions, want)
		}
	}
	// Its names are free again once it is deleted.
	if _, err := s.PutOrganizations(ctx, "jane", []accord.Organization{{ID: "other", Name: "Other", Acronym: "LO", Kind: accord.NGO}}); err != nil {
		t.Errorf("reusing a deleted organization's acronym: %v", err)
	}
	if err := s.AddActor(ctx, "lead-country", []string{"lead country"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.RegistryVersion(ctx); v <= v1 {
		t.Errorf("RegistryVersion after an actor was added = %d, want more than %d", v, v1)
	}
}

// testArrangements: arrangements tie an instrument to an organization
// and to the mandates that asked for them; putting one again without its
// id changes it in place; bad ones are refused whole; deletions are in
// the audit log.
func testArrangements(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat."), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Mandates(ctx, accord.MandateFilter{})
	if err != nil || len(ms) != 2 {
		t.Fatalf("Mandates = %d, %v", len(ms), err)
	}
	a := accord.Arrangement{Instrument: "Minamata", Organization: "iomc", Kind: accord.Membership, Status: accord.ArrangementRequested,
		Start: "2025-11", Evidence: "UNEP/MC/COP.6/19", Mandates: []int64{ms[0].ID}}
	out, _, err := s.PutArrangements(ctx, "jane", []accord.Arrangement{a})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].ID == 0 || out[0].Instrument != "minamata" || fmt.Sprint(out[0].Mandates) != fmt.Sprint([]int64{ms[0].ID}) || out[0].Created.IsZero() {
		t.Fatalf("PutArrangements = %+v", out)
	}
	// Again, without its id: the same arrangement, its status changed.
	a.Status = accord.ArrangementInForce
	again, c, err := s.PutArrangements(ctx, "jane", []accord.Arrangement{a})
	if err != nil || again[0].ID != out[0].ID || again[0].Status != accord.ArrangementInForce || c != (accord.ImportCounts{Updated: 1}) {
		t.Fatalf("PutArrangements again = %+v, %+v, %v, want arrangement %d updated, in force", again, c, err, out[0].ID)
	}
	if _, c, err := s.PutArrangements(ctx, "jane", []accord.Arrangement{a}); err != nil || c != (accord.ImportCounts{Unchanged: 1}) {
		t.Errorf("PutArrangements a third time = %+v, %v, want 1 unchanged", c, err)
	}
	if as, _ := s.Arrangements(ctx, accord.ArrangementFilter{Organization: "iomc"}); len(as) != 1 {
		t.Errorf("Arrangements(iomc) = %d, want 1", len(as))
	}
	if as, _ := s.Arrangements(ctx, accord.ArrangementFilter{Instrument: "basel"}); len(as) != 0 {
		t.Errorf("Arrangements(basel) = %d, want 0", len(as))
	}
	for _, bad := range []struct {
		name string
		a    accord.Arrangement
		want string
	}{
		{"unknown instrument", accord.Arrangement{Instrument: "nowhere", Organization: "iomc", Kind: accord.Membership, Status: accord.ArrangementProposed}, "instrument"},
		{"unknown organization", accord.Arrangement{Instrument: "minamata", Organization: "nobody", Kind: accord.Membership, Status: accord.ArrangementProposed}, `no organization "nobody"`},
		{"bad kind", accord.Arrangement{Instrument: "minamata", Organization: "iomc", Kind: "friendship", Status: accord.ArrangementProposed}, "kind"},
		{"bad date", accord.Arrangement{Instrument: "minamata", Organization: "iomc", Kind: accord.Membership, Status: accord.ArrangementProposed, Start: "2025-13-01"}, "start"},
		{"end before start", accord.Arrangement{Instrument: "minamata", Organization: "iomc", Kind: accord.Membership, Status: accord.ArrangementEnded, Start: "2025", End: "2024"}, "end"},
		{"unknown mandate", accord.Arrangement{Instrument: "minamata", Organization: "iomc", Kind: accord.Membership, Status: accord.ArrangementProposed, Mandates: []int64{999999}}, "no mandate 999999"},
	} {
		good := accord.Arrangement{Instrument: "minamata", Organization: "gef", Kind: accord.Partnership, Status: accord.ArrangementProposed}
		if _, _, err := s.PutArrangements(ctx, "jane", []accord.Arrangement{good, bad.a}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: PutArrangements err = %v, want ErrInvalid naming %q", bad.name, err, bad.want)
		}
		if as, _ := s.Arrangements(ctx, accord.ArrangementFilter{Organization: "gef"}); len(as) != 0 {
			t.Errorf("%s: the good arrangement of a refused batch was stored", bad.name)
		}
	}
	if err := s.DeleteArrangement(ctx, "jane", out[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Arrangement(ctx, out[0].ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("Arrangement after deletion err = %v, want ErrNotFound", err)
	}
	found := false
	for _, e := range auditOf(t, s) {
		if e.Action == "delete arrangement" && strings.Contains(e.Before, `"organization":"iomc"`) {
			found = true
		}
	}
	if !found {
		t.Error("no audit entry keeps the deleted arrangement")
	}
	// Deleting an organization deletes its arrangements, each audited.
	if _, _, err := s.PutArrangements(ctx, "jane", []accord.Arrangement{{Instrument: "minamata", Organization: "gef", Kind: accord.Partnership, Status: accord.ArrangementInForce}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOrganization(ctx, "jane", "gef"); err != nil {
		t.Fatal(err)
	}
	if as, _ := s.Arrangements(ctx, accord.ArrangementFilter{Organization: "gef"}); len(as) != 0 {
		t.Errorf("arrangements of a deleted organization = %d, want 0", len(as))
	}
}

// testOrganizationMandates: an organization's mandates are those asking
// it and those naming it, across instruments, and re-ingesting keeps
// them as extraction gives them.
func testOrganizationMandates(t *testing.T, s accord.Store) {
	ctx := context.Background()
	mc := withMandates(sample("MC-6/3", "minamata", "COP-6", "Requests the secretariat."), "COP-7")
	mc.Mandates[1].Organizations = []string{"global-framework", "unep"}
	bc := sample("BC-17/5", "basel", "COP-17", "Invites UNEP.")
	bc.Mandates = []accord.Mandate{{Seq: 1, Path: "1", Verb: "invite", Phrase: "Invites", Action: "to support Parties", Deliverable: "cooperation",
		Addressees: []accord.Addressee{{Text: "UNEP", Actor: "unep"}}}}
	if _, err := s.Ingest(ctx, src, []accord.Decision{mc}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "basel.txt", SHA256: "def", Format: "txt"}, []accord.Decision{bc}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.OrganizationMandates(ctx, "unep")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Symbol+" "+m.Action)
	}
	want := []string{"BC-17/5 to support Parties", "MC-6/3 to cooperate with the Global Framework on Chemicals"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("OrganizationMandates(unep) = %q, want %q", got, want)
	}
	if ms, _ := s.OrganizationMandates(ctx, "iomc"); len(ms) != 0 {
		t.Errorf("OrganizationMandates(iomc) = %d, want 0", len(ms))
	}
	// Re-ingested without the names, the mandate names them no more.
	mc.Mandates[1].Organizations = []string{"global-framework"}
	if _, err := s.Ingest(ctx, src, []accord.Decision{mc}); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.OrganizationMandates(ctx, "unep"); len(ms) != 1 {
		t.Errorf("OrganizationMandates(unep) after re-ingest = %d, want 1", len(ms))
	}
	if ms, _ := s.OrganizationMandates(ctx, "global-framework"); len(ms) != 1 {
		t.Errorf("OrganizationMandates(global-framework) = %d, want 1", len(ms))
	}
	if _, err := s.OrganizationMandates(ctx, "nobody"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("OrganizationMandates(nobody) err = %v, want ErrNotFound", err)
	}
}

func ids(os []accord.Organization) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.ID)
	}
	return out
}

func auditOf(t *testing.T, s accord.Store) []accord.AuditEntry {
	t.Helper()
	log, err := s.AuditLog(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	return log
}
