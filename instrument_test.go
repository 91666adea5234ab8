package accord

import (
	"slices"
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

// TestBundledInstruments: the bundle reads, ids are lower case, no name
// stands for two instruments, and the Protocols sit under their
// Conventions.
func TestBundledInstruments(t *testing.T) {
	list, err := BundledInstruments()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Instrument{}
	for _, in := range list {
		byID[in.ID] = in
	}
	for id, parent := range map[string]string{"cartagena": "cbd", "nagoya": "cbd", "kyoto": "unfccc", "paris": "unfccc", "montreal": "vienna", "basel": ""} {
		if got := byID[id].Parent; got != parent {
			t.Errorf("parent of %s = %q, want %q", id, got, parent)
		}
	}
	if got := byID["brs"].Groups; !slices.Equal(got, []string{"basel", "rotterdam", "stockholm"}) {
		t.Errorf("brs groups %v, want basel, rotterdam, stockholm", got)
	}
	if got := byID["paris"].Bodies; !slices.Equal(got, []string{"CMA"}) {
		t.Errorf("paris bodies %v, want [CMA]", got)
	}
}

func TestJointInstrument(t *testing.T) {
	for _, tt := range []struct {
		ids  []string
		want string
	}{
		{[]string{"stockholm", "basel", "rotterdam"}, "brs"},
		{[]string{"basel", "rotterdam", "stockholm", "basel"}, "brs"},
		{[]string{"basel", "stockholm"}, ""},
		{[]string{"basel", "rotterdam", "stockholm", "minamata"}, ""},
		{[]string{"basel"}, ""},
		{nil, ""},
	} {
		if got := JointInstrument(tt.ids); got != tt.want {
			t.Errorf("JointInstrument(%v) = %q, want %q", tt.ids, got, tt.want)
		}
	}
	if got := JoiningInstruments("rotterdam"); !slices.Equal(got, []string{"brs"}) {
		t.Errorf("JoiningInstruments(rotterdam) = %v, want [brs]", got)
	}
	if got := WithJoint([]string{"minamata", "basel", "stockholm"}); !slices.Equal(got, []string{"minamata", "basel", "stockholm", "brs"}) {
		t.Errorf("WithJoint(minamata, basel, stockholm) = %v, want brs once after them", got)
	}
	if got := JoiningInstruments("minamata"); len(got) != 0 {
		t.Errorf("JoiningInstruments(minamata) = %v, want none", got)
	}
}

// TestCanEditJoint: an editor of any instrument a joint instrument groups
// edits the joint instrument's records, and not the other way round.
func TestCanEditJoint(t *testing.T) {
	for _, tt := range []struct {
		insts []string
		inst  string
		want  bool
	}{
		{[]string{"rotterdam"}, "brs", true},
		{[]string{"basel"}, "brs", true},
		{[]string{"minamata"}, "brs", false},
		{[]string{"brs"}, "basel", false},
		{[]string{"brs"}, "brs", true},
	} {
		u := User{Name: "ed", Role: RoleEditor, Instruments: tt.insts}
		if got := u.CanEdit(tt.inst); got != tt.want {
			t.Errorf("editor of %v: CanEdit(%q) = %v, want %v", tt.insts, tt.inst, got, tt.want)
		}
	}
}

func TestInstrumentCheck(t *testing.T) {
	good := Instrument{ID: "bamako", Short: "Bamako Convention", Name: "Bamako Convention on the Ban of the Import into Africa of Hazardous Wastes",
		Bodies: []string{"COP"}, Website: "https://www.unep.org/bamako", Source: "https://www.unep.org/bamako"}
	if err := good.Check(); err != nil {
		t.Fatalf("Check(%+v) = %v, want nil", good, err)
	}
	for _, tt := range []struct {
		name  string
		edit  func(*Instrument)
		field string
	}{
		{"upper-case id", func(in *Instrument) { in.ID = "Bamako" }, "id"},
		{"no short name", func(in *Instrument) { in.Short = " " }, "short"},
		{"name on two lines", func(in *Instrument) { in.Name = "a\nb" }, "name"},
		{"bad body", func(in *Instrument) { in.Bodies = []string{"cop"} }, "bodies"},
		{"unknown parent", func(in *Instrument) { in.Parent = "nowhere" }, "parent"},
		{"own parent", func(in *Instrument) { in.Parent = "bamako" }, "parent"},
		{"groups one", func(in *Instrument) { in.Groups = []string{"basel"} }, "groups"},
		{"groups unknown", func(in *Instrument) { in.Groups = []string{"basel", "nowhere"} }, "groups"},
		{"groups twice", func(in *Instrument) { in.Groups = []string{"basel", "basel"} }, "groups"},
		{"website not http", func(in *Instrument) { in.Website = "ftp://unep.org" }, "website"},
		{"no source", func(in *Instrument) { in.Source = "" }, "source"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := good
			tt.edit(&in)
			fes := FieldErrors(in.Check())
			if len(fes) != 1 || fes[0].Field != tt.field {
				t.Errorf("Check(%+v) = %v, want an error in %s", in, fes, tt.field)
			}
		})
	}
}

