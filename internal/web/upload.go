package web

import (
	"cmp"
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
	// Stored is the stored decision it would update, nil when new.
	Stored *storedView
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
	if msg := notEditable(v.user, doc.Decisions); msg != "" {
		return fail(http.StatusForbidden, name+": "+msg)
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
	// the mandates the preview counts are those storing them extracts:
	// with the store's registry, not the bundled one
	reg, err := s.registry.Actors(r.Context())
	if err != nil {
		return err
	}
	p.ID, p.Name, p.Decisions = id, name, preview(doc.Decisions, reg)
	for i := range p.Decisions {
		if p.Decisions[i].Stored, err = s.storedAs(r, &doc.Decisions[i], p.Decisions[i].Mandates); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "upload", p)
}

// preview shows what storing ds would store, its mandates extracted
// with reg, the store's actor registry.
func preview(ds []accord.Decision, reg *extract.Actors) []previewDecision {
	var out []previewDecision
	for _, d := range ds {
		pd := previewDecision{Symbol: d.Symbol, Title: d.Title, Instrument: d.Instrument, Meeting: d.Meeting,
			Preamble: len(d.Preamble), Paragraphs: len(d.Paragraphs), Mandates: len(extract.Decision(&d, reg).Mandates)}
		for _, p := range d.Paragraphs {
			pd.Verbs = append(pd.Verbs, p.Phrase)
		}
		out = append(out, pd)
	}
	return out
}

// notEditable says which decisions of ds user may not store, by
// instrument; "" when it may store them all.
func notEditable(user accord.User, ds []accord.Decision) string {
	var insts []string
	symbols := map[string][]string{}
	for _, d := range ds {
		if user.CanEdit(d.Instrument) {
			continue
		}
		inst := orNone(d.Instrument)
		if symbols[inst] == nil {
			insts = append(insts, inst)
		}
		symbols[inst] = append(symbols[inst], cmp.Or(d.Symbol, "(no symbol)"))
	}
	if len(insts) == 0 {
		return ""
	}
	var parts []string
	for _, inst := range insts {
		parts = append(parts, fmt.Sprintf("%s (%s)", inst, strings.Join(symbols[inst], ", ")))
	}
	may := "no instrument"
	if len(user.Instruments) > 0 {
		may = strings.Join(user.Instruments, ", ") + " only"
	}
	return fmt.Sprintf("You may not change decisions of %s: %s edits %s.", strings.Join(parts, " or "), user.Name, may)
}

// uploadSource names the source of a file an account uploads: the
// account's id is part of it, so that no upload replaces the file of
// another account, or of the command line, by its name.
func uploadSource(user accord.User, name string) string {
	return fmt.Sprintf("uploads/%d/%s", user.ID, name)
}

// confirm stores the decisions of a kept upload, in a source of the
// uploader's own; the store refuses to add, replace or remove decisions
// of instruments the account may not edit.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	p := uploadPage{page: s.page(r, "Upload")}
	idHash := auth.Hash(r.PostForm.Get("upload"))
	up, err := s.store.Upload(r.Context(), idHash, v.user.ID)
	if errors.Is(err, accord.ErrNotFound) {
		p.Error = fmt.Sprintf("This upload is no longer here: it was stored already, or it waited over %d hours for confirmation. Please upload the file again.", int(accord.UploadTTL.Hours()))
		return s.render(w, http.StatusNotFound, "upload", p)
	}
	if err != nil {
		return err
	}
	doc := parse.Parse(up.Body, parse.Options{})
	reg, err := s.registry.Actors(r.Context())
	if err != nil {
		return err
	}
	up.Source.Name = uploadSource(v.user, up.Source.Name)
	up.Source.Who, up.Source.By = v.user.Name, &v.user
	if _, err := ingest.Decisions(r.Context(), s.store, reg, up.Source, doc.Decisions); err != nil {
		for _, e := range []struct {
			err    error
			status int
		}{{accord.ErrForbidden, http.StatusForbidden}, {accord.ErrConflict, http.StatusConflict}} {
			if errors.Is(err, e.err) {
				p.Error = reason(err, e.err)
				return s.render(w, e.status, "upload", p)
			}
		}
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

// reason is what err says after the sentinel it wraps: the words meant
// for the person, without the operations around them.
func reason(err, sentinel error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, sentinel.Error()+": "); i >= 0 {
		return msg[i+len(sentinel.Error())+2:]
	}
	return msg
}

func orNone(inst string) string {
	if inst == "" {
		return "no named instrument"
	}
	return inst
}
