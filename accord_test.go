package accord

import (
	"encoding/json"
	"testing"
	"time"
)

func TestAnonymous(t *testing.T) {
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	m := Mandate{
		Notes:    "2025-03-01 jane.doe: Draft sent.\nSecond line: kept as written.\n2025-04-02 Omar Haddad: Done.",
		History:  []Change{{At: at, Who: "jane.doe", Field: "status", From: "open", To: "completed"}},
		Evidence: []Evidence{{Kind: "url", Ref: "https://example.org", Who: "Omar Haddad"}},
	}
	got := m.Anonymous()
	want := "2025-03-01 secretariat staff: Draft sent.\nSecond line: kept as written.\n2025-04-02 secretariat staff: Done."
	if got.Notes != want {
		t.Errorf("Anonymous().Notes = %q, want %q", got.Notes, want)
	}
	if got.History[0].Who != Staff || got.Evidence[0].Who != Staff || got.History[0].To != "completed" {
		t.Errorf("Anonymous() history %+v, evidence %+v", got.History, got.Evidence)
	}
	if m.History[0].Who != "jane.doe" || m.Evidence[0].Who != "Omar Haddad" {
		t.Errorf("Anonymous changed the mandate it was called on: %+v", m)
	}
}

func TestValidWho(t *testing.T) {
	for who, want := range map[string]bool{"jane": true, "Omar Haddad": true, "": true, "a:b": false, "a\nb": false, "tab\tname": false} {
		if got := ValidWho(who); got != want {
			t.Errorf("ValidWho(%q) = %v, want %v", who, got, want)
		}
	}
}

// TestMandateVerbJSON: in a mandate's JSON "verb" is the phrase as
// written, as in the paragraphs of "accord parse --format json", and
// "lemma" the normalized verb.
func TestMandateVerbJSON(t *testing.T) {
	m := Mandate{Path: "5", Verb: "request", Phrase: "Also requests"}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got["verb"] != "Also requests" || got["lemma"] != "request" || got["phrase"] != nil {
		t.Errorf("json.Marshal(%+v) = %s", m, b)
	}
}
