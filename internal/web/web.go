// Package web serves accord's HTML pages: home, decisions, a decision
// laid out as adopted with each paragraph's mandates beside it, the
// mandate board, a mandate, search with facets, and the registry's
// records (meetings, documents, organizations and their arrangements,
// countries with their memberships, focal points and national
// coordination, centres) with the forms through which those who may
// change them do, and the audit log that reads each change as a
// sentence. Pages are rendered on the server from embedded templates,
// work without JavaScript and load nothing from elsewhere.
//
// It talks to an accord.Store only; it must not import a store package.
package web

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var funcs = template.FuncMap{"paraHref": paraHref, "instrument": instrumentName, "instrumentID": accord.InstrumentID, "instrumentFull": accord.InstrumentFullName, "slashBreaks": slashBreaks, "docHref": documentHref, "docLinks": docLinks, "meetingHref": meetingHref}

// pages holds each page's template, parsed once with the layout.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, name := range []string{"home", "decisions", "decision", "mandates", "mandate", "search", "error", "signin", "upload", "api", "audit", "report", "mine", "meetings", "calendar", "meeting", "bodies", "organizations", "organization", "arrangements", "documents", "document", "countries", "country", "focalpoints", "centres", "centre", "registry", "instruments", "instrument"} {
		m[name] = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/pager.html", "templates/downloads.html", "templates/boardrows.html", "templates/overlaps.html", "templates/documentform.html", "templates/instrumentform.html", "templates/centrefields.html", "templates/"+name+".html"))
	}
	return m
}()

// Anchor is the id of a paragraph on its decision's page: "5(b)" → "p-5b".
func Anchor(path string) string {
	return "p-" + strings.NewReplacer("(", "", ")", "").Replace(path)
}

// Server holds what the handlers need.
type Server struct {
	store accord.Store
	log   *slog.Logger
	cfg   Config
	oidc  *oidcClient // nil without an identity provider
	// registry is the actor registry, built once for every request.
	registry *ingest.Registry
}

// Config is how the pages are served; its zero value serves with the
// defaults and no identity provider.
type Config struct {
	// A session ends SessionMaxAge after its sign-in, or once no
	// request came for SessionIdle.
	SessionMaxAge, SessionIdle time.Duration
	// OIDC, when set, offers sign-in with the organization's identity
	// provider by OpenID Connect.
	OIDC *OIDC
	// Registry is the actor registry of the store, when the pages share
	// it with the API that serves the same store, so that one registry is
	// built for both; nil builds the pages their own.
	Registry *ingest.Registry
}

// The session timeouts by default: a working day, and a long lunch.
const (
	DefaultSessionMaxAge = 12 * time.Hour
	DefaultSessionIdle   = 2 * time.Hour
)

