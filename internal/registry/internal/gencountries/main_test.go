package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "iso_3166-1.json")
	out := filepath.Join(dir, "countries.csv")
	json := `{"3166-1": [
		{"alpha_2": "KE", "alpha_3": "KEN", "numeric": "404", "name": "Kenya", "official_name": "Republic of Kenya"},
		{"alpha_2": "AD", "alpha_3": "AND", "numeric": "020", "name": "Andorra", "official_name": "Principality of Andorra"},
		{"alpha_2": "CI", "alpha_3": "CIV", "numeric": "384", "name": "Côte d'Ivoire, \"the\"", "official_name": ""}
	]}`
	if err := os.WriteFile(in, []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(in, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "alpha_2,alpha_3,numeric,name,official_name\n" +
		"AD,AND,020,Andorra,Principality of Andorra\n" +
		"CI,CIV,384,\"Côte d'Ivoire, \"\"the\"\"\",\n" +
		"KE,KEN,404,Kenya,Republic of Kenya\n"
	if string(got) != want {
		t.Errorf("run wrote\n%s\nwant\n%s", got, want)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, json, want string }{
		{"not JSON", "<html>", "invalid character"},
		{"no entries", `{"3166-2": []}`, "no entries"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.json")
			if err := os.WriteFile(in, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out.csv")
			err := run(in, out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want error containing %q", tt.json, err, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("run(%q) wrote %s despite its error", tt.json, out)
			}
		})
	}
	if err := run(filepath.Join(dir, "missing.json"), filepath.Join(dir, "x.csv")); err == nil {
		t.Error("run on a missing file succeeded")
	}
}
