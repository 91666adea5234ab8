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

// sharedSecretariat is a secretariat several instruments share: that of
// a joint instrument, which serves the instruments it groups and itself.
type sharedSecretariat struct {
	ID          string // the joint secretariat as an actor: "brs-secretariat"
	Instruments []string
}

// sharedSecretariats are the secretariats of the joint instruments in
// use: what the decisions of basel, rotterdam, stockholm and brs ask of
// "the Secretariat" is asked of the same people, the joint secretariat
// of the Basel, Rotterdam and Stockholm conventions.
func sharedSecretariats() []sharedSecretariat {
	var out []sharedSecretariat
	for _, in := range known().list {
		if len(in.Groups) > 0 {
			out = append(out, sharedSecretariat{in.ID + "-secretariat", append(slices.Clone(in.Groups), in.ID)})
		}
	}
	return out
}

// ActorScope says what asking for actor of instrument gathers: the
// actors whose mandates it lists, and the instruments whose decisions
// count as instrument's for that actor. Asking for the secretariat of
// Basel gathers its secretariat and Executive Secretary in the
// decisions of Basel, Rotterdam and Stockholm and their joint ones
// (brs), whose secretariat is one;
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
	shared := sharedSecretariats()
	for _, s := range shared {
		if id == s.ID {
			return append(group("secretariat"), s.ID), append([]string(nil), s.Instruments...)
		}
	}
	actors = group(id)
	if !slices.Contains(actors, "secretariat") {
		return actors, nil
	}
	in := InstrumentID(instrument)
	for _, s := range shared {
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
