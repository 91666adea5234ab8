package api

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestDocuments: a cited document reads as a stub with the decisions
// citing it; an editor registers it, changes it and deletes it, within
// their instruments; the list pages by cursor; a decision lists the
// decisions citing it. On SQLite and PostgreSQL.
func TestDocuments(t *testing.T) {
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) { testDocuments(t, backend) })
	}
}

func testDocuments(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	var stub documentDetail
	resp, body := get(t, srv, "/api/v1/documents/"+url.PathEscape("unep/mc/cop 6/inf/28"))
	if resp.StatusCode != 200 || json.Unmarshal(body, &stub) != nil {
		t.Fatalf("GET a cited document = %d %.300s", resp.StatusCode, body)
	}
	if stub.Registered || stub.Document != nil || stub.Key != "UNEP/MC/COP/6/INF/28" || len(stub.CitedBy) != 1 || stub.CitedBy[0].Decision.Symbol != "MC-6/[--]" ||
		stub.Parts == nil || stub.Parts.MeetingID != "minamata-COP-6" || stub.Parts.Kind != "INF" {
		t.Errorf("stub = %+v", stub)
	}
	if resp, body := get(t, srv, "/api/v1/documents/not-a-symbol"); resp.StatusCode != 404 || !strings.Contains(string(body), "problem") && !strings.Contains(string(body), "not found") {
		t.Errorf("GET a string that is no symbol = %d %s", resp.StatusCode, body)
	}

	editor := account(t, st, "jo", accord.RoleEditor, "minamata")
	in := `{"symbol": "UNEP/MC/COP.6/INF/28", "title": "Areas of cooperation", "instrument": "minamata", "meeting": "minamata-COP-6", "languages": ["en", "fr"], "date": "2025-09-01"}`
	for _, tt := range []struct {
		name, token, ct, body string
		status                int
	}{
		{"anonymous", "", "application/json", in, 401},
		{"not JSON", editor, "text/plain", in, 415},
		{"unknown field", editor, "application/json", `{"symbol": "UNEP/MC/COP.6/INF/28", "colour": "red"}`, 400},
		{"bad date", editor, "application/json", `{"symbol": "UNEP/MC/COP.6/INF/28", "instrument": "minamata", "date": "soon"}`, 400},
		{"no symbol", editor, "application/json", `{"symbol": "VIII/8", "instrument": "minamata"}`, 400},
		{"another instrument", editor, "application/json", `{"symbol": "UNEP/CHW.16/INF/3", "instrument": "basel"}`, 403},
		{"registered", editor, "application/json", in, 200},
		{"again", editor, "application/json", in, 200},
	} {
		status, _, body := send(t, srv, "POST", "/api/v1/documents", tt.token, tt.ct, tt.body)
		if status != tt.status {
			t.Errorf("POST /documents (%s) = %d %.300s, want %d", tt.name, status, body, tt.status)
		}
	}
	var got documentDetail
	resp, body = get(t, srv, "/api/v1/documents/UNEP/MC/COP.6/INF/28")
	if resp.StatusCode != 200 || json.Unmarshal(body, &got) != nil || !got.Registered || got.Document == nil ||
		got.Document.Title != "Areas of cooperation" || got.Document.UpdatedBy != "jo" || strings.Join(got.Document.Languages, ",") != "en,fr" || len(got.CitedBy) != 1 {
		t.Fatalf("GET the registered document = %d %.500s", resp.StatusCode, body)
	}
	if got.MeetingURL != "/api/v1/meetings/minamata-COP-6" || stub.MeetingURL != "" {
		t.Errorf("meeting_url = %q (stub %q), want the record of minamata-COP-6", got.MeetingURL, stub.MeetingURL)
	}
	var m meetingOut
	if resp, body := get(t, srv, got.MeetingURL); resp.StatusCode != 200 || json.Unmarshal(body, &m) != nil || m.Documents != "/api/v1/documents?meeting=minamata-COP-6" {
		t.Errorf("GET %s = %d %.300s", got.MeetingURL, resp.StatusCode, body)
	}
	var ofMeeting struct {
		Items []documentOut `json:"items"`
	}
	if resp, body := get(t, srv, m.Documents); resp.StatusCode != 200 || json.Unmarshal(body, &ofMeeting) != nil || len(ofMeeting.Items) != 1 || ofMeeting.Items[0].Symbol != "UNEP/MC/COP.6/INF/28" {
		t.Errorf("GET %s = %d %.300s, want the document", m.Documents, resp.StatusCode, body)
	}
	id := got.Document.ID
	if resp, _ := get(t, srv, fmt.Sprintf("/api/v1/documents/%d", id)); resp.StatusCode != 200 {
		t.Errorf("GET by id = %d", resp.StatusCode)
	}
	if _, _, err := st.PutDocuments(t.Context(), []accord.Document{{Symbol: "UNEP/CHW.16/INF/3", Instrument: "basel"}, {Symbol: "UNEP/POPS/COP.11/INF/12", Instrument: "stockholm"}}, accord.DocumentEdit{Who: "admin"}); err != nil {
		t.Fatal(err)
	}

	// The list, a page at a time, and filtered.
	var syms []string
	next := ""
	for range 5 {
		path := "/api/v1/documents?limit=2"
		if next != "" {
			path += "&cursor=" + next
		}
		var page struct {
			Items      []documentOut `json:"items"`
			NextCursor string        `json:"next_cursor"`
		}
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 || json.Unmarshal(body, &page) != nil {
			t.Fatalf("GET %s = %d %.300s", path, resp.StatusCode, body)
		}
		for _, d := range page.Items {
			syms = append(syms, d.Symbol)
		}
		if next = page.NextCursor; next == "" {
			break
		}
	}
	if strings.Join(syms, " ") != "UNEP/MC/COP.6/INF/28 UNEP/CHW.16/INF/3 UNEP/POPS/COP.11/INF/12" {
		t.Errorf("documents paged = %v", syms)
	}
	resp, body = get(t, srv, "/api/v1/documents?instrument=Basel&q=chw")
	if resp.StatusCode != 200 || strings.Count(string(body), `"symbol"`) != 1 || !strings.Contains(string(body), "UNEP/CHW.16/INF/3") {
		t.Errorf("filtered = %d %s", resp.StatusCode, body)
	}
	for _, bad := range []string{"/api/v1/documents?instrument=nowhere", "/api/v1/documents?colour=red", "/api/v1/documents?cursor=xyz"} {
		if resp, _ := get(t, srv, bad); resp.StatusCode != 400 {
			t.Errorf("GET %s = %d, want 400", bad, resp.StatusCode)
		}
	}

	// A decision cited by another.
	cited, err := st.Decision(t.Context(), "", "BS-IV/6")
	if err != nil {
		t.Fatal(err)
	}
	var cb struct {
		Items []citationOut `json:"items"`
	}
	resp, body = get(t, srv, fmt.Sprintf("/api/v1/decisions/%d/cited-by", cited.ID))
	if resp.StatusCode != 200 || json.Unmarshal(body, &cb) != nil || cb.Items == nil {
		t.Errorf("cited-by = %d %.300s", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv, "/api/v1/decisions/424242/cited-by"); resp.StatusCode != 404 {
		t.Errorf("cited-by of no decision = %d, want 404", resp.StatusCode)
	}

	// Deleting: an editor of another instrument may not; the audit log
	// keeps the record.
	other := account(t, st, "bea", accord.RoleEditor, "basel")
	if status, _, _ := send(t, srv, "DELETE", fmt.Sprintf("/api/v1/documents/%d", id), other, "", ""); status != 403 {
		t.Errorf("DELETE by an editor of Basel = %d, want 403", status)
	}
	if status, _, body := send(t, srv, "DELETE", fmt.Sprintf("/api/v1/documents/%d", id), editor, "", ""); status != 204 {
		t.Errorf("DELETE = %d %s", status, body)
	}
	if status, _, _ := send(t, srv, "DELETE", fmt.Sprintf("/api/v1/documents/%d", id), editor, "", ""); status != 404 {
		t.Errorf("DELETE again = %d, want 404", status)
	}
	resp, body = get(t, srv, "/api/v1/documents/UNEP/MC/COP.6/INF/28")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"registered":false`) {
		t.Errorf("after the deletion = %d %.200s", resp.StatusCode, body)
	}
}
