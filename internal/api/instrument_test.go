package api

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestInstruments(t *testing.T) { onBackends(t, testInstruments) }

// testInstruments: instruments are listed with their parents and groups;
// only admins add and change them, anonymous and editors changing
// nothing; an instrument added is named at once, and its bodies may be
// added; an editor of basel edits the bodies of brs.
func testInstruments(t *testing.T, backend string) {
	srv, st := newServer(t, backend)
	resp, body := get(t, srv, "/api/v1/instruments")
	var list struct{ Items []instrumentOut }
	if resp.StatusCode != 200 || json.Unmarshal(body, &list) != nil {
		t.Fatalf("instruments = %d %.300s", resp.StatusCode, body)
	}
	byID := map[string]instrumentOut{}
	for _, in := range list.Items {
		byID[in.ID] = in
	}
	if !slices.Equal(byID["brs"].Groups, []string{"basel", "rotterdam", "stockholm"}) || byID["cartagena"].Parent != "cbd" || !byID["basel"].Bundled {
		t.Errorf("instruments: brs %+v, cartagena %+v, basel %+v", byID["brs"], byID["cartagena"], byID["basel"])
	}
	resp, body = get(t, srv, "/api/v1/instruments/cbd")
	var one instrumentDetail
	if resp.StatusCode != 200 || json.Unmarshal(body, &one) != nil {
		t.Fatalf("instruments/cbd = %d %.300s", resp.StatusCode, body)
	}
	if !slices.Equal(one.Protocols, []string{"cartagena", "nagoya"}) || len(one.BodyRecords) == 0 || one.BodyRecords[0].Code != "COP" {
		t.Errorf("instruments/cbd: protocols %v, bodies %+v", one.Protocols, one.BodyRecords)
	}
	if resp, body := get(t, srv, "/api/v1/instruments/basel"); resp.StatusCode != 200 || !strings.Contains(string(body), `"joint_with":["brs"]`) {
		t.Errorf("instruments/basel = %d %.300s, want joint_with brs", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv, "/api/v1/instruments/nowhere"); resp.StatusCode != 404 {
		t.Errorf("instruments/nowhere = %d, want 404", resp.StatusCode)
	}

	admin := account(t, st, "ada", accord.RoleAdmin)
	ed := account(t, st, "bea", accord.RoleEditor, "basel")
	const conv = `{"id":"api-conv","short":"API Convention","name":"Convention on Application Programming","bodies":["COP"],"website":"https://api.example/","source":"https://api.example/text"}`
	if code, _, b := send(t, srv, "POST", "/api/v1/instruments", "", "application/json", conv); code != 401 {
		t.Errorf("POST without a token = %d %s, want 401", code, b)
	}
	if code, _, b := send(t, srv, "POST", "/api/v1/instruments", ed, "application/json", conv); code != 403 || !strings.Contains(b, "admins") {
		t.Errorf("POST by an editor = %d %s, want 403", code, b)
	}
	if code, _, b := send(t, srv, "PUT", "/api/v1/instruments/basel", ed, "application/json", `{"short":"Basel","name":"Basel","source":"https://x.example"}`); code != 403 {
		t.Errorf("PUT basel by an editor of basel = %d %s, want 403", code, b)
	}
	if resp, _ := get(t, srv, "/api/v1/instruments/api-conv"); resp.StatusCode != 404 || accord.InstrumentName("basel") != "Basel Convention" {
		t.Errorf("after refused writes: instruments/api-conv = %d, basel named %q; want nothing changed", resp.StatusCode, accord.InstrumentName("basel"))
	}
	code, h, b := send(t, srv, "POST", "/api/v1/instruments", admin, "application/json", conv)
	if code != 200 || h.Get("Location") != "/api/v1/instruments/api-conv" || !strings.Contains(b, `"changed_by":"ada"`) {
		t.Fatalf("POST by an admin = %d %v %s", code, h, b)
	}
	if got := accord.InstrumentName("api-conv"); got != "API Convention" {
		t.Errorf("InstrumentName(api-conv) after POST = %q", got)
	}
	if code, _, b := send(t, srv, "POST", "/api/v1/instruments", admin, "application/json", conv); code != 409 {
		t.Errorf("POST again = %d %s, want 409", code, b)
	}
	const orphan = `{"short":"API Protocol","name":"Protocol on APIs","parent":"nowhere","source":"https://api.example/p"}`
	if code, _, b := send(t, srv, "PUT", "/api/v1/instruments/api-prot", admin, "application/json", orphan); code != 400 || !strings.Contains(b, "parent") {
		t.Errorf("PUT with an unknown parent = %d %s, want 400 naming parent", code, b)
	}
	const prot = `{"short":"API Protocol","name":"Protocol on APIs","bodies":["COP-MOP"],"parent":"API Convention","source":"https://api.example/p"}`
	if code, _, b := send(t, srv, "PUT", "/api/v1/instruments/api-prot", admin, "application/json", prot); code != 200 || !strings.Contains(b, `"parent":"api-conv"`) {
		t.Errorf("PUT a protocol naming its parent by name = %d %s", code, b)
	}
	if code, _, b := send(t, srv, "PUT", "/api/v1/instruments/api-prot", admin, "application/json", `{"id":"other","short":"x","name":"y","source":"https://x.example"}`); code != 400 {
		t.Errorf("PUT with another id in the body = %d %s, want 400", code, b)
	}
	// Bodies of the new instrument; an editor of basel edits those of brs.
	const cop = `{"instrument":"api-conv","code":"COP","name":"Conference of the Parties","kind":"governing","source":"https://api.example/cop"}`
	if code, _, b := send(t, srv, "PUT", "/api/v1/bodies/api-conv-COP", admin, "application/json", cop); code != 200 {
		t.Errorf("PUT a body of the added instrument = %d %s", code, b)
	}
	const brsCOP = `{"instrument":"brs","code":"ExCOPs","name":"Extraordinary meetings of the conferences of the Parties","kind":"governing","source":"https://www.brsmeas.org/"}`
	if code, _, b := send(t, srv, "PUT", "/api/v1/bodies/brs-ExCOPs", ed, "application/json", brsCOP); code != 200 {
		t.Errorf("PUT a body of brs by an editor of basel = %d %s, want 200", code, b)
	}
	mc := account(t, st, "mina", accord.RoleEditor, "minamata")
	if code, _, b := send(t, srv, "PUT", "/api/v1/bodies/brs-ExCOPs", mc, "application/json", brsCOP); code != 403 {
		t.Errorf("PUT a body of brs by an editor of minamata = %d %s, want 403", code, b)
	}
	resp, body = get(t, srv, "/api/v1/audit", "Authorization", "Bearer "+admin)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"add instrument"`) || !strings.Contains(string(body), "instrument api-prot") {
		t.Errorf("audit = %d %.500s, want the instruments added", resp.StatusCode, body)
	}
}
