package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestInstrumentNames: pages name instruments ("Cartagena Protocol"), not
// by their ids ("cartagena"), and the board's instrument filter is a list
// of the stored instruments that takes a name in any case.
func TestInstrumentNames(t *testing.T) {
	srv, st := newSite(t)
	texts := func(path, sel string) []string {
		t.Helper()
		var out []string
		for _, n := range all(fetch(t, srv, path, 200), sel) {
			out = append(out, text(n))
		}
		return out
	}
	has := func(list []string, want string) bool {
		for _, s := range list {
			if strings.Contains(s, want) {
				return true
			}
		}
		return false
	}
	bs := decisionID(t, st, "BS-IV/6")
	tests := []struct{ path, sel, want, not string }{
		{"/", "ul.instruments li", "Cartagena Protocol (2)", "cartagena"},
		{"/", "ul.latest li", "Cartagena Protocol COP-MOP-4", "cartagena COP"},
		{"/", "h3", "Minamata Convention COP-7", "minamata"},
		{"/decisions", "table.decisions td", "Cartagena Protocol", "cartagena"},
		{"/decisions?instrument=Cartagena", "h1", "Decisions of the Cartagena Protocol", "cartagena"},
		{fmt.Sprintf("/decisions/%d", bs), "main p.muted", "Cartagena Protocol on Biosafety COP-MOP-4", "cartagena COP"},
		{"/search?q=cooperation", "div.facets a", "Minamata Convention", "minamata"},
		{"/search?q=cooperation", "ol.hits span.muted", "Cartagena Protocol", "cartagena"},
		{"/mandates", "select option", "Minamata Convention", "minamata"},
	}
	for _, tt := range tests {
		got := texts(tt.path, tt.sel)
		if !has(got, tt.want) || has(got, tt.not) {
			t.Errorf("GET %s: %s = %q, want %q and no %q", tt.path, tt.sel, got, tt.want, tt.not)
		}
	}

	// "Minamata" finds minamata's mandates and is chosen in the list.
	doc := fetch(t, srv, "/mandates?instrument=Minamata", 200)
	if rows := all(doc, "table.board tbody tr"); len(rows) != 8 {
		t.Errorf("%d mandates of instrument=Minamata, want 8", len(rows))
	}
	var chosen []string
	for _, o := range all(doc, "select option") {
		for _, a := range o.Attr {
			if a.Key == "selected" {
				chosen = append(chosen, attr(o, "value"))
			}
		}
	}
	if !has(chosen, "minamata") {
		t.Errorf("options chosen %q, want minamata", chosen)
	}
	if len(all(doc, "input.instrument")) != 0 {
		t.Errorf("the instrument filter is still free text")
	}
}
