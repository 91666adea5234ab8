package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/accordmea/accord"
)

// citedShown is how many citing decisions a document's or a decision's
// page lists; a document cited more often than that is a rare one, and
// the page says how many it leaves out.
const citedShown = 200

// documentHref is the address of a document's page: its symbol, whose
// slashes stay ("/documents/UNEP/MC/COP.6/INF/28").
func documentHref(symbol string) string {
	parts := strings.Split(symbol, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "/documents/" + strings.Join(parts, "/")
}

// docLinks writes text as HTML in which each of the document symbols
// cited (as the parser found them in the decision) links to its page.
// The longest symbol found at a place wins, and a symbol is a link only
// where it stands alone, not inside a longer one.
func docLinks(text string, cited []string) template.HTML {
	if len(cited) == 0 || !strings.Contains(text, "/") && !strings.Contains(text, " Doc") && !strings.Contains(text, " Inf") {
		return template.HTML(template.HTMLEscapeString(text))
	}
	syms := slices.Clone(cited)
	slices.SortFunc(syms, func(a, b string) int { return len(b) - len(a) })
	var b strings.Builder
	for i := 0; i < len(text); {
		found := ""
		for _, s := range syms {
			if s != "" && strings.HasPrefix(text[i:], s) && symbolBoundary(text, i, i+len(s)) {
				found = s
				break
			}
		}
		if found == "" {
			j := i + 1
			for j < len(text) && !isSymbolStart(text[j]) {
				j++
			}
			b.WriteString(template.HTMLEscapeString(text[i:j]))
			i = j
			continue
		}
		fmt.Fprintf(&b, `<a class="doc" href="%s">%s</a>`, template.HTMLEscapeString(documentHref(found)), template.HTMLEscapeString(found))
		i += len(found)
	}
	return template.HTML(b.String())
}

// isSymbolStart reports whether a symbol may start with c: symbols open
// with a capital letter.
func isSymbolStart(c byte) bool { return 'A' <= c && c <= 'Z' }

// symbolBoundary reports whether text[i:j] stands alone: no letter,
// digit or slash glued before it, nor a letter, digit or slash after it.
func symbolBoundary(text string, i, j int) bool {
	glued := func(c byte) bool {
		return c == '/' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
	}
	return (i == 0 || !glued(text[i-1])) && (j == len(text) || !glued(text[j]))
}

type documentsPage struct {
	page
	F           accord.DocumentFilter
	Instruments []instrumentChoice
	List        []accord.Document
	Pager       pager
	// Form registers a document, for a signed-in editor.
	Form *documentForm
}

// documentForm is the form that registers or changes a document record,
// for a signed-in editor: of the document's instrument when it has one.
type documentForm struct {
	CSRF string
	D    accord.Document
	// Languages are the document's, as the field shows them.
	Languages string
}

// documentFormOf returns the form for d for the visitor of r, nil when
// the visitor may not edit it.
func documentFormOf(r *http.Request, d accord.Document) *documentForm {
	v := visitorOf(r)
	if !v.ok || d.Instrument != "" && !v.user.CanEdit(d.Instrument) || d.Instrument == "" && v.user.Role != accord.RoleAdmin && v.user.Role != accord.RoleEditor {
		return nil
	}
	return &documentForm{CSRF: v.csrf, D: d, Languages: strings.Join(d.Languages, ", ")}
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := accord.DocumentFilter{Instrument: q.Get("instrument"), Meeting: strings.TrimSpace(q.Get("meeting")), Text: q.Get("q")}
	if f.Instrument != "" {
		in, ok := accord.LookupInstrument(f.Instrument)
		if !ok {
			return fmt.Errorf("%w: instrument %q is not one accord knows", accord.ErrInvalid, f.Instrument)
		}
		f.Instrument = in.ID
	}
	n, err := pageParam(q)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = listPageSize+1, (n-1)*listPageSize
	ds, err := s.store.Documents(r.Context(), f)
	if err != nil {
		return err
	}
	more := len(ds) > listPageSize
	if more {
		ds = ds[:listPageSize]
	}
	p := documentsPage{page: s.page(r, "Documents"), F: f, List: ds, Pager: pagerOf(r, n, more), Form: documentFormOf(r, accord.Document{})}
	if p.Instruments, err = s.instrumentChoices(r.Context(), f.Instrument); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "documents", p)
}

