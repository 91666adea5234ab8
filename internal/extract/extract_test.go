package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/textin"
)

// sampleDecision parses the bundled sample file whose name contains name.
func sampleDecision(t testing.TB, name string) accord.Decision {
	t.Helper()
	for _, f := range sample.Files() {
		if strings.Contains(f.Name, name) {
			txt, err := textin.Read(context.Background(), f.Name, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			ds := parse.Parse(txt.Body, parse.Options{}).Decisions
			if len(ds) != 1 {
				t.Fatalf("%s: %d decisions", name, len(ds))
			}
			return ds[0]
		}
	}
	t.Fatalf("no sample file %q", name)
	return accord.Decision{}
}

// summary is a mandate as a secretariat officer would list it.
func summary(m accord.Mandate) string {
	var actors []string
	for _, a := range m.Addressees {
		actors = append(actors, a.Actor)
	}
	due := ""
	if m.Deadline != nil {
		due = " due " + m.Deadline.Meeting + m.Deadline.Date
	}
	cond := ""
	if len(m.Conditions) > 0 {
		cond = " if " + strings.Join(m.Conditions, "; ")
	}
	return fmt.Sprintf("%s %s %s: %s%s%s", m.Path, m.Verb, strings.Join(actors, "+"), m.Deliverable, due, cond)
}

// TestSeedMandates: the Minamata draft decision and Cartagena decision
// BS-IV/6 yield the mandates a secretariat officer would list.
func TestSeedMandates(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"minamata", []string{
			"1 request secretariat: implementation if as appropriate",                            // contribute to the UNEA resolutions
			"2 request secretariat: cooperation",                                                 // cooperate with the Panel's secretariat, seek observer status
			"3 request secretariat: study due COP-7 if subject to the availability of resources", // the scoping study
			"4 request secretariat: cooperation",                                                 // carry out the Global Framework activities
			"5 request executive-secretary: cooperation",                                         // IOMC membership steps
			"5 invite secretariat: cooperation",                                                  // keep working with the IOMC
			"6 request secretariat: cooperation",                                                 // continue cooperation with the listed organizations
			"7 request secretariat: report due COP-7 if as appropriate",                          // report on implementation
		}},
		{"cartagena", []string{
			"2 encourage secretariat: meeting if within available resources",
			"3 request executive-secretary: cooperation",
			"5(a) request executive-secretary: cooperation",
			"5(b) request executive-secretary: financing",
			"5(c) request executive-secretary: report due COP-MOP-5",
		}},
	}
	for _, tt := range tests {
		d := sampleDecision(t, tt.file)
		res := Decision(&d, nil)
		var got []string
		for i, m := range res.Mandates {
			got = append(got, summary(m))
			if m.Seq != i+1 || m.Status != accord.StatusOpen || m.Action == "" {
				t.Errorf("%s mandate %d: seq %d status %q action %q", tt.file, i, m.Seq, m.Status, m.Action)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s mandates (-want +got):\n%s", tt.file, diff)
		}
	}
	d := sampleDecision(t, "minamata")
	m := Decision(&d, nil).Mandates[2]
	if diff := cmp.Diff([]string{"parties", "International Conference on Mercury as a Global Pollutant"}, m.Helpers); diff != "" {
		t.Errorf("scoping study helpers (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(m.Action, "to conduct") || !strings.Contains(m.Action, "scoping study") {
		t.Errorf("scoping study action = %q", m.Action)
	}
}

// extractText parses a decision from text and extracts it.
func extractText(t *testing.T, text string) (accord.Decision, Result) {
	t.Helper()
	ds := parse.Parse(text, parse.Options{}).Decisions
	if len(ds) != 1 {
		t.Fatalf("parsed %d decisions from %q", len(ds), text)
	}
	return ds[0], Decision(&ds[0], nil)
}

func TestAddressees(t *testing.T) {
	tests := []struct {
		para string
		want []string // text/actor
	}{
		{"Requests the Executive Secretary to report;", []string{"Executive Secretary/executive-secretary"}},
		{"Invites Parties and others in a position to do so to provide financing;", []string{"Parties/parties", "others/others"}},
		{"Calls upon Parties that have not yet done so to ratify the Amendment;", []string{"Parties/parties"}},
		{"Invites the United Nations Environment Programme and the Food and Agriculture Organization of the United Nations, working together with other bodies, and other partners, to develop programmes;",
			[]string{"United Nations Environment Programme/unep", "Food and Agriculture Organization of the United Nations/fao"}},
		{"Invites multilateral and bilateral agencies and interested Parties and organizations to contribute;",
			[]string{"multilateral and bilateral agencies/multilateral-and-bilateral-agencies", "interested Parties/parties", "organizations/organizations"}},
		{"Requests the secretariats of the Basel, Rotterdam and Stockholm Conventions and the regional centres to exchange information;",
			[]string{"secretariats of the Basel, Rotterdam and Stockholm Conventions/secretariats", "regional centres/regional-centres"}},
		{"Requests the lead country or, if there is no lead country, the Secretariat to facilitate the work;",
			[]string{"lead country/lead-country", "Secretariat/secretariat"}},
		{"Requests the Subsidiary Body for Implementation, at its sixty-second session (2025), to initiate consideration;",
			[]string{"Subsidiary Body for Implementation/sbi"}},
		{"Encourages the engagement of countries with economies in transition in future discussions, as appropriate, to explore ways;", nil},
		{"Welcomes the report and encourages the continuation of such support;", nil},
		{"Welcomes the report and requests the secretariat to publish it;", []string{"secretariat/secretariat"}},
		{"Invites Parties, through the Bureau, to request the Executive Secretary to initiate consultations;", []string{"Parties/parties"}},
		{"Requests that the actions of the secretariat called for in this decision be undertaken subject to the availability of financial resources;", []string{"secretariat/secretariat"}},
		{"Recommends that the activities under the workplan facilitate exchange of experience;", nil},
		{"Recommends that Parties, when implementing the conventions, ensure close cooperation;", []string{"Parties/parties"}},
		{"Decides that the secretariat shall prepare a report;", []string{"secretariat/secretariat"}},
		// the governing bodies will decide for themselves: nobody is asked
		{"Decides that a mechanism for reviewing the arrangements shall be determined by the Conferences of the Parties to the Basel, Rotterdam and Stockholm Conventions at their extraordinary meetings;", nil},
		{"Decides that the next meeting shall be held in Geneva;", nil},
		{"Recalls decision X/5, which encourages Parties to report;", nil},
		{"Invites the Global Environment Facility (GEF) to support monitoring;", []string{"Global Environment Facility/gef"}},
		{"Requests the Technology and Economic Assessment Panel and its technical options committees to submit data;",
			[]string{"Technology and Economic Assessment Panel/teap", "its technical options committees/its-technical-options-committees"}},
		// pronouns stand for the bodies named before them, registered or not
		{"Welcomes the joint work plan of the Ramsar Convention and the Convention on Migratory Species and invites both to report on its implementation;",
			[]string{"Ramsar Convention/ramsar-convention", "Convention on Migratory Species/convention-on-migratory-species"}},
		{"Takes note of the assessment of the Regional Fisheries Body and requests it to share its data;",
			[]string{"Regional Fisheries Body/regional-fisheries-body"}},
		{"Invites the Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services and the secretariat to cooperate;",
			[]string{"Intergovernmental Science-Policy Platform on Biodiversity and Ecosystem Services/ipbes", "secretariat/secretariat"}},
		{"Encourages Parties and observer organizations to exchange their experience;",
			[]string{"Parties/parties", "observer organizations/observer-organizations"}},
		{"Invites Governments and civil society networks to raise awareness;",
			[]string{"Governments/governments", "civil society networks/civil-society-networks"}},
		{"Urges, bearing in mind the limited capacity of small island States, the Compliance Committee to simplify its procedures;",
			[]string{"Compliance Committee/compliance-committee"}},
		{"Welcomes the progress made and therefore requests the Executive Secretary to extend the pilot phase;",
			[]string{"Executive Secretary/executive-secretary"}},
		{"Adopts the revised guidance and asks the Secretariat to publish it in all official languages;",
			[]string{"Secretariat/secretariat"}},
		{"Requests the Regional WG and CNPA to consider follow-up projects;",
			[]string{"Regional WG/regional-wg", "CNPA/cnpa"}},
		{"Requests the CITES and CMS secretariats to cooperate;",
			[]string{"CITES and CMS secretariats/secretariats"}},
		{"Requests the Secretariat to issue a notification inviting Parties to submit their views;",
			[]string{"Secretariat/secretariat", "Parties/parties"}},
		{"Decides to request the Executive Secretary to prepare a report on the matter;",
			[]string{"Executive Secretary/executive-secretary"}},
		{"Decides to invite the following experts to become members of the Review Panel;", nil},
		{"Notes the low rate of reporting, urging the Parties to submit their national reports;",
			[]string{"Parties/parties"}},
		{"Takes note of the establishment of the network, and invites the network to widen its membership;",
			[]string{"network/network"}},
		{"Authorizes the Secretariat to conclude a host country agreement;",
			[]string{"Secretariat/secretariat"}},
		{"Requests the trustee of the fund and the chair of the working group to align their reporting;",
			[]string{"trustee of the fund/trustee-of-the-fund", "chair of the working group/chair-of-the-working-group"}},
		{"Acknowledges and commends the Technical Expert Group for its work;", nil},
		{"Invites the United Nations Educational, Scientific and Cultural Organization and the Subsidiary Body on Scientific, Technical and Technological Advice to cooperate;",
			[]string{"United Nations Educational, Scientific and Cultural Organization/unesco",
				"Subsidiary Body on Scientific, Technical and Technological Advice/sbstta"}},
		{"Invites Parties and observers, as well as indigenous peoples and local communities, women and youth, to submit views;",
			[]string{"Parties/parties", "observers/observers", "indigenous peoples and local communities/indigenous-peoples-and-local-communities", "women/women", "youth/youth"}},
		{"Requests the Working Group on Flyways, at its next meeting, to prepare terms of reference, and the Secretariat to make them available online;",
			[]string{"Working Group on Flyways/working-group-on-flyways", "Secretariat/secretariat"}},
		{"Requests the task force on capacity-building to continue its work;",
			[]string{"task force on capacity-building/task-force-on-capacity-building"}},
		{"Welcomes the collaboration between the Technology Executive Committee and the Climate Technology Centre and Network and the Global Environment Facility and the Green Climate Fund and invites them to continue their collaboration;",
			[]string{"Technology Executive Committee/technology-executive-committee", "Climate Technology Centre and Network/climate-technology-centre-and-network",
				"Global Environment Facility/gef", "Green Climate Fund/gcf"}},
		{"Invites the Committee on Science and Technology and the Adaptation Fund Board to cooperate;",
			[]string{"Committee on Science and Technology/committee-on-science-and-technology", "Adaptation Fund Board/adaptation-fund-board"}},
		{"Invites Parties, constituted bodies under the Convention and the Paris Agreement, and observers to submit views;",
			[]string{"Parties/parties", "constituted bodies under the Convention and the Paris Agreement/constituted-bodies-under-the-convention-and-the-paris-agreement", "observers/observers"}},
		{"Invites those in a position to do so to provide voluntary funding;",
			[]string{"those/those"}},
		{"Requests the regional group that has not yet nominated an expert in the evaluation of plans, programmes or treaties to nominate one;",
			[]string{"regional group that has not yet nominated an expert in the evaluation of plans/regional-group-that-has-not-yet-nominated-an-expert-in-the-evaluation-of-plans"}},
		{"Requests the joint working group established at the first joint meeting of the Review Committee and the Scientific Panel to finalize the guidance;",
			[]string{"joint working group established at the first joint meeting of the Review Committee and the Scientific Panel/joint-working-group-established-at-the-first-joint-meeting-of-the-review-committee-and-the-scientific-panel"}},
		{"Clarifies that, if the authority of a Party has become non-responsive, the secretariat shall confirm with the focal point of that Party;",
			[]string{"secretariat/secretariat"}},
		{"Encourages Member States and other actors to continue to provide support;",
			[]string{"Member States/parties", "other actors/other-actors"}},
		{"Invites Parties to cooperate, and also invites Parties, as appropriate, and other stakeholders to continue to provide support;",
			[]string{"Parties/parties", "other stakeholders/stakeholders"}},
		{"Requests the Adaptation Committee, through its task force on national adaptation plans, and the Expert Group to continue to report;",
			[]string{"Adaptation Committee/adaptation-committee", "Expert Group/expert-group"}},
		{"Also invites multilateral institutions, including the operating entities of the Financial Mechanism, as appropriate, to provide support;",
			[]string{"multilateral institutions/multilateral-institutions", "operating entities of the Financial Mechanism/operating-entities-of-the-financial-mechanism"}},
		{"Requests the host of the regional network secretariat to ensure support;",
			[]string{"host of the regional network secretariat/secretariat"}},
		{"Reiterates its request to the Executive Board, as contained in decision 4/CMP.10, to consider a simplified process;",
			[]string{"Executive Board/executive-board"}},
		{"Recalls its request to the Executive Board and the secretariat to ensure the prudent use of resources;", nil},
		{"Reminds Parties and observers of the invitation for submissions on the impacts of climate change;",
			[]string{"Parties/parties", "observers/observers"}},
		{"Requests Parties to the Cartagena Protocol on Biosafety and urges other Governments:",
			[]string{"Parties to the Cartagena Protocol on Biosafety/parties", "other Governments/governments"}},
		{"With a view to enabling the Conference of the Parties to review progress, and in line with decision X/2, requests the Executive Secretary to prepare a report;",
			[]string{"Executive Secretary/executive-secretary"}},
		{"Encourages the Parties to use the reporting tool and, in this respect, requests the Secretariat and invites the Environment Programme to support the process;",
			[]string{"Parties/parties", "Secretariat/secretariat", "Environment Programme/environment-programme"}},
		{"Approves the programme of work and mandates the Implementation Committee to revise it;",
			[]string{"Implementation Committee/implementation-committee"}},
		{"Requests that in the future the Advisory Bodies prepare their recommendations in the form of draft decisions;",
			[]string{"Advisory Bodies/advisory-bodies"}},
		// the Executive Secretary invites, not the Conference
		{"Requests the Executive Secretary to bring this decision to the attention of the Executive Secretaries of the other Rio conventions and to invite them to consider similar steps;",
			[]string{"Executive Secretary/executive-secretary"}},
		{"Urges Parties and invites other Governments to ratify the Protocol;",
			[]string{"Parties/parties", "other Governments/governments"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, addresseesOf(t, tt.para)); diff != "" {
			t.Errorf("addressees of %q (-want +got):\n%s", tt.para, diff)
		}
	}
}

// addresseesOf extracts the addressees of para, the one paragraph of a
// decision, as "text/actor".
func addresseesOf(t *testing.T, para string) []string {
	t.Helper()
	_, res := extractText(t, "The Conference of the Parties,\n\n1. "+para+"\n")
	var got []string
	for _, a := range res.Addressees["1"] {
		got = append(got, a.Text+"/"+a.Actor)
	}
	return got
}

func TestChapeauAndItems(t *testing.T) {
	text := "Decision RC-7/5\n\nThe Conference of the Parties,\n\n" +
		"1. Decides:\n(a) To invite Parties to nominate experts by 31 July 2015;\n(b) To request the Secretariat to compile the nominations;\n\n" +
		"2. Requests the Secretariat to:\n(a) Continue its work;\n(b) Report to the Conference of the Parties at its eighth meeting.\n"
	_, res := extractText(t, text)
	var got []string
	for _, m := range res.Mandates {
		got = append(got, summary(m))
	}
	want := []string{
		"1(a) invite parties: submission due 2015-07-31",
		"1(b) request secretariat: submission",
		"2(a) request secretariat: implementation",
		"2(b) request secretariat: report due COP-8",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mandates (-want +got):\n%s", diff)
	}
	if len(res.Addressees["1"]) != 2 || len(res.Addressees["2"]) != 1 {
		t.Errorf("addressees = %+v", res.Addressees)
	}
}

// TestGerundAndInfinitiveItems: items that open with a gerund ("Inviting
// …") or carry a second infinitive ("… and to request it to …") ask too.
func TestGerundAndInfinitiveItems(t *testing.T) {
	text := "The Conference of the Parties,\n\n" +
		"1. Decides:\n(a) Inviting Parties to nominate focal points;\n(b) Requesting the Secretariat to maintain a roster of experts;\n(c) Urging donors to support the roster;\n\n" +
		"2. Decides:\n(a) To welcome the report of the Advisory Panel and to request it to update its assessment;\n"
	_, res := extractText(t, text)
	got := map[string][]string{}
	for _, p := range []string{"1", "2"} {
		for _, a := range res.Addressees[p] {
			got[p] = append(got[p], a.Text)
		}
	}
	want := map[string][]string{"1": {"Parties", "Secretariat", "donors"}, "2": {"Advisory Panel"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
}

// TestChapeauEndingInSemicolon: a chapeau printed with ";" for ":" still
// asks its items, and their times are deadlines.
func TestChapeauEndingInSemicolon(t *testing.T) {
	text := "Decision XIV/30\n\nThe Conference of the Parties,\n\n" +
		"2. Requests the Executive Secretary, subject to the availability of funding;\n" +
		"(a) To continue the communications strategy;\n" +
		"(b) To submit a progress report to the Subsidiary Body on Implementation for consideration at its third meeting.\n"
	_, res := extractText(t, text)
	var got []string
	for _, a := range res.Addressees["2"] {
		got = append(got, a.Text)
	}
	if diff := cmp.Diff([]string{"Executive Secretary"}, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
	if len(res.Deadlines) != 1 || res.Deadlines[0].Text != "at its third meeting" {
		t.Errorf("deadlines = %+v", res.Deadlines)
	}
}

// TestPluralVerbs: a decision of several bodies writes its verbs in the
// base form, its second verbs too.
func TestPluralVerbs(t *testing.T) {
	text := "Decision 19/CP.26\n\nThe Conference of the Parties, the Conference of the Parties serving as the meeting of the Parties to the Kyoto Protocol and the Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,\n\n" +
		"1. Note the limited progress in the workplan and therefore request the secretariat to hold a workshop;\n\n" +
		"2. Request the forum, at the fifty-sixth sessions of the subsidiary bodies, to consider ways to promote action;\n\n" +
		"3. Recall the rules of procedure of the Committee and encourage groups to nominate members;\n"
	_, res := extractText(t, text)
	got := map[string][]string{}
	for _, p := range []string{"1", "2", "3"} {
		for _, a := range res.Addressees[p] {
			got[p] = append(got[p], a.Text)
		}
	}
	want := map[string][]string{"1": {"secretariat"}, "2": {"forum"}, "3": {"groups"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
}

// TestPassiveAfterClause: "Subject to the availability of resources, the
// Secretariat shall:" asks the Secretariat.
func TestPassiveAfterClause(t *testing.T) {
	_, res := extractText(t, "Decision 19.189\n\nSubject to the availability of resources, the Secretariat shall:\na) commission a study;\nb) report to the Standing Committee.\n")
	var got []string
	for _, as := range res.Addressees {
		for _, a := range as {
			got = append(got, a.Text)
		}
	}
	if diff := cmp.Diff([]string{"Secretariat"}, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
}

// TestWhereas: a recital that says what a body shall do asks nobody,
// whether the parser files it in the preamble (WHEREAS opens recitals in
// the Commission's style) or as a paragraph.
func TestWhereas(t *testing.T) {
	d, res := extractText(t, "Resolution 1999-12\n\nWHEREAS the Scientific Committee shall consider such matters as the Commission refers to it;\n")
	if len(d.Paragraphs)+len(d.Preamble) == 0 {
		t.Fatalf("recital lost: %+v", d)
	}
	for p, as := range res.Addressees {
		if len(as) > 0 {
			t.Errorf("addressees of %s = %+v, want none", p, as)
		}
	}
}

// TestPassiveWithClause: the subject asked, then a clause, then "to:".
func TestPassiveWithClause(t *testing.T) {
	text := "Decision 19.46\n\nThe Secretariat is requested, subject to external funding, to:\na) prepare a study on trade in the species;\nb) report to the Animals Committee at its 34th meeting.\n"
	d, res := extractText(t, text)
	if len(d.Paragraphs) != 1 || len(d.Paragraphs[0].Items) != 2 {
		t.Fatalf("paragraphs = %+v", d.Paragraphs)
	}
	var got []string
	for _, m := range res.Mandates {
		got = append(got, summary(m))
	}
	want := []string{"p1(a) request secretariat: study if subject to external funding", "p1(b) request secretariat: report due  if subject to external funding"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mandates (-want +got):\n%s", diff)
	}
}

// TestThatItems: "The … Meeting of the Parties decided: … 2. That, …, the
// Panel should …" asks the Panel.
func TestThatItems(t *testing.T) {
	text := "Decision XXXV/9\n\nThe Thirty-Fifth Meeting of the Parties decided:\n\n" +
		"1. To request the Technology and Economic Assessment Panel to prepare a report;\n\n" +
		"2. That, in preparing the report referred to in paragraph 1 above, the Panel should consult widely with experts;\n\n" +
		"3. That the next meeting shall be held in Nairobi;\n"
	_, res := extractText(t, text)
	got := map[string][]string{}
	for _, p := range []string{"1", "2", "3"} {
		got[p] = []string{}
		for _, a := range res.Addressees[p] {
			got[p] = append(got[p], a.Text)
		}
	}
	want := map[string][]string{"1": {"Technology and Economic Assessment Panel"}, "2": {"Panel"}, "3": {}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
}

func TestPassive(t *testing.T) {
	text := "Decision 13.1\nThe Secretariat, subject to the availability of resources, is requested to:\na) develop indicators;\nb) report to the Conference of the Parties at its 14th meeting.\n"
	_, res := extractText(t, text)
	if len(res.Mandates) != 2 || res.Mandates[1].Deadline == nil || res.Mandates[1].Deadline.Meeting != "COP-14" {
		t.Fatalf("mandates = %+v", res.Mandates)
	}
	if c := res.Mandates[0].Conditions; len(c) != 1 || c[0] != "subject to the availability of resources" {
		t.Errorf("conditions = %q", c)
	}
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		meeting string
		year    int // of adoption, as the parser reads it
		para    string
		want    []accord.Deadline
	}{
		{"COP-6", 0, "Requests the secretariat to report to the Conference of the Parties at its seventh meeting;",
			[]accord.Deadline{{Text: "at its seventh meeting", Meeting: "COP-7"}}},
		{"COP-26", 0, "Requests the Subsidiary Body for Implementation, at its sixty-fourth session (2026), to initiate the review with a view to the Conference of the Parties concluding it at its thirty-first session (2026);",
			[]accord.Deadline{{Text: "at its sixty-fourth session (2026)", Meeting: "SBI-64"}, {Text: "at its thirty-first session (2026)", Meeting: "COP-31"}}},
		{"COP-MOP-4", 0, "Requests the Executive Secretary to report at its next meeting;",
			[]accord.Deadline{{Text: "at its next meeting", Meeting: "COP-MOP-5"}}},
		{"COP-7", 0, "Invites parties to inform the Secretariat by 31 July 2015;",
			[]accord.Deadline{{Text: "by 31 July 2015", Date: "2015-07-31"}}},
		{"COP-26", 2021, "Decides that the next review will be held in 2024;",
			[]accord.Deadline{{Text: "in 2024", Date: "2024"}}},
		{"COP-26", 2021, "Welcomes the work of the Committee in 2019, 2020 and 2021;", nil},
		{"COP-6", 0, "Welcomes the resolutions adopted by the Assembly at its sixth session and requests the secretariat to contribute to them;", nil},
		{"COP-10", 0, "Requests the secretariat to circulate the report not later than two months before the eleventh meeting;",
			[]accord.Deadline{{Text: "not later than two months before the eleventh meeting", Meeting: "COP-11"}}},
		{"COP-2", 0, "Requests the Secretariat to present a report to the next meeting of the Ad Hoc Working Group;",
			[]accord.Deadline{{Text: "to the next meeting of the Ad Hoc Working Group"}}},
		// a bare year when the year of adoption is unknown
		{"COP-4", 0, "Requests the Committee to complete the evaluation in 2027;",
			[]accord.Deadline{{Text: "in 2027", Date: "2027"}}},
		{"COP-4", 0, "Requests the Committee to update the roster established in 2019;", nil},
		{"COP-9", 0, "Requests the secretariat to present its conclusions at the start of its tenth session;",
			[]accord.Deadline{{Text: "at the start of its tenth session", Meeting: "COP-10"}}},
		// "its" after another body is that body's
		{"COP-9", 0, "Requests the Compliance Committee, at its next meeting, to review the submissions;",
			[]accord.Deadline{{Text: "at its next meeting"}}},
		{"COP-9", 0, "Invites Parties to send their comments by 30\nApril 2024 and their data no later than\nApril 30, 2025;",
			[]accord.Deadline{{Text: "by 30 April 2024", Date: "2024-04-30"}, {Text: "no later than April 30, 2025", Date: "2025-04-30"}}},
		{"COP-9", 0, "Invites Parties to send their comments before the 1st of\nJune 2024;",
			[]accord.Deadline{{Text: "before the 1st of June 2024", Date: "2024-06-01"}}},
		// periodicity, not a deadline
		{"COP-9", 0, "Requests the Bureau to review the calendar at its first meeting of each year;", nil},
		// another body's meeting is that body's
		{"COP-9", 0, "Requests the secretariat to circulate the draft before the next meeting of the Implementation Committee;",
			[]accord.Deadline{{Text: "before the next meeting of the Implementation Committee"}}},
		{"COP-9", 0, "Requests the Standing Committee to adopt the budget at its next meeting;",
			[]accord.Deadline{{Text: "at its next meeting"}}},
		// "its" is the subject's when the body stands before the verb
		{"COP-29", 0, "Noting the report of the Adaptation Committee, decides to consider the matter at its thirtieth session;",
			[]accord.Deadline{{Text: "at its thirtieth session", Meeting: "COP-30"}}},
		{"COP-9", 0, "Requests the secretariat to finalize the guidelines in time for the twenty-first meeting of the Subsidiary Body on Implementation;",
			[]accord.Deadline{{Text: "in time for the twenty-first meeting of the Subsidiary Body on Implementation", Meeting: "SBI-21"}}},
		{"COP-9", 0, "Requests the secretariat to circulate the draft at least six weeks before the tenth meeting;",
			[]accord.Deadline{{Text: "at least six weeks before the tenth meeting", Meeting: "COP-10"}}},
		{"COP-9", 0, "Requests the secretariat to complete the inventory by the end of 2026 and to publish it before mid-2027;",
			[]accord.Deadline{{Text: "by the end of 2026", Date: "2026"}, {Text: "before mid-2027", Date: "2027"}}},
		// with no year of adoption, the last day named bounds it
		{"COP-26", 0, "Welcomes the Forum held on 15 and 16 October 2021 and requests the Committee to assess the goal set for 2020 by 2020 and to report in 2022;",
			[]accord.Deadline{{Text: "in 2022", Date: "2022"}}},
		{"COP-26", 0, "Requests the Committee to organize the high-level ministerial dialogue on climate finance in 2022 and to report on its outcome by 2023;",
			[]accord.Deadline{{Text: "by 2023", Date: "2023"}}},
		// "that the tenth meeting" holds no "at the tenth meeting"
		{"COP-11", 0, "Decides that the tenth meeting of the Working Group will be of four days' duration;", nil},
		// a plan period is no deadline
		{"COP-9", 0, "Requests the secretariat to implement the work programme in 2025–2026;", nil},
		{"COP-16", 0, "Requests the Science-Policy Interface to prepare a report for consideration by the Committee on Science and Technology at its eighteenth session;",
			[]accord.Deadline{{Text: "at its eighteenth session"}}},
		{"COP-9", 0, "Approves the budget and requests the Executive Secretary to report on expenditures at the next session;",
			[]accord.Deadline{{Text: "at the next session", Meeting: "COP-10"}}},
		{"MOP-35", 0, "To encourage the Executive Committee to continue its work and to request it to report to the Parties at their thirty-sixth meeting;",
			[]accord.Deadline{{Text: "at their thirty-sixth meeting", Meeting: "MOP-36"}}},
		{"MOP-35", 0, "To request the Panel to submit an updated report to the Thirty-Sixth Meeting of the Parties;",
			[]accord.Deadline{{Text: "to the Thirty-Sixth Meeting of the Parties", Meeting: "MOP-36"}}},
		{"MOP-6", 0, "Requests the Panel to report by the seventh meeting of the Parties to the Montreal Protocol;",
			[]accord.Deadline{{Text: "by the seventh meeting of the Parties to the Montreal Protocol", Meeting: "MOP-7"}}},
		{"COP-11", 0, "Invites Parties to submit comments within two months of the end of the twelfth meeting of the Open-ended Working Group;",
			[]accord.Deadline{{Text: "within two months of the end of the twelfth meeting of the Open-ended Working Group", Meeting: "OEWG-12"}}},
		{"COP-10", 0, "Requests the Executive Secretary to make the synthesis available for the consideration of the eleventh meeting of the Conference of the Parties, and the costs recommended for adoption by the second meeting of the Expert Committee;",
			[]accord.Deadline{{Text: "for the consideration of the eleventh meeting of the Conference of the Parties", Meeting: "COP-11"}}},
		{"COP-26", 0, "Requests the secretariat to organize a workshop in conjunction with the fifty-sixth sessions of the subsidiary bodies (June 2022);",
			[]accord.Deadline{{Text: "in conjunction with the fifty-sixth sessions of the subsidiary bodies (June 2022)"}}},
		{"COP-26", 0, "Requests the secretariat to prepare a synthesis report for consideration by the Subsidiary Body for Implementation at its sixty-fourth and seventy-fourth sessions;",
			[]accord.Deadline{{Text: "at its sixty-fourth and seventy-fourth sessions", Meeting: "SBI-64"}}},
		{"COP-26", 0, "Requests the Group to develop its rules of procedure for adoption by the Conference of the Parties serving as the meeting of the Parties to the Paris Agreement at its fourth session (November 2022);",
			[]accord.Deadline{{Text: "at its fourth session (November 2022)", Meeting: "CMA-4"}}},
		// the time of a consideration to come, in any clause
		{"CMA-5", 0, "Notes that consideration of the governance arrangements will continue at its sixth session (November 2024);",
			[]accord.Deadline{{Text: "at its sixth session (November 2024)", Meeting: "CMA-6"}}},
		{"COP-26", 0, "Recalls that the intermediate review of the action plan is due at the fifty-sixth session of the Subsidiary Body for Implementation (June 2022);",
			[]accord.Deadline{{Text: "at the fifty-sixth session of the Subsidiary Body for Implementation (June 2022)", Meeting: "SBI-56"}}},
		{"COP-35", 0, "Requests the State Party to submit a report by 1 February 2026 and an updated report by 30 September, for examination by the Committee at its 39th session in 2015;",
			[]accord.Deadline{{Text: "by 1 February 2026", Date: "2026-02-01"}, {Text: "by 30 September"}, {Text: "at its 39th session in 2015"}}},
		{"COP-9", 0, "Requests the secretariat to report by 31 December each year;", nil},
		// the date of a meeting being scheduled is no deadline
		{"CMA-5", 0, "Requests the secretariat to facilitate the first meeting of the Advisory Board, to take place in 2024;", nil},
		{"COP-5", 0, "Decides to accept the offer of the Government of Ruritania to convene the Seventh Meeting of the Conference of the Parties to the Regional Convention (COP7) in 2031;", nil},
		{"COP-5", 0, "Requests the secretariat to convene a workshop on the guidelines, and to complete the review of the guidelines in 2031;",
			[]accord.Deadline{{Text: "in 2031", Date: "2031"}}},
		{"COP-5", 0, "Requests the Executive Secretary to report within three years on the use of the fund;",
			[]accord.Deadline{{Text: "within three years"}}},
		{"COP-3", 0, "Recommends and submits the revised action plan for COP4 adoption;",
			[]accord.Deadline{{Text: "for COP4", Meeting: "COP-4"}}},
		{"B-20", 0, "Requests the secretariat to present the analysis no later than at the 22nd Board meeting;",
			[]accord.Deadline{{Text: "no later than at the 22nd Board meeting"}}},
		{"IWC-60", 0, "Urges Contracting Governments to report their bycatch to the 62nd Annual Meeting of the Commission;",
			[]accord.Deadline{{Text: "to the 62nd Annual Meeting of the Commission"}}},
		{"COP-12", 0, "Decides to hold its thirteenth meeting in 2027 and requests the secretariat to prepare a report by 2026;",
			[]accord.Deadline{{Text: "by 2026", Date: "2026"}}},
		// a past meeting is no deadline
		{"COP-9", 0, "Requests the secretariat to revise the report presented at its eighth meeting;", nil},
		{"COP-9", 0, "Requests the secretariat to implement the programme adopted by the Conference of the Parties at its eighth meeting;", nil},
		{"COP-14", 0, "Requests the Executive Secretary to report to COP15 on progress;",
			[]accord.Deadline{{Text: "to COP15", Meeting: "COP-15"}}},
		{"COP-14", 0, "Requests the Executive Secretary to report to COP 16 on progress;",
			[]accord.Deadline{{Text: "to COP 16", Meeting: "COP-16"}}},
		{"COP-27", 0, "Requests the Subsidiary Body for Scientific and Technological Advice to conclude its work at its fifty-eighth session (June 2023);",
			[]accord.Deadline{{Text: "at its fifty-eighth session (June 2023)", Meeting: "SBSTA-58"}}},
		{"COP-5", 0, "Decides that the provisional agenda of its next meeting shall include an item on resource mobilization;",
			[]accord.Deadline{{Text: "the provisional agenda of its next meeting", Meeting: "COP-6"}}},
	}
	for _, tt := range tests {
		d := accord.Decision{Meeting: tt.meeting, Year: tt.year, Paragraphs: []accord.Paragraph{{Number: "1", Path: "1", Text: tt.para}}}
		ph, _ := parse.Parse("The Conference of the Parties,\n\n1. "+tt.para, parse.Options{}).Decisions[0].Paragraphs[0], 0
		d.Paragraphs[0] = ph
		res := Decision(&d, nil)
		if diff := cmp.Diff(tt.want, res.Deadlines); diff != "" {
			t.Errorf("deadlines of %q (-want +got):\n%s", tt.para, diff)
		}
	}
}

func TestActors(t *testing.T) {
	reg := DefaultActors()
	reg.Add("iccm", "International Conference on Chemicals Management", "ICCM")
	tests := []struct{ text, want string }{
		{"Executive Director of the United Nations Environment Programme", "unep-executive-director"},
		{"Executive Secretaries of the three conventions", "executive-secretaries"},
		{"developed country Parties", "parties"},
		{"ICCM", "iccm"},
		{"the regional centre host countries", "regional-centre-host-countries"},
	}
	for _, tt := range tests {
		if got := reg.Resolve(tt.text); got != tt.want {
			t.Errorf("Resolve(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzExtract checks that no parsed text makes extraction panic, and
// that every mandate names someone and something.
func FuzzExtract(f *testing.F) {
	for _, s := range sample.Files() {
		f.Add(string(s.Data))
	}
	f.Add("The Conference,\n1. Requests the secretariat to:\n(a) x\n2. The Secretariat shall\n3. Invites them to")
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range parse.Parse(text, parse.Options{}).Decisions {
			for _, m := range Decision(&d, nil).Mandates {
				if len(m.Addressees) == 0 {
					t.Errorf("mandate %s without addressee: %+v", m.Path, m)
				}
			}
		}
	})
}

func TestPronounsAndPeriodicity(t *testing.T) {
	_, res := extractText(t, "The Conference of the Parties,\n\n"+
		"1. Welcomes the cooperation of the secretariats of the Basel and Stockholm Conventions and requests them to report annually to the Conference of the Parties;\n")
	if len(res.Mandates) != 1 {
		t.Fatalf("mandates = %+v", res.Mandates)
	}
	m := res.Mandates[0]
	if len(m.Addressees) != 1 || m.Addressees[0].Actor != "secretariats" {
		t.Errorf("'them' resolved to %+v, want the secretariats named before", m.Addressees)
	}
	if m.Periodicity != "annually" || m.Deliverable != "report" {
		t.Errorf("periodicity %q deliverable %q", m.Periodicity, m.Deliverable)
	}
}

// BenchmarkExtract extracts the mandates of the bundled sample's
// decisions, parsed once.
func BenchmarkExtract(b *testing.B) {
	var ds []accord.Decision
	size := 0
	for _, f := range sample.Files() {
		txt, err := textin.Read(context.Background(), f.Name, f.Data)
		if err != nil {
			b.Fatal(err)
		}
		size += len(txt.Body)
		ds = append(ds, parse.Parse(txt.Body, parse.Options{}).Decisions...)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i := range ds {
			Decision(&ds[i], nil)
		}
	}
}

// TestItemsAsObjects: items that are the objects of one action make one
// mandate, not one each.
func TestItemsAsObjects(t *testing.T) {
	_, res := extractText(t, "The Conference of the Parties,\n\n"+
		"1. Invites Parties to establish national mechanisms for coordinating:\n(a) Activities to implement the conventions;\n(b) Preparation for meetings;\n")
	if len(res.Mandates) != 1 {
		t.Fatalf("mandates = %+v, want one", res.Mandates)
	}
	if a := res.Mandates[0].Action; !strings.Contains(a, "for coordinating: (a) Activities to implement") || !strings.Contains(a, "(b) Preparation for meetings") {
		t.Errorf("action = %q", a)
	}
}
