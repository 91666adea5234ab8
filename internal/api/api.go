// Package api serves accord's JSON API under /api/v1: decisions with their
// paragraph trees, and mandates, with filters and cursor pagination, and
// the registry's records, which accounts change within their rights
// (editable opens every such change), described by OpenAPI 3.1 at
// /api/v1/openapi.json. Errors are problem+json (RFC 9457); reads carry
// ETags and are gzipped when the client accepts it.
//
// It talks to an accord.Store only; it must not import a store package.
package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
)

//go:embed openapi.json
var openapi []byte

// Server holds what the handlers need.
type Server struct {
	store accord.Store
	log   *slog.Logger
	// registry is the actor registry, built once for every request.
	registry *ingest.Registry
}

// Config is how the API is served; its zero value builds the API its own
// actor registry.
type Config struct {
	// Registry is the actor registry of the store, when the API shares
	// it with the pages that serve the same store, so that one registry
	// is built for both; nil builds the API its own.
	Registry *ingest.Registry
}

// New returns the API's handler, configured by cfg when given. All routes
// are here.
func New(st accord.Store, log *slog.Logger, cfg ...Config) http.Handler {
	s := &Server{store: st, log: log}
	if len(cfg) > 0 {
		s.registry = cfg[0].Registry
	}
	if s.registry == nil {
		s.registry = ingest.NewRegistry(st)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /api/v1/openapi.json", s.handle(s.openAPI))
	mux.Handle("GET /api/v1/decisions", s.handle(s.decisions))
	mux.Handle("GET /api/v1/decisions/{id}", s.handle(s.decision))
	mux.Handle("PATCH /api/v1/decisions/{id}", s.handle(s.correctDecision))
	mux.Handle("GET /api/v1/mandates", s.handle(s.mandates))
	mux.Handle("GET /api/v1/mandates/{id}", s.handle(s.mandate))
	mux.Handle("PATCH /api/v1/mandates/{id}", s.handle(s.updateMandate))
	mux.Handle("GET /api/v1/audit", s.handle(s.audit))
	mux.Handle("GET /api/v1/search", s.handle(s.search))
	mux.Handle("GET /api/v1/paragraphs", s.handle(s.paragraphs))
	mux.Handle("GET /api/v1/decisions/{id}/paragraphs/{path}", s.handle(s.paragraph))
	mux.Handle("GET /api/v1/documents", s.handle(s.documents))
	mux.Handle("POST /api/v1/documents", s.handle(s.putDocument))
	mux.Handle("GET /api/v1/documents/{ref...}", s.handle(s.document))
	mux.Handle("DELETE /api/v1/documents/{id}", s.handle(s.deleteDocument))
	mux.Handle("GET /api/v1/decisions/{id}/cited-by", s.handle(s.citedBy))
	mux.Handle("GET /api/v1/actors", s.handle(s.actors))
	mux.Handle("GET /api/v1/actors/{actor}", s.handle(s.actor))
	mux.Handle("GET /api/v1/meetings", s.handle(s.meetings))
	mux.Handle("GET /api/v1/meetings/{id}", s.handle(s.meeting))
	mux.Handle("PUT /api/v1/meetings/{id}", s.handle(s.putMeeting))
	mux.Handle("DELETE /api/v1/meetings/{id}", s.handle(s.deleteMeeting))
	mux.Handle("GET /api/v1/instruments", s.handle(s.instruments))
	mux.Handle("POST /api/v1/instruments", s.handle(s.addInstrument))
	mux.Handle("GET /api/v1/instruments/{id}", s.handle(s.instrumentOne))
	mux.Handle("PUT /api/v1/instruments/{id}", s.handle(s.putInstrument))
	mux.Handle("GET /api/v1/bodies", s.handle(s.bodies))
	mux.Handle("PUT /api/v1/bodies/{id}", s.handle(s.putBody))
	mux.Handle("DELETE /api/v1/bodies/{id}", s.handle(s.deleteBody))
	mux.Handle("GET /api/v1/organizations", s.handle(s.organizations))
	mux.Handle("GET /api/v1/organizations/{id}", s.handle(s.organization))
	mux.Handle("PUT /api/v1/organizations/{id}", s.handle(s.putOrganization))
	mux.Handle("DELETE /api/v1/organizations/{id}", s.handle(s.deleteOrganization))
	mux.Handle("GET /api/v1/arrangements", s.handle(s.arrangements))
	mux.Handle("POST /api/v1/arrangements", s.handle(s.putArrangement))
	mux.Handle("GET /api/v1/arrangements/{id}", s.handle(s.getArrangement))
	mux.Handle("PUT /api/v1/arrangements/{id}", s.handle(s.putArrangement))
	mux.Handle("DELETE /api/v1/arrangements/{id}", s.handle(s.deleteArrangement))
	mux.Handle("GET /api/v1/countries", s.handle(s.countries))
	mux.Handle("GET /api/v1/countries/{code}", s.handle(s.country))
	mux.Handle("GET /api/v1/focal-points", s.handle(s.focalPoints))
	mux.Handle("POST /api/v1/focal-points", s.handle(s.addFocalPoint))
	mux.Handle("GET /api/v1/focal-points/{id}", s.handle(s.focalPointOne))
	mux.Handle("PUT /api/v1/focal-points/{id}", s.handle(s.replaceFocalPoint))
	mux.Handle("DELETE /api/v1/focal-points/{id}", s.handle(s.deleteFocalPoint))
	mux.Handle("GET /api/v1/memberships", s.handle(s.memberships))
	mux.Handle("POST /api/v1/memberships", s.handle(s.addMembership))
	mux.Handle("GET /api/v1/memberships/{id}", s.handle(s.membershipOne))
	mux.Handle("DELETE /api/v1/memberships/{id}", s.handle(s.deleteMembership))
	mux.Handle("GET /api/v1/coordinations", s.handle(s.coordinations))
	mux.Handle("POST /api/v1/coordinations", s.handle(s.addCoordination))
	mux.Handle("GET /api/v1/coordinations/{id}", s.handle(s.coordinationOne))
	mux.Handle("PUT /api/v1/coordinations/{id}", s.handle(s.replaceCoordination))
	mux.Handle("DELETE /api/v1/coordinations/{id}", s.handle(s.deleteCoordination))
	mux.Handle("PUT /api/v1/contacts/{instrument}", s.handle(s.publishContacts))
	mux.Handle("GET /api/v1/centres", s.handle(s.centres))
	mux.Handle("GET /api/v1/centres/{id}", s.handle(s.centreOne))
	mux.Handle("PUT /api/v1/centres/{id}", s.handle(s.putCentre))
	mux.Handle("DELETE /api/v1/centres/{id}", s.handle(s.deleteCentre))
	mux.Handle("GET /api/v1/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return &problem{Status: http.StatusNotFound, Detail: "no such API endpoint: " + r.Method + " " + r.URL.Path}
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(&methodProblem{ResponseWriter: w, r: r}, r)
	})
}