// symbolView is a symbol's parts as a document's page lists them.
type symbolView struct {
	accord.Symbol
	Instrument string // the instrument of its series, "" when unknown
	Body       string
	// Meeting is the meeting of the instrument as its decisions name it
	// ("COP-6"), and MeetingID the id of its meeting record.
	Meeting, MeetingID string
}

type documentPage struct {
	page
	Symbol string
	// D is the record; Registered is false on the page of a symbol cited
	// but not registered yet (a stub).
	D          accord.Document
	Registered bool
	Parts      *symbolView // nil when the symbol does not read as one
	CitedBy    []accord.Citation
	More       bool // more decisions cite it than listed
	Form       *documentForm
	// Meeting is the record of the meeting the document's record names,
	// and SessionMeeting that of the session its symbol names; nil when
	// no such record is stored.
	Meeting, SessionMeeting *accord.Meeting
}

// document shows a document: its record, or a stub saying it is not
// registered yet; either way the decisions that cite it. The address is
// the document's id or its symbol.
func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	found, err := accord.FindDocument(r.Context(), s.store, r.PathValue("ref"), citedShown)
	if err != nil {
		return err
	}
	d := found.Document
	p := documentPage{D: d, Registered: found.Registered, Symbol: d.Symbol, CitedBy: found.CitedBy, More: found.More}
	form := d
	if sym := found.Symbol; sym != nil {
		v := &symbolView{Symbol: *sym, MeetingID: sym.MeetingID()}
		v.Instrument, v.Body = sym.Issuer()
		if v.Instrument != "" && sym.Meeting != "" && len(sym.Meeting) < 4 {
			v.Meeting = v.Body + "-" + sym.Meeting
		}
		p.Parts = v
		if !found.Registered {
			form.Instrument, form.Meeting = v.Instrument, v.MeetingID
		}
	}
	if p.Meeting, err = s.meetingNamed(r.Context(), d.Meeting); err != nil {
		return err
	}
	if p.Parts != nil {
		if p.SessionMeeting, err = s.meetingNamed(r.Context(), p.Parts.MeetingID); err != nil {
			return err
		}
	}
	p.Form = documentFormOf(r, form)
	title := d.Symbol
	if d.Title != "" {
		title += " " + d.Title
	}
	p.page = s.page(r, title)
	return s.render(w, http.StatusOK, "document", p)
}

// putDocument takes the form of the documents list or of a document's
// page: a signed-in editor registers a document or changes its record.
func (s *Server) putDocument(w http.ResponseWriter, r *http.Request) error {
	v, err := checkForm(w, r)
	if err != nil {
		return err
	}
	f := r.PostForm
	d := accord.Document{Symbol: f.Get("symbol"), Title: f.Get("title"), Instrument: f.Get("instrument"), Meeting: f.Get("meeting"),
		AgendaItem: f.Get("agenda_item"), Date: strings.TrimSpace(f.Get("date")), URL: f.Get("url")}
	d.Languages = strings.FieldsFunc(f.Get("languages"), func(r rune) bool { return r == ',' || r == ' ' || r == '|' })
	stored, _, err := s.store.PutDocuments(r.Context(), []accord.Document{d}, accord.DocumentEdit{Who: v.user.Name, By: &v.user})
	if err != nil {
		return err
	}
	http.Redirect(w, r, documentHref(stored[0].Symbol), http.StatusSeeOther)
	return nil
}

// deleteDocument takes the delete button of a document's page.
func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) error {
	id, v, err := postedID(w, r)
	if err != nil {
		return err
	}
	d, err := s.store.DocumentByID(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDocument(r.Context(), id, accord.DocumentEdit{Who: v.user.Name, By: &v.user}); err != nil {
		return err
	}
	http.Redirect(w, r, documentHref(d.Symbol), http.StatusSeeOther)
	return nil
}
