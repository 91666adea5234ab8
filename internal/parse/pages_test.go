package parse

import (
	"fmt"
	"strings"
)

// The "PDF-style pages" rendering joins the layout-invariance suite: the
// text as pdftotext gives a printed UN document back, wrapped at 85
// columns and cut into pages of pageLines lines, each page opening with a
// running header (the decision's symbol and a date) and closing with its
// footnotes and its number, pages parted by form feeds. A paragraph that
// does not fit on a page goes on at the top of the next, past the footer
// and the next header.
func init() {
	renderings = append(renderings, rendering{"PDF-style pages", pagesRendering, false})
}

// pageLines is the height of a printed page, in lines.
const pageLines = 45

// pageSymbol heads the pages of a decision whose parse finds no symbol:
// the symbol of the document that prints it.
const pageSymbol = "UNEP/XX/COP.6/21"

// pagesRendering lays s out as PDF-style pages.
func pagesRendering(s string) string {
	symbol := pageSymbol
	if ds := Parse(s, Options{}).Decisions; len(ds) > 0 && ds[0].Symbol != "" {
		symbol = ds[0].Symbol
	}
	header := symbol + "   12 May 2025"
	lines := strings.Split(rewrap(strings.ReplaceAll(s, "\r", ""), 85), "\n")
	noteAt, isNote := footnotes(lines)
	var b strings.Builder
	var body, foot []string
	page := 1
	flush := func() {
		fmt.Fprintf(&b, "%s\n\n", header)
		for _, l := range body {
			b.WriteString(l + "\n")
		}
		for _, l := range foot {
			b.WriteString(l + "\n")
		}
		fmt.Fprintf(&b, "\n%d\n\f", page)
		body, foot = nil, nil
		page++
	}
	for i, l := range lines {
		if isNote[i] {
			continue
		}
		if l == "" && len(body) == 0 {
			continue // no page opens on a blank line
		}
		var notes []string
		for _, n := range noteAt[i] {
			notes = append(notes, "")
			for k := n.line; k < len(lines) && lines[k] != ""; k++ {
				notes = append(notes, lines[k])
			}
		}
		// header, blank line, body, footnotes, blank line, number
		if len(body) > 0 && 2+len(body)+1+len(foot)+len(notes)+2 > pageLines {
			flush()
			if l == "" {
				continue
			}
		}
		body = append(body, l)
		foot = append(foot, notes...)
	}
	if len(body) > 0 || len(foot) > 0 {
		flush()
	}
	return b.String()
}
