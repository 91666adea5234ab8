package records

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

const focalHeader = "country,instrument,role,title,name,position,organization,address,phone,email,designated\n"

const goodFocal = focalHeader +
	`KE,minamata,national focal point,Ms.,Wanjiru Kamau,Director,Ministry of Environment,"P.O. Box 30126, Nairobi",+254 20 2730808,nfp@environment.example.org,2024-03-01` + "\n" +
	`Kenya,Basel Convention,CA,,Chemicals Division,,Ministry of Environment,,,,` + "\n" +
	`TZA,rotterdam,DNA,Dr.,Juma Mwita,Registrar,Tropical Pesticides Research Institute,Arusha,,dna@tpri.example.org,` + "\n"

func TestImportFocalPoints(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	typ, err := Lookup("focal-points")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(ctx, st, typ, "fp.csv", "", []byte(goodFocal), Options{Who: "jane"})
	if err != nil || res.ImportCounts != (accord.ImportCounts{Added: 3}) {
		t.Fatalf("Import = %+v, %v, want 3 added", res, err)
	}
	fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{Country: "TZ"})
	if len(fps) != 1 || fps[0].Role != accord.DesignatedAuthority || fps[0].Instrument != "rotterdam" {
		t.Errorf("Tanzania's focal points = %+v, want its DNA of the Rotterdam Convention", fps)
	}
	log, _ := st.AuditLog(ctx, 100)
	// The same file again changes nothing, nor does its export.
	res, err = Import(ctx, st, typ, "fp.csv", "", []byte(goodFocal), Options{Who: "jane"})
	if err != nil || res.ImportCounts != (accord.ImportCounts{Unchanged: 3}) {
		t.Errorf("Import again = %+v, %v, want 3 unchanged", res, err)
	}
	var out bytes.Buffer
	if err := Export(ctx, st, typ, "csv", &out); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "json"} {
		out.Reset()
		if err := Export(ctx, st, typ, format, &out); err != nil {
			t.Fatal(err)
		}
		res, err = Import(ctx, st, typ, "export."+format, "", out.Bytes(), Options{Who: "jane"})
		if err != nil || res.ImportCounts != (accord.ImportCounts{Unchanged: 3}) {
			t.Errorf("importing its %s export = %+v, %v, want 3 unchanged", format, res, err)
		}
	}
	if again, _ := st.AuditLog(ctx, 100); len(again) != len(log) {
		t.Errorf("importing the same records again wrote %d audit entries", len(again)-len(log))
	}
}

// TestImportFocalPointsRefusesBadRows: a file with a bad row stores nothing and names
// each bad cell by row and column; --skip-invalid stores the rest.
func TestImportFocalPointsRefusesBadRows(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	typ, _ := Lookup("focal-points")
	bad := goodFocal +
		"XX,minamata,NFP,,Somebody,,,,,,\n" + // row 5: unknown country
		"KE,atlantis,NFP,,Somebody,,,,,,\n" + // row 6: unknown instrument
		"KE,minamata,NFP,,Somebody,,,,,somebody-at-example.org,\n" + // row 7: bad email
		"KE,minamata,NFP,,,,Ministry,,,,\n" + // row 8: missing name
		"KE,minamata,ambassador,,Somebody,,,,,,2024-13-01\n" // row 9: unknown role, bad date
	_, err := Import(ctx, st, typ, "fp.csv", "", []byte(bad), Options{Who: "jane"})
	var errs Errors
	if !errors.As(err, &errs) || !errors.Is(err, accord.ErrInvalid) {
		t.Fatalf("Import = %v, want Errors", err)
	}
	want := []FieldError{{Row: 5, Column: "country"}, {Row: 6, Column: "instrument"}, {Row: 7, Column: "email"},
		{Row: 8, Column: "name"}, {Row: 9, Column: "role"}, {Row: 9, Column: "designated"}}
	if len(errs) != len(want) {
		t.Fatalf("Import errors = %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if errs[i].Row != w.Row || errs[i].Column != w.Column {
			t.Errorf("error %d = %v, want row %d, column %s", i, errs[i], w.Row, w.Column)
		}
	}
	if !strings.Contains(err.Error(), `fp.csv: 6 invalid cells`) || !strings.Contains(err.Error(), `row 5, column country: unknown country "XX"`) {
		t.Errorf("Import error = %v", err)
	}
	if fps, _ := st.FocalPoints(ctx, accord.FocalPointFilter{}); len(fps) != 0 {
		t.Errorf("a file with bad rows stored %d focal points", len(fps))
	}
	res, err := Import(ctx, st, typ, "fp.csv", "", []byte(bad), Options{Who: "jane", SkipInvalid: true})
	if err != nil || res.Added != 3 || len(res.Skipped) != 6 {
		t.Errorf("Import --skip-invalid = %+v, %v, want 3 added and 6 problems skipped", res, err)
	}
}