// New returns the handler of the HTML pages, configured by cfg when
// given. All routes are here.
func New(st accord.Store, log *slog.Logger, cfg ...Config) http.Handler {
	s := &Server{store: st, log: log}
	if len(cfg) > 0 {
		s.cfg = cfg[0]
	}
	if s.registry = s.cfg.Registry; s.registry == nil {
		s.registry = ingest.NewRegistry(st)
	}
	s.cfg.SessionMaxAge = cmp.Or(s.cfg.SessionMaxAge, DefaultSessionMaxAge)
	s.cfg.SessionIdle = cmp.Or(s.cfg.SessionIdle, DefaultSessionIdle)
	if s.cfg.OIDC != nil {
		s.oidc = newOIDCClient(*s.cfg.OIDC)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.FileServerFS(staticFS))
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /decisions", s.handle(s.decisions))
	mux.Handle("GET /decisions/{id}", s.handle(s.decision))
	mux.Handle("GET /mandates", s.handle(s.mandates))
	mux.Handle("GET /mandates/mine", s.handle(s.mine))
	mux.Handle("GET /mandates/{id}", s.handle(s.mandate))
	mux.Handle("GET /search", s.handle(s.search))
	mux.Handle("GET /registry", s.handle(s.registryIndex))
	mux.Handle("GET /documents", s.handle(s.documents))
	mux.Handle("GET /documents/{ref...}", s.handle(s.document))
	mux.Handle("POST /documents", s.handle(s.putDocument))
	mux.Handle("POST /documents/{id}/delete", s.handle(s.deleteDocument))
	mux.Handle("GET /meetings", s.handle(s.meetings))
	mux.Handle("GET /bodies", s.handle(s.bodies))
	mux.Handle("GET /instruments", s.handle(s.instrumentList))
	mux.Handle("POST /instruments", s.handle(s.addInstrument))
	mux.Handle("GET /instruments/{id}", s.handle(s.instrument))
	mux.Handle("POST /instruments/{id}", s.handle(s.editInstrument))
	mux.Handle("POST /instruments/{id}/bodies", s.handle(s.putBody))
	mux.Handle("GET /meetings/calendar", s.handle(s.calendar))
	mux.Handle("GET /meetings/{id}", s.handle(s.meeting))
	mux.Handle("POST /meetings", s.handle(s.addMeeting))
	mux.Handle("POST /meetings/{id}", s.handle(s.editMeeting))
	mux.Handle("POST /meetings/{id}/delete", s.handle(s.deleteMeeting))
	mux.Handle("GET /meetings.ics", s.handleWithin(icsTimeout, s.meetingsICS))
	mux.Handle("GET /mandates.ics", s.handleWithin(icsTimeout, s.mandatesICS))
	mux.Handle("GET /signin", s.handle(s.signinForm))
	mux.Handle("POST /signin", s.handle(s.signin))
	mux.Handle("POST /signout", s.handle(s.signout))
	mux.Handle("GET /signin/oidc", s.handle(s.oidcStart))
	mux.Handle("GET /signin/oidc/callback", s.handle(s.oidcCallback))
	mux.Handle("POST /mandates/{id}", s.handle(s.updateMandate))
	mux.Handle("POST /mandates/{id}/correct", s.handle(s.correctMandate))
	mux.Handle("POST /decisions/{id}", s.handle(s.correctDecision))
	mux.Handle("GET /organizations", s.handle(s.organizations))
	mux.Handle("GET /organizations/{id}", s.handle(s.organization))
	mux.Handle("POST /organizations", s.handle(s.addOrganization))
	mux.Handle("POST /organizations/{id}", s.handle(s.editOrganization))
	mux.Handle("POST /organizations/{id}/delete", s.handle(s.deleteOrganization))
	mux.Handle("POST /organizations/{id}/arrangements", s.handle(s.addArrangement))
	mux.Handle("GET /arrangements", s.handle(s.arrangements))
	mux.Handle("POST /arrangements/{id}", s.handle(s.editArrangement))
	mux.Handle("POST /arrangements/{id}/delete", s.handle(s.deleteArrangement))
	mux.Handle("GET /api", s.handle(s.apiDoc))
	mux.Handle("GET /audit", s.handle(s.audit))
	mux.Handle("GET /report", s.handle(s.report))
	mux.Handle("GET /countries", s.handle(s.countries))
	mux.Handle("GET /countries/{code}", s.handle(s.country))
	mux.Handle("GET /focal-points", s.handle(s.focalPoints))
	mux.Handle("POST /countries/{code}/focal-points", s.handle(s.addFocalPoint))
	mux.Handle("POST /countries/{code}/focal-points/edit", s.handle(s.editFocalPoint))
	mux.Handle("POST /countries/{code}/focal-points/delete", s.handle(s.deleteFocalPoint))
	mux.Handle("POST /countries/{code}/memberships", s.handle(s.saveMembership))
	mux.Handle("POST /countries/{code}/memberships/delete", s.handle(s.deleteMembership))
	mux.Handle("POST /countries/{code}/coordinations", s.handle(s.saveCoordination))
	mux.Handle("POST /countries/{code}/coordinations/edit", s.handle(s.editCoordination))
	mux.Handle("POST /countries/{code}/coordinations/delete", s.handle(s.deleteCoordination))
	mux.Handle("POST /countries/{code}/contacts", s.handle(s.publishContacts))
	mux.Handle("GET /centres", s.handle(s.centres))
	mux.Handle("GET /centres/{id}", s.handle(s.centre))
	mux.Handle("POST /centres", s.handle(s.addCentre))
	mux.Handle("POST /centres/{id}", s.handle(s.updateCentre))
	mux.Handle("POST /centres/{id}/delete", s.handle(s.deleteCentre))
	for _, ext := range []string{"csv", "xlsx"} {
		mux.Handle("GET /decisions."+ext, s.handleWithin(exportTimeout, s.exportDecisions))
		mux.Handle("GET /mandates."+ext, s.handleWithin(exportTimeout, s.exportMandates))
		mux.Handle("GET /search."+ext, s.handleWithin(exportTimeout, s.exportSearch))
		mux.Handle("GET /audit."+ext, s.handleWithin(exportTimeout, s.exportAudit))
	}
	for _, ext := range []string{"html", "md", "csv", "xlsx"} {
		mux.Handle("GET /report."+ext, s.handleWithin(exportTimeout, s.exportReport))
	}
	mux.Handle("GET /upload", s.handle(s.uploadForm))
	mux.Handle("POST /upload", s.handle(s.upload))
	mux.Handle("POST /upload/confirm", s.handle(s.confirm))
	mux.Handle("GET /", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return accord.ErrNotFound
	}))
	// Forms posted from another site (by the browser's Sec-Fetch-Site,
	// or else its Origin) are refused before any handler sees them.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("%w: the form came from another site", accord.ErrForbidden)
	}))
	return s.withVisitor(cop.Handler(mux))
}

