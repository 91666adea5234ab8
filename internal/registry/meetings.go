package registry

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/accordmea/accord"
)

//go:embed meetings.csv
var meetingsCSV []byte

// Instruments are the instruments whose meetings are bundled.
var Instruments = []string{
	"minamata", "basel", "rotterdam", "stockholm", "cbd", "cartagena", "nagoya",
	"montreal", "vienna", "unfccc", "cites", "cms", "ramsar",
}

var meetingColumns = []string{
	"id", "instrument", "body", "number", "kind", "joint_with",
	"start", "end", "city", "country", "source", "note",
}

var bundledMeetings = sync.OnceValues(loadMeetings)

func loadMeetings() ([]accord.Meeting, error) {
	return readMeetings(bytes.NewReader(meetingsCSV))
}

// Meetings returns the bundled meetings in the order of meetings.csv, or
// the error naming the row (counting the header as row 1) and the column
// at fault. The slice is shared: callers must not change it.
func Meetings() ([]accord.Meeting, error) {
	return bundledMeetings()
}

func readMeetings(r io.Reader) ([]accord.Meeting, error) {
	var out []accord.Meeting
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
func parseMeeting(row csvRow) (accord.Meeting, error) {
	m := accord.Meeting{
		ID: row.get("id"), Instrument: row.get("instrument"), Body: row.get("body"),
		Number: row.get("number"), Kind: row.get("kind"), JointWith: strings.Fields(row.get("joint_with")),
		City: row.get("city"), Country: row.get("country"), Note: row.get("note"),
	}
	if !contains(Instruments, m.Instrument) {
		return m, row.errorf("instrument", "unknown instrument %q", m.Instrument)
	}
	var err error
	if m.Start, err = parseDate(row.get("start")); err != nil {
		return m, row.errorf("start", "%v", err)
	}
	if m.End, err = parseDate(row.get("end")); err != nil {
		return m, row.errorf("end", "%v", err)
	}
	if m.Country != "" {
		if err := row.alpha2("country", m.Country); err != nil {
			return m, err
		}
	}
	if m.Source, err = row.source("source"); err != nil {
		return m, err
	}
	return m, row.check(m.Check())
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
