package sample

import (
	"fmt"
	"strings"
)

// Generate returns n decision files written the way secretariats publish
// decisions (a symbol and title, the formula, recitals citing earlier
// decisions and documents, operative paragraphs with items, deadlines,
// conditions), for tests and benchmarks that need many files: every
// fourth file holds two decisions, the others one. Symbols are unique
// across the files; instruments, meetings and verbs repeat, as they do in
// a real collection, so files share search facets.
func Generate(n int) []File {
	out := make([]File, n)
	j := 0 // decisions so far
	for i := range out {
		var b strings.Builder
		var first string
		for k := 0; k < 1+boolInt(i%4 == 3); k++ {
			sym := generated(&b, j)
			if k == 0 {
				first = sym
			}
			j++
		}
		name := strings.ToLower(strings.NewReplacer("/", "-").Replace(first))
		out[i] = File{Name: fmt.Sprintf("generated/%03d-%s.txt", i+1, name), Data: []byte(b.String())}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var (
	genInstruments = []struct{ prefix, docs string }{
		{"BC", "UNEP/CHW.%d/%d"}, {"RC", "UNEP/FAO/RC/COP.%d/%d"}, {"SC", "UNEP/POPS/COP.%d/%d"}, {"MC", "UNEP/MC/COP.%d/%d"},
	}
	genTopics = []string{
		"technical assistance and regional centres",
		"national reporting",
		"the clearing-house mechanism",
		"cooperation with the World Customs Organization",
		"financial resources and mechanisms",
		"effectiveness evaluation",
		"joint activities of the secretariats",
		"public awareness and exchange of information",
	}
	genOrdinals = []string{"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
)

// genPerMeeting is how many generated decisions one meeting of one
// instrument adopts: consecutive files come from one meeting, as the
// files of a folder often do.
const genPerMeeting = 25

// generated writes the j-th generated decision to b and returns its
// symbol. Instrument, meeting and number are drawn from j so that no two
// decisions share a symbol; the operative paragraphs come in an order
// that varies from one decision to the next.
func generated(b *strings.Builder, j int) string {
	inst := genInstruments[(j/genPerMeeting)%len(genInstruments)]
	meeting := 10 + j/(genPerMeeting*len(genInstruments))
	num := j%genPerMeeting + 1
	topic := genTopics[j%len(genTopics)]
	other := genTopics[(j+3)%len(genTopics)]
	sym := fmt.Sprintf("%s-%d/%d", inst.prefix, meeting, num)
	next := "next"
	if k := meeting - 10; k < len(genOrdinals) {
		next = genOrdinals[k]
	}
	fmt.Fprintf(b, "Decision %s: %s\n\n", sym, strings.ToUpper(topic[:1])+topic[1:])
	b.WriteString("The Conference of the Parties,\n\n")
	fmt.Fprintf(b, "Recalling decision %s-%d/%d on %s,\n\n", inst.prefix, meeting-1, num, topic)
	fmt.Fprintf(b, "Having considered the report of the Secretariat on %s (%s),\n\n", topic, fmt.Sprintf(inst.docs, meeting, 10+j%30))
	paras := []string{
		fmt.Sprintf("Welcomes the work of the Secretariat on %s;", topic),
		fmt.Sprintf("Requests the Secretariat, subject to the availability of resources:\n\n"+
			"(a) To prepare a report on %s for consideration by the Conference of the Parties at its %s meeting;\n\n"+
			"(b) To cooperate with the regional centres on %s;", topic, next, other),
		fmt.Sprintf("Requests the Executive Secretary to report on %s to the Conference of the Parties at its %s meeting;", other, next),
		fmt.Sprintf("Takes note of the information on %s provided by Parties;", other),
		fmt.Sprintf("Invites Parties to submit information on %s to the Secretariat by 31 March %d;", topic, 2005+meeting),
		fmt.Sprintf("Urges Parties in a position to do so to provide financial support for %s;", other),
	}
	// Starting where j says, forwards or backwards.
	for k := range paras {
		fmt.Fprintf(b, "%d. %s\n\n", k+1, paras[(j+k*(1+4*(j%2)))%len(paras)])
	}
	fmt.Fprintf(b, "%d. Decides to review %s at its %s meeting.\n\n", len(paras)+1, topic, next)
	return sym
}