func TestImportMembershipsCoordinationCentres(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for _, tt := range []struct {
		typ, file string
		added     int
		bad       string // a row that must be refused, and the column it names
		column    string
	}{
		{"memberships", "country,instrument,signature,consent,consent_date,entry_into_force,withdrawal,source\n" +
			"KE,minamata,2013-10-10,ratification,2021-03-01,,,https://www.mercuryconvention.org/en/parties\n" +
			"CA,kyoto,,ratification,2002-12-17,,2012-12-15,\n", 2,
			"KE,basel,,signature,,,,\n", "consent"},
		{"coordination", "country,institution,instruments,mechanism,source\n" +
			"KE,National Chemicals Management Committee,basel|rotterdam|stockholm|minamata,inter-ministerial committee,\n", 1,
			"KE,Committee,basel|atlantis,,\n", "instruments"},
		{"centres", "id,name,host_country,city,conventions,countries_served,closed,focal_centre,documents,source\n" +
			"bcrc-test,Test Centre,KE,Nairobi,basel|stockholm,KE|TZA,,yes,report: UNEP/CHW.17/INF/20,https://example.org/\n", 1,
			"bcrc-test2,Test Centre,KE,Nairobi,basel,KE|QQ,,maybe,,\n", "countries_served"},
	} {
		t.Run(tt.typ, func(t *testing.T) {
			typ, err := Lookup(tt.typ)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(ctx, st, typ, "x.csv", "", []byte(tt.file), Options{Who: "jane"})
			if err != nil || res.Added != tt.added {
				t.Fatalf("Import = %+v, %v, want %d added", res, err, tt.added)
			}
			res, err = Import(ctx, st, typ, "x.csv", "", []byte(tt.file), Options{Who: "jane"})
			if err != nil || res.Added+res.Updated != 0 {
				t.Errorf("Import again = %+v, %v, want nothing changed", res, err)
			}
			_, err = Import(ctx, st, typ, "x.csv", "", []byte(tt.file+tt.bad), Options{Who: "jane"})
			var errs Errors
			if !errors.As(err, &errs) || errs[0].Column != tt.column {
				t.Errorf("Import with %q = %v, want column %s named", tt.bad, err, tt.column)
			}
			var out bytes.Buffer
			if err := Export(ctx, st, typ, "csv", &out); err != nil {
				t.Fatal(err)
			}
			if res, err := Import(ctx, st, typ, "export.csv", "", out.Bytes(), Options{Who: "jane"}); err != nil || res.Added+res.Updated != 0 {
				t.Errorf("importing its export = %+v, %v, want nothing changed", res, err)
			}
		})
	}
	c, err := st.Centre(ctx, "bcrc-test")
	if err != nil || !c.FocalCentre || len(c.Documents) != 1 || c.CountriesServed[1] != "TZ" {
		t.Errorf("imported centre = %+v, %v", c, err)
	}
}
