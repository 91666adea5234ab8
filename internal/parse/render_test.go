package parse

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/accordmea/accord/internal/textin"
)

// The renderings of this file join the layout-invariance suite: a DOCX
// with automatic numbering and a footnotes part, a web page around each
// decision, a row of a table listing decisions (as HTML and as the text
// copied from it), and the whole decision on one line. The DOCX and the
// pages are read back through textin, as an uploaded file is.
func init() {
	renderings = append(renderings,
		rendering{"DOCX with numbering and footnotes", docxRendering, false},
		rendering{"web page, symbol glued to the title", func(s string) string { return webRendering(s, glued) }, false},
		rendering{"web page, symbol in a label line", func(s string) string { return webRendering(s, labelLine) }, false},
		rendering{"web page, symbol as a field value", func(s string) string { return webRendering(s, fieldValue) }, false},
		rendering{"row of an HTML table", func(s string) string { return tableRendering(s, true) }, false},
		rendering{"row of a table copied as text", func(s string) string { return tableRendering(s, false) }, false},
		rendering{"on one line", oneLine, false},
	)
}

// note is a footnote of a text cut into lines: the line its text starts
// on, and the line and byte where its marker is glued to the text.
type note struct{ line, ref, at int }

// footnotes finds the footnotes of lines (each with its spaces collapsed):
// a line "N text" after a blank line, whose marker N is glued to a word of
// an earlier line not long before; its text goes on to the next blank
// line. It returns them by the line that cites them, and the lines of
// their texts.
func footnotes(lines []string) (noteAt map[int][]note, isNote map[int]bool) {
	var notes []note
	for i, l := range lines {
		m := noteLine.FindStringSubmatch(l)
		if m == nil || (i > 0 && lines[i-1] != "") {
			continue
		}
		glue := regexp.MustCompile(`[\p{L}.,;:)’”]` + m[1] + `(?:[\s.,;:]|$)`)
		for j := i - 1; j >= 0 && j >= i-40; j-- {
			if loc := glue.FindStringIndex(lines[j]); loc != nil && !docxNumber.MatchString(lines[j][loc[0]+1:]) {
				notes = append(notes, note{line: i, ref: j, at: loc[0] + 1})
				break
			}
		}
	}
	noteAt = map[int][]note{}
	isNote = map[int]bool{}
	for _, n := range notes {
		if isNote[n.ref] {
			continue // a footnote's own text cites none here
		}
		noteAt[n.ref] = append(noteAt[n.ref], n)
		for k := n.line; k < len(lines) && lines[k] != ""; k++ {
			isNote[k] = true
		}
	}
	return noteAt, isNote
}

// readBack returns the text textin reads from a file named name.
func readBack(name string, data []byte) string {
	t, err := textin.Read(context.Background(), name, data)
	if err != nil {
		panic(fmt.Sprintf("read back %s: %v", name, err))
	}
	return t.Body
}

var (
	docxNumber = regexp.MustCompile(`^(\d{1,3})\.\s+(\S.*)$`)
	docxItem   = regexp.MustCompile(`^\(([a-z]{1,4})\)\s+(\S.*)$`)
	// noteLine is the text of a footnote where the original prints it:
	// its number, then its text.
	noteLine = regexp.MustCompile(`^(\d{1,2})\s+(\S.*)$`)
)

