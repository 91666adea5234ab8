package accord

import (
	"strings"
	"testing"
)

func TestInstrumentNames(t *testing.T) {
	for _, tt := range []struct{ in, id, name, full string }{
		{"minamata", "minamata", "Minamata Convention", "Minamata Convention on Mercury"},
		{"Minamata", "minamata", "Minamata Convention", "Minamata Convention on Mercury"},
		{"  minamata   CONVENTION ", "minamata", "Minamata Convention", "Minamata Convention on Mercury"},
		{"Minamata Convention on Mercury", "minamata", "Minamata Convention", "Minamata Convention on Mercury"},
		{"UNFCCC", "unfccc", "UNFCCC", "United Nations Framework Convention on Climate Change"},
		{"cartagena", "cartagena", "Cartagena Protocol", "Cartagena Protocol on Biosafety"},
		// Not known: kept as typed, shown as stored.
		{"afb", "afb", "afb", "afb"},
		{"Adaptation Fund", "Adaptation Fund", "Adaptation Fund", "Adaptation Fund"},
		{"", "", "", ""},
	} {
		id := InstrumentID(tt.in)
		if id != tt.id {
			t.Errorf("InstrumentID(%q) = %q, want %q", tt.in, id, tt.id)
		}
		if got := InstrumentName(id); got != tt.name {
			t.Errorf("InstrumentName(%q) = %q, want %q", id, got, tt.name)
		}
		if got := InstrumentFullName(id); got != tt.full {
			t.Errorf("InstrumentFullName(%q) = %q, want %q", id, got, tt.full)
		}
	}
}

// TestInstrumentsTable: ids are lower case, and no name stands for two
// instruments.
func TestInstrumentsTable(t *testing.T) {
	seen := map[string]string{}
	for _, in := range Instruments {
		if in.ID != strings.ToLower(in.ID) || in.ID == "" || in.Short == "" || in.Name == "" {
			t.Errorf("instrument %+v: want a lower-case id and both names", in)
		}
		for _, k := range []string{in.ID, in.Short, in.Name} {
			k = strings.ToLower(k)
			if other, ok := seen[k]; ok && other != in.ID {
				t.Errorf("%q names both %s and %s", k, other, in.ID)
			}
			seen[k] = in.ID
		}
	}
}
