package parse

import (
	"strings"
	"testing"
)

// shape is what TestHouseStyleFormulas checks of a parse: the symbol, the
// number of recitals and the numbers of the operative paragraphs.
func shape(d Document) []string {
	var out []string
	for _, dec := range d.Decisions {
		var nums []string
		for _, p := range dec.Paragraphs {
			nums = append(nums, p.Number+":"+p.Phrase)
		}
		out = append(out, dec.Symbol+"|"+itoa(len(dec.Preamble))+"|"+strings.Join(nums, ","))
	}
	return out
}

func itoa(n int) string { return string(rune('0' + n%10)) }

// TestHouseStyleFormulas: decisions whose enacting formula names a body
// beyond the conferences and meetings of parties (a fund's board, IPBES's
// plenary, a UNECE executive body, UNEP's governing council), and boards'
// decisions headed by their own symbols, are found.
func TestHouseStyleFormulas(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"board", "Decision B.14/3\n\nThe Board,\n\nHaving considered the recommendation of the Ethics and Finance Committee,\n\n" +
			"1. Approves the revised budget of the secretariat for the fiscal year;\n\n2. Requests the secretariat to report on its execution at the next meeting.\n",
			[]string{"B.14/3|1|1:Approves,2:Requests"}},
		{"plenary", "Work programme of the Platform\n\nThe Plenary,\n\nWelcoming the report of the Executive Secretary,\n\n" +
			"Decides to continue the assessment of invasive species and invites members to nominate experts.\n",
			[]string{"|1|:Decides"}},
		{"executive body", "Decision 2019/4\n\nThe Executive Body,\n\nRecalling its decision on the review of the Protocol,\n\n" +
			"1. Adopts the workplan for the coming biennium;\n\n2. Urges Parties to ratify the amended Protocol.\n",
			[]string{"2019/4|1|1:Adopts,2:Urges"}},
		{"governing council", "Decision 25/3\n\nThe Governing Council,\n\nNoting the report of the Executive Director,\n\n" +
			"1. Requests the Executive Director to strengthen the scientific base of the programme;\n\n2. Invites Governments to contribute.\n",
			[]string{"25/3|1|1:Requests,2:Invites"}},
		{"two boards", "Decision B.9/1\n\nThe Board,\n\n1. Approves the agenda of the meeting.\n\n" +
			"Decision B.9/2\n\nThe Board,\n\n1. Decides to hold its next meeting in Bonn.\n",
			[]string{"B.9/1|0|1:Approves", "B.9/2|0|1:Decides"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestHouseStylesTable: every row names its family, a body or heading, and
// says how the family writes its recitals and numbers its paragraphs; the
// patterns built from the table compile and match what each row names.
func TestHouseStylesTable(t *testing.T) {
	for _, s := range houseStyles {
		if s.family == "" || len(s.bodies)+len(s.headings) == 0 || s.recitals == "" || s.numbering == "" {
			t.Errorf("row %q is incomplete", s.family)
		}
		for _, b := range s.bodies {
			if f := "The " + b + ","; !isFormula(f) {
				t.Errorf("%s: %q is not a formula", s.family, f)
			}
			if f := "THE " + strings.ToUpper(b) + ":"; !isFormula(f) {
				t.Errorf("%s: %q is not a formula", s.family, f)
			}
		}
	}
}

// TestNumberedRecitals: a committee that numbers its recitals with its
// operative paragraphs ("1. Having examined …,", "2. Recalling …,", "3.
// Takes note …") has a preamble of two, whether or not the formula opens
// with "The"; and World Heritage symbols ("Decision : 41 COM 7B.12") head
// the decision.
func TestNumberedRecitals(t *testing.T) {
	body := "1. Having examined Document WHC/17/41.COM/7B,\n\n" +
		"2. Recalling Decision 39 COM 7B.12, adopted at its 39th session (Bonn, 2015),\n\n" +
		"3. Welcomes the progress made by the State Party in the restoration of the property;\n\n" +
		"4. Requests the State Party to submit an updated report on the state of conservation of the property by 1 December 2018.\n"
	for _, tt := range []struct {
		name, text, want string
	}{
		{"formula", "Decision 41 COM 7B.12\n\nThe World Heritage Committee,\n\n" + body, "41 COM 7B.12|2|3:Welcomes,4:Requests"},
		{"formula without The", "Decision : 41 COM 7 B.12\nOld Town of Exampleville\n\nWorld Heritage Committee,\n\n" + body, "41 COM 7 B.12|2|3:Welcomes,4:Requests"},
		{"carpathian", "Decision COP5/3\n\nThe Conference of the Parties,\n\n1. Recalling its decision COP4/16,\n\n" +
			"2. Taking note of the report of the Secretariat,\n\n3. Decides to review the location of the Secretariat at its next meeting.\n", "COP5/3|2|3:Decides"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestWhereas: the Commission's style, WHEREAS recitals and then "NOW,
// THEREFORE, THE COMMISSION:" on its own line, or run in with its verb
// ("NOW THEREFORE the Commission requests …").
func TestWhereas(t *testing.T) {
	recitals := "Resolution 2016-3\n\nWHEREAS the Scientific Committee has reviewed the status of the stocks,\n\n" +
		"WHEREAS the Commission wishes to strengthen the conservation of small cetaceans,\n\n"
	for _, tt := range []struct {
		name, text, want string
	}{
		{"formula alone", recitals + "NOW, THEREFORE, THE COMMISSION:\n\n1. Requests the Scientific Committee to review the stocks;\n\n" +
			"2. Invites Contracting Governments to report on their programmes.\n", "Resolution 2016-3|2|1:Requests,2:Invites"},
		{"run in", recitals + "NOW THEREFORE the Commission requests the Scientific Committee to review the stocks at its next meeting.\n",
			"Resolution 2016-3|2|:requests"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestReportedDecisions: a body that reports its decision in the past
// tense ("the Board decided:", "The Standing Committee agreed that …")
// has one operative paragraph whose verb is the past tense as written,
// with its items; the narrative before it is not a recital.
func TestReportedDecisions(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"items", "Decision B.41/6\n\nHaving considered the recommendation of the Project and Programme Review Committee, the Board decided:\n\n" +
			"(a) To approve the project document;\n\n(b) To request the secretariat to transmit the decision to the implementing entity.\n",
			"B.41/6|0|:decided"},
		{"run in", "Decision B.12/3\n\nThe secretariat introduced document AFB/B.12/5 on the status of the pipeline.\n\n" +
			"The Board decided to request the secretariat to prepare an analysis of the pipeline for its next meeting.\n",
			"B.12/3|0|:decided"},
		{"symbol and text on one line", "Agenda item 5: Financial matters\n\n" +
			"Decision SC61-4: The Standing Committee agreed that the reserve fund should be maintained at 15 per cent of the core budget.\n\n" +
			"Decision SC61-5: The Standing Committee requested the Secretariat to circulate the draft budget to all Parties.\n",
			"SC61-4|0|:agreed\nSC61-5|0|:requested"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
	// a recital that reports what a body did long ago is still a recital
	d := Parse("Decision 12.5\n\nRECALLING that, at its 17th meeting, the Standing Committee agreed to review the guidelines,\n\n"+
		"THE CONFERENCE OF THE PARTIES TO THE CONVENTION\n\n1. DECIDES to extend the review.\n", Options{})
	if got := strings.Join(shape(d), "\n"); got != "Decision 12.5|1|1:DECIDES" {
		t.Errorf("recital reporting a past decision: got %q", got)
	}
}

// TestFormulaWithoutComma: a formula printed without its comma on a line
// of its own, the text running on below it, opens the decision (the
// pages of a treaty portal print decisions so).
func TestFormulaWithoutComma(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"operative", "Share meeting\nFull text\nThe Conference of the Parties\nTakes note of the progress made in the implementation of the clearing-house mechanism and requests the Secretariat to report on it.\n",
			"|0|:Takes note"},
		{"recital", "Full text\nThe Meeting of the Parties\nRecalling its decision on the compliance mechanism,\nDecides to extend the mandate of the Committee.\n",
			"|1|:Decides"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestRunInParagraphs: a page that gives only the operative paragraphs,
// run into one line ("1. Decides …; 2. Requests …"), has them one by one;
// a number inside a paragraph that does not go on from the last, or that
// opens no operative phrase, stays in its text.
func TestRunInParagraphs(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"run in", "Full text\n1. Decides to consider the procedures on non-compliance at its next meeting; 2. Decides also that the draft text in the annex shall be the basis of further work; 3. Requests the Secretariat to compile the comments of Parties.\n",
			"|0|1:Decides,2:Decides also,3:Requests"},
		{"not a sequence", "Full text\n1. Decides to amend paragraphs 3 and 4 of the terms of reference; 4. Requests for assistance are to be sent to the Secretariat.\n\n2. Invites Parties to comment.\n",
			"|0|1:Decides,2:Invites"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shape(Parse(tt.text, Options{}))
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkNothingDropped(t, tt.name, tt.text)
		})
	}
}

// TestCapitalsWithoutFormula: a recommendation printed without formula,
// its recitals and verb in capitals ("RECALLING …,", "RECOMMENDS to the
// Governments … that:"), is found, with its items.
func TestCapitalsWithoutFormula(t *testing.T) {
	text := "Adopted 3 March 1992, having regard to Article 13 of the Convention\n\n" +
		"RECALLING the obligations of the Contracting Parties to reduce pollution from land-based sources,\n\n" +
		"NOTING the need for reliable data on the pollution load carried by rivers,\n\n" +
		"BEING MINDFUL of the obligations of the Contracting Parties to report on their measures,\n\n" +
		"RECOMMENDS to the Governments of the Contracting Parties that:\n\n" +
		"a) the pollution load should be monitored from 1 January 1994;\n\n" +
		"b) the data should be reported to the Commission by 30 June 1995.\n"
	d := Parse(text, Options{})
	got := strings.Join(shape(d), "\n")
	if got != "|3|:RECOMMENDS" || len(d.Decisions[0].Paragraphs[0].Items) != 2 {
		t.Errorf("got %q %+v", got, d.Decisions)
	}
	checkNothingDropped(t, "capitals", text)
}

// TestMeetingLabel: a web page's label line names the meeting before the
// decision's symbol ("COP 3 Decision III/8", "NP MOP 1 Decision
// NP-1/12"); the symbol is read from it.
func TestMeetingLabel(t *testing.T) {
	body := "\n\nThe Conference of the Parties,\n\nRecalling its earlier decisions,\n\n1. Decides to establish a programme of work;\n\n2. Requests the Executive Secretary to report on its implementation.\n"
	for label, want := range map[string]string{
		"COP 3 Decision III/8":       "III/8|1|1:Decides,2:Requests",
		"NP MOP 1 Decision NP-1/12":  "NP-1/12|1|1:Decides,2:Requests",
		"CMS COP 12 Resolution 12.4": "Resolution 12.4|1|1:Decides,2:Requests",
	} {
		text := label + body
		if got := strings.Join(shape(Parse(text, Options{})), "\n"); got != want {
			t.Errorf("%s: got %q, want %q", label, got, want)
		}
		checkNothingDropped(t, label, text)
	}
}

// TestBoardSymbolFirst: a board's decision headed by its symbol alone,
// the title after it ("B.12/16: Title"), is found.
func TestBoardSymbolFirst(t *testing.T) {
	text := "B.12/16: Project review cycle\n\nThe Board,\n\n1. Decides to hold two review cycles a year;\n\n2. Requests the secretariat to publish the calendar.\n\n" +
		"B.12/17. Accreditation\n\nThe Board,\n\n1. Approves the accreditation of the entity.\n"
	if got := strings.Join(shape(Parse(text, Options{})), "\n"); got != "B.12/16|0|1:Decides,2:Requests\nB.12/17|0|1:Approves" {
		t.Errorf("got %q", got)
	}
	checkNothingDropped(t, "board", text)
}

// TestRecitalsThenVerb: a page that prints a decision without heading or
// formula, recitals and then one unnumbered operative paragraph, gives
// that decision; recitals alone give none.
func TestRecitalsThenVerb(t *testing.T) {
	text := "Share meeting\nFull text\nTaking into account the information provided by the Secretariat on the interlinkages between climate change and mercury,\n" +
		"Noting the outcome of the study by the expert group,\nInvites the Conference of the Parties to forward the outcome of the study to the Committee.\n"
	if got := strings.Join(shape(Parse(text, Options{})), "\n"); got != "|2|:Invites" {
		t.Errorf("got %q", got)
	}
	checkNothingDropped(t, "recitals then verb", text)
	if d := Parse("Full text\nTaking into account the information provided by the Secretariat,\nNoting the outcome of the study,\n", Options{}); len(d.Decisions) != 0 {
		t.Errorf("recitals alone: %d decisions", len(d.Decisions))
	}
}

// TestRunInClauses: a page that gives only the operative clauses of a
// decision, unnumbered and run into one line ("Adopts …; Requests …"),
// gives that decision, a paragraph a clause; a sentence with a semicolon
// that opens no second clause stays whole.
func TestRunInClauses(t *testing.T) {
	text := "Share meeting\nFull text\nAdopts the terms of reference for the review set out in the annex to the present decision; Requests the Secretariat to compile information relevant to the review for consideration at its next meeting.\n"
	if got := strings.Join(shape(Parse(text, Options{})), "\n"); got != "|0|:Adopts,:Requests" {
		t.Errorf("got %q", got)
	}
	checkNothingDropped(t, "run-in clauses", text)
	if d := Parse("Full text\nNotes the progress made; the review goes on.\n", Options{}); len(d.Decisions) != 0 {
		t.Errorf("one clause: %d decisions", len(d.Decisions))
	}
}
