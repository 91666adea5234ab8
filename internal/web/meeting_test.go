package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ical/icaltest"
)

func TestMeetingsList(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/meetings?instrument=Minamata+Convention", 200)
	var got []string
	for _, a := range all(doc, "table.meetings td a") {
		got = append(got, text(a))
	}
	if strings.Join(got, ",") != "COP-1,COP-2,COP-3,COP-4.1,COP-4.2,COP-5,COP-6,COP-7" {
		t.Errorf("Minamata meetings listed = %v", got)
	}
	doc = fetch(t, srv, "/meetings?instrument=minamata&year=2025", 200)
	rows := all(doc, "table.meetings tbody tr")
	if len(rows) != 1 || !strings.Contains(text(rows[0]), "3–7 November 2025") || !strings.Contains(text(rows[0]), "Geneva, CH") {
		t.Errorf("Minamata meetings of 2025 = %d rows: %q", len(rows), text(doc))
	}
	// Minamata COP-6 sat while the Montreal Protocol's MOP-37 did.
	if !strings.Contains(text(rows[0]), "overlaps Montreal Protocol MOP-37") {
		t.Errorf("COP-6's row does not warn of MOP-37: %q", text(rows[0]))
	}
	doc = fetch(t, srv, "/meetings?body=CoP", 200)
	for _, td := range all(doc, "table.meetings td") {
		if attr(td, "data-label") == "Instrument" && text(td) != "CITES" {
			t.Errorf("meetings of the body CoP include one of %s", text(td))
		}
	}
	fetch(t, srv, "/meetings?year=twenty", 400)
}

func TestMeetingCalendar(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/meetings/calendar?month=2025-11", 200)
	if c := all(doc, "table.calendar caption"); len(c) != 1 || text(c[0]) != "November 2025" {
		t.Fatalf("calendar caption = %v", c)
	}
	days := map[string][]string{}
	for _, td := range all(doc, "table.calendar td") {
		for _, a := range all(td, "a.event") {
			days[attr(td, "data-label")] = append(days[attr(td, "data-label")], text(a))
		}
	}
	for day, want := range map[string]string{"Mon 3 Nov": "Minamata Convention COP-6", "Fri 7 Nov": "Minamata Convention COP-6", "Mon 24 Nov": "CITES CoP-20"} {
		if !strings.Contains(strings.Join(days[day], "|"), want) {
			t.Errorf("%s holds %v, want %s", day, days[day], want)
		}
	}
	if !strings.Contains(text(doc), "Minamata Convention COP-6") || len(all(doc, "section.overlaps li")) == 0 {
		t.Errorf("November 2025 warns of no overlap")
	}
	// The list view, filtered by instrument and body.
	doc = fetch(t, srv, "/meetings/calendar?view=list&month=2025-01&instrument=cites&body=CoP", 200)
	var listed []string
	for _, a := range all(doc, "table.meetings td a") {
		listed = append(listed, text(a))
	}
	if strings.Join(listed, ",") != "CITES CoP-20" {
		t.Errorf("list of CITES CoP meetings from January 2025 = %v", listed)
	}
	for _, bad := range []string{"view=week", "month=2025-13", "month=soon"} {
		fetch(t, srv, "/meetings/calendar?"+bad, 400)
	}
}