func TestCheckInstruments(t *testing.T) {
	a := Instrument{ID: "a", Short: "A", Name: "Alpha", Source: "https://a.example"}
	b := Instrument{ID: "b", Short: "B", Name: "Beta", Parent: "a", Source: "https://b.example"}
	if err := CheckInstruments([]Instrument{a, b}); err != nil {
		t.Errorf("CheckInstruments(a, b under a) = %v", err)
	}
	a.Parent = "b"
	if err := CheckInstruments([]Instrument{a, b}); err == nil {
		t.Error("CheckInstruments(a under b under a) = nil, want an error")
	}
	a.Parent, b.Short = "", "Alpha"
	if err := CheckInstruments([]Instrument{a, b}); err == nil {
		t.Error("CheckInstruments(two named Alpha) = nil, want an error")
	}
	b.Short = "B"
	j := Instrument{ID: "j", Short: "J", Name: "Joint", Groups: []string{"a", "b"}, Source: "https://j.example"}
	k := Instrument{ID: "k", Short: "K", Name: "Kappa", Groups: []string{"j", "a"}, Source: "https://k.example"}
	if err := CheckInstruments([]Instrument{a, b, j, k}); err == nil {
		t.Error("CheckInstruments(a joint of a joint) = nil, want an error")
	}
}

// TestUseInstruments: an instrument installed is named, looked up and
// checked at once, and installing the bundle again keeps it.
func TestUseInstruments(t *testing.T) {
	bundle, err := BundledInstruments()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { installed.Store(nil) })
	added := Instrument{ID: "bamako", Short: "Bamako Convention", Name: "Bamako Convention on hazardous wastes", Source: "https://www.unep.org/"}
	UseInstruments([]Instrument{added})
	if got := InstrumentName("bamako"); got != "Bamako Convention" {
		t.Errorf("InstrumentName(bamako) = %q after adding it", got)
	}
	if got := InstrumentID("bamako convention"); got != "bamako" {
		t.Errorf("InstrumentID(bamako convention) = %q after adding it", got)
	}
	if err := (Body{ID: "bamako-COP", Instrument: "bamako", Code: "COP", Name: "Conference of the Parties", Kind: "governing", Source: "https://www.unep.org/"}).Check(); err != nil {
		t.Errorf("a body of the added instrument: %v", err)
	}
	UseInstruments(bundle)
	if got := InstrumentName("bamako"); got != "Bamako Convention" {
		t.Errorf("InstrumentName(bamako) = %q after the bundle came back", got)
	}
	renamed := added
	renamed.Short = "Bamako"
	UseInstruments([]Instrument{renamed})
	if got := InstrumentName("bamako"); got != "Bamako" {
		t.Errorf("InstrumentName(bamako) = %q after renaming it", got)
	}
}