// methodProblem turns the mux's plain-text 405 into a problem.
type methodProblem struct {
	http.ResponseWriter
	r    *http.Request
	done bool
}

func (m *methodProblem) WriteHeader(code int) {
	if code == http.StatusMethodNotAllowed && !m.done {
		m.done = true
		writeProblem(m.ResponseWriter, &problem{Status: code, Detail: fmt.Sprintf("%s is not allowed on %s (allowed: %s)",
			m.r.Method, m.r.URL.Path, m.ResponseWriter.Header().Get("Allow"))})
		return
	}
	m.ResponseWriter.WriteHeader(code)
}

func (m *methodProblem) Write(b []byte) (int, error) {
	if m.done {
		return len(b), nil // the mux's own text
	}
	return m.ResponseWriter.Write(b)
}

// problem is an RFC 9457 problem detail, and an error.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func (p *problem) Error() string { return p.Detail }

func badRequest(format string, args ...any) error {
	return &problem{Status: http.StatusBadRequest, Detail: fmt.Sprintf(format, args...)}
}

// handle adapts a handler that returns an error: sentinel errors become
// 4xx problems with their message; anything else is a 500 that users see
// only as such and the log sees whole.
func (s *Server) handle(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !utf8.ValidString(r.URL.RawQuery) || !validQuery(r.URL.RawQuery) {
			writeProblem(w, &problem{Status: http.StatusBadRequest, Detail: "the query string is not valid UTF-8"})
			return
		}
		rw := &responseWriter{ResponseWriter: w}
		err := h(rw, r)
		if err == nil {
			return
		}
		if errors.Is(r.Context().Err(), context.Canceled) {
			// The client hung up: nobody reads an answer, and the
			// server did nothing wrong.
			if !rw.started {
				w.WriteHeader(statusClientGone)
			}
			return
		}
		if rw.started {
			// Part of the answer is sent; a problem cannot follow it.
			s.log.Warn("api: response cut short", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		var p *problem
		switch {
		case errors.As(err, &p):
		case errors.Is(err, accord.ErrNotFound):
			p = &problem{Status: http.StatusNotFound, Detail: err.Error()}
		case errors.Is(err, accord.ErrInvalid):
			p = &problem{Status: http.StatusBadRequest, Detail: err.Error()}
		case errors.Is(err, accord.ErrConflict):
			p = &problem{Status: http.StatusConflict, Detail: err.Error()}
		case errors.Is(err, accord.ErrForbidden):
			p = &problem{Status: http.StatusForbidden, Detail: err.Error()}
		case errors.Is(err, accord.ErrBusy):
			// Nothing was changed; the same request may succeed soon.
			w.Header().Set("Retry-After", retryAfter)
			p = &problem{Status: http.StatusServiceUnavailable, Detail: err.Error()}
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded):
			w.Header().Set("Retry-After", "5")
			p = &problem{Status: http.StatusServiceUnavailable, Detail: "this took longer than the server allows; try again in a moment"}
		default:
			s.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
			p = &problem{Status: http.StatusInternalServerError, Detail: "the server failed; the error is logged"}
		}
		writeProblem(w, p)
	})
}

