package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestFocalPointPrivacy: an anonymous request for a focal point's e-mail
// address gets nothing, by every endpoint that shows focal points, until
// an admin publishes the instrument's contacts; a token sees them.
func TestFocalPointPrivacy(t *testing.T) { onBackends(t, testFocalPointPrivacy) }

func testFocalPointPrivacy(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	ctx := context.Background()
	const email = "nfp@environment.example.org"
	if _, err := st.SaveMemberships(ctx, []accord.Membership{{Country: "KE", Instrument: "minamata", Consent: accord.Ratification}}, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFocalPoints(ctx, []accord.FocalPoint{{Country: "KE", Instrument: "minamata", Role: accord.NationalFocalPoint,
		Name: "Wanjiru Kamau", Organization: "Ministry of Environment", Phone: "+254 20 2730808", Email: email}}, "admin"); err != nil {
		t.Fatal(err)
	}
	fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE"})
	reader := account(t, st, "reader", accord.RoleEditor, "basel")
	paths := []string{"/api/v1/countries/KE", "/api/v1/focal-points?country=KE", fmt.Sprintf("/api/v1/focal-points/%d", fps[0].ID)}
	for _, path := range paths {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s = %d %s", path, resp.StatusCode, body)
		}
		if strings.Contains(string(body), email) || strings.Contains(string(body), "Wanjiru") || strings.Contains(string(body), "2730808") {
			t.Errorf("anonymous GET %s shows contact details: %s", path, body)
		}
		if !strings.Contains(string(body), `"contact_withheld":true`) || !strings.Contains(string(body), "Ministry of Environment") {
			t.Errorf("anonymous GET %s = %s, want the office and contact_withheld", path, body)
		}
		if resp.Header.Get("Vary") == "" || !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Authorization") {
			t.Errorf("GET %s varies by %q, want Authorization too", path, resp.Header.Values("Vary"))
		}
		resp, body = get(t, srv, path, "Authorization", "Bearer "+reader)
		if resp.StatusCode != 200 || !strings.Contains(string(body), email) {
			t.Errorf("GET %s with a token = %d %s, want the e-mail address", path, resp.StatusCode, body)
		}
		if resp, _ := get(t, srv, path, "Authorization", "Bearer acc_unknown"); resp.StatusCode != 401 {
			t.Errorf("GET %s with an unknown token = %d, want 401", path, resp.StatusCode)
		}
	}
	admin := account(t, st, "admin", accord.RoleAdmin)
	if code, _, body := send(t, srv, "PUT", "/api/v1/contacts/minamata", reader, "application/json", `{"published":true}`); code != 403 {
		t.Errorf("an editor publishing contacts = %d %s, want 403", code, body)
	}
	if code, _, body := send(t, srv, "PUT", "/api/v1/contacts/minamata", admin, "application/json", `{"published":true}`); code != 200 {
		t.Fatalf("an admin publishing contacts = %d %s", code, body)
	}
	for _, path := range paths {
		if _, body := get(t, srv, path); !strings.Contains(string(body), email) {
			t.Errorf("published, anonymous GET %s = %s, want the e-mail address", path, body)
		}
	}
}

// TestFocalPointWrites: editors add, change and delete focal points of
// their instruments only; bad input is a 400 naming the field.
func TestFocalPointWrites(t *testing.T) { onBackends(t, testFocalPointWrites) }

