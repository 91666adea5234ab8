// Package icaltest checks iCalendar output with a parser that is not
// accord's: Debian's python3-icalendar, run by /usr/bin/python3. Tests
// that need it skip, saying so, where it is not installed.
package icaltest

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// pythonScript prints, for each event, its UID, start, end and summary;
// it fails on any content line the parser could not read.
const pythonScript = `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
errors = [e for c in cal.walk() for e in getattr(c, "errors", [])]
if errors:
    sys.exit("errors: %r" % errors)
for ev in cal.walk("VEVENT"):
    print("%s|%s|%s|%s" % (ev["UID"], ev.decoded("DTSTART").isoformat(), ev.decoded("DTEND").isoformat(), ev["SUMMARY"]))
`

// Parse parses an iCalendar stream with python3-icalendar and
// returns one line per event: UID|start|end|summary. It skips the test,
// saying so, when the parser is not installed.
func Parse(t testing.TB, data []byte) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("/usr/bin/python3 is not installed: skipping the check by an independent iCalendar parser")
	}
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		t.Skip("python3-icalendar (Debian package) is not installed: skipping the check by an independent iCalendar parser")
	}
	cmd := exec.Command(python, "-c", pythonScript)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3-icalendar refused the calendar: %v\n%s", err, stderr.String())
	}
	return string(out)
}