// TestMeetingPage: the Minamata COP-7 meeting record is where the
// sample's COP-6 mandates are due, and its page lists them; a meeting
// named as decisions name it leads to its record.
func TestMeetingPage(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/meetings/minamata-COP-7", 200)
	if h := all(doc, "h1"); len(h) != 1 || text(h[0]) != "Minamata Convention on Mercury — COP-7" {
		t.Errorf("h1 = %q", text(doc))
	}
	due := all(doc, "table.board tbody tr")
	if len(due) < 2 {
		t.Fatalf("COP-7 lists %d mandates due, want the COP-6 ones", len(due))
	}
	page := text(doc)
	if !strings.Contains(page, "scoping study") || !strings.Contains(page, "MC-6/") {
		t.Errorf("COP-7's page lacks the scoping study of MC-6:\n%s", page)
	}
	doc = fetch(t, srv, "/meetings/minamata-COP-6", 200)
	if !strings.Contains(text(doc), "No stored mandate is due") && len(all(doc, "ul.latest li")) == 0 {
		t.Errorf("COP-6 lists no decision adopted")
	}
	// Decisions call the meeting COP-4; it sat in two parts.
	resp, err := noRedirect().Get(srv.URL + "/meetings/minamata-COP-4")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/meetings/minamata-COP-4.1" {
		t.Errorf("GET /meetings/minamata-COP-4 = %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	fetch(t, srv, "/meetings/minamata-COP-99", 404)
}

// TestMeetingDocuments: a meeting's page lists the documents registered
// for it, by the id of its record or, for the first part of a session,
// by the session's, each linking to the document's page, which links
// back to the meeting.
func TestMeetingDocuments(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	if doc := fetch(t, srv, "/meetings/minamata-COP-6", 200); len(all(doc, "ul.documents li")) != 0 || !strings.Contains(text(doc), "No document of this meeting is registered") {
		t.Errorf("COP-6 lists documents before any is registered")
	}
	_, _, err := st.PutDocuments(ctx, []accord.Document{
		{Symbol: "UNEP/MC/COP.6/INF/28", Title: "Scoping study areas", Instrument: "minamata", Meeting: "minamata-COP-6"},
		{Symbol: "UNEP/MC/COP.6/1", Title: "Provisional agenda", Instrument: "minamata", Meeting: "minamata-COP-6"},
		{Symbol: "UNEP/MC/COP.5/1", Instrument: "minamata", Meeting: "minamata-COP-5"},
		{Symbol: "UNEP/MC/COP.4/1", Instrument: "minamata", Meeting: "minamata-COP-4"},
		{Symbol: "UNEP/MC/COP.4/2", Instrument: "minamata", Meeting: "minamata-COP-4.2"},
	}, accord.DocumentEdit{Who: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		meeting string
		want    []string
	}{
		{"minamata-COP-6", []string{"/documents/UNEP/MC/COP.6/1", "/documents/UNEP/MC/COP.6/INF/28"}},
		{"minamata-COP-4.1", []string{"/documents/UNEP/MC/COP.4/1"}},
		{"minamata-COP-4.2", []string{"/documents/UNEP/MC/COP.4/2"}},
		{"minamata-COP-7", nil},
	} {
		var got []string
		for _, a := range all(fetch(t, srv, "/meetings/"+tt.meeting, 200), "ul.documents a") {
			got = append(got, attr(a, "href"))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s lists documents %q, want %q", tt.meeting, got, tt.want)
		}
		for _, h := range got {
			if a := all(fetch(t, srv, h, 200), "dl.changes dd a"); len(a) == 0 || attr(a[0], "href") != "/meetings/"+tt.meeting {
				t.Errorf("%s does not link back to %s", h, tt.meeting)
			}
		}
	}
	if doc := fetch(t, srv, "/meetings/minamata-COP-6", 200); !strings.Contains(text(all(doc, "ul.documents")[0]), "Provisional agenda") {
		t.Errorf("COP-6's documents lack their titles")
	}
}

func noRedirect() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// TestEditMeeting: an editor of the instrument corrects a meeting from
// its page; an editor of another instrument may not.
func TestEditMeeting(t *testing.T) {
	srv, st := newSite(t)
	c, csrf := signIn(t, srv, st, "mia", "minamata")
	form := withCSRF(url.Values{"start": {"2027-11-01"}, "end": {"2027-11-05"}, "city": {"Geneva"}, "country": {"ch"}}, csrf)
	resp, _ := post(t, c, srv, "/meetings/minamata-COP-7", form, "")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST = %d, want 303", resp.StatusCode)
	}
	_, doc := getWith(t, c, srv, "/meetings/minamata-COP-7")
	if body := text(doc); !strings.Contains(body, "1–5 November 2027") || !strings.Contains(body, "changed by mia") {
		t.Errorf("page after the change:\n%s", body)
	}
	m, err := st.Meeting(context.Background(), "minamata-COP-7")
	if err != nil || m.Country != "CH" || m.ChangedBy != "mia" {
		t.Errorf("stored %+v, %v", m, err)
	}
	resp, _ = post(t, c, srv, "/meetings/minamata-COP-7", withCSRF(url.Values{"start": {"2027-11-09"}}, csrf), "")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a start after the end: %d, want 400", resp.StatusCode)
	}
	if m2, _ := st.Meeting(context.Background(), "minamata-COP-7"); !m2.Start.Equal(m.Start) {
		t.Errorf("a refused change changed the start to %s", m2.Start)
	}
	c2, csrf2 := signIn(t, srv, st, "bo", "basel")
	resp, _ = post(t, c2, srv, "/meetings/minamata-COP-7", withCSRF(url.Values{"city": {"Bali"}}, csrf2), "")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("an editor of Basel changing a Minamata meeting: %d, want 403", resp.StatusCode)
	}
}