// page is what every page's layout needs.
type page struct {
	Title string
	Query string // the search box's value
	User  string // the signed-in account, or ""
	CSRF  string // the token forms of the session carry
}

// pageCSP lets a page load its own style sheet and images and nothing
// else: no script, no inline style, no framing by any site, no other base
// or form target.
const pageCSP = "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// render writes a page into a buffer first, so that a failing template
// never sends half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := pages[name].ExecuteTemplate(pageBuffer(w, &buf), "layout", data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", pageCSP)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

type errorPage struct {
	page
	Heading, Message string
}

// handle adapts a handler that returns an error: not found and bad input
// get their page; other errors are logged and shown as a server error.
// A page read has pageTimeout to be made, and stops when its client goes.
func (s *Server) handle(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return s.handleWithin(pageTimeout, h)
}

// handleWithin is handle with timeout for a read instead of pageTimeout.
func (s *Server) handleWithin(timeout time.Duration, h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := &responseWriter{ResponseWriter: w}
		var hw http.ResponseWriter = rw // the error page is made whether or not the deadline passed
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
			hw = &pageWriter{ResponseWriter: rw, ctx: ctx}
		}
		err := h(hw, r)
		if err == nil {
			return
		}
		if clientGone(r) {
			// The client hung up: nobody reads an answer, and the
			// server did nothing wrong.
			if !rw.started {
				w.WriteHeader(StatusClientGone)
			}
			return
		}
		if rw.started {
			// Part of the answer is sent; an error page cannot follow it.
			s.log.Warn("web: response cut short", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		status, heading, msg := http.StatusInternalServerError, "Something went wrong", "The error is logged; please try again later."
		switch {
		case errors.Is(r.Context().Err(), context.DeadlineExceeded):
			w.Header().Set("Retry-After", "10")
			status, heading, msg = http.StatusServiceUnavailable, "Too slow", "This page took too long to make; please try again later, or narrow what it shows."
			s.log.Warn("web: deadline", "method", r.Method, "path", r.URL.Path, "err", err)
		case errors.Is(err, errSignIn):
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.Path), http.StatusSeeOther)
			return
		case errors.Is(err, accord.ErrForbidden):
			status, heading, msg = http.StatusForbidden, "Not allowed", strings.TrimPrefix(err.Error(), "forbidden: ")
		case errors.Is(err, accord.ErrNotFound):
			status, heading, msg = http.StatusNotFound, "Not found", "There is no such page here."
		case errors.Is(err, accord.ErrInvalid):
			status, heading, msg = http.StatusBadRequest, "Bad request", err.Error()
		case errors.Is(err, accord.ErrConflict):
			status, heading, msg = http.StatusConflict, "Conflict", err.Error()
		case errors.Is(err, accord.ErrBusy):
			// Nothing was changed; the same request may succeed soon.
			w.Header().Set("Retry-After", "1")
			status, heading, msg = http.StatusServiceUnavailable, "Busy", "Others were changing the same records at the same time and nothing was saved; please try again in a moment."
		case timedOut(r, err):
			status, heading, msg = http.StatusServiceUnavailable, "Server busy", "This took longer than the server allows; please try again in a moment."
			w.Header().Set("Retry-After", "5")
		default:
			s.log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		if err := s.render(w, status, "error", errorPage{s.page(r, heading), heading, msg}); err != nil {
			s.log.Error("web: error page", "err", err)
		}
	})
}

