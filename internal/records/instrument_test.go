package records

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/accordmea/accord"
)

// TestImportInstruments: a file with a bad row is refused whole, its row
// and column named; a Protocol comes with its Convention in one file;
// importing it again, or what export wrote, changes nothing; an unknown
// parent is refused by the store, naming the instrument and the field.
func TestImportInstruments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	typ, err := Lookup("instruments")
	if err != nil {
		t.Fatal(err)
	}
	const file = "id,short,name,bodies,parent,website,groups,source\n" +
		"rec-prot,Rec Protocol,Rec Protocol to the Rec Convention,COP-MOP,rec-conv,,,https://rec.example/protocol\n" +
		"Rec Bad,,Bad,cop,,ftp://x,,\n" +
		"rec-conv,Rec Convention,Rec Convention on Records,COP,,https://rec.example/,,https://rec.example/text\n"
	_, err = Import(ctx, st, typ, "instruments.csv", "", []byte(file), Options{Who: "ada"})
	for _, want := range []string{"row 3, column short", "row 3, column website", "row 3, column source"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Import with a bad row: err = %v, want it to name %q", err, want)
		}
	}
	if !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("err = %v, want ErrInvalid", err)
	}
	if accord.KnownInstrument("rec-conv") {
		t.Error("a good row of a refused file was stored")
	}
	res, err := Import(ctx, st, typ, "instruments.csv", "", []byte(file), Options{Who: "ada", SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(res.Skipped) == 0 {
		t.Errorf("Import --skip-invalid = %+v, want 2 added, row 3 skipped", res)
	}
	if got := accord.InstrumentName("rec-prot"); got != "Rec Protocol" {
		t.Errorf("InstrumentName(rec-prot) after import = %q", got)
	}
	res, err = Import(ctx, st, typ, "instruments.csv", "", []byte(file), Options{Who: "ada", SkipInvalid: true})
	if err != nil || res.Added+res.Updated != 0 {
		t.Errorf("Import again = %+v, %v, want nothing changed", res, err)
	}
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Export(ctx, st, typ, format, &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "basel|rotterdam|stockholm") || !strings.Contains(b.String(), "rec-conv") {
			t.Errorf("export %s lacks brs's groups or the imported instruments:\n%s", format, b.String())
		}
		res, err := Import(ctx, st, typ, "export", format, b.Bytes(), Options{Who: "ada"})
		if err != nil || res.Added+res.Updated != 0 {
			t.Errorf("%s round trip = %+v, %v, want nothing changed", format, res, err)
		}
	}
	orphan := "id,short,name,bodies,parent,website,groups,source\n" +
		"rec-orphan,Rec Orphan,Rec Orphan Protocol,,rec-nowhere,,,https://rec.example/orphan\n"
	if _, err := Import(ctx, st, typ, "orphan.csv", "", []byte(orphan), Options{Who: "ada"}); !errors.Is(err, accord.ErrInvalid) ||
		!strings.Contains(err.Error(), "rec-orphan") || !strings.Contains(err.Error(), "parent") {
		t.Errorf("Import of an orphan protocol: %v, want ErrInvalid naming rec-orphan and parent", err)
	}
}
