package extract

import (
	"strings"
	"testing"
)

// TestNothingAskedOfAPassive: a decision that something shall be held,
// or determined by the governing bodies themselves, asks no one; a
// passive whose agent is another body asks that body.
func TestNothingAskedOfAPassive(t *testing.T) {
	tests := []struct {
		para string
		want string // addressee texts joined by "+", "" for no mandate
	}{
		{"Decides that the meetings of the Conferences of the Parties to the Basel, Rotterdam and Stockholm Conventions should be held in a coordinated manner;", ""},
		{"Decides that the next session shall be held back to back with the meeting of the Open-ended Working Group;", ""},
		{"Decides that a timetable for reviewing the arrangements shall be determined by the Conferences of the Parties to the Basel, Rotterdam and Stockholm Conventions at their extraordinary meetings;", ""},
		{"Decides that the budget shall be decided by the Meeting of the Parties at its next meeting;", ""},
		{"Decides that the draft guidance shall be prepared by the Technical Expert Group before its next meeting;", "Technical Expert Group"},
		{"Decides that the secretariat shall make the report available;", "secretariat"},
	}
	for _, tt := range tests {
		_, res := extractText(t, "The Conference of the Parties,\n\n1. "+tt.para+"\n")
		var got []string
		for _, m := range res.Mandates {
			for _, a := range m.Addressees {
				got = append(got, a.Text)
			}
		}
		if strings.Join(got, "+") != tt.want {
			t.Errorf("%q: asks %q, want %q (%d mandates)", tt.para, got, tt.want, len(res.Mandates))
		}
	}
}

// TestThatSubjectEndsAtItsVerb: in "Recommends that Parties incorporate
// …", the addressee is "Parties", not the words of the action after it.
func TestThatSubjectEndsAtItsVerb(t *testing.T) {
	tests := []struct{ para, want string }{
		{"Recommends that Parties incorporate in their national development plans and strategies measures to implement the Basel, Rotterdam and Stockholm Conventions;", "Parties"},
		{"Recommends that Governments integrate the objectives of the Convention into their sectoral plans, as appropriate;", "Governments"},
		{"Recommends that the Global Environment Facility finance the projects referred to above;", "Global Environment Facility"},
		{"Recommends that the Parties concerned, when implementing the conventions, ensure close cooperation;", "Parties concerned"},
	}
	for _, tt := range tests {
		_, res := extractText(t, "The Conference of the Parties,\n\n1. "+tt.para+"\n")
		var got []string
		for _, m := range res.Mandates {
			for _, a := range m.Addressees {
				got = append(got, a.Text)
			}
		}
		if strings.Join(got, "+") != tt.want {
			t.Errorf("%q: asks %q, want %q", tt.para, got, tt.want)
		}
	}
}

// TestNumberWordsRejoined: "sixty- fourth", a number word broken at a
// line end and joined with a space, is one word again in the mandate.
func TestNumberWordsRejoined(t *testing.T) {
	_, res := extractText(t, "The Conference of the Parties,\n\n1. Requests the secretariat to prepare a synthesis report for consideration by the Subsidiary Body for Implementation at its sixty- fourth session;\n")
	if len(res.Mandates) != 1 {
		t.Fatalf("%d mandates", len(res.Mandates))
	}
	m := res.Mandates[0]
	if !strings.Contains(m.Action, "at its sixty-fourth session") || m.Deadline == nil || m.Deadline.Text != "at its sixty-fourth session" || m.Deadline.Meeting != "SBI-64" {
		t.Errorf("action %q, deadline %+v", m.Action, m.Deadline)
	}
	for _, tt := range []struct{ in, want string }{
		{"the Twenty- first meeting", "the Twenty-first meeting"},
		{"forty-  two Parties", "forty-two Parties"},
		{"the north- south divide", "the north- south divide"},
	} {
		if got := rejoinNumberWords(tt.in); got != tt.want {
			t.Errorf("rejoinNumberWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestActionEndsAtAClause: a text that breaks off mid-phrase (a copy cut
// short: "in particular with regard to building capacities in
// developing") gives an action that ends at its last clause end; one
// with no clause end to go back to is kept whole.
func TestActionEndsAtAClause(t *testing.T) {
	d := sampleDecision(t, "cartagena")
	res := Decision(&d, nil)
	want := map[string]string{
		"5(b)": "Further explore the potential of other relevant organizations and processes that can contribute, financially or otherwise, to the effective implementation of the Protocol",
		"5(c)": "Report to the Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol on Biosafety at its fifth meeting on the implementation of the present",
	}
	for _, m := range res.Mandates {
		if w, ok := want[m.Path]; ok && m.Action != w {
			t.Errorf("¶ %s: action %q, want %q", m.Path, m.Action, w)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"to report on progress, as appropriate", "to report on progress, as appropriate"},
		{"to support Parties, in particular small island", "to support Parties"},
		{"to report to the Conference of the Parties at its next meeting;", "to report to the Conference of the Parties at its next meeting;"},
	} {
		if got := endAtClause(tt.in); got != tt.want {
			t.Errorf("endAtClause(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestThatActionLeavesOutItsSubject: in "Recommends that Parties …", the
// Parties are asked, and the action is what they are asked to do, not a
// sentence that opens with them.
func TestThatActionLeavesOutItsSubject(t *testing.T) {
	tests := []struct{ para, asked, action string }{
		{"Recommends that Parties share their inventories of mercury-added products with the secretariat;",
			"Parties", "share their inventories of mercury-added products with the secretariat"},
		{"Recommends that the Parties should consider joint training of customs officers;",
			"Parties", "should consider joint training of customs officers"},
		{"Recommends that the Parties, when preparing their national reports, consult their focal points for all three conventions;",
			"Parties", "when preparing their national reports, consult their focal points for all three conventions"},
		{"Recommends that in the future the Global Environment Facility report on its support to the regional centres;",
			"Global Environment Facility", "report on its support to the regional centres"},
	}
	for _, tt := range tests {
		_, res := extractText(t, "The Conference of the Parties,\n\n1. "+tt.para+"\n")
		if len(res.Mandates) != 1 {
			t.Errorf("%q: %d mandates, want 1", tt.para, len(res.Mandates))
			continue
		}
		m := res.Mandates[0]
		var asked []string
		for _, a := range m.Addressees {
			asked = append(asked, a.Text)
		}
		if got := strings.TrimRight(m.Action, ";."); strings.Join(asked, "+") != tt.asked || got != tt.action {
			t.Errorf("%q: asks %q to %q, want %q to %q", tt.para, asked, got, tt.asked, tt.action)
		}
		if title := m.Title(); strings.HasPrefix(strings.ToLower(title), strings.ToLower(tt.asked)) || strings.HasPrefix(title, "The ") {
			t.Errorf("%q: title %q opens with its subject", tt.para, title)
		}
	}
}
