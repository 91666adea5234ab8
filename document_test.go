package accord

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseSymbol(t *testing.T) {
	tests := []struct {
		in   string
		want Symbol
		key  string
		// the instrument and body that issue it, and its meeting record
		inst, body, meeting string
	}{
		{"UNEP/MC/COP.6/INF/28", Symbol{Series: "UNEP", Body: "MC/COP", Meeting: "6", Kind: "INF", Number: "28"},
			"UNEP/MC/COP/6/INF/28", "minamata", "COP", "minamata-COP-6"},
		{"UNEP/MC/COP.7/Dec.7/3", Symbol{Series: "UNEP", Body: "MC/COP", Meeting: "7", Kind: "DEC", Number: "3"},
			"UNEP/MC/COP/7/DEC/3", "minamata", "COP", "minamata-COP-7"},
		{"FCCC/SB/2017/1/Add.1", Symbol{Series: "FCCC", Body: "SB", Meeting: "2017", Number: "1", Parts: []string{"Add.1"}},
			"FCCC/SB/2017/1/ADD.1", "unfccc", "SB", ""},
		{"UNEP/MC/COP.6/3", Symbol{Series: "UNEP", Body: "MC/COP", Meeting: "6", Number: "3"},
			"UNEP/MC/COP/6/3", "minamata", "COP", "minamata-COP-6"},
		{"UNEP/CHW.16/INF/3/Add.1", Symbol{Series: "UNEP", Body: "CHW", Meeting: "16", Kind: "INF", Number: "3", Parts: []string{"Add.1"}},
			"UNEP/CHW/16/INF/3/ADD.1", "basel", "COP", "basel-COP-16"},
		{"UNEP/CHW/OEWG.13/INF/3", Symbol{Series: "UNEP", Body: "CHW/OEWG", Meeting: "13", Kind: "INF", Number: "3"},
			"UNEP/CHW/OEWG/13/INF/3", "basel", "OEWG", "basel-OEWG-13"},
		{"UNEP/FAO/RC/COP.11/5", Symbol{Series: "UNEP", Body: "FAO/RC/COP", Meeting: "11", Number: "5"},
			"UNEP/FAO/RC/COP/11/5", "rotterdam", "COP", "rotterdam-COP-11"},
		{"UNEP/POPS/COP.11/INF/12", Symbol{Series: "UNEP", Body: "POPS/COP", Meeting: "11", Kind: "INF", Number: "12"},
			"UNEP/POPS/COP/11/INF/12", "stockholm", "COP", "stockholm-COP-11"},
		{"UNEP/FAO/CHW/RC/POPS/JWG.3/3", Symbol{Series: "UNEP", Body: "FAO/CHW/RC/POPS/JWG", Meeting: "3", Number: "3"},
			"UNEP/FAO/CHW/RC/POPS/JWG/3/3", "", "", ""},
		{"CBD/COP/DEC/15/4", Symbol{Series: "CBD", Body: "COP", Meeting: "15", Kind: "DEC", Number: "4"},
			"CBD/COP/15/DEC/4", "cbd", "COP", "cbd-COP-15"},
		{"UNEP/CBD/COP/DEC/IX/24", Symbol{Series: "UNEP", Body: "CBD/COP", Meeting: "9", Kind: "DEC", Number: "24"},
			"UNEP/CBD/COP/9/DEC/24", "cbd", "COP", "cbd-COP-9"},
		{"CBD/SBSTTA/25/2", Symbol{Series: "CBD", Body: "SBSTTA", Meeting: "25", Number: "2"},
			"CBD/SBSTTA/25/2", "cbd", "SBSTTA", "cbd-SBSTTA-25"},
		{"CBD/SBSTTA/25/L.3", Symbol{Series: "CBD", Body: "SBSTTA", Meeting: "25", Kind: "L", Number: "3"},
			"CBD/SBSTTA/25/L/3", "cbd", "SBSTTA", "cbd-SBSTTA-25"},
		{"UNEP/CBD/BS/COP-MOP/3/6", Symbol{Series: "UNEP", Body: "CBD/BS/COP-MOP", Meeting: "3", Number: "6"},
			"UNEP/CBD/BS/COP-MOP/3/6", "cartagena", "COP-MOP", "cartagena-COP-MOP-3"},
		{"CBD/CP/MOP/11/INF/2", Symbol{Series: "CBD", Body: "CP/MOP", Meeting: "11", Kind: "INF", Number: "2"},
			"CBD/CP/MOP/11/INF/2", "cartagena", "COP-MOP", "cartagena-COP-MOP-11"},
		{"FCCC/CP/2023/11/Add.1", Symbol{Series: "FCCC", Body: "CP", Meeting: "2023", Number: "11", Parts: []string{"Add.1"}},
			"FCCC/CP/2023/11/ADD.1", "unfccc", "COP", ""},
		{"FCCC/PA/CMA/2023/16/Add.1", Symbol{Series: "FCCC", Body: "PA/CMA", Meeting: "2023", Number: "16", Parts: []string{"Add.1"}},
			"FCCC/PA/CMA/2023/16/ADD.1", "paris", "CMA", ""},
		{"FCCC/SBI/2023/INF.5", Symbol{Series: "FCCC", Body: "SBI", Meeting: "2023", Kind: "INF", Number: "5"},
			"FCCC/SBI/2023/INF/5", "unfccc", "SBI", ""},
		{"UNEP/OzL.Pro.35/12", Symbol{Series: "UNEP", Body: "OzL.Pro", Meeting: "35", Number: "12"},
			"UNEP/OZL.PRO/35/12", "montreal", "MOP", "montreal-MOP-35"},
		{"UNEP/OzL.Pro.WG.1/45/3", Symbol{Series: "UNEP", Body: "OzL.Pro.WG.1", Meeting: "45", Number: "3"},
			"UNEP/OZL.PRO.WG.1/45/3", "montreal", "OEWG", "montreal-OEWG-45"},
		{"CITES CoP19 Doc. 12", Symbol{Series: "CITES", Body: "CoP", Meeting: "19", Kind: "Doc", Number: "12"},
			"CITES/COP/19/DOC/12", "cites", "CoP", "cites-CoP-19"},
		{"CoP19 Doc. 12.1 (Rev. 1)", Symbol{Series: "CITES", Body: "CoP", Meeting: "19", Kind: "Doc", Number: "12.1", Parts: []string{"Rev.1"}},
			"CITES/COP/19/DOC/12.1/REV.1", "cites", "CoP", "cites-CoP-19"},
		{"SC77 Inf. 5", Symbol{Series: "CITES", Body: "SC", Meeting: "77", Kind: "Inf", Number: "5"},
			"CITES/SC/77/INF/5", "cites", "SC", "cites-SC-77"},
		{"UNEP/EA.6/L.5", Symbol{Series: "UNEP", Body: "EA", Meeting: "6", Kind: "L", Number: "5"},
			"UNEP/EA/6/L/5", "unea", "UNEA", "unea-UNEA-6"},
		{"UNEP/EA.5/Res.7", Symbol{Series: "UNEP", Body: "EA", Meeting: "5", Kind: "RES", Number: "7"},
			"UNEP/EA/5/RES/7", "unea", "UNEA", "unea-UNEA-5"},
		{"A/RES/75/271", Symbol{Series: "A", Kind: "RES", Meeting: "75", Number: "271"},
			"A/75/RES/271", "unga", "GA", ""},
		{"A/75/L.12/Rev.1", Symbol{Series: "A", Meeting: "75", Kind: "L", Number: "12", Parts: []string{"Rev.1"}},
			"A/75/L/12/REV.1", "unga", "GA", ""},
		{"A/CONF.216/16", Symbol{Series: "A", Body: "CONF", Meeting: "216", Number: "16"},
			"A/CONF/216/16", "unga", "GA", ""},
		{"ICCD/COP(16)/23", Symbol{Series: "ICCD", Body: "COP", Meeting: "16", Number: "23"},
			"ICCD/COP/16/23", "unccd", "COP", "unccd-COP-16"},
		{"ST/AI/342", Symbol{Series: "ST", Body: "AI", Number: "342"}, "ST/AI/342", "", "", ""},
		{"UNEP/CMS/COP14/Doc.31.4", Symbol{Series: "UNEP", Body: "CMS/COP", Meeting: "14", Kind: "DOC", Number: "31.4"},
			"UNEP/CMS/COP/14/DOC/31.4", "cms", "COP", "cms-COP-14"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSymbol(tt.in)
			if err != nil {
				t.Fatalf("ParseSymbol(%q): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSymbol(%q) (-want +got):\n%s", tt.in, diff)
			}
			if k := got.Key(); k != tt.key {
				t.Errorf("ParseSymbol(%q).Key() = %q, want %q", tt.in, k, tt.key)
			}
			if inst, body := got.Issuer(); inst != tt.inst || body != tt.body {
				t.Errorf("ParseSymbol(%q).Issuer() = %q, %q, want %q, %q", tt.in, inst, body, tt.inst, tt.body)
			}
			if m := got.MeetingID(); m != tt.meeting {
				t.Errorf("ParseSymbol(%q).MeetingID() = %q, want %q", tt.in, m, tt.meeting)
			}
		})
	}
}

