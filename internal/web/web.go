// Package web serves accord's HTML pages: home, decisions, a decision
// laid out as adopted with each paragraph's mandates beside it, the
// mandate board, a mandate, and search with facets. Pages are rendered on
// the server from embedded templates, work without JavaScript and load
// nothing from elsewhere.
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

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var funcs = template.FuncMap{"anchor": Anchor}

// pages holds each page's template, parsed once with the layout.
var pages = func() map[string]*template.Template {
	m := map[string]*template.Template{}
	for _, name := range []string{"home", "decisions", "decision", "mandates", "mandate", "search", "error", "signin", "upload", "api", "audit"} {
		m[name] = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
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
}

// New returns the handler of the HTML pages. All routes are here.
func New(st accord.Store, log *slog.Logger) http.Handler {
	s := &Server{store: st, log: log}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.FileServerFS(staticFS))
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /decisions", s.handle(s.decisions))
	mux.Handle("GET /decisions/{id}", s.handle(s.decision))
	mux.Handle("GET /mandates", s.handle(s.mandates))
	mux.Handle("GET /mandates/{id}", s.handle(s.mandate))
	mux.Handle("GET /search", s.handle(s.search))
	mux.Handle("GET /signin", s.handle(s.signinForm))
	mux.Handle("POST /signin", s.handle(s.signin))
	mux.Handle("POST /signout", s.handle(s.signout))
	mux.Handle("POST /mandates/{id}", s.handle(s.updateMandate))
	mux.Handle("GET /api", s.handle(s.apiDoc))
	mux.Handle("GET /audit", s.handle(s.audit))
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
	if err := pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
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
func (s *Server) handle(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := &responseWriter{ResponseWriter: w}
		err := h(rw, r)
		if err == nil {
			return
		}
		if errors.Is(r.Context().Err(), context.Canceled) {
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
		case errors.Is(err, errSignIn):
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.Path), http.StatusSeeOther)
			return
		case errors.Is(err, accord.ErrForbidden):
			status, heading, msg = http.StatusForbidden, "Not allowed", strings.TrimPrefix(err.Error(), "forbidden: ")
		case errors.Is(err, accord.ErrNotFound):
			status, heading, msg = http.StatusNotFound, "Not found", "There is no such page here."
		case errors.Is(err, accord.ErrInvalid):
			status, heading, msg = http.StatusBadRequest, "Bad request", err.Error()
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

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, accord.ErrNotFound
	}
	return id, nil
}

type homePage struct {
	page
	Decisions, Mandates int
	Instruments         []accord.FacetCount
	Latest              []accord.Decision
	Due                 []dueGroup
}

type dueGroup struct {
	Meeting  string
	Mandates []accord.Mandate
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	stats, err := s.store.Stats(ctx)
	if err != nil {
		return err
	}
	p := homePage{page: s.page(r, "Home"), Decisions: stats.Decisions, Mandates: stats.Mandates, Instruments: stats.Instruments}
	if p.Latest, err = s.store.Decisions(ctx, accord.DecisionFilter{Newest: true, Limit: 10}); err != nil {
		return err
	}
	ms, err := s.store.Mandates(ctx, accord.MandateFilter{Upcoming: true, Limit: 200})
	if err != nil {
		return err
	}
	groups := map[string]int{}
	for _, m := range ms {
		key := m.Instrument + " " + m.Deadline.Meeting
		k, ok := groups[key]
		if !ok {
			k = len(p.Due)
			groups[key] = k
			p.Due = append(p.Due, dueGroup{Meeting: key})
		}
		p.Due[k].Mandates = append(p.Due[k].Mandates, m)
	}
	return s.render(w, http.StatusOK, "home", p)
}

type decisionsPage struct {
	page
	Instrument string
	Year       int
	List       []accord.Decision
}

func (s *Server) decisions(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	inst := q.Get("instrument")
	year, err := yearParam(q.Get("year"))
	if err != nil {
		return err
	}
	ds, err := s.store.Decisions(r.Context(), accord.DecisionFilter{Instrument: inst, Meeting: q.Get("meeting"), Year: year})
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "decisions", decisionsPage{s.page(r, "Decisions"), inst, year, ds})
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

