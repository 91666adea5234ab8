package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestImportExportUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "accord.db")
	file := writeFile(t, dir, "x.csv", []byte("name\nA\n"))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--db", db}, "import wants a TYPE and a FILE"},
		{[]string{"import", "--db", db, "no-such-type", file}, `unknown record type "no-such-type"`},
		{[]string{"import", "--db", db, "no-such-type", "-"}, `unknown record type "no-such-type"`},
		{[]string{"export", "--db", db}, "export wants one TYPE"},
		{[]string{"export", "--db", db, "no-such-type"}, `unknown record type "no-such-type"`},
	} {
		code, _, stderr := runAccord(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("accord %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tt.args, " "), code, stderr, tt.want)
		}
	}
}
