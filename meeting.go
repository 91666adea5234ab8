package accord

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"
)

// MeetingBody is the body that held a meeting: its name without the
// number ("COP-6" is COP, "COP-MOP-4" COP-MOP, "OEWG-13" OEWG); a
// meeting with no number is its own body.
func MeetingBody(meeting string) string {
	if i := strings.LastIndexByte(meeting, '-'); i > 0 && strings.ContainsAny(meeting[i+1:], "0123456789") {
		return meeting[:i]
	}
	return meeting
}

// A Meeting is one session of a body of an instrument: an ordinary or
// extraordinary meeting, a resumed session, an online segment, or a
// session held jointly with the bodies of other instruments.
type Meeting struct {
	ID         string   // instrument-body-number: "minamata-COP-5", "basel-COP-ex2"
	Instrument string   // "minamata", "basel", "unfccc", …
	Body       string   // "COP", "COP-MOP", "MOP", "CMA", "OEWG"
	Number     string   // "5", "4.1", "ex2" as the body numbers it
	Kind       string   // one of MeetingKinds
	JointWith  []string // ids of the meetings it sat jointly with
	// Start and End are the first and last days, zero when no source
	// gives them.
	Start, End time.Time
	City       string
	Country    string // ISO 3166-1 alpha-2, empty for an online session
	Source     string // the address the dates were read from
	Note       string // where sources disagree, or what is unusual

	Created, Updated time.Time
	// ChangedBy is who last changed the record; "" while it is as
	// accord bundles it, which a newer bundle may then update.
	ChangedBy string
}

// MeetingKinds are the kinds a meeting can be.
var MeetingKinds = []string{"ordinary", "extraordinary", "resumed", "online segment", "simultaneous/joint"}

// Label is how decisions and deadlines name the meeting: "COP-6",
// "COP-MOP-4.1", "COP-ex2".
func (m Meeting) Label() string { return m.Body + "-" + m.Number }

// Session is the label of the meeting its parts belong to: "COP-4" for
// both "COP-4.1" and "COP-4.2"; decisions name the meeting so.
func (m Meeting) Session() string {
	n, _, _ := strings.Cut(m.Number, ".")
	return m.Body + "-" + n
}

// Dated reports whether the meeting's dates are known.
func (m Meeting) Dated() bool { return !m.Start.IsZero() }

// Name is what pages call the meeting: "Minamata Convention COP-6".
func (m Meeting) Name() string { return InstrumentName(m.Instrument) + " " + m.Label() }

// Dates are the meeting's days as people write them: "3–7 November
// 2025", "28 October – 1 November 2024", "30 December 2024 – 3 January
// 2025"; "dates not known" when no source gives them.
func (m Meeting) Dates() string {
	switch {
	case !m.Dated():
		return "dates not known"
	case m.Start.Equal(m.End):
		return m.Start.Format("2 January 2006")
	case m.Start.Year() != m.End.Year():
		return m.Start.Format("2 January 2006") + " – " + m.End.Format("2 January 2006")
	case m.Start.Month() != m.End.Month():
		return m.Start.Format("2 January") + " – " + m.End.Format("2 January 2006")
	}
	return m.Start.Format("2") + "–" + m.End.Format("2 January 2006")
}

// Venue is "Geneva, CH", or "online" for a session held nowhere.
func (m Meeting) Venue() string {
	switch {
	case m.City != "":
		return m.City + ", " + m.Country
	case m.Country != "":
		return m.Country
	case m.Kind == "online segment":
		return "online"
	}
	return ""
}

// Opened reports whether the meeting has opened by day asOf.
func (m Meeting) Opened(asOf time.Time) bool {
	return m.Dated() && !m.Start.After(asOf)
}

