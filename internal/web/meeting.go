package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ical"
)

// meetingQuery is the filter of the meetings list, the calendar and the
// feed, as its page's query gives it.
type meetingQuery struct {
	Instrument string // an id
	Body       string
	Year       int
}

func meetingQueryOf(q url.Values) (meetingQuery, error) {
	mq := meetingQuery{Instrument: accord.InstrumentID(q.Get("instrument")), Body: strings.TrimSpace(q.Get("body"))}
	if y := strings.TrimSpace(q.Get("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 2200 {
			return mq, fmt.Errorf("%w: year %q is not a year", accord.ErrInvalid, y)
		}
		mq.Year = n
	}
	return mq, nil
}

func (mq meetingQuery) filter() accord.MeetingFilter {
	return accord.MeetingFilter{Instrument: mq.Instrument, Body: mq.Body, Year: mq.Year}
}

// values is the query of mq, for links that keep the filters.
func (mq meetingQuery) values() url.Values {
	v := url.Values{}
	if mq.Instrument != "" {
		v.Set("instrument", mq.Instrument)
	}
	if mq.Body != "" {
		v.Set("body", mq.Body)
	}
	if mq.Year != 0 {
		v.Set("year", strconv.Itoa(mq.Year))
	}
	return v
}

// meetingChoices are what the filters of the meetings' pages offer: the
// instruments and bodies the store has meetings of.
type meetingChoices struct {
	Instruments []instrumentChoice
	Bodies      []string
}

func (s *Server) meetingChoices(ctx context.Context, instrument string) (meetingChoices, error) {
	var c meetingChoices
	bs, err := s.store.Bodies(ctx, "")
	if err != nil {
		return c, err
	}
	for _, b := range bs {
		if len(c.Instruments) == 0 || c.Instruments[len(c.Instruments)-1].ID != b.Instrument {
			c.Instruments = append(c.Instruments, instrumentChoice{b.Instrument, accord.InstrumentName(b.Instrument)})
		}
		if (instrument == "" || b.Instrument == instrument) && !slices.Contains(c.Bodies, b.Code) {
			c.Bodies = append(c.Bodies, b.Code)
		}
	}
	slices.SortFunc(c.Instruments, func(a, b instrumentChoice) int { return strings.Compare(a.Name, b.Name) })
	slices.Sort(c.Bodies)
	return c, nil
}

// meetingRow is a meeting as lists show it, with the overlaps that
// concern it.
type meetingRow struct {
	accord.Meeting
	Overlaps []overlapView
}

type overlapView struct {
	With accord.Meeting
	Why  string
}

// meetingRows pairs each meeting of ms with the meetings it overlaps,
// whatever their instrument and body: those of ms, and the others held
// around them. The overlaps are those that concern ms.
func (s *Server) meetingRows(ctx context.Context, ms []accord.Meeting) ([]meetingRow, []accord.Overlap, error) {
	rows := make([]meetingRow, len(ms))
	at := map[string]int{}
	for i, m := range ms {
		rows[i].Meeting = m
		at[m.ID] = i
	}
	out, err := accord.OverlapsOf(ctx, s.store, ms)
	if err != nil {
		return nil, nil, err
	}
	for _, o := range out {
		if i, ok := at[o.A.ID]; ok {
			rows[i].Overlaps = append(rows[i].Overlaps, overlapView{o.B, o.Why})
		}
		if j, ok := at[o.B.ID]; ok {
			rows[j].Overlaps = append(rows[j].Overlaps, overlapView{o.A, o.Why})
		}
	}
	return rows, out, nil
}

type meetingsPage struct {
	page
	F        meetingQuery
	Choices  meetingChoices
	List     []meetingRow
	Overlaps []accord.Overlap
	Pager    pager
	Feed     string // the address of the list's iCalendar feed
	// Add is the form that adds a meeting, for an editor of an
	// instrument; nil for other readers.
	Add *meetingAdd
}

