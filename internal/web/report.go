package web

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/report"
)

// The report on implementation of a meeting's decisions, as a page
// (/report?instrument=minamata&meeting=COP-6&actor=secretariat) whose
// filters are chosen from what is stored, printed from the browser or
// downloaded as the HTML the command line writes (A4), Markdown, CSV or
// Excel.
const (
	// reportMaxMandates is the most mandates a report holds: a meeting
	// makes tens to hundreds; more asks for an actor to narrow it.
	reportMaxMandates = 5000
	// reportMeetingsRead is how many of an instrument's decisions are
	// read to list its meetings.
	reportMeetingsRead = 20000
)

// option is a choice of a filter: its value, what it shows and how many
// rows it holds (0: not counted).
type option struct {
	Value, Label string
	Count        int
}

type reportPage struct {
	page
	Instrument, Meeting, Actor string
	Instruments, Meetings      []option
	Actors                     []option
	Error                      string
	Report                     *report.Report
	Sections                   []reportSection
	Download                   reportDownloads
}

type reportSection struct {
	report.Section
	Rows []report.Row
}

type reportDownloads struct{ HTML, Markdown, CSV, XLSX string }

// reportParams reads the report's filters.
func reportParams(q url.Values) (inst, meeting, actor string) {
	return q.Get("instrument"), q.Get("meeting"), q.Get("actor")
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	inst, meeting, actor := reportParams(r.URL.Query())
	p := reportPage{page: s.page(r, "Report on implementation"), Instrument: inst, Meeting: meeting, Actor: actor}
	stats, err := s.store.Stats(ctx)
	if err != nil {
		return err
	}
	for _, c := range stats.Instruments {
		p.Instruments = append(p.Instruments, option{c.Value, c.Value, c.Count})
	}
	if inst == "" {
		return s.render(w, http.StatusOK, "report", p)
	}
	if p.Meetings, err = s.meetingsOf(ctx, inst); err != nil {
		return err
	}
	if len(p.Meetings) == 0 {
		p.Error = fmt.Sprintf("No decisions of instrument %q are stored.", inst)
		return s.render(w, http.StatusNotFound, "report", p)
	}
	if meeting == "" {
		return s.render(w, http.StatusOK, "report", p)
	}
	all, err := s.mandateRows(ctx, accord.MandateFilter{Instrument: inst, Meeting: meeting, Limit: reportMaxMandates + 1})
	if err != nil {
		return err
	}
	p.Actors = actorsOf(all)
	rep, err := s.buildReport(r, inst, meeting, actor)
	if err != nil {
		if msg, ok := userError(err); ok {
			p.Error = msg
			return s.render(w, statusOf(err), "report", p)
		}
		return err
	}
	p.Report = &rep
	for _, sec := range rep.Decisions {
		p.Sections = append(p.Sections, reportSection{sec, sec.Rows()})
	}
	q := url.Values{"instrument": {inst}, "meeting": {meeting}}
	if actor != "" {
		q.Set("actor", actor)
	}
	qs := "?" + q.Encode()
	p.Download = reportDownloads{HTML: "/report.html" + qs, Markdown: "/report.md" + qs, CSV: "/report.csv" + qs, XLSX: "/report.xlsx" + qs}
	p.Title = rep.Title
	return s.render(w, http.StatusOK, "report", p)
}

// userError returns the message of an error the reader caused, to show
// on the page.
func userError(err error) (string, bool) {
	if errors.Is(err, accord.ErrNotFound) || errors.Is(err, accord.ErrInvalid) {
		msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "invalid: "), "not found: ")
		return strings.ToUpper(msg[:1]) + msg[1:] + ".", true
	}
	return "", false
}

func statusOf(err error) int {
	if errors.Is(err, accord.ErrNotFound) {
		return http.StatusNotFound
	}
	return http.StatusBadRequest
}

// meetingsOf lists the meetings whose decisions of instrument inst are
// stored, in the order of the decisions list.
func (s *Server) meetingsOf(ctx context.Context, inst string) ([]option, error) {
	ds, err := s.decisionRows(ctx, accord.DecisionFilter{Instrument: inst, Limit: reportMeetingsRead})
	if err != nil {
		return nil, err
	}
	var ms []option
	for _, d := range ds {
		switch {
		case d.Meeting == "":
		case len(ms) > 0 && ms[len(ms)-1].Value == d.Meeting:
			ms[len(ms)-1].Count++
		default:
			ms = append(ms, option{d.Meeting, d.Meeting, 1})
		}
	}
	return ms, nil
}

