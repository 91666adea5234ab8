package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// signInAdmin adds the admin root and returns a client signed in as root.
func signInAdmin(t *testing.T, srv *httptest.Server, st accord.Store) *http.Client {
	t.Helper()
	token, hash, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: "root", Role: accord.RoleAdmin}, hash); err != nil {
		t.Fatal(err)
	}
	admin := client(t)
	signInWith(t, admin, srv, token, "")
	return admin
}

// TestAuditSentences: the audit log reads a sentence per entry, with
// what changed before and after side by side, no JSON and no zero time.
func TestAuditSentences(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	id := decisionID(t, st, "MC-6/[--]")
	title := "Cooperation with other bodies"
	if _, err := st.CorrectDecision(ctx, id, accord.DecisionCorrection{Title: &title, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Mandates(ctx, accord.MandateFilter{DecisionID: id})
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Status: &done, Evidence: []string{"UNEP/MC/COP.7/5"}, Who: "jo"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUser(ctx, accord.User{Name: "ann", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, accord.Token{}); err != nil {
		t.Fatal(err)
	}
	admin := signInAdmin(t, srv, st)
	_, doc := getWith(t, admin, srv, "/audit")
	var rows []string
	for _, r := range all(doc, "table.audit tbody tr") {
		rows = append(rows, strings.Join(strings.Fields(text(r)), " "))
	}
	page := strings.Join(rows, "\n")
	for _, want := range []string{
		"root signed in",
		"admin added the user ann, editor of minamata",
		"jo changed the evidence and the status of mandate",
		"open → completed",
		"jo corrected the title of MC-6/[--]",
		"International cooperation and coordination → Cooperation with other bodies",
		"ingest of sample/minamata-cop6-cooperation-draft.txt: 1 decision added",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("audit page lacks %q:\n%s", want, page)
		}
	}
	t.Logf("audit page:\n%s", page)
	for _, not := range []string{"0001-01-01", `{"`, `":`} {
		if strings.Contains(page, not) {
			t.Errorf("audit page holds %q:\n%s", not, page)
		}
	}
	// The downloads read as the page: the sentence, and before and
	// after a field a line.
	for _, format := range []string{"csv", "xlsx"} {
		_, b := download(t, admin, srv, "/audit."+format, 200)
		rows := rowsOfDownload(t, format, b)
		what, before, after := columnOf(t, rows, "what_happened"), columnOf(t, rows, "before"), columnOf(t, rows, "after")
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[what]+" | "+r[before]+" | "+r[after])
		}
		file := strings.Join(got, "\n")
		for _, want := range []string{
			"root signed in with token | ",
			"admin added the user ann, editor of minamata | ",
			"jo corrected the title of MC-6/[--] | title: International cooperation and coordination | title: Cooperation with other bodies",
			"| status: open | evidence added: UNEP/MC/COP.7/5\n",
			"\nstatus: completed",
		} {
			if !strings.Contains(file, want) {
				t.Errorf("audit.%s lacks %q:\n%s", format, want, file)
			}
		}
		for _, not := range []string{"0001-01-01", `{"`, `":`} {
			if strings.Contains(file, not) {
				t.Errorf("audit.%s holds %q:\n%s", format, not, file)
			}
		}
	}
}