// meetingAdd is the form that adds a meeting: the instruments the reader
// edits, the kinds, and the meeting as posted with why it was refused.
type meetingAdd struct {
	CSRF        string
	Instruments []instrumentChoice
	Kinds       []string
	M           accord.Meeting
	Error       string
}

func (s *Server) meetings(w http.ResponseWriter, r *http.Request) error {
	p, err := s.meetingsPage(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "meetings", p)
}

// meetingsPage makes the list of meetings the query of r selects, with the
// form that adds one for an editor.
func (s *Server) meetingsPage(r *http.Request) (meetingsPage, error) {
	q := r.URL.Query()
	mq, err := meetingQueryOf(q)
	if err != nil {
		return meetingsPage{}, err
	}
	n, err := pageParam(q)
	if err != nil {
		return meetingsPage{}, err
	}
	f := mq.filter()
	f.Limit, f.Offset = listPageSize+1, (n-1)*listPageSize
	ms, err := s.store.Meetings(r.Context(), f)
	if err != nil {
		return meetingsPage{}, err
	}
	more := len(ms) > listPageSize
	if more {
		ms = ms[:listPageSize]
	}
	p := meetingsPage{page: s.page(r, "Meetings"), F: mq, Pager: pagerOf(r, n, more), Feed: feedURL("/meetings.ics", mq.values())}
	if p.List, p.Overlaps, err = s.meetingRows(r.Context(), ms); err != nil {
		return p, err
	}
	if p.Choices, err = s.meetingChoices(r.Context(), mq.Instrument); err != nil {
		return p, err
	}
	if v := visitorOf(r); v.ok {
		add := &meetingAdd{CSRF: v.csrf, Kinds: accord.MeetingKinds, M: accord.Meeting{Instrument: mq.Instrument, Kind: accord.MeetingKinds[0]}}
		for _, in := range accord.KnownInstruments() {
			if v.user.CanEdit(in.ID) {
				add.Instruments = append(add.Instruments, instrumentChoice{in.ID, in.Short})
			}
		}
		if len(add.Instruments) > 0 {
			p.Add = add
		}
	}
	return p, nil
}

// addMeeting takes the form of the list of meetings: an editor of an
// instrument adds a meeting of one of its bodies. One stored already is
// a conflict: it is changed on its page. A refused form is given back
// as posted, with the reason.
func (s *Server) addMeeting(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	m := accord.Meeting{Instrument: accord.InstrumentID(f.Get("instrument")), Body: strings.TrimSpace(f.Get("body")),
		Number: strings.TrimSpace(f.Get("number")), Kind: f.Get("kind"), City: strings.TrimSpace(f.Get("city")),
		Country: strings.ToUpper(strings.TrimSpace(f.Get("country"))), Source: strings.TrimSpace(f.Get("source")), Note: strings.TrimSpace(f.Get("note"))}
	m.ID = m.Instrument + "-" + m.Label()
	if !v.user.CanEdit(m.Instrument) {
		return fmt.Errorf("%w: %s may not add meetings of the %s", accord.ErrForbidden, v.user.Name, accord.InstrumentName(m.Instrument))
	}
	if m.Start, err = formDate("start", f.Get("start")); err == nil {
		m.End, err = formDate("end", f.Get("end"))
	}
	if err == nil {
		err = absent(r.Context(), s.store.Meeting, "meeting", m.ID)
	}
	if err == nil {
		_, err = s.store.PutMeetings(r.Context(), v.user.Name, []accord.Meeting{m})
	}
	if status := formStatus(err); status != 0 {
		p, perr := s.meetingsPage(r)
		if perr != nil {
			return perr
		}
		p.Add.M, p.Add.Error = m, err.Error()
		return s.render(w, status, "meetings", p)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/meetings/"+url.PathEscape(m.ID), http.StatusSeeOther)
	return nil
}

// absent refuses to add what as a new record when get finds one of id: a
// conflict, for a stored record is changed on its own page.
func absent[T any](ctx context.Context, get func(context.Context, string) (T, error), what, id string) error {
	_, err := get(ctx, id)
	switch {
	case err == nil:
		return fmt.Errorf("%w: the %s %s is stored already: change it on its page", accord.ErrConflict, what, id)
	case errors.Is(err, accord.ErrNotFound):
		return nil
	}
	return err
}

// formStatus is the status of a page given back with a form the store
// refused for err: 400 for bad input, 409 for a conflict, 0 for any
// other error (or none).
func formStatus(err error) int {
	switch {
	case errors.Is(err, accord.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, accord.ErrConflict):
		return http.StatusConflict
	}
	return 0
}

// formDate reads a date field of a form: zero when empty.
func formDate(name, val string) (time.Time, error) {
	val = strings.TrimSpace(val)
	if val == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, val)
	if err != nil {
		return t, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", accord.ErrInvalid, name, val)
	}
	return t, nil
}

