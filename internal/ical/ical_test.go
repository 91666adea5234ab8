package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/accordmea/accord/internal/ical/icaltest"
)

func sample() Calendar {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	return Calendar{ProdID: "-//accord//test//EN", Name: "Meetings; all, of them", Events: []Event{
		{UID: "meeting-minamata-COP-6@accord", Summary: "Minamata Convention COP-6", Location: "Geneva, CH",
			Description: "Sixth meeting; held in Geneva, Switzerland.\nSecond line with a backslash \\ and ünïcödé " + strings.Repeat("é", 60),
			Start:       d("2025-11-03"), End: d("2025-11-07"), Stamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), URL: "https://example.org/meetings/minamata-COP-6",
			Categories: []string{"COP", "minamata"}},
		{UID: "mandate-12@accord", Summary: "Due: report, by 31 December 2026", Start: d("2026-12-31"), Stamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
	}}
}

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := sample().Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("output does not end in END:VCALENDAR CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > maxLine {
			t.Errorf("line %d is %d octets, over %d: %q", i+1, len(l), maxLine, l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare line break", i+1)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		"DTSTART;VALUE=DATE:20251103\r\n", "DTEND;VALUE=DATE:20251108\r\n", // exclusive end
		"DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n", // one day
		"DTSTAMP:20260102T030405Z\r\n",
		`DESCRIPTION:Sixth meeting\; held in Geneva\, Switzerland.\nSecond line with a backslash \\ and ünïcödé`,
		`X-WR-CALNAME:Meetings\; all\, of them`,
		"CATEGORIES:COP,minamata\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a,b;c\\d", `a\,b\;c\\d`},
		{"one\r\ntwo\nthree", `one\ntwo\nthree`},
		{"tab\there", "tab here"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIndependentParser reads the calendar with Debian's python3-icalendar,
// a parser that is not ours: every event, its UID, dates and text must
// come back as written.
func TestIndependentParser(t *testing.T) {
	var buf bytes.Buffer
	if err := sample().Write(&buf); err != nil {
		t.Fatal(err)
	}
	got := icaltest.Parse(t, buf.Bytes())
	want := "meeting-minamata-COP-6@accord|2025-11-03|2025-11-08|Minamata Convention COP-6\n" +
		"mandate-12@accord|2026-12-31|2027-01-01|Due: report, by 31 December 2026\n"
	if got != want {
		t.Errorf("python3-icalendar read:\n%s\nwant:\n%s", got, want)
	}
}