// statusClientGone is the status of a request whose client hung up before
// its answer was sent (nginx's 499): not a server error.
const statusClientGone = 499

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

// retryAfter is the Retry-After of a write refused for others made at the
// same time, in seconds: they last milliseconds, a second is ample.
const retryAfter = "1"

// validQuery reports whether the decoded query is valid UTF-8.
func validQuery(raw string) bool {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return false
	}
	for k, vs := range q {
		if !utf8.ValidString(k) {
			return false
		}
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return false
			}
		}
	}
	return true
}

func writeProblem(w http.ResponseWriter, p *problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	p.Title = http.StatusText(p.Status)
	b, _ := json.Marshal(p)
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(p.Status)
	w.Write(b)
}

// writeJSON writes v with an ETag, answering 304 to a matching
// If-None-Match, gzipped when the client accepts it and it is worth it.
func writeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Add("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" {
		for _, m := range strings.Split(match, ",") {
			if m = strings.TrimSpace(m); m == etag || m == "W/"+etag || m == "*" {
				w.WriteHeader(http.StatusNotModified)
				return nil
			}
		}
	}
	h.Set("Content-Type", "application/json")
	body := buf.Bytes()
	if buf.Len() > 1024 && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		var z bytes.Buffer
		gz := gzip.NewWriter(&z)
		gz.Write(body)
		gz.Close()
		body = z.Bytes()
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, err := w.Write(body)
	return err
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	var v any
	if err := json.Unmarshal(openapi, &v); err != nil {
		return err
	}
	return writeJSON(w, r, v)
}

// query reads the query parameters allowed, refusing any other.
func query(r *http.Request, allowed ...string) (url.Values, error) {
	q := r.URL.Query()
	for k, vs := range q {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		if !ok {
			return nil, badRequest("unknown query parameter %q (this endpoint takes %s)", k, strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return nil, badRequest("query parameter %q given %d times", k, len(vs))
		}
	}
	return q, nil
}

// page reads limit and cursor. Cursors are opaque to clients: a kind
// letter and the last id, base64url-encoded.
func page(q url.Values, kind string) (limit int, after int64, err error) {
	limit = 50
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 200 {
			return 0, 0, badRequest("limit %q: want a number from 1 to 200", l)
		}
		limit = n
	}
	if c := q.Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		k, id, ok := strings.Cut(string(b), ":")
		if err != nil || !ok || k != kind {
			return 0, 0, badRequest("malformed cursor %q: pass back the next_cursor of a previous page", c)
		}
		if after, err = strconv.ParseInt(id, 10, 64); err != nil || after <= 0 {
			return 0, 0, badRequest("malformed cursor %q: pass back the next_cursor of a previous page", c)
		}
	}
	return limit, after, nil
}

// pageOf makes a page of a list read with one row more than limit: that
// row, when there, says a next page exists, whose cursor is the key of the
// page's last row.
func pageOf[T, O any](rows []T, limit int, kind string, key func(T) int64, out func(T) O) listOut[O] {
	page := listOut[O]{Items: []O{}}
	for i, r := range rows {
		if i == limit {
			page.NextCursor = cursor(kind, key(rows[i-1]))
			break
		}
		page.Items = append(page.Items, out(r))
	}
	return page
}

func cursor(kind string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + ":" + strconv.FormatInt(id, 10)))
}

// classParam reads the class parameter: "" when absent.
func classParam(q url.Values) (accord.VerbClass, error) {
	switch c := accord.VerbClass(q.Get("class")); c {
	case "", accord.Directive, accord.Deciding, accord.Evaluative, accord.Observing, accord.Reinforcing:
		return c, nil
	default:
		return "", badRequest("class %q: want directive, deciding, evaluative, observing or reinforcing", c)
	}
}

// yearParam reads the year parameter: 0 when absent.
func yearParam(q url.Values) (int, error) {
	y := q.Get("year")
	if y == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(y)
	if err != nil || n < 1900 || n > 2100 {
		return 0, badRequest("year %q: want a year such as 2025", y)
	}
	return n, nil
}

// idOnly reads the id of a request whose path holds one and whose query
// holds nothing.
func idOnly(r *http.Request) (int64, error) {
	if _, err := query(r); err != nil {
		return 0, err
	}
	return pathID(r)
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("id %q: want a positive number", r.PathValue("id"))
	}
	return id, nil
}

// OpenAPI returns the API's OpenAPI 3.1 description.
func OpenAPI() []byte { return append([]byte(nil), openapi...) }