// paraView is a paragraph as the decision page shows it.
type paraView struct {
	P        accord.Paragraph
	Anchor   string
	Rest     string // the text after the opening phrase, which is emphasized
	Headings []string
	Items    []paraView
	Mandates []accord.Mandate
}

type refView struct {
	Cited, Instrument string
	ID                int64 // of the cited decision, when stored
}

type decisionPage struct {
	page
	D     accord.Decision
	Paras []paraView
	Refs  []refView
	Docs  []string
}

func (s *Server) decision(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d, err := s.store.DecisionByID(ctx, id)
	if err != nil {
		return err
	}
	ms, err := s.store.Mandates(ctx, accord.MandateFilter{DecisionID: d.ID})
	if err != nil {
		return err
	}
	byPath := map[string][]accord.Mandate{}
	for _, m := range ms {
		byPath[m.Path] = append(byPath[m.Path], m)
	}
	headings := map[int][]string{}
	for _, h := range d.Headings {
		headings[h.Before] = append(headings[h.Before], h.Text)
	}
	var view func(ps []accord.Paragraph) []paraView
	view = func(ps []accord.Paragraph) []paraView {
		out := make([]paraView, 0, len(ps))
		for _, p := range ps {
			v := paraView{P: p, Anchor: Anchor(p.Path), Rest: strings.TrimPrefix(p.Text, p.Phrase), Items: view(p.Items), Mandates: byPath[p.Path]}
			// an item's mandates show beside its paragraph
			for _, it := range v.Items {
				v.Mandates = append(v.Mandates, it.Mandates...)
				for _, sub := range it.Items {
					v.Mandates = append(v.Mandates, sub.Mandates...)
				}
			}
			out = append(out, v)
		}
		return out
	}
	p := decisionPage{page: s.page(r, strings.TrimSpace(d.Symbol+" "+d.Title)), D: d, Paras: view(d.Paragraphs), Docs: d.References.Documents}
	for i := range p.Paras {
		p.Paras[i].Headings = headings[i]
	}
	for _, ref := range d.References.Decisions {
		rv := refView{Cited: ref.Cited, Instrument: ref.Instrument}
		if cited, err := s.store.Decision(ctx, ref.Instrument, ref.Cited); err == nil {
			rv.ID = cited.ID
		}
		p.Refs = append(p.Refs, rv)
	}
	return s.render(w, http.StatusOK, "decision", p)
}

type mandatesPage struct {
	page
	F        accord.MandateFilter
	Status   accord.Status
	Statuses []accord.Status
	List     []accord.Mandate
}

func (s *Server) mandates(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := accord.MandateFilter{Instrument: q.Get("instrument"), Actor: q.Get("actor"), Overdue: q.Get("overdue") == "true", Limit: 500}
	if st := q.Get("status"); st != "" {
		if !accord.Status(st).Valid() {
			return fmt.Errorf("%w: unknown status %q", accord.ErrInvalid, st)
		}
		f.Status = accord.Status(st)
	}
	ms, err := s.store.Mandates(r.Context(), f)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "mandates", mandatesPage{s.page(r, "Mandates"), f, f.Status, accord.Statuses, ms})
}

type mandatePage struct {
	page
	M        accord.Mandate
	CanEdit  bool
	Statuses []accord.Status
	Error    string
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
	return s.render(w, http.StatusOK, "mandate", s.mandatePage(r, m, ""))
}

// mandatePage shows the names of staff in a mandate's history, evidence
// and notes only to a signed-in visitor; anyone else reads accord.Staff.
func (s *Server) mandatePage(r *http.Request, m accord.Mandate, errMsg string) mandatePage {
	v := visitorOf(r)
	if !v.ok {
		m = m.Anonymous()
	}
	return mandatePage{page: s.page(r, "Mandate "+strconv.FormatInt(m.ID, 10)), M: m, CanEdit: v.ok && v.user.CanEdit(m.Instrument),
		Statuses: accord.Statuses, Error: errMsg}
}

