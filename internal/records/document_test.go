package records

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

const documentsCSV = `symbol,title,instrument,meeting,agenda_item,date,languages,url
UNEP/MC/COP.6/INF/28,Scoping study on cooperation,minamata,minamata-COP-6,5 (c),2025-09-01,en|fr,https://example.org/inf28.pdf
UNEP/CHW.16/INF/3,Report on cooperation,Basel Convention,basel-COP-16,,,,
`

// TestImportDocuments: a list of documents imports, imports again without
// a change, exports as it was read, and a bad cell is named by row and
// column with nothing stored.
func TestImportDocuments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := Import(ctx, st, Documents, "docs.csv", "", []byte(documentsCSV), Options{Who: "cli"})
	if err != nil || res.ImportCounts != (accord.ImportCounts{Added: 2}) {
		t.Fatalf("Import = %+v, %v; want 2 added", res, err)
	}
	d, err := st.Document(ctx, "UNEP/MC/COP 6/INF/28")
	if err != nil || d.Title != "Scoping study on cooperation" || d.AgendaItem != "5 (c)" || strings.Join(d.Languages, " ") != "en fr" {
		t.Errorf("Document after import = %+v, %v", d, err)
	}
	if res, err := Import(ctx, st, Documents, "docs.csv", "", []byte(documentsCSV), Options{Who: "cli"}); err != nil || res.ImportCounts != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("Import again = %+v, %v; want 2 unchanged", res, err)
	}
	var out bytes.Buffer
	if err := Export(ctx, st, Documents, "csv", &out); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(strings.Replace(documentsCSV, "Basel Convention", "basel", 1), "en|fr", "en|fr", 1)
	// export lists by key: Basel's CHW before Minamata's MC
	lines := strings.Split(strings.TrimSpace(want), "\n")
	want = lines[0] + "\n" + lines[2] + "\n" + lines[1] + "\n"
	if out.String() != want {
		t.Errorf("Export =\n%s\nwant\n%s", out.String(), want)
	}
	if res, err := Import(ctx, st, Documents, "again.csv", "", out.Bytes(), Options{Who: "cli"}); err != nil || res.ImportCounts != (accord.ImportCounts{Unchanged: 2}) {
		t.Errorf("Import of the export = %+v, %v; want 2 unchanged", res, err)
	}

	bad := `symbol,title,instrument,date,languages,url
UNEP/POPS/COP.11/INF/12,Fine,stockholm,,,
VIII/8,A decision,stockholm,,,
UNEP/POPS/COP.11/INF/13,,nowhere,2025-13-01,English,ftp://x
`
	_, err = Import(ctx, st, Documents, "bad.csv", "", []byte(bad), Options{Who: "cli"})
	var errs Errors
	if !errors.As(err, &errs) || !errors.Is(err, accord.ErrInvalid) {
		t.Fatalf("Import(bad) = %v; want Errors", err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Column+"@"+string(rune('0'+e.Row)))
	}
	if strings.Join(got, " ") != "symbol@3 instrument@4 date@4 url@4" {
		t.Errorf("Import(bad) named %v; want symbol of row 3, instrument, date and url of row 4", got)
	}
	if _, err := st.Document(ctx, "UNEP/POPS/COP.11/INF/12"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("a refused file stored its good row: %v", err)
	}
	res, err = Import(ctx, st, Documents, "bad.csv", "", []byte(bad), Options{Who: "cli", SkipInvalid: true})
	if err != nil || res.Added != 1 || len(res.Skipped) != 4 {
		t.Errorf("Import(bad, skip invalid) = %+v, %v; want 1 added and the 4 problems skipped", res, err)
	}
	langs := "symbol,languages\nUNEP/POPS/COP.11/INF/14,English\n"
	if _, err := Import(ctx, st, Documents, "langs.csv", "", []byte(langs), Options{Who: "cli"}); err == nil || !strings.Contains(err.Error(), "row 2, column languages") {
		t.Errorf("Import of a bad language = %v; want row 2, column languages", err)
	}
}
