package store

import (
	"context"
	"slices"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
)

// TestRelinkAfterUpgrade: the mandates of a store made before accord
// linked organizations (here, links removed before migration 024) are
// linked by ingest.Relink once, from their stored text, audited once;
// a second run links nothing.
func TestRelinkAfterUpgrade(t *testing.T) {
	const text = "Decision MC-9/1: Cooperation\n\nThe Conference of the Parties,\n\n" +
		"1. Requests the Executive Secretary to cooperate with the Inter-Organization Programme for the Sound Management of Chemicals;\n\n" +
		"2. Invites Parties to report.\n"
	for _, tt := range unmigratedBackends {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := tt.open(t)
			if err := s.migrateTo(ctx, 23); err != nil {
				t.Fatal(err)
			}
			if err := s.loadOrganizations(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := ingest.Text(ctx, s, nil, accord.Source{Name: "mc9.txt"}, text, parse.Options{}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.write.ExecContext(ctx, `DELETE FROM mandate_organizations`); err != nil {
				t.Fatal(err)
			}
			if err := s.migrate(ctx); err != nil {
				t.Fatal(err)
			}
			ids, err := s.UnlinkedMandates(ctx)
			if err != nil || len(ids) != 2 {
				t.Fatalf("UnlinkedMandates after the upgrade = %v, %v; want both mandates", ids, err)
			}
			if ms, _ := s.OrganizationMandates(ctx, "iomc"); len(ms) != 0 {
				t.Fatalf("before relinking, the IOMC is named by %d mandates", len(ms))
			}
			n, err := ingest.Relink(ctx, s, nil)
			if err != nil || n != 2 {
				t.Fatalf("Relink = %d, %v; want 2 linked", n, err)
			}
			ms, err := s.OrganizationMandates(ctx, "iomc")
			if err != nil || len(ms) != 1 || ms[0].Path != "1" {
				t.Fatalf("the IOMC after relinking is named by %d mandates, %v; want ¶1's", len(ms), err)
			}
			if m, _ := s.Mandate(ctx, ms[0].ID); !slices.Contains(m.Organizations, "iomc") {
				t.Errorf("mandate ¶1 names %v, want iomc", m.Organizations)
			}
			if n, err := ingest.Relink(ctx, s, nil); err != nil || n != 0 {
				t.Errorf("Relink again = %d, %v; want nothing", n, err)
			}
			log, err := s.AuditLog(ctx, 5)
			if err != nil || len(log) == 0 || log[0].Action != "link organizations" || log[0].After != `{"mandates":2,"naming_organizations":1}` {
				t.Errorf("audit log = %+v, %v; want one entry of the relinking", log, err)
			}
			if _, err := s.LinkOrganizations(ctx, "", nil); err == nil {
				t.Error("LinkOrganizations by nobody: want an error")
			}
		})
	}
}