var (
	meetingBodyRE   = regexp.MustCompile(`^[A-Z][A-Za-z]*(-[A-Z][A-Za-z]*)?$`)
	meetingNumberRE = regexp.MustCompile(`^(ex)?[1-9][0-9]*(\.[1-9])?$`)
	alpha2RE        = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Check reports the first field of m at fault: an instrument accord does
// not know, a body or number not written as bodies write them, an id not
// made of instrument, body and number, a kind not of MeetingKinds, dates
// given by half or backwards, a country not two capital letters, a city
// without its country, or no source.
func (m Meeting) Check() error {
	if !KnownInstrument(m.Instrument) {
		return fieldErrorf("instrument", "unknown instrument %q", m.Instrument)
	}
	if !meetingBodyRE.MatchString(m.Body) {
		return fieldErrorf("body", "bad body %q (want COP, COP-MOP, OEWG, …)", m.Body)
	}
	if !meetingNumberRE.MatchString(m.Number) {
		return fieldErrorf("number", "bad number %q (want 5, 4.1 or ex2)", m.Number)
	}
	if want := m.Instrument + "-" + m.Label(); m.ID != want {
		return fieldErrorf("id", "id %q, want %q from instrument, body and number", m.ID, want)
	}
	if !slices.Contains(MeetingKinds, m.Kind) {
		return fieldErrorf("kind", "unknown kind %q (want one of %s)", m.Kind, strings.Join(MeetingKinds, ", "))
	}
	if m.Kind == "simultaneous/joint" && len(m.JointWith) == 0 {
		return fieldErrorf("joint_with", "a simultaneous/joint meeting names the meetings it sat with")
	}
	if slices.Contains(m.JointWith, m.ID) {
		return fieldErrorf("joint_with", "%q names itself", m.ID)
	}
	if m.Start.IsZero() != m.End.IsZero() {
		return fieldErrorf("end", "give both dates or neither")
	}
	if m.End.Before(m.Start) {
		return fieldErrorf("end", "end %s before start %s", m.End.Format(time.DateOnly), m.Start.Format(time.DateOnly))
	}
	if m.Country != "" && !alpha2RE.MatchString(m.Country) {
		return fieldErrorf("country", "%q is not an ISO 3166-1 alpha-2 code", m.Country)
	}
	if m.City != "" && m.Country == "" {
		return fieldErrorf("country", "city %q without a country", m.City)
	}
	if m.Source == "" {
		return fieldErrorf("source", "empty: say where the dates were read")
	}
	return nil
}

// A Body is a governing or subsidiary body of an instrument: its
// conference or meeting of the Parties, an open-ended working group, a
// review committee, a compliance committee, a bureau or an expert panel.
type Body struct {
	ID         string // instrument-code: "minamata-COP", "stockholm-POPRC"
	Instrument string
	Code       string // how meetings and decisions name it: "COP", "POPRC"
	Name       string // "Persistent Organic Pollutants Review Committee"
	Kind       string // one of BodyKinds
	Source     string // the address the body was read from
	Note       string

	Created, Updated time.Time
	ChangedBy        string // as for Meeting
}

// BodyKinds are the kinds a body can be.
var BodyKinds = []string{"governing", "subsidiary", "compliance", "bureau", "expert panel"}

// Check reports the first field of b at fault, as Meeting.Check does.
func (b Body) Check() error {
	if !KnownInstrument(b.Instrument) {
		return fieldErrorf("instrument", "unknown instrument %q", b.Instrument)
	}
	if !meetingBodyRE.MatchString(b.Code) {
		return fieldErrorf("code", "bad code %q (want COP, OEWG, POPRC, …)", b.Code)
	}
	if want := b.Instrument + "-" + b.Code; b.ID != want {
		return fieldErrorf("id", "id %q, want %q from instrument and code", b.ID, want)
	}
	if strings.TrimSpace(b.Name) == "" {
		return fieldErrorf("name", "empty")
	}
	if !slices.Contains(BodyKinds, b.Kind) {
		return fieldErrorf("kind", "unknown kind %q (want one of %s)", b.Kind, strings.Join(BodyKinds, ", "))
	}
	if b.Source == "" {
		return fieldErrorf("source", "empty: say where the body was read")
	}
	return nil
}

// MeetingFilter selects meetings. Zero fields match all.
type MeetingFilter struct {
	Instrument string
	Body       string // "COP", "COP-MOP"
	Year       int    // meetings that sat in that year
	// From and To keep meetings that sit on a day between them, both
	// included; undated meetings are kept only when neither is set.
	From, To time.Time
	// Label keeps the meetings of one session ("COP-4" keeps COP-4.1
	// and COP-4.2), with Instrument.
	Label  string
	Limit  int
	Offset int
}

// MeetingStore keeps the meetings and bodies of the instruments. The
// bundled ones are loaded when the store opens; a record a person
// changed or deleted keeps that change over a newer bundle.
type MeetingStore interface {
	// Meetings lists meetings by start date (undated last), then id.
	Meetings(ctx context.Context, f MeetingFilter) ([]Meeting, error)
	// Meeting returns one meeting by id.
	Meeting(ctx context.Context, id string) (Meeting, error)
	// MeetingOf returns the meeting of an instrument that a decision or
	// deadline names by label, "COP-7": its first part when it sat in
	// parts.
	MeetingOf(ctx context.Context, instrument, label string) (Meeting, error)
	// PutMeetings adds or changes meetings in one transaction, each
	// checked first (Meeting.Check) and each change audited; a record
	// equal to the stored one is left alone.
	PutMeetings(ctx context.Context, who string, ms []Meeting) (ImportCounts, error)
	// DeleteMeeting deletes a meeting, leaving its content in the audit
	// log and a tombstone that keeps the bundle from bringing it back.
	DeleteMeeting(ctx context.Context, who, id string) error
	// Bodies lists the bodies of an instrument ("" for all), governing
	// bodies first.
	Bodies(ctx context.Context, instrument string) ([]Body, error)
	// PutBodies and DeleteBody are PutMeetings and DeleteMeeting for
	// bodies.
	PutBodies(ctx context.Context, who string, bs []Body) (ImportCounts, error)
	DeleteBody(ctx context.Context, who, id string) error
}

// An Overlap is two meetings that people may not attend both of: their
// dates overlap, or they sit in the same city within a week of each
// other.
type Overlap struct {
	A, B Meeting
	Why  string
}

// venueWeek is how close two meetings in one city are to share a
// delegation's trip and a venue's booking: the second opens within a
// week of the first closing.
const venueWeek = 7 * 24 * time.Hour

// Around is the span of days that holds every meeting that may overlap
// m: its own days and a venue week and a day either side.
func (m Meeting) Around() (from, to time.Time) {
	const day = 24 * time.Hour
	return m.Start.Add(-venueWeek - day), m.End.Add(venueWeek + day)
}

// Overlaps finds the pairs of ms whose dates overlap or that share a
// venue week, in the order of ms; meetings that sat jointly by design
// (JointWith) or are parts of one session are not warned about.
func Overlaps(ms []Meeting) []Overlap {
	var out []Overlap
	for i, a := range ms {
		if !a.Dated() {
			continue
		}
		for _, b := range ms[i+1:] {
			if !b.Dated() || a.ID == b.ID || slices.Contains(a.JointWith, b.ID) || slices.Contains(b.JointWith, a.ID) {
				continue
			}
			if a.Instrument == b.Instrument && a.Session() == b.Session() {
				continue
			}
			switch {
			case !a.Start.After(b.End) && !b.Start.After(a.End):
				out = append(out, Overlap{a, b, "dates overlap"})
			case a.City != "" && strings.EqualFold(a.City, b.City) && a.Country == b.Country &&
				(b.Start.Sub(a.End) <= venueWeek && b.Start.After(a.End) || a.Start.Sub(b.End) <= venueWeek && a.Start.After(b.End)):
				out = append(out, Overlap{a, b, "same venue within a week"})
			}
		}
	}
	return out
}

// OverlapsOf finds, among the meetings st holds, those that overlap one
// of ms, whatever their instrument and body: the overlaps that concern
// ms, in the order of Overlaps.
func OverlapsOf(ctx context.Context, st MeetingStore, ms []Meeting) ([]Overlap, error) {
	var from, to time.Time
	in := map[string]bool{}
	for _, m := range ms {
		in[m.ID] = true
		if m.Dated() {
			f, t := m.Around()
			if from.IsZero() || f.Before(from) {
				from = f
			}
			if t.After(to) {
				to = t
			}
		}
	}
	if from.IsZero() {
		return nil, nil
	}
	near, err := st.Meetings(ctx, MeetingFilter{From: from, To: to})
	if err != nil {
		return nil, err
	}
	var out []Overlap
	for _, o := range Overlaps(near) {
		if in[o.A.ID] || in[o.B.ID] {
			out = append(out, o)
		}
	}
	return out, nil
}

// FindMeeting returns the meeting ref names: its id, or the instrument
// and the label decisions use ("minamata-COP-4" for the first part of
// COP-4, "cbd-COP-16"). It is how a page's address and a document's
// meeting lead to a record.
func FindMeeting(ctx context.Context, st MeetingStore, ref string) (Meeting, error) {
	m, err := st.Meeting(ctx, ref)
	if !errors.Is(err, ErrNotFound) {
		return m, err
	}
	for i := strings.IndexByte(ref, '-'); i > 0; i = nextHyphen(ref, i) {
		if in, ok := LookupInstrument(ref[:i]); ok && in.ID == ref[:i] {
			if m, err := st.MeetingOf(ctx, in.ID, ref[i+1:]); err == nil {
				return m, nil
			}
		}
	}
	return m, err
}

func nextHyphen(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '-')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
