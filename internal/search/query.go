// Package search parses what people type into a search box into terms a
// search engine can take safely: words, quoted phrases and prefixes, made
// of letters and digits only. Engine syntax (a stray quote, "*", NEAR(,
// OR) never reaches the engine raw. It must not import any store.
package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// Limits of a query.
const (
	MaxLen   = 256 // characters
	MaxTerms = 12
)

// operators are engine words that people type as words; they are dropped.
var operators = map[string]bool{"AND": true, "OR": true, "NOT": true, "NEAR": true}

// Parse reads a query: words, "quoted phrases", prefix* words. Hyphenated
// words are phrases ("capacity-building"). Errors wrap accord.ErrInvalid.
func Parse(q string) ([]accord.SearchTerm, error) {
	if !utf8.ValidString(q) {
		return nil, fmt.Errorf("%w: the query is not valid UTF-8", accord.ErrInvalid)
	}
	if n := utf8.RuneCountInString(q); n > MaxLen {
		return nil, fmt.Errorf("%w: the query is %d characters, over the limit of %d", accord.ErrInvalid, n, MaxLen)
	}
	var terms []accord.SearchTerm
	rest := q
	for len(rest) > 0 {
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 { // a stray quote: read on as words
				rest = rest[1:]
				continue
			}
			if ws := words(rest[1 : 1+end]); len(ws) > 0 {
				terms = append(terms, accord.SearchTerm{Words: ws})
			}
			rest = rest[end+2:]
			continue
		}
		i := strings.IndexAny(rest, " \t\n\"")
		if i < 0 {
			i = len(rest)
		}
		tok := rest[:i]
		rest = strings.TrimLeft(rest[i:], " \t\n")
		if operators[strings.TrimRight(tok, "(*")] {
			continue
		}
		if i := strings.IndexByte(tok, '('); i > 0 && operators[tok[:i]] {
			tok = tok[i+1:] // "NEAR(arsenic)"
		}
		prefix := strings.HasSuffix(tok, "*")
		ws := words(tok)
		if len(ws) == 0 {
			continue
		}
		if prefix && utf8.RuneCountInString(ws[len(ws)-1]) < 2 {
			prefix = false // "a*" would match everything
		}
		terms = append(terms, accord.SearchTerm{Words: ws, Prefix: prefix})
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("%w: nothing to search for in %q", accord.ErrInvalid, q)
	}
	if len(terms) > MaxTerms {
		terms = terms[:MaxTerms]
	}
	return terms, nil
}

// words returns the runs of letters and digits of s, in lower case.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// FTS5 writes terms as an SQLite FTS5 query: each word quoted, terms
// joined by AND.
func FTS5(terms []accord.SearchTerm) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			parts[i] += "*"
		}
	}
	return strings.Join(parts, " AND ")
}

// TSQuery writes terms as a PostgreSQL tsquery: phrases with <->,
// prefixes with :*, terms joined by &.
func TSQuery(terms []accord.SearchTerm) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		ws := make([]string, len(t.Words))
		for j, w := range t.Words {
			ws[j] = "'" + w + "'"
		}
		if t.Prefix {
			ws[len(ws)-1] += ":*"
		}
		parts[i] = "(" + strings.Join(ws, " <-> ") + ")"
	}
	return strings.Join(parts, " & ")
}

// String writes terms back as a query people can read and type.
func String(terms []accord.SearchTerm) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		s := strings.Join(t.Words, " ")
		if len(t.Words) > 1 {
			s = `"` + s + `"`
		}
		if t.Prefix {
			s += "*"
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}
