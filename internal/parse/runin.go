package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// runInNumberRE finds the number of a paragraph run on after a semicolon:
// "…; 2. Decides also …".
var runInNumberRE = regexp.MustCompile(`;\s+(\d{1,3})\.\s+`)

// splitRunIn splits numbered paragraphs that a page runs into one line
// ("1. Decides …; 2. Decides also …; 3. Requests …") into one block each.
// A number splits its paragraph only when it goes on from the one before
// and opens an operative phrase: "paragraphs 3 and 4; 4. Requests for
// assistance …" stays whole.
func splitRunIn(bs []block) []block {
	var out []block
	for _, b := range bs {
		if b.mark != markNumber || !strings.Contains(b.rest, "; ") {
			out = append(out, b)
			continue
		}
		n, err := strconv.Atoi(b.label)
		if err != nil {
			out = append(out, b)
			continue
		}
		cur := b
		for {
			cut := -1
			var next block
			for _, m := range runInNumberRE.FindAllStringSubmatchIndex(cur.rest, -1) {
				k, _ := strconv.Atoi(cur.rest[m[2]:m[3]])
				rest := cur.rest[m[1]:]
				if k == n+1 && opensOperative(rest) {
					cut = m[0] + 1 // after the semicolon
					num := cur.rest[m[2]:m[3]]
					next = block{n: cur.n, text: strings.TrimSpace(cur.rest[cut:]), mark: markNumber, label: num, rest: rest}
					n = k
					break
				}
			}
			if cut < 0 {
				out = append(out, cur)
				break
			}
			head := cur.rest[:cut]
			cur.text = cur.text[:len(cur.text)-len(cur.rest)] + head
			cur.rest = head
			out = append(out, cur)
			cur = next
		}
	}
	return out
}
