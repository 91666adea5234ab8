package search

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

func TestStem(t *testing.T) {
	// Porter's own examples, step by step and whole.
	tests := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor", "sing": "sing",
		"conflated": "conflat", "troubled": "troubl", "sized": "size", "hopping": "hop", "tanned": "tan",
		"falling": "fall", "hissing": "hiss", "fizzed": "fizz", "failing": "fail", "filing": "file",
		"happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit", "rational": "ration",
		"digitizer": "digit", "vietnamization": "vietnam", "predication": "predic", "operator": "oper",
		"feudalism": "feudal", "decisiveness": "decis", "hopefulness": "hope", "callousness": "callous",
		"formaliti": "formal", "sensitiviti": "sensit", "sensibiliti": "sensibl", "triplicate": "triplic",
		"formative": "form", "formalize": "formal", "electriciti": "electr", "electrical": "electr",
		"hopeful": "hope", "goodness": "good", "revival": "reviv", "allowance": "allow", "inference": "infer",
		"airliner": "airlin", "gyroscopic": "gyroscop", "adjustable": "adjust", "defensible": "defens",
		"irritant": "irrit", "replacement": "replac", "adjustment": "adjust", "dependent": "depend",
		"adoption": "adopt", "communism": "commun", "activate": "activ", "homologous": "homolog",
		"effective": "effect", "bowdlerize": "bowdler", "probate": "probat", "rate": "rate", "cease": "ceas",
		"controll": "control", "roll": "roll",
		// Words of decisions.
		"secretariat": "secretariat", "secretariats": "secretariat", "cooperation": "cooper", "requests": "request",
		"capacity": "capac", "parties": "parti", "mercury": "mercuri",
		// Too short or too long to stem; other letters are consonants.
		"is": "is", strings.Repeat("a", 65) + "s": strings.Repeat("a", 65) + "s",
	}
	for w, want := range tests {
		if got := Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
	// Words are folded before they are stemmed.
	if got := strings.Join(Tokens("Coopération, SECRETARIATS; naïve 3–7"), " "); got != "cooper secretariat naiv 3 7" {
		t.Errorf("Tokens = %q", got)
	}
}

func TestSnippet(t *testing.T) {
	terms := func(q string) []accord.SearchTerm { ts, _ := Parse(q); return ts }
	tests := []struct {
		text, query string
		n           int
		want        string
	}{
		{"Requests the Secretariat to report on cooperation.", "secretariats", 24,
			"Requests the \x02Secretariat\x03 to report on cooperation."},
		{"Invites Parties to cooperate with the Global Framework on Chemicals;", `"global framework" chemi*`, 24,
			"Invites Parties to cooperate with the \x02Global Framework\x03 on \x02Chemicals\x03;"},
		{"one two three four five six seven eight nine ten mercury eleven twelve thirteen fourteen", "mercury", 6,
			"… eight nine ten \x02mercury\x03 eleven twelve …"},
		{"Prie le Secrétariat de poursuivre la coopération", "secretariat cooperation", 24,
			"Prie le \x02Secrétariat\x03 de poursuivre la \x02coopération\x03"},
		{"mercury at the start, then words, words, words and more words", "mercury", 4,
			"\x02mercury\x03 at the start …"},
		{"No match here.", "zebra", 24, "No match here."},
	}
	for _, tt := range tests {
		if got := Snippet(tt.text, terms(tt.query), tt.n); got != tt.want {
			t.Errorf("Snippet(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
		}
	}
}

// FuzzSnippet checks that any text and query give a snippet that is the
// text, or a stretch of it, with marks around whole words only.
func FuzzSnippet(f *testing.F) {
	f.Add("Requests the Secretariat to report on cooperation.", "secretariats report*", 5)
	f.Add("Prie le Secrétariat de poursuivre la coopération", `"la coopération"`, 24)
	f.Add("x", "x", 1)
	f.Fuzz(func(t *testing.T, text, query string, n int) {
		terms, err := Parse(query)
		if err != nil || n < 1 || n > 1000 || !utf8.ValidString(text) {
			return
		}
		s := Snippet(text, terms, n)
		plain := strings.NewReplacer(MarkStart, "", MarkEnd, "").Replace(s)
		plain = strings.TrimSuffix(strings.TrimPrefix(plain, "… "), " …")
		if !strings.Contains(noMarks.Replace(text), plain) {
			t.Fatalf("Snippet(%q, %q, %d) = %q: not a stretch of the text", text, query, n, s)
		}
		if strings.Count(s, MarkStart) != strings.Count(s, MarkEnd) {
			t.Fatalf("Snippet(%q, %q, %d) = %q: unbalanced marks", text, query, n, s)
		}
	})
}
