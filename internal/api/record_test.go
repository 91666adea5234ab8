package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// auditLen is how many entries the audit log holds: a refused request
// adds none.
func auditLen(t *testing.T, st accord.Store) int {
	t.Helper()
	log, err := st.AuditLog(context.Background(), 10000)
	if err != nil {
		t.Fatal(err)
	}
	return len(log)
}

// refused sends a request that must be refused with status want and
// change nothing: no entry in the audit log.
func refused(t *testing.T, srv *httptest.Server, st accord.Store, method, path, token, body string, want int, mention string) {
	t.Helper()
	before := auditLen(t, st)
	ct := ""
	if body != "" {
		ct = "application/json"
	}
	code, _, got := send(t, srv, method, path, token, ct, body)
	if code != want || !strings.Contains(got, mention) {
		t.Errorf("%s %s %s = %d %s, want %d naming %q", method, path, body, code, got, want, mention)
	}
	if after := auditLen(t, st); after != before {
		t.Errorf("%s %s, refused, wrote %d audit entries", method, path, after-before)
	}
}

// lastAudit is the latest entry of the audit log.
func lastAudit(t *testing.T, st accord.Store) accord.AuditEntry {
	t.Helper()
	log, err := st.AuditLog(context.Background(), 1)
	if err != nil || len(log) != 1 {
		t.Fatalf("AuditLog = %v, %v", log, err)
	}
	return log[0]
}

// TestMembershipsAPI: memberships are listed by country and instrument,
// read one by one, and deleted by editors of their instrument only.
func TestMembershipsAPI(t *testing.T) { onBackends(t, testMembershipsAPI) }

