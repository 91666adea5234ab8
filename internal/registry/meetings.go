package registry

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
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
	bodyRE    = regexp.MustCompile(`^[A-Z][A-Za-z]*(-[A-Z]+)?$`)
	numberRE  = regexp.MustCompile(`^(ex)?[1-9][0-9]*(\.[1-9])?$`)
	countryRE = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Meetings returns the bundled meetings in the order of meetings.csv.
// An error names the row (counting the header as row 1) and the column.
func Meetings() ([]Meeting, error) {
	return readMeetings(bytes.NewReader(meetingsCSV))
}

func readMeetings(r io.Reader) ([]Meeting, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(meetingColumns)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("meetings.csv: header: %w", err)
	}
	for i, want := range meetingColumns {
		if header[i] != want {
			return nil, fmt.Errorf("meetings.csv: row 1, column %d: got %q, want %q", i+1, header[i], want)
		}
	}
	var out []Meeting
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("meetings.csv: %w", err)
		}
		m, col, err := parseMeeting(rec)
		if err != nil {
			return nil, fmt.Errorf("meetings.csv: row %d, column %s: %w", row, col, err)
		}
		out = append(out, m)
	}
}

// parseMeeting reads one record; on error it returns the column at fault.
func parseMeeting(rec []string) (Meeting, string, error) {
	for i, f := range rec {
		if f != strings.TrimSpace(f) {
			return Meeting{}, meetingColumns[i], fmt.Errorf("%q has spaces around it", f)
		}
	}
	m := Meeting{
		ID: rec[0], Instrument: rec[1], Body: rec[2], Number: rec[3], Kind: rec[4],
		JointWith: strings.Fields(rec[5]), City: rec[8], Country: rec[9], Source: rec[10], Note: rec[11],
	}
	if !contains(Instruments, m.Instrument) {
		return m, "instrument", fmt.Errorf("unknown instrument %q", m.Instrument)
	}
	if !bodyRE.MatchString(m.Body) {
		return m, "body", fmt.Errorf("bad body %q", m.Body)
	}
	if !numberRE.MatchString(m.Number) {
		return m, "number", fmt.Errorf("bad number %q (want 5, 4.1 or ex2)", m.Number)
	}
	if want := m.Instrument + "-" + m.Body + "-" + m.Number; m.ID != want {
		return m, "id", fmt.Errorf("id %q, want %q from instrument, body and number", m.ID, want)
	}
	if !contains(MeetingKinds, m.Kind) {
		return m, "kind", fmt.Errorf("unknown kind %q", m.Kind)
	}
	if m.Kind == "simultaneous/joint" && len(m.JointWith) == 0 {
		return m, "joint_with", fmt.Errorf("a simultaneous/joint meeting names the meetings it sat with")
	}
	for _, id := range m.JointWith {
		if id == m.ID {
			return m, "joint_with", fmt.Errorf("%q names itself", id)
		}
	}
	var err error
	if m.Start, err = parseDate(rec[6]); err != nil {
		return m, "start", err
	}
	if m.End, err = parseDate(rec[7]); err != nil {
		return m, "end", err
	}
	if m.Start.IsZero() != m.End.IsZero() {
		return m, "end", fmt.Errorf("start %q and end %q: give both dates or neither", rec[6], rec[7])
	}
	if m.End.Before(m.Start) {
		return m, "end", fmt.Errorf("end %s before start %s", rec[7], rec[6])
	}
	if m.Country != "" && !countryRE.MatchString(m.Country) {
		return m, "country", fmt.Errorf("bad country %q (want ISO 3166-1 alpha-2)", m.Country)
	}
	if m.City != "" && m.Country == "" {
		return m, "country", fmt.Errorf("city %q without a country", m.City)
	}
	u, err := url.Parse(m.Source)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return m, "source", fmt.Errorf("source %q is not an http(s) address", m.Source)
	}
	return m, "", nil
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
