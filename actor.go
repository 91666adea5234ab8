package accord

import (
	"context"
	"slices"
	"strings"
)

// actorGroups are the actors that asking for one gathers: a request of
// the Executive Secretary or of "the secretariats" is work of the
// secretariat. Actors are the canonical ids extraction gives ("the
// Secretariat of the Convention" is secretariat already). Adding a
// group is a row.
var actorGroups = map[string][]string{
	"secretariat": {"secretariat", "secretariats", "executive-secretary", "executive-secretaries"},
}

// sharedSecretariats are instruments one secretariat serves: what their
// decisions ask of "the Secretariat" is asked of the same people. The
// joint secretariat of the Basel, Rotterdam and Stockholm conventions
// (BRS) is one.
var sharedSecretariats = []struct {
	ID          string // the joint secretariat as an actor
	Instruments []string
}{
	{"brs-secretariat", []string{"basel", "rotterdam", "stockholm"}},
}

// ActorScope says what asking for actor of instrument gathers: the
// actors whose mandates it lists, and the instruments whose decisions
// count as instrument's for that actor. Asking for the secretariat of
// Basel gathers its secretariat and Executive Secretary in the
// decisions of Basel, Rotterdam and Stockholm, whose secretariat is one;
// asking for "brs-secretariat" gathers those of the three. An actor
// given as words ("Executive Secretary") is read as its id. An actor not
// in a group stands for itself; instruments is nil when only instrument
// itself counts (or none was asked for).
func ActorScope(actor, instrument string) (actors, instruments []string) {
	id := strings.ToLower(strings.Join(strings.Fields(actor), "-"))
	if id == "" {
		return nil, nil
	}
	group := func(id string) []string {
		if g, ok := actorGroups[id]; ok {
			return append([]string(nil), g...)
		}
		return []string{id}
	}
	for _, s := range sharedSecretariats {
		if id == s.ID {
			return append(group("secretariat"), s.ID), append([]string(nil), s.Instruments...)
		}
	}
	actors = group(id)
	if !slices.Contains(actors, "secretariat") {
		return actors, nil
	}
	in := InstrumentID(instrument)
	for _, s := range sharedSecretariats {
		if slices.Contains(s.Instruments, in) {
			return append(actors, s.ID), append([]string(nil), s.Instruments...)
		}
	}
	return actors, nil
}

// ActorStore keeps the names users add to the actor registry.
type ActorStore interface {
	// Actors returns the actors users added to the registry: names by
	// canonical id.
	Actors(ctx context.Context) (map[string][]string, error)
	// AddActor adds names (names, acronyms, aliases) for actor id.
	AddActor(ctx context.Context, id string, names []string) error
}