func testMembershipsAPI(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	if _, err := st.SaveMemberships(ctx, []accord.Membership{
		{Country: "KE", Instrument: "minamata", Consent: accord.Ratification, ConsentOn: "2021-03-01"},
		{Country: "KE", Instrument: "basel", Consent: accord.Accession, ConsentOn: "2000-06-01"},
		{Country: "CA", Instrument: "basel", Consent: accord.Ratification, ConsentOn: "1992-08-28"},
	}, "admin"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"", []string{"CA basel", "KE basel", "KE minamata"}},
		{"?country=KE", []string{"KE basel", "KE minamata"}},
		{"?instrument=basel", []string{"CA basel", "KE basel"}},
		{"?country=Kenya&instrument=Minamata%20Convention", []string{"KE minamata"}},
	} {
		resp, body := get(t, srv, "/api/v1/memberships"+tt.query)
		var list struct{ Items []membershipOut }
		if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil {
			t.Fatalf("GET /memberships%s = %d %s", tt.query, resp.StatusCode, body)
		}
		var got []string
		for _, m := range list.Items {
			got = append(got, m.Country+" "+m.Instrument)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("GET /memberships%s = %v, want %v", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{"?country=ZZ", "?instrument=atlantis", "?group=weog"} {
		if resp, body := get(t, srv, "/api/v1/memberships"+q); resp.StatusCode != 400 {
			t.Errorf("GET /memberships%s = %d %s, want 400", q, resp.StatusCode, body)
		}
	}
	ms, _ := st.Memberships(ctx, "KE")
	var mc accord.Membership
	for _, m := range ms {
		if m.Instrument == "minamata" {
			mc = m
		}
	}
	path := fmt.Sprintf("/api/v1/memberships/%d", mc.ID)
	if resp, body := get(t, srv, path); resp.StatusCode != 200 || !strings.Contains(string(body), `"consent_date":"2021-03-01"`) {
		t.Errorf("GET %s = %d %s", path, resp.StatusCode, body)
	}
	basel := account(t, st, "basel-editor", accord.RoleEditor, "basel")
	minamata := account(t, st, "mc-editor", accord.RoleEditor, "minamata")
	refused(t, srv, st, "DELETE", path, "", "", 401, "Bearer")
	refused(t, srv, st, "DELETE", path, basel, "", 403, "memberships of the Minamata Convention")
	refused(t, srv, st, "DELETE", "/api/v1/memberships/x", minamata, "", 400, `id \"x\": want a positive number`)
	refused(t, srv, st, "DELETE", "/api/v1/memberships/999999", minamata, "", 404, "membership 999999")
	refused(t, srv, st, "DELETE", path+"?force=1", minamata, "", 400, "force")
	if code, _, body := send(t, srv, "DELETE", path, minamata, "", ""); code != 204 {
		t.Fatalf("DELETE %s by the Minamata editor = %d %s", path, code, body)
	}
	if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
		t.Errorf("GET %s after DELETE = %d, want 404", path, resp.StatusCode)
	}
	if e := lastAudit(t, st); e.Action != "delete membership" || e.Who != "mc-editor" || !strings.Contains(e.Before, "2021-03-01") {
		t.Errorf("audit after DELETE = %+v, want delete membership by mc-editor with its content", e)
	}
}

// TestCoordinationsAPI: a national coordination is added, listed, read,
// renamed and deleted by editors of every instrument it coordinates.
func TestCoordinationsAPI(t *testing.T) { onBackends(t, testCoordinationsAPI) }

func testCoordinationsAPI(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	brs := account(t, st, "brs-editor", accord.RoleEditor, "basel", "rotterdam", "stockholm")
	basel := account(t, st, "basel-editor", accord.RoleEditor, "basel")
	const c = `{"country":"ke","institution":"National Chemicals Coordination Committee","instruments":["Basel","rotterdam","stockholm"],"mechanism":"inter-ministerial committee"}`
	refused(t, srv, st, "POST", "/api/v1/coordinations", "", c, 401, "Bearer")
	refused(t, srv, st, "POST", "/api/v1/coordinations", basel, c, 403, "coordination of the Rotterdam Convention")
	for _, tt := range []struct{ body, field string }{
		{`{"country":"XX","institution":"A","instruments":["basel"]}`, "country:"},
		{`{"country":"KE","institution":"","instruments":["basel"]}`, "institution:"},
		{`{"country":"KE","institution":"A","instruments":[]}`, "instruments:"},
		{`{"country":"KE","institution":"A","instruments":["atlantis"]}`, "instruments:"},
		{`{"country":"KE","institution":"A","instruments":["basel"],"colour":"red"}`, "colour"},
	} {
		refused(t, srv, st, "POST", "/api/v1/coordinations", brs, tt.body, 400, tt.field)
	}
	code, hdr, body := send(t, srv, "POST", "/api/v1/coordinations", brs, "application/json", c)
	var got coordinationOne
	if code != 200 || json.Unmarshal([]byte(body), &got) != nil || got.ID == 0 || got.Country != "KE" ||
		!slices.Equal(got.Instruments, []string{"basel", "rotterdam", "stockholm"}) || hdr.Get("Location") != fmt.Sprintf("/api/v1/coordinations/%d", got.ID) {
		t.Fatalf("POST by an editor of the three = %d %s %v", code, body, hdr)
	}
	if e := lastAudit(t, st); e.Action != "add coordination" || e.Who != "brs-editor" {
		t.Errorf("audit after POST = %+v", e)
	}
	for _, q := range []string{"?country=KE", "?instrument=rotterdam", "?country=KE&instrument=stockholm", ""} {
		if resp, body := get(t, srv, "/api/v1/coordinations"+q); resp.StatusCode != 200 || !strings.Contains(string(body), "National Chemicals") {
			t.Errorf("GET /coordinations%s = %d %s", q, resp.StatusCode, body)
		}
	}
	for _, q := range []string{"?country=CA", "?instrument=minamata"} {
		if resp, body := get(t, srv, "/api/v1/coordinations"+q); resp.StatusCode != 200 || strings.Contains(string(body), "National Chemicals") {
			t.Errorf("GET /coordinations%s = %d %s, want none", q, resp.StatusCode, body)
		}
	}
	path := fmt.Sprintf("/api/v1/coordinations/%d", got.ID)
	if resp, body := get(t, srv, path); resp.StatusCode != 200 || !strings.Contains(string(body), `"updated_by":"brs-editor"`) {
		t.Errorf("GET %s = %d %s", path, resp.StatusCode, body)
	}
	renamed := strings.Replace(c, "National Chemicals Coordination Committee", "Chemicals and Waste Unit", 1)
	refused(t, srv, st, "PUT", path, basel, renamed, 403, "Rotterdam")
	refused(t, srv, st, "PUT", path, brs, strings.Replace(renamed, `"stockholm"`, `"stockholm","minamata"`, 1), 403, "Minamata")
	refused(t, srv, st, "PUT", path, brs, strings.Replace(renamed, `"ke"`, `"ZZ"`, 1), 400, "country:")
	refused(t, srv, st, "PUT", "/api/v1/coordinations/999999", brs, renamed, 404, "coordination 999999")
	code, _, body = send(t, srv, "PUT", path, brs, "application/json", renamed)
	var put coordinationOne
	if code != 200 || json.Unmarshal([]byte(body), &put) != nil || put.ID != got.ID || put.Institution != "Chemicals and Waste Unit" {
		t.Fatalf("PUT %s = %d %s, want the same record renamed", path, code, body)
	}
	if e := lastAudit(t, st); e.Action != "update coordination" || !strings.Contains(e.Before, "National Chemicals") || !strings.Contains(e.After, "Waste Unit") {
		t.Errorf("audit after PUT = %+v, want before and after", e)
	}
	refused(t, srv, st, "DELETE", path, basel, "", 403, "Rotterdam")
	if code, _, body := send(t, srv, "DELETE", path, brs, "", ""); code != 204 {
		t.Fatalf("DELETE %s = %d %s", path, code, body)
	}
	if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
		t.Errorf("GET %s after DELETE = %d, want 404", path, resp.StatusCode)
	}
	if e := lastAudit(t, st); e.Action != "delete coordination" || !strings.Contains(e.Before, "Waste Unit") {
		t.Errorf("audit after DELETE = %+v", e)
	}
}

