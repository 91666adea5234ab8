package store

import (
	"context"
	"testing"

	"github.com/accordmea/accord"
)

// TestInstrumentsFollowAnotherServer: an instrument another server on the
// same database added (written here behind the store's back) is named
// once a list's page has asked for the counts.
func TestInstrumentsFollowAnotherServer(t *testing.T) {
	for _, tt := range unmigratedBackends {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := tt.open(t)
			if err := s.migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if err := s.useInstruments(ctx); err != nil {
				t.Fatal(err)
			}
			id := "elsewhere-" + tt.name
			if _, err := s.write.ExecContext(ctx, s.q(`INSERT INTO instruments (id, short, name, source, created_at, updated_at, changed_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)`), id, "Elsewhere "+tt.name, "Convention added elsewhere "+tt.name, "https://elsewhere.example",
				s.dialect.now(), s.dialect.now(), "other"); err != nil {
				t.Fatal(err)
			}
			if got := accord.InstrumentName(id); got != id {
				t.Fatalf("InstrumentName(%s) before any page = %q", id, got)
			}
			if _, err := s.Stats(ctx); err != nil {
				t.Fatal(err)
			}
			if got := accord.InstrumentName(id); got != "Elsewhere "+tt.name {
				t.Errorf("InstrumentName(%s) after a list's counts = %q, want Elsewhere %s", id, got, tt.name)
			}
		})
	}
}