// updateMandate takes the form of a mandate's page: a signed-in editor of
// its instrument changes status, owner, notes or evidence.
func (s *Server) updateMandate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	m, err := s.store.Mandate(r.Context(), id)
	if err != nil {
		return err
	}
	if !v.user.CanEdit(m.Instrument) {
		return fmt.Errorf("%w: %s may not change mandates of %s", accord.ErrForbidden, v.user.Name, m.Instrument)
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
	if _, err := s.store.UpdateMandate(r.Context(), id, u); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			return s.render(w, http.StatusBadRequest, "mandate", s.mandatePage(r, m, strings.TrimPrefix(err.Error(), "invalid: ")))
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/mandates/%d", id), http.StatusSeeOther)
	return nil
}

type hitView struct {
	accord.SearchHit
	Anchor  string
	Snippet template.HTML
}

type facetView struct {
	Name   string
	Counts []facetLink
}

type facetLink struct {
	Value string
	Count int
	Href  string
}

type searchPage struct {
	page
	Error  string
	Parsed string
	Result *accord.SearchResult
	Hits   []hitView
	Facets []facetView
	Next   string
	// Orders link to the same search in each order; Order is the one shown.
	Order  string
	Orders []facetLink
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := searchPage{page: s.page(r, "Search")}
	p.Query = q.Get("q")
	if q.Get("q") == "" {
		return s.render(w, http.StatusOK, "search", p)
	}
	terms, err := search.Parse(q.Get("q"))
	if err != nil {
		p.Error = strings.TrimPrefix(err.Error(), "invalid: ")
		return s.render(w, http.StatusBadRequest, "search", p)
	}
	offset, _ := strconv.Atoi(q.Get("offset"))
	year, err := yearParam(q.Get("year"))
	if err != nil {
		return err
	}
	sq := accord.SearchQuery{Terms: terms, Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Year: year, Actor: q.Get("actor"),
		Class: accord.VerbClass(q.Get("class")), Status: accord.Status(q.Get("status")), Order: q.Get("order"), Limit: 20, Offset: max(0, offset)}
	res, err := s.store.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	p.Result, p.Parsed = &res, search.String(terms)
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, hitView{SearchHit: h, Anchor: Anchor(h.Path), Snippet: markHTML(h.Snippet)})
	}
	// with links to this search with one parameter changed, from its
	// first page unless the parameter is the page.
	with := func(key, value string) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set(key, value)
		if key != "offset" {
			v.Del("offset")
		}
		return "/search?" + v.Encode()
	}
	for _, name := range accord.SearchFacets {
		fv := facetView{Name: name}
		for _, c := range res.Facets[name] {
			fv.Counts = append(fv.Counts, facetLink{c.Value, c.Count, with(name, c.Value)})
		}
		if len(fv.Counts) > 0 {
			p.Facets = append(p.Facets, fv)
		}
	}
	if next := sq.Offset + len(res.Hits); next < res.Total {
		p.Next = with("offset", strconv.Itoa(next))
	}
	p.Order = cmp.Or(sq.Order, "relevance")
	p.Orders = []facetLink{{"relevance", 0, with("order", "relevance")}, {"recent", 0, with("order", "recent")}}
	return s.render(w, http.StatusOK, "search", p)
}

// markHTML escapes a snippet and marks its matches.
func markHTML(s string) template.HTML {
	return template.HTML(strings.NewReplacer("\x02", "<mark>", "\x03", "</mark>").Replace(template.HTMLEscapeString(s)))
}

type auditPage struct {
	page
	Entries []accord.AuditEntry
}

// audit shows the audit log to admins.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	v := visitorOf(r)
	if !v.ok {
		return errSignIn
	}
	if v.user.Role != accord.RoleAdmin {
		return fmt.Errorf("%w: the audit log is for admins", accord.ErrForbidden)
	}
	log, err := s.store.AuditLog(r.Context(), 200)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "audit", auditPage{s.page(r, "Audit log"), log})
}
