package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/accordmea/accord"
)

// TestBundledCentresReopen opens one store three times: the bundle is
// loaded once, a centre a person changed keeps the change, and one a
// person deleted is not brought back.
func TestBundledCentresReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "accord.db")
	open := func() *Store {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open()
	first, err := s.Centres(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Centre(ctx, "scrc-india")
	if err != nil {
		t.Fatal(err)
	}
	c.City = "Nagpur, Maharashtra"
	if _, err := s.SaveCentres(ctx, []accord.Centre{c}, "amina"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCentre(ctx, "bcrc-cam", "amina"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open()
	defer s.Close()
	again, err := s.Centres(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(first)-1 {
		t.Errorf("%d centres after reopening, want %d (one deleted)", len(again), len(first)-1)
	}
	if _, err := s.Centre(ctx, "bcrc-cam"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("the deleted centre came back: %v", err)
	}
	if c, _ := s.Centre(ctx, "scrc-india"); c.City != "Nagpur, Maharashtra" || c.UpdatedBy != "amina" {
		t.Errorf("the changed centre = %q by %q, want the person's change kept", c.City, c.UpdatedBy)
	}
	if u, _ := s.Centre(ctx, "scrc-spain"); !u.Updated.Equal(findCentre(first, "scrc-spain").Updated) {
		t.Errorf("reopening rewrote an unchanged bundled centre: updated %v, was %v", u.Updated, findCentre(first, "scrc-spain").Updated)
	}
}

func findCentre(cs []accord.Centre, id string) accord.Centre {
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	return accord.Centre{}
}
