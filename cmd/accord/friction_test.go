package main

import (
	"runtime"
	"runtime/debug"
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

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, out, errs := runAccord(t, args...)
		if code != 0 || !strings.HasPrefix(out, "accord ") || !strings.Contains(out, runtime.Version()) {
			t.Errorf("accord %q = exit %d, %q %q; want the version and %s", args, code, out, errs, runtime.Version())
		}
	}
	if code, _, errs := runAccord(t, "version", "extra"); code != 2 || !strings.Contains(errs, "version takes no arguments") {
		t.Errorf("accord version extra = exit %d, %q", code, errs)
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "accord v1.2.0\nbuilt with go1.26.8"},
		{"from a checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129071659-e0ad9c6a1b2c+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "e0ad9c6a1b2c3d4e5f60718293a4b5c6d7e8f901"},
				{Key: "vcs.time", Value: "2026-11-29T07:16:59Z"}, {Key: "vcs.modified", Value: "true"}}},
			"accord v0.0.0-20261129071659-e0ad9c6a1b2c+dirty\ncommit e0ad9c6a1b2c3d4e5f60718293a4b5c6d7e8f901 of 2026-11-29T07:16:59Z, with uncommitted changes\nbuilt with go1.26.8"},
		{"without version control", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "accord (development build)\nbuilt with go1.26.8"},
		{"no build info", nil, "accord (development build)\nbuilt with " + runtime.Version()},
	}
	for _, tt := range tests {
		if got := versionText(tt.bi); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: versionText = %q, want %q…", tt.name, got, tt.want)
		}
	}
}