func testFocalPointWrites(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	mc := account(t, st, "mc-editor", accord.RoleEditor, "minamata")
	basel := account(t, st, "basel-editor", accord.RoleEditor, "basel")
	const fp = `{"country":"ke","instrument":"Minamata","role":"NFP","name":"Wanjiru Kamau","email":"nfp@environment.example.org"}`
	if code, _, body := send(t, srv, "POST", "/api/v1/focal-points", "", "application/json", fp); code != 401 {
		t.Errorf("no token = %d %s", code, body)
	}
	if code, _, body := send(t, srv, "POST", "/api/v1/focal-points", basel, "application/json", fp); code != 403 {
		t.Errorf("a Basel editor adding a Minamata focal point = %d %s, want 403", code, body)
	}
	code, _, body := send(t, srv, "POST", "/api/v1/focal-points", mc, "application/json", fp)
	if code != 200 {
		t.Fatalf("POST = %d %s", code, body)
	}
	var got focalPointOut
	if err := json.Unmarshal([]byte(body), &got); err != nil || got.ID == 0 || got.Country != "KE" || got.Role != "national-focal-point" || got.Instrument != "minamata" {
		t.Fatalf("POST = %s, %v", body, err)
	}
	for _, tt := range []struct{ body, want string }{
		{`{"country":"XX","instrument":"minamata","role":"NFP","name":"A"}`, "country"},
		{`{"country":"KE","instrument":"atlantis","role":"NFP","name":"A"}`, "instrument"},
		{`{"country":"KE","instrument":"minamata","role":"NFP","name":"A","email":"a-at-b"}`, "email"},
		{`{"country":"KE","instrument":"minamata","role":"NFP","name":""}`, "name"},
	} {
		if code, _, body := send(t, srv, "POST", "/api/v1/focal-points", mc, "application/json", tt.body); code != 400 || !strings.Contains(body, tt.want+":") {
			t.Errorf("POST %s = %d %s, want 400 naming %s", tt.body, code, body, tt.want)
		}
	}
	path := fmt.Sprintf("/api/v1/focal-points/%d", got.ID)
	changed := strings.Replace(fp, "nfp@", "focal@", 1)
	if code, _, body := send(t, srv, "PUT", path, basel, "application/json", changed); code != 403 {
		t.Errorf("a Basel editor changing it = %d %s", code, body)
	}
	if code, _, body := send(t, srv, "PUT", path, mc, "application/json", changed); code != 200 || !strings.Contains(body, "focal@environment") {
		t.Errorf("PUT = %d %s", code, body)
	}
	if code, _, body := send(t, srv, "DELETE", path, mc, "", ""); code != 204 {
		t.Errorf("DELETE = %d %s", code, body)
	}
	if resp, _ := get(t, srv, path); resp.StatusCode != 404 {
		t.Errorf("GET after DELETE = %d", resp.StatusCode)
	}
	log, _ := st.AuditLog(context.Background(), 3)
	if len(log) != 3 || log[0].Action != "delete focal point" || log[1].Action != "update focal point" || log[2].Action != "add focal point" || log[0].Who != "mc-editor" {
		t.Errorf("audit = %+v", log)
	}
	if code, _, body := send(t, srv, "POST", "/api/v1/memberships", mc, "application/json", `{"country":"KE","instrument":"minamata","consent":"ratification","consent_date":"2021-03-01"}`); code != 200 || !strings.Contains(body, `"party":true`) {
		t.Errorf("POST membership = %d %s", code, body)
	}
}

func TestCountriesAndCentresAPI(t *testing.T) {
	srv, st := newServer(t, "sqlite")
	resp, body := get(t, srv, "/api/v1/countries?group=weog")
	var list struct{ Items []countryOut }
	if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil || len(list.Items) != 29 {
		t.Errorf("GET /countries?group=weog = %d, %d items, want 29", resp.StatusCode, len(list.Items))
	}
	if resp, _ := get(t, srv, "/api/v1/countries/ZZ"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /countries/ZZ = %d, want 404", resp.StatusCode)
	}
	resp, body = get(t, srv, "/api/v1/centres/bcrc-caribbean")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"host_country":"TT"`) {
		t.Errorf("GET /centres/bcrc-caribbean = %d %s", resp.StatusCode, body)
	}
	stockholm := account(t, st, "pops", accord.RoleEditor, "stockholm")
	basel := account(t, st, "basel", accord.RoleEditor, "basel")
	const c = `{"name":"Basel Convention Regional Centre for the Caribbean","host_country":"TT","city":"Port of Spain","conventions":["basel"],"countries_served":["TT","BB"],"focal_centre":true,"documents":[{"kind":"report","ref":"UNEP/CHW.17/INF/20"}],"source":"https://www.basel.int/"}`
	if code, _, body := send(t, srv, "PUT", "/api/v1/centres/bcrc-caribbean", stockholm, "application/json", c); code != 403 {
		t.Errorf("a Stockholm editor changing a Basel centre = %d %s", code, body)
	}
	if code, _, body := send(t, srv, "PUT", "/api/v1/centres/bcrc-caribbean", basel, "application/json", c); code != 200 || !strings.Contains(body, `"focal_centre":true`) || !strings.Contains(body, `"updated_by":"basel"`) {
		t.Errorf("PUT centre = %d %s", code, body)
	}
}
