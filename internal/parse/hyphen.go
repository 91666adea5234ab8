package parse

import "strings"

// A PDF reader that joins the lines of a paragraph drops the hyphen at the
// end of a line whether it broke a word ("environ-" "mental") or ended the
// first half of a compound ("capacity-" "building" → "capacitybuilding").
// mendCompounds puts the hyphen of compounds back, and decides a hyphen
// still standing at the end of a line by how the text itself writes the
// word elsewhere; joint's word lists decide the rest.

// Bounds of the words mendCompounds looks at: shorter glued words are no
// compounds of two words of two letters or more, longer ones are not words.
const (
	minGlued = 5
	maxGlued = 40
)

// gluedFirst and gluedSecond are halves of compounds that UN documents
// hyphenate and whose joined form is no English word: "capacitybuilding"
// is "capacity-building". Prefixes that English writes solid ("sub",
// "inter", "co", "non") and halves of solid words ("policymaking") are
// left out on purpose.
var (
	gluedFirst = []string{"capacity", "decision", "long", "short", "medium", "high", "low", "follow", "cross",
		"gender", "science", "evidence", "knowledge", "country", "region", "ozone", "community", "ecosystem",
		"nature", "market", "results", "rights", "human", "cost", "time", "risk", "sector", "state", "mercury",
		"waste", "climate", "multi-stakeholder", "stakeholder", "government", "partnership", "clearing", "peer"}
	gluedSecond = []string{"building", "making", "based", "term", "level", "related", "specific", "owned",
		"led", "driven", "responsive", "sensitive", "oriented", "depleting", "cutting", "up", "sharing",
		"setting", "raising", "friendly", "effective", "house", "review"}
	// numberTens and numberUnits make the compound numbers English always
	// hyphenates, cardinal and ordinal: "twenty-seventh" is no word
	// glued ("twentyseventh"), and a meeting's number read glued is a
	// deadline lost.
	numberTens  = []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	numberUnits = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
	gluedPairs = func() map[string]int {
		m := map[string]int{}
		for _, halves := range [][2][]string{{gluedFirst, gluedSecond}, {numberTens, numberUnits}} {
			for _, a := range halves[0] {
				for _, b := range halves[1] {
					m[a+b] = len(a)
				}
			}
		}
		return m
	}()
)

// A trigramSet marks strings of three letters, each by its index (tail3).
type trigramSet [(26*26*26 + 63) / 64]uint64 // rounded up, or "zzz" would have no bit

func (t *trigramSet) add(k int)      { t[k/64] |= 1 << (k % 64) }
func (t *trigramSet) has(k int) bool { return t[k/64]&(1<<(k%64)) != 0 }

// addWord marks the first three letters of w in heads and the last three
// in tails.
func addWord(heads, tails *trigramSet, w string) {
	if k := head3(w); k >= 0 {
		heads.add(k)
	}
	if k := tail3(w); k >= 0 {
		tails.add(k)
	}
}

// gluedHeads and gluedTails mark the first and the last three letters of
// gluedPairs: most words begin or end otherwise and are passed over
// without a look-up ("meeting", "related" alone).
var gluedHeads, gluedTails = func() (heads, tails trigramSet) {
	for w := range gluedPairs {
		addWord(&heads, &tails, w)
	}
	return heads, tails
}()

// head3 is tail3 of the first three letters of w.
func head3(w string) int {
	if len(w) < 3 {
		return -1
	}
	return tail3(w[:3])
}

// fold3 is tail3 of the first three bytes of w, ASCII letters in any
// case.
func fold3(w string) int {
	return (int(w[0]|0x20-'a')*26+int(w[1]|0x20-'a'))*26 + int(w[2]|0x20-'a')
}

// tail3 indexes the last three letters of a lower-case word, or is -1.
func tail3(w string) int {
	if len(w) < 3 {
		return -1
	}
	k := 0
	for i := len(w) - 3; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return -1
		}
		k = k*26 + int(c-'a')
	}
	return k
}

