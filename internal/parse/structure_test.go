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

// TestPreambleEnds holds that the first and last recitals survive an
// enacting formula that wraps or carries a footnote marker, and a last
// recital whose marker hides its comma from what follows.
func TestPreambleEnds(t *testing.T) {
	const recitals = "Recalling its decision MC-4/3 on the thresholds for mercury waste adopted at its\nfourth meeting,\n" +
		"Noting the report of the group of technical experts,\n"
	const ops = "1. Decides to continue the work on thresholds for mercury waste;\n" +
		"2. Requests the secretariat to report on the work to the Conference of the Parties at\nits seventh meeting.\n"
	for _, tt := range []struct {
		name, text   string
		wantRecitals int
		wantNums     []string
		wantNote     string // where footnote 1 is attached
	}{
		{"formula wrapped", "The Conference of the Parties to the Minamata\nConvention on Mercury,\n" + recitals + ops, 2, []string{"1", "2"}, ""},
		{"formula with a marker", "The Conference of the Parties,1\n" + recitals + ops + "1 Decisions of the sixth meeting: UNEP/MC/COP.6/12.\n", 2, []string{"1", "2"}, "formula"},
		{"wrapped formula with a marker", "The Conference of the Parties to the Minamata\nConvention on Mercury,1\n" + recitals + ops + "1 See UNEP/MC/COP.6/12.\n", 2, []string{"1", "2"}, "formula"},
		{"last recital with a marker before a verb", "The Conference of the Parties,\n" + recitals +
			"Welcoming the contributions of Parties to the work of the group,1\nDecides to continue the work on thresholds for mercury\nwaste.\n" +
			"1 UNEP/MC/COP.6/INF/9.\n", 3, []string{""}, "preamble 3"},
		{"last recital with a marker before a heading", "The Conference of the Parties,\n" + recitals +
			"Welcoming the contributions of Parties to the work of the group,1\nI. Thresholds\n" + ops +
			"1 UNEP/MC/COP.6/INF/9.\n", 3, []string{"1", "2"}, "preamble 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if len(d.Preamble) != tt.wantRecitals {
				t.Errorf("preamble = %d recitals, want %d (formula %q): %+v", len(d.Preamble), tt.wantRecitals, d.Formula, d.Preamble)
			}
			if got := numbers(d); !slices.Equal(got, tt.wantNums) {
				t.Errorf("paragraphs = %v, want %v", got, tt.wantNums)
			}
			if n := len(d.Preamble); n > 0 && !strings.HasSuffix(d.Preamble[n-1].Text, ",") {
				t.Errorf("last recital = %q, want it to end where it ends", d.Preamble[n-1].Text)
			}
			if tt.wantNote != "" && (len(d.Footnotes) != 1 || d.Footnotes[0].Attached != tt.wantNote) {
				t.Errorf("footnotes = %+v, want one attached to %s", d.Footnotes, tt.wantNote)
			}
			if tt.wantNote != "" && len(d.References.Documents) != 1 {
				t.Errorf("documents = %v, want the one in the footnote", d.References.Documents)
			}
		})
	}
}

func TestTrimMarker(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The Conference of the Parties,1", "The Conference of the Parties,"},
		{"of the group;12", "of the group;"},
		{"at its sixth meeting.¹", "at its sixth meeting."},
		{"the Convention”,3", "the Convention”,"},
		{"document UNEP/CHW.16/INF/3/Rev.1", "document UNEP/CHW.16/INF/3/Rev.1"},
		{"see para.2", "see para.2"},
		{"in its decision COP.6", "in its decision COP.6"},
		{"a total of 1,000", "a total of 1,000"},
		{"no marker,", "no marker,"},
	} {
		if got := trimMarker(tt.in); got != tt.want {
			t.Errorf("trimMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
