package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestResolutionsCalledResolutions: the references of the Minamata
// draft cite resolutions of the United Nations Environment Assembly, and
// its page calls them resolutions, not decisions.
func TestResolutionsCalledResolutions(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "MC-6/[--]")), 200)
	var refs []string
	for _, li := range all(doc, "ul.refs li") {
		refs = append(refs, strings.Join(strings.Fields(text(li)), " "))
	}
	found := false
	for _, r := range refs {
		if strings.Contains(r, "6/3") {
			found = true
			if !strings.HasPrefix(r, "resolution 6/3") {
				t.Errorf("UNEA resolution 6/3 is shown as %q", r)
			}
		}
	}
	if !found {
		t.Errorf("no reference to resolution 6/3 in %q", refs)
	}
}

// TestFootnotesNumberedOnce: each footnote shows its own marker once; the
// list adds no number of its own ("1. 1 Resolution 6/3 …").
func TestFootnotesNumberedOnce(t *testing.T) {
	srv, st := newSite(t)
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "MC-6/[--]")), 200)
	if ol := all(doc, "ol.footnotes"); len(ol) != 0 {
		t.Errorf("footnotes in a numbered list, each numbered twice")
	}
	notes := all(doc, ".footnotes li")
	if len(notes) == 0 || !strings.HasPrefix(strings.TrimSpace(text(notes[0])), "1 Resolution 6/3") {
		t.Errorf("footnotes %d, first %q", len(notes), text(notes[0]))
	}
}
