package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/textin"
)

// MaxUpload is the largest file the upload form takes.
const MaxUpload = 20 << 20

type uploadPage struct {
	page
	Error     string
	ID        string // the kept upload, when previewing
	Name      string
	Decisions []previewDecision
}

type previewDecision struct {
	Symbol, Title, Instrument, Meeting string
	Preamble, Paragraphs, Mandates     int
	Verbs                              []string
}

// uploadForm shows the form to signed-in accounts.
func (s *Server) uploadForm(w http.ResponseWriter, r *http.Request) error {
	if !visitorOf(r).ok {
		return errSignIn
	}
	return s.render(w, http.StatusOK, "upload", uploadPage{page: s.page(r, "Upload")})
}

// upload reads a posted file, parses it, keeps its text, and shows what
// accord found, to be confirmed.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) error {
	v := visitorOf(r)
	if !v.ok {
		return errSignIn
	}
	p := uploadPage{page: s.page(r, "Upload")}
	fail := func(status int, msg string) error {
		p.Error = msg
		return s.render(w, status, "upload", p)
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxUpload+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fail(http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is over %d MB.", MaxUpload>>20))
		}
		return fail(http.StatusBadRequest, "Send the file with the form's file field.")
	}
	if _, err := checkForm(w, r); err != nil {
		return err
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return fail(http.StatusBadRequest, "Choose a file to upload.")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxUpload+1))
	if err != nil {
		return err
	}
	name := hdr.Filename
	if len(data) > MaxUpload {
		return fail(http.StatusRequestEntityTooLarge, fmt.Sprintf("%s is over %d MB.", name, MaxUpload>>20))
	}
	t, err := textin.Read(r.Context(), name, data)
	if err != nil {
		status := http.StatusBadRequest
		if le := (*textin.LimitError)(nil); errors.As(err, &le) {
			status = http.StatusRequestEntityTooLarge
		}
		return fail(status, fmt.Sprintf("%s: %s", name, strings.TrimPrefix(err.Error(), "invalid: ")))
	}
	doc := parse.Parse(t.Body, parse.Options{})
	if len(doc.Decisions) == 0 {
		return fail(http.StatusBadRequest, name+": no decision found in the text.")
	}
	id, err := random()
	if err != nil {
		return err
	}
	up := accord.Upload{IDHash: auth.Hash(id), UserID: v.user.ID, Body: t.Body,
		Source: accord.Source{Name: name, SHA256: t.SHA256, Format: t.Format}}
	if err := s.store.SaveUpload(r.Context(), up); err != nil {
		return err
	}
	p.ID, p.Name, p.Decisions = id, name, preview(doc.Decisions)
	return s.render(w, http.StatusOK, "upload", p)
}

func preview(ds []accord.Decision) []previewDecision {
	var out []previewDecision
	for _, d := range ds {
		pd := previewDecision{Symbol: d.Symbol, Title: d.Title, Instrument: d.Instrument, Meeting: d.Meeting,
			Preamble: len(d.Preamble), Paragraphs: len(d.Paragraphs), Mandates: len(extract.Decision(&d, nil).Mandates)}
		for _, p := range d.Paragraphs {
			pd.Verbs = append(pd.Verbs, p.Phrase)
		}
		out = append(out, pd)
	}
	return out
}

// confirm stores the decisions of a kept upload, for an account allowed
// to edit their instruments.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	idHash := auth.Hash(r.PostForm.Get("upload"))
	up, err := s.store.Upload(r.Context(), idHash, v.user.ID)
	if err != nil {
		return err
	}
	doc := parse.Parse(up.Body, parse.Options{})
	for _, d := range doc.Decisions {
		if !v.user.CanEdit(d.Instrument) {
			return fmt.Errorf("%w: %s may not add decisions of %s", accord.ErrForbidden, v.user.Name, orNone(d.Instrument))
		}
	}
	reg, err := ingest.Registry(r.Context(), s.store)
	if err != nil {
		return err
	}
	up.Source.Who = v.user.Name
	if _, err := ingest.Decisions(r.Context(), s.store, reg, up.Source, doc.Decisions); err != nil {
		return err
	}
	if err := s.store.TakeUpload(r.Context(), idHash); err != nil {
		return err
	}
	first, err := s.store.Decisions(r.Context(), accord.DecisionFilter{})
	if err != nil {
		return err
	}
	target := "/decisions"
	for _, d := range first {
		if d.Source.Name == up.Source.Name {
			target = fmt.Sprintf("/decisions/%d", d.ID)
			break
		}
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}

func orNone(inst string) string {
	if inst == "" {
		return "no named instrument"
	}
	return inst
}