// TestDeleteCentre: centres are listed by convention and country; a
// centre is deleted by an editor of every convention it serves, and the
// audit log keeps it.
func TestDeleteCentre(t *testing.T) { onBackends(t, testDeleteCentre) }

func testDeleteCentre(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	stockholm := account(t, st, "pops", accord.RoleEditor, "stockholm")
	basel := account(t, st, "basel", accord.RoleEditor, "basel")
	const path = "/api/v1/centres/bcrc-caribbean"
	for _, tt := range []struct {
		query string
		in    bool
	}{{"?convention=basel&country=LC", true}, {"?country=Trinidad%20and%20Tobago", true}, {"?convention=stockholm", false}, {"?country=FR", false}} {
		resp, body := get(t, srv, "/api/v1/centres"+tt.query)
		if resp.StatusCode != 200 || strings.Contains(string(body), `"id":"bcrc-caribbean"`) != tt.in {
			t.Errorf("GET /centres%s = %d, lists the Caribbean centre: %v, want %v", tt.query, resp.StatusCode, !tt.in, tt.in)
		}
	}
	for _, q := range []string{"?country=XX", "?convention=atlantis", "?host=TT"} {
		if resp, body := get(t, srv, "/api/v1/centres"+q); resp.StatusCode != 400 {
			t.Errorf("GET /centres%s = %d %s, want 400", q, resp.StatusCode, body)
		}
	}
	refused(t, srv, st, "DELETE", path, "", "", 401, "Bearer")
	refused(t, srv, st, "DELETE", path, stockholm, "", 403, "centres of the Basel Convention")
	refused(t, srv, st, "DELETE", "/api/v1/centres/no-such-centre", basel, "", 404, "no-such-centre")
	if code, _, body := send(t, srv, "DELETE", path, basel, "", ""); code != 204 {
		t.Fatalf("DELETE by a Basel editor = %d %s", code, body)
	}
	if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
		t.Errorf("GET after DELETE = %d, want 404", resp.StatusCode)
	}
	if e := lastAudit(t, st); e.Action != "delete centre" || e.Who != "basel" || !strings.Contains(e.Before, "Caribbean") {
		t.Errorf("audit after DELETE = %+v", e)
	}
}

