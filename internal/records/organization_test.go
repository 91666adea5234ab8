package records

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
)

// TestImportOrganizations: a file with a bad row is refused whole, its row
// and column named; --skip-invalid stores the rest; importing a file
// again, or what export wrote, changes nothing.
func TestImportOrganizations(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	typ, err := Lookup("organizations")
	if err != nil {
		t.Fatal(err)
	}
	const file = "id,name,acronym,aliases,kind,website,source\n" +
		"lead-org,Lead Organization,LO,Lead Org|The Lead,ngo,https://lead.example.org,https://lead.example.org/about\n" +
		"bad org,Bad,,,agency,http://bad.example.org,\n" +
		"iomc,Inter-Organization Programme for the Sound Management of Chemicals,IOMC,Inter-Organisation Programme for the Sound Management of Chemicals|the IOMC partners,intergovernmental,,https://www.who.int/groups/inter-organization-programme-for-the-sound-management-of-chemicals\n"
	_, err = Import(ctx, st, typ, "orgs.csv", "", []byte(file), Options{Who: "jane"})
	for _, want := range []string{"row 3, column id", "row 3, column kind", "row 3, column website"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Import with a bad row: err = %v, want it to name %q", err, want)
		}
	}
	if !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("err = %v, want ErrInvalid", err)
	}
	if _, err := st.Organization(ctx, "lead-org"); !errors.Is(err, accord.ErrNotFound) {
		t.Error("a good row of a refused file was stored")
	}
	res, err := Import(ctx, st, typ, "orgs.csv", "", []byte(file), Options{Who: "jane", SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 1 || len(res.Skipped) != 3 {
		t.Errorf("Import --skip-invalid = %+v, want 1 added, 1 updated (iomc), row 3 skipped", res)
	}
	if o, _ := st.Organization(ctx, "iomc"); o.ChangedBy != "jane" || !strings.Contains(strings.Join(o.Aliases, "|"), "the IOMC partners") {
		t.Errorf("iomc after import = %+v", o)
	}
	res, err = Import(ctx, st, typ, "orgs.csv", "", []byte(file), Options{Who: "jane", SkipInvalid: true})
	if err != nil || res.Added+res.Updated != 0 {
		t.Errorf("Import again = %+v, %v, want nothing changed", res, err)
	}
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Export(ctx, st, typ, format, &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Lead Org|The Lead") {
			t.Errorf("export %s lacks the aliases:\n%s", format, b.String())
		}
		res, err := Import(ctx, st, typ, "orgs."+format, "", b.Bytes(), Options{Who: "jane"})
		if err != nil || res.Added+res.Updated != 0 || res.Unchanged < 50 {
			t.Errorf("Import of the %s export = %+v, %v, want every row unchanged", format, res, err)
		}
	}
}

// TestImportArrangements: arrangements are read with their kind and
// status as people write them, checked by row and column, and matched to
// the stored one on import again.
func TestImportArrangements(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	typ, err := Lookup("arrangements")
	if err != nil {
		t.Fatal(err)
	}
	const header = "instrument,organization,kind,status,start_date,end_date,evidence,note\n"
	good := header + "Minamata Convention,iomc,membership,requested,2025-11,,UNEP/MC/COP.6/19,asked by MC-6/[--] ¶5\n" +
		"minamata,isp-cwp,observer status,granted,2026,,,\n"
	for _, tt := range []struct{ name, row, want string }{
		{"unknown instrument", "nowhere,iomc,membership,requested,,,,\n", "row 2, column instrument"},
		{"bad kind", "minamata,iomc,friendship,requested,,,,\n", "row 2, column kind"},
		{"bad status", "minamata,iomc,membership,maybe,,,,\n", "row 2, column status"},
		{"bad date", "minamata,iomc,membership,ended,2025-02-30,,,\n", "row 2, column start_date"},
		{"end before start", "minamata,iomc,membership,ended,2025,2024,,\n", "row 2, column end_date"},
		{"missing organization", "minamata,,membership,ended,,,,\n", "row 2, column organization"},
	} {
		_, err := Import(ctx, st, typ, "a.csv", "", []byte(header+tt.row), Options{Who: "jane"})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Import(ctx, st, typ, "a.csv", "", []byte(header+"minamata,nobody,membership,requested,,,,\n"), Options{Who: "jane"}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), `no organization "nobody"`) {
		t.Errorf("unknown organization: err = %v", err)
	}
	res, err := Import(ctx, st, typ, "a.csv", "", []byte(good), Options{Who: "jane"})
	if err != nil || res.Added != 2 {
		t.Fatalf("Import = %+v, %v, want 2 added", res, err)
	}
	as, _ := st.Arrangements(ctx, accord.ArrangementFilter{Organization: "isp-cwp"})
	if len(as) != 1 || as[0].Kind != accord.ArrangementObserver || as[0].Status != accord.ArrangementInForce || as[0].Instrument != "minamata" {
		t.Errorf("stored = %+v", as)
	}
	res, err = Import(ctx, st, typ, "a.csv", "", []byte(good), Options{Who: "jane"})
	if err != nil || res.Added+res.Updated != 0 || res.Unchanged != 2 {
		t.Errorf("Import again = %+v, %v, want 2 unchanged", res, err)
	}
	var b bytes.Buffer
	if err := Export(ctx, st, typ, "csv", &b); err != nil {
		t.Fatal(err)
	}
	if res, err := Import(ctx, st, typ, "a.csv", "", b.Bytes(), Options{Who: "jane"}); err != nil || res.Unchanged != 2 {
		t.Errorf("Import of the export = %+v, %v\n%s", res, err, b.String())
	}
}

