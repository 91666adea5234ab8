package parse

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A scanner finds the matches of an expression in a text, as
// FindAllStringIndex does, but runs the expression, anchored, only where
// a match can begin: at a byte its first instructions accept. An
// expression of many alternatives ("1/CP.21", "BC-16/2", "IX/24", …)
// otherwise walks every alternative at every byte of the text.
//
// The expression must not match the empty string nor test the text
// before a match (^), anchored on the rest of the text it would see a
// start that the text does not have there; but it may open with \b
// before a word, which the scanner tests itself.
//
// An expression of alternatives is run, at a byte, as the alternatives
// that can begin with that byte, in their order: the others cannot match
// there, and the first that matches is the one the whole would take.
type scanner struct {
	re    *regexp.Regexp      // as given
	at    [256]*regexp.Regexp // the same, anchored, for each byte of first
	first [256]bool           // bytes a match can begin with
	word  bool                // a match begins at the start of a word
}

func newScanner(re *regexp.Regexp) *scanner {
	s := scanOf(re)
	if alts := alternatives(re.String()); alts != nil {
		s.at = byFirstByte(alts, `^(?:`, `)`)
	}
	return s
}

// byFirstByte returns, for each byte, the expression open + the
// alternatives alts that can begin with it, in their order, joined by
// "|" + shut; nil for a byte none begins with. Bytes with the same
// alternatives share one expression.
func byFirstByte(alts []*syntax.Regexp, open, shut string) [256]*regexp.Regexp {
	var firsts [][256]bool
	for _, a := range alts {
		firsts = append(firsts, scanOf(regexp.MustCompile(a.String())).first)
	}
	var at [256]*regexp.Regexp
	built := map[string]*regexp.Regexp{}
	for c := range at {
		var parts []string
		for k, a := range alts {
			if firsts[k][c] {
				parts = append(parts, a.String())
			}
		}
		if parts == nil {
			continue
		}
		expr := open + strings.Join(parts, `|`) + shut
		if built[expr] == nil {
			built[expr] = regexp.MustCompile(expr)
		}
		at[c] = built[expr]
	}
	return at
}

// alternatives returns the alternatives of expr, an expression without
// groups, or nil when it is not an alternation.
func alternatives(expr string) []*syntax.Regexp {
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("scanner: " + err.Error())
	}
	if parsed.Op != syntax.OpAlternate || parsed.MaxCap() > 0 {
		return nil
	}
	return parsed.Sub
}

// scanOf is newScanner of re, run as a whole at every byte it can begin
// with.
func scanOf(re *regexp.Regexp) *scanner {
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic("scanner: " + err.Error())
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		panic("scanner: " + err.Error())
	}
	s := &scanner{re: re}
	whole := regexp.MustCompile(`^(?:` + re.String() + `)`)
	type state struct {
		pc   uint32
		word bool // a \b came before
	}
	seen := map[state]bool{}
	bare := false // a path reaches a rune without \b
	var walk func(pc uint32, word bool)
	walk = func(pc uint32, word bool) {
		if seen[state{pc, word}] {
			return
		}
		seen[state{pc, word}] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out, word)
			walk(in.Arg, word)
		case syntax.InstCapture, syntax.InstNop:
			walk(in.Out, word)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg) != syntax.EmptyWordBoundary {
				panic("scanner: " + re.String() + " tests what comes before a match")
			}
			walk(in.Out, true)
		case syntax.InstFail:
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			if word {
				s.word = true
			} else {
				bare = true
			}
			for c := range utf8.RuneSelf {
				if in.MatchRune(rune(c)) {
					s.first[c] = true
				}
			}
			if beyondASCII(in) {
				for c := utf8.RuneSelf; c < len(s.first); c++ {
					s.first[c] = true
				}
			}
		default: // InstMatch
			panic("scanner: " + re.String() + " can match the empty string")
		}
	}
	walk(uint32(prog.Start), false)
	for c := range s.at {
		if s.first[c] {
			s.at[c] = whole
		}
	}
	if s.word {
		// \b before a word: every path must pass it, and open with a
		// letter or digit of ASCII, so that the test is the byte before
		for c := range s.first {
			if s.first[c] && !reWordByte(byte(c)) {
				bare = true
			}
		}
		if bare {
			panic("scanner: " + re.String() + " opens with \\b on some paths only, or before a non-word")
		}
	}
	return s
}

// beyondASCII reports whether a rune instruction may accept a rune
// beyond ASCII, or the byte of broken UTF-8 the matcher reads as one.
func beyondASCII(in *syntax.Inst) bool {
	switch in.Op {
	case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	}
	if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
		return true // "k" folds to the Kelvin sign, "s" to the long s
	}
	for _, r := range in.Rune {
		if r >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// canBegin reports whether a match can begin at text[p].
func (s *scanner) canBegin(text string, p int) bool {
	return s.first[text[p]] && (!s.word || p == 0 || !reWordByte(text[p-1]))
}

// match is s.re.MatchString(text).
func (s *scanner) match(text string) bool {
	for p := 0; p < len(text); p = nextRune(text, p) {
		if s.canBegin(text, p) && s.at[text[p]].MatchString(text[p:]) {
			return true
		}
	}
	return false
}

// findAll is s.re.FindAllStringIndex(text, -1).
func (s *scanner) findAll(text string) [][]int {
	var out [][]int
	for p := 0; p < len(text); {
		if s.canBegin(text, p) {
			if loc := s.at[text[p]].FindStringIndex(text[p:]); loc != nil {
				out = append(out, []int{p, p + loc[1]})
				p += loc[1]
				continue
			}
		}
		p = nextRune(text, p)
	}
	return out
}

// nextRune returns where the rune after text[p] begins, stepping over
// a byte of broken UTF-8 as the matcher does.
func nextRune(text string, p int) int {
	if text[p] < utf8.RuneSelf {
		return p + 1
	}
	_, w := utf8.DecodeRuneInString(text[p:])
	return p + w
}
