package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
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
		{[]string{"--verison"}, "accord: unknown flag --verison; did you mean --version?"},
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

// TestIngestDirectorySkips: a directory walk skips, with a warning and in
// the summary, the files beside the decisions that are none (a README, the
// sources, a licence, notes, a spreadsheet), and fails only on files that
// look like decisions and cannot be read. Named files are taken as named.
func TestIngestDirectorySkips(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeFile(t, in, "a.txt", []byte(decisionText))
	writeFile(t, in, "README.md", []byte("# Decisions of COP-7\n\nThe texts as received, one file a decision. See SOURCES.md.\n"))
	writeFile(t, in, "SOURCES.md", []byte("a.txt: https://example.org/cop7/a\n"))
	writeFile(t, in, "LICENSE", []byte("Permission is hereby granted, free of charge, to any person.\n"))
	writeFile(t, in, "notes.txt", []byte("Minutes of the lunch.\n\nThe coffee was good.\n"))
	writeFile(t, in, "empty.txt", nil)
	writeFile(t, in, "list.xlsx", zipBytes(t, map[string]string{"xl/workbook.xml": "<workbook/>"}))
	writeFile(t, in, ".DS_Store", []byte("\x00\x00\x00\x01Bud1"))
	db := filepath.Join(dir, "accord.db")

	code, out, errs := runAccord(t, "ingest", "--db", db, in)
	if code != 0 {
		t.Errorf("ingest of a directory with a README and notes: exit %d, want 0\n%s%s", code, out, errs)
	}
	for _, want := range []string{"README.md: no decision in it", "SOURCES.md: no decision in it", "notes.txt: no decision in it",
		"empty.txt: empty file", "LICENSE: not a decision file", "list.xlsx: not a decision file"} {
		if !strings.Contains(errs, "accord ingest: skipped "+filepath.Join(in, want)) {
			t.Errorf("stderr lacks the warning %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, ".DS_Store") {
		t.Errorf("stderr names a hidden file:\n%s", errs)
	}
	want := "ingested 1 of 1 files: 1 decisions (1 new, 0 updated, 0 removed), 1 mandates, 0 failed; skipped 6 files that hold no decision (LICENSE, README.md, SOURCES.md, empty.txt, list.xlsx, notes.txt)"
	if !strings.Contains(out, want) {
		t.Errorf("summary = %q\nwant %q", out, want)
	}

	// Files that look like decisions and cannot be read fail the run,
	// and the others still go in.
	writeFile(t, in, "broken.docx", []byte("PK\x03\x04 not a zip"))
	writeFile(t, in, "minutes.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...))
	writeFile(t, in, "b.txt", []byte("Decision MC-7/3: Budget\n\nThe Conference of the Parties,\n\n1. Decides to act.\n"))
	code, out, errs = runAccord(t, "ingest", "--db", db, in)
	if code != 1 || !strings.Contains(errs, filepath.Join(in, "broken.docx")+": invalid: not a DOCX file") ||
		!strings.Contains(errs, filepath.Join(in, "minutes.doc")+": invalid: a Word 97-2003 document (.doc): save it as .docx or PDF") {
		t.Errorf("ingest with unreadable decision files: exit %d, stderr:\n%s", code, errs)
	}
	if !strings.Contains(out, "ingested 2 of 4 files") || !strings.Contains(out, "2 failed; skipped 6 files") {
		t.Errorf("summary = %q", out)
	}
	if code, out, _ := runAccord(t, "decisions", "show", "--db", db, "MC-7/3"); code != 0 || !strings.Contains(out, "Budget") {
		t.Errorf("b.txt not stored beside the failures: exit %d\n%s", code, out)
	}

	// A file named on the command line is meant: no decision in it fails.
	if code, _, errs := runAccord(t, "ingest", "--db", db, filepath.Join(in, "README.md")); code != 1 || !strings.Contains(errs, "no decision found") {
		t.Errorf("ingest README.md by name: exit %d, %q", code, errs)
	}
}

// zipBytes builds a zip archive holding files.
func zipBytes(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDecisionsShowLoose: show finds a decision whatever the case, spaces,
// hyphens and brackets of its symbol, and a symbol stored nowhere gets the
// nearest stored ones named.
func TestDecisionsShowLoose(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errs := runAccord(t, "demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	for _, sym := range []string{"MC-6/[--]", "mc-6/--", "MC 6/[ - - ]", "bs iv/6", "BS-IV/(6)"} {
		code, out, errs := runAccord(t, "decisions", "show", "--db", db, sym)
		if code != 0 || !strings.Contains(out, "cooperation") {
			t.Errorf("decisions show %q: exit %d\n%s%s", sym, code, out, errs)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"MC-6/3"}, "no decision MC-6/3; did you mean MC-6/[--]?"},
		{[]string{"BS-IV/7"}, "no decision BS-IV/7; did you mean BS-IV/6?"},
		{[]string{"BS-VI/6"}, "no decision BS-VI/6; did you mean BS-IV/6?"},
		{[]string{"--instrument", "minamata", "BS-IV/7"}, "no decision BS-IV/7 of minamata (accord decisions list shows those stored)"},
		{[]string{"MC-9/9"}, "no decision MC-9/9 (accord decisions list shows those stored)"},
	}
	for _, tt := range tests {
		code, _, errs := runAccord(t, append([]string{"decisions", "show", "--db", db}, tt.args...)...)
		if code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("decisions show %q: exit %d, %q; want exit 1 and %q", tt.args, code, errs, tt.want)
		}
	}
}
