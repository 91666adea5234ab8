package registry

import (
	"net/url"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestOrganizationsBundled(t *testing.T) {
	orgs, err := ParseOrganizations("organizations.csv", strings.NewReader(string(organizationsCSV)))
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) < 40 {
		t.Errorf("%d organizations bundled, want at least 40", len(orgs))
	}
	ids := map[string]bool{}
	for _, o := range orgs {
		if ids[o.ID] {
			t.Errorf("id %q twice", o.ID)
		}
		ids[o.ID] = true
		if o.Website != "" {
			if u, err := url.Parse(o.Website); err != nil || u.Scheme != "https" || u.Host == "" {
				t.Errorf("%s: website %q is not an https URL", o.ID, o.Website)
			}
		}
		if o.Source == "" {
			t.Errorf("%s: no source", o.ID)
		}
	}
}

// TestOrganizationsNamed checks that the bodies the seeds and the usual
// partners of the chemicals and biodiversity conventions are there, by
// the names and acronyms decisions use.
func TestOrganizationsNamed(t *testing.T) {
	for _, tt := range []struct{ name, id string }{
		{"Inter-Organization Programme for the Sound Management of Chemicals", "iomc"},
		{"IOMC", "iomc"},
		{"inter-organization  programme for the sound management of chemicals", "iomc"},
		{"Intergovernmental Science-Policy Panel on Chemicals, Waste and Pollution", "isp-cwp"},
		{"Global Framework on Chemicals", "global-framework"},
		{"Global Framework on Chemicals – For a Planet Free of Harm from Chemicals and Waste", "global-framework"},
		{"Strategic Approach to International Chemicals Management", "saicm"},
		{"International Conference on Mercury as a Global Pollutant", "icmgp"},
		{"United Nations Children's Fund", "unicef"},
		{"International Atomic Energy Agency", "iaea"},
		{"Global Mercury Partnership", "global-mercury-partnership"},
		{"World Customs Organization", "wco"},
		{"World Trade Organization", "wto"},
		{"Codex Alimentarius Commission", "codex"},
		{"Green Customs Initiative", "green-customs"},
		{"Global Environment Facility", "gef"},
		{"Food and Agriculture Organization of the United Nations", "fao"},
		{"UNEP", "unep"},
		{"World Bank", "world-bank"},
		{"OECD", "oecd"},
		{"UNITAR", "unitar"},
		{"ILO", "ilo"},
		{"IPBES", "ipbes"},
		{"IPCC", "ipcc"},
		{"Multilateral Fund", "mlf"},
		{"Green Climate Fund", "gcf"},
		{"Adaptation Fund", "adaptation-fund"},
		{"Ozone Secretariat", "ozone-secretariat"},
		{"Secretariat of the Stockholm Convention", "brs-secretariat"},
		{"Secretariat of the Convention on Biological Diversity", "cbd-secretariat"},
		{"UN-Habitat", "un-habitat"},
		{"unece", "unece"},
	} {
		o, ok, _ := LookupOrganization(tt.name)
		if !ok || o.ID != tt.id {
			t.Errorf("LookupOrganization(%q) = %q, %v, want %q", tt.name, o.ID, ok, tt.id)
		}
	}
	if o, ok, _ := LookupOrganization("the Programme"); ok {
		t.Errorf("LookupOrganization(%q) = %q, want none: it names no organization alone", "the Programme", o.ID)
	}
}

// TestOrganizationsIOMCMembers checks that every participating
// organization of the IOMC is bundled.
func TestOrganizationsIOMCMembers(t *testing.T) {
	for _, id := range []string{"fao", "ilo", "oecd", "unep", "unido", "unitar", "who", "world-bank", "undp"} {
		if _, ok, _ := LookupOrganization(id); !ok {
			t.Errorf("IOMC member %q is not bundled", id)
		}
	}
}

// TestOrganizationsExtractIDs checks that the organizations the
// extractor's actor registry names keep its ids, so that stored mandates
// naming them link to their records.
func TestOrganizationsExtractIDs(t *testing.T) {
	for _, id := range []string{"unep", "fao", "undp", "unido", "who", "wto", "teap", "ipbes", "iomc", "global-framework", "gef"} {
		if _, ok, _ := LookupOrganization(id); !ok {
			t.Errorf("actor id %q is not an organization", id)
		}
	}
}

