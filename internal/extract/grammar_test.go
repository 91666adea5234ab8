package extract

import (
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/google/go-cmp/cmp"
)

// TestClauseGrammar: the ways one paragraph asks someone to act that
// decisions not seen before write.
func TestClauseGrammar(t *testing.T) {
	tests := []struct {
		name, para string
		want       []string // text/actor
	}{
		{"recital and operative part in one sentence",
			"Taking note of the report of the Expert Group, invites the Secretariat to circulate it to Parties;",
			[]string{"Secretariat/secretariat"}},
		{"participle after a comma",
			"Welcomes the outcomes of the regional forum, urging the Parties to share their experience;",
			[]string{"Parties/parties"}},
		{"second verb after a comma and and",
			"Takes note of the assessment of the network, and invites the network to continue its work;",
			[]string{"network/network"}},
		{"second verb after a bare comma",
			"Welcomes the outcomes of the forum held in Bucharest in 2016, invites the Science for the Carpathians (hereinafter S4C) initiative to support the work;",
			[]string{"Science for the Carpathians initiative/science-for-the-carpathians-initiative"}},
		{"authorizes",
			"Authorizes the Executive Secretary to conclude an agreement with the host country;",
			[]string{"Executive Secretary/executive-secretary"}},
		{"roles held in an entity",
			"Requests the trustee of the fund and the chair of the working group to report jointly;",
			[]string{"trustee of the fund/trustee-of-the-fund", "chair of the working group/chair-of-the-working-group"}},
		{"recommends to a body that",
			"Recommends to the Governments of the Contracting Parties that they designate national focal points;",
			[]string{"Governments of the Contracting Parties/governments"}},
		{"recommends to a body to",
			"Recommends to all States which are negotiating a treaty to consult the depositary;",
			[]string{"States which are negotiating a treaty/parties"}},
		{"a that clause whose subject is a list",
			"Recommends that States Parties, the Advisory Bodies and the Centre continue their collaboration;",
			[]string{"States Parties/parties", "Advisory Bodies/advisory-bodies", "Centre/centre"}},
		{"the actions of a body",
			"Requests that the actions of the GEF secretariat called for in this decision be undertaken subject to the availability of resources;",
			[]string{"GEF secretariat/secretariat"}},
		{"both after two names in one run of capitals",
			"Welcomes the partnership between UNEP and FAO and invites both to report on it;",
			[]string{"UNEP/unep", "FAO/fao"}},
		{"in particular between commas",
			"Encourages Parties and relevant bodies, in particular the Adaptation Committee, to consider the findings;",
			[]string{"Parties/parties", "relevant bodies/relevant-bodies", "Adaptation Committee/adaptation-committee"}},
		{"the head of a name resolves it",
			"Invites the incoming Presidency of the Conference of the Parties to convene a dialogue;",
			[]string{"incoming Presidency of the Conference of the Parties/presidency"}},
		{"infinitive items with a pronoun",
			"Decides:\n(a) To welcome the report of the Panel and to request it to update the assessment;\n(b) To invite the Global Environment Facility to provide support;",
			[]string{"Panel/panel", "Global Environment Facility/gef"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, addresseesOf(t, tt.para)); diff != "" {
				t.Errorf("addressees of %q (-want +got):\n%s", tt.para, diff)
			}
		})
	}
}

