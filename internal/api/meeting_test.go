package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestMeetingsAPI(t *testing.T) {
	srv, st := newServer(t, "sqlite")
	var list struct {
		Items      []meetingOut `json:"items"`
		NextCursor string       `json:"next_cursor"`
	}
	resp, body := get(t, srv, "/api/v1/meetings?instrument=minamata&limit=5")
	if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil || len(list.Items) != 5 || list.NextCursor == "" {
		t.Fatalf("GET /meetings = %d %.300s", resp.StatusCode, body)
	}
	first := list.Items[0]
	if first.ID != "minamata-COP-1" || first.Start != "2017-09-24" || first.Label != "COP-1" || !first.Bundled {
		t.Errorf("first Minamata meeting = %+v", first)
	}
	resp, body = get(t, srv, "/api/v1/meetings?instrument=minamata&limit=5&cursor="+list.NextCursor)
	list.Items, list.NextCursor = nil, ""
	if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil || len(list.Items) != 3 || list.NextCursor != "" || list.Items[2].ID != "minamata-COP-7" {
		t.Errorf("second page = %d %.300s", resp.StatusCode, body)
	}
	for _, bad := range []string{"?year=soon", "?from=yesterday", "?cursor=xyz", "?colour=red"} {
		if resp, _ := get(t, srv, "/api/v1/meetings"+bad); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /meetings%s = %d, want 400", bad, resp.StatusCode)
		}
	}
	var one meetingOut
	resp, body = get(t, srv, "/api/v1/meetings/minamata-COP-6")
	if resp.StatusCode != 200 || json.Unmarshal(body, &one) != nil || len(one.Overlaps) == 0 || !strings.Contains(one.Mandates, "due=COP-6") {
		t.Errorf("GET /meetings/minamata-COP-6 = %d %.500s", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv, "/api/v1/meetings/minamata-COP-99"); resp.StatusCode != 404 {
		t.Errorf("unknown meeting: %d", resp.StatusCode)
	}

	// Writing: editors of the instrument only; the change is audited.
	cop7 := `{"instrument":"minamata","body":"COP","number":"7","kind":"ordinary","start":"2027-11-01","end":"2027-11-05","city":"Geneva","country":"CH","source":"https://minamataconvention.org/b"}`
	if code, _, _ := send(t, srv, "PUT", "/api/v1/meetings/minamata-COP-7", "", "application/json", cop7); code != http.StatusUnauthorized {
		t.Errorf("PUT without a token = %d, want 401", code)
	}
	basel := account(t, st, "bo", accord.RoleEditor, "basel")
	if code, _, _ := send(t, srv, "PUT", "/api/v1/meetings/minamata-COP-7", basel, "application/json", cop7); code != http.StatusForbidden {
		t.Errorf("PUT by an editor of Basel = %d, want 403", code)
	}
	mia := account(t, st, "mia", accord.RoleEditor, "minamata")
	code, _, out := send(t, srv, "PUT", "/api/v1/meetings/minamata-COP-7", mia, "application/json", cop7)
	if code != 200 || !strings.Contains(out, `"start":"2027-11-01"`) || !strings.Contains(out, `"bundled":false`) {
		t.Errorf("PUT by an editor of Minamata = %d %s", code, out)
	}
	bad := strings.Replace(cop7, `"ordinary"`, `"special"`, 1)
	if code, _, out := send(t, srv, "PUT", "/api/v1/meetings/minamata-COP-7", mia, "application/json", bad); code != 400 || !strings.Contains(out, "kind") {
		t.Errorf("PUT with a bad kind = %d %s", code, out)
	}
	if code, _, out := send(t, srv, "PUT", "/api/v1/meetings/minamata-COP-8", mia, "application/json", cop7); code != 400 || !strings.Contains(out, "id") {
		t.Errorf("PUT under another id = %d %s", code, out)
	}
	if code, _, _ := send(t, srv, "DELETE", "/api/v1/meetings/minamata-COP-7", mia, "", ""); code != http.StatusNoContent {
		t.Errorf("DELETE = %d", code)
	}
	if resp, _ := get(t, srv, "/api/v1/meetings/minamata-COP-7"); resp.StatusCode != 404 {
		t.Errorf("deleted meeting: %d", resp.StatusCode)
	}
	log, err := st.AuditLog(t.Context(), 3)
	if err != nil || len(log) < 2 || log[0].Action != "delete meeting" || log[1].Action != "change meeting" || log[0].Who != "mia" {
		t.Errorf("audit log = %+v, %v", log, err)
	}

	var bodies struct{ Items []bodyOut }
	resp, body = get(t, srv, "/api/v1/bodies?instrument=stockholm")
	if resp.StatusCode != 200 || json.Unmarshal(body, &bodies) != nil || len(bodies.Items) < 2 || bodies.Items[0].Code != "COP" {
		t.Errorf("GET /bodies = %d %.300s", resp.StatusCode, body)
	}
	oewg := `{"instrument":"minamata","code":"OEWG","name":"Open-ended working group","kind":"subsidiary","source":"https://minamataconvention.org/e"}`
	if code, _, out := send(t, srv, "PUT", "/api/v1/bodies/minamata-OEWG", mia, "application/json", oewg); code != 200 || !strings.Contains(out, `"code":"OEWG"`) {
		t.Errorf("PUT body = %d %s", code, out)
	}
	if code, _, _ := send(t, srv, "DELETE", "/api/v1/bodies/minamata-OEWG", basel, "", ""); code != http.StatusForbidden {
		t.Errorf("DELETE body by an editor of Basel = %d, want 403", code)
	}
	if code, _, _ := send(t, srv, "DELETE", "/api/v1/bodies/minamata-OEWG", mia, "", ""); code != http.StatusNoContent {
		t.Errorf("DELETE body = %d", code)
	}
}
