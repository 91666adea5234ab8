package extract

import (
	"fmt"
	"testing"

	"github.com/accordmea/accord"
)

// TestOrganizationsNamed: a mandate names the organizations its
// addressees, action and helpers hold by name, acronym or alias, and
// those an anaphor ("the Programme") stands for, read as the organization
// with that noun named last before it.
func TestOrganizationsNamed(t *testing.T) {
	d := sampleDecision(t, "minamata")
	reg := DefaultActors()
	got := map[string][]string{}
	for _, m := range Decision(&d, reg).Mandates {
		got[m.Path] = append(got[m.Path], fmt.Sprint(reg.Organizations(&d, m)))
	}
	for path, want := range map[string]string{
		// "the Executive Secretary to take the necessary steps for
		// membership … in the Inter-Organization Programme …", then "the
		// secretariat to continue to work in close cooperation with the
		// Programme".
		"5": "[[iomc] [iomc]]",
		"4": "[[global-framework]]",
		"3": "[[icmgp]]",
	} {
		if fmt.Sprint(got[path]) != want {
			t.Errorf("organizations named by the mandates of ¶%s = %v, want %s", path, got[path], want)
		}
	}

	for _, tt := range []struct {
		name, before, action string
		helpers              []string
		want                 string
	}{
		{"acronym", "", "to cooperate with IOMC", nil, "[iomc]"},
		{"alias", "", "to cooperate with the Inter-Organisation Programme for the Sound Management of Chemicals", nil, "[iomc]"},
		{"name in a longer name", "", "to support the UNEP Global Mercury Partnership", nil, "[global-mercury-partnership]"},
		{"anaphor, the last of its noun", "Welcoming the work of the United Nations Development Programme and of the Inter-Organization Programme for the Sound Management of Chemicals,",
			"to cooperate with the Programme", nil, "[iomc]"},
		{"anaphor, the nearer one", "Welcoming the work of the Inter-Organization Programme for the Sound Management of Chemicals and of the United Nations Development Programme,",
			"to cooperate with the Programme", nil, "[undp]"},
		{"anaphor helper", "Noting the Intergovernmental Science-Policy Panel on Chemicals, Waste and Pollution,", "to report", []string{"Panel"}, "[isp-cwp]"},
		{"no antecedent", "", "to cooperate with the Programme", nil, "[]"},
		{"a programme of work is no anaphor", "Noting the Inter-Organization Programme for the Sound Management of Chemicals,", "to implement the Programme of Work", nil, "[]"},
		{"lower case is no anaphor", "Noting the Inter-Organization Programme for the Sound Management of Chemicals,", "to implement the programme", nil, "[]"},
		{"a convention's secretariat", "", "to cooperate with the Ozone Secretariat", nil, "[ozone-secretariat]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := &accord.Decision{Preamble: []accord.Recital{{Text: tt.before}},
				Paragraphs: []accord.Paragraph{{Path: "1", Text: "Requests the secretariat " + tt.action}}}
			m := accord.Mandate{Path: "1", Action: tt.action, Helpers: tt.helpers, Addressees: []accord.Addressee{{Text: "secretariat", Actor: "secretariat"}}}
			if got := fmt.Sprint(reg.Organizations(d, m)); got != tt.want {
				t.Errorf("Organizations(%q after %q) = %s, want %s", tt.action, tt.before, got, tt.want)
			}
		})
	}
}

// TestActorsFromOrganizations: the registry resolves an addressee that is
// an organization's name, acronym or alias to its id; one that only holds
// a name is another actor; a convention's secretariat stays "secretariat".
func TestActorsFromOrganizations(t *testing.T) {
	reg := NewActors([]accord.Organization{
		{ID: "lead-org", Name: "Lead Organization for Mercury", Acronym: "LOM", Aliases: []string{"Mercury Lead", "the Lead Partners"}, Kind: accord.NGO},
		{ID: "mc-secretariat", Name: "Secretariat of the Minamata Convention", Kind: accord.ConventionSecretariat},
	})
	for _, tt := range []struct{ text, want string }{
		{"the Lead Organization for Mercury", "lead-org"},
		{"LOM", "lead-org"},
		{"the Mercury Lead", "lead-org"},
		{"Lead Partners", "lead-org"},
		{"the Lead Partners", "lead-org"},
		{"Lead Organization for Mercury (LOM)", "lead-org"},
		{"the Board of the Lead Organization for Mercury", "board-of-the-lead-organization-for-mercury"},
		{"the Secretariat of the Minamata Convention", "secretariat"},
		{"Parties", "parties"},
		{"the Executive Secretary", "executive-secretary"},
	} {
		if got := reg.Resolve(tt.text); got != tt.want {
			t.Errorf("Resolve(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := DefaultActors().Resolve("the Inter-Organization Programme for the Sound Management of Chemicals"); got != "iomc" {
		t.Errorf("DefaultActors().Resolve(IOMC's name) = %q, want iomc", got)
	}
}

// BenchmarkOrganizations measures what finding the organizations of
// every mandate adds to extracting a decision: the sample's Minamata
// decision, its mandates extracted once.
func BenchmarkOrganizations(b *testing.B) {
	d := sampleDecision(b, "minamata")
	reg := DefaultActors()
	ms := Decision(&d, reg).Mandates
	b.ResetTimer()
	for b.Loop() {
		for _, m := range ms {
			reg.Organizations(&d, m)
		}
	}
}

// BenchmarkDecision is extraction alone, to compare with.
func BenchmarkDecision(b *testing.B) {
	d := sampleDecision(b, "minamata")
	reg := DefaultActors()
	for b.Loop() {
		Decision(&d, reg)
	}
}

// BenchmarkNewActors is building the registry from the bundled
// organizations, as a server does once and again when they change.
func BenchmarkNewActors(b *testing.B) {
	for b.Loop() {
		DefaultActors()
	}
}
