package main

import (
	"strings"
	"testing"
)

// TestDidYouMean: a mistyped command, subcommand or flag is refused with
// the nearest one named; nonsense is refused without a guess.
func TestDidYouMean(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"decsions"}, `accord: unknown command "decsions"; did you mean decisions?`},
		{[]string{"mandate", "list"}, `unknown command "mandate"; did you mean mandates?`},
		{[]string{"injest", "x.txt"}, `unknown command "injest"; did you mean ingest?`},
		{[]string{"decisions", "lsit"}, `accord decisions: unknown command "lsit"; did you mean list?`},
		{[]string{"mandates", "sho", "3"}, `accord mandates: unknown command "sho"; did you mean show?`},
		{[]string{"report", "implementaton"}, `accord report: unknown command "implementaton"; did you mean implementation?`},
		{[]string{"mandates", "list", "--overdu"}, "unknown flag --overdu; did you mean --overdue?"},
		{[]string{"mandates", "list", "--actor", "secretariat", "-overdu"}, "unknown flag -overdu; did you mean --overdue?"},
		{[]string{"decisions", "list", "--instrumnet=minamata"}, "unknown flag --instrumnet; did you mean --instrument?"},
		{[]string{"parse", "x.txt", "--fromat", "json"}, "unknown flag --fromat; did you mean --format?"},
	}
	for _, tt := range tests {
		code, _, errs := runAccord(t, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("accord %q = exit %d, stderr %q; want exit 2 and %q", tt.args, code, errs, tt.want)
		}
	}
	for _, args := range [][]string{{"frobnicate"}, {"decisions", "zzz"}, {"parse", "--bogus", "x.txt"}} {
		code, _, errs := runAccord(t, args...)
		if code != 2 || strings.Contains(errs, "did you mean") {
			t.Errorf("accord %q = exit %d, stderr %q; want exit 2 and no guess", args, code, errs)
		}
	}
}
