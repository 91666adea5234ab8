package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/accordmea/accord"
)

func testActors(t *testing.T, s accord.Store) {
	ctx := context.Background()
	if err := s.AddActor(ctx, "iccm", []string{"International Conference on Chemicals Management", "ICCM"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddActor(ctx, "iccm", []string{"ICCM", "the Conference"}); err != nil {
		t.Fatalf("adding a name again: %v", err)
	}
	got, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"iccm": {"ICCM", "International Conference on Chemicals Management", "the Conference"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Actors() = %v, want %v", got, want)
	}
	for _, bad := range []struct {
		id    string
		names []string
	}{{"ICCM!", []string{"x"}}, {"iccm", nil}, {"iccm", []string{"  "}}} {
		if err := s.AddActor(ctx, bad.id, bad.names); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("AddActor(%q, %q) err = %v, want ErrInvalid", bad.id, bad.names, err)
		}
	}
}
