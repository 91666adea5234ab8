package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
)

// A decision's page shows its paragraphs with their mandates beside them.
// A decision of thousands of paragraphs is shown over several pages, each
// holding whole top-level paragraphs up to decisionPageBytes; a link to a
// paragraph names it (?para=5(b)) and lands on the page that holds it.
const (
	// decisionPageBytes is about how much one page of a decision holds:
	// a long decision's operative part runs to tens of kilobytes, so
	// nearly every decision is one page, and a page is made in
	// milliseconds.
	decisionPageBytes = 256 << 10
	// mandatesShown is how many mandates a paragraph lists beside it;
	// it links to the rest on the mandate board.
	mandatesShown = 10
	// Rough bytes of markup around a paragraph, an item and a mandate.
	paraMarkup, itemMarkup, mandateMarkup = 400, 120, 300
)

type decisionsPage struct {
	page
	F           accord.DecisionFilter
	Instruments []instrumentChoice
	Kinds       []accord.Kind
	List        []accord.Decision
	Pager       pager
	Download    downloads
}

func (s *Server) decisions(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := decisionFilter(q)
	if err != nil {
		return err
	}
	n, err := pageParam(q)
	if err != nil {
		return err
	}
	f.Limit, f.Offset = listPageSize+1, (n-1)*listPageSize
	ds, err := s.decisionRows(r.Context(), f)
	if err != nil {
		return err
	}
	more := len(ds) > listPageSize
	if more {
		ds = ds[:listPageSize]
	}
	p := decisionsPage{page: s.page(r, "Decisions"), F: f, Kinds: accord.Kinds, List: ds,
		Pager: pagerOf(r, n, more), Download: downloadsOf(r)}
	if p.Instruments, err = s.instrumentChoices(r.Context(), f.Instrument); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "decisions", p)
}

// paraView is a paragraph as the decision page shows it.
type paraView struct {
	P        accord.Paragraph
	Anchor   string
	Rest     string // the text after the opening phrase, which is emphasized
	Headings []string
	Items    []paraView
	Mandates []accord.Mandate
	// More counts the mandates of the paragraph and its items not
	// listed beside it.
	More int
}

type refView struct {
	Cited, Instrument string
	Kind              string // "decision" or "resolution", what the cited act is called
	ID                int64  // of the cited decision, when stored
}

// docRefView is a cited document as a decision's references list it:
// with its title when it is registered.
type docRefView struct {
	Symbol, Title string
	Registered    bool
}

type decisionPage struct {
	page
	D     accord.Decision
	Paras []paraView
	Refs  []refView
	Docs  []docRefView
	// Cited are the document symbols the decision cites, which its
	// text links to their pages.
	Cited []string
	// CitedBy are the decisions that cite this one (on its last page);
	// CitedByMore says more do than are listed.
	CitedBy     []accord.Citation
	CitedByMore bool
	// First and Last say whether the page is the decision's first
	// (which shows the preamble) and last (footnotes, annexes and
	// references); Pages and Pager are there when it has several.
	First, Last bool
	Pages       int
	Pager       pager
	// Corrections are the fields people corrected; Correct is the form
	// to correct them, for those who may.
	Corrections []correctionView
	Correct     *decisionForm
	// Meeting is the record of the meeting that adopted the decision,
	// nil when none is stored.
	Meeting *accord.Meeting
}

// paraHref links to a paragraph of a decision, on the page that holds it.
func paraHref(decisionID int64, path string) string {
	return "/decisions/" + strconv.FormatInt(decisionID, 10) + "?para=" + url.QueryEscape(path) + "#" + Anchor(path)
}

func (s *Server) decision(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	n, err := pageParam(q)
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

	// Pages start where the paragraphs before them pass the page's
	// bytes; a paragraph larger than a page is a page of its own.
	starts, size := []int{0}, 0
	for i, p := range d.Paragraphs {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		w := paraWeight(p, byPath)
		if size > 0 && size+w > decisionPageBytes {
			starts, size = append(starts, i), 0
		}
		size += w
	}
	if para := q.Get("para"); para != "" && q.Get("page") == "" {
		top, _, _ := strings.Cut(para, "(")
		for i, p := range d.Paragraphs {
			if p.Path == top {
				for n < len(starts) && starts[n] <= i {
					n++
				}
				break
			}
		}
	}
	if n > len(starts) {
		return fmt.Errorf("decision %d has %d pages: %w", id, len(starts), accord.ErrNotFound)
	}
	from, to := starts[n-1], len(d.Paragraphs)
	if n < len(starts) {
		to = starts[n]
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
	p := decisionPage{page: s.page(r, strings.TrimSpace(d.Symbol+" "+d.Title)), D: d, Paras: view(d.Paragraphs[from:to]),
		First: n == 1, Last: n == len(starts), Pages: len(starts), Pager: pagerOf(r, n, n < len(starts)),
		Corrections: correctionViews(d.Corrections), Correct: decisionFormOf(r, d), Cited: d.References.Documents}
	if p.Meeting, err = s.meetingOf(ctx, d.Instrument, d.Meeting); err != nil {
		return err
	}
	for i := range p.Paras {
		p.Paras[i].Headings = headings[from+i]
		if k := len(p.Paras[i].Mandates); k > mandatesShown {
			p.Paras[i].Mandates, p.Paras[i].More = p.Paras[i].Mandates[:mandatesShown], k-mandatesShown
		}
	}
	if p.Last {
		for _, sym := range d.References.Documents {
			v := docRefView{Symbol: sym}
			doc, err := s.store.Document(ctx, sym)
			switch {
			case err == nil:
				v.Title, v.Registered = doc.Title, true
			case !errors.Is(err, accord.ErrNotFound):
				return err
			}
			p.Docs = append(p.Docs, v)
		}
		for _, ref := range d.References.Decisions {
			rv := refView{Cited: ref.Cited, Instrument: ref.Instrument, Kind: ref.Kind()}
			if cited, err := s.store.Decision(ctx, ref.Instrument, ref.Cited); err == nil {
				rv.ID = cited.ID
			}
			p.Refs = append(p.Refs, rv)
		}
		if p.CitedBy, err = s.store.CitedBy(ctx, accord.CitesDecision, strconv.FormatInt(d.ID, 10), citedShown+1); err != nil {
			return err
		}
		if len(p.CitedBy) > citedShown {
			p.CitedBy, p.CitedByMore = p.CitedBy[:citedShown], true
		}
	}
	return s.render(w, http.StatusOK, "decision", p)
}

// paraWeight is about how many bytes a top-level paragraph takes on its
// decision's page: its text and items, and the mandates shown beside it.
func paraWeight(p accord.Paragraph, byPath map[string][]accord.Mandate) int {
	n, shown := paraMarkup+len(p.Text), 0
	var walk func(p accord.Paragraph)
	walk = func(p accord.Paragraph) {
		for _, m := range byPath[p.Path] {
			if shown < mandatesShown {
				shown++
				n += mandateMarkup + len(m.Action) + len(m.AskedOf()) + len(m.Due())
			}
		}
		for _, it := range p.Items {
			n += itemMarkup + len(it.Text)
			walk(it)
		}
	}
	walk(p)
	return n
}
