package parse

import (
	"strings"
	"testing"
)

// TestBrowserPrintFurniture: the header and footer a browser prints on
// each page of a web page saved as PDF (the date and time, the page's
// title, its file address and the page count) are page furniture.
func TestBrowserPrintFurniture(t *testing.T) {
	for _, l := range []string{
		"file:///C:/Users/ann/Downloads/decision.html",
		"file:///home/ann/minamata/cop6-cooperation.html 3/7",
		"11/29/26, 5:30 AM",
		"11/29/26, 5:30 AM Decision MC-6/3: International cooperation",
		"29/11/2026, 17:30 International cooperation and coordination",
		"https://www.mercuryconvention.org/en/documents/decision-mc-6-3 2/7",
		"Page 3 of 7",
	} {
		if !furniture(l) {
			t.Errorf("furniture(%q) = false", l)
		}
	}
	for _, l := range []string{"https://www.mercuryconvention.org/en/documents", "11/29 of the Parties agreed", "1/2 of the budget"} {
		if furniture(l) {
			t.Errorf("furniture(%q) = true", l)
		}
	}
	text := "The Conference of the Parties,\n\n1. Requests the secretariat to report on the implementation of the present\n" +
		"file:///C:/Users/ann/Downloads/decision.html 1/2\n\f\n11/29/26, 5:30 AM International cooperation\n" +
		"decision to the Conference of the Parties at its seventh meeting;\n\n2. Invites Parties to submit views.\n"
	d := parseOne(t, text)
	p := d.Paragraphs[0].Text
	if strings.Contains(p, "file:") || strings.Contains(p, "AM") || !strings.Contains(p, "of the present decision to the Conference") {
		t.Errorf("paragraph 1 = %q", p)
	}
}
