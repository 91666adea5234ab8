package records

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// contact is a record of the test type: enough columns to exercise every
// Checker method.
type contact struct {
	Name, Country, Email, Instrument, Phone string
	Since                                   time.Time
	Roles                                   []string
}

// memory is the test type's store: records by name.
type memory map[string]contact

func (m memory) typ() *Type {
	return New("contacts", "people to write to", []string{"name", "country", "email", "instrument", "phone", "since", "roles"}, Codec[contact]{
		Parse: func(c *Checker) contact {
			return contact{
				Name:       c.Required("name"),
				Country:    c.Country("country"),
				Email:      c.Email("email"),
				Instrument: c.Instrument("instrument"),
				Phone:      c.Get("phone"),
				Since:      c.Date("since"),
				Roles:      c.List("roles"),
			}
		},
		Store: func(ctx context.Context, st accord.Store, who string, recs []contact) (accord.ImportCounts, error) {
			var n accord.ImportCounts
			for _, r := range recs {
				old, ok := m[r.Name]
				switch {
				case !ok:
					n.Added++
				case !equal(old, r):
					n.Updated++
				default:
					n.Unchanged++
				}
				m[r.Name] = r
			}
			return n, nil
		},
		List: func(ctx context.Context, st accord.Store) ([]contact, error) {
			var out []contact
			for _, r := range m {
				out = append(out, r)
			}
			slices.SortFunc(out, func(a, b contact) int { return strings.Compare(a.Name, b.Name) })
			return out, nil
		},
		Row: func(r contact) map[string]string {
			since := ""
			if !r.Since.IsZero() {
				since = r.Since.Format(time.DateOnly)
			}
			return map[string]string{"name": r.Name, "country": r.Country, "email": r.Email, "instrument": r.Instrument, "phone": r.Phone, "since": since, "roles": strings.Join(r.Roles, ListSep)}
		},
	})
}

func equal(a, b contact) bool {
	return a.Name == b.Name && a.Country == b.Country && a.Email == b.Email && a.Instrument == b.Instrument &&
		a.Phone == b.Phone && a.Since.Equal(b.Since) && slices.Equal(a.Roles, b.Roles)
}

const good = `name,country,email,instrument,phone,since,roles
Amina Njoroge,KE,amina@example.org,minamata,+254 20 123,2021-03-01,national focal point|competent authority
Jean Dupont,France,jean.dupont@example.fr,Basel Convention,,,
`

func TestImportTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	m := memory{}
	typ := m.typ()
	res, err := Import(ctx, nil, typ, "contacts.csv", "", []byte(good), Options{Who: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Updated != 0 || res.Unchanged != 0 {
		t.Errorf("first import: %+v, want 2 added", res.ImportCounts)
	}
	if got := m["Jean Dupont"]; got.Country != "FR" || got.Instrument != "basel" {
		t.Errorf("country and instrument by name: %+v, want FR and basel", got)
	}
	if got := m["Amina Njoroge"].Roles; len(got) != 2 {
		t.Errorf("roles = %q, want two", got)
	}
	res, err = Import(ctx, nil, typ, "contacts.csv", "", []byte(good), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Updated != 0 || res.Unchanged != 2 {
		t.Errorf("second import: %+v, want 2 unchanged", res.ImportCounts)
	}

	// What export writes, import reads back unchanged, in both formats,
	// even the phone number a spreadsheet would take for a formula.
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Export(ctx, nil, typ, format, &b); err != nil {
			t.Fatal(err)
		}
		if format == "csv" && !strings.Contains(b.String(), "'+254") {
			t.Errorf("csv export does not quote the phone number:\n%s", b.String())
		}
		res, err := Import(ctx, nil, typ, "export", format, b.Bytes(), Options{})
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, b.String())
		}
		if res.Unchanged != 2 || res.Added+res.Updated != 0 {
			t.Errorf("%s round trip: %+v, want 2 unchanged\n%s", format, res.ImportCounts, b.String())
		}
	}
}

