package accord

import "strings"

// MeetingBody is the body that held a meeting: its name without the
// number ("COP-6" is COP, "COP-MOP-4" COP-MOP, "OEWG-13" OEWG); a
// meeting with no number is its own body.
func MeetingBody(meeting string) string {
	if i := strings.LastIndexByte(meeting, '-'); i > 0 && strings.ContainsAny(meeting[i+1:], "0123456789") {
		return meeting[:i]
	}
	return meeting
}