func getICS(t *testing.T, srv string, path string) []byte {
	t.Helper()
	resp, err := http.Get(srv + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("GET %s = %d %s\n%.300s", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	return body
}

// TestFeeds: the meetings and deadlines feeds parse with an independent
// parser, hold one event per dated meeting and per dated deadline, and
// give the same UIDs at each export.
func TestFeeds(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	first := getICS(t, srv.URL, "/meetings.ics?instrument=minamata")
	if again := getICS(t, srv.URL, "/meetings.ics?instrument=minamata"); string(again) != string(first) {
		t.Errorf("two exports of one feed differ")
	}
	lines := strings.Split(strings.TrimSpace(icaltest.Parse(t, first)), "\n")
	// Minamata's meetings but the undated COP-7.
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "meeting-minamata-COP-1@accord|2017-09-24|2017-09-30|") {
		t.Errorf("Minamata feed = %q", lines)
	}
	cites, err := st.Meetings(ctx, accord.MeetingFilter{Instrument: "cites", Body: "CoP"})
	if err != nil {
		t.Fatal(err)
	}
	dated := 0
	for _, m := range cites {
		if m.Dated() {
			dated++
		}
	}
	body := getICS(t, srv.URL, "/meetings.ics?instrument=cites&body=CoP")
	if n := strings.Count(icaltest.Parse(t, body), "\n"); n != dated || n < 15 {
		t.Errorf("CITES CoP feed holds %d events, want %d, one per dated CoP", n, dated)
	}

	// Deadlines: due at COP-7, which has no date yet: no event; once
	// COP-7 is dated, an event on its first day for each mandate.
	if evs := icaltest.Parse(t, getICS(t, srv.URL, "/mandates.ics?instrument=minamata")); evs != "" {
		t.Errorf("deadlines before COP-7 has a date = %q", evs)
	}
	cop7, err := st.Meeting(ctx, "minamata-COP-7")
	if err != nil {
		t.Fatal(err)
	}
	cop7.Start, cop7.End = time.Date(2027, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 11, 5, 0, 0, 0, 0, time.UTC)
	if _, err := st.PutMeetings(ctx, "mia", []accord.Meeting{cop7}); err != nil {
		t.Fatal(err)
	}
	due, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata", DueMeeting: "COP-7", Pending: true})
	if err != nil || len(due) == 0 {
		t.Fatalf("mandates due at COP-7: %d, %v", len(due), err)
	}
	feed := getICS(t, srv.URL, "/mandates.ics?instrument=minamata")
	evs := strings.Split(strings.TrimSpace(icaltest.Parse(t, feed)), "\n")
	if len(evs) != len(due) {
		t.Errorf("deadline feed holds %d events, want %d (one per mandate due at COP-7)", len(evs), len(due))
	}
	for _, e := range evs {
		if !strings.Contains(e, "|2027-11-01|2027-11-02|Due: ") {
			t.Errorf("deadline event %q, want it on COP-7's first day", e)
		}
	}
	if again := getICS(t, srv.URL, "/mandates.ics?instrument=minamata"); string(again) != string(feed) {
		t.Errorf("two exports of the deadline feed differ")
	}
	secretariat := icaltest.Parse(t, getICS(t, srv.URL, "/mandates.ics?instrument=minamata&actor=secretariat"))
	if n := strings.Count(secretariat, "\n"); n == 0 || n > len(due) {
		t.Errorf("the secretariat's deadlines: %d events of %d", n, len(due))
	}
}

// TestMeetingLinks: a decision's page links to the meeting that adopted
// it, and a mandate's to the meeting it is due at, with its dates.
func TestMeetingLinks(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-V/9")), 200)
	if a := all(doc, `p.muted a`); len(a) == 0 || attr(a[0], "href") != "/meetings/cartagena-COP-MOP-5" {
		t.Errorf("BS-V/9's meeting is no link to its record: %v", a)
	}
	ms, err := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata", DueMeeting: "COP-7", Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatal(ms, err)
	}
	doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", ms[0].ID), 200)
	found := false
	for _, a := range all(doc, "dd a") {
		found = found || attr(a, "href") == "/meetings/minamata-COP-7"
	}
	if !found {
		t.Errorf("the mandate's page does not link to COP-7's record")
	}
}

// TestHomeNextMeetings: the home page lists the meetings to come, with
// their dates, and not those held.
func TestHomeNextMeetings(t *testing.T) {
	srv, st := newSite(t)
	start := time.Now().UTC().AddDate(0, 1, 0).Truncate(24 * time.Hour)
	next := accord.Meeting{ID: "minamata-COP-7", Instrument: "minamata", Body: "COP", Number: "7", Kind: "ordinary",
		Start: start, End: start.AddDate(0, 0, 4), City: "Geneva", Country: "CH", Source: "https://minamataconvention.org/b"}
	if _, err := st.PutMeetings(context.Background(), "mia", []accord.Meeting{next}); err != nil {
		t.Fatal(err)
	}
	doc := fetch(t, srv, "/", 200)
	var got []string
	for _, li := range all(doc, "ul.next-meetings li") {
		got = append(got, text(li))
	}
	if len(got) == 0 || !strings.Contains(strings.Join(got, "|"), "Minamata Convention COP-7 "+next.Dates()) {
		t.Errorf("next meetings = %q, want Minamata COP-7 on %s", got, next.Dates())
	}
	if strings.Contains(strings.Join(got, "|"), "COP-6") {
		t.Errorf("next meetings list COP-6, held in 2025: %q", got)
	}
}