// TestLeadIn: decisions that print whom they ask over their lettered
// paragraphs, with no verb of their own.
func TestLeadIn(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
		deadlines  []string
	}{
		{"shall", "20.11 to 20.12 Trade in ornamental fish\n\nDecision directed to:\nPlants Committee\n\nThe Plants Committee shall:\n\na) review the study prepared by the Secretariat; and\n\nb) report its recommendations to the Standing Committee.\n",
			"Plants Committee", nil},
		{"should, after a deadline", "15.21\n\nBy the 15th meeting of the Conference of the Parties, the Scientific Council should:\n\na) Review the list of species;\n\nb) Propose amendments to it;\n",
			"Scientific Council", []string{"By the 15th meeting of the Conference of the Parties"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := parse.Parse(tt.text, parse.Options{}).Decisions
			if len(ds) != 1 {
				t.Fatalf("parsed %d decisions", len(ds))
			}
			d := ds[0]
			res := Decision(&d, nil)
			if len(d.Paragraphs) == 0 {
				t.Fatalf("no paragraphs in %+v", d)
			}
			for _, p := range d.Paragraphs {
				as := res.Addressees[p.Path]
				if len(as) != 1 || as[0].Text != tt.want {
					t.Errorf("paragraph %s asks %+v, want %s", p.Path, as, tt.want)
				}
			}
			if len(res.Mandates) != len(d.Paragraphs) {
				t.Errorf("%d mandates for %d paragraphs: %+v", len(res.Mandates), len(d.Paragraphs), res.Mandates)
			}
			var got []string
			for _, dl := range res.Deadlines {
				got = append(got, dl.Text)
			}
			if diff := cmp.Diff(tt.deadlines, got); diff != "" {
				t.Errorf("deadlines (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMoreDeadlines: times written in ways TestDeadlines does not hold.
func TestMoreDeadlines(t *testing.T) {
	tests := []struct {
		name, meeting, para string
		want                []accord.Deadline
	}{
		{"a session named by its month", "CMA-6", "Requests the secretariat to present the synthesis at the session(s) to be held in November 2027;",
			[]accord.Deadline{{Text: "at the session(s) to be held in November 2027"}}},
		{"a conference named by its month", "COP-29", "Invites Parties to share their views at the United Nations Climate Change Conference in November 2025;",
			[]accord.Deadline{{Text: "at the United Nations Climate Change Conference in November 2025", Date: "2025-11"}}},
		{"no later than a meeting of another body", "", "Requests the secretariat to present the policy no later than the fifteenth meeting of the Board;",
			[]accord.Deadline{{Text: "no later than the fifteenth meeting of the Board"}}},
		{"a next meeting", "COP-4", "Decides to review the location of the secretariat at a next meeting of the COP;",
			[]accord.Deadline{{Text: "at a next meeting of the COP"}}},
		{"the closure of a meeting", "", "Decides to hold an open discussion just prior to the closure of its twelfth meeting;",
			[]accord.Deadline{{Text: "prior to the closure of its twelfth meeting"}}},
		{"a term of office", "COP-9", "Appoints the experts as members of the Panel until the next meeting of the Conference of the Parties;", nil},
		{"a decision's symbol is no meeting", "COP-6", "Requests the secretariat to act pursuant to COP6/3 and to report to COP 7;",
			[]accord.Deadline{{Text: "to COP 7", Meeting: "COP-7"}}},
		{"a quarter", "COP-9", "Requests the secretariat to start the review in the first quarter of 2027;",
			[]accord.Deadline{{Text: "in the first quarter of 2027", Date: "2027"}}},
		{"planned for a year", "COP-9", "Requests the secretariat to prepare for the workshop planned for 2027;",
			[]accord.Deadline{{Text: "planned for 2027", Date: "2027"}}},
		{"a target after a participle", "COP-9", "Urges the Executive Secretary to implement the recommendations, with at least half implemented before the opening of the twelfth session of the Subsidiary Body for Implementation;",
			[]accord.Deadline{{Text: "before the opening of the twelfth session of the Subsidiary Body for Implementation", Meeting: "SBI-12"}}},
		{"an agent after a participle", "COP-9", "Requests the secretariat to publish the costs recommended for adoption by the second meeting of the Expert Committee;", nil},
		{"in advance of a meeting", "COP-19", "Requests the secretariat to circulate the draft in advance of the twentieth meeting of the Conference of the Parties;",
			[]accord.Deadline{{Text: "in advance of the twentieth meeting of the Conference of the Parties", Meeting: "COP-20"}}},
		{"during a session", "COP-29", "Requests the secretariat to hold a workshop during the sixty-fourth session of the Subsidiary Body for Implementation;",
			[]accord.Deadline{{Text: "during the sixty-fourth session of the Subsidiary Body for Implementation", Meeting: "SBI-64"}}},
		{"the sessions of the subsidiary bodies by their short name", "COP-29", "Requests the secretariat to report at SB 64;",
			[]accord.Deadline{{Text: "at SB 64", Meeting: "SB-64"}}},
		{"symbols of other numbering systems are no times", "COP-16", "Requests the Secretariat to apply Resolution Conf. 11.3 (Rev. CoP19), Decision 14.10, decision 18.12 (Rev. CoP19), Resolution 2019-1 and decision 3/COP.15, as set out in ICCD/COP(16)/2, pursuant to COP6/3 and by COP6/4;", nil},
		{"a day glued to its month", "COP-9", "Requests the State Party to submit a report by the deadline of 1February 2027;",
			[]accord.Deadline{{Text: "by the deadline of 1February 2027", Date: "2027-02-01"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := parse.Parse("The Conference of the Parties,\n\n1. "+tt.para, parse.Options{}).Decisions
			d := accord.Decision{Meeting: tt.meeting, Paragraphs: ds[0].Paragraphs}
			res := Decision(&d, nil)
			if diff := cmp.Diff(tt.want, res.Deadlines); diff != "" {
				t.Errorf("deadlines of %q (-want +got):\n%s", tt.para, diff)
			}
		})
	}
}

// TestMandateDeadlineOfItsBody: "its" in a mandate's deadline is the
// body the mandate asks, not the governing body.
func TestMandateDeadlineOfItsBody(t *testing.T) {
	d := accord.Decision{Meeting: "COP-9"}
	d.Paragraphs = parse.Parse("The Conference of the Parties,\n\n1. Encourages the Compliance Committee to consider the report at its next meeting;", parse.Options{}).Decisions[0].Paragraphs
	res := Decision(&d, nil)
	if len(res.Mandates) != 1 || res.Mandates[0].Deadline == nil {
		t.Fatalf("mandates = %+v", res.Mandates)
	}
	if dl := res.Mandates[0].Deadline; dl.Text != "at its next meeting" || dl.Meeting != "" {
		t.Errorf("deadline = %+v, want the Committee's next meeting, not COP-10", dl)
	}
}

// TestItemsOfADecidingChapeau: items under "decided to:" are decided, and
// their times are deadlines; items quoted under "Endorses … as follows:"
// are not.
func TestItemsOfADecidingChapeau(t *testing.T) {
	text := "The Conference of the Parties,\n\n1. Decides to:\n(a) Approve the budget;\n(b) Hold an open discussion just prior to the closure of its twelfth meeting;\n\n" +
		"2. Endorses the workplan, which provides as follows:\n(a) The decision of the Committee to update its workplan in 2027;\n"
	d, _ := extractText(t, text)
	d.Meeting, d.Year = "", 2026
	res := Decision(&d, nil)
	want := []accord.Deadline{{Text: "prior to the closure of its twelfth meeting"}}
	if diff := cmp.Diff(want, res.Deadlines); diff != "" {
		t.Errorf("deadlines (-want +got):\n%s", diff)
	}
}

// TestYearOfAdoptionFromTheParse: the year a heading gives makes a year
// before it past and one after it a deadline; extraction takes it from
// the parsed decision.
func TestYearOfAdoptionFromTheParse(t *testing.T) {
	d, res := extractText(t, "Decision 5/3. Review of the programme\n\nAdopted at the fifth meeting, 12 May 2026\n\nThe Conference of the Parties,\n\n"+
		"1. Requests the Committee to complete the review in 2027 and to take into account the workshop in 2026;\n")
	if d.Year != 2026 {
		t.Fatalf("year = %d, want 2026 from the heading", d.Year)
	}
	want := []accord.Deadline{{Text: "in 2027", Date: "2027"}}
	if diff := cmp.Diff(want, res.Deadlines); diff != "" {
		t.Errorf("deadlines (-want +got):\n%s", diff)
	}
}

// TestPastTenseMinutes: a board's decision recorded in the past tense
// asks as the present does.
func TestPastTenseMinutes(t *testing.T) {
	d := accord.Decision{Paragraphs: []accord.Paragraph{{Number: "2", Path: "2",
		Text: "Requested the Board members to submit any comments they may have on the document to the Interim Secretariat no later than 3 November 2012."}}}
	res := Decision(&d, nil)
	if as := res.Addressees["2"]; len(as) != 1 || as[0].Text != "Board members" {
		t.Errorf("addressees = %+v, want the Board members", as)
	}
}

// TestDecidesWhatIs: "Decides that X shall take place" or "will consist
// of" says what is, and asks X nothing.
func TestDecidesWhatIs(t *testing.T) {
	for _, para := range []string{
		"Decides that meetings of the Conference of the Parties shall take place every two years;",
		"Decides that the Secretariat will consist of a limited number of professionals;",
		"Decides that the rules shall apply mutatis mutandis to the subsidiary bodies;",
		"Agrees that the Convention should set a minimum level of its reserve fund;",
	} {
		if as := addresseesOf(t, para); len(as) != 0 {
			t.Errorf("addressees of %q = %v, want none", para, as)
		}
	}
}

// TestRecurringTimes: a time that comes back ("at every session of the
// Board", "at its regular meetings", "quarterly") is the mandate's
// periodicity and no deadline.
func TestRecurringTimes(t *testing.T) {
	for _, tt := range []struct{ para, want string }{
		{"Requests the Bureau to brief the Parties at every session of the Board;", "at every session"},
		{"Requests the Treasurer to review the accounts at each of its regular meetings;", "at each of its regular meetings"},
		{"Invites the Panel to present its findings at its regular sessions;", "at its regular sessions"},
		{"Requests the Secretary to report quarterly on expenditure;", "quarterly"},
		{"Requests the Secretary to publish the list every other year;", "every other year"},
	} {
		_, res := extractText(t, "The Assembly of the Parties,\n\n1. "+tt.para+"\n")
		if len(res.Mandates) != 1 || res.Mandates[0].Periodicity != tt.want || len(res.Deadlines) != 0 {
			t.Errorf("%q: mandates %+v, deadlines %+v; want one recurring %q, no deadline", tt.para, res.Mandates, res.Deadlines, tt.want)
		}
	}
}

// TestPronounOfAnEarlierItem: an item's pronoun may stand for a name the
// item before it or the chapeau gives ("(a) To welcome the report of the
// Panel; (b) To request it to …").
func TestPronounOfAnEarlierItem(t *testing.T) {
	for _, para := range []string{
		"Decides:\n(a) To take note of the study of the Review Panel;\n(b) To request it to publish a summary of the study;",
		"Thanks the Review Panel for its study and decides:\n(a) To request it to publish a summary of the study;",
	} {
		if diff := cmp.Diff([]string{"Review Panel/review-panel"}, addresseesOf(t, para)); diff != "" {
			t.Errorf("addressees of %q (-want +got):\n%s", para, diff)
		}
	}
}

// TestSubjectShould: a paragraph whose subject is the body asked and
// whose verb is "should" asks that body as "shall" does.
func TestSubjectShould(t *testing.T) {
	for _, para := range []string{
		"The Review Panel should examine the proposals before the next session;",
		"The Review Panel shall examine the proposals before the next session;",
	} {
		if diff := cmp.Diff([]string{"Review Panel/review-panel"}, addresseesOf(t, para)); diff != "" {
			t.Errorf("addressees of %q (-want +got):\n%s", para, diff)
		}
	}
}

// TestSecretariatRelays: whom a secretariat is told, item by item, to
// invite or encourage is asked by the decision; whom Parties are asked
// to encourage is theirs to ask.
func TestSecretariatRelays(t *testing.T) {
	d, res := extractText(t, "Decision 31.4\n\nThe Secretariat shall:\n\na) invite the Regional Fisheries Bodies to share their catch data;\n\n"+
		"b) send the guidance to the Parties, encouraging them to apply it.\n")
	var got []string
	for _, a := range res.Addressees[d.Paragraphs[0].Path] {
		got = append(got, a.Text)
	}
	if diff := cmp.Diff([]string{"Secretariat", "Regional Fisheries Bodies", "Parties"}, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
	if got := addresseesOf(t, "Invites the Parties to:\n(a) encourage the Regional Fisheries Bodies to share their catch data;"); !cmp.Equal(got, []string{"Parties/parties"}) {
		t.Errorf("addressees of the Parties' chapeau = %q, want the Parties alone", got)
	}
}

// TestAdjectivesListedBeforeTheirNoun: adjectives listed with commas
// before the one noun they qualify name one addressee, not one each.
func TestAdjectivesListedBeforeTheirNoun(t *testing.T) {
	want := []string{"local, regional and international lending institutions/local-regional-and-international-lending-institutions"}
	if diff := cmp.Diff(want, addresseesOf(t, "Invites local, regional and international lending institutions to support the plan;")); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
}
