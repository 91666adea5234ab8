package extract

import (
	"testing"

	"github.com/accordmea/accord"
	"github.com/google/go-cmp/cmp"
)

// names lists addressees as their texts, or as "text/actor" when actor
// is set.
func names(as []accord.Addressee, actor bool) []string {
	var out []string
	for _, a := range as {
		if actor {
			out = append(out, a.Text+"/"+a.Actor)
		} else {
			out = append(out, a.Text)
		}
	}
	return out
}

// TestChapeauObjectOverBullets: a chapeau that names its addressees and
// stops ("Invites the governments concerned") asks them what its bullet
// items say, whether they open with "to …" or a base verb; a body an item
// names is not asked by the decision.
func TestChapeauObjectOverBullets(t *testing.T) {
	tests := []struct{ name, text string }{
		{"infinitive items", "The Commission,\n\nNOW THEREFORE THE COMMISSION:\nURGES coastal States bordering the feeding grounds\n" +
			"- to report catches of small cetaceans to the Secretariat each year;\n\n" +
			"- to encourage the Food and Agriculture Organization of the United Nations to publish those catches;\n"},
		{"base verb items", "The Commission,\n\n1. Urges coastal States bordering the feeding grounds\n" +
			"(a) Report catches of small cetaceans to the Secretariat each year;\n" +
			"(b) Encourage the Food and Agriculture Organization of the United Nations to publish those catches;\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, res := extractText(t, tt.text)
			if len(d.Paragraphs) == 0 || len(d.Paragraphs[0].Items) != 2 {
				t.Fatalf("parsed %+v", d.Paragraphs)
			}
			got := names(res.Addressees[d.Paragraphs[0].Path], false)
			if diff := cmp.Diff([]string{"coastal States bordering the feeding grounds"}, got); diff != "" {
				t.Errorf("addressees (-want +got):\n%s", diff)
			}
			if len(res.Mandates) != 2 {
				t.Errorf("%d mandates, want one per item", len(res.Mandates))
			}
		})
	}
}

// TestTermOfOfficeInAnItem: "until the next meeting" in an item is how
// long a member serves, not when something is due.
func TestTermOfOfficeInAnItem(t *testing.T) {
	text := "The Conference of the Parties,\n\n1. Decides:\n" +
		"(a) To appoint the following experts to the Review Panel until the next meeting of the Conference of the Parties;\n" +
		"(b) To request the Secretariat to support the Review Panel until the next meeting of the Conference of the Parties;\n\n" +
		"2. Invites the following experts\n" +
		"- to serve on the Review Panel until the next meeting of the Conference of the Parties;\n\n" +
		"- to report to the Review Panel until the next session of the Conference of the Parties;\n\n" +
		"3. Invites the following experts to serve on the Review Panel:\n" +
		"(a) Dr Jane Doe (Kenya), until the next meeting of the Conference of the Parties;\n" +
		"(b) Dr John Roe (Chile), until its next meeting;\n"
	_, res := extractText(t, text)
	if len(res.Mandates) < 3 {
		t.Fatalf("%d mandates, want the items' requests read", len(res.Mandates))
	}
	if len(res.Deadlines) != 0 {
		t.Errorf("deadlines %+v, want none", res.Deadlines)
	}
	for _, m := range res.Mandates {
		if m.Deadline != nil {
			t.Errorf("mandate %s due %+v, want no deadline", m.Path, m.Deadline)
		}
	}
}

// TestAnaphorAddressee: "the Programme" asked after the
// Inter-Organization Programme for the Sound Management of Chemicals was
// named is that organization, not an actor of its own.
func TestAnaphorAddressee(t *testing.T) {
	text := "The Conference of the Parties,\n\n" +
		"1. Welcomes the work of the Inter-Organization Programme for the Sound Management of Chemicals (IOMC) on lead in paint;\n\n" +
		"2. Invites the Programme to share its toolkit with the Parties;\n"
	d, res := extractText(t, text)
	if diff := cmp.Diff([]string{"Programme/iomc"}, names(res.Addressees[d.Paragraphs[1].Path], true)); diff != "" {
		t.Errorf("addressees (-want +got):\n%s", diff)
	}
	for _, m := range res.Mandates {
		for _, a := range m.Addressees {
			if a.Actor != "iomc" {
				t.Errorf("mandate %s asks %s/%s, want iomc", m.Path, a.Text, a.Actor)
			}
		}
	}
}
