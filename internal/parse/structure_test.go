package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	ds := parseAll(t, text)
	if len(ds) != 1 {
		t.Fatalf("Parse found %d decisions, want 1", len(ds))
	}
	return ds[0]
}

// parseAll parses text and checks that nothing of it is dropped.
func parseAll(t *testing.T, text string) []accord.Decision {
	t.Helper()
	checkNothingDropped(t, t.Name(), text)
	return Parse(text, Options{}).Decisions
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
		{"Recalling decision BC-17/4,1", "Recalling decision BC-17/4,"},
		{"no marker,", "no marker,"},
		{"General Assembly resolution 3337 (XXIX),/13", "General Assembly resolution 3337 (XXIX),"},
		{"Recalling decision 73 (IV);/2", "Recalling decision 73 (IV);"},
		{"document A/31/13", "document A/31/13"},
		{"a ratio of 3/13", "a ratio of 3/13"},
	} {
		if got := trimMarker(tt.in); got != tt.want {
			t.Errorf("trimMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPDFNoteZones reads two decisions as pdftotext prints them from a PDF
// laid out like a UN document (testdata/pdf/pdftotext-notes.html printed by
// chromium, read by pdftotext): the numbers of each page's footnotes in a
// block of their own with the page number among them, their texts below,
// numbered afresh in each decision; paragraph numbers on lines of their
// own; compounds whose line-end hyphen the reader dropped.
func TestPDFNoteZones(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "pdftotext-notes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkNothingDropped(t, "pdftotext-notes", string(b))
	ds := Parse(string(b), Options{}).Decisions
	if len(ds) != 2 {
		t.Fatalf("Parse found %d decisions, want 2", len(ds))
	}
	type note struct{ marker, attached, starts string }
	for _, tt := range []struct {
		symbol   string
		recitals int
		nums     []string
		notes    []note
		docs     []string
	}{
		{"MC-9/4", 2, []string{"1", "2", "3"},
			[]note{{"1", "formula", "The decisions of the ninth meeting"}, {"2", "preamble 1", "UNEP/MC/COP.7/Dec.7/3."},
				{"3", "preamble 2", "UNEP/MC/COP.9/8. The review"}, {"4", "2", "See also"}},
			[]string{"UNEP/MC/COP.9/21", "UNEP/MC/COP.7/Dec.7/3", "UNEP/MC/COP.9/8", "UNEP/MC/COP.9/INF/5"}},
		{"MC-9/5", 1, []string{"1", "2"},
			[]note{{"1", "preamble 1", "UNEP/MC/COP.8/Dec.8/9."}, {"2", "1", "See UNEP/CHW.17/INF/12."}},
			[]string{"UNEP/MC/COP.8/Dec.8/9", "UNEP/CHW.17/INF/12"}},
	} {
		var d accord.Decision
		for _, x := range ds {
			if x.Symbol == tt.symbol {
				d = x
			}
		}
		if d.Symbol == "" {
			t.Errorf("no decision %s", tt.symbol)
			continue
		}
		if len(d.Preamble) != tt.recitals {
			t.Errorf("%s: %d recitals, want %d", tt.symbol, len(d.Preamble), tt.recitals)
		}
		if got := numbers(d); !slices.Equal(got, tt.nums) {
			t.Errorf("%s: paragraphs %v, want %v", tt.symbol, got, tt.nums)
		}
		ok := len(d.Footnotes) == len(tt.notes)
		for i := 0; ok && i < len(tt.notes); i++ {
			f, n := d.Footnotes[i], tt.notes[i]
			ok = f.Marker == n.marker && f.Attached == n.attached && strings.HasPrefix(f.Text, n.starts)
		}
		if !ok {
			t.Errorf("%s: footnotes %+v, want %+v", tt.symbol, d.Footnotes, tt.notes)
		}
		if !slices.Equal(d.References.Documents, tt.docs) {
			t.Errorf("%s: documents %v, want %v", tt.symbol, d.References.Documents, tt.docs)
		}
	}
	all := strings.Join(Parse(string(b), Options{}).Elements(), "\n")
	for _, w := range []string{"support capacity-building and", "the long-term results", "the environmental benefits"} {
		if !strings.Contains(all, w) {
			t.Errorf("no %q in the parse", w)
		}
	}
}

// TestNoteZoneAlternating reads footnotes printed each number on its own
// line above its text, the page number last.
func TestNoteZoneAlternating(t *testing.T) {
	text := "Decision BC-18/7: Technical guidelines\n\nThe Conference of the Parties,\n\n" +
		"Recalling its decision BC-17/4,1\n\n1.\n\nAdopts the technical guidelines on plastic waste;2\n\n" +
		"2.\n\nRequests the Secretariat to make the guidelines\n\n1\n\nUNEP/CHW.17/28, annex I.\n\n2\n\n" +
		"UNEP/CHW.18/INF/7, prepared by the small intersessional working group with the support\nof the Secretariat.\n\n4\n\f" +
		"available on the website of the Convention.\n"
	d := parseOne(t, text)
	want := []accord.Footnote{
		{Marker: "1", Text: "UNEP/CHW.17/28, annex I.", Attached: "preamble 1"},
		{Marker: "2", Text: "UNEP/CHW.18/INF/7, prepared by the small intersessional working group with the support of the Secretariat.", Attached: "1"},
	}
	if !slices.Equal(d.Footnotes, want) {
		t.Errorf("footnotes\n got %+v\nwant %+v", d.Footnotes, want)
	}
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs %v, want %v", got, want)
	}
	if p := d.Paragraphs[1].Text; !strings.HasSuffix(p, "make the guidelines available on the website of the Convention.") {
		t.Errorf("paragraph 2 = %q, want it bridged over the page break", p)
	}
}

// TestCompoundHyphens holds that compounds keep their hyphen and broken
// words lose theirs, whether the PDF reader joined the line or left the
// hyphen at its end.
func TestCompoundHyphens(t *testing.T) {
	for _, tt := range []struct{ name, body, want string }{
		{"joined by the reader, known compound", "Requests the secretariat to support capacitybuilding in developing countries;",
			"support capacity-building in"},
		{"joined by the reader, compound written elsewhere", "Requests the secretariat to convene a pre-session meeting and to report on the presession consultations;",
			"on the pre-session consultations"},
		{"left at the line end, compound written elsewhere", "Requests the secretariat to prepare a pre-session document and to hold pre-\nsession consultations with the Parties;",
			"hold pre-session consultations"},
		{"left at the line end, word written elsewhere", "Requests the secretariat to report on the intersessional work and to plan the inter-\nsessional meetings of the group;",
			"plan the intersessional meetings"},
		{"the same word broken twice", "Invites multilateral banks, multi-\nlateral and bilateral agencies and other multila-\nteral funds to support the work;",
			"banks, multilateral and bilateral agencies and other multilateral funds"},
		{"a symbol after a line that wants one", "Takes note of the reports contained in documents UNEP/OzL.Pro.3/Bur/1/3 and\nUNEP/OzL.Pro.3/Bur/2/3.",
			"UNEP/OzL.Pro.3/Bur/1/3 and UNEP/OzL.Pro.3/Bur/2/3."},
		{"an address is left alone", "Invites Parties to use the portal at www.capacitybuilding.org and to share capacitybuilding experience;",
			"at www.capacitybuilding.org and to share capacity-building experience"},
		{"joined by the reader, compound number", "Decides to consider the matter at its thirtyfourth meeting and to review the fortyone reports;",
			"at its thirty-fourth meeting and to review the forty-one reports"},
		{"a solid word is left alone", "Notes the importance of policymaking and cooperation for the ozone layer;",
			"importance of policymaking and cooperation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "The Conference of the Parties,\n\n1. "+tt.body+"\n\n2. Invites Parties to submit their views.\n")
			if p := d.Paragraphs[0].Text; !strings.Contains(p, tt.want) {
				t.Errorf("paragraph 1 = %q, want %q in it", p, tt.want)
			}
		})
	}
}

// TestNumbersApart holds that paragraph numbers printed apart from their
// texts find them: two numbers in a row, and a number printed before the
// last line of the paragraph above.
func TestNumbersApart(t *testing.T) {
	for _, tt := range []struct{ name, ops string }{
		{"numbers in a row", "1.\n\n2.\n\nRequests the secretariat to cooperate with the Basel Convention secretariat on mercury waste;\n\n" +
			"Invites Parties to submit information to the secretariat;\n\n3.\n\nDecides to review the matter at its tenth meeting.\n"},
		{"number before the last line above", "1.\n\nRequests the secretariat to cooperate with the Basel Convention secretariat on\n\n2.\n\nmercury waste;\n\n" +
			"Invites Parties to submit information to the secretariat;\n\n3.\n\nDecides to review the matter at its tenth meeting.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "The Conference of the Parties,\n\nRecalling its decision MC-8/9,\n\n"+tt.ops)
			if got, want := numbers(d), []string{"1", "2", "3"}; !slices.Equal(got, want) {
				t.Fatalf("paragraphs %v, want %v", got, want)
			}
			for i, want := range []string{"Requests the secretariat to cooperate with the Basel Convention secretariat on mercury waste;",
				"Invites Parties to submit information to the secretariat;"} {
				if got := d.Paragraphs[i].Text; got != want {
					t.Errorf("paragraph %d = %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

// TestNumbersBeforeItems holds that a paragraph number a PDF reader
// printed out of its place around the items of the paragraph above
// finds its text: before the items ("5.", "(a) …", "(b) …", "Also
// requests …"), and after an item letter also printed apart ("(c)",
// "6.", "Prepare …", "Further requests …").
func TestNumbersBeforeItems(t *testing.T) {
	for _, tt := range []struct{ name, ops string }{
		{"number before the items", "4.\n\nRequests the committee to propose changes to:\n\n5.\n\n(a)\n\nIts rules of procedure;\n\n(b)\n\nIts terms of reference;\n\n" +
			"Also requests the committee to report on its work;\n\n6.\n\nInvites Parties to submit their views.\n"},
		{"number after an item letter", "4.\n\nRequests the committee to propose changes to:\n\n(a)\n\nIts rules of procedure;\n\n(b)\n\n5.\n\nReview its terms of reference;\n\n" +
			"Also requests the committee to report on its work;\n\n6.\n\nInvites Parties to submit their views.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, "The Conference of the Parties,\n\nRecalling its decision MC-8/9,\n\n"+tt.ops)
			if got, want := numbers(d), []string{"4", "5", "6"}; !slices.Equal(got, want) {
				t.Fatalf("paragraphs %v, want %v", got, want)
			}
			if p := d.Paragraphs[0]; len(p.Items) != 2 || !strings.HasPrefix(p.Items[1].Text, "Its terms") && !strings.HasPrefix(p.Items[1].Text, "Review its terms") {
				t.Errorf("paragraph 4 has items %+v, want (a) and (b)", p.Items)
			}
			if p := d.Paragraphs[1]; p.Phrase != "Also requests" {
				t.Errorf("paragraph 5 = %q, want it to open with \"Also requests\"", p.Text)
			}
		})
	}
}

// TestPDFPageBreak reads a decision that pdftotext printed from a PDF
// laid out like a UN document (testdata/pdf/pdftotext-pagebreak.html):
// a recital whose marker follows a symbol, a paragraph that runs over a
// page break (hyphen, footnotes, page number and running head between its
// halves), and a footnote number printed above the page number.
func TestPDFPageBreak(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "pdftotext-pagebreak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := parseOne(t, string(b))
	if len(d.Preamble) != 2 {
		t.Errorf("preamble = %+v, want 2 recitals", d.Preamble)
	}
	if got, want := numbers(d), []string{"1", "2", "3"}; !slices.Equal(got, want) {
		t.Fatalf("paragraphs %v, want %v", got, want)
	}
	if p := d.Paragraphs[1].Text; !strings.HasSuffix(p, "to report on the long-term use of the guidelines to the Conference of the Parties at its nineteenth meeting;") {
		t.Errorf("paragraph 2 = %q, want it whole", p)
	}
	var attached []string
	for _, f := range d.Footnotes {
		attached = append(attached, f.Marker+"→"+f.Attached)
	}
	if want := []string{"1→preamble 1", "2→1", "3→2"}; !slices.Equal(attached, want) {
		t.Errorf("footnotes %v, want %v", attached, want)
	}
	if want := []string{"UNEP/CHW.17/28", "UNEP/CHW.18/INF/7", "UNEP/CHW.18/INF/8"}; !slices.Equal(d.References.Documents, want) {
		t.Errorf("documents %v, want %v", d.References.Documents, want)
	}
}

// TestRenderedForms holds a few renderings of one invented decision to
// the parse of its plain form: a phrase that recurs as a wrapped line is
// no running head, verbs may be printed in lower case, the decision may
// come without formula, bullets may replace numbers.
func TestRenderedForms(t *testing.T) {
	plain := "Decision 7/4: Cooperation with regional centres\n\nThe Conference of the Parties,\n\n" +
		"Recalling its decision 6/2 on the regional centres,\n\n" +
		"1. Requests the secretariats of the Basel, Rotterdam and Stockholm Conventions to report on the centres;\n\n" +
		"2. Invites the secretariats of the Basel, Rotterdam and Stockholm Conventions to assist Parties;\n\n" +
		"3. Urges the secretariats of the Basel, Rotterdam and Stockholm Conventions to work together;\n"
	for _, tt := range []struct{ name, text string }{
		{"repeated wrapped line", strings.ReplaceAll(plain, "Stockholm Conventions to ", "Stockholm\nConventions to\n")},
		{"verbs in lower case", strings.NewReplacer("1. Requests", "1. requests", "2. Invites", "2. invites", "3. Urges", "3. urges").Replace(plain)},
		{"no formula", strings.Replace(plain, "The Conference of the Parties,\n\n", "", 1)},
		{"no heading and no formula", strings.Replace(plain, "Decision 7/4: Cooperation with regional centres\n\nThe Conference of the Parties,\n\n", "", 1)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := summarize(Parse(plain, Options{}).Decisions[0])
			d := parseOne(t, tt.text)
			got := summarize(d)
			if strings.HasPrefix(tt.name, "no heading") {
				want.Symbol = ""
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("parse differs (-plain +rendered):\n%s", diff)
			}
		})
	}
}

// TestEmptyNumberKept holds that a number without text keeps the
// numbering of what follows when no stray text shows that texts moved.
func TestEmptyNumberKept(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n\n1. Welcomes the report of the group;\n\n2.\n\n"+
		"3. Decides to continue the work;\n\n4. Requests the secretariat to report.\n")
	if got, want := numbers(d), []string{"1", "2", "3", "4"}; !slices.Equal(got, want) {
		t.Fatalf("paragraphs %v, want %v", got, want)
	}
	if d.Paragraphs[2].Phrase != "Decides" || d.Paragraphs[3].Phrase != "Requests" {
		t.Errorf("paragraphs 3 and 4 = %q, %q; want Decides, Requests", d.Paragraphs[2].Text, d.Paragraphs[3].Text)
	}
}

// TestRunningHeadUnpaged holds that in text copied without page breaks a
// short line that recurs beside page numbers is a running head, and one
// that recurs only inside sentences is text.
func TestRunningHeadUnpaged(t *testing.T) {
	var b strings.Builder
	b.WriteString("The Conference of the Parties,\n\nRecalling its decision 6/2,\n\n")
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&b, "%d. Requests the secretariats of the Basel, Rotterdam and Stockholm\nConventions to report on item %d to the Conference of the Parties at its\n", i, i)
		fmt.Fprintf(&b, "%d\nDecisions adopted at the seventh meeting\nseventh meeting;\n\n", i+1)
	}
	d := parseOne(t, b.String())
	if len(d.Paragraphs) != 4 {
		t.Fatalf("paragraphs = %+v, want 4", numbers(d))
	}
	for _, p := range d.Paragraphs {
		if !strings.Contains(p.Text, "Stockholm Conventions to report") || strings.Contains(p.Text, "Decisions adopted") {
			t.Errorf("paragraph %s = %q", p.Number, p.Text)
		}
	}
}

// TestAnnexChapeauItems holds that the items under an unnumbered
// paragraph of an annex are kept with the annex's text.
func TestAnnexChapeauItems(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties,\n\n1. Adopts the terms of reference set out in the annex to the present decision.\n\n"+
		"Annex\n\nTerms of reference\n\nThe group shall:\n\n(a) Advise Parties on reporting;\n\n(b) Review the guidelines every two years.\n")
	if len(d.Annexes) != 1 {
		t.Fatalf("annexes = %+v", d.Annexes)
	}
	text := strings.Join(d.Annexes[0].Text, "\n")
	for _, want := range []string{"The group shall:", "(a) Advise Parties on reporting;", "(b) Review the guidelines every two years."} {
		if !strings.Contains(text, want) {
			t.Errorf("annex text %q lacks %q", text, want)
		}
	}
}

// TestWebPageHeadings: a web page names a decision in a label line that
// opens with its meeting ("COP 3 Decision III/8"), or in a field after
// its label ("Decision number: XIII/5"); either is the decision's
// heading, its symbol the decision's own and no citation.
func TestWebPageHeadings(t *testing.T) {
	body := "The Conference of the Parties,\nRecalling decision II/4,\n1. Requests the Secretariat to report to the Conference of the Parties at its fourth meeting.\n"
	tests := []struct {
		name, heading, symbol string
	}{
		{"label line", "COP 3 Decision III/8\nTitle of the decision\n", "III/8"},
		{"label line of a CMA decision", "CMA 3 Decision 20/CMA.3\nTitle of the decision\n", "20/CMA.3"},
		{"label line with a dash", "MOP-13 Decision XIII/5\nTitle of the decision\n", "XIII/5"},
		{"field value", "Decision number: XIII/5\nTitle of the decision\n", "XIII/5"},
		{"field value, No.", "Decision No. 20/CMA.3\nTitle of the decision\n", "20/CMA.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Parse("Home › Decisions\n"+tt.heading+body, Options{}).Decisions
			if len(ds) != 1 {
				t.Fatalf("Parse found %d decisions, want 1", len(ds))
			}
			d := ds[0]
			if d.Symbol != tt.symbol || d.Title != "Title of the decision" {
				t.Errorf("Parse(%q): symbol %q, title %q; want %q, %q", tt.heading, d.Symbol, d.Title, tt.symbol, "Title of the decision")
			}
			var cited []string
			for _, r := range d.References.Decisions {
				cited = append(cited, r.Cited)
			}
			if diff := cmp.Diff([]string{"II/4"}, cited); diff != "" {
				t.Errorf("cited decisions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTableRows: a table listing decisions, copied from a web page, gives
// each decision a row of cells separated by tabs (symbol, title, text),
// without an enacting formula; each row is a decision with its symbol,
// its title and its text, and a row of other cells is left alone. The
// symbol cell may hold a symbol that heads a decision only on a line of
// its own (a CITES resolution, a HELCOM recommendation) or a bare one
// that reads as a heading only after a keyword ("40 COM 7B.12"); the
// row's recitals stay recitals.
func TestTableRows(t *testing.T) {
	text := "Symbol\tTitle\tText\n" +
		"20/CMA.3\tModalities of the public registry\tRecalling decision 5/CMA.1,\n" +
		"1. Requests the secretariat to finalize the registry by 1 June 2022;\n" +
		"2. Decides to conclude the matter.\n" +
		"Resolution Conf. 7.12 (Rev. CoP18)\tMarking requirements for trade in specimens\tAWARE that marking is one means of control;\n" +
		"RECOGNIZING the burden it places on Parties;\n" +
		"THE CONFERENCE OF THE PARTIES TO THE CONVENTION\n" +
		"RECOMMENDS that Parties mark the specimens they export.\n" +
		"HELCOM Recommendation 31E/4\tAdopted 4 March 2010\tRECALLING Article 13 of the Convention,\n" +
		"RECOMMENDS to the Governments of the Contracting Parties to report by 2012.\n" +
		"40 COM 7B.12\tSite under review\t1. Having examined Document WHC/16/40.COM/7B,\n" +
		"2. Urges the State Party to halt the works.\n" +
		"Decision IX/24\tGender Plan of Action\t\n" +
		"1. Welcomes the plan and invites Parties to support it.\n" +
		"1.\tThis row\tis not a decision\n"
	ds := Parse(text, Options{}).Decisions
	type got struct {
		Symbol, Title        string
		Preamble, Paragraphs int
	}
	var have []got
	for _, d := range ds {
		have = append(have, got{d.Symbol, d.Title, len(d.Preamble), len(d.Paragraphs)})
	}
	want := []got{
		{"20/CMA.3", "Modalities of the public registry", 1, 2},
		{"Resolution Conf. 7.12 (Rev. CoP18)", "Marking requirements for trade in specimens", 2, 1},
		{"HELCOM Recommendation 31E/4", "Adopted 4 March 2010", 1, 1},
		{"40 COM 7B.12", "Site under review", 1, 1},
		{"IX/24", "Gender Plan of Action", 0, 2},
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("Parse(table rows) (-want +got):\n%s", diff)
	}
	if len(ds) > 0 && len(ds[0].References.Decisions) != 1 {
		t.Errorf("first row cites %d decisions, want 1 (5/CMA.1)", len(ds[0].References.Decisions))
	}
	checkNothingDropped(t, "table rows", text)
}

// TestLowerCaseNumberedRecitals: numbered recitals under the formula,
// each ending on a comma, stay recitals when a page prints their opening
// words in lower case ("1. having examined …,"), as the operative verbs
// after them are.
func TestLowerCaseNumberedRecitals(t *testing.T) {
	text := "Decision 40 COM 7B.12\nSite under review\n\nThe World Heritage Committee,\n\n" +
		"1. having examined Document WHC/16/40.COM/7B,\n\n" +
		"2. recalling Decision 39 COM 7B.4 adopted at its 39th session (Bonn, 2015),\n\n" +
		"3. urges the State Party to halt the works;\n\n" +
		"4. requests the State Party to submit a report by 1 February 2017.\n"
	checkPreambleAndVerbs(t, text, 2, []string{"3 urges", "4 requests"})
}

// checkPreambleAndVerbs parses text as one decision and checks how many
// recitals its preamble has and its operative paragraphs, each as its
// number, if any, and its verb in lower case.
func checkPreambleAndVerbs(t *testing.T, text string, preamble int, want []string) {
	t.Helper()
	ds := Parse(text, Options{}).Decisions
	if len(ds) != 1 {
		t.Fatalf("Parse found %d decisions, want 1", len(ds))
	}
	var got []string
	for _, p := range ds[0].Paragraphs {
		got = append(got, strings.TrimSpace(p.Number+" "+strings.ToLower(p.Phrase)))
	}
	if n := len(ds[0].Preamble); n != preamble {
		t.Errorf("preamble has %d recitals, want %d", n, preamble)
	}
	if !cmp.Equal(got, want) {
		t.Errorf("operative paragraphs %q, want %q", got, want)
	}
}

// TestBulletedRecitalsWithoutFormula: a resolution with no enacting
// formula whose clauses are led by bullets keeps the clauses that open
// like recitals ("• FURTHER RECALLING …") in its preamble and the rest
// operative.
func TestBulletedRecitalsWithoutFormula(t *testing.T) {
	text := "Resolution VII.4: Partnerships with other conventions\n\n" +
		"• RECALLING Article 5 of the Convention on cooperation between Parties;\n\n" +
		"• FURTHER RECALLING Resolution VI.9 on cooperation with other bodies;\n\n" +
		"• CONVINCED that cooperation saves resources;\n\n" +
		"• URGES Contracting Parties to share their reports; and\n\n" +
		"• REQUESTS the Bureau to report to the next meeting.\n"
	checkPreambleAndVerbs(t, text, 3, []string{"urges", "requests"})
}

// TestCITESResolutionLabels: a web page that shows a CITES resolution's
// number in a label naming the meeting first, or as the value of a
// "Resolution number:" field, still gives the resolution its symbol.
func TestCITESResolutionLabels(t *testing.T) {
	body := "\nTrade in specimens of species listed in Appendix I\n\nRECOGNIZING the need for controls;\n\n" +
		"THE CONFERENCE OF THE PARTIES TO THE CONVENTION\n\nRECOMMENDS that Parties report the trade.\n"
	for _, tt := range []struct{ head, want string }{
		{"COP 18 Resolution Conf. 8.4 (Rev. CoP15)", "Resolution Conf. 8.4 (Rev. CoP15)"},
		{"Resolution number: Conf. 8.4", "Resolution Conf. 8.4"},
		{"Resolution No. Conf. 8.4", "Resolution Conf. 8.4"},
	} {
		ds := Parse(tt.head+"\n"+body, Options{}).Decisions
		if len(ds) != 1 {
			t.Errorf("%q: Parse found %d decisions, want 1", tt.head, len(ds))
			continue
		}
		if ds[0].Symbol != tt.want || ds[0].Kind != accord.KindResolution {
			t.Errorf("%q: symbol %q (%s), want %q (resolution)", tt.head, ds[0].Symbol, ds[0].Kind, tt.want)
		}
	}
}

// TestLeadFormulaAfterCutRecital: "NOW THEREFORE the Commission" opens
// the operative part even right below a recital whose text was cut short
// with no blank line between them: a lead in capitals continues no
// sentence.
func TestLeadFormulaAfterCutRecital(t *testing.T) {
	text := "Resolution 2003-2\nResolution on small cetaceans\n" +
		"WHEREAS the Scientific Committee reviews the status of small cetaceans,\n" +
		"NOTING the value of the work done by the Scientific Committee at this\n" +
		"NOW THEREFORE the Commission invites Contracting Governments to fund the work.\n"
	checkPreambleAndVerbs(t, text, 2, []string{"invites"})
}

// TestOneLineDecision: a decision printed on one line (a database record,
// a spreadsheet cell) has its heading, formula, recitals, paragraphs and
// run-in items ("a) … b) …", "(i) … (ii) …") read as on a page; a
// paragraph number that does not go on from the one before, or that no
// operative phrase follows, stays text.
func TestOneLineDecision(t *testing.T) {
	tests := []struct {
		name, text string
		preamble   int
		numbers    []string
		items      []int
	}{
		{
			"numbered, with items",
			"Decision 4/CP.27 Revision of the modalities The Conference of the Parties, Recalling decisions 1/CP.16 and 2/CP.17, " +
				"Noting the report of the secretariat, 1. Decides that the modalities shall continue to be used, as set out in paragraphs 3 and 4 of the annex; " +
				"2. Requests the Subsidiary Body for Implementation to: a) consider the review at its sixtieth session; " +
				"b) report on: (i) the experience of Parties; (ii) the lessons learned; c) make recommendations; " +
				"3. Also requests the secretariat to support the work. 9th plenary meeting 17 November 2022",
			2, []string{"1", "2", "3"}, []int{0, 3, 0},
		},
		{
			"formula without its comma, one paragraph",
			"Decision 7/CMP.12 Title of the decision The Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol " +
				"Recalling decision 22/CP.22, Endorses the arrangements set out in decision 22/CP.22, paragraphs 2 to 4, for the next sessions.",
			1, []string{""}, []int{0},
		},
		{
			"numbers and letters glued to their words",
			"The Conference of the Parties, Recalling the objective of the Rotterdam Convention, 1.Decides to establish an intersessional working group; " +
				"2.Requests the Secretariat to facilitate its work: (a)To review the cases; (b)To develop proposals; 3.Invites parties to nominate experts.",
			1, []string{"1", "2", "3"}, []int{0, 2, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Parse(tt.text, Options{}).Decisions
			if len(ds) != 1 {
				t.Fatalf("Parse found %d decisions, want 1", len(ds))
			}
			d := ds[0]
			var numbers []string
			var items []int
			for _, p := range d.Paragraphs {
				numbers = append(numbers, p.Number)
				items = append(items, len(p.Items))
			}
			if len(d.Preamble) != tt.preamble || !cmp.Equal(numbers, tt.numbers) || !cmp.Equal(items, tt.items) {
				t.Errorf("Parse(one line): preamble %d, numbers %q, items %v; want %d, %q, %v", len(d.Preamble), numbers, items, tt.preamble, tt.numbers, tt.items)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestLoneSymbol holds that a symbol printed alone on a line above a
// decision, as a web page's heading or a metadata field's value, is the
// decision's symbol, and that one alone inside an operative part is text.
func TestLoneSymbol(t *testing.T) {
	const body = "The Conference of the Parties,\n\nRecalling its earlier decisions on the matter,\n\n" +
		"1. Requests the secretariat to prepare a synthesis report;\n\n2. Invites Parties to submit views.\n"
	for _, tt := range []struct{ name, text, want string }{
		{"page heading", "Committee Decisions\n\n41 COM 7B.12\n\nState of conservation of the property\n\n" +
			"The World Heritage Committee,\n\n1. Having examined Document WHC/17/41.COM/7B,\n\n2. Requests the State Party to submit a report.\n", "41 COM 7B.12"},
		{"metadata field value", "Document type\nDecision\nReference number\nCOP4/7\nDate\nSep 27, 2014\n\n" + body, "COP4/7"},
		{"label and value apart", "Gender and land\n\nCCD\nDecision \n8/COP.14\n\nEvent \nCOP.14\n\n" + body, "8/COP.14"},
		{"no formula", "CCD\nDecision \n8/COP.14\n\nRecalling its earlier decisions on the matter,\n\n[...]\n\n" +
			"5. Requests the secretariat to prepare a synthesis report;\n", "8/COP.14"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if d.Symbol != tt.want {
				t.Errorf("Symbol = %q, want %q", d.Symbol, tt.want)
			}
			if len(d.Paragraphs) == 0 {
				t.Errorf("no operative paragraph found")
			}
		})
	}
	t.Run("inside the operative part", func(t *testing.T) {
		d := parseOne(t, "Decision 4/2: Review\n\n"+body+"\n3. Decides to consider the matter together with decision\nIX/24\nat its next meeting.\n")
		if d.Symbol != "4/2" || !slices.Equal(numbers(d), []string{"1", "2", "3"}) {
			t.Errorf("Parse = %q %q, want 4/2 [1 2 3]", d.Symbol, numbers(d))
		}
	})
}

// TestNumberedRecitalSemicolon holds that a numbered recital after the
// formula may end on a semicolon, as the World Heritage Committee prints
// some.
func TestNumberedRecitalSemicolon(t *testing.T) {
	d := parseOne(t, "The World Heritage Committee,\n\n1. Having examined Document WHC-11/35.COM/8B,\n\n"+
		"2. Recalling Decision 31 COM 10 adopted at its 31st session (Christchurch, 2007);\n\n"+
		"3. Decides to examine two complete nominations per State Party per year.\n")
	if len(d.Preamble) != 2 || !slices.Equal(numbers(d), []string{"3"}) {
		t.Errorf("Parse = %d recitals, paragraphs %q; want 2, [3]", len(d.Preamble), numbers(d))
	}
}

// TestSymbolFromSurroundings holds that a decision printed without a
// heading of the usual form finds its symbol where its page prints it: in
// the heading of its own annex, after its keyword with the meeting that
// adopted it, with the keyword as printed.
func TestSymbolFromSurroundings(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"own annex", "The Conference of the Parties,\n\n1. Adopts the work programme set out in the annex to the present decision;\n\n" +
			"2. Requests the Secretariat to report on its implementation.\n\nAnnex to decision BC-14/21\n\nWork programme\n", "BC-14/21"},
		{"own annex glued to its title", "The Conference of the Parties\n1.Adopts the work programme set out in the annex;\n" +
			"2.Elects the following representatives:\nRapporteur:Ms. A. Example (Chile)\nAnnex to decision RC-9/11Work programme for 2020–2021\n", "RC-9/11"},
		{"adopting meeting after the symbol", "Decision III/7 of the Third Meeting of the Parties (Cavtat, 2004)\n\nThe Meeting,\n\n" +
			"Recalling decision II/3,\n\n1. Requests the secretariat to prepare guidance.\n", "III/7"},
		{"keyword as printed", "Resolution Conf. 9.12\n\nRECALLING Resolution Conf. 4.6,\n\nTHE CONFERENCE OF THE PARTIES TO THE CONVENTION\n\n" +
			"URGES the Parties to report annually.\n", "Resolution Conf. 9.12"},
		{"board decision of two meetings", "B.03‐05/02: Arrangements for the next meetings\n\nThe Board:\n\n1. Took note of document GCF/B.03‐05/02;\n\n" +
			"2. Requested the Secretariat to circulate the calendar.\n", "B.03-05/02"},
		{"board decision between meetings", "B.BM-2021/04: Decision of the Board on the calendar\n\nThe Board, having considered document GCF/BM-2021/02:\n\n" +
			"Approves the calendar of meetings for 2022.\n", "B.BM-2021/04"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if d.Symbol != tt.want {
				t.Errorf("Symbol = %q, want %q", d.Symbol, tt.want)
			}
		})
	}
	t.Run("another decision's annex cited", func(t *testing.T) {
		d := parseOne(t, "The Conference of the Parties,\n\n1. Adopts the guidance set out in annex I to decision BC-14/21;\n")
		if d.Symbol != "" {
			t.Errorf("Symbol = %q, want none", d.Symbol)
		}
	})
}

// TestPastTenseVerbs holds that a board's decision told in the past tense
// has its verbs as written, and that a recital's past participle is none.
func TestPastTenseVerbs(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Took note of the information presented in the document;", "Took note"},
		{"Requested the Board members to submit comments;", "Requested"},
		{"Also agreed to consider the matter at its next meeting.", "Also agreed"},
		{"Encouraged by the progress made, decides to continue the work.", "decides"},
	} {
		p, ok := pastPhrase(tt.text)
		if !ok {
			p, ok = openingPhrase(tt.text, phraseOptions{numbered: true})
		}
		if !ok || p.Text != tt.want {
			t.Errorf("phrase of %q = %q, %v; want %q", tt.text, p.Text, ok, tt.want)
		}
	}
}

// TestDirectedTo holds that CITES decisions are read in the forms its
// pages print them: a "Directed to" label with its value on its line, the
// number after the title and again before the paragraph, a paragraph that
// opens with neither verb nor addressee, a page that gives only the
// paragraph and a breadcrumb trail naming the decision.
func TestDirectedTo(t *testing.T) {
	t.Run("label with value, numbers around", func(t *testing.T) {
		d := parseOne(t, "Conservation of and trade in the helmeted hornbill 17.244\n\n\nDirected to the Secretariat\n"+
			"17.244 The Secretariat shall:\n  a)  invite range States to report;\n  b)  report to the Standing Committee.\n")
		if d.Symbol != "Decision 17.244" || len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
			t.Errorf("Parse = %q %d paragraphs; want Decision 17.244 with one paragraph of two items", d.Symbol, len(d.Paragraphs))
		}
	})
	t.Run("paragraph opening with a clause", func(t *testing.T) {
		text := "19.40 - 19.41 Guidance on the Appendices\n\nDecision directed to:\n" +
			"Based on its experience, in consideration of document CoP19 Doc. 12, the Secretariat shall:\n" +
			"a) develop guidance;\nb) publish it.\nDecision directed to:\nStanding Committee\nThe Standing Committee shall review the guidance.\n"
		ds := parseAll(t, text)
		if len(ds) != 2 || len(ds[0].Paragraphs) != 1 || len(ds[0].Paragraphs[0].Items) != 2 || len(ds[1].Paragraphs) != 1 {
			t.Fatalf("Parse = %d decisions, want 2: one paragraph of two items, then one paragraph", len(ds))
		}
	})
	t.Run("paragraph and trail only", func(t *testing.T) {
		d := parseOne(t, "The Animals Committee shall review the report and make recommendations at the 21st meeting of the Conference of the Parties.\n"+
			"- Home\n- Documents\n- Decisions\n- 18.92 (Rev. CoP19)")
		if d.Symbol != "Decision 18.92 (Rev. CoP19)" || len(d.Paragraphs) != 1 {
			t.Errorf("Parse = %q %d paragraphs; want Decision 18.92 (Rev. CoP19) with one", d.Symbol, len(d.Paragraphs))
		}
	})
	t.Run("no request, no decision", func(t *testing.T) {
		if ds := Parse("The meeting was opened at 10 a.m.\n- Home\n- About\n", Options{}).Decisions; len(ds) != 0 {
			t.Errorf("Parse found %d decisions, want none", len(ds))
		}
	})
}

// TestReportedPageWhole holds that decisions a committee reports in the
// past tense are read whole: each told by a verb of the house style, the
// body named in full or by its acronym, a second report after a list a
// paragraph of its own.
func TestReportedPageWhole(t *testing.T) {
	text := "Decisions of the Meeting\n\nAgenda item 4: Secretary General\n\n" +
		"Decision SC51-1: The Standing Committee determined to extend the contract of the Secretary General.\n\n" +
		"Agenda item 5: Panel members\n\nDecision SC51-2: The Standing Committee agreed to invite the following experts to the Panel:\n\n" +
		"Africa: Dr A. Example (Kenya)\nAsia: Dr B. Example (Japan)\n\n" +
		"The SC selected Dr B. Example to serve as Chair of the Panel.\n"
	ds := parseAll(t, text)
	var got []string
	for _, d := range ds {
		var verbs []string
		for _, p := range d.Paragraphs {
			verbs = append(verbs, p.Phrase)
		}
		got = append(got, d.Symbol+" "+strings.Join(verbs, ","))
	}
	want := []string{"SC51-1 determined", "SC51-2 agreed,selected"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

// TestBoardReport holds that a board's report of its meeting gives one
// decision per numbered paragraph that reports what the board decided,
// each named by the symbol printed in brackets after it, and that a
// note telling what a group recommended gives none.
func TestBoardReport(t *testing.T) {
	text := "DECISIONS OF THE THIRTIETH MEETING\nOF THE ADAPTATION FUND BOARD\nAgenda Item 3: Election of officers\n1.\n" +
		"The Adaptation Fund Board decided to elect:\n(a) Ms. A. Example (Chile) as Chair;\n(b) Mr. B. Example (Fiji) as Vice-Chair.\n" +
		"(Decision B.30/1)\nAgenda Item 4: Report of the secretariat\n2.\n" +
		"Having considered the report of the secretariat, the Adaptation Fund Board took note of the report and decided to:\n" +
		"(a) Request the secretariat to report at its next meeting;\n(b) Approve the work plan.\n(Decision B.30/2)\n"
	ds := parseAll(t, text)
	var got []string
	for _, d := range ds {
		for _, p := range d.Paragraphs {
			got = append(got, fmt.Sprintf("%s %s %s %d", d.Symbol, p.Number, p.Phrase, len(p.Items)))
		}
	}
	want := []string{"B.30/1 1 decided 2", "B.30/2 2 decided 2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	note := "Note by the secretariat\n\n1. The secretariat has the honour to circulate the report.\n\n" +
		"2. The Working Group recommended, among other things:\n\n(a) That Parties report;\n"
	if ds := Parse(note, Options{}).Decisions; len(ds) != 0 {
		t.Errorf("Parse(note) found %d decisions, want none", len(ds))
	}
}

// TestNumberAloneThenText holds that a CMS decision headed by its number
// alone has the text below as its paragraph, however that text opens.
func TestNumberAloneThenText(t *testing.T) {
	text := "Decisions 14.7 to 14.8 - Flyways\n14.7\nBy its 15th meeting, the Scientific Council should:\n" +
		"a) review the flyway programme;\nb) report to the Standing Committee.\n14.8\nThe Secretariat shall:\na) publish the review.\n"
	ds := parseAll(t, text)
	if len(ds) != 2 || len(ds[0].Paragraphs) != 1 || len(ds[0].Paragraphs[0].Items) != 2 || ds[0].Symbol != "Decision 14.7" {
		t.Fatalf("Parse = %d decisions; want Decision 14.7 with one paragraph of two items, then Decision 14.8", len(ds))
	}
}

// TestPreambleAndOperativeInOneSentence holds that a decision whose
// preamble and operative part are one sentence has one recital and one
// paragraph, and that a recital ending on a comma stays one.
func TestPreambleAndOperativeInOneSentence(t *testing.T) {
	d := parseOne(t, "The Conference of the Parties\n"+
		"Recalling paragraph 4 of decision COP4/16 and noting that nothing has changed since, decides to review the matter at its next meeting.\n")
	if len(d.Preamble) != 1 || len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "decides" {
		t.Errorf("Parse = %d recitals, %d paragraphs; want 1 and 1 opening with \"decides\"", len(d.Preamble), len(d.Paragraphs))
	}
	d = parseOne(t, "The Conference of the Parties,\n\nNoting the report, decides nothing of its own,\n\n1. Requests the secretariat to report.\n")
	if len(d.Preamble) != 1 || !slices.Equal(numbers(d), []string{"1"}) {
		t.Errorf("Parse = %d recitals, paragraphs %q; want 1, [1]", len(d.Preamble), numbers(d))
	}
}

// TestNumberedAfresh holds that numbers starting afresh right under a
// chapeau are its items, that numbers starting afresh after a quoted
// form's title are no paragraphs, and that an enacting formula naming a
// body no house style knows opens a decision.
func TestNumberedAfresh(t *testing.T) {
	d := parseOne(t, "Recalling its resolution 3337 (XXIX),\n\n1.Urges Member States to cooperate;\n\n"+
		"2.Requests the Secretary-General to invite:\n\n  1. All States to participate in the Conference;\n\n"+
		"  2. Representatives of organizations to participate as observers;\n\n3.Decides to review the matter.\n")
	if !slices.Equal(numbers(d), []string{"1", "2", "3"}) || len(d.Paragraphs[1].Items) != 2 {
		t.Errorf("Parse = paragraphs %q; want [1 2 3], two items under 2", numbers(d))
	}
	d = parseOne(t, "The Regional Centre,\n1. Having examined the documents,\n"+
		"2. Invites the States Parties to use the following format for their reports:\n"+
		"Format for preparing a State Party's report\n1. Response to the decision, paragraph by paragraph\n"+
		"2. Other current conservation issues\n")
	if len(d.Preamble) != 1 || !slices.Equal(numbers(d), []string{"2"}) || len(d.Paragraphs[0].Items) != 0 {
		t.Errorf("Parse = %d recitals, paragraphs %q; want 1, [2] without items", len(d.Preamble), numbers(d))
	}
}

// TestBulletItems holds that bullets under an unnumbered paragraph's
// chapeau are its items, siblings of each other, whether the chapeau ends
// on a colon or names whom it asks and the bullets say what.
func TestBulletItems(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"colon", "Decision II/9: Working group\n\nThe Second Meeting of the Parties decided in Dec. II/9 to establish a working group inter alia to:\n" +
			"- review the reports of the panels;\n- prepare draft proposals for amendments.\n"},
		{"infinitive bullets", "Resolution 2001-4\n\nWITH DUE REGARD to Article V of the Convention;\n\nNOW THEREFORE THE COMMISSION:\n" +
			"INVITES member governments directly affected\n- to submit information to the Secretariat;\n\n- to encourage other agencies to act;\n\n" +
			"REQUESTS further collaboration on this matter.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := parseOne(t, tt.text)
			if len(d.Paragraphs) == 0 || len(d.Paragraphs[0].Items) != 2 {
				t.Fatalf("Parse = %d paragraphs; want the first with two items", len(d.Paragraphs))
			}
			for _, it := range d.Paragraphs[0].Items {
				if len(it.Items) != 0 {
					t.Errorf("item %q holds items; want siblings", it.Text)
				}
			}
		})
	}
	if _, ok := opensRecital("WITH DUE REGARD to Article V,"); !ok {
		t.Errorf("opensRecital(WITH DUE REGARD …) = false, want true")
	}
	if _, ok := opensRecital("With a view to enabling Parties, requests"); ok {
		t.Errorf("opensRecital(With a view …) = true, want false")
	}
}

// TestNumberedClauseThenVerb holds that a numbered paragraph that opens
// with a participial clause and goes on to its verb is operative, not a
// recital, whether it ends on a full stop or a semicolon.
func TestNumberedClauseThenVerb(t *testing.T) {
	for _, end := range []string{".", ";"} {
		d := parseOne(t, "The Conference of the Parties,\n\n1. Noting the report of the Committee, decides to consider the matter at its next session"+end+"\n")
		if len(d.Preamble) != 0 || !slices.Equal(numbers(d), []string{"1"}) {
			t.Errorf("Parse(… %q) = %d recitals, paragraphs %q; want 0, [1]", end, len(d.Preamble), numbers(d))
		}
	}
}

// TestPDFLinesWithoutBlanks holds that a decision whose paragraphs a PDF
// reader gives back without blank lines between them reads as it does
// with them: quoted text after a colon is a block of its own, and a
// line that a wrap ends on "and" goes on into the next even when that
// one opens with a participle.
func TestPDFLinesWithoutBlanks(t *testing.T) {
	quoted := "Decision IV/9: Terms of office of the Bureau\n" +
		"The Fourth Meeting of the Parties decided in Dec. IV/9 to amend paragraph 2 of rule 21 of the rules\n" +
		"of procedure by the following text:\n" +
		"\"2. The officers shall hold office until their successors are elected and shall be eligible for\n" +
		"re-election for one further term.\".\n"
	d := parseOne(t, quoted)
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Phrase != "to amend" || !strings.Contains(d.Paragraphs[0].Text, "\"2. The officers shall hold office") {
		t.Errorf("quoted text after a reported decision: paragraphs %+v", d.Paragraphs)
	}
	conjunction := "The Conference of the Parties, in Decision III/2 of its Third Meeting, decided to note the report of\n" +
		"the second meeting of the panel on soil research and\n" +
		"Monitoring Network Report No. 7 and, in accordance with the advice of that meeting:\n" +
		"1. To request the secretariat to publish the report;\n" +
		"2. To invite the Parties to comment on it.\n"
	d = parseOne(t, conjunction)
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) || !strings.HasSuffix(d.Formula, "advice of that meeting:") {
		t.Errorf("formula %q, paragraphs %v; want the formula whole and paragraphs %v", d.Formula, got, want)
	}
}

// TestDashedCapsRecitals holds that recitals and paragraphs each opened by
// a dash and words in capitals, none ending in a mark and printed without
// blank lines between them, are one each.
func TestDashedCapsRecitals(t *testing.T) {
	text := "The Regional Fisheries Commission\n" +
		"- MINDFUL of the decline of some stocks of demersal fish in the northern part of the\n" +
		"convention area\n" +
		"- CONSCIOUS of the rights of coastal states under the law of the sea\n" +
		"- IN AN EFFORT to find a common approach to the management of shared stocks\n" +
		"- DECIDES to establish a working group on shared stocks\n" +
		"- REQUESTS the working group to report at the next annual meeting\n"
	d := parseOne(t, text)
	if len(d.Preamble) != 3 || len(d.Paragraphs) != 2 {
		t.Errorf("%d recitals and %d paragraphs, want 3 and 2: %+v", len(d.Preamble), len(d.Paragraphs), d.Preamble)
	}
	// two recitals run together on one line, with their dash or without
	// it (a PDF reader dropped it at a line's end); capitals of a name
	// open none
	for _, joint := range []string{" - ", " "} {
		runIn := strings.Replace(text, "convention area\n- CONSCIOUS", "convention area"+joint+"CONSCIOUS", 1)
		runIn = strings.Replace(runIn, "coastal states", "coastal states and of the FAO SECRETARIAT", 1)
		d := parseOne(t, runIn)
		if len(d.Preamble) != 3 || !strings.HasPrefix(d.Preamble[1].Text, strings.TrimSpace(joint+"CONSCIOUS of the rights")) {
			t.Errorf("joint %q: recitals %+v, want 3, the second opening with CONSCIOUS", joint, d.Preamble)
		}
	}
}

// TestReportAfterList holds that a body's report of a decision opens a
// paragraph of its own below a list that ends in no mark, though no blank
// line sets it apart, and that a report told of within a sentence does
// not.
func TestReportAfterList(t *testing.T) {
	text := "Decision SC12-2: The Standing Committee agreed to invite the following experts to the Panel:\n" +
		"Africa: Dr Ama Mensah (Ghana), Prof Kofi Boateng (Ghana) and Dr Amina Yusuf (Nigeria)\n" +
		"Asia: Dr Li Wei (China), Prof Ravi Menon (India), and Dr Aiko Tanaka (Japan)\n" +
		"Europe: Dr Bojan Novak (Slovenia), Prof Ingrid Larsen (Norway) and Dr Jan de Vries\n" +
		"(Netherlands)\n" +
		"Neotropics: Dr Lucia Herrera (Colombia) and Prof Diego Morales (Chile)\n" +
		"Oceania: Dr Sarah Cole (New Zealand)\n" +
		"The SC selected Dr Bojan Novak to serve as Chair of the Panel.\n"
	d := parseOne(t, text)
	if len(d.Paragraphs) != 2 || d.Paragraphs[1].Phrase != "selected" {
		t.Errorf("paragraphs %+v, want the report of the selection apart", d.Paragraphs)
	}
	told := "Decision SC12-3: The Standing Committee agreed, noting that\n" +
		"The Standing Committee selected the Chair of the Panel at its last meeting, to keep the list.\n"
	if d := parseOne(t, told); len(d.Paragraphs) != 1 {
		t.Errorf("paragraphs %+v, want one", d.Paragraphs)
	}
}

// TestExtractWithoutBlanks holds that an extract of a decision printed
// without blank lines reads as with them: a label of a few words above
// the first recital ends before it, and the mark of text left out
// ("[...]") stands apart, the numbered paragraph after it opening anew.
// The recital wraps: no line of it ends on its comma.
func TestExtractWithoutBlanks(t *testing.T) {
	text := "Decision 7/COP.9\n" +
		"Drought preparedness\n" +
		"Topic\n" +
		"Drought reference\n" +
		"Recalling its decision 29/COP.8 on drought preparedness and the work done by the\n" +
		"secretariat since,\n" +
		"[...]\n" +
		"6. Requests the secretariat to report on the drought toolbox at the next session.\n"
	d := parseOne(t, text)
	if len(d.Preamble) != 1 || !strings.HasPrefix(d.Preamble[0].Text, "Recalling its decision") {
		t.Errorf("recitals %+v, want one opening with Recalling", d.Preamble)
	}
	if got := numbers(d); !slices.Equal(got, []string{"6"}) {
		t.Errorf("paragraphs %v, want [6]", got)
	}
}

// TestQuotedParagraphsGoOn holds that the numbered paragraphs of a
// decision quoted in an operative paragraph ("which provides as follows:
// “1. …") go on with the quotation below a blank line, until it closes.
func TestQuotedParagraphsGoOn(t *testing.T) {
	text := "The Conference of the Parties,\n\n" +
		"1. Endorses decision 4/MOP.2 of the meeting of the Parties, which provides as follows:\n" +
		"“1. Welcomes the report of the compliance committee;\n\n" +
		"“2. Decides to review the procedures at its fourth meeting (June 2027);\n\n" +
		"“3. Requests the secretariat to support the committee.”;\n\n" +
		"2. Requests the secretariat to report on the matter.\n"
	d := parseOne(t, text)
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
		t.Fatalf("paragraphs %v, want %v", got, want)
	}
	if p := d.Paragraphs[0].Text; !strings.Contains(p, "at its fourth meeting (June 2027)") || !strings.Contains(p, "“3. Requests") {
		t.Errorf("paragraph 1 = %q, want the quoted paragraphs in it", p)
	}
	if len(d.Unclassified) != 0 {
		t.Errorf("unclassified %q, want none", d.Unclassified)
	}
}

// TestAnnexHeadingMarked holds that an annex heading carrying the marker
// of a footnote on the annex as a whole ("Annex II*") still ends the
// operative part, and that a number a conversion left alone above the
// heading numbers no paragraph and takes no heading for its text.
func TestAnnexHeadingMarked(t *testing.T) {
	for _, tc := range []struct{ name, stray string }{
		{"marked heading", ""},
		{"stray number above it", "4.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "The Meeting of the Parties,\n\n" +
				"1. Takes note of the summary of the assessment of the working group;\n" +
				"2. Requests the working group to update the summary before the next meeting.\n" + tc.stray +
				"Annex II*\nSummary of the assessment of the working group\n" +
				"1. The group met three times during the intersessional period.\n" +
				"2. The group heard experts from all regions.\n"
			d := parseOne(t, text)
			if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
				t.Errorf("paragraphs = %v, want %v", got, want)
			}
			if len(d.Annexes) != 1 || d.Annexes[0].Heading != "Annex II*" {
				t.Errorf("annexes = %+v, want one headed \"Annex II*\"", d.Annexes)
			}
			checkNothingDropped(t, tc.name, text)
		})
	}
}

// TestOneLineLostFirstItem holds that on one line the items of a list
// whose first letter the source lost (": b) …; c) …") are still cut at
// their letters, as they are on lines of their own.
func TestOneLineLostFirstItem(t *testing.T) {
	line := "The Meeting of the Parties, Recalling its earlier guidance on the registry, 1. Requests the secretariat to prepare " +
		"a paper on the registry, covering: b) The transfer of units held in closed accounts; c) The time during which " +
		"holders may still act on their accounts; 2. Decides to consider the paper at its next session."
	if got := splitOneLine(line); !linesOpen(got, "The Meeting", "Recalling", "1. Requests", "b) The transfer", "c) The time", "2. Decides") {
		t.Errorf("splitOneLine cut a list without its first item as %q", got)
	}
}

// TestOneLineNoteRuns holds that the footnotes of a page copied onto one
// line with it are cut onto lines of their own, in the text where the
// page ended and after the plenary stamp, and read as footnotes: the
// recital after them stays a recital, the documents they cite are cited,
// and a number in a sentence or a date after the stamp is no footnote.
func TestOneLineNoteRuns(t *testing.T) {
	line := "Decision 4/CP.40 Work of the expert group The Conference of the Parties, Recalling decisions 3/CP.38 and 2/CP.39, " +
		"Having considered the report of the expert group on its work in 2040,1 Noting the views of Parties on the work of the group,2 " +
		"1 ABC/SBI/2040/7 and ABC/SBI/2040/9. 2 See the event held with the group (for information, see https://example.org/group/event_SB60). " +
		"Recognizing the need for Article 4 The Parties shall to be read in full, " +
		"1. Welcomes the work of the group under its terms of reference;3 2. Requests the group to report on its work at its next session. " +
		"7th plenary meeting 12 November 2040 3 ABC/SBI/2040/11, paras. 4–9."
	want := []string{"Decision 4/CP.40", "The Conference", "Recalling", "Having considered", "Noting", "",
		"1 ABC/SBI/2040/7", "2 See the event", "", "Recognizing the need for Article 4 The Parties", "1. Welcomes", "2. Requests",
		"7th plenary meeting 12 November 2040", "", "3 ABC/SBI/2040/11, paras. 4–9."}
	got := splitOneLine(line)
	if !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut footnotes run in as %q", got)
	}
	d := parseOne(t, line)
	if len(d.Preamble) != 4 || len(d.Paragraphs) != 2 {
		t.Errorf("%d recitals and %d paragraphs, want 4 and 2", len(d.Preamble), len(d.Paragraphs))
	}
	if want := []string{"ABC/SBI/2040/7", "ABC/SBI/2040/9", "ABC/SBI/2040/11"}; !slices.Equal(d.References.Documents, want) {
		t.Errorf("documents = %q, want %q", d.References.Documents, want)
	}
	checkNothingDropped(t, "one line with footnotes", line)
}