func TestBodiesPage(t *testing.T) {
	srv, _ := newSite(t)
	doc := fetch(t, srv, "/bodies?instrument=Stockholm+Convention", 200)
	var codes []string
	for _, td := range all(doc, "table.bodies td") {
		if attr(td, "data-label") == "Body" {
			codes = append(codes, text(td))
		}
	}
	if len(codes) < 2 || codes[0] != "COP" || !strings.Contains(strings.Join(codes, ","), "POPRC") {
		t.Errorf("bodies of the Stockholm Convention = %v", codes)
	}
	if len(all(fetch(t, srv, "/bodies", 200), "table.bodies tbody tr")) < 40 {
		t.Errorf("all bodies: fewer than 40 rows")
	}
}

// TestMeetingForms: an editor adds a meeting of their instrument from the
// list of meetings, and deletes it from its page; a meeting stored
// already, bad dates and another instrument's are refused and change
// nothing, the form given back as posted.
func TestMeetingForms(t *testing.T) { onBackends(t, testMeetingForms) }

func testMeetingForms(t *testing.T, backend string) {
	srv, st := newSiteOn(t, backend)
	ctx := context.Background()
	if doc := fetch(t, srv, "/meetings", http.StatusOK); len(all(doc, "details#add-meeting")) != 0 {
		t.Error("an anonymous reader is offered the form that adds a meeting")
	}
	c, csrf := signIn(t, srv, st, "mina", "minamata")
	_, doc := getWith(t, c, srv, "/meetings")
	if len(all(doc, "details#add-meeting")) != 1 {
		t.Fatal("the editor is offered no form that adds a meeting")
	}
	form := url.Values{"instrument": {"minamata"}, "body": {"COP"}, "number": {"9"}, "kind": {"ordinary"}, "start": {"2029-11-05"},
		"end": {"2029-11-09"}, "city": {"Geneva"}, "country": {"ch"}, "source": {"https://minamataconvention.org/en/meetings/cop9"}}
	other := withField(form, csrf, "instrument", "basel")
	refusedForm(t, c, srv, st, "/meetings", other, 403, "Basel Convention")
	bad := withField(form, csrf, "end", "2029-11-01")
	refusedForm(t, c, srv, st, "/meetings", bad, 400, "before start")
	_, body := post(t, c, srv, "/meetings", bad, "")
	if !strings.Contains(body, `value="Geneva"`) || !strings.Contains(body, `value="2029-11-01"`) {
		t.Errorf("the refused form is not given back as posted")
	}
	stored := withField(form, csrf, "number", "6")
	if _, err := st.Meeting(ctx, "minamata-COP-6"); err == nil {
		refusedForm(t, c, srv, st, "/meetings", stored, 409, "stored already")
	}
	resp, body := post(t, c, srv, "/meetings", withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/meetings/minamata-COP-9" {
		t.Fatalf("adding a meeting = %d to %s: %.400s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	m, err := st.Meeting(ctx, "minamata-COP-9")
	if err != nil || m.Country != "CH" || m.Start.Format(time.DateOnly) != "2029-11-05" || m.ChangedBy != "mina" {
		t.Errorf("the meeting added = %+v, %v", m, err)
	}
	if log, _ := st.AuditLog(ctx, 1); log[0].Action != "add meeting" || log[0].Who != "mina" {
		t.Errorf("audit = %+v", log[0])
	}
	basel, bcsrf := signIn(t, srv, st, "basil", "basel")
	refusedForm(t, basel, srv, st, "/meetings/minamata-COP-9/delete", withCSRF(url.Values{}, bcsrf), 403, "Minamata Convention")
	if resp, _ := post(t, c, srv, "/meetings/minamata-COP-9/delete", withCSRF(url.Values{}, csrf), ""); resp.StatusCode != 303 {
		t.Errorf("deleting the meeting = %d", resp.StatusCode)
	}
	if _, err := st.Meeting(ctx, "minamata-COP-9"); err == nil {
		t.Error("the meeting is still stored")
	}
	if log, _ := st.AuditLog(ctx, 1); log[0].Action != "delete meeting" || log[0].Who != "mina" {
		t.Errorf("audit = %+v", log[0])
	}
}
