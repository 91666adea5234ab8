package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/ingest"
)

// decisionForm is the form on a decision's page with which a signed-in
// editor of its instrument corrects what identifies it.
type decisionForm struct {
	CSRF  string
	Kinds []accord.Kind
	Year  string
	Error string
}

// correctionView is a corrected field as pages show it.
type correctionView struct {
	accord.Correction
	Label string
}

// fieldLabels name the fields people correct.
var fieldLabels = map[string]string{
	"symbol": "Symbol", "title": "Title", "kind": "Kind", "instrument": "Instrument", "meeting": "Meeting",
	"year": "Year of adoption", "url": "Official document", "addressees": "Asked of", "action": "Action",
	"deadline": "Deadline", "deliverable": "Deliverable",
}

func correctionViews(cs []accord.Correction) []correctionView {
	out := make([]correctionView, 0, len(cs))
	for _, c := range cs {
		out = append(out, correctionView{c, fieldLabels[c.Field]})
	}
	return out
}

// decisionFormOf returns the correction form of d's page for the visitor
// of r, nil when the visitor may not correct d.
func decisionFormOf(r *http.Request, d accord.Decision) *decisionForm {
	v := visitorOf(r)
	if !v.ok || !v.user.CanEdit(d.Instrument) {
		return nil
	}
	f := &decisionForm{CSRF: v.csrf, Kinds: []accord.Kind{accord.KindDecision, accord.KindResolution, accord.KindRecommendation, accord.KindDraft}}
	if d.Year != 0 {
		f.Year = strconv.Itoa(d.Year)
	}
	return f
}

// correctDecision takes the form of a decision's page: a signed-in editor
// of its instrument corrects its symbol, title, kind, instrument,
// meeting, year or official document. Fields left as they are stay.
func (s *Server) correctDecision(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	d, err := s.store.DecisionByID(r.Context(), id)
	if err != nil {
		return err
	}
	f := r.PostForm
	c := accord.DecisionCorrection{Who: v.user.Name, By: &v.user}
	changed := func(name, now string) *string {
		if _, ok := f[name]; !ok {
			return nil
		}
		val := strings.TrimSpace(f.Get(name))
		if val == now {
			return nil
		}
		return &val
	}
	c.Symbol = changed("symbol", d.Symbol)
	c.Title = changed("title", d.Title)
	c.Instrument = changed("instrument", d.Instrument)
	c.Meeting = changed("meeting", d.Meeting)
	c.URL = changed("url", d.URL)
	if k := changed("kind", string(d.Kind)); k != nil {
		kind := accord.Kind(*k)
		c.Kind = &kind
	}
	year := ""
	if d.Year != 0 {
		year = strconv.Itoa(d.Year)
	}
	if y := changed("year", year); y != nil {
		n := 0
		if *y != "" {
			if n, err = strconv.Atoi(*y); err != nil {
				return fmt.Errorf("%w: year %q is not a number", accord.ErrInvalid, *y)
			}
		}
		c.Year = &n
	}
	if _, err := s.store.CorrectDecision(r.Context(), id, c); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/decisions/%d", id), http.StatusSeeOther)
	return nil
}