// TestArrangementMandateRefs: an arrangement names the mandates that
// asked for it by number, by decision symbol and paragraph as people
// cite them, or as {decision, paragraph}; a paragraph without a mandate
// is a 400 naming it, and nothing is stored.
func TestArrangementMandateRefs(t *testing.T) { onBackends(t, testArrangementMandateRefs) }

func testArrangementMandateRefs(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Symbol: "MC-6/[--]"})
	if err != nil || len(ms) < 2 {
		t.Fatalf("the sample's mandates of MC-6/[--]: %d, %v", len(ms), err)
	}
	first, last := ms[0], ms[len(ms)-1]
	var want []int64
	for _, m := range ms {
		if m.Path == first.Path || m.Path == last.Path {
			want = append(want, m.ID)
		}
	}
	slices.Sort(want)
	mc := account(t, st, "mina", accord.RoleEditor, "minamata")
	arr := func(mandates string) string {
		return `{"instrument":"minamata","organization":"iomc","kind":"partnership","status":"proposed","mandates":` + mandates + `}`
	}
	body := arr(fmt.Sprintf(`["MC-6/[--] ¶ %s", {"decision":"MC-6/[--]","paragraph":%q}]`, first.Path, last.Path))
	code, _, b := send(t, srv, "POST", "/api/v1/arrangements", mc, "application/json", body)
	var a arrangementOut
	if code != 200 || json.Unmarshal([]byte(b), &a) != nil {
		t.Fatalf("POST %s = %d %s", body, code, b)
	}
	if !slices.Equal(a.Mandates, want) {
		t.Errorf("POST %s: mandates = %v, want %v (every mandate of ¶ %s and ¶ %s)", body, a.Mandates, want, first.Path, last.Path)
	}
	path := fmt.Sprintf("/api/v1/arrangements/%d", a.ID)
	// GET shows each mandate readably next to its id, in the same order.
	code, _, b = send(t, srv, "GET", path, mc, "", "")
	var got struct {
		Mandates    []int64 `json:"mandates"`
		MandateRefs []struct {
			ID                  int64
			Decision, Paragraph string
			URL                 string
		} `json:"mandate_refs"`
	}
	if code != 200 || json.Unmarshal([]byte(b), &got) != nil || !slices.Equal(got.Mandates, want) || len(got.MandateRefs) != len(want) {
		t.Fatalf("GET %s = %d %s", path, code, b)
	}
	for i, ref := range got.MandateRefs {
		m, err := st.Mandate(ctx, want[i])
		if err != nil {
			t.Fatal(err)
		}
		if ref.ID != want[i] || ref.Decision != "MC-6/[--]" || ref.Paragraph != m.Path || ref.URL != fmt.Sprintf("/api/v1/mandates/%d", want[i]) {
			t.Errorf("GET %s: mandate_refs[%d] = %+v, want mandate %d at MC-6/[--] ¶ %s", path, i, ref, want[i], m.Path)
		}
	}
	for _, tt := range []struct{ mandates, mention string }{
		{`["MC-6/[--] ¶ 999"]`, "MC-6/[--] ¶ 999: decision MC-6/[--] has no mandate at ¶ 999"},
		{`["XX-1/1 ¶ 2"]`, `no decision \"XX-1/1\"`},
		{`[{"decision":"MC-6/[--]"}]`, "mandate is a number"},
		{`["the fifth paragraph"]`, "mandates:"},
		{`[0]`, "0 is not a mandate number"},
		{`[999999]`, "no mandate 999999"},
	} {
		refused(t, srv, st, "PUT", path, mc, arr(tt.mandates), 400, tt.mention)
	}
	if got, err := st.Arrangement(ctx, a.ID); err != nil || !slices.Equal(got.Mandates, want) {
		t.Errorf("after refused PUTs, the arrangement's mandates = %v, %v, want %v", got.Mandates, err, want)
	}
	code, _, b = send(t, srv, "PUT", path, mc, "application/json", arr(fmt.Sprintf(`[%d, "#%d"]`, first.ID, first.ID)))
	if code != 200 || !strings.Contains(b, fmt.Sprintf(`"mandates":[%d]`, first.ID)) {
		t.Errorf("PUT by number = %d %s", code, b)
	}
}
