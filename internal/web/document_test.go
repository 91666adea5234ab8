package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestDocLinks(t *testing.T) {
	cited := []string{"UNEP/MC/COP.6/INF/28", "UNEP/MC/COP.6/INF/28/Add.1", "UNEP/CHW.16/3"}
	for _, tt := range []struct{ in, want string }{
		{"As outlined in document UNEP/MC/COP.6/INF/28.",
			`As outlined in document <a class="doc" href="/documents/UNEP/MC/COP.6/INF/28">UNEP/MC/COP.6/INF/28</a>.`},
		{"See UNEP/MC/COP.6/INF/28/Add.1 & <b>",
			`See <a class="doc" href="/documents/UNEP/MC/COP.6/INF/28/Add.1">UNEP/MC/COP.6/INF/28/Add.1</a> &amp; &lt;b&gt;`},
		// a symbol inside a longer one that was not cited is no link
		{"in XUNEP/CHW.16/3 and UNEP/CHW.16/33", "in XUNEP/CHW.16/3 and UNEP/CHW.16/33"},
		{"UNEP/CHW.16/3", `<a class="doc" href="/documents/UNEP/CHW.16/3">UNEP/CHW.16/3</a>`},
		{"no symbol here", "no symbol here"},
	} {
		if got := string(docLinks(tt.in, cited)); got != tt.want {
			t.Errorf("docLinks(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := documentHref("CoP19 Doc. 12"); got != "/documents/CoP19%20Doc.%2012" {
		t.Errorf("documentHref(CoP19 Doc. 12) = %q", got)
	}
}

// TestDocumentPages: a document the sample cites has a stub page naming
// the decision citing it, reached from the decision's text; a registered
// one shows its record; the list filters; a decision shows what cites
// it; a symbol that is none and cited by none is not found.
func TestDocumentPages(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	mc := decisionID(t, st, "MC-6/[--]")

	// The decision's footnote links to the document's page.
	doc := fetch(t, srv, fmt.Sprintf("/decisions/%d", mc), 200)
	var hrefs []string
	for _, a := range all(doc, "ul.footnotes a.doc") {
		hrefs = append(hrefs, attr(a, "href"))
	}
	if strings.Join(hrefs, " ") != "/documents/UNEP/MC/COP.6/INF/28" {
		t.Errorf("footnote links = %v", hrefs)
	}
	if links := all(doc, "div.operative a.doc"); len(links) == 0 || attr(links[0], "href") != "/documents/UNEP/MC/COP.5/INF/28" {
		t.Errorf("paragraph links = %d", len(links))
	}
	for _, a := range all(doc, "ul.refs a") {
		if strings.HasPrefix(text(a), "UNEP/") && !strings.HasPrefix(attr(a, "href"), "/documents/UNEP/") {
			t.Errorf("reference %s links to %s", text(a), attr(a, "href"))
		}
	}

	// A stub, under any spelling of the symbol.
	for _, path := range []string{"/documents/UNEP/MC/COP.6/INF/28", "/documents/" + url.PathEscape("unep/mc/cop 6/inf/28")} {
		doc = fetch(t, srv, path, 200)
		if s := all(doc, "p.stub"); len(s) != 1 || !strings.Contains(text(s[0]), "not registered yet") {
			t.Errorf("%s: no stub note", path)
		}
		rows := all(doc, "table.citedby tbody tr")
		if len(rows) != 1 || !strings.Contains(text(rows[0]), "MC-6/[--]") || attr(all(rows[0], "a")[0], "href") != fmt.Sprintf("/decisions/%d", mc) {
			t.Errorf("%s: cited by %d rows", path, len(rows))
		}
		// COP-6 is a bundled meeting record: the stub links to its page.
		if m := all(doc, "main p.muted a"); len(m) == 0 || attr(m[0], "href") != "/meetings/minamata-COP-6" {
			t.Errorf("%s: no link to the page of COP-6", path)
		}
		if f := all(doc, "form.change"); len(f) != 0 {
			t.Errorf("%s: a form shown to a reader", path)
		}
	}
	fetch(t, srv, "/documents/nothing-at-all", 404)
	fetch(t, srv, "/documents/424242", 404)

	// A registered document shows its record and is listed.
	_, _, err := st.PutDocuments(ctx, []accord.Document{{Symbol: "UNEP/MC/COP.6/INF/28", Title: "Scoping study areas", Instrument: "minamata",
		Meeting: "minamata-COP-6", AgendaItem: "5 (c)", Date: "2025-09-01", Languages: []string{"en"}, URL: "https://example.org/inf28.pdf"}},
		accord.DocumentEdit{Who: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	doc = fetch(t, srv, "/documents/UNEP/MC/COP.6/INF/28", 200)
	if len(all(doc, "p.stub")) != 0 || !strings.Contains(text(doc), "Scoping study areas") || !strings.Contains(text(doc), "5 (c)") {
		t.Errorf("registered document page: %s", text(all(doc, "main")[0]))
	}
	if a := all(doc, "dl.changes dd a"); len(a) == 0 || attr(a[0], "href") != "/meetings/minamata-COP-6" || !strings.Contains(text(a[0]), "COP-6") {
		t.Errorf("the record's meeting does not link to the page of COP-6: %s", text(all(doc, "dl.changes")[0]))
	}
	d, _ := st.Document(ctx, "UNEP/MC/COP.6/INF/28")
	fetch(t, srv, fmt.Sprintf("/documents/%d", d.ID), 200)
	// A meeting no record holds is shown as written, and a symbol whose
	// session has no record links to the decisions of that session.
	if _, _, err := st.PutDocuments(ctx, []accord.Document{{Symbol: "UNEP/MC/COP.9/INF/2", Instrument: "minamata", Meeting: "minamata-COP-9"}}, accord.DocumentEdit{Who: "admin"}); err != nil {
		t.Fatal(err)
	}
	doc = fetch(t, srv, "/documents/UNEP/MC/COP.9/INF/2", 200)
	if a := all(doc, "dl.changes dd a"); len(a) != 0 || !strings.Contains(text(all(doc, "dl.changes")[0]), "minamata-COP-9") {
		t.Errorf("a meeting with no record: %s", text(all(doc, "dl.changes")[0]))
	}
	if m := all(doc, "main p.muted a"); len(m) == 0 || attr(m[0], "href") != "/decisions?instrument=minamata&meeting=COP-9" {
		t.Errorf("a session with no record: no link to its decisions")
	}
	// The decision's references give the titles of registered documents.
	var refs []string
	for _, li := range all(fetch(t, srv, fmt.Sprintf("/decisions/%d", mc), 200), "ul.refs li") {
		if strings.HasPrefix(text(li), "document") {
			refs = append(refs, text(li))
		}
	}
	if strings.Join(refs, "; ") != "document UNEP/MC/COP.5/INF/28 (not registered yet); document UNEP/MC/COP.6/INF/28 Scoping study areas" {
		t.Errorf("references = %q", refs)
	}
	for _, tt := range []struct {
		q    string
		rows int
	}{{"", 2}, {"?instrument=Minamata+Convention", 2}, {"?instrument=basel", 0}, {"?q=scoping", 1}, {"?meeting=minamata-COP-6", 1}} {
		doc = fetch(t, srv, "/documents"+tt.q, 200)
		rows := all(doc, "table.documents tbody tr td a")
		if len(rows) != tt.rows {
			t.Errorf("/documents%s lists %d, want %d", tt.q, len(rows), tt.rows)
		}
	}
	fetch(t, srv, "/documents?instrument=nowhere", 400)

	// A decision lists the decisions citing it.
	doc = fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-IV/6")), 200)
	if c := all(doc, "ul.citedby li"); len(c) != 1 || !strings.Contains(text(c[0]), "BS-V/9") {
		t.Errorf("BS-IV/6 cited by %d", len(c))
	}
	doc = fetch(t, srv, fmt.Sprintf("/decisions/%d", decisionID(t, st, "BS-V/9")), 200)
	if c := all(doc, "ul.citedby li"); len(c) != 0 || !strings.Contains(text(doc), "No stored decision cites it") {
		t.Errorf("BS-V/9 cited by %d", len(c))
	}

	// The scoping study's mandate links to the documents its decision cites.
	ms, err := st.Mandates(ctx, accord.MandateFilter{DecisionID: mc})
	if err != nil {
		t.Fatal(err)
	}
	linked, scoping := 0, 0
	for _, m := range ms {
		if strings.Contains(m.Action, "UNEP/MC/COP.5/INF/28") {
			linked++
			doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", m.ID), 200)
			if a := all(doc, "main p a.doc"); len(a) != 1 || attr(a[0], "href") != "/documents/UNEP/MC/COP.5/INF/28" {
				t.Errorf("mandate %d: the symbol in its action links %d times", m.ID, len(a))
			}
		}
		if !strings.Contains(m.Action, "scoping study") {
			continue
		}
		scoping++
		doc = fetch(t, srv, fmt.Sprintf("/mandates/%d", m.ID), 200)
		var got []string
		for _, a := range all(doc, "ul.refs a") {
			got = append(got, attr(a, "href"))
		}
		if strings.Join(got, " ") != "/documents/UNEP/MC/COP.5/INF/28 /documents/UNEP/MC/COP.6/INF/28" {
			t.Errorf("the scoping study's mandate links %v", got)
		}
		for _, h := range got {
			fetch(t, srv, h, 200)
		}
	}
	if linked != 1 || scoping != 1 {
		t.Errorf("the sample's Minamata decision has %d mandates citing UNEP/MC/COP.5/INF/28 and %d scoping studies, want 1 each", linked, scoping)
	}
}

// TestDocumentForm: an editor registers a cited document from its stub,
// changes it, and deletes it; an editor of another instrument may not;
// a bad field changes nothing.
func TestDocumentForm(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	_, doc := getWith(t, c, srv, "/documents/UNEP/MC/COP.6/INF/28")
	var fields []string
	for _, in := range all(doc, "form.change input") {
		if v := attr(in, "value"); v != "" && attr(in, "name") != "csrf" {
			fields = append(fields, attr(in, "name")+"="+v)
		}
	}
	if strings.Join(fields, " ") != "symbol=UNEP/MC/COP.6/INF/28 instrument=minamata meeting=minamata-COP-6" {
		t.Errorf("the stub's form holds %v", fields)
	}
	form := url.Values{"symbol": {"UNEP/MC/COP.6/INF/28"}, "title": {"Areas of cooperation"}, "instrument": {"minamata"},
		"meeting": {"minamata-COP-6"}, "languages": {"en, fr"}, "date": {"2025-09-01"}}
	resp, body := post(t, c, srv, "/documents", withCSRF(form, csrf), "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/documents/UNEP/MC/COP.6/INF/28" {
		t.Fatalf("POST /documents = %d %s\n%.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	d, err := st.Document(ctx, "UNEP/MC/COP.6/INF/28")
	if err != nil || d.Title != "Areas of cooperation" || strings.Join(d.Languages, ",") != "en,fr" || d.UpdatedBy != "jo" {
		t.Errorf("registered %+v, %v", d, err)
	}
	bad := withCSRF(url.Values{"symbol": {"UNEP/MC/COP.6/INF/28"}, "title": {"Changed"}, "instrument": {"minamata"}, "date": {"soon"}}, csrf)
	if resp, _ := post(t, c, srv, "/documents", bad, ""); resp.StatusCode != 400 {
		t.Errorf("POST with a bad date = %d, want 400", resp.StatusCode)
	}
	basel := withCSRF(url.Values{"symbol": {"UNEP/CHW.16/INF/3"}, "instrument": {"basel"}}, csrf)
	if resp, _ := post(t, c, srv, "/documents", basel, ""); resp.StatusCode != 403 {
		t.Errorf("an editor of Minamata registering a Basel document = %d, want 403", resp.StatusCode)
	}
	if resp, _ := post(t, client(t), srv, "/documents", form, ""); resp.StatusCode != 303 && resp.StatusCode != 403 {
		t.Errorf("anonymous POST = %d", resp.StatusCode)
	}
	if d2, _ := st.Document(ctx, "UNEP/MC/COP.6/INF/28"); d2.Title != "Areas of cooperation" {
		t.Errorf("a refused form changed the record: %+v", d2)
	}
	resp, _ = post(t, c, srv, fmt.Sprintf("/documents/%d/delete", d.ID), withCSRF(nil, csrf), "")
	if resp.StatusCode != 303 {
		t.Errorf("delete = %d", resp.StatusCode)
	}
	if _, err := st.DocumentByID(ctx, d.ID); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleted document still read: %v", err)
	}
}

func TestDocumentAudit(t *testing.T) {
	for _, tt := range []struct {
		e    accord.AuditEntry
		want string
	}{
		{accord.AuditEntry{Who: "jo", Action: "add document", Target: "document 3", After: `{"symbol":"UNEP/MC/COP.6/INF/28","key":"UNEP/MC/COP/6/INF/28"}`},
			"jo registered the document UNEP/MC/COP.6/INF/28"},
		{accord.AuditEntry{Who: "jo", Action: "update document", Target: "document 3", Before: `{"symbol":"UNEP/MC/COP.6/INF/28","title":"A"}`, After: `{"symbol":"UNEP/MC/COP.6/INF/28","title":"B"}`},
			"jo changed the title of the document UNEP/MC/COP.6/INF/28"},
		{accord.AuditEntry{Who: "jo", Action: "delete document", Target: "document 3", Before: `{"symbol":"UNEP/MC/COP.6/INF/28"}`},
			"jo deleted the record of the document UNEP/MC/COP.6/INF/28"},
	} {
		v := describeAudit(tt.e)
		if v.Sentence != tt.want || v.Href != "/documents/UNEP/MC/COP.6/INF/28" {
			t.Errorf("describeAudit(%s) = %q, %q; want %q", tt.e.Action, v.Sentence, v.Href, tt.want)
		}
	}
}
