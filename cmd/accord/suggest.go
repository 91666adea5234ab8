package main

import (
	"flag"
	"sort"
	"strings"
)

// suggest returns the names nearest to typed, when any is near enough
// to be what was meant: within an edit or two (a letter missed, added,
// changed or two swapped), or begun by typed.
func suggest(typed string, names []string) []string {
	limit := min(1+len(typed)/5, 3)
	best := limit + 1
	var out []string
	for _, n := range names {
		d := editDistance(typed, n)
		if len(typed) >= 3 && strings.HasPrefix(n, typed) {
			d = min(d, limit)
		}
		switch {
		case d < best:
			best, out = d, []string{n}
		case d == best:
			out = append(out, n)
		}
	}
	if best > limit {
		return nil
	}
	sort.Strings(out)
	return out
}

// didYouMean writes "; did you mean a, b or c?" for the names, or ""
// when there are none.
func didYouMean(names []string) string {
	if len(names) == 0 {
		return ""
	}
	s := names[len(names)-1]
	if len(names) > 1 {
		s = strings.Join(names[:len(names)-1], ", ") + " or " + s
	}
	return "; did you mean " + s + "?"
}

// editDistance counts the letters to insert, delete or change, and the
// neighbours to swap, to turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}

// unknownFlag returns a usage error for the first flag in args that fs
// does not define, naming the nearest flags it does. It walks args as
// interleave does, so that a flag's value is never taken for a flag.
func unknownFlag(fs *flag.FlagSet, args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			near := suggest(name, names)
			for i := range near {
				near[i] = "--" + near[i]
			}
			hint := didYouMean(near)
			if hint == "" {
				hint = " (" + fs.Name() + " -h lists the flags)"
			}
			return usageError("unknown flag %s%s", strings.SplitN(a, "=", 2)[0], hint)
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() || hasValue {
			continue
		}
		i++ // the flag's value
	}
	return nil
}