// meetingInstrument is the instrument whose editors change a meeting.
func meetingInstrument(m accord.Meeting) []string { return []string{m.Instrument} }

// deleteMeeting takes the delete button of a meeting's page, from an
// editor of its instrument; the audit log keeps the meeting.
func (s *Server) deleteMeeting(w http.ResponseWriter, r *http.Request) error {
	v, m, err := editableForm(w, r, "meetings", s.store.Meeting, meetingInstrument)
	if err != nil {
		return err
	}
	if err := s.store.DeleteMeeting(r.Context(), v.user.Name, m.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/meetings?instrument="+url.QueryEscape(m.Instrument), http.StatusSeeOther)
	return nil
}

func feedURL(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// The calendar shows a month as weeks of days, or as a list of the
// meetings from that month on.
const (
	calendarMonth = "month"
	calendarList  = "list"
	// listMonths is how many months the list view covers.
	listMonths = 12
)

type calendarPage struct {
	page
	F          meetingQuery
	Choices    meetingChoices
	View       string
	Month      time.Time
	Weeks      [][]calendarDay // the month view
	List       []monthGroup    // the list view
	Overlaps   []accord.Overlap
	Prev, Next string // the neighbouring months' addresses
	MonthView  string // this month in the other view
	ListView   string
	Feed       string
	Weekdays   []string
	Empty      bool
}

type calendarDay struct {
	Day      time.Time
	InMonth  bool
	Meetings []meetingRow
}

type monthGroup struct {
	Month    time.Time
	Meetings []meetingRow
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	mq, err := meetingQueryOf(q)
	if err != nil {
		return err
	}
	mq.Year = 0 // the month says when
	view := q.Get("view")
	switch view {
	case "":
		view = calendarMonth
	case calendarMonth, calendarList:
	default:
		return fmt.Errorf("%w: view %q: want month or list", accord.ErrInvalid, view)
	}
	now := time.Now().UTC()
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m := q.Get("month"); m != "" {
		t, err := time.Parse("2006-01", m)
		if err != nil {
			return fmt.Errorf("%w: month %q: want YYYY-MM", accord.ErrInvalid, m)
		}
		month = t
	}
	p := calendarPage{page: s.page(r, "Meeting calendar"), F: mq, View: view, Month: month,
		Weekdays: []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}}
	link := func(view string, month time.Time) string {
		v := mq.values()
		v.Set("view", view)
		v.Set("month", month.Format("2006-01"))
		return "/meetings/calendar?" + v.Encode()
	}
	p.MonthView, p.ListView = link(calendarMonth, month), link(calendarList, month)
	p.Feed = feedURL("/meetings.ics", mq.values())
	// The month view shows weeks Monday to Sunday, from the one holding
	// the 1st to the one holding the last day; the list view listMonths
	// months from this one.
	f := mq.filter()
	first := month.AddDate(0, 0, -((int(month.Weekday()) + 6) % 7))
	lastDay := month.AddDate(0, 1, -1)
	last := lastDay.AddDate(0, 0, 6-(int(lastDay.Weekday())+6)%7)
	f.From, f.To = first, last
	p.Prev, p.Next = link(view, month.AddDate(0, -1, 0)), link(view, month.AddDate(0, 1, 0))
	if view == calendarList {
		f.From, f.To = month, month.AddDate(0, listMonths, -1)
		p.Prev, p.Next = link(view, month.AddDate(0, -listMonths, 0)), link(view, month.AddDate(0, listMonths, 0))
	}
	ms, err := s.store.Meetings(r.Context(), f)
	if err != nil {
		return err
	}
	rows, ovs, err := s.meetingRows(r.Context(), ms)
	if err != nil {
		return err
	}
	p.Overlaps, p.Empty = ovs, len(rows) == 0
	if view == calendarMonth {
		for d := first; !d.After(last); d = d.AddDate(0, 0, 7) {
			week := make([]calendarDay, 7)
			for i := range week {
				day := d.AddDate(0, 0, i)
				week[i] = calendarDay{Day: day, InMonth: day.Month() == month.Month()}
				for _, m := range rows {
					if !day.Before(m.Start) && !day.After(m.End) {
						week[i].Meetings = append(week[i].Meetings, m)
					}
				}
			}
			p.Weeks = append(p.Weeks, week)
		}
	} else {
		for _, m := range rows {
			start := m.Start
			if start.Before(month) {
				start = month
			}
			mo := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
			if len(p.List) == 0 || !p.List[len(p.List)-1].Month.Equal(mo) {
				p.List = append(p.List, monthGroup{Month: mo})
			}
			g := &p.List[len(p.List)-1]
			g.Meetings = append(g.Meetings, m)
		}
	}
	if p.Choices, err = s.meetingChoices(r.Context(), mq.Instrument); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "calendar", p)
}

