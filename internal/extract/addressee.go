package extract

import (
	"strings"

	"github.com/accordmea/accord"
)

// Addressees makes addressees of the names people give when they correct
// a mandate, each resolved to its canonical actor; blank names are
// dropped.
func Addressees(names []string, actors *Actors) []accord.Addressee {
	as := []accord.Addressee{}
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		if n != "" {
			as = append(as, accord.Addressee{Text: n, Actor: actors.Resolve(n)})
		}
	}
	return as
}