func TestParseOrganizationsErrors(t *testing.T) {
	const header = "id,name,acronym,aliases,kind,website,source\n"
	const good = "unep,United Nations Environment Programme,UNEP,,un-programme,https://www.unep.org,https://www.unep.org\n"
	for _, tt := range []struct {
		name, csv, want string
	}{
		{"empty file", "", "x.csv: empty"},
		{"wrong header", "id,name,kind\n", "x.csv: row 1: header"},
		{"columns shifted", header + "a,A,,,other,https://a.org\n", "x.csv: row 2: 6 columns, want 7"},
		{"bad id", header + "Bad Id,A,,,other,,https://a.org\n", "x.csv: row 2, column id: \"Bad Id\" is not an id"},
		{"duplicate id", header + good + "unep,Other,,,other,,https://a.org\n", "x.csv: row 3, column id: \"unep\" is also the id of row 2"},
		{"no name", header + "a,,,,other,,https://a.org\n", "x.csv: row 2, column name: empty"},
		{"bad kind", header + "a,A,,,agency,,https://a.org\n", "x.csv: row 2, column kind: \"agency\" is not a kind"},
		{"http website", header + "a,A,,,other,http://a.org,https://a.org\n", "x.csv: row 2, column website: \"http://a.org\" is not an https URL"},
		{"relative website", header + "a,A,,,other,www.a.org,https://a.org\n", "x.csv: row 2, column website: \"www.a.org\" is not an https URL"},
		{"no source", header + "a,A,,,other,,\n", "x.csv: row 2, column source: empty"},
		{"bad source", header + "a,A,,,other,,a.org\n", "x.csv: row 2, column source: \"a.org\" is not an http or https URL"},
		{"two acronyms", header + "a,A,A B,,other,,https://a.org\n", "x.csv: row 2, column acronym: \"A B\" is not one acronym"},
		{"shared acronym", header + good + "b,B,unep,,other,,https://b.org\n", "x.csv: row 3, column acronym: \"unep\" also names unep"},
		{"shared alias", header + "unep,United Nations Environment Programme,UNEP,UN Environment Programme,un-programme,,https://www.unep.org\n" +
			"b,B,,UN Environment  Programme|X,other,,https://b.org\n", "x.csv: row 3, column aliases: \"UN Environment  Programme\" also names unep"},
		{"bad quoting", header + "a,\"A,,,other,,https://a.org\n", "x.csv: row 2:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.csv
			orgs, err := ParseOrganizations("x.csv", strings.NewReader(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseOrganizations(%q) = %d rows, %v, want error containing %q", src, len(orgs), err, tt.want)
			}
			if err != nil && orgs != nil {
				t.Errorf("ParseOrganizations(%q) returned %d rows with its error, want none", src, len(orgs))
			}
		})
	}
}

func TestParseOrganizationsFields(t *testing.T) {
	src := "\ufeffid,name,acronym,aliases,kind,website,source\n" +
		"iomc, Inter-Organization Programme for the Sound Management of Chemicals ,IOMC,Inter-Organisation Programme for the Sound Management of Chemicals| ,intergovernmental,,https://example.org/iomc\n\n"
	orgs, err := ParseOrganizations("x.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 1 {
		t.Fatalf("ParseOrganizations = %d rows, want 1", len(orgs))
	}
	o := orgs[0]
	if o.Name != "Inter-Organization Programme for the Sound Management of Chemicals" || o.Acronym != "IOMC" || o.Kind != accord.Intergovernmental ||
		len(o.Aliases) != 1 || o.Aliases[0] != "Inter-Organisation Programme for the Sound Management of Chemicals" {
		t.Errorf("ParseOrganizations = %+v", o)
	}
	if got := accord.Intergovernmental.String(); got != "intergovernmental" {
		t.Errorf("accord.Intergovernmental.String() = %q", got)
	}
	if got := accord.UNProgramme.String(); got != "UN programme" {
		t.Errorf("accord.UNProgramme.String() = %q", got)
	}
}
