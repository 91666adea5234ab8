package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/accordmea/accord"
)

// Snippet markers: Snippet puts matches between them.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// token is a word of a text: where it is, and its folded stem.
type token struct {
	start, end int
	stem       string
}

// Tokens returns the words of text as the full-text index sees them:
// runs of letters, digits and private-use characters, in lower case,
// without diacritics, Porter-stemmed.
func Tokens(text string) []string {
	var out []string
	for _, t := range tokenize(text) {
		out = append(out, t.stem)
	}
	return out
}

func tokenize(text string) []token {
	var toks []token
	start := -1
	for i, r := range text {
		if isTokenRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, token{start, i, Stem(Fold(text[start:i]))})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text), Stem(Fold(text[start:]))})
	}
	return toks
}

func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r)
}

// Fold lowers the case of a word and removes its diacritics.
func Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

var noMarks = strings.NewReplacer(MarkStart, "", MarkEnd, "")

// Snippet returns the stretch of about n words of text that holds the
// most of the terms, with each match between MarkStart and MarkEnd, and
// " … " where text was cut. A term's words match words with the same
// stem, in order; a prefix term's last word matches words whose stem
// starts with its own.
func Snippet(text string, terms []accord.SearchTerm, n int) string {
	toks := tokenize(text)
	type match struct{ first, last, term int } // token indexes
	var matches []match
	for ti, t := range terms {
		stems := make([]string, len(t.Words))
		for i, w := range t.Words {
			stems[i] = Stem(Fold(w))
		}
		for i := 0; i+len(stems) <= len(toks); i++ {
			ok := true
			for j, s := range stems {
				got := toks[i+j].stem
				if got != s && !(t.Prefix && j == len(stems)-1 && strings.HasPrefix(got, s)) {
					ok = false
					break
				}
			}
			if ok {
				matches = append(matches, match{i, i + len(stems) - 1, ti})
			}
		}
	}
	sort.Slice(matches, func(i, j int) bool {
		return matches[i].first < matches[j].first || matches[i].first == matches[j].first && matches[i].last > matches[j].last
	})
	// The window: n tokens from a little before a match, the one covering
	// the most terms, then the most matches, then the earliest.
	from, to := 0, len(toks)
	if len(toks) > n {
		best, bestTerms, bestCount := 0, -1, -1
		for _, m := range matches {
			s := max(0, min(m.first-3, len(toks)-n))
			seen := map[int]bool{}
			count := 0
			for _, x := range matches {
				if x.first >= s && x.last < s+n {
					seen[x.term] = true
					count++
				}
			}
			if len(seen) > bestTerms || len(seen) == bestTerms && count > bestCount {
				best, bestTerms, bestCount = s, len(seen), count
			}
		}
		from, to = best, best+n
	}
	var b strings.Builder
	// The text's own marker bytes, if any, would pass for marks.
	write := func(t string) { b.WriteString(noMarks.Replace(t)) }
	pos := 0 // byte offset written up to
	if from > 0 {
		b.WriteString("… ")
		pos = toks[from].start
	}
	end := len(text)
	if to < len(toks) {
		end = toks[to-1].end
	}
	for _, m := range matches {
		if m.first < from || m.last >= to || toks[m.first].start < pos {
			continue
		}
		write(text[pos:toks[m.first].start])
		b.WriteString(MarkStart)
		write(text[toks[m.first].start:toks[m.last].end])
		b.WriteString(MarkEnd)
		pos = toks[m.last].end
	}
	if pos < end {
		write(text[pos:end])
	}
	if to < len(toks) {
		b.WriteString(" …")
	}
	return b.String()
}
