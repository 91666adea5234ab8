package accord

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestActorScope(t *testing.T) {
	secretariat := []string{"secretariat", "secretariats", "executive-secretary", "executive-secretaries"}
	brs := []string{"basel", "rotterdam", "stockholm", "brs"}
	for _, tt := range []struct {
		name, actor, instrument string
		actors, instruments     []string
	}{
		{"none", "", "minamata", nil, nil},
		{"secretariat of Minamata", "secretariat", "minamata", secretariat, nil},
		{"secretariat of no instrument", "secretariat", "", secretariat, nil},
		{"secretariat by name in capitals", "Secretariat", "Minamata Convention", secretariat, nil},
		{"secretariat of Basel", "secretariat", "basel", append(secretariat, "brs-secretariat"), brs},
		{"secretariat of Stockholm by name", "secretariat", "Stockholm Convention", append(secretariat, "brs-secretariat"), brs},
		{"secretariat of the joint instrument", "secretariat", "brs", append(secretariat, "brs-secretariat"), brs},
		{"the joint secretariat", "brs-secretariat", "", append(secretariat, "brs-secretariat"), brs},
		{"Executive Secretary alone", "Executive Secretary", "basel", []string{"executive-secretary"}, nil},
		{"an actor of no group", "gef", "basel", []string{"gef"}, nil},
		{"a slug", "other-relevant-organizations", "", []string{"other-relevant-organizations"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			actors, instruments := ActorScope(tt.actor, tt.instrument)
			if diff := cmp.Diff(tt.actors, actors); diff != "" {
				t.Errorf("ActorScope(%q, %q) actors (-want +got):\n%s", tt.actor, tt.instrument, diff)
			}
			if diff := cmp.Diff(tt.instruments, instruments); diff != "" {
				t.Errorf("ActorScope(%q, %q) instruments (-want +got):\n%s", tt.actor, tt.instrument, diff)
			}
		})
	}
}
