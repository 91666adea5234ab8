package registry

import (
	"strings"
	"sync"
	"testing"

	"github.com/accordmea/accord"
)

// TestBundledParse checks that every embedded CSV parses.
func TestBundledParse(t *testing.T) {
	if _, err := Meetings(); err != nil {
		t.Error(err)
	}
	if _, err := Organizations(); err != nil {
		t.Error(err)
	}
	if _, err := Centres(); err != nil {
		t.Error(err)
	}
	if _, err := Countries(); err != nil {
		t.Error(err)
	}
}

// TestBundledBroken checks that a broken embedded file makes its
// accessor return an error naming the file, row and column, never panic,
// and that a broken countries.csv is what the files checking country
// codes against it report.
func TestBundledBroken(t *testing.T) {
	saved := [][]byte{meetingsCSV, organizationsCSV, centresCSV, countriesCSV}
	reset := func() {
		bundledMeetings = sync.OnceValues(loadMeetings)
		bundledOrganizations = sync.OnceValues(loadOrganizations)
		bundledCentres = sync.OnceValues(loadCentres)
		bundledCountries = sync.OnceValues(loadCountries)
		countryIndex = sync.OnceValues(loadCountryIndex)
	}
	defer func() {
		meetingsCSV, organizationsCSV, centresCSV, countriesCSV = saved[0], saved[1], saved[2], saved[3]
		reset()
	}()

	breakRow := func(data []byte, col int, bad string) []byte {
		lines := strings.SplitN(string(data), "\n", 3)
		f := strings.Split(lines[1], ",")
		f[col] = bad
		lines[1] = strings.Join(f, ",")
		return []byte(strings.Join(lines, "\n"))
	}
	meetingsCSV = breakRow(saved[0], 4, "special")
	organizationsCSV = breakRow(saved[1], 4, "club")
	centresCSV = breakRow(saved[2], 2, "XX")
	reset()
	check := func(name string, err error, want string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error naming %q", name, err, want)
		}
	}
	_, err := Meetings()
	check("Meetings", err, "meetings.csv: row 2, column kind")
	_, err = Organizations()
	check("Organizations", err, "organizations.csv: row 2, column kind")
	_, _, err = LookupOrganization("IOMC")
	check("LookupOrganization", err, "organizations.csv: row 2, column kind")
	_, err = Centres()
	check("Centres", err, "centres.csv: row 2, column host_country")

	meetingsCSV, centresCSV = saved[0], saved[2]
	countriesCSV = breakRow(saved[3], 0, "K")
	reset()
	_, err = Countries()
	check("Countries", err, "countries.csv: row 2, column alpha_2")
	_, _, err = LookupCountry("KE")
	check("LookupCountry", err, "countries.csv: row 2, column alpha_2")
	if ValidAlpha2("KE") {
		t.Error("ValidAlpha2 with a broken countries.csv: true")
	}
	_, err = Meetings()
	check("Meetings with broken countries", err, "countries.csv: row 2, column alpha_2")
	_, err = Centres()
	check("Centres with broken countries", err, "countries.csv: row 2, column alpha_2")
}

func mustCentres(t *testing.T) []accord.Centre {
	t.Helper()
	cs, err := Centres()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func mustCountries(t *testing.T) []accord.Country {
	t.Helper()
	cs, err := Countries()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
