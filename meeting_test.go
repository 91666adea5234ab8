package accord

import (
	"errors"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestOverlaps(t *testing.T) {
	m := func(id, inst, num, start, end, city string, joint ...string) Meeting {
		return Meeting{ID: id, Instrument: inst, Body: "COP", Number: num, Start: d(start), End: d(end), City: city, Country: "CH", JointWith: joint}
	}
	ms := []Meeting{
		m("minamata-COP-6", "minamata", "6", "2025-11-03", "2025-11-07", "Geneva"),
		m("montreal-MOP-37", "montreal", "37", "2025-11-07", "2025-11-10", "Nairobi"), // shares the 7th
		m("basel-COP-17", "basel", "17", "2025-11-14", "2025-11-20", "Geneva"),        // Geneva, a week after
		m("basel-COP-ex9", "basel", "ex9", "2025-11-28", "2025-11-29", "Geneva"),      // Geneva, a week and a day after
		m("rotterdam-COP-12", "rotterdam", "12", "2025-11-14", "2025-11-20", "Geneva", "basel-COP-17"),
		m("cbd-COP-16.1", "cbd", "16.1", "2025-12-01", "2025-12-02", "Cali"),
		m("cbd-COP-16.2", "cbd", "16.2", "2025-12-02", "2025-12-03", "Rome"), // a part of the same session
		{ID: "cms-COP-16", Instrument: "cms"},                                // undated
	}
	var got []string
	for _, o := range Overlaps(ms) {
		got = append(got, o.A.ID+"/"+o.B.ID+": "+o.Why)
	}
	want := []string{
		"minamata-COP-6/montreal-MOP-37: dates overlap",
		"minamata-COP-6/basel-COP-17: same venue within a week",
		"minamata-COP-6/rotterdam-COP-12: same venue within a week",
	}
	if len(got) != len(want) {
		t.Fatalf("Overlaps = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Overlaps[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestMeetingDates(t *testing.T) {
	for _, tt := range []struct{ start, end, want string }{
		{"2025-11-03", "2025-11-07", "3–7 November 2025"},
		{"2024-10-28", "2024-11-01", "28 October – 1 November 2024"},
		{"2024-12-30", "2025-01-03", "30 December 2024 – 3 January 2025"},
		{"2025-05-05", "2025-05-05", "5 May 2025"},
	} {
		if got := (Meeting{Start: d(tt.start), End: d(tt.end)}).Dates(); got != tt.want {
			t.Errorf("Dates(%s, %s) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
	if got := (Meeting{}).Dates(); got != "dates not known" {
		t.Errorf("Dates of an undated meeting = %q", got)
	}
}

func TestMeetingCheck(t *testing.T) {
	good := Meeting{ID: "minamata-COP-7", Instrument: "minamata", Body: "COP", Number: "7", Kind: "ordinary", Source: "https://example.org/"}
	if err := good.Check(); err != nil {
		t.Fatalf("Check(good) = %v", err)
	}
	for _, tt := range []struct {
		field  string
		change func(*Meeting)
	}{
		{"instrument", func(m *Meeting) { m.Instrument = "atlantis" }},
		{"body", func(m *Meeting) { m.Body = "cop" }},
		{"number", func(m *Meeting) { m.Number = "seven" }},
		{"id", func(m *Meeting) { m.ID = "minamata-COP-8" }},
		{"kind", func(m *Meeting) { m.Kind = "special" }},
		{"joint_with", func(m *Meeting) { m.Kind = "simultaneous/joint" }},
		{"end", func(m *Meeting) { m.Start = d("2027-11-01") }},
		{"end", func(m *Meeting) { m.Start, m.End = d("2027-11-05"), d("2027-11-01") }},
		{"country", func(m *Meeting) { m.Country = "Switzerland" }},
		{"country", func(m *Meeting) { m.City = "Geneva" }},
		{"source", func(m *Meeting) { m.Source = "" }},
	} {
		m := good
		tt.change(&m)
		var fe *FieldError
		if err := m.Check(); !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, ErrInvalid) {
			t.Errorf("Check(%+v) = %v, want an ErrInvalid of field %s", m, err, tt.field)
		}
	}
}
