package web

import (
	"context"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

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
	token, hash, _ := auth.New(accord.TokenTTL)
	st.AddUser(ctx, accord.User{Name: "root", Role: accord.RoleAdmin}, hash)
	admin := client(t)
	signInWith(t, admin, srv, token, "")
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