type meetingPage struct {
	page
	M         accord.Meeting
	BodyName  string
	Joint     []accord.Meeting
	Overlaps  []overlapView
	Decisions []accord.Decision
	Mandates  []accord.Mandate
	More      bool // more mandates are due than listed
	// Documents are the registered documents of the meeting, by symbol;
	// MoreDocuments says there are more than listed.
	Documents     []accord.Document
	MoreDocuments bool
	Form          *meetingForm
}

// meetingForm is the form with which an editor of the meeting's
// instrument corrects its dates, venue, kind, source and note.
type meetingForm struct {
	CSRF  string
	Kinds []string
}

// meetingsListed is how many decisions and mandates a meeting's page
// lists; the board lists the rest.
const meetingsListed = 200

func (s *Server) meeting(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := accord.FindMeeting(ctx, s.store, r.PathValue("id"))
	if err != nil {
		return err
	}
	if m.ID != r.PathValue("id") {
		// "minamata-COP-4", as decisions name it, is its first part.
		http.Redirect(w, r, "/meetings/"+url.PathEscape(m.ID), http.StatusFound)
		return nil
	}
	p := meetingPage{page: s.page(r, m.Name()), M: m, BodyName: m.Body}
	if bs, err := s.store.Bodies(ctx, m.Instrument); err != nil {
		return err
	} else {
		for _, b := range bs {
			if b.Code == m.Body {
				p.BodyName = b.Name + " (" + b.Code + ")"
			}
		}
	}
	for _, id := range m.JointWith {
		j, err := s.store.Meeting(ctx, id)
		if errors.Is(err, accord.ErrNotFound) {
			j = accord.Meeting{ID: id}
		} else if err != nil {
			return err
		}
		p.Joint = append(p.Joint, j)
	}
	rows, _, err := s.meetingRows(ctx, []accord.Meeting{m})
	if err != nil {
		return err
	}
	p.Overlaps = rows[0].Overlaps
	if p.Decisions, err = s.store.Decisions(ctx, accord.DecisionFilter{Instrument: m.Instrument, Meeting: m.Session(), Limit: meetingsListed}); err != nil {
		return err
	}
	if p.Mandates, err = s.store.Mandates(ctx, accord.MandateFilter{Instrument: m.Instrument, DueMeeting: m.Session(), Limit: meetingsListed + 1}); err != nil {
		return err
	}
	if len(p.Mandates) > meetingsListed {
		p.Mandates, p.More = p.Mandates[:meetingsListed], true
	}
	if p.Documents, p.MoreDocuments, err = s.meetingDocuments(ctx, m); err != nil {
		return err
	}
	if v := visitorOf(r); v.ok && v.user.CanEdit(m.Instrument) {
		p.Form = &meetingForm{CSRF: v.csrf, Kinds: accord.MeetingKinds}
	}
	return s.render(w, http.StatusOK, "meeting", p)
}