// itemRoman returns the value of a lower-case roman numeral up to 39, or 0.
func itemRoman(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// docxRendering writes the text as a Word document: paragraph numbers,
// item letters and roman numerals become automatic list numbering (in
// numbering.xml, not in the runs), and each footnote whose marker is
// glued to the text above it goes to the footnotes part, cited by a
// footnote reference where the marker stood.
func docxRendering(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	noteAt, isNote := footnotes(lines)

	var body, foot, numb strings.Builder
	run := func(b *strings.Builder, text string) {
		fmt.Fprintf(b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(text))
	}
	// Each run of paragraphs numbered in sequence is one list; a number
	// out of sequence starts a list of its own at that number.
	numID, counters := 0, [3]int{}
	newList := func(level, start int) {
		numID++
		counters = [3]int{}
		fmt.Fprintf(&numb, `<w:abstractNum w:abstractNumId="%d">`, numID)
		for l, f := range [][2]string{{"decimal", "%1."}, {"lowerLetter", "(%2)"}, {"lowerRoman", "(%3)"}} {
			st := 1
			if l == level {
				st = start
			}
			fmt.Fprintf(&numb, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, l, st, f[0], f[1])
		}
		fmt.Fprintf(&numb, `</w:abstractNum><w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, numID, numID)
	}
	for i, l := range lines {
		if isNote[i] {
			continue
		}
		level, value, text := -1, 0, l
		if m := docxNumber.FindStringSubmatch(l); m != nil {
			fmt.Sscan(m[1], &value)
			level, text = 0, m[2]
		} else if m := docxItem.FindStringSubmatch(l); m != nil {
			lv, rv := letterValue(m[1]), itemRoman(m[1])
			switch {
			case lv > 0 && (lv == counters[1]+1 || rv == 0 || rv != counters[2]+1):
				level, value = 1, lv
			case rv > 0:
				level, value = 2, rv
			}
			if level >= 0 {
				text = m[2]
			}
		}
		body.WriteString("<w:p>")
		if level >= 0 {
			if numID == 0 || value != counters[level]+1 {
				newList(level, value)
			}
			counters[level] = value
			for k := level + 1; k < 3; k++ {
				counters[k] = 0
			}
			fmt.Fprintf(&body, `<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>`, level, numID)
		}
		// The markers of the footnotes this paragraph cites become
		// references; the runs between them stay text.
		off := len(l) - len(text)
		last := 0
		for _, n := range noteAt[i] {
			at := n.at - off
			if at < last || at > len(text) {
				continue
			}
			run(&body, text[last:at])
			fmt.Fprintf(&body, `<w:r><w:footnoteReference w:id="%d"/></w:r>`, n.line+10)
			m := noteLine.FindStringSubmatch(lines[n.line])
			last = at + len(m[1])
			fmt.Fprintf(&foot, `<w:footnote w:id="%d"><w:p><w:r><w:footnoteRef/></w:r>`, n.line+10)
			run(&foot, " "+m[2])
			for k := n.line + 1; k < len(lines) && lines[k] != ""; k++ {
				run(&foot, " "+lines[k])
			}
			foot.WriteString(`</w:p></w:footnote>`)
		}
		run(&body, text[last:])
		body.WriteString("</w:p>")
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, part := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body.String() + `</w:body></w:document>`,
		"word/numbering.xml":  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + ns + `>` + numb.String() + `</w:numbering>`,
		"word/footnotes.xml":  `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + ns + `>` + foot.String() + `</w:footnotes>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(part))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return readBack("decision.docx", buf.Bytes())
}

// header is where one decision's heading stands in a text: the line of
// its symbol, the lines of its title (title == symbol when the heading
// carries it, -1 when not found), and the lines of its enacting formula
// (-1 when it has none).
type header struct {
	symbol, title, titleEnd, formula, formulaEnd int
	sym, ttl                                     string
}

var keywordLead = regexp.MustCompile(`^(?i:decision|resolution|recommendation)\s*`)

// headers finds the heading lines of each decision the original parse
// finds in lines. A decision whose symbol stands on no heading line of
// its own (only in its formula, or in a heading shared with others) gets
// symbol -1.
func headers(lines []string, s string) []header {
	var out []header
	from := 0
	fl := make([]string, len(lines))
	for i, l := range lines {
		fl[i] = fold(l)
	}
	for _, d := range Parse(s, Options{}).Decisions {
		h := header{symbol: -1, title: -1, titleEnd: -1, formula: -1, formulaEnd: -1, sym: d.Symbol, ttl: d.Title}
		formula := fold(d.Formula)
		for i := from; i < len(lines) && d.Formula != ""; i++ {
			if fl[i] == "" || !strings.HasPrefix(formula, fl[i]) {
				continue
			}
			j, joined := i, fl[i]
			for joined != formula && j+1 < len(lines) && strings.HasPrefix(formula, joined+fl[j+1]) {
				j++
				joined += fl[j]
			}
			if joined == formula {
				h.formula, h.formulaEnd = i, j
				break
			}
		}
		sym := fold(keywordLead.ReplaceAllString(d.Symbol, ""))
		for i := from; i < len(lines) && sym != "" && (h.formula < 0 || i < h.formula); i++ {
			if len(lines[i]) < 200 && strings.Contains(fl[i], sym) {
				h.symbol = i
				break
			}
		}
		if h.symbol >= 0 && d.Title != "" {
			title := fold(d.Title)
			if strings.Contains(fl[h.symbol], title) {
				h.title, h.titleEnd = h.symbol, h.symbol
			}
			for i := h.symbol + 1; h.title < 0 && i < len(lines) && i <= h.symbol+3 && (h.formula < 0 || i < h.formula); i++ {
				if fl[i] == "" || !strings.HasPrefix(title, fl[i]) {
					continue
				}
				j, joined := i, fl[i]
				for joined != title && j+1 < len(lines) && strings.HasPrefix(title, joined+fl[j+1]) {
					j++
					joined += fl[j]
				}
				if joined == title {
					h.title, h.titleEnd = i, j
				}
			}
		}
		switch {
		case h.formula >= 0:
			from = h.formulaEnd + 1
		case h.titleEnd >= 0:
			from = h.titleEnd + 1
		case h.symbol >= 0:
			from = h.symbol + 1
		}
		out = append(out, h)
	}
	for k := 1; k < len(out); k++ {
		if prev := out[k-1].symbol; out[k].symbol >= 0 && out[k].symbol <= prev || prev >= 0 && strings.Contains(fl[prev], fold(keywordLead.ReplaceAllString(out[k].sym, ""))) {
			// a heading shared by several decisions
			out[k].symbol, out[k-1].symbol = -1, -1
		}
	}
	// A range's heading ("19.189 to 19.191 Title") names the first and
	// last of its decisions, not those between: the last, found on no
	// line of its own past the first's heading, is named on that line.
	for k := range out {
		sym := fold(keywordLead.ReplaceAllString(out[k].sym, ""))
		for j := 0; j < k && sym != ""; j++ {
			if h := out[j].symbol; h >= 0 && out[k].symbol < 0 && strings.Contains(fl[h], sym) {
				for i := j; i <= k; i++ {
					out[i].symbol = -1
				}
			}
		}
	}
	return out
}

// The ways a web page shows a decision's symbol.
const (
	glued      = iota // "X/12.Title of the decision"
	labelLine         // "COP 3 Decision III/8" above the title
	fieldValue        // "Decision number: XIII/5" above the title
)

// webRendering puts the text in a web page as a convention's site
// serves it: a language bar, breadcrumbs, links to the previous and next
// decisions, a printer-friendly link, and the symbol shown the way style
// says, the rest of the text one paragraph per line.
func webRendering(s string, style int) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	heads := map[int]header{}
	for _, h := range headers(lines, s) {
		if h.symbol >= 0 {
			heads[h.symbol] = h
		}
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Decision</title></head><body>
<div class="languages"><a href="/ar">العربية</a> | <a href="/zh">中文</a> | English | <a href="/fr">Français</a> | <a href="/ru">Русский</a> | <a href="/es">Español</a></div>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/decisions">Decisions</a> › <a href="/decisions/cop">Conference of the Parties</a></div>
<div class="pager"><a href="/prev">&lt;&lt; previous decision</a> | <a href="/next">next decision &gt;&gt;</a></div>
<div class="tools"><a href="?print=1">Printer-friendly version</a></div>
<main>
`)
	skip := map[int]bool{}
	for i, l := range lines {
		if skip[i] {
			continue
		}
		if h, ok := heads[i]; ok && h.title >= 0 {
			sym, ttl := html.EscapeString(h.sym), html.EscapeString(h.ttl)
			// The label's keyword is the symbol's own ("Resolution
			// 1/CMP.15"), else "Decision".
			word, bare := "Decision", sym
			if k := keywordLead.FindString(sym); k != "" {
				word, bare = strings.TrimSpace(k), sym[len(k):]
			}
			switch style {
			case glued:
				fmt.Fprintf(&b, "<h1>%s.%s</h1>\n", sym, ttl)
			case labelLine:
				fmt.Fprintf(&b, "<div class=\"label\">COP 3 %s %s</div>\n<h1>%s</h1>\n", word, bare, ttl)
			case fieldValue:
				fmt.Fprintf(&b, "<div class=\"field\"><span class=\"label\">%s number:</span> <span class=\"value\">%s</span></div>\n<h1>%s</h1>\n", word, bare, ttl)
			}
			for k := h.title; k <= h.titleEnd; k++ {
				skip[k] = true
			}
			continue
		}
		if l = strings.TrimSpace(l); l != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
		}
	}
	b.WriteString(`</main>
<div class="pager"><a href="/prev">&lt;&lt; previous decision</a> | <a href="/next">next decision &gt;&gt;</a></div>
<div class="footer">© Secretariat · <a href="/terms">Terms of use</a></div>
</body></html>
`)
	return readBack("decision.html", []byte(b.String()))
}

// tableRendering puts each decision in a row of a table listing
// decisions (symbol | title | text), without its enacting formula, as
// an HTML page or as the text copied from it, cells separated by tabs.
// Text before the first decision's heading stays above the table.
func tableRendering(s string, asHTML bool) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	hs := headers(lines, s)
	for _, h := range hs {
		if h.symbol < 0 || h.title < 0 {
			return s // no heading to move into cells: the rendering does not apply
		}
	}
	type row struct{ sym, title, text string }
	var rows []row
	for k, h := range hs {
		end := len(lines)
		if k+1 < len(hs) {
			end = hs[k+1].symbol
		}
		var text []string
		for i := h.titleEnd + 1; i < end; i++ {
			if l := strings.TrimSpace(lines[i]); l != "" && (i < h.formula || i > h.formulaEnd) {
				text = append(text, l)
			}
		}
		rows = append(rows, row{h.sym, h.ttl, strings.Join(text, "\n")})
	}
	before := strings.Join(lines[:hs[0].symbol], "\n")
	if !asHTML {
		var b strings.Builder
		b.WriteString(before + "\nSymbol\tTitle\tText\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", r.sym, r.title, r.text)
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("<!doctype html><html><body>\n")
	for _, l := range strings.Split(before, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
		}
	}
	b.WriteString("<table><thead><tr><th>Symbol</th><th>Title</th><th>Text</th></tr></thead><tbody>\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>", html.EscapeString(r.sym), html.EscapeString(r.title))
		for _, l := range strings.Split(r.text, "\n") {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(l))
		}
		b.WriteString("</td></tr>\n")
	}
	b.WriteString("</tbody></table></body></html>\n")
	return readBack("decisions.html", []byte(b.String()))
}

