package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestMandateTitle: a mandate's page is headed by what it asks, not by
// its deliverable type ("Mandate #53: study").
func TestMandateTitle(t *testing.T) {
	srv, st := newSite(t)
	ms, err := st.Mandates(context.Background(), accord.MandateFilter{Instrument: "minamata"})
	if err != nil {
		t.Fatal(err)
	}
	var study accord.Mandate
	for _, m := range ms {
		if strings.Contains(m.Action, "scoping study") {
			study = m
		}
	}
	if study.ID == 0 {
		t.Fatal("no scoping study in the sample")
	}
	doc := fetch(t, srv, fmt.Sprintf("/mandates/%d", study.ID), 200)
	if h := all(doc, "h1"); len(h) != 1 || text(h[0]) != "Conduct a scoping study …" {
		t.Errorf("h1 = %q", text(h[0]))
	}
	if ti := all(doc, "title"); len(ti) != 1 || !strings.Contains(text(ti[0]), "Conduct a scoping study") {
		t.Errorf("title = %q", text(ti[0]))
	}
}
