package parse

import (
	"strings"
	"testing"
)

// A decision that a database printed on one line and a reader wrapped at
// 50 columns, a word broken with a hyphen, reads as the line it was.
func TestUnwrapRunIn(t *testing.T) {
	wrapped := strings.Join([]string{
		"Decision 4/2 Cooperation with neighbouring bodies",
		"The Meeting of the Parties, Recalling its decision",
		"3/7 on joint work with the regional seas conven-",
		"tions, Noting the report of the secretariat on its",
		"contacts, 1. Welcomes the offers of cooperation",
		"received; 2. Requests the secretariat to report at",
		"the fifth meeting.",
	}, "\n")
	want := []string{
		"Decision 4/2 Cooperation with neighbouring bodies",
		"The Meeting of the Parties,",
		"Recalling its decision 3/7 on joint work with the regional seas conventions,",
		"Noting the report of the secretariat on its contacts,",
		"1. Welcomes the offers of cooperation received;",
		"2. Requests the secretariat to report at the fifth meeting.",
	}
	if got := strings.Split(unwrapRunIn(wrapped), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("unwrapRunIn:\n got %q\nwant %q", got, want)
	}
}

// Lines that break where the next word would have fitted are a page's
// own lines, and recitals wrapped without a formula are left to the
// blocks: neither is joined.
func TestUnwrapRunInLeavesPages(t *testing.T) {
	for _, text := range []string{
		strings.Join([]string{
			"The Meeting of the Parties,",
			"1. Welcomes the offers of cooperation received from the",
			"regional seas conventions and from other partners;",
			"2. Requests the secretariat to report at the fifth meeting.",
		}, "\n"),
		strings.Join([]string{
			"Noting with appreciation the contributions of Parties and",
			"observers, including members of the Alliance on Education,",
			"Training and Public Awareness, to the work undertaken to date,",
			"Recognizing the importance of a long-term, strategic approach,",
		}, "\n"),
	} {
		if got := unwrapRunIn(text); got != text {
			t.Errorf("unwrapRunIn changed a page:\n%s\ninto\n%s", text, got)
		}
	}
}

// A preamble of numbered recitals run together and wrapped, with no
// formula, is cut at its numbers as the line it was.
func TestUnwrapRunInNumberedRecitals(t *testing.T) {
	wrapped := strings.Join([]string{
		"Regional Strategy for the Marine Environment Preamble 1. RECALLING",
		"the Convention for the Protection of the Marine Environment; 2.",
		"BEARING IN MIND that the ecosystem approach is to guide the work of",
		"the Commission; 3. RECOGNISING the role of the Contracting Parties;",
		"4. AGREE to the following.",
	}, "\n")
	got := strings.Split(unwrapRunIn(wrapped), "\n")
	if len(got) != 4 || !strings.HasPrefix(got[1], "1. RECALLING the Convention") ||
		!strings.HasPrefix(got[2], "2. BEARING IN MIND") || !strings.HasPrefix(got[3], "3. RECOGNISING") {
		t.Errorf("unwrapRunIn: got %q", got)
	}
}

// Recitals run together on one long line and wrapped are cut at their
// openers when most open inside a wrapped line; recitals that each open a
// line of their own stay the page's own lines.
func TestUnwrapRunInRecitalOpeners(t *testing.T) {
	runIn := strings.Join([]string{
		"Cooperation with other bodies Recalling its earlier resolutions on",
		"cooperation, Noting the reports received from the secretariats of",
		"the conventions, Welcoming the joint work of the secretariats on",
		"common issues, Stressing the value of such work for all Parties,",
		"Convinced of the need to continue it,",
	}, "\n")
	got := strings.Split(unwrapRunIn(runIn), "\n")
	if !linesOpen(got, "Cooperation with other bodies", "Recalling its", "Noting the reports", "Welcoming the joint", "Stressing the value", "Convinced of") {
		t.Errorf("unwrapRunIn cut recitals run in as %q", got)
	}
	ownLines := strings.Join([]string{
		"Recalling its earlier resolutions on joint work, Training and the",
		"exchange of experts among the secretariats of all the conventions,",
		"Noting with appreciation the reports received from the secretariats,",
		"Welcoming the joint work of the secretariats on their common issues,",
		"Stressing the value of such work for all Parties and for observers,",
	}, "\n")
	if got := unwrapRunIn(ownLines); got != ownLines {
		t.Errorf("unwrapRunIn cut recitals on their own lines into\n%s", got)
	}
}