// TestSymbolKeyMatches checks that the ways one document is cited have
// one key, and that documents that differ keep theirs apart.
func TestSymbolKeyMatches(t *testing.T) {
	same := [][]string{
		{"UNEP/MC/COP.6/INF/3", "UNEP/MC/COP 6/INF/3", "unep/mc/cop.6/inf/3", "UNEP/MC/COP6/INF/3", "UNEP/MC/COP.6/INF.3", " UNEP/MC/COP.6/ INF/3 "},
		{"ICCD/COP(16)/23", "ICCD/COP.16/23", "ICCD/COP 16/23"},
		{"UNEP/CHW.14/5/Add.1", "UNEP/CHW.14/5/Add 1", "UNEP/CHW.14/5/ADD.1"},
		{"CITES CoP19 Doc. 12", "CoP19 Doc.12", "CoP 19 Doc. 12", "cop19 doc. 12"},
		{"UNEP/EA.5/Res.7", "UNEP/EA.5/RES/7"},
	}
	for _, forms := range same {
		want := SymbolKey(forms[0])
		for _, f := range forms[1:] {
			if got := SymbolKey(f); got != want {
				t.Errorf("SymbolKey(%q) = %q, want %q (the key of %q)", f, got, want, forms[0])
			}
		}
	}
	apart := [][2]string{
		{"UNEP/MC/COP.6/INF/3", "UNEP/MC/COP.6/3"},
		{"UNEP/MC/COP.6/INF/3", "UNEP/MC/COP.5/INF/3"},
		{"UNEP/CHW.14/5", "UNEP/CHW.14/5/Add.1"},
		{"UNEP/CHW.14/5/Add.1", "UNEP/CHW.14/5/Rev.1"},
		{"CBD/SBSTTA/25/3", "CBD/SBI/25/3"},
	}
	for _, p := range apart {
		if SymbolKey(p[0]) == SymbolKey(p[1]) {
			t.Errorf("SymbolKey(%q) = SymbolKey(%q) = %q, want them apart", p[0], p[1], SymbolKey(p[0]))
		}
	}
}

