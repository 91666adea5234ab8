package country

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/accordmea/accord"
)

func TestGaps(t *testing.T) {
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := []accord.Membership{
		{Country: "KE", Instrument: "basel", Consent: accord.Accession},
		{Country: "KE", Instrument: "rotterdam", Consent: accord.Accession, Withdrawn: "2020-01-01"},    // withdrew: no gap
		{Country: "KE", Instrument: "nagoya", Signed: "2011-05-05"},                                     // signatory: no gap
		{Country: "KE", Instrument: "stockholm", Consent: accord.Ratification, Withdrawn: "2030-01-01"}, // withdrawal not yet effective
		{Country: "KE", Instrument: "cbd", Consent: accord.Ratification},                                // requires nothing listed
	}
	fps := []accord.FocalPoint{
		{Country: "KE", Instrument: "basel", Role: accord.CompetentAuthority, Name: "A"},
		{Country: "KE", Instrument: "minamata", Role: accord.NationalFocalPoint, Name: "B"}, // not a Party: no matter
	}
	var got []string
	for _, g := range Gaps(ms, fps, day) {
		got = append(got, g.Instrument+" "+string(g.Role))
	}
	want := []string{"basel national-focal-point", "stockholm national-focal-point"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Gaps (-want +got):\n%s", diff)
	}
	for _, r := range accord.RequiredRoles {
		if r.Source == "" || accord.RoleName(r.Role) == string(r.Role) {
			t.Errorf("required role %+v: no source, or a role accord does not name", r)
		}
	}
}

func TestLookupAndName(t *testing.T) {
	for _, in := range []string{"KE", "ke", "KEN", "404", "Kenya"} {
		if c, err := Lookup(in); err != nil || c.Alpha2 != "KE" {
			t.Errorf("Lookup(%q) = %q, %v, want KE", in, c.Alpha2, err)
		}
	}
	if _, err := Lookup("XX"); err == nil {
		t.Error("Lookup(XX) found a country")
	}
	if Name("TT") != "Trinidad and Tobago" || Name("XX") != "XX" {
		t.Errorf("Name(TT) = %q, Name(XX) = %q", Name("TT"), Name("XX"))
	}
}
