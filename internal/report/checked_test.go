package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestChecked: every format says which mandates a person checked, and
// how many of all.
func TestChecked(t *testing.T) {
	ds, ms := fixture()
	ms[1].CheckedBy = "jo"
	r := Implementation("minamata", "COP-6", ds, ms, now)
	if r.Mandates != 3 || r.Checked != 1 {
		t.Fatalf("report counts %d mandates, %d checked; want 3, 1", r.Mandates, r.Checked)
	}
	out := map[string]string{}
	for _, f := range []string{"html", "markdown", "csv", "json"} {
		var b bytes.Buffer
		if err := Write(&b, r, f); err != nil {
			t.Fatal(err)
		}
		out[f] = b.String()
	}
	for _, f := range []string{"html", "markdown"} {
		if !strings.Contains(out[f], "1 of 3 mandates were checked by a person") {
			t.Errorf("%s does not count the checked mandates", f)
		}
		if strings.Count(out[f], "checked by jo") != 1 {
			t.Errorf("%s does not mark the mandate jo checked once:\n%s", f, out[f])
		}
	}
	if !strings.Contains(out["html"], `<td>7<br><small class="checked">checked by jo</small></td>`) {
		t.Errorf("HTML does not mark ¶ 7 checked")
	}
	rows, err := csv.NewReader(strings.NewReader(out["csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := len(rows[0]) - 1
	if rows[0][last] != "checked_by" {
		t.Fatalf("CSV header = %v", rows[0])
	}
	for _, row := range rows[1:] {
		want := ""
		if row[2] == "11" {
			want = "jo"
		}
		if row[last] != want {
			t.Errorf("CSV mandate %s checked_by = %q, want %q", row[2], row[last], want)
		}
	}
	if !strings.Contains(out["json"], `"checked_by": "jo"`) || !strings.Contains(out["json"], `"Checked": 1`) {
		t.Errorf("JSON does not say who checked what")
	}
	ms[1].CheckedBy = ""
	var b bytes.Buffer
	Write(&b, Implementation("minamata", "COP-6", ds, ms, now), "markdown")
	if !strings.Contains(b.String(), "No mandate was checked by a person") {
		t.Errorf("markdown of a report nobody checked: %s", b.String())
	}
}
