package registry

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// heldCounts is, for each body whose meetings are bundled from the first
// to the latest held, how many ordinary meetings it has held by the last
// one bundled (a meeting in two parts, 4.1 and 4.2, counts once) and the number of
// extraordinary ones, -1 where those are not all bundled yet. The
// figures are the bodies' own numbering.
var heldCounts = map[string]struct{ ordinary, extraordinary int }{
	"minamata COP":      {6, 0},
	"basel COP":         {17, 2},
	"rotterdam COP":     {12, 2},
	"stockholm COP":     {12, 2},
	"unfccc COP":        {30, 0},
	"unfccc CMP":        {20, 0},
	"unfccc CMA":        {7, 0},
	"cbd COP":           {16, 2},
	"cartagena COP-MOP": {11, 1},
	"nagoya COP-MOP":    {5, 1},
	"cites CoP":         {20, 0},
	"cms COP":           {15, 0},
	"ramsar COP":        {15, 2},
	"montreal MOP":      {37, 5},
	"vienna COP":        {13, 0},
}

func TestMeetingsParse(t *testing.T) {
	ms, err := Meetings()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no meetings")
	}
	byID := map[string]accord.Meeting{}
	for _, m := range ms {
		if _, dup := byID[m.ID]; dup {
			t.Errorf("%s: duplicate id", m.ID)
		}
		byID[m.ID] = m
		if m.Source == "" {
			t.Errorf("%s: no source", m.ID)
		}
		if m.Start.IsZero() && m.Note == "" {
			t.Errorf("%s: no dates and no note saying why", m.ID)
		}
	}
	for _, m := range ms {
		for _, j := range m.JointWith {
			o, ok := byID[j]
			if !ok {
				t.Errorf("%s: joint_with names %s, which is not bundled", m.ID, j)
				continue
			}
			if !contains(o.JointWith, m.ID) {
				t.Errorf("%s sat jointly with %s but %s does not say so", m.ID, j, j)
			}
			if !m.Start.IsZero() && !o.Start.IsZero() && (m.Start.After(o.End) || o.Start.After(m.End)) {
				t.Errorf("%s and %s sat jointly but their dates do not overlap", m.ID, j)
			}
		}
	}
}

// TestMeetingsOrder checks that within a body the ordinary meetings'
// numbers rise with their dates, and that no two overlap.
func TestMeetingsOrder(t *testing.T) {
	ms, err := Meetings()
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string][]accord.Meeting{}
	for _, m := range ms {
		if _, ok := sequence(m.Number); ok {
			k := m.Instrument + " " + m.Body
			bodies[k] = append(bodies[k], m)
		}
	}
	for k, list := range bodies {
		sort.Slice(list, func(i, j int) bool {
			a, _ := sequence(list[i].Number)
			b, _ := sequence(list[j].Number)
			return a < b
		})
		var last accord.Meeting
		for _, m := range list {
			if m.Start.IsZero() {
				continue
			}
			if !last.Start.IsZero() && !m.Start.After(last.End) {
				t.Errorf("%s: %s (%s) does not start after %s ended (%s)", k, m.ID, day(m.Start), last.ID, day(last.End))
			}
			last = m
		}
	}
}

// TestMeetingsComplete checks that each body listed in heldCounts is
// bundled from its first meeting to its latest held one, with no number
// missing.
func TestMeetingsComplete(t *testing.T) {
	ms, err := Meetings()
	if err != nil {
		t.Fatal(err)
	}
	ordinary := map[string]map[string]bool{}
	extra := map[string]map[string]bool{}
	for _, m := range ms {
		k := m.Instrument + " " + m.Body
		if ex, ok := strings.CutPrefix(m.Number, "ex"); ok {
			if extra[k] == nil {
				extra[k] = map[string]bool{}
			}
			whole, _, _ := strings.Cut(ex, ".")
			extra[k][whole] = true
			continue
		}
		if ordinary[k] == nil {
			ordinary[k] = map[string]bool{}
		}
		whole, _, _ := strings.Cut(m.Number, ".")
		ordinary[k][whole] = true
	}
	for k, want := range heldCounts {
		got := ordinary[k]
		for n := 1; n <= want.ordinary; n++ {
			if !got[strconv.Itoa(n)] {
				t.Errorf("%s: meeting %d missing", k, n)
			}
		}
		if len(got) < want.ordinary {
			t.Errorf("%s: %d ordinary meetings, want at least %d", k, len(got), want.ordinary)
		}
		if want.extraordinary >= 0 && len(extra[k]) != want.extraordinary {
			t.Errorf("%s: %d extraordinary meetings, want %d", k, len(extra[k]), want.extraordinary)
		}
	}
}

func TestReadMeetingsErrors(t *testing.T) {
	const header = "id,instrument,body,number,kind,joint_with,start,end,city,country,source,note\n"
	const good = "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,\n"
	for _, tc := range []struct{ name, row, want string }{
		{"id", "basel-COP-6,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column id"},
		{"instrument", "kyoto-COP-5,kyoto,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column instrument"},
		{"number", "basel-COP-x,basel,COP,x,ordinary,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column number"},
		{"kind", "basel-COP-5,basel,COP,5,special,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column kind"},
		{"joint without ids", "basel-COP-5,basel,COP,5,simultaneous/joint,,1999-12-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column joint_with"},
		{"start", "basel-COP-5,basel,COP,5,ordinary,,1999-13-06,1999-12-10,Basel,CH,https://example.org/a,", "row 3, column start"},
		{"end before start", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-01,Basel,CH,https://example.org/a,", "row 3, column end"},
		{"one date", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,,Basel,CH,https://example.org/a,", "row 3, column end"},
		{"country", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,Switzerland,https://example.org/a,", "row 3, column country"},
		{"country not in ISO 3166-1", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,XX,https://example.org/a,", "row 3, column country"},
		{"country in lower case", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,ch,https://example.org/a,", "row 3, column country"},
		{"source", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06,1999-12-10,Basel,CH,,", "row 3, column source"},
		{"country unknown after trimming", "basel-COP-5,basel,COP,5,ordinary,,1999-12-06 ,1999-12-10,Basel, XX ,https://example.org/a,", "row 3, column country"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readMeetings(strings.NewReader(header + good + tc.row + "\n"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error naming %q", err, tc.want)
			}
		})
	}
	ms, err := readMeetings(strings.NewReader(header + good))
	if err != nil || len(ms) != 1 || ms[0].Start != time.Date(1999, 12, 6, 0, 0, 0, 0, time.UTC) {
		t.Errorf("good row: got %+v, %v", ms, err)
	}
	// Spaces around a value are dropped, as in the package's other files.
	ms, err = readMeetings(strings.NewReader(header + "basel-COP-5,basel,COP,5,ordinary,,1999-12-06 , 1999-12-10,Basel, CH ,https://example.org/a,\n"))
	if err != nil || len(ms) != 1 || ms[0].Start != time.Date(1999, 12, 6, 0, 0, 0, 0, time.UTC) || ms[0].Country != "CH" {
		t.Errorf("row with spaces: got %+v, %v", ms, err)
	}
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// TestBodies checks that every body of a bundled meeting is bundled, so
// that a meeting's page can name its body.
func TestBodies(t *testing.T) {
	bs, err := Bodies()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, b := range bs {
		if known[b.ID] {
			t.Errorf("%s: duplicate id", b.ID)
		}
		known[b.ID] = true
	}
	ms, err := Meetings()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if !known[m.Instrument+"-"+m.Body] {
			t.Errorf("%s: body %s-%s is not in bodies.csv", m.ID, m.Instrument, m.Body)
		}
	}
}
