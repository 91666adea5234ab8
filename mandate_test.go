package accord

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseMandateRef(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want MandateRef
	}{
		{"12", MandateRef{ID: 12}},
		{"#12", MandateRef{ID: 12}},
		{" mandate 7 ", MandateRef{ID: 7}},
		{"MC-6/[--] ¶5", MandateRef{Decision: "MC-6/[--]", Paragraph: "5"}},
		{"MC-6/[--] ¶ 5 (b)", MandateRef{Decision: "MC-6/[--]", Paragraph: "5(b)"}},
		{"UNEP/EA.6/Res.3 para 2", MandateRef{Decision: "UNEP/EA.6/Res.3", Paragraph: "2"}},
		{"BC-16/12 paragraph 3(a)(i)", MandateRef{Decision: "BC-16/12", Paragraph: "3(a)(i)"}},
		{"SC-11/3 § 4", MandateRef{Decision: "SC-11/3", Paragraph: "4"}},
	} {
		got, err := ParseMandateRef(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMandateRef(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "MC-6/[--]", "¶ 5", "0", "#-3", "the fifth paragraph"} {
		_, err := ParseMandateRef(in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "mandates" {
			t.Errorf("ParseMandateRef(%q) err = %v, want a FieldError of mandates", in, err)
		}
	}
}

func TestParseMandateRefs(t *testing.T) {
	got, err := ParseMandateRefs("12 13, #14;\nMC-6/[--] ¶ 5(b), BS-IV/6 para 3\n")
	want := []MandateRef{{ID: 12}, {ID: 13}, {ID: 14}, {Decision: "MC-6/[--]", Paragraph: "5(b)"}, {Decision: "BS-IV/6", Paragraph: "3"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("ParseMandateRefs = %+v, %v, want %+v", got, err, want)
	}
	if refs, err := ParseMandateRefs(" , ;"); err != nil || len(refs) != 0 {
		t.Errorf("ParseMandateRefs of nothing = %+v, %v", refs, err)
	}
	if _, err := ParseMandateRefs("12, the fifth paragraph"); err == nil || !strings.Contains(err.Error(), `mandates: "the fifth paragraph"`) {
		t.Errorf("ParseMandateRefs of a bad reference: %v", err)
	}
}
