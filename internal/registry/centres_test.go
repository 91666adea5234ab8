package registry

import (
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

func TestCentresBundled(t *testing.T) {
	cs, err := ParseCentres("centres.csv", strings.NewReader(string(centresCSV)))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	basel, stockholm := 0, 0
	for _, c := range cs {
		if ids[c.ID] {
			t.Errorf("id %q twice", c.ID)
		}
		ids[c.ID] = true
		if !ValidAlpha2(c.HostCountry) {
			t.Errorf("%s: host country %q is not an alpha-2 code", c.ID, c.HostCountry)
		}
		for _, code := range c.CountriesServed {
			if !ValidAlpha2(code) {
				t.Errorf("%s: country served %q is not an alpha-2 code", c.ID, code)
			}
		}
		if c.Source == "" {
			t.Errorf("%s: no source", c.ID)
		}
		if c.Serves("basel") {
			basel++
		}
		if c.Serves("stockholm") {
			stockholm++
		}
	}
	// The conventions count 14 Basel centres (basel.int) and 16 Stockholm
	// centres (chm.pops.int); the bundle holds those a source was found for.
	if basel < 14 || stockholm < 12 {
		t.Errorf("%d Basel and %d Stockholm centres, want at least 14 and 12", basel, stockholm)
	}
}

func TestCentresCaribbean(t *testing.T) {
	var c accord.Centre
	for _, x := range mustCentres(t) {
		if x.ID == "bcrc-caribbean" {
			c = x
		}
	}
	if c.HostCountry != "TT" || !c.Serves("basel") || c.Serves("stockholm") || len(c.CountriesServed) != 13 {
		t.Errorf("bcrc-caribbean = %+v, want hosted by TT, Basel only, 13 countries served", c)
	}
}

func TestParseCentresErrors(t *testing.T) {
	const header = "id,name,host_country,city,conventions,countries_served,closed,source\n"
	for _, tt := range []struct {
		name, csv, want string
	}{
		{"wrong header", "id,name,host_country,city,conventions,countries_served,source\n", "x.csv: row 1: header"},
		{"bad id", header + "BCRC X,A,TT,,basel,,,https://a.org\n", "x.csv: row 2, column id:"},
		{"duplicate id", header + "a,A,TT,,basel,,,https://a.org\na,B,TT,,basel,,,https://a.org\n", "x.csv: row 3, column id: \"a\" is also the id of row 2"},
		{"no name", header + "a,,TT,,basel,,,https://a.org\n", "x.csv: row 2, column name: empty"},
		{"no host", header + "a,A,,,basel,,,https://a.org\n", "x.csv: row 2, column host_country: empty"},
		{"unknown host", header + "a,A,XX,,basel,,,https://a.org\n", "x.csv: row 2, column host_country: \"XX\" is not an ISO 3166-1 alpha-2 code"},
		{"alpha-3 host", header + "a,A,TTO,,basel,,,https://a.org\n", "x.csv: row 2, column host_country: \"TTO\""},
		{"lower-case host", header + "a,A,tt,,basel,,,https://a.org\n", "x.csv: row 2, column host_country: \"tt\""},
		{"no convention", header + "a,A,TT,,,,,https://a.org\n", "x.csv: row 2, column conventions: empty"},
		{"other convention", header + "a,A,TT,,basel|minamata,,,https://a.org\n", "x.csv: row 2, column conventions: \"minamata\" is not basel or stockholm"},
		{"unknown country served", header + "a,A,TT,,basel,TT|ZZ,,https://a.org\n", "x.csv: row 2, column countries_served: \"ZZ\" is not an ISO 3166-1 alpha-2 code"},
		{"country served twice", header + "a,A,TT,,basel,TT|BB|TT,,https://a.org\n", "x.csv: row 2, column countries_served: \"TT\" is listed twice"},
		{"bad closing date", header + "a,A,TT,,basel,,4 May 2017,https://a.org\n", "x.csv: row 2, column closed: \"4 May 2017\" is not a date"},
		{"no source", header + "a,A,TT,,basel,,,\n", "x.csv: row 2, column source: empty"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := ParseCentres("x.csv", strings.NewReader(tt.csv))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCentres(%q) = %d rows, %v, want error containing %q", tt.csv, len(cs), err, tt.want)
			}
		})
	}
}
