package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
)

// TestOpenAPICorrections: the OpenAPI document describes the corrections.
func TestOpenAPICorrections(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema struct {
						Properties map[string]any `json:"properties"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openapi, &doc); err != nil {
		t.Fatal(err)
	}
	for path, fields := range map[string][]string{
		"/decisions/{id}": {"symbol", "title", "kind", "instrument", "meeting", "year", "url"},
		"/mandates/{id}":  {"status", "addressees", "action", "deadline", "deliverable"},
	} {
		op, ok := doc.Paths[path]["patch"]
		if !ok {
			t.Errorf("openapi lacks PATCH %s", path)
			continue
		}
		props := op.RequestBody.Content["application/json"].Schema.Properties
		for _, f := range fields {
			if _, ok := props[f]; !ok {
				t.Errorf("PATCH %s lacks %s", path, f)
			}
		}
	}
	if !strings.Contains(string(doc.Components.Schemas["Mandate"]), `"checked_by"`) || doc.Components.Schemas["Correction"] == nil {
		t.Errorf("openapi's Mandate lacks checked_by, or there is no Correction")
	}
}

// TestCorrect: PATCH /decisions/{id} and the correcting fields of PATCH
// /mandates/{id} change what was parsed, for editors of the instrument
// only; refused requests change nothing; a re-ingest keeps what people
// corrected.
func TestCorrect(t *testing.T) { onBackends(t, testCorrect) }

func testCorrect(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	basel := account(t, st, "basel-editor", accord.RoleEditor, "basel")
	minamata := account(t, st, "mc-editor", accord.RoleEditor, "minamata")
	ds, err := st.Decisions(ctx, accord.DecisionFilter{Instrument: "minamata"})
	if err != nil || len(ds) == 0 {
		t.Fatal(ds, err)
	}
	d := ds[0]
	path := fmt.Sprintf("/api/v1/decisions/%d", d.ID)
	const change = `{"symbol":"MC-6/3","title":"Cooperation with other organizations","year":2025,"url":"https://example.org/mc-6-3.pdf"}`
	for _, tt := range []struct {
		name, token, ctype, body string
		status                   int
		detail                   string
	}{
		{"no token", "", "application/json", change, 401, "writing needs an account"},
		{"wrong scope", basel, "application/json", change, 403, "basel-editor may not correct decision"},
		{"moved to another's instrument", minamata, "application/json", `{"instrument":"basel"}`, 403, "mc-editor may not move decision"},
		{"wrong content type", minamata, "text/plain", change, 415, "send application/json"},
		{"unknown field", minamata, "application/json", `{"name":"x"}`, 400, `unknown field \"name\"`},
		{"nothing", minamata, "application/json", `{}`, 400, "nothing to correct"},
		{"bad kind", minamata, "application/json", `{"kind":"memo"}`, 400, `kind \"memo\"`},
		{"bad year", minamata, "application/json", `{"year":20250}`, 400, "year 20250"},
		{"bad url", minamata, "application/json", `{"url":"javascript:alert(1)"}`, 400, "want an http or https address"},
		{"no such decision", minamata, "application/json", change, 404, "not found"},
	} {
		p := path
		if tt.status == 404 {
			p = "/api/v1/decisions/999999"
		}
		code, h, body := send(t, srv, "PATCH", p, tt.token, tt.ctype, tt.body)
		if code != tt.status || !strings.Contains(body, tt.detail) || h.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, code, body, tt.status, tt.detail)
		}
	}
	if got, err := st.DecisionByID(ctx, d.ID); err != nil || got.Symbol != d.Symbol || len(got.Corrections) != 0 {
		t.Fatalf("refused corrections changed the decision: %+v, %v", got, err)
	}
	code, _, body := send(t, srv, "PATCH", path, minamata, "application/json", change)
	var out struct {
		Symbol      string `json:"symbol"`
		Year        int    `json:"year"`
		URL         string `json:"url"`
		Corrections []struct {
			Field, Value, Parsed, Who string
		} `json:"corrections"`
	}
	if err := json.Unmarshal([]byte(body), &out); code != 200 || err != nil {
		t.Fatalf("allowed correction: %d %s", code, body)
	}
	if out.Symbol != "MC-6/3" || out.Year != 2025 || out.URL != "https://example.org/mc-6-3.pdf" || len(out.Corrections) == 0 || out.Corrections[0].Who != "mc-editor" {
		t.Errorf("corrected decision = %+v", out)
	}
	// A symbol another decision of the instrument has is a conflict.
	admin := account(t, st, "admin", accord.RoleAdmin)
	code, _, body = send(t, srv, "PATCH", path, admin, "application/json", `{"instrument":"cartagena","symbol":"BS-IV/6"}`)
	if code != 409 || !strings.Contains(body, "is stored as BS-IV/6 of cartagena already") {
		t.Errorf("correction to a symbol taken: %d %s; want 409", code, body)
	}
	if got, err := st.DecisionByID(ctx, d.ID); err != nil || got.Instrument != "minamata" || got.Symbol != "MC-6/3" {
		t.Errorf("a refused correction changed the decision: %+v, %v", got, err)
	}

	// Mandates.
	ms, err := st.Mandates(ctx, accord.MandateFilter{DecisionID: d.ID})
	if err != nil || len(ms) == 0 {
		t.Fatal(ms, err)
	}
	mpath := fmt.Sprintf("/api/v1/mandates/%d", ms[0].ID)
	const fix = `{"addressees":["Executive Secretary","Global Environment Facility"],"deadline":{"text":"by 31 March 2027","date":"2027-03-31"},"why":"as adopted"}`
	for _, tt := range []struct {
		name, token, body string
		status            int
		detail            string
	}{
		{"wrong scope", basel, fix, 403, "basel-editor may not change mandates of minamata"},
		{"both kinds", minamata, `{"status":"completed","action":"to report"}`, 400, "in two requests"},
		{"no addressees", minamata, `{"addressees":[" "]}`, 400, "name at least one"},
		{"bad date", minamata, `{"deadline":{"text":"soon","date":"2027-13"}}`, 400, `due date \"2027-13\"`},
	} {
		code, _, body := send(t, srv, "PATCH", mpath, tt.token, "application/json", tt.body)
		if code != tt.status || !strings.Contains(body, tt.detail) {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, code, body, tt.status, tt.detail)
		}
	}
	if m, err := st.Mandate(ctx, ms[0].ID); err != nil || m.CheckedBy != "" || len(m.History) != 0 || m.Status != accord.StatusOpen {
		t.Fatalf("refused corrections changed the mandate: %+v, %v", m, err)
	}
	code, _, body = send(t, srv, "PATCH", mpath, minamata, "application/json", fix)
	if code != 200 || !strings.Contains(body, `"checked_by":"mc-editor"`) || !strings.Contains(body, `"actor":"gef"`) ||
		!strings.Contains(body, `"date":"2027-03-31"`) || !strings.Contains(body, `"field":"deadline"`) {
		t.Fatalf("allowed mandate correction: %d %s", code, body)
	}
	// The list says which mandates a person checked.
	_, b := get(t, srv, "/api/v1/mandates?actor=gef")
	body = string(b)
	if strings.Count(body, `"checked_by":"mc-editor"`) != 1 {
		t.Errorf("mandates of the GEF: %s; want the one mc-editor checked", body)
	}

	// The file ingested again: the corrections stay.
	again := 0
	for _, f := range sample.Files() {
		if f.Name != d.Source.Name {
			continue
		}
		again++
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if again != 1 {
		t.Fatalf("no sample file is named %q", d.Source.Name)
	}
	_, b = get(t, srv, path)
	body = string(b)
	if !strings.Contains(body, `"symbol":"MC-6/3"`) || !strings.Contains(body, `"url":"https://example.org/mc-6-3.pdf"`) {
		t.Errorf("decision after re-ingest: %.300s", body)
	}
	_, b = get(t, srv, mpath)
	body = string(b)
	if !strings.Contains(body, `"checked_by":"mc-editor"`) || !strings.Contains(body, `"actor":"gef"`) {
		t.Errorf("mandate after re-ingest: %s", body)
	}
}