type bodiesPage struct {
	page
	Instrument string
	Choices    meetingChoices
	List       []accord.Body
}

// bodies lists the governing and subsidiary bodies, by instrument.
func (s *Server) bodies(w http.ResponseWriter, r *http.Request) error {
	in := accord.InstrumentID(r.URL.Query().Get("instrument"))
	p := bodiesPage{page: s.page(r, "Bodies"), Instrument: in}
	var err error
	if p.List, err = s.store.Bodies(r.Context(), in); err != nil {
		return err
	}
	if p.Choices, err = s.meetingChoices(r.Context(), in); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "bodies", p)
}

// meetingDocuments lists up to meetingsListed of the documents whose
// meeting is m, by symbol: those naming its id, and those naming its
// session ("minamata-COP-4") when that leads to m (meetingNamed), so
// that a meeting's page lists every document whose page links to it.
func (s *Server) meetingDocuments(ctx context.Context, m accord.Meeting) ([]accord.Document, bool, error) {
	ids := []string{m.ID}
	if sid := m.Instrument + "-" + m.Session(); sid != m.ID {
		named, err := s.meetingNamed(ctx, sid)
		if err != nil {
			return nil, false, err
		}
		if named != nil && named.ID == m.ID {
			ids = append(ids, sid)
		}
	}
	var ds []accord.Document
	for _, id := range ids {
		more, err := s.store.Documents(ctx, accord.DocumentFilter{Meeting: id, Limit: meetingsListed + 1})
		if err != nil {
			return nil, false, err
		}
		ds = append(ds, more...)
	}
	slices.SortFunc(ds, func(a, b accord.Document) int { return strings.Compare(a.Key, b.Key) })
	if len(ds) > meetingsListed {
		return ds[:meetingsListed], true, nil
	}
	return ds, false, nil
}

