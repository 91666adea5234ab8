package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// numbers returns the numbers of a decision's top-level paragraphs.
func numbers(d accord.Decision) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Number)
	}
	return out
}

// parseOne parses text that holds one decision and checks that nothing of
// it is dropped.
func parseOne(t *testing.T, text string) accord.Decision {
	t.Helper()
	checkNothingDropped(t, t.Name(), text)
	ds := Parse(text, Options{}).Decisions
	if len(ds) != 1 {
		t.Fatalf("Parse found %d decisions, want 1", len(ds))
	}
	return ds[0]
}

// TestWrappedAnnexWord holds that a wrapped line opening with a word that
// can head an annex ("annex", "Appendix", "Annex I to decision …") but
// going on with the sentence above does not end the operative part.
func TestWrappedAnnexWord(t *testing.T) {
	const head = "Decision 5/9: Guidance on the remediation of contaminated sites\n\n" +
		"The Conference of the Parties,\n\nRecalling its decision 3/2,\n\n"
	const tail = "2. Requests the secretariat to revise the guidance in the light of the comments\n" +
		"received and to make it available by 31 March 2027;\n\n" +
		"3. Invites Parties and other stakeholders to submit to the secretariat their views on the\n" +
		"revised guidance by 30 June 2027;\n\n" +
		"4. Also requests the secretariat to report on the progress made to the Conference of\n" +
		"the Parties at its sixth meeting.\n"
	for _, tt := range []struct{ name, line string }{
		{"lower-case annex mid-sentence", "annex to the note by the secretariat and in"},
		{"annex and a reference", "annex I to decision 3/2;"},
		{"capital Annex and a reference", "Annex I to decision 3/2, and requests Parties to use it;"},
		{"appendix", "Appendix II to the note by the secretariat;"},
		{"annex alone", "Annex"},
		{"annex with a number alone", "ANNEX II"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := head + "1. Welcomes the draft technical guidance on sampling and analysis set out in\n" +
				tt.line + "\n\n" + tail
			d := parseOne(t, text)
			if got, want := numbers(d), []string{"1", "2", "3", "4"}; !slices.Equal(got, want) {
				t.Errorf("paragraphs = %v, want %v (annexes %+v)", got, want, d.Annexes)
			}
			if len(d.Annexes) != 0 {
				t.Errorf("annexes = %+v, want none", d.Annexes)
			}
			if p := d.Paragraphs[0].Text; !strings.HasSuffix(p, tt.line) {
				t.Errorf("paragraph 1 = %q, want it to end with the wrapped line", p)
			}
		})
	}
}

// TestRealAnnexStillEnds holds that an annex heading standing alone ends
// the operative part, and its paragraphs numbered afresh are the annex's.
func TestRealAnnexStillEnds(t *testing.T) {
	text := "The Conference of the Parties,\n\n" +
		"1. Adopts the terms of reference of the expert group set out in the annex to the\npresent decision;\n\n" +
		"2. Requests the secretariat to convene the group before the sixth meeting.\n\n" +
		"Annex\n\nTerms of reference of the expert group\n\n" +
		"1. The group shall consist of fifteen experts.\n\n2. The group shall meet once a year.\n"
	d := parseOne(t, text)
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs = %v, want %v", got, want)
	}
	if len(d.Annexes) != 1 || len(d.Annexes[0].Paragraphs) != 2 {
		t.Errorf("annexes = %+v, want one with two paragraphs", d.Annexes)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", d.Warnings)
	}
}

// TestAnnexResumedNumbering holds that numbered paragraphs after an
// "annex" heading that carry on the numbering of the operative part stay
// operative, and the decision says it read them so.
func TestAnnexResumedNumbering(t *testing.T) {
	text := "The Conference of the Parties,\n\n" +
		"1. Welcomes the guidance set out in the note by the secretariat.\n\n" +
		"Annex I\n\n" +
		"2. Requests the secretariat to prepare a revised draft by 31 March 2027;\n\n" +
		"3. Invites Parties to submit comments on the revised draft.\n"
	d := parseOne(t, text)
	if got, want := numbers(d), []string{"1", "2", "3"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs = %v, want %v", got, want)
	}
	if len(d.Annexes) != 0 {
		t.Errorf("annexes = %+v, want none", d.Annexes)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], `paragraph 2`) || !strings.Contains(d.Warnings[0], `"Annex I"`) {
		t.Errorf("warnings = %q, want one naming paragraph 2 and the heading", d.Warnings)
	}
}
