package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord/internal/ical/icaltest"
)

// TestImportMeetings: a file with one bad row is refused whole, its row
// and column named; --skip-invalid stores the rest; the same file twice
// changes nothing; an export imported again changes nothing; the
// iCalendar export parses with an independent parser.
func TestImportMeetings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "accord.db")
	const header = "id,instrument,body,number,kind,joint_with,start,end,city,country,source,note\n"
	good := "basel-OEWG-14,basel,OEWG,14,ordinary,,2024-06-24,2024-06-28,Geneva,CH,https://www.basel.int/a,\n" +
		",Minamata Convention,COP,7,ordinary,,2027-11-01,2027-11-05,Geneva,Switzerland,https://minamataconvention.org/b,dates as announced\n"
	bad := "cites-SC-78,cites,SC,78,ordinary,,2025-02-03,2025-02-01,Geneva,CH,https://cites.org/c,\n" +
		"xx-COP-1,Atlantis Convention,COP,1,ordinary,,,,,,https://example.org/d,\n"
	file := writeFile(t, dir, "meetings.csv", []byte(header+good+bad))
	code, out, stderr := runAccord(t, "import", "--db", db, "meetings", file)
	if code == 0 || !strings.Contains(stderr, "row 4, column end") || !strings.Contains(stderr, "row 5, column instrument") {
		t.Errorf("import with bad rows: exit %d, stdout %q, stderr %q; want the rows and columns named", code, out, stderr)
	}
	_, out, _ = runAccord(t, "export", "--db", db, "meetings", "--format", "csv")
	if strings.Contains(out, "basel-OEWG-14") {
		t.Errorf("a refused file stored a row")
	}
	code, out, stderr = runAccord(t, "import", "--db", db, "--skip-invalid", "meetings", file)
	if code != 0 || !strings.Contains(out, "meetings: 1 added, 1 updated, 0 unchanged") || !strings.Contains(stderr, "skipped 2") {
		t.Errorf("import --skip-invalid: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, _ = runAccord(t, "import", "--db", db, "meetings", writeFile(t, dir, "good.csv", []byte(header+good)))
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 2 unchanged") {
		t.Errorf("the same rows again: exit %d, %q", code, out)
	}
	code, exported, stderr := runAccord(t, "export", "--db", db, "meetings", "--format", "json")
	if code != 0 || !strings.Contains(exported, `"id": "minamata-COP-7"`) && !strings.Contains(exported, `"id":"minamata-COP-7"`) {
		t.Fatalf("export: exit %d, %q\n%.500s", code, stderr, exported)
	}
	code, out, stderr = runAccord(t, "import", "--db", db, "meetings", writeFile(t, dir, "all.json", []byte(exported)))
	if code != 0 || !strings.Contains(out, " 0 added, 0 updated, ") {
		t.Errorf("an export imported again: exit %d, %q %q", code, out, stderr)
	}
	code, ics, stderr := runAccord(t, "export", "--db", db, "meetings", "--format", "ics")
	if code != 0 {
		t.Fatalf("export ics: exit %d, %s", code, stderr)
	}
	events := icaltest.Parse(t, []byte(ics))
	if !strings.Contains(events, "meeting-minamata-COP-7@accord|2027-11-01|2027-11-06|Minamata Convention COP-7\n") || strings.Count(events, "\n") < 200 {
		t.Errorf("ics export holds %d events; COP-7 as imported? %.300s", strings.Count(events, "\n"), events)
	}

	code, out, stderr = runAccord(t, "import", "--db", db, "bodies", writeFile(t, dir, "bodies.csv", []byte(
		"id,instrument,code,name,kind,source,note\n,minamata,OEWG,Open-ended working group,subsidiary,https://minamataconvention.org/e,\n")))
	if code != 0 || !strings.Contains(out, "bodies: 1 added") {
		t.Errorf("import bodies: exit %d, %q %q", code, out, stderr)
	}
}
