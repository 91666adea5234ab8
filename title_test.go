package accord

import "testing"

// TestMandateTitle: a mandate's title says what is asked, in a few words
// cut before a phrase, never its deliverable type.
func TestMandateTitle(t *testing.T) {
	tests := []struct {
		m    Mandate
		want string
	}{
		{Mandate{Action: "to conduct, subject to the availability of resources, a scoping study on possible areas where the strengthening of the science-policy interface would advance implementation of the Convention",
			Conditions: []string{"subject to the availability of resources"}, Deliverable: "study"}, "Conduct a scoping study …"},
		{Mandate{Action: "to report on the implementation of the present decision to the Conference of the Parties at its seventh meeting, as appropriate.", Deliverable: "report"},
			"Report on the implementation …"},
		{Mandate{Action: "to exchange information about their capacities and work programmes", Deliverable: "information-exchange"},
			"Exchange information about their capacities and work programmes"},
		{Mandate{Action: "Continue pursuing, reinforcing and intensifying cooperative arrangements", Deliverable: "cooperation"}, "Continue pursuing …"},
		{Mandate{Action: "to establish or strengthen national mechanisms for coordinating: (i) Activities", Deliverable: "meeting"},
			"Establish or strengthen national mechanisms for coordinating …"},
		{Mandate{Action: "", Deliverable: "study"}, "Study"},
		{Mandate{Action: "", ID: 7}, "Mandate 7"},
	}
	for _, tt := range tests {
		if got := tt.m.Title(); got != tt.want {
			t.Errorf("Title of %q = %q, want %q", tt.m.Action, got, tt.want)
		}
	}
}

// TestDecisionRefKind: resolutions of the Environment Assembly, and acts
// whose symbol says resolution, are resolutions.
func TestDecisionRefKind(t *testing.T) {
	for _, tt := range []struct {
		r    DecisionRef
		want string
	}{
		{DecisionRef{Cited: "6/3", Instrument: "unea"}, "resolution"},
		{DecisionRef{Cited: "UNEP/EA.5/Res.7"}, "resolution"},
		{DecisionRef{Cited: "Res. Conf. 10.10", Instrument: "cites"}, "resolution"},
		{DecisionRef{Cited: "SC-2/15", Instrument: "stockholm"}, "decision"},
		{DecisionRef{Cited: "VIII/8", Instrument: "basel"}, "decision"},
	} {
		if got := tt.r.Kind(); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.r, got, tt.want)
		}
	}
}