func TestParseSymbolRefuses(t *testing.T) {
	for _, in := range []string{"", "VIII/8", "MC-6/3", "FAO/WHO", "UNEP/MC/COP.6/<b>/3", "UNEP/MC/COP.6/3/INF", "UNEP//3"} {
		if got, err := ParseSymbol(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseSymbol(%q) = %+v, %v; want an error wrapping ErrInvalid", in, got, err)
		}
	}
}

func TestDocumentCheck(t *testing.T) {
	ok := Document{Symbol: " UNEP/MC/COP.6/INF/28 ", Instrument: "Minamata Convention", Date: "2025-09-01", Languages: []string{"en", "FR", "zh-Hans"}, URL: "https://example.org/d.pdf"}
	if err := ok.Check(); err != nil {
		t.Fatalf("Check(%+v): %v", ok, err)
	}
	if ok.Symbol != "UNEP/MC/COP.6/INF/28" || ok.Key != "UNEP/MC/COP/6/INF/28" || ok.Instrument != "minamata" || ok.Languages[1] != "fr" {
		t.Errorf("Check left %+v", ok)
	}
	for _, tt := range []struct {
		d     Document
		field string
	}{
		{Document{Symbol: "VIII/8"}, "symbol"},
		{Document{Symbol: "UNEP/MC/COP.6/3", Instrument: "nowhere"}, "instrument"},
		{Document{Symbol: "UNEP/MC/COP.6/3", Date: "1 September 2025"}, "date"},
		{Document{Symbol: "UNEP/MC/COP.6/3", Languages: []string{"English"}}, "languages"},
		{Document{Symbol: "UNEP/MC/COP.6/3", URL: "javascript:alert(1)"}, "url"},
	} {
		err := tt.d.Check()
		if !errors.Is(err, ErrInvalid) || err.Error()[:len(tt.field)] != tt.field {
			t.Errorf("Check(%+v) = %v, want an invalid %s", tt.d, err, tt.field)
		}
	}
}

func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{"UNEP/MC/COP.6/INF/28", "ICCD/COP(16)/23", "CoP19 Doc. 12.1 (Rev. 1)", "UNEP/OzL.Pro.WG.1/45/3", "A/RES/75/271", "UNEP/CBD/COP/DEC/IX/24"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sym, err := ParseSymbol(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseSymbol(%q): %v, not ErrInvalid", s, err)
			}
			return
		}
		if sym.Key() == "" || sym.Series == "" {
			t.Fatalf("ParseSymbol(%q) = %+v: no key", s, sym)
		}
	})
}
