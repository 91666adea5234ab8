package accord

import (
	"strings"
	"testing"
)

func TestParseArrangement(t *testing.T) {
	for _, tt := range []struct {
		in   string
		kind ArrangementKind
		ok   bool
	}{
		{"membership", Membership, true}, {"Observer status", ObserverStatus, true}, {"MoU", MoU, true},
		{"memorandum of understanding", MoU, true}, {"joint work programme", JointActivity, true},
		{"joint-publication", JointPublishing, true}, {"friendship", "", false},
	} {
		if k, ok := ParseArrangementKind(tt.in); ok != tt.ok || ok && k != tt.kind {
			t.Errorf("ParseArrangementKind(%q) = %q, %v, want %q, %v", tt.in, k, ok, tt.kind, tt.ok)
		}
	}
	for _, tt := range []struct {
		in string
		st ArrangementStatus
		ok bool
	}{
		{"granted", ArrangementInForce, true}, {"in force", ArrangementInForce, true}, {"Requested", ArrangementRequested, true},
		{"ended", ArrangementEnded, true}, {"maybe", "", false},
	} {
		if st, ok := ParseArrangementStatus(tt.in); ok != tt.ok || ok && st != tt.st {
			t.Errorf("ParseArrangementStatus(%q) = %q, %v, want %q, %v", tt.in, st, ok, tt.st, tt.ok)
		}
	}
	for _, tt := range []struct {
		in string
		ok bool
	}{{"2025", true}, {"2025-11", true}, {"2025-11-30", true}, {"2025-02-30", false}, {"2025-13", false}, {"25-11", false}, {"", false}} {
		if ok := ValidPartialDate(tt.in); ok != tt.ok {
			t.Errorf("ValidPartialDate(%q) = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

func TestOrganizationCheck(t *testing.T) {
	good := Organization{ID: "iomc", Name: "Inter-Organization Programme for the Sound Management of Chemicals", Acronym: "IOMC", Kind: Intergovernmental}
	if err := good.Check(); err != nil {
		t.Fatalf("Check(%+v) = %v", good, err)
	}
	for _, tt := range []struct {
		name string
		edit func(*Organization)
		want string
	}{
		{"id", func(o *Organization) { o.ID = "IOMC" }, `organization id "IOMC"`},
		{"name", func(o *Organization) { o.Name = "" }, "name: empty"},
		{"name on two lines", func(o *Organization) { o.Name = "A\nB" }, "name:"},
		{"alias with a bar", func(o *Organization) { o.Aliases = []string{"A|B"} }, "aliases:"},
		{"acronym", func(o *Organization) { o.Acronym = "IO MC" }, "not one acronym"},
		{"kind", func(o *Organization) { o.Kind = "agency" }, "un-programme, un-agency"},
		{"website", func(o *Organization) { o.Website = "http://iomc.org" }, "https"},
		{"source", func(o *Organization) { o.Source = "iomc.org" }, "source:"},
	} {
		o := good
		tt.edit(&o)
		if err := o.Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Check = %v, want an error naming %q", tt.name, err, tt.want)
		}
	}
	if got := good.Label(); got != "IOMC — Inter-Organization Programme for the Sound Management of Chemicals" {
		t.Errorf("Label() = %q", got)
	}
}