// mendCompounds mends the hyphens of lines in place (see above).
func mendCompounds(lines []line) {
	// Compounds the text writes with a hyphen: joined form → length of
	// the first half.
	var hyph map[string]int
	var key [maxGlued]byte
	for _, l := range lines {
		t := l.text
		for i := strings.IndexByte(t, '-'); i >= 0; {
			if a, b := letterRun(t, i), letterRunAfter(t, i+1); a >= 2 && b >= 2 && a+b <= maxGlued {
				k := key[:0]
				for _, w := range [2]string{t[i-a : i], t[i+1 : i+1+b]} {
					for x := 0; x < len(w); x++ {
						k = append(k, w[x]|0x20)
					}
				}
				if _, ok := hyph[string(k)]; !ok {
					if hyph == nil {
						hyph = map[string]int{}
					}
					hyph[string(k)] = a
				}
			}
			j := strings.IndexByte(t[i+1:], '-')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	// Words broken at a line end: the joined form, found or not elsewhere.
	type brk struct {
		i      int // line index of the first half
		joined string
		cut    int // bytes of the second half
		keep   bool
	}
	var brks []brk
	var seen map[string]bool // joined forms of broken words: found elsewhere?
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i].text, lines[i+1].text
		if len(a) < 3 || a[len(a)-1] != '-' || b == "" || b[0] < 'a' || b[0] > 'z' {
			continue
		}
		left, right := letterRun(a, len(a)-1), letterRunAfter(b, 0)
		if left < 2 || right < 2 || right == len(b) || b[right] != ' ' {
			continue // a one-word line is left to joint: it could end a block
		}
		j := lowerWord(a[len(a)-1-left:len(a)-1]) + lowerWord(b[:right])
		_, keep := hyph[j]
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[j] = false
		brks = append(brks, brk{i: i, joined: j, cut: right, keep: keep})
	}
	// Glued compounds, and the joined forms of broken words, anywhere:
	// only words that end like one are looked up.
	heads, tails := gluedHeads, gluedTails // and those of hyph and seen
	for w := range hyph {
		addWord(&heads, &tails, w)
	}
	for w := range seen {
		addWord(&heads, &tails, w)
	}
	var buf [maxGlued]byte
	for k := range lines {
		t := lines[k].text
		var sb strings.Builder
		done := 0
		for i := 0; i < len(t); i++ {
			if !asciiLetter[t[i]] {
				continue
			}
			j := i + 1
			for j < len(t) && asciiLetter[t[j]] {
				j++
			}
			n := j - i
			if n >= minGlued && n <= maxGlued && tails.has(fold3(t[j-3:j])) && heads.has(fold3(t[i:i+3])) &&
				(i == 0 || t[i-1] != '-') && (j == len(t) || t[j] != '-') && !inAddress(t, i, j) {
				w := buf[:n]
				for x := range n {
					w[x] = t[i+x] | 0x20
				}
				if len(seen) > 0 {
					if _, ok := seen[string(w)]; ok {
						seen[string(w)] = true
					}
				}
				off, ok := hyph[string(w)]
				if !ok {
					off, ok = gluedPairs[string(w)]
				}
				if ok {
					if sb.Len() == 0 {
						sb.Grow(len(t) + 4)
					}
					sb.WriteString(t[done : i+off])
					sb.WriteByte('-')
					done = i + off
				}
			}
			i = j
		}
		if done > 0 {
			sb.WriteString(t[done:])
			lines[k].text = sb.String()
		}
	}
	// Decide the broken words the text settles: the second half moves up
	// to its first, with the hyphen or without.
	for _, b := range brks {
		if !b.keep && !seen[b.joined] {
			continue
		}
		a, next := lines[b.i].text, lines[b.i+1].text
		if a == "" || a[len(a)-1] != '-' || len(next) <= b.cut || next[b.cut] != ' ' {
			continue // changed above
		}
		if !b.keep {
			a = a[:len(a)-1]
		}
		lines[b.i].text = a + next[:b.cut]
		lines[b.i+1].text = strings.TrimLeft(next[b.cut:], " ")
	}
}

// inAddress reports whether the word t[i:j] is part of a web or mail
// address ("www.capacitybuilding.org"), which keeps its spelling.
func inAddress(t string, i, j int) bool {
	if i > 0 && strings.IndexByte("./@_:", t[i-1]) >= 0 {
		return true
	}
	return j < len(t) && (strings.IndexByte("/@_", t[j]) >= 0 || t[j] == '.' && j+1 < len(t) && isASCIILetter(t[j+1]))
}

func isASCIILetter(c byte) bool { return asciiLetter[c] }

// asciiLetter marks the bytes of ASCII letters, for scans that run over
// every byte of a text.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// letterRun returns how many ASCII letters end t[:i].
func letterRun(t string, i int) int {
	k := i
	for k > 0 && isASCIILetter(t[k-1]) {
		k--
	}
	return i - k
}

// letterRunAfter returns how many ASCII letters start t[i:].
func letterRunAfter(t string, i int) int {
	k := i
	for k < len(t) && isASCIILetter(t[k]) {
		k++
	}
	return k - i
}

func lowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