// correctMandate takes the correction form of a mandate's page: a
// signed-in editor of its instrument corrects its addressees (one a
// line), action, deadline or deliverable, and so checks it.
func (s *Server) correctMandate(w http.ResponseWriter, r *http.Request) error {
	m, v, err := s.editableMandate(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	c := accord.MandateCorrection{Who: v.user.Name, Why: strings.TrimSpace(f.Get("why"))}
	if _, ok := f["addressees"]; ok {
		actors, err := ingest.Registry(r.Context(), s.store)
		if err != nil {
			return err
		}
		as := extract.Addressees(strings.Split(f.Get("addressees"), "\n"), actors)
		if asked(as) != asked(m.Addressees) {
			c.Addressees = &as
		}
	}
	if a, ok := f["action"]; ok {
		if action := strings.Join(strings.Fields(a[0]), " "); action != m.Action {
			c.Action = &action
		}
	}
	if d, ok := f["deliverable"]; ok && strings.TrimSpace(d[0]) != m.Deliverable {
		deliv := strings.TrimSpace(d[0])
		c.Deliverable = &deliv
	}
	if _, ok := f["deadline"]; ok {
		dl := accord.Deadline{Text: strings.TrimSpace(f.Get("deadline")), Meeting: strings.TrimSpace(f.Get("due_meeting")), Date: strings.TrimSpace(f.Get("due_date"))}
		was := accord.Deadline{}
		if m.Deadline != nil {
			was = *m.Deadline
		}
		if dl != was {
			c.Deadline = &dl
		}
	}
	if _, err := s.store.CorrectMandate(r.Context(), m.ID, c); err != nil {
		if errors.Is(err, accord.ErrInvalid) {
			_, msg, _ := strings.Cut(err.Error(), "invalid: ")
			return s.render(w, http.StatusBadRequest, "mandate", s.mandatePage(r, m, msg))
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/mandates/%d", m.ID), http.StatusSeeOther)
	return nil
}

// asked is addressees' names, one a line, as the form holds them.
func asked(as []accord.Addressee) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Text
	}
	return strings.Join(names, "\n")
}

// storedView says, in an upload's preview, which stored decision a
// decision of the file would update, and what would change.
type storedView struct {
	ID      int64
	Name    string // symbol, else title, else "decision N"
	Source  string
	Same    bool     // the same text: only where it is from would change
	Changes []string // "paragraphs: 4 → 5", "¶ 3 changed", …
	Kept    []string // fields people corrected, which stay
}

// storedAs finds the stored decision d would update when ingested: the
// one of the same content, else the one of its instrument and symbol, as
// the store matches them. It returns nil when d would be new.
func (s *Server) storedAs(r *http.Request, d *accord.Decision, mandates int) (*storedView, error) {
	ctx := r.Context()
	var old accord.Decision
	same := false
	found, err := s.store.DecisionsByContent(ctx, accord.ContentHash(d))
	if err != nil {
		return nil, err
	}
	switch {
	case len(found) > 0:
		old, same = found[0], true
	case d.Symbol != "":
		old, err = s.store.Decision(ctx, d.Instrument, d.Symbol)
		if errors.Is(err, accord.ErrNotFound) || errors.Is(err, accord.ErrConflict) || errors.Is(err, accord.ErrInvalid) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if old.Instrument != d.Instrument {
			return nil, nil
		}
	default:
		return nil, nil
	}
	full, err := s.store.DecisionByID(ctx, old.ID)
	if err != nil {
		return nil, err
	}
	ms, err := s.store.Mandates(ctx, accord.MandateFilter{DecisionID: old.ID})
	if err != nil {
		return nil, err
	}
	v := &storedView{ID: full.ID, Name: full.Symbol, Source: full.Source.Name, Same: same}
	if v.Name == "" {
		v.Name = full.Title
	}
	if v.Name == "" {
		v.Name = fmt.Sprintf("decision %d", full.ID)
	}
	for _, c := range full.Corrections {
		v.Kept = append(v.Kept, fieldLabels[c.Field])
	}
	count := func(what string, was, now int) {
		if was != now {
			v.Changes = append(v.Changes, fmt.Sprintf("%s: %d → %d", what, was, now))
		}
	}
	count("preamble paragraphs", len(full.Preamble), len(d.Preamble))
	oldParas, newParas := paragraphTexts(&full), paragraphTexts(d)
	count("paragraphs and items", len(oldParas), len(newParas))
	count("mandates", len(ms), mandates)
	var diffs []string
	for _, p := range newParas {
		switch was, ok := findPara(oldParas, p.path); {
		case !ok:
			diffs = append(diffs, "¶ "+p.path+" added")
		case was != p.text:
			diffs = append(diffs, "¶ "+p.path+" changed")
		}
	}
	for _, p := range oldParas {
		if _, ok := findPara(newParas, p.path); !ok {
			diffs = append(diffs, "¶ "+p.path+" removed")
		}
	}
	const shown = 8
	if len(diffs) > shown {
		diffs = append(diffs[:shown], fmt.Sprintf("and %d more paragraphs", len(diffs)-shown))
	}
	v.Changes = append(v.Changes, diffs...)
	return v, nil
}

type pathText struct{ path, text string }

func paragraphTexts(d *accord.Decision) []pathText {
	var out []pathText
	d.Walk(func(p *accord.Paragraph) { out = append(out, pathText{p.Path, p.Text}) })
	return out
}

func findPara(ps []pathText, path string) (string, bool) {
	for _, p := range ps {
		if p.path == path {
			return p.text, true
		}
	}
	return "", false
}