func TestImportRefusesBadRows(t *testing.T) {
	ctx := context.Background()
	bad := good + `,KE,nobody@example.org,minamata,,,
Third Person,XX,third@example.org,minamata,,,
Fourth Person,KE,not an email,minamata,,,
Fifth Person,KE,fifth@example.org,atlantis,,,
Sixth Person,KE,sixth@example.org,minamata,,1st May,
`
	want := []FieldError{
		{Row: 4, Column: "name"},
		{Row: 5, Column: "country"},
		{Row: 6, Column: "email"},
		{Row: 7, Column: "instrument"},
		{Row: 8, Column: "since"},
	}
	m := memory{}
	_, err := Import(ctx, nil, m.typ(), "contacts.csv", "", []byte(bad), Options{})
	var errs Errors
	if !errors.As(err, &errs) || !errors.Is(err, accord.ErrInvalid) {
		t.Fatalf("err = %v, want Errors wrapping ErrInvalid", err)
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%v\nwant %d", err, len(want))
	}
	for i, w := range want {
		if errs[i].Row != w.Row || errs[i].Column != w.Column {
			t.Errorf("error %d = %v, want row %d column %s", i, errs[i], w.Row, w.Column)
		}
	}
	if !strings.Contains(err.Error(), "contacts.csv") || !strings.Contains(err.Error(), "row 5, column country") {
		t.Errorf("error does not name the file, row and column: %v", err)
	}
	if len(m) != 0 {
		t.Errorf("a file with bad rows stored %d records", len(m))
	}

	res, err := Import(ctx, nil, m.typ(), "contacts.csv", "", []byte(bad), Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(res.Skipped) != len(want) || len(m) != 2 {
		t.Errorf("--skip-invalid: %+v, %d stored; want 2 added, %d skipped", res, len(m), len(want))
	}
}

func TestImportJSON(t *testing.T) {
	m := memory{}
	data := `[{"name": "Amina Njoroge", "country": "KEN", "roles": ["national focal point", "competent authority"], "since": null},
	          {"name": "Jean Dupont", "email": 7}]`
	_, err := Import(context.Background(), nil, m.typ(), "contacts.json", "", []byte(data), Options{})
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Row != 2 || errs[0].Column != "email" {
		t.Fatalf("err = %v, want row 2 column email", err)
	}
	res, err := Import(context.Background(), nil, m.typ(), "contacts.json", "", []byte(data), Options{SkipInvalid: true})
	if err != nil || res.Added != 1 {
		t.Fatalf("res = %+v, err = %v", res, err)
	}
	if got := m["Amina Njoroge"]; got.Country != "KE" || len(got.Roles) != 2 {
		t.Errorf("stored %+v", got)
	}
}

func TestReadRefuses(t *testing.T) {
	cols := []string{"name", "email"}
	big := strings.Repeat("x", MaxFile+1)
	for _, tt := range []struct {
		name, format, data, want string
	}{
		{"a.csv", "", "", "empty file"},
		{"a.csv", "", " \n\t", "empty file"},
		{"a.csv", "", "name\x00\n", "binary file"},
		{"a.csv", "", "name\nok\n\xff\xfe\n", "line 3: not UTF-8"},
		{"a.txt", "", "name\n", "unknown format"},
		{"a.csv", "xml", "name\n", `unknown format "xml"`},
		{"a.csv", "", "name,phone\n", `row 1, column 2: unknown column "phone"`},
		{"a.csv", "", "name,name\n", `column "name" twice`},
		{"a.csv", "", "name,email\na\n", "row 2: wrong number of fields"},
		{"a.csv", "", "name\n\"unclosed\n", "row 2"},
		{"a.json", "", `{"name": "a"}`, "want a JSON array of objects"},
		{"a.json", "", `[{"phone": "1"}]`, `row 1: unknown column "phone"`},
		{"a.json", "", `[{"name": {"a": 1}}]`, "row 1, column name"},
		{"a.csv", "", big, "more than the 32 MB"},
	} {
		_, err := Read(tt.name, tt.format, []byte(tt.data), cols)
		if err == nil || !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.name) {
			t.Errorf("Read(%s, %.20q) = %v, want an ErrInvalid naming %s and %q", tt.name, tt.data, err, tt.name, tt.want)
		}
	}
	rows, err := Read("a.csv", "", []byte("\uFEFFname , email\n Ann ,ann@example.org\n"), cols)
	if err != nil || len(rows) != 1 || rows[0].N != 2 || rows[0].Cells["name"] != " Ann " {
		t.Errorf("BOM and spaces: %+v, %v", rows, err)
	}
}

func TestLookup(t *testing.T) {
	if _, err := Lookup("no-such-type"); err == nil || !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("Lookup of an unknown type: %v", err)
	}
	for _, typ := range Types() {
		got, err := Lookup(typ.Name)
		if err != nil || got != typ {
			t.Errorf("Lookup(%s) = %v, %v", typ.Name, got, err)
		}
	}
}