// TestOneLineQuotedParagraphs holds that on one line the paragraphs of a
// decision quoted in a paragraph ("provides as follows: “1. …") are cut
// at their numbers in their own sequence, each opening its items anew,
// and that an item's letter right after a footnote's last number ("para.
// 4. c) …") is still cut.
func TestOneLineQuotedParagraphs(t *testing.T) {
	line := "The Conference of the Parties, 1. Endorses decision 3/CMA.9, on the review of the network,1 which provides as follows: " +
		"“1. Welcomes: a) The report of the network; b) The work of its advisory board; " +
		"“2. Decides that the network is to: a) Support the Parties that ask for assistance; b) Report on its work each year; " +
		"1 ABC/SB/2040/3, para. 4. c) Publish what it learns on its website; “3. Requests the secretariat to support the network.”; " +
		"2. Decides to review the network at its next session."
	want := []string{"The Conference", "1. Endorses", "“1. Welcomes:", "a) The report", "b) The work", "“2. Decides", "a) Support",
		"b) Report", "", "1 ABC/SB/2040/3, para. 4.", "c) Publish", "“3. Requests", "2. Decides"}
	if got := splitOneLine(line); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut quoted paragraphs as %q", got)
	}
}

// TestOneLineNumberedRecitals holds the rules of a one-line decision
// whose body numbers its recitals in the sequence of its paragraphs and
// names itself in no formula the grammar knows: the run opens at its
// paragraph 1, a list a paragraph sets out behind round bullets after its
// colon is cut at each bullet, and the letters of a text with its own
// numbering quoted in a paragraph are no items of the paragraph.
func TestOneLineNumberedRecitals(t *testing.T) {
	line := "Decision : 12 COM 4.5 Review of reports Heritage Board, 1. Having examined Document HB-40/12.COM/4, " +
		"2. Recalling Decision 11 COM 4.2, adopted at its 11th session, 3. Notes with satisfaction the reports on the following " +
		"sites : • Old Harbour (Norway) • Stone Town (Kenya) • Upper Valley (Chile) 4. Invites the States Parties to use " +
		"the following form for their reports: Form for a report (agreed in 2040) 1. Measures taken by the State Party a) Measures " +
		"in reply to the Decision b) Progress towards its aims 2. Other issues 5. Requests the States Parties to report by 1 February 2041."
	want := []string{"Decision : 12 COM 4.5", "1. Having examined", "2. Recalling", "3. Notes",
		"• Old Harbour", "• Stone Town", "• Upper Valley", "4. Invites", "5. Requests"}
	if got := splitOneLine(line); !linesOpen(got, want...) {
		t.Errorf("splitOneLine cut numbered recitals as %q", got)
	}
	d := parseOne(t, line)
	if got, want := numbers(d), []string{"3", "4", "5"}; len(d.Preamble) != 2 || !slices.Equal(got, want) {
		t.Fatalf("%d recitals, paragraphs %v; want 2 and %v", len(d.Preamble), got, want)
	}
	if len(d.Paragraphs[0].Items) != 3 || len(d.Paragraphs[1].Items) != 0 {
		t.Errorf("items %d and %d, want 3 and 0", len(d.Paragraphs[0].Items), len(d.Paragraphs[1].Items))
	}
}

// TestRepeatedNumberInTable holds that a number repeating the last
// paragraph's, below a table row's text that ended no sentence, numbers a
// row of the table, not a paragraph: a PDF reader sets it apart from its
// text, which goes on with it.
func TestRepeatedNumberInTable(t *testing.T) {
	text := "The Conference of the Parties\n" +
		"1. Adopts the work plan set out below;\n" +
		"2. Elects the members of the bureau listed below:\n" +
		"TopicActivityPriority\n" +
		"A. Training1. Provide courses to the regional centres.High\n" +
		"2.\n\n" +
		"Prepare a handbook for the regional centres.Medium\n"
	d := parseOne(t, text)
	if got, want := numbers(d), []string{"1", "2"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs = %v, want %v", got, want)
	}
	if last := d.Paragraphs[len(d.Paragraphs)-1].Text; !strings.Contains(last, "Prepare a handbook") {
		t.Errorf("paragraph 2 = %q, want the row's text in it", last)
	}
	checkNothingDropped(t, "a repeated number in a table", text)
}
