package registry

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
)

// isoCodesJSON is where Debian's iso-codes package installs ISO 3166-1.
const isoCodesJSON = "/usr/share/iso-codes/json/iso_3166-1.json"

// TestCountriesMatchISOCodes compares the embedded list with iso-codes'
// JSON: a difference means countries.csv needs go generate.
func TestCountriesMatchISOCodes(t *testing.T) {
	data, err := os.ReadFile(isoCodesJSON)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("SKIPPED: %s is not installed (apt-get install iso-codes); the embedded list is not compared", isoCodesJSON)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Entries []struct {
			Alpha2       string `json:"alpha_2"`
			Alpha3       string `json:"alpha_3"`
			Numeric      string `json:"numeric"`
			Name         string `json:"name"`
			OfficialName string `json:"official_name"`
		} `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]accord.Country{}
	for _, e := range doc.Entries {
		want[e.Alpha2] = accord.Country{Alpha2: e.Alpha2, Alpha3: e.Alpha3, Numeric: e.Numeric, Name: e.Name, OfficialName: e.OfficialName}
	}
	got := map[string]accord.Country{}
	for _, c := range mustCountries(t) {
		got[c.Alpha2] = c
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("countries.csv differs from %s (run go generate ./internal/registry) (-want +got):\n%s", isoCodesJSON, diff)
	}
}

func TestCountriesBundled(t *testing.T) {
	cs, err := ParseCountries("countries.csv", strings.NewReader(string(countriesCSV)))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 249 {
		t.Errorf("%d countries, want ISO 3166-1's 249 or more", len(cs))
	}
}

func TestLookupCountry(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"KE", "KE"}, {"ke", "KE"}, {"KEN", "KE"}, {"404", "KE"}, {"Kenya", "KE"},
		{" republic of kenya ", "KE"}, {"Türkiye", "TR"}, {"CIV", "CI"},
		{"Iran, Islamic Republic of", "IR"}, {"GB", "GB"},
	} {
		c, ok, _ := LookupCountry(tt.in)
		if !ok || c.Alpha2 != tt.want {
			t.Errorf("LookupCountry(%q) = %q, %v, want %q", tt.in, c.Alpha2, ok, tt.want)
		}
	}
	for _, in := range []string{"", "XX", "UK", "Atlantis", "999"} {
		if c, ok, _ := LookupCountry(in); ok {
			t.Errorf("LookupCountry(%q) = %q, want none", in, c.Alpha2)
		}
	}
	if ValidAlpha2("ke") || ValidAlpha2("KEN") || !ValidAlpha2("KE") {
		t.Error("ValidAlpha2 takes upper-case alpha-2 codes only")
	}
}

// TestRegionalGroups checks the groups against the counts the UN gives:
// 193 Member States, each in one group (Türkiye and the United States in
// the Western European and other States, as for elections).
func TestRegionalGroups(t *testing.T) {
	want := map[string]int{"african": 54, "asia-pacific": 54, "eastern-european": 23, "grulac": 33, "weog": 29}
	seen := map[string]string{}
	for _, g := range RegionalGroups() {
		if len(g.Members) != want[g.ID] {
			t.Errorf("group %s has %d members, want %d", g.ID, len(g.Members), want[g.ID])
		}
		for _, code := range g.Members {
			if !ValidAlpha2(code) {
				t.Errorf("group %s: %q is not an alpha-2 code", g.ID, code)
			}
			if other, ok := seen[code]; ok {
				t.Errorf("%s is in %s and %s", code, other, g.ID)
			}
			seen[code] = g.ID
		}
	}
	if len(seen) != 193 {
		t.Errorf("%d Member States in the groups, want 193", len(seen))
	}
	for _, tt := range []struct{ code, group string }{
		{"KE", "african"}, {"KI", "asia-pacific"}, {"TR", "weog"}, {"IL", "weog"}, {"US", "weog"},
		{"CZ", "eastern-european"}, {"UY", "grulac"}, {"CY", "asia-pacific"},
	} {
		if g, ok := GroupOf(tt.code); !ok || g.ID != tt.group {
			t.Errorf("GroupOf(%q) = %q, %v, want %q", tt.code, g.ID, ok, tt.group)
		}
	}
	for _, code := range []string{"PS", "VA", "GL", "XX"} {
		if g, ok := GroupOf(code); ok {
			t.Errorf("GroupOf(%q) = %q, want none", code, g.ID)
		}
	}
}

func TestParseCountriesErrors(t *testing.T) {
	const header = "alpha_2,alpha_3,numeric,name,official_name\n"
	for _, tt := range []struct {
		name, csv, want string
	}{
		{"lower-case alpha-2", header + "ke,KEN,404,Kenya,\n", "x.csv: row 2, column alpha_2: \"ke\" is not two capital letters"},
		{"short alpha-3", header + "KE,KE,404,Kenya,\n", "x.csv: row 2, column alpha_3: \"KE\" is not three capital letters"},
		{"numeric without zeros", header + "AD,AND,20,Andorra,\n", "x.csv: row 2, column numeric: \"20\" is not three digits"},
		{"duplicate alpha-2", header + "KE,KEN,404,Kenya,\nKE,KEX,405,Kenya 2,\n", "x.csv: row 3, column alpha_2: \"KE\" is also the code of row 2"},
		{"no name", header + "KE,KEN,404,,\n", "x.csv: row 2, column name: empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseCountries("x.csv", strings.NewReader(tt.csv))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCountries(%q) = %d rows, %v, want error containing %q", tt.csv, len(cs), err, tt.want)
			}
		})
	}
}
