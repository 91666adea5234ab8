package search

// Stem returns the Porter stem of a folded word, as SQLite's porter
// tokenizer computes it: words shorter than 3 or longer than 64 bytes are
// left as they are; bytes other than a, e, i, o, u (and y after a
// consonant) count as consonants.
func Stem(w string) string {
	if len(w) < 3 || len(w) > 64 {
		return w
	}
	b := []byte(w)
	b = step1a(b)
	// Removing "ed" or "ing" (not "eed" → "ee") goes on to 1b's second
	// part.
	b, r := applyFirst(b, step1b)
	if r > 0 {
		if b3, r := applyFirst(b, step1b2); r >= 0 {
			b = b3
		} else if c := b[len(b)-1]; len(b) > 1 && !isVowel(c, false) && c != 'l' && c != 's' && c != 'z' && c == b[len(b)-2] {
			b = b[:len(b)-1]
		} else if measureIs1(b) && endsCVC(b) {
			b = append(b, 'e')
		}
	}
	// Step 1c.
	if b[len(b)-1] == 'y' && hasVowel(b[:len(b)-1]) {
		b[len(b)-1] = 'i'
	}
	b, _ = applyFirst(b, step2)
	b, _ = applyFirst(b, step3)
	b, _ = applyFirst(b, step4)
	// Step 5a.
	if n := len(b); b[n-1] == 'e' && (measureOver1(b[:n-1]) || measureIs1(b[:n-1]) && !endsCVC(b[:n-1])) {
		b = b[:n-1]
	}
	// Step 5b.
	if n := len(b); n > 1 && b[n-1] == 'l' && b[n-2] == 'l' && measureOver1(b[:n-1]) {
		b = b[:n-1]
	}
	return string(b)
}

// A rule replaces a suffix when the stem before it meets the condition.
// Within a step only the first rule whose suffix ends the word (with at
// least one byte before it) is tried: applyFirst returns the index of the
// rule it applied, -1 when none did.
type rule struct {
	suffix, with string
	cond         func(stem []byte) bool
}

func applyFirst(b []byte, rules []rule) ([]byte, int) {
	for i, r := range rules {
		if len(b) <= len(r.suffix) || string(b[len(b)-len(r.suffix):]) != r.suffix {
			continue
		}
		stem := b[:len(b)-len(r.suffix)]
		if r.cond != nil && !r.cond(stem) {
			return b, -1
		}
		return append(stem[:len(stem):len(stem)], r.with...), i
	}
	return b, -1
}

func step1a(b []byte) []byte {
	n := len(b)
	switch {
	case b[n-1] != 's':
		return b
	case b[n-2] == 'e' && (n > 4 && b[n-4] == 's' && b[n-3] == 's' || n > 3 && b[n-3] == 'i'):
		return b[:n-2] // sses → ss, ies → i
	case b[n-2] == 'e' || b[n-2] != 's':
		return b[:n-1]
	}
	return b
}

// The steps' rules, in the order they are tried. (Only rules whose
// suffixes share the word's next-to-last byte can end it, so the order
// matters only among those.)
var (
	step1b = []rule{
		{"eed", "ee", measureOver0},
		{"ed", "", hasVowel},
		{"ing", "", hasVowel},
	}
	step1b2 = []rule{{"at", "ate", nil}, {"bl", "ble", nil}, {"iz", "ize", nil}}
	step2   = []rule{
		{"ational", "ate", measureOver0}, {"tional", "tion", measureOver0},
		{"enci", "ence", measureOver0}, {"anci", "ance", measureOver0},
		{"izer", "ize", measureOver0},
		{"logi", "log", measureOver0},
		{"bli", "ble", measureOver0}, {"alli", "al", measureOver0}, {"entli", "ent", measureOver0},
		{"eli", "e", measureOver0}, {"ousli", "ous", measureOver0},
		{"ization", "ize", measureOver0}, {"ation", "ate", measureOver0}, {"ator", "ate", measureOver0},
		{"alism", "al", measureOver0}, {"iveness", "ive", measureOver0}, {"fulness", "ful", measureOver0},
		{"ousness", "ous", measureOver0},
		{"aliti", "al", measureOver0}, {"iviti", "ive", measureOver0}, {"biliti", "ble", measureOver0},
	}
	step3 = []rule{
		{"ical", "ic", measureOver0},
		{"ness", "", measureOver0},
		{"icate", "ic", measureOver0}, {"iciti", "ic", measureOver0},
		{"ful", "", measureOver0},
		{"ative", "", measureOver0},
		{"alize", "al", measureOver0},
	}
	step4 = []rule{
		{"al", "", measureOver1},
		{"ance", "", measureOver1}, {"ence", "", measureOver1},
		{"er", "", measureOver1},
		{"ic", "", measureOver1},
		{"able", "", measureOver1}, {"ible", "", measureOver1},
		{"ant", "", measureOver1}, {"ement", "", measureOver1}, {"ment", "", measureOver1}, {"ent", "", measureOver1},
		{"ion", "", func(s []byte) bool { return (s[len(s)-1] == 's' || s[len(s)-1] == 't') && measureOver1(s) }},
		{"ou", "", measureOver1},
		{"ism", "", measureOver1},
		{"ate", "", measureOver1}, {"iti", "", measureOver1},
		{"ous", "", measureOver1},
		{"ive", "", measureOver1},
		{"ize", "", measureOver1},
	}
)

func isVowel(c byte, afterConsonant bool) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || afterConsonant && c == 'y'
}

// vc returns the length of the first vowels-then-consonants run of s, 0
// when s has none; prevConsonant tells whether the byte before s is one.
func vc(s []byte, prevConsonant bool) int {
	cons := prevConsonant
	i := 0
	for ; i < len(s); i++ {
		cons = !isVowel(s[i], cons)
		if !cons {
			break
		}
	}
	for i++; i < len(s); i++ {
		cons = !isVowel(s[i], cons)
		if cons {
			return i + 1
		}
	}
	return 0
}

func measureOver0(s []byte) bool { return vc(s, false) > 0 }

func measureOver1(s []byte) bool {
	n := vc(s, false)
	return n > 0 && vc(s[n:], true) > 0
}

func measureIs1(s []byte) bool {
	n := vc(s, false)
	return n > 0 && vc(s[n:], true) == 0
}

// endsCVC reports whether s ends consonant, vowel, consonant, the last
// not w, x or y.
func endsCVC(s []byte) bool {
	c := s[len(s)-1]
	if c == 'w' || c == 'x' || c == 'y' {
		return false
	}
	mask := 0
	cons := false
	for _, x := range s {
		cons = !isVowel(x, cons)
		mask <<= 1
		if cons {
			mask |= 1
		}
	}
	return mask&7 == 5
}

func hasVowel(s []byte) bool {
	for i, c := range s {
		if isVowel(c, i > 0) {
			return true
		}
	}
	return false
}
