package parse

import (
	"slices"
	"testing"
)

// TestClauseOpenerInAnyCase holds that the clause a numbered paragraph
// puts before its verb is read whatever the case of its first word: in
// lower case on a page that so prints every paragraph's first word, in
// capitals on one that so prints it, never in lower case without a
// number.
func TestClauseOpenerInAnyCase(t *testing.T) {
	for _, text := range []string{
		"with a view to helping the Committee in its review, requests the Secretariat to prepare a note",
		"WITH a view to helping the Committee in its review, requests the Secretariat to prepare a note",
		"having heard the report of the Treasurer, approves the accounts of the biennium",
		"PURSUANT to article 12 of the Agreement, invites the Parties to report",
	} {
		if _, ok := openingPhrase(text, phraseOptions{numbered: true}); !ok {
			t.Errorf("openingPhrase(%q, numbered) found none", text)
		}
	}
	if _, ok := openingPhrase("with a view to helping the Committee, requests the Secretariat to act", phraseOptions{}); ok {
		t.Errorf("openingPhrase(clause in lower case, unnumbered) found one, want none")
	}
	checkPreambleAndVerbs(t, "The Assembly of the Parties,\n\n1. recalling its resolution 4/2;\n\n"+
		"2. having heard the report of the Treasurer, approves the accounts of the biennium;\n\n"+
		"3. with a view to a prompt review, requests the Bureau to meet before the next session.\n",
		1, []string{"2 approves", "3 requests"})
}

// TestBulletsForNumbers holds that bullets set where the numbers of a
// decision's paragraphs stood lead the same paragraphs: a bullet opening
// an operative verb in the third person is a paragraph of its own, among
// numbered paragraphs or after a list of names, and bullets alone make a
// decision printed with neither heading nor formula.
func TestBulletsForNumbers(t *testing.T) {
	checkPreambleAndVerbs(t, "The Assembly of the Parties,\n\n1. Welcomes the report of the Bureau;\n\n"+
		"• Notes the progress made in the review of the budget lines;\n\n2. Requests the Treasurer to report.\n",
		0, []string{"1 welcomes", "notes", "2 requests"})
	checkPreambleAndVerbs(t, "The Assembly of the Parties,\n\n• Having heard the Treasurer,\n\n"+
		"• Thanks the following hosts of the regional workshops:\n\n  • Lake Lodge (Freedonia)\n  • River Hall (Sylvania)\n\n"+
		"• Urges the Parties to pay their contributions in time.\n", 1, []string{"thanks", "urges"})
	d := parseOne(t, "Review of the rules\n12 March 2031\n"+
		"• Expresses its thanks to the Bureau for its report on the rules;\n"+
		"• Requests the Secretary to circulate the revised rules to all members;\n"+
		"• Decides to review the rules again at its next session.\n")
	if got := phrases(d); !slices.Equal(got, []string{"Expresses its thanks", "Requests", "Decides"}) {
		t.Errorf("Parse(bulleted decision) = phrases %q, want three", got)
	}
	// a chapeau's bulleted items that name no verb stay its items
	d = parseOne(t, "The Assembly of the Parties,\n\n1. Elects the following members of the Bureau:\n\n• Ms. A (Freedonia)\n• Mr. B (Sylvania)\n\n2. Requests the Bureau to meet.\n")
	if len(d.Paragraphs) != 2 || len(d.Paragraphs[0].Items) != 2 {
		t.Errorf("Parse(chapeau with bullets) = %d paragraphs; want 2, the first with two sibling items", len(d.Paragraphs))
	}
}

// TestBulletThenRunInNumber holds that a bullet set where a page's first
// number stood, on a line that runs the paragraphs in, is cut at the next
// number as "1." would be.
func TestBulletThenRunInNumber(t *testing.T) {
	d := parseOne(t, "Text\n• Decides to defer the matter to its next session; 2. Requests the Secretary to prepare a note on it.\n")
	if got := phrases(d); !slices.Equal(got, []string{"Decides", "Requests"}) {
		t.Errorf("Parse = phrases %q, want [Decides Requests]", got)
	}
}

// TestNamedFormulaOverLeadMarks holds that a formula naming a body no
// house style knows is read above recitals led by a bullet or by a number
// with the recital's first word in lower case.
func TestNamedFormulaOverLeadMarks(t *testing.T) {
	for _, lead := range []string{"• Having", "1. having"} {
		checkPreambleAndVerbs(t, "The Watershed Forum,\n"+lead+" considered the report of the Chair,\n"+
			"• Invites the members to send their views to the Chair.\n", 1, []string{"invites"})
	}
}

// TestQuotedFormUnderBullets holds that a form quoted below a bulleted
// paragraph, its title going on from the chapeau, is no operative part,
// its own bullets and letters included.
func TestQuotedFormUnderBullets(t *testing.T) {
	d := parseOne(t, "The Regional Board,\n• Invites the members to report in the following form:\n"+
		"Form for the report of a member\n(Name of the member)\n• Reply to the Board's request\n"+
		"a) Measures taken\nb) Measures planned\nIn all cases:\n• Other matters\n")
	if len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 0 || len(d.Annexes) != 1 {
		t.Errorf("Parse = %d paragraphs, %d annexes; want one paragraph without items, the form apart", len(d.Paragraphs), len(d.Annexes))
	}
}

// TestListAfterBracket holds that a line ending on a bracket is followed
// by a new block when a "1." or a bullet sign opens the next line,
// whatever the case of its first word, while a "1." in lower case after
// another line goes on with it.
func TestListAfterBracket(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Name of the member (Identification number)\n1. reply to the request of the Board", 2},
		{"Old Town (Freedonia)\n• River Hall (Sylvania)", 2},
		{"as set out in the annex to\n1. reply to the request of the Board", 1},
	} {
		if got := len(blocks(extract(splitLines(Normalize(tt.text))).body)); got != tt.want {
			t.Errorf("blocks(%q) = %d blocks, want %d", tt.text, got, tt.want)
		}
	}
}

// TestRecitalNoTitle holds that a block opening with a word only
// recitals open with is a recital, not the title, of a decision printed
// without its formula, even when a line the page set below it ran on.
func TestRecitalNoTitle(t *testing.T) {
	d := parseOne(t, "Decision 7/12\n\nRecalling its decision 6/3,\nStatus Members Observers\n1. Requests the Bureau to report.\n")
	if d.Title != "" || len(d.Preamble) != 1 {
		t.Errorf("Parse = title %q, %d recitals; want no title, one recital", d.Title, len(d.Preamble))
	}
}