// StatusClientGone is the status of a request whose client hung up before
// its answer was sent (nginx's 499): not a server error.
const StatusClientGone = 499

// responseWriter records whether a handler began its response, so that
// the error adapter never begins a second one.
type responseWriter struct {
	http.ResponseWriter
	started bool
}

func (w *responseWriter) WriteHeader(code int) {
	w.started = w.started || code >= 200
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// timedOut reports whether err ended r's work because its deadline
// passed: the server is busy, which is no error of its own.
func timedOut(r *http.Request, err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded)
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, accord.ErrNotFound
	}
	return id, nil
}

// yearParam reads a year filter: 0 when y is "".
func yearParam(y string) (int, error) {
	if y == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(y)
	if err != nil || n < 1900 || n > 2100 {
		return 0, fmt.Errorf("%w: year %q: want a year such as 2025", accord.ErrInvalid, y)
	}
	return n, nil
}

type mandatesPage struct {
	page
	F        accord.MandateFilter
	Status   accord.Status
	Statuses []accord.Status
	List     []accord.Mandate
	Decision string // the symbol of the decision the board is limited to
	// Instruments are the stored instruments to choose from, and
	// Choices the other values the filters offer.
	Instruments []instrumentChoice
	Choices     accord.MandateChoices
	// Sorts are the links of the sortable columns, by sort; Orders the
	// same sorts offered in the filter form, where a phone, which hides
	// the column headings, chooses them.
	Sorts    map[string]sortLink
	Orders   []sortChoice
	Pager    pager
	Download downloads
}

// sortChoice is an order of the filter form's sort list.
type sortChoice struct {
	Value, Label string
}

// mandateOrders names each sort of the board, ascending and descending,
// for the filter form; the board's own order comes first, as "".
var mandateOrders = []sortChoice{
	{"", "decision"}, {"-decision", "decision, last first"},
	{"due", "due, soonest first"}, {"-due", "due, latest first"},
	{"status", "status, A–Z"}, {"-status", "status, Z–A"},
	{"actor", "asked of, A–Z"}, {"-actor", "asked of, Z–A"},
}

// sortLink is a column heading that sorts the list by it: the first
// click ascending, the next descending.
type sortLink struct {
	Href string
	Mark string // "▲" or "▼" on the column the list is sorted by
}

// sortLinks makes the links of the sortable columns of a list sorted by
// current, keeping the page's filters and going back to its first page.
func sortLinks(r *http.Request, current string, sorts []string) map[string]sortLink {
	out := map[string]sortLink{}
	for _, k := range sorts {
		q := r.URL.Query()
		q.Del("page")
		l := sortLink{}
		switch current {
		case k:
			q.Set("sort", "-"+k)
			l.Mark = "▲"
		case "-" + k:
			q.Set("sort", k)
			l.Mark = "▼"
		default:
			q.Set("sort", k)
		}
		if current == "" && k == "decision" {
			q.Set("sort", "-"+k)
			l.Mark = "▲"
		}
		l.Href = r.URL.Path + "?" + q.Encode()
		out[k] = l
	}
	return out
}

func (s *Server) mandates(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	n, err := pageParam(q)
	if err != nil {
		return err
	}
	f, err := mandateFilter(q)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = listPageSize+1, (n-1)*listPageSize
	ms, err := s.mandateRows(r.Context(), f)
	if err != nil {
		return err
	}
	more := len(ms) > listPageSize
	if more {
		ms = ms[:listPageSize]
	}
	p := mandatesPage{page: s.page(r, "Mandates"), F: f, Status: f.Status, Statuses: accord.Statuses, List: ms, Pager: pagerOf(r, n, more),
		Download: downloadsOf(r), Sorts: sortLinks(r, f.Sort, accord.MandateSorts), Orders: mandateOrders}
	if p.Instruments, err = s.instrumentChoices(r.Context(), f.Instrument); err != nil {
		return err
	}
	if p.Choices, err = s.store.MandateChoices(r.Context()); err != nil {
		return err
	}
	if f.DecisionID != 0 {
		p.Decision = "#" + strconv.FormatInt(f.DecisionID, 10)
		if len(ms) > 0 && ms[0].Symbol != "" {
			p.Decision = ms[0].Symbol
		}
	}
	return s.render(w, http.StatusOK, "mandates", p)
}