// A line that holds a formula and the recitals that follow it, with the
// paragraphs on later lines or pages, is cut into its formula and
// recitals; one that holds fewer recitals is left whole.
func TestOneLineFormulaWithoutParagraphs(t *testing.T) {
	l := "Decision 4/2 Cooperation with other bodies The Meeting of the Parties, Having considered the report of the secretariat, " +
		"Recalling its decision 3/7 on joint work, Noting the offers of cooperation received, Aware of the need for common action,"
	got := splitOneLine(l)
	if !linesOpen(got, "Decision 4/2 Cooperation with other bodies", "The Meeting of the Parties,", "Having considered", "Recalling its", "Noting the", "Aware of") {
		t.Errorf("splitOneLine cut a formula and its recitals as %q", got)
	}
	short := "The Meeting of the Parties, Having considered the report of the secretariat on its contacts with the other conventions " +
		"and with the regional bodies, Recalling its decision 3/7,"
	if got := splitOneLine(short); got != nil {
		t.Errorf("splitOneLine cut two recitals without a paragraph: %q", got)
	}
}

// linesOpen reports whether lines are as many as openings, each opening
// with its own.
func linesOpen(lines []string, openings ...string) bool {
	if len(lines) != len(openings) {
		return false
	}
	for i, o := range openings {
		if !strings.HasPrefix(lines[i], o) {
			return false
		}
	}
	return true
}

// A record run in on one long line and printed to PDF in a proportional
// font comes back from the PDF's reader in lines of uneven length, one of
// them twice as long where the reader joined a line ending in a hyphen
// to the next: it reads as the line it was all the same.
func TestUnwrapRunInProportional(t *testing.T) {
	wrapped := strings.Join([]string{
		"Record type Decision Reference number RC-2/4 Date May 3, 2021 Source Regional Seas",
		"Programme Status Active Subject Marine pollution Keyword Cooperation Meeting Second meeting",
		"of the Parties to the Regional Convention Summary The Meeting of the Parties: Recalling",
		"Article 12 of the Convention on cooperation with other bodies in the region; Aware of the cost",
		"of joint work and of the tools that other bodies already hold for it; Noting with interest the",
		"offers of cooperation received from the secretariats of the other conventions and their longstanding partners of the Convention; Hereby: 1. Encourages the secretariat to establish a",
		"close working relation with the secretariats of the neighbouring conventions and to report on",
		"it at the third meeting; 2. Invites the Parties to share the lessons learned from such",
		"cooperation with the secretariat before the end of the year; 3. Requests the secretariat to",
		"prepare a joint work plan with the other secretariats for the consideration of the Parties.",
	}, "\n")
	got := strings.Split(unwrapRunIn(wrapped), "\n")
	if !linesOpen(got, "Record type Decision", "The Meeting of the Parties:", "Recalling Article 12", "Aware of the cost",
		"Noting with interest", "1. Encourages", "2. Invites", "3. Requests") {
		t.Errorf("unwrapRunIn cut a record printed in a proportional font as %q", got)
	}
	// A web page's menu lines around a decision held on one line longer
	// than two of them: the long line is no join of a reader's.
	page := strings.Join([]string{
		"English | Français | Español | Português",
		"Skip to main content",
		"Home › Meetings › Second meeting of the Parties",
		"Printer-friendly version of this decision",
		"Share this page",
		"Topics: Marine pollution, Cooperation, Regional seas",
		"Full text",
		"The Meeting of the Parties: Recalling Article 12 of the Convention; Noting the offers of cooperation " +
			"received; 1. Encourages the secretariat to establish a close working relation with the secretariats " +
			"of the neighbouring conventions; 2. Requests the secretariat to report at the third meeting.",
		"<< previous decision | next decision >>",
		"© Secretariat of the Regional Convention",
		"Terms of use | Contact the secretariat",
	}, "\n")
	if got := unwrapRunIn(page); got != page {
		t.Errorf("unwrapRunIn read a web page as wrapped:\n%s", got)
	}
}
