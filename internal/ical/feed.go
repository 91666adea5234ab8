package ical

import (
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

// uidDomain ends every UID: a UID names the record, which keeps it from
// one export to the next and from one server to another.
const uidDomain = "@accord"

// MeetingUID is the UID of a meeting's event.
func MeetingUID(m accord.Meeting) string { return "meeting-" + m.ID + uidDomain }

// MandateUID is the UID of the event of a mandate's deadline.
func MandateUID(m accord.Mandate) string { return "mandate-" + strconv.FormatInt(m.ID, 10) + uidDomain }

// Meetings is the calendar of the dated meetings of ms, one event each;
// base, when given, is the address of the site, to which each event's
// URL is relative ("https://accord.example.org").
func Meetings(name, base string, ms []accord.Meeting) Calendar {
	c := Calendar{ProdID: "-//accord//meetings//EN", Name: name}
	for _, m := range ms {
		if !m.Dated() {
			continue
		}
		desc := []string{accord.InstrumentFullName(m.Instrument) + ", " + m.Label() + " (" + m.Kind + ")"}
		if m.Note != "" {
			desc = append(desc, m.Note)
		}
		desc = append(desc, "Source: "+m.Source)
		e := Event{UID: MeetingUID(m), Summary: m.Name(), Description: strings.Join(desc, "\n"), Location: m.Venue(),
			Start: m.Start, End: m.End, Stamp: m.Updated, Categories: []string{m.Instrument, m.Body}}
		if base != "" {
			e.URL = base + "/meetings/" + m.ID
		}
		c.Events = append(c.Events, e)
	}
	return c
}

// Deadlines is the calendar of the dated deadlines of ms: a mandate due
// by a date falls on that date, one due at a meeting on the day the
// meeting opens, found by meetingDay (false when the meeting has no
// known date, and the mandate no event).
func Deadlines(name, base string, ms []accord.Mandate, meetingDay func(instrument, label string) (time.Time, bool)) Calendar {
	c := Calendar{ProdID: "-//accord//deadlines//EN", Name: name}
	for _, m := range ms {
		if m.Deadline == nil {
			continue
		}
		var day time.Time
		if d, err := time.Parse(time.DateOnly, m.Deadline.Date); err == nil {
			day = d
		} else if m.Deadline.Meeting != "" {
			d, ok := meetingDay(m.Instrument, m.Deadline.Meeting)
			if !ok {
				continue
			}
			day = d
		} else {
			continue
		}
		desc := []string{
			"Asked of " + m.AskedOf() + ": " + m.Action,
			"Decision " + m.Symbol + " ¶ " + m.Path + " (" + accord.InstrumentName(m.Instrument) + ")",
			"Deadline: " + m.Deadline.Text,
			"Status: " + string(m.Status),
		}
		e := Event{UID: MandateUID(m), Summary: "Due: " + m.Title() + " (" + m.Symbol + ")", Description: strings.Join(desc, "\n"),
			Start: day, Stamp: m.Updated, Categories: []string{m.Instrument, m.Deliverable}}
		if base != "" {
			e.URL = base + "/mandates/" + strconv.FormatInt(m.ID, 10)
		}
		c.Events = append(c.Events, e)
	}
	return c
}
