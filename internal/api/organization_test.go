package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestOrganizations(t *testing.T) { onBackends(t, testOrganizations) }

// testOrganizations: organizations are listed and filtered; an
// organization's page holds every mandate naming it and its
// arrangements; only those who may edit every instrument change
// organizations, and editors change the arrangements of their
// instruments; the actor registry follows a change at once.
func testOrganizations(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	resp, body := get(t, srv, "/api/v1/organizations?q=sound+management")
	var list struct{ Items []organizationOut }
	if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil || len(list.Items) != 1 || list.Items[0].ID != "iomc" {
		t.Fatalf("organizations?q=sound management = %d %.300s", resp.StatusCode, body)
	}
	if resp, body := get(t, srv, "/api/v1/organizations?kind=science-policy-panel"); resp.StatusCode != 200 || !strings.Contains(string(body), `"isp-cwp"`) {
		t.Errorf("organizations?kind=science-policy-panel = %d %.300s", resp.StatusCode, body)
	}
	if resp, body := get(t, srv, "/api/v1/organizations?kind=agency"); resp.StatusCode != 400 || !strings.Contains(string(body), "un-agency") {
		t.Errorf("organizations?kind=agency = %d %.300s", resp.StatusCode, body)
	}

	resp, body = get(t, srv, "/api/v1/organizations/iomc")
	var page organizationPage
	if resp.StatusCode != 200 || json.Unmarshal(body, &page) != nil {
		t.Fatalf("organizations/iomc = %d %.300s", resp.StatusCode, body)
	}
	var minamata []string
	for _, m := range page.Mandates {
		if m.Instrument == "minamata" {
			minamata = append(minamata, m.Meeting+" ¶"+m.Path+" "+m.Lemma)
		}
	}
	if fmt.Sprint(minamata) != "[COP-6 ¶5 request COP-6 ¶5 invite]" || page.ByStatus["open"] != len(page.Mandates) {
		t.Errorf("organizations/iomc mandates of Minamata = %q, by status %v", minamata, page.ByStatus)
	}
	if resp, _ := get(t, srv, "/api/v1/organizations/nobody"); resp.StatusCode != 404 {
		t.Errorf("organizations/nobody = %d, want 404", resp.StatusCode)
	}

	admin := account(t, st, "ada", accord.RoleAdmin)
	mc := account(t, st, "mina", accord.RoleEditor, "minamata")
	const body1 = `{"name":"Inter-Organization Programme for the Sound Management of Chemicals","acronym":"IOMC","aliases":["the Chemicals Programme"],"kind":"intergovernmental","website":"https://iomc.example.org"}`
	if code, _, b := send(t, srv, "PUT", "/api/v1/organizations/iomc", "", "application/json", body1); code != 401 {
		t.Errorf("PUT without a token = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "PUT", "/api/v1/organizations/iomc", mc, "application/json", body1); code != 403 || !strings.Contains(b, "every instrument") {
		t.Errorf("PUT by an editor of one instrument = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "PUT", "/api/v1/organizations/iomc", admin, "application/json", `{"name":"X","kind":"club"}`); code != 400 || !strings.Contains(b, "kind") {
		t.Errorf("PUT of a bad kind = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "PUT", "/api/v1/organizations/iomc", admin, "application/json", `{"name":"X","kind":"ngo","acronym":"UNEP"}`); code != 400 || !strings.Contains(b, "also names unep") {
		t.Errorf("PUT of another's acronym = %d %s", code, b)
	}
	code, _, b := send(t, srv, "PUT", "/api/v1/organizations/iomc", admin, "application/json", body1)
	if code != 200 || !strings.Contains(b, `"changed_by":"ada"`) {
		t.Fatalf("PUT by an admin = %d %s", code, b)
	}
	// The registry reads the new alias at once.
	if resp, body := get(t, srv, "/api/v1/actors/iomc"); resp.StatusCode != 200 || !strings.Contains(string(body), "the chemicals programme") {
		t.Errorf("actors/iomc after the change = %d %.300s", resp.StatusCode, body)
	}

	// Arrangements: editors of the instrument.
	const arr = `{"instrument":"minamata","organization":"iomc","kind":"membership","status":"requested","start_date":"2025-11","evidence":"UNEP/MC/COP.6/19","mandates":[%d]}`
	ms, err := st.OrganizationMandates(context.Background(), "iomc")
	if err != nil || len(ms) == 0 {
		t.Fatal(err)
	}
	bc := account(t, st, "basil", accord.RoleEditor, "basel")
	if code, _, b := send(t, srv, "POST", "/api/v1/arrangements", bc, "application/json", fmt.Sprintf(arr, ms[0].ID)); code != 403 {
		t.Errorf("POST by an editor of Basel = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "POST", "/api/v1/arrangements", mc, "application/json", strings.Replace(fmt.Sprintf(arr, ms[0].ID), "membership", "friendship", 1)); code != 400 {
		t.Errorf("POST of a bad kind = %d %s", code, b)
	}
	code, hdr, b := send(t, srv, "POST", "/api/v1/arrangements", mc, "application/json", fmt.Sprintf(arr, ms[0].ID))
	var a arrangementOut
	if code != 200 || json.Unmarshal([]byte(b), &a) != nil || a.ID == 0 || hdr.Get("Location") != fmt.Sprintf("/api/v1/arrangements/%d", a.ID) {
		t.Fatalf("POST by the Minamata editor = %d %s", code, b)
	}
	if resp, body := get(t, srv, "/api/v1/organizations/iomc"); resp.StatusCode != 200 || !strings.Contains(string(body), `"kind":"membership"`) {
		t.Errorf("organizations/iomc lacks its arrangement: %.500s", body)
	}
	if resp, body := get(t, srv, "/api/v1/arrangements?organization=iomc&status=requested"); resp.StatusCode != 200 || !strings.Contains(string(body), "UNEP/MC/COP.6/19") {
		t.Errorf("arrangements?organization=iomc = %d %.300s", resp.StatusCode, body)
	}
	put := strings.Replace(fmt.Sprintf(arr, ms[0].ID), "requested", "granted", 1)
	if code, _, b := send(t, srv, "PUT", fmt.Sprintf("/api/v1/arrangements/%d", a.ID), mc, "application/json", put); code != 200 || !strings.Contains(b, `"status":"in-force"`) {
		t.Errorf("PUT arrangement = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "DELETE", fmt.Sprintf("/api/v1/arrangements/%d", a.ID), bc, "", ""); code != 403 {
		t.Errorf("DELETE by an editor of Basel = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "DELETE", fmt.Sprintf("/api/v1/arrangements/%d", a.ID), mc, "", ""); code != 204 {
		t.Errorf("DELETE = %d %s", code, b)
	}
	if resp, _ := get(t, srv, fmt.Sprintf("/api/v1/arrangements/%d", a.ID)); resp.StatusCode != 404 {
		t.Errorf("GET a deleted arrangement = %d", resp.StatusCode)
	}
	log, _ := st.AuditLog(context.Background(), 20)
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Who+" "+e.Action)
	}
	for _, want := range []string{"ada update organization", "mina add arrangement", "mina update arrangement", "mina delete arrangement"} {
		if !strings.Contains(strings.Join(actions, "\n"), want) {
			t.Errorf("audit log %q lacks %q", actions, want)
		}
	}
}
