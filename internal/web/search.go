package web

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/search"
)

type hitView struct {
	accord.SearchHit
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
	// Prev and Next link to the results before and after these.
	Prev, Next string
	// Orders link to the same search in each order; Order is the one shown.
	Order    string
	Orders   []facetLink
	Download downloads
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := searchPage{page: s.page(r, "Search")}
	p.Query = q.Get("q")
	if q.Get("q") == "" {
		return s.render(w, http.StatusOK, "search", p)
	}
	sq, err := searchQuery(q)
	if err != nil {
		if !errors.Is(err, accord.ErrInvalid) {
			return err
		}
		p.Error = strings.TrimPrefix(err.Error(), "invalid: ")
		return s.render(w, http.StatusBadRequest, "search", p)
	}
	var offset int
	if o := q.Get("offset"); o != "" {
		// Past the first thousand pages of results a reader narrows
		// the search: deeper offsets cost the server more each page.
		if offset, err = strconv.Atoi(o); err != nil || offset < 0 || offset > maxListPage*searchPageSize {
			p.Error = fmt.Sprintf("offset %q: want a number from 0 to %d; narrow the search with its filters to see further", o, maxListPage*searchPageSize)
			return s.render(w, http.StatusBadRequest, "search", p)
		}
	}
	sq.Limit, sq.Offset = searchPageSize, offset
	res, err := s.searchRows(r.Context(), sq)
	if err != nil {
		return err
	}
	p.Result, p.Parsed, p.Download = &res, search.String(sq.Terms), downloadsOf(r, "offset")
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, hitView{SearchHit: h, Snippet: markHTML(h.Snippet)})
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
	if next := sq.Offset + len(res.Hits); next < res.Total && next <= maxListPage*searchPageSize {
		p.Next = with("offset", strconv.Itoa(next))
	}
	if sq.Offset > 0 {
		p.Prev = with("offset", strconv.Itoa(max(0, sq.Offset-searchPageSize)))
	}
	p.Order = cmp.Or(sq.Order, "relevance")
	p.Orders = []facetLink{{"relevance", 0, with("order", "relevance")}, {"recent", 0, with("order", "recent")}}
	return s.render(w, http.StatusOK, "search", p)
}

// markHTML escapes a snippet and marks its matches.
func markHTML(s string) template.HTML {
	return template.HTML(strings.NewReplacer("\x02", "<mark>", "\x03", "</mark>").Replace(template.HTMLEscapeString(s)))
}