// actorsOf lists the actors mandates are asked of, each named as first
// written, with how many mandates ask of it, most first.
func actorsOf(ms []accord.Mandate) []option {
	byActor := map[string]*option{}
	var as []*option
	for _, m := range ms {
		seen := map[string]bool{}
		for _, a := range m.Addressees {
			if a.Actor == "" || seen[a.Actor] {
				continue
			}
			seen[a.Actor] = true
			o := byActor[a.Actor]
			if o == nil {
				o = &option{Value: a.Actor, Label: a.Text}
				byActor[a.Actor] = o
				as = append(as, o)
			}
			o.Count++
		}
	}
	slices.SortStableFunc(as, func(a, b *option) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Label, b.Label)) })
	out := make([]option, len(as))
	for i, o := range as {
		out[i] = *o
	}
	return out
}

// buildReport drafts the report on implementation of the decisions of
// meeting of instrument inst, limited to the mandates asked of actor
// when it is not "". As on a mandate's page, only a signed-in visitor
// reads the names of who reported on a mandate; others read accord.Staff.
func (s *Server) buildReport(r *http.Request, inst, meeting, actor string) (report.Report, error) {
	ctx := r.Context()
	if inst == "" || meeting == "" {
		return report.Report{}, fmt.Errorf("%w: a report needs an instrument and a meeting (?instrument=minamata&meeting=COP-6)", accord.ErrInvalid)
	}
	ds, err := s.decisionRows(ctx, accord.DecisionFilter{Instrument: inst, Meeting: meeting})
	if err != nil {
		return report.Report{}, err
	}
	if len(ds) == 0 {
		return report.Report{}, fmt.Errorf("%w: no decisions of %s %s are stored", accord.ErrNotFound, inst, meeting)
	}
	ms, err := s.mandateRows(ctx, accord.MandateFilter{Instrument: inst, Meeting: meeting, Actor: actor, Limit: reportMaxMandates + 1})
	if err != nil {
		return report.Report{}, err
	}
	if len(ms) > reportMaxMandates {
		return report.Report{}, fmt.Errorf("%w: %s %s made more than %d mandates: choose whom they ask of", accord.ErrInvalid, inst, meeting, reportMaxMandates)
	}
	// Evidence is read mandate by mandate: a report holds tens or
	// hundreds.
	for i := range ms {
		full, err := s.store.Mandate(ctx, ms[i].ID)
		if err != nil {
			return report.Report{}, err
		}
		ms[i].Evidence = full.Evidence
	}
	if !visitorOf(r).ok {
		for i := range ms {
			ms[i] = ms[i].Anonymous()
		}
	}
	rep := report.Implementation(inst, meeting, ds, ms, time.Now())
	if actor != "" {
		rep.Actor = actor
		rep.Title += ": what was asked of " + actorLabel(ms, actor)
	}
	return rep, nil
}

// actorLabel names actor as the mandates write it.
func actorLabel(ms []accord.Mandate, actor string) string {
	for _, m := range ms {
		for _, a := range m.Addressees {
			if a.Actor == actor {
				return a.Text
			}
		}
	}
	return actor
}

// exportReport downloads the report as /report.html, .md, .csv or .xlsx.
func (s *Server) exportReport(w http.ResponseWriter, r *http.Request) error {
	inst, meeting, actor := reportParams(r.URL.Query())
	rep, err := s.buildReport(r, inst, meeting, actor)
	if err != nil {
		return err
	}
	now := time.Now()
	parts := []string{inst, meeting, actor}
	format := exportFormat(r)
	types := map[string]string{"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "csv": csvType, "xlsx": xlsxType}
	if types[format] == "" {
		return accord.ErrNotFound
	}
	var buf bytes.Buffer // a report is bounded by reportMaxMandates
	if err := report.Write(&buf, rep, cmp.Or(map[string]string{"md": "markdown"}[format], format)); err != nil {
		return err
	}
	attachment(w, types[format], fileName("report", parts, now, format))
	// The report's HTML carries its own style sheet for print, and
	// nothing else may run or load should it be opened here.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	_, err = w.Write(buf.Bytes())
	return err
}
