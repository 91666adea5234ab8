// Package ical writes iCalendar (RFC 5545) calendars of all-day events:
// the meetings and the dated deadlines accord publishes as feeds that
// calendar programs subscribe to. Lines end in CRLF and are folded at 75
// octets without splitting a UTF-8 character; text is escaped; each
// event has a UID that stays the same from one export to the next, a
// DTSTAMP, and DATE values whose DTEND is the day after the last.
//
// Meetings and Deadlines turn accord's records into calendars; the
// package imports the root package accord only, never a store or
// net/http, so that the pages and the command line write the same feeds.
package ical

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// A Calendar is a VCALENDAR of events.
type Calendar struct {
	ProdID string // "-//accord//meetings//EN"
	Name   string // X-WR-CALNAME, the name calendar programs show
	Events []Event
}

// An Event is an all-day VEVENT.
type Event struct {
	UID         string // stable: the same record gives the same UID
	Summary     string
	Description string
	Location    string
	URL         string
	// Start and End are the first and last days the event takes,
	// whatever their clock time; End may be zero for a one-day event.
	Start, End time.Time
	// Stamp is DTSTAMP: when the record was last changed, so that the
	// same records export byte for byte the same.
	Stamp      time.Time
	Categories []string
}

// maxLine is the longest a content line may be, in octets, before it is
// folded (RFC 5545 section 3.1).
const maxLine = 75

// Write writes c to w.
func (c Calendar) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeLine(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", c.ProdID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Escape(c.Name))
	}
	for _, e := range c.Events {
		end := e.End
		if end.IsZero() || end.Before(e.Start) {
			end = e.Start
		}
		line("BEGIN", "VEVENT")
		line("UID", e.UID)
		line("DTSTAMP", e.Stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE", date(e.Start))
		// DTEND of a DATE event is exclusive: the day after the last.
		line("DTEND;VALUE=DATE", date(end.AddDate(0, 0, 1)))
		line("SUMMARY", Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Escape(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", Escape(e.Location))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		if len(e.Categories) > 0 {
			cs := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cs[i] = Escape(c)
			}
			line("CATEGORIES", strings.Join(cs, ","))
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

func date(t time.Time) string {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Format("20060102")
}

// Escape escapes a TEXT value: backslash, semicolon, comma and line
// breaks (RFC 5545 section 3.3.11); other control characters, which no
// TEXT value may hold, become spaces.
func Escape(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < ' ' || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeLine writes one content line ending in CRLF, folded so that no
// line is longer than maxLine octets: each continuation starts with a
// space, and a UTF-8 character is never split.
func writeLine(w *bufio.Writer, s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