var runInItem = regexp.MustCompile(`^\(([a-h]|[j-u]|[w-z])\)\s+`)

// oneLine prints each decision on one line: its lines joined by spaces,
// a paragraph that ends with a full stop before the next numbered
// paragraph ending with a semicolon instead, item letters written "a)".
// Text before a decision's heading (its formula when it has none) and
// its annexes stay on lines of their own.
func oneLine(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	starts := map[int]bool{}
	for _, h := range headers(lines, s) {
		switch {
		case h.symbol >= 0:
			starts[h.symbol] = true
		case h.title >= 0:
			starts[h.title] = true
		case h.formula >= 0:
			starts[h.formula] = true // a decision without heading from its formula on
		}
	}
	if len(starts) == 0 {
		return s
	}
	var b strings.Builder
	in := false
	for i, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if starts[i] {
			if in {
				b.WriteByte('\n')
			}
			in = true
			b.WriteString(l)
			continue
		}
		if !in {
			b.WriteString(l + "\n")
			continue
		}
		if annexRE.MatchString(l) {
			// an annex stays below the decision, on lines of its own
			in = false
			b.WriteString("\n" + l + "\n")
			continue
		}
		if l == "" {
			continue
		}
		l = runInItem.ReplaceAllString(l, "$1) ")
		str := b.String()
		if docxNumber.MatchString(l) && strings.HasSuffix(str, ".") {
			b.Reset()
			b.WriteString(str[:len(str)-1] + ";")
		}
		b.WriteString(" " + l)
	}
	return b.String() + "\n"
}