// TestAuditRegistrySentences: every kind of registry record's change
// reads as a sentence naming the record, linked to where it is shown,
// with what changed before and after.
func TestAuditRegistrySentences(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	addKenya(t, st) // by admin
	ms, _ := st.Memberships(ctx, "KE")
	m := ms[0]
	m.Source = "https://treaties.un.org/"
	if _, err := st.SaveMemberships(ctx, []accord.Membership{m}, "jo"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteMembership(ctx, m.ID, "jo"); err != nil {
		t.Fatal(err)
	}
	fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "KE", Instrument: "minamata"})
	fp := fps[0]
	fp.Email = "focal@environment.example.org"
	if _, err := st.UpdateFocalPoint(ctx, fp.ID, fp, "jo"); err != nil {
		t.Fatal(err)
	}
	cs, _ := st.Coordinations(ctx, "KE")
	co := cs[0]
	co.Institution = "Chemicals and Waste Unit"
	if _, err := st.UpdateCoordination(ctx, co.ID, co, "jo"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCentre(ctx, "bcrc-caribbean", "jo"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.PutArrangements(ctx, "jo", []accord.Arrangement{{Instrument: "minamata", Organization: "iomc", Kind: accord.ArrangementPartnership, Status: accord.ArrangementProposed}}); err != nil {
		t.Fatal(err)
	}
	if err := st.PublishContacts(ctx, "minamata", true, "jo"); err != nil {
		t.Fatal(err)
	}
	admin := signInAdmin(t, srv, st)
	_, doc := getWith(t, admin, srv, "/audit")
	var rows []string
	links := map[string]string{}
	for _, r := range all(doc, "table.audit tbody tr") {
		row := strings.Join(strings.Fields(text(r)), " ")
		rows = append(rows, row)
		for _, a := range all(r, "a") {
			links[text(a)] = attr(a, "href")
		}
	}
	page := strings.Join(rows, "\n")
	for _, want := range []struct{ sentence, href string }{
		{"admin added the membership of Kenya in the Minamata Convention", "/countries/KE#memberships"},
		{"jo changed the source of the membership of Kenya in the Cartagena Protocol", "/countries/KE#memberships"},
		{"jo deleted the membership of Kenya in the Cartagena Protocol", "/countries/KE#memberships"},
		{"jo changed the email of Wanjiru Kamau, national focal point of Kenya for the Minamata Convention", "/countries/KE#focal-points"},
		{"jo changed the institution of the national coordination of Kenya by Chemicals and Waste Unit", "/countries/KE#coordination"},
		{"jo added the partnership arrangement of the Minamata Convention with iomc", "/organizations/iomc#arrangements"},
	} {
		if href, ok := links[want.sentence]; !ok || href != want.href {
			t.Errorf("audit page lacks %q linked to %s (got %q):\n%s", want.sentence, want.href, href, page)
		}
	}
	for _, want := range []string{
		"jo showed the contact details of the focal points of the Minamata Convention to anyone",
		"nfp@environment.example.org → focal@environment.example.org",
		"National Chemicals Management Committee → Chemicals and Waste Unit",
		"consent on", // a field named as people read it
		"jo deleted the centre Basel Convention Regional Centre for Training and Technology Transfer for the Caribbean",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("audit page lacks %q:\n%s", want, page)
		}
	}
	for _, not := range []string{": add ", ": delete ", ": update ", "ConsentOn", `{"`} {
		if strings.Contains(page, not) {
			t.Errorf("audit page holds %q, an entry not read into a sentence:\n%s", not, page)
		}
	}
}

// TestAuditRecordKinds: an entry of every kind of registry record, as
// the store writes it, reads as a sentence naming the record and linking
// where it is shown, none of them as the raw action.
func TestAuditRecordKinds(t *testing.T) {
	for _, tt := range []struct {
		e              accord.AuditEntry
		sentence, href string
	}{
		{accord.AuditEntry{Who: "jo", Action: "change meeting", Target: "meeting minamata-COP-7", Before: `{"city":"Geneva"}`, After: `{"city":"Bali"}`},
			"jo changed the city of the meeting minamata-COP-7", "/meetings/minamata-COP-7"},
		{accord.AuditEntry{Who: "jo", Action: "delete meeting", Target: "meeting minamata-COP-7", Before: `{"city":"Geneva"}`},
			"jo deleted the meeting minamata-COP-7", ""},
		{accord.AuditEntry{Who: "jo", Action: "add body", Target: "body minamata-OEWG", After: `{"instrument":"minamata","name":"Open-ended Working Group"}`},
			"jo added the body Open-ended Working Group", "/bodies?instrument=minamata"},
		{accord.AuditEntry{Who: "jo", Action: "add instrument", Target: "instrument bbnj", After: `{"short":"BBNJ","name":"BBNJ Agreement"}`},
			"jo added the instrument BBNJ Agreement", "/instruments/bbnj"},
		{accord.AuditEntry{Who: "jo", Action: "update organization", Target: "organization iomc", Before: `{"name":"IOMC"}`, After: `{"name":"Inter-Organization Programme"}`},
			"jo changed the name of the organization Inter-Organization Programme", "/organizations/iomc"},
		{accord.AuditEntry{Who: "jo", Action: "add centre", Target: "centre scrc-x", After: `{"Name":"Centre X","HostCountry":"PT"}`},
			"jo added the centre Centre X", "/centres/scrc-x"},
		{accord.AuditEntry{Who: "jo", Action: "withdraw contacts", Target: "focal points of basel"},
			"jo withdrew the contact details of the focal points of the Basel Convention from anonymous readers", ""},
	} {
		v := describeAudit(tt.e)
		if v.Sentence != tt.sentence || v.Href != tt.href {
			t.Errorf("describeAudit(%s %s) = %q linked to %q, want %q linked to %q", tt.e.Action, tt.e.Target, v.Sentence, v.Href, tt.sentence, tt.href)
		}
	}
}
