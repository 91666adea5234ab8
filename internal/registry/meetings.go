package registry

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed meetings.csv
var meetingsCSV []byte

// A Meeting is one session of an instrument's governing body: an
// ordinary or extraordinary meeting, a resumed session, an online
// segment, or a session held jointly with the governing bodies of other
// instruments.
type Meeting struct {
	ID         string    // instrument-body-number: "minamata-COP-5", "basel-COP-ex2"
	Instrument string    // "minamata", "basel", "unfccc", …
	Body       string    // "COP", "COP-MOP", "MOP", "CMP", "CMA"
	Number     string    // "5", "4.1", "ex2", "15.2" as the body numbers it
	Kind       string    // one of MeetingKinds
	JointWith  []string  // ids of the meetings it sat jointly with
	Start, End time.Time // zero when no source gives the date
	City       string
	Country    string // ISO 3166-1 alpha-2, empty for an online session
	Source     string // the address the dates were read from
	Note       string // where sources disagree, or what is unusual
}

// MeetingKinds are the kinds a meeting can be.
var MeetingKinds = []string{"ordinary", "extraordinary", "resumed", "online segment", "simultaneous/joint"}

// Instruments are the instruments whose meetings are bundled.
var Instruments = []string{
	"minamata", "basel", "rotterdam", "stockholm", "cbd", "cartagena", "nagoya",
	"montreal", "vienna", "unfccc", "cites", "cms", "ramsar",
}

var meetingColumns = []string{
	"id", "instrument", "body", "number", "kind", "joint_with",
	"start", "end", "city", "country", "source", "note",
}

var (
	bodyRE   = regexp.MustCompile(`^[A-Z][A-Za-z]*(-[A-Z]+)?$`)
	numberRE = regexp.MustCompile(`^(ex)?[1-9][0-9]*(\.[1-9])?$`)
)

var bundledMeetings = sync.OnceValues(loadMeetings)

func loadMeetings() ([]Meeting, error) {
	return readMeetings(bytes.NewReader(meetingsCSV))
}

// Meetings returns the bundled meetings in the order of meetings.csv, or
// the error naming the row (counting the header as row 1) and the column
// at fault. The slice is shared: callers must not change it.
func Meetings() ([]Meeting, error) {
	return bundledMeetings()
}

func readMeetings(r io.Reader) ([]Meeting, error) {
	var out []Meeting
	err := readCSV("meetings.csv", r, meetingColumns, func(row csvRow) error {
		m, err := parseMeeting(row)
		if err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// parseMeeting reads one row; its error names the row and column.
func parseMeeting(row csvRow) (Meeting, error) {
	m := Meeting{
		ID: row.get("id"), Instrument: row.get("instrument"), Body: row.get("body"),
		Number: row.get("number"), Kind: row.get("kind"), JointWith: strings.Fields(row.get("joint_with")),
		City: row.get("city"), Country: row.get("country"), Note: row.get("note"),
	}
	if !contains(Instruments, m.Instrument) {
		return m, row.errorf("instrument", "unknown instrument %q", m.Instrument)
	}
	if !bodyRE.MatchString(m.Body) {
		return m, row.errorf("body", "bad body %q", m.Body)
	}
	if !numberRE.MatchString(m.Number) {
		return m, row.errorf("number", "bad number %q (want 5, 4.1 or ex2)", m.Number)
	}
	if want := m.Instrument + "-" + m.Body + "-" + m.Number; m.ID != want {
		return m, row.errorf("id", "id %q, want %q from instrument, body and number", m.ID, want)
	}
	if !contains(MeetingKinds, m.Kind) {
		return m, row.errorf("kind", "unknown kind %q", m.Kind)
	}
	if m.Kind == "simultaneous/joint" && len(m.JointWith) == 0 {
		return m, row.errorf("joint_with", "a simultaneous/joint meeting names the meetings it sat with")
	}
	for _, id := range m.JointWith {
		if id == m.ID {
			return m, row.errorf("joint_with", "%q names itself", id)
		}
	}
	var err error
	start, end := row.get("start"), row.get("end")
	if m.Start, err = parseDate(start); err != nil {
		return m, row.errorf("start", "%v", err)
	}
	if m.End, err = parseDate(end); err != nil {
		return m, row.errorf("end", "%v", err)
	}
	if m.Start.IsZero() != m.End.IsZero() {
		return m, row.errorf("end", "start %q and end %q: give both dates or neither", start, end)
	}
	if m.End.Before(m.Start) {
		return m, row.errorf("end", "end %s before start %s", end, start)
	}
	if m.Country != "" {
		if err := row.alpha2("country", m.Country); err != nil {
			return m, err
		}
	}
	if m.City != "" && m.Country == "" {
		return m, row.errorf("country", "city %q without a country", m.City)
	}
	if m.Source, err = row.source("source"); err != nil {
		return m, err
	}
	return m, nil
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
	}
	return t, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sequence orders a meeting number within its body: ordinary meetings
// by number and part, extraordinary ones apart. It reports false for an
// extraordinary meeting.
func sequence(number string) (float64, bool) {
	if strings.HasPrefix(number, "ex") {
		return 0, false
	}
	f, err := strconv.ParseFloat(number, 64)
	return f, err == nil
}