// meetingNamed is the record of the meeting a document names by id
// ("minamata-COP-6", or the first part of a session so named), nil when
// id is empty or names no stored meeting.
func (s *Server) meetingNamed(ctx context.Context, id string) (*accord.Meeting, error) {
	if id == "" {
		return nil, nil
	}
	m, err := accord.FindMeeting(ctx, s.store, id)
	if errors.Is(err, accord.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// meetingOf is the record of the meeting an instrument's decisions call
// label, nil when none is stored.
func (s *Server) meetingOf(ctx context.Context, instrument, label string) (*accord.Meeting, error) {
	if label == "" {
		return nil, nil
	}
	m, err := s.store.MeetingOf(ctx, instrument, label)
	if errors.Is(err, accord.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// meetingHref is the address of the page of the meeting an instrument's
// decisions call label.
func meetingHref(instrument, label string) string {
	return "/meetings/" + url.PathEscape(instrument+"-"+label)
}

// editMeeting takes the form of a meeting's page.
func (s *Server) editMeeting(w http.ResponseWriter, r *http.Request) error {
	v, m, err := editableForm(w, r, "meetings", s.store.Meeting, meetingInstrument)
	if err != nil {
		return err
	}
	f := r.PostForm
	get := func(name string, now string) string {
		if _, ok := f[name]; !ok {
			return now
		}
		return strings.TrimSpace(f.Get(name))
	}
	m.Kind, m.City, m.Country = get("kind", m.Kind), get("city", m.City), strings.ToUpper(get("country", m.Country))
	m.Source, m.Note = get("source", m.Source), get("note", m.Note)
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"start", &m.Start}, {"end", &m.End}} {
		if *d.t, err = formDate(d.name, get(d.name, dayText(*d.t))); err != nil {
			return err
		}
	}
	if _, err := s.store.PutMeetings(r.Context(), v.user.Name, []accord.Meeting{m}); err != nil {
		return err
	}
	http.Redirect(w, r, "/meetings/"+url.PathEscape(m.ID), http.StatusSeeOther)
	return nil
}

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// icsTimeout is how long a feed has to be made: it may hold every
// meeting and every dated deadline.
const icsTimeout = exportTimeout

// writeICS sends a calendar.
func writeICS(w http.ResponseWriter, name string, c ical.Calendar) error {
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`"`)
	return c.Write(w)
}

// meetingsICS is the iCalendar feed of meetings, by instrument and body.
func (s *Server) meetingsICS(w http.ResponseWriter, r *http.Request) error {
	mq, err := meetingQueryOf(r.URL.Query())
	if err != nil {
		return err
	}
	ms, err := s.store.Meetings(r.Context(), mq.filter())
	if err != nil {
		return err
	}
	name := "Meetings"
	if mq.Instrument != "" {
		name = accord.InstrumentName(mq.Instrument) + " meetings"
	}
	if mq.Body != "" {
		name += " (" + mq.Body + ")"
	}
	return writeICS(w, "meetings.ics", ical.Meetings(name, siteBase(r), ms))
}

// feedLimit is the most mandates a deadline feed holds, as many as a
// download of the board.
const feedLimit = 100_000

// mandatesICS is the iCalendar feed of the dated deadlines of mandates
// not done, by instrument and actor.
func (s *Server) mandatesICS(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := accord.MandateFilter{Instrument: q.Get("instrument"), Actor: strings.TrimSpace(q.Get("actor")), Pending: true, Limit: feedLimit}
	ms, err := s.store.Mandates(r.Context(), f)
	if err != nil {
		return err
	}
	days, err := s.meetingDays(r.Context())
	if err != nil {
		return err
	}
	name := "Deadlines"
	if f.Instrument != "" {
		name += " of the " + instrumentName(f.Instrument)
	}
	if f.Actor != "" {
		name += " for " + f.Actor
	}
	return writeICS(w, "mandates.ics", ical.Deadlines(name, siteBase(r), ms, days))
}

// meetingDays returns the day each dated meeting opens, by instrument
// and the label deadlines use.
func (s *Server) meetingDays(ctx context.Context) (func(instrument, label string) (time.Time, bool), error) {
	ms, err := s.store.Meetings(ctx, accord.MeetingFilter{})
	if err != nil {
		return nil, err
	}
	days := map[string]time.Time{}
	for _, m := range ms {
		k := m.Instrument + " " + m.Session()
		if d, ok := days[k]; m.Dated() && (!ok || m.Start.Before(d)) {
			days[k] = m.Start
		}
	}
	return func(instrument, label string) (time.Time, bool) {
		d, ok := days[instrument+" "+label]
		return d, ok
	}, nil
}

// siteBase is the address of the site a request came to, for the links
// of a feed that is read outside it.
func siteBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// nextMeetings lists the meetings that open from today on, for the home
// page.
func (s *Server) nextMeetings(ctx context.Context, n int) ([]meetingRow, error) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	ms, err := s.store.Meetings(ctx, accord.MeetingFilter{From: today, To: today.AddDate(2, 0, 0), Limit: n})
	if err != nil {
		return nil, err
	}
	rows, _, err := s.meetingRows(ctx, ms)
	return rows, err
}
