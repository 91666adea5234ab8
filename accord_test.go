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

// TestParagraphVerbJSON: "verb" is the phrase as written and "lemma" the
// verb in the JSON a paragraph is written as; bodies stored before, with
// "phrase" for the phrase and "verb" for the lemma, read the same.
func TestParagraphVerbJSON(t *testing.T) {
	p := Paragraph{Number: "1", Path: "1", Phrase: "Also requests", Verb: "request",
		Items: []Paragraph{{Number: "a", Path: "1(a)", Phrase: "To invite", Verb: "invite"}}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["verb"] != "Also requests" || m["lemma"] != "request" || m["phrase"] != nil {
		t.Errorf("json.Marshal(%+v) = %s", p, b)
	}
	for _, in := range []string{string(b),
		`{"number":"1","path":"1","phrase":"Also requests","verb":"request","items":[{"number":"a","path":"1(a)","phrase":"To invite","verb":"invite"}]}`} {
		var got Paragraph
		if err := json.Unmarshal([]byte(in), &got); err != nil {
			t.Fatal(err)
		}
		if got.Phrase != "Also requests" || got.Verb != "request" || len(got.Items) != 1 || got.Items[0].Phrase != "To invite" || got.Items[0].Verb != "invite" {
			t.Errorf("json.Unmarshal(%s) = %+v", in, got)
		}
	}
}
