package records

import (
	"context"
	"strings"

	"github.com/accordmea/accord"
)

// instrumentsType is the instruments: conventions, protocols and joint
// instruments. A file may add a Protocol and its Convention together:
// parents and grouped instruments are checked against the stored
// instruments and the file as a whole when it is stored.
var instrumentsType = New("instruments", "the conventions, protocols and joint instruments, with their governing bodies",
	accord.InstrumentColumns,
	Codec[accord.Instrument]{
		Parse: func(c *Checker) accord.Instrument {
			in := accord.Instrument{ID: c.Required("id"), Short: c.Required("short"), Name: c.Required("name"), Bodies: c.List("bodies"),
				Parent: c.Get("parent"), Website: c.URL("website"), Groups: c.List("groups"), Source: c.Required("source")}
			if c.OK() {
				checkRecord(c, in.CheckFields())
			}
			return in
		},
		Store: func(ctx context.Context, st accord.Store, who string, ins []accord.Instrument) (accord.ImportCounts, error) {
			return st.PutInstruments(ctx, who, ins)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Instrument, error) { return st.Instruments(ctx) },
		Row: func(in accord.Instrument) map[string]string {
			return map[string]string{"id": in.ID, "short": in.Short, "name": in.Name, "bodies": strings.Join(in.Bodies, ListSep),
				"parent": in.Parent, "website": in.Website, "groups": strings.Join(in.Groups, ListSep), "source": in.Source}
		},
	})