// TestImportArrangementMandateRefs: an arrangement's mandates cell takes
// numbers and decision paragraphs as people cite them, separated as
// export separates them; a reference to nothing stored is named by row
// and column and refuses the file; export writes a paragraph whose every
// mandate is named readably, the number of a mandate named alone, and
// importing the export changes nothing.
func TestImportArrangementMandateRefs(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for _, f := range sample.Files() {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	typ, err := Lookup("arrangements")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Mandates(ctx, accord.MandateFilter{Symbol: "MC-6/[--]"})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]int64{}
	var paths []string
	for _, m := range ms {
		if byPath[m.Path] == nil {
			paths = append(paths, m.Path)
		}
		byPath[m.Path] = append(byPath[m.Path], m.ID)
	}
	// whole is a paragraph named whole; part a mandate of a paragraph
	// with several, named alone.
	var whole, shared string
	for _, p := range paths {
		if len(byPath[p]) > 1 && shared == "" {
			shared = p
		} else if whole == "" {
			whole = p
		}
	}
	if whole == "" || shared == "" {
		t.Fatalf("the sample's MC-6/[--] has no paragraph with one mandate and one with several: %v", byPath)
	}
	part := byPath[shared][0]
	const header = "instrument,organization,kind,status,mandates\n"
	for _, tt := range []struct{ cell, want string }{
		{"MC-6/[--] ¶ 999", "row 2, column mandates: MC-6/[--] ¶ 999: decision MC-6/[--] has no mandate at ¶ 999"},
		{"XX-1/1 ¶ 2|12", `row 2, column mandates: XX-1/1 ¶ 2: no decision "XX-1/1"`},
		{"the fifth paragraph", `row 2, column mandates: "the fifth paragraph": want a mandate's number`},
		{"0", "row 2, column mandates: 0 is not a mandate number"},
	} {
		row := fmt.Sprintf("minamata,iomc,partnership,proposed,%s\n", tt.cell)
		_, err := Import(ctx, st, typ, "a.csv", "", []byte(header+"minamata,isp-cwp,partnership,proposed,\n"+row), Options{Who: "jane"})
		want := strings.Replace(tt.want, "row 2", "row 3", 1)
		if !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("mandates %q: err = %v, want %q", tt.cell, err, want)
		}
	}
	if as, err := st.Arrangements(ctx, accord.ArrangementFilter{}); err != nil || len(as) != 0 {
		t.Fatalf("after refused files, arrangements = %+v, %v, want none", as, err)
	}
	cell := fmt.Sprintf("MC-6/[--] ¶ %s|#%d", whole, part)
	res, err := Import(ctx, st, typ, "a.csv", "", []byte(header+"minamata,iomc,partnership,proposed,"+cell+"\n"), Options{Who: "jane"})
	if err != nil || res.Added != 1 {
		t.Fatalf("Import %q = %+v, %v, want 1 added", cell, res, err)
	}
	want := append(append([]int64{}, byPath[whole]...), part)
	slices.Sort(want)
	as, err := st.Arrangements(ctx, accord.ArrangementFilter{})
	if err != nil || len(as) != 1 || !slices.Equal(as[0].Mandates, want) {
		t.Fatalf("stored = %+v, %v, want mandates %v", as, err, want)
	}
	var b bytes.Buffer
	if err := Export(ctx, st, typ, "csv", &b); err != nil {
		t.Fatal(err)
	}
	wantCell := fmt.Sprintf("MC-6/[--] ¶ %s|%d", whole, part)
	if wantCell2 := fmt.Sprintf("%d|MC-6/[--] ¶ %s", part, whole); !strings.Contains(b.String(), wantCell) && !strings.Contains(b.String(), wantCell2) {
		t.Errorf("export = %s, want the mandates as %q", b.String(), wantCell)
	}
	res, err = Import(ctx, st, typ, "a.csv", "", b.Bytes(), Options{Who: "jane"})
	if err != nil || res.Added+res.Updated != 0 || res.Unchanged != 1 {
		t.Errorf("Import of the export = %+v, %v\n%s", res, err, b.String())
	}
}
