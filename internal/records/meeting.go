package records

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ical"
)

// meetingTypes are the instruments, their bodies and the meetings the
// bodies hold.
var meetingTypes = []*Type{instrumentsType, bodiesType, meetingsType}

var bodiesType = New("bodies", "the governing and subsidiary bodies of each instrument",
	[]string{"id", "instrument", "code", "name", "kind", "source", "note"},
	Codec[accord.Body]{
		Parse: func(c *Checker) accord.Body {
			b := accord.Body{Instrument: c.Instrument("instrument"), Code: c.Required("code"), Name: c.Required("name"),
				Kind: c.OneOf("kind", accord.BodyKinds), Source: c.URL("source"), Note: c.Get("note"), ID: c.Get("id")}
			if b.ID == "" {
				b.ID = b.Instrument + "-" + b.Code
			}
			if c.OK() {
				checkRecord(c, b.Check())
			}
			return b
		},
		Store: func(ctx context.Context, st accord.Store, who string, bs []accord.Body) (accord.ImportCounts, error) {
			return st.PutBodies(ctx, who, bs)
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Body, error) { return st.Bodies(ctx, "") },
		Row: func(b accord.Body) map[string]string {
			return map[string]string{"id": b.ID, "instrument": b.Instrument, "code": b.Code, "name": b.Name, "kind": b.Kind, "source": b.Source, "note": b.Note}
		},
	})

var meetingsType = func() *Type {
	t := New("meetings", "the meetings of the instruments' bodies, with their dates and venues",
		[]string{"id", "instrument", "body", "number", "kind", "joint_with", "start", "end", "city", "country", "source", "note"},
		Codec[accord.Meeting]{
			Parse: func(c *Checker) accord.Meeting {
				m := accord.Meeting{Instrument: c.Instrument("instrument"), Body: c.Required("body"), Number: c.Required("number"),
					Kind: c.OneOf("kind", accord.MeetingKinds), Start: c.Date("start"), End: c.Date("end"),
					City: c.Get("city"), Country: c.Country("country"), Source: c.URL("source"), Note: c.Get("note"), ID: c.Get("id")}
				// The bundled file separates the meetings sat with by
				// spaces; lists elsewhere by ListSep.
				m.JointWith = strings.Fields(strings.ReplaceAll(c.Get("joint_with"), ListSep, " "))
				if m.ID == "" {
					m.ID = m.Instrument + "-" + m.Label()
				}
				if c.OK() {
					checkRecord(c, m.Check())
				}
				return m
			},
			Store: func(ctx context.Context, st accord.Store, who string, ms []accord.Meeting) (accord.ImportCounts, error) {
				return st.PutMeetings(ctx, who, ms)
			},
			List: func(ctx context.Context, st accord.Store) ([]accord.Meeting, error) {
				return st.Meetings(ctx, accord.MeetingFilter{})
			},
			Row: func(m accord.Meeting) map[string]string {
				return map[string]string{"id": m.ID, "instrument": m.Instrument, "body": m.Body, "number": m.Number, "kind": m.Kind,
					"joint_with": strings.Join(m.JointWith, ListSep), "start": day(m.Start), "end": day(m.End),
					"city": m.City, "country": m.Country, "source": m.Source, "note": m.Note}
			},
		})
	t.ICS = func(ctx context.Context, st accord.Store, w io.Writer) error {
		ms, err := st.Meetings(ctx, accord.MeetingFilter{})
		if err != nil {
			return err
		}
		return ical.Meetings("Meetings", "", ms).Write(w)
	}
	return t
}()

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
