package accord

import (
	"strings"
	"testing"
	"time"
)

func TestParseRole(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want FocalRole
	}{
		{"national-focal-point", NationalFocalPoint}, {"National focal point", NationalFocalPoint}, {"NFP", NationalFocalPoint},
		{"DNA", DesignatedAuthority}, {"designated_national_authority", DesignatedAuthority}, {"CNA", CompetentAuthority},
		{"Competent  Authority", CompetentAuthority}, {"BCH focal point", BCHFocalPoint}, {"global-framework-focal-point", GlobalFrameworkFocal},
	} {
		if got, ok := ParseRole(tt.in); !ok || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
		}
	}
	if got, ok := ParseRole("ambassador"); ok {
		t.Errorf("ParseRole(ambassador) = %q", got)
	}
}

func TestMembershipParty(t *testing.T) {
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		m    Membership
		want bool
	}{
		{Membership{Consent: Ratification}, true},
		{Membership{Signed: "2013-10-10"}, false},
		{Membership{Consent: Accession, Withdrawn: "2012-12-15"}, false},
		{Membership{Consent: Accession, Withdrawn: "2026-06-02"}, true},
	} {
		if got := tt.m.Party(day); got != tt.want {
			t.Errorf("%+v.Party = %v, want %v", tt.m, got, tt.want)
		}
	}
}

// TestFocalPointValidate: every field at fault is named at once.
func TestFocalPointValidate(t *testing.T) {
	f := FocalPoint{Country: "Kenya", Instrument: "atlantis", Role: "ambassador", Email: "x", Designated: "soon"}
	var fields []string
	for _, fe := range FieldErrors(f.Validate()) {
		fields = append(fields, fe.Field)
	}
	want := "country instrument role name email designated"
	if got := strings.Join(fields, " "); got != want {
		t.Errorf("Validate names %q, want %q", got, want)
	}
	f = FocalPoint{Country: "KE", Instrument: "Minamata Convention", Role: "nfp", Name: " Wanjiru Kamau ", Email: "nfp@environment.example.org"}
	f.Normalize()
	if err := f.Validate(); err != nil || f.Instrument != "minamata" || f.Role != NationalFocalPoint || f.Name != "Wanjiru Kamau" {
		t.Errorf("normalized %+v: %v", f, err)
	}
	if a := f.Anonymous(); a.Name != "" || a.Email != "" || !a.Hidden {
		t.Errorf("Anonymous = %+v", a)
	}
}