type mandatePage struct {
	page
	M        accord.Mandate
	CanEdit  bool
	Statuses []accord.Status
	Error    string
	// Asked is the addressees one a line, and Corrections the fields
	// people corrected, for the correction form.
	Asked       string
	Corrections []correctionView
	// DueAt is the record of the meeting the mandate is due at, nil
	// when none is stored.
	DueAt *accord.Meeting
	// AskedOf is whom the mandate asks, organizations linked to their
	// pages; Named the other organizations it names.
	AskedOf []askedView
	Named   []accord.Organization
	// Documents are the document symbols the mandate's decision cites,
	// each linking to its page.
	Documents []string
}

func (s *Server) mandate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.store.Mandate(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := s.store.DecisionByID(r.Context(), m.DecisionID)
	if err != nil {
		return err
	}
	p := s.mandatePage(r, m, "")
	p.Documents = d.References.Documents
	if p.AskedOf, p.Named, err = s.mandateOrganizations(r, m); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "mandate", p)
}

// mandatePage shows the names of staff in a mandate's history, evidence
// and notes only to a signed-in visitor; anyone else reads accord.Staff.
func (s *Server) mandatePage(r *http.Request, m accord.Mandate, errMsg string) mandatePage {
	v := visitorOf(r)
	if !v.ok {
		m = m.Anonymous()
	}
	p := mandatePage{page: s.page(r, m.Title()+" (mandate "+strconv.FormatInt(m.ID, 10)+")"), M: m, CanEdit: v.ok && v.user.CanEdit(m.Instrument),
		Statuses: accord.Statuses, Error: errMsg, Asked: asked(m.Addressees), Corrections: correctionViews(m.Corrections)}
	if m.Deadline != nil {
		// The page shows without the meeting's record when it cannot be read.
		p.DueAt, _ = s.meetingOf(r.Context(), m.Instrument, m.Deadline.Meeting)
	}
	return p
}

// editableMandate is the mandate a form posted to its page is about,
// and who posted it: a signed-in editor of the mandate's instrument,
// whose form is checked.
func (s *Server) editableMandate(w http.ResponseWriter, r *http.Request) (accord.Mandate, visitor, error) {
	id, v, err := postedID(w, r)
	if err != nil {
		return accord.Mandate{}, v, err
	}
	m, err := s.store.Mandate(r.Context(), id)
	if err != nil {
		return m, v, err
	}
	if !v.user.CanEdit(m.Instrument) {
		return m, v, fmt.Errorf("%w: %s may not change mandates of %s", accord.ErrForbidden, v.user.Name, m.Instrument)
	}
	return m, v, nil
}

// updateMandate takes the form of a mandate's page: a signed-in editor of
// its instrument changes status, owner, notes or evidence.
func (s *Server) updateMandate(w http.ResponseWriter, r *http.Request) error {
	m, v, err := s.editableMandate(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	u := accord.MandateUpdate{Note: f.Get("note"), Who: v.user.Name, Why: f.Get("why")}
	if st := f.Get("status"); st != "" && st != string(m.Status) {
		status := accord.Status(st)
		u.Status = &status
	}
	if o := strings.TrimSpace(f.Get("owner")); o != m.Owner {
		u.Owner = &o
	}
	u.Evidence = strings.Fields(f.Get("evidence"))
	if _, err := s.store.UpdateMandate(r.Context(), m.ID, u); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.render(w, http.StatusBadRequest, "mandate", s.mandatePage(r, m, strings.TrimPrefix(err.Error(), "invalid: ")))
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/mandates/%d", m.ID), http.StatusSeeOther)
	return nil
}
