package textin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/accordmea/accord"
)

// ownLabel matches an item that carries its number in its text.
var ownLabel = regexp.MustCompile(`^(?:\d{1,3}[.)]|\([a-zA-Z]{1,4}\)|[a-z]{1,2}\))(?:\s|$)`)

// listLabel writes the label of item n of an ordered list of kind.
func listLabel(kind byte, n int) string {
	switch kind {
	case 'a':
		return "(" + letters(n) + ") "
	case 'A':
		return "(" + strings.ToUpper(letters(n)) + ") "
	case 'i':
		return "(" + strings.ToLower(roman(n)) + ") "
	case 'I':
		return roman(n) + ". "
	}
	return strconv.Itoa(n) + ". "
}

// skipped are HTML elements whose content is never decision text.
var skipped = map[string]bool{
	"script": true, "style": true, "nav": true, "noscript": true, "template": true,
	"svg": true, "button": true, "select": true, "head": true, "iframe": true, "form": true,
}

// blocks are HTML elements that start a new line.
var blocks = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "table": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "section": true, "article": true, "header": true, "footer": true, "blockquote": true,
	"pre": true, "hr": true, "main": true, "aside": true, "figure": true, "figcaption": true,
	"address": true, "caption": true, "tbody": true, "thead": true,
}

// htmlText returns the text of an HTML page: tags stripped, one line per
// block element, scripts, styles and navigation dropped.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	pre := 0
	// Ordered lists number their items on screen, not in the text: write
	// the numbers in, as the reader saw them ("1. ", "(a) ", "(i) "),
	// unless the item's text carries its own.
	type list struct {
		kind byte // '1', 'a', 'A', 'i', 'I'; 0 for an unordered list
		n    int
	}
	var lists []list
	pending := ""
	newline := func() {
		str := b.String()
		if len(str) > 0 && str[len(str)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipped[tag] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if tag == "pre" {
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			}
			if skip > 0 {
				continue
			}
			switch {
			case tag == "ol" && tt == html.StartTagToken:
				l := list{kind: '1'}
				for {
					k, v, more := z.TagAttr()
					switch string(k) {
					case "type":
						if len(v) == 1 && strings.ContainsRune("1aAiI", rune(v[0])) {
							l.kind = v[0]
						}
					case "start":
						if n, err := strconv.Atoi(string(v)); err == nil && n > 0 && n < 10000 {
							l.n = n - 1
						}
					}
					if !more {
						break
					}
				}
				lists = append(lists, l)
				newline()
			case tag == "ul" && tt == html.StartTagToken:
				lists = append(lists, list{})
				newline()
			case (tag == "ol" || tag == "ul") && tt == html.EndTagToken:
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
				newline()
			case tag == "li" && tt == html.StartTagToken:
				newline()
				if len(lists) > 0 && lists[len(lists)-1].kind != 0 {
					l := &lists[len(lists)-1]
					l.n++
					pending = listLabel(l.kind, l.n)
				}
			case blocks[tag]:
				newline()
			case tag == "td" || tag == "th":
				if tt == html.EndTagToken {
					b.WriteByte('\t')
				}
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := string(z.Text())
			if pending != "" && strings.TrimSpace(t) != "" {
				if !ownLabel.MatchString(strings.TrimSpace(t)) {
					b.WriteString(pending)
				}
				pending = ""
			}
			if pre == 0 {
				t = strings.Join(strings.Fields(strings.ReplaceAll(t, "\u00a0", "\x00")), " ")
				t = strings.ReplaceAll(t, "\x00", "\u00a0")
				raw := string(z.Raw())
				if t == "" && len(raw) > 0 && !atLineStart(&b) {
					// the space between two inline elements:
					// "<span>Decision number:</span> <span>XIII/5</span>"
					b.WriteByte(' ')
					continue
				}
				if t != "" && len(raw) > 0 && isSpace(raw[0]) && !atLineStart(&b) {
					b.WriteByte(' ')
				}
				b.WriteString(t)
				if t != "" && isSpace(raw[len(raw)-1]) {
					b.WriteByte(' ')
				}
				continue
			}
			b.WriteString(t)
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func atLineStart(b *strings.Builder) bool {
	s := b.String()
	return len(s) == 0 || s[len(s)-1] == '\n' || s[len(s)-1] == ' ' || s[len(s)-1] == '\t'
}

// docxText reads a WordprocessingML document: the body's paragraphs one per
// line, automatic list numbering written out, and each footnote's text on
// its own line ("N text") after the paragraph that cites it. Its parts are
// decoded as they are unzipped, and refused once over the limits l.
func docxText(data []byte, l Limits) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: not a DOCX file (%v)", accord.ErrInvalid, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml", "word/footnotes.xml", "word/numbering.xml":
			if f.UncompressedSize64 > uint64(l.MaxPart) {
				return "", partTooLarge(f.Name, l)
			}
			parts[f.Name] = f
		}
	}
	if parts["word/document.xml"] == nil {
		return "", fmt.Errorf("%w: not a DOCX file (no word/document.xml)", accord.ErrInvalid)
	}
	c := &docxCount{Limits: l}
	var notes map[string][]string
	err = readPart(parts["word/footnotes.xml"], l, func(r io.Reader) (err error) {
		notes, err = docxFootnotes(r, c)
		return err
	})
	if err != nil {
		return "", docxError("footnotes", err)
	}
	num := &numbering{levels: map[string]map[int]numLevel{}, abstract: map[string]string{}, counters: map[string][]int{}}
	err = readPart(parts["word/numbering.xml"], l, func(r io.Reader) (err error) {
		num, err = parseNumbering(r)
		return err
	})
	if err != nil {
		return "", docxError("numbering", err)
	}
	var paras []docxPara
	err = readPart(parts["word/document.xml"], l, func(r io.Reader) (err error) {
		paras, err = docxBody(r, num, c)
		return err
	})
	if err != nil {
		return "", docxError("document", err)
	}
	var b strings.Builder
	n := 0
	for _, p := range paras {
		b.WriteString(p.text)
		b.WriteByte('\n')
		for _, id := range p.notes {
			n++
			text := strings.Join(notes[id], " ")
			fmt.Fprintf(&b, "\n%d %s\n\n", n, strings.TrimSpace(text))
		}
		// A footnote may be cited many times: its text is written each
		// time, so the text is bounded here too.
		if b.Len() > l.MaxText {
			return "", textTooLarge("DOCX", l)
		}
	}
	return b.String(), nil
}

// docxCount counts the paragraphs and bytes of text read from a DOCX,
// against its limits.
type docxCount struct {
	Limits
	paras, text int
}

func (c *docxCount) para() error {
	c.paras++
	if c.paras > c.MaxParagraphs {
		return &LimitError{What: fmt.Sprintf("DOCX has more than %d paragraphs", c.MaxParagraphs), Limit: fmt.Sprintf("%d paragraphs", c.MaxParagraphs)}
	}
	return nil
}

func (c *docxCount) add(s string) error {
	c.text += len(s)
	if c.text > c.MaxText {
		return textTooLarge("DOCX", c.Limits)
	}
	return nil
}

func textTooLarge(format string, l Limits) error {
	return &LimitError{What: fmt.Sprintf("%s text is more than %s", format, megabytes(int64(l.MaxText))), Limit: megabytes(int64(l.MaxText)) + " of text"}
}

func partTooLarge(name string, l Limits) error {
	return &LimitError{What: fmt.Sprintf("DOCX part %s expands to more than %s", name, megabytes(l.MaxPart)), Limit: megabytes(l.MaxPart) + " per part"}
}

// readPart calls read with the unzipped contents of part f, which fail
// with a *LimitError past l.MaxPart bytes, whatever the zip's header
// claims. A missing part (f nil) is not read.
func readPart(f *zip.File, l Limits, read func(io.Reader) error) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return read(&partReader{r: rc, name: f.Name, Limits: l})
}

// partReader reads a DOCX part and fails once it has given more than
// MaxPart bytes.
type partReader struct {
	Limits
	r    io.Reader
	name string
	n    int64
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n > p.MaxPart {
		return 0, partTooLarge(p.name, p.Limits)
	}
	return n, err
}

// docxError says which part of a DOCX is broken, and passes a
// *LimitError on as it is.
func docxError(part string, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return le
	}
	return fmt.Errorf("%w: DOCX %s: %v", accord.ErrInvalid, part, err)
}

type docxPara struct {
	text  string
	notes []string // footnote ids cited, in order
}

// docxFootnotes reads the paragraphs of each footnote of a footnotes
// part, by id.
func docxFootnotes(r io.Reader, c *docxCount) (map[string][]string, error) {
	out := map[string][]string{}
	d := xml.NewDecoder(r)
	id := ""
	var cur strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "footnote":
				id = attr(t, "id")
			case "p":
				cur.Reset()
			case "tab":
				cur.WriteByte('\t')
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, err
				}
				if err := c.add(s); err != nil {
					return nil, err
				}
				cur.WriteString(s)
			}
		case xml.EndElement:
			if t.Name.Local == "p" && id != "" {
				if err := c.para(); err != nil {
					return nil, err
				}
				out[id] = append(out[id], cur.String())
			}
		}
	}
}

func docxBody(r io.Reader, num *numbering, c *docxCount) ([]docxPara, error) {
	d := xml.NewDecoder(r)
	var out []docxPara
	var cur strings.Builder
	var p docxPara
	numID, ilvl := "", 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				cur.Reset()
				p = docxPara{}
				numID, ilvl = "", 0
			case "numId":
				numID = attr(t, "val")
			case "ilvl":
				ilvl, _ = strconv.Atoi(attr(t, "val"))
			case "tab":
				cur.WriteByte('\t')
			case "br", "cr":
				cur.WriteByte('\n')
			case "footnoteReference":
				p.notes = append(p.notes, attr(t, "id"))
				fmt.Fprintf(&cur, "%d", num.noteCount+len(p.notes))
			case "t":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, err
				}
				if err := c.add(s); err != nil {
					return nil, err
				}
				cur.WriteString(s)
			}
		case xml.EndElement:
			if t.Name.Local == "p" {
				if err := c.para(); err != nil {
					return nil, err
				}
				p.text = num.label(numID, ilvl) + cur.String()
				num.noteCount += len(p.notes)
				out = append(out, p)
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// numbering writes out Word's automatic list numbers ("1.", "(a)", "(i)").
type numbering struct {
	levels    map[string]map[int]numLevel // abstractNumId → level
	abstract  map[string]string           // numId → abstractNumId
	counters  map[string][]int            // numId → counter per level
	noteCount int
}

type numLevel struct {
	format string // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet
	text   string // "%1.", "(%2)"
	start  int
}

func parseNumbering(r io.Reader) (*numbering, error) {
	n := &numbering{levels: map[string]map[int]numLevel{}, abstract: map[string]string{}, counters: map[string][]int{}}
	d := xml.NewDecoder(r)
	abs, numID, lvl := "", "", -1
	var cur numLevel
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = attr(t, "abstractNumId")
				n.levels[abs] = map[int]numLevel{}
			case "lvl":
				lvl, _ = strconv.Atoi(attr(t, "ilvl"))
				cur = numLevel{start: 1}
			case "start":
				cur.start, _ = strconv.Atoi(attr(t, "val"))
			case "numFmt":
				cur.format = attr(t, "val")
			case "lvlText":
				cur.text = attr(t, "val")
			case "num":
				numID = attr(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.abstract[numID] = attr(t, "val")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if abs != "" && lvl >= 0 {
					n.levels[abs][lvl] = cur
				}
				lvl = -1
			case "abstractNum":
				abs = ""
			case "num":
				numID = ""
			}
		}
	}
}

// label advances the counters of list numID at level ilvl and returns the
// paragraph's written-out number followed by a space, or "".
func (n *numbering) label(numID string, ilvl int) string {
	if numID == "" || numID == "0" {
		return ""
	}
	levels := n.levels[n.abstract[numID]]
	lv, ok := levels[ilvl]
	if !ok || lv.format == "bullet" || lv.format == "none" || ilvl > 8 {
		return ""
	}
	c := n.counters[numID]
	for len(c) <= ilvl {
		c = append(c, 0)
	}
	for i := range c {
		switch {
		case i == ilvl && c[i] == 0:
			c[i] = lv.start
		case i == ilvl:
			c[i]++
		case i > ilvl:
			c[i] = 0
		}
	}
	n.counters[numID] = c
	s := lv.text
	for i := 0; i <= ilvl; i++ {
		v := c[i]
		if v == 0 {
			v = 1
		}
		s = strings.ReplaceAll(s, "%"+strconv.Itoa(i+1), formatNumber(levels[i].format, v))
	}
	return s + " "
}

func formatNumber(format string, v int) string {
	switch format {
	case "lowerLetter":
		return letters(v)
	case "upperLetter":
		return strings.ToUpper(letters(v))
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperRoman":
		return roman(v)
	}
	return strconv.Itoa(v)
}

// letters numbers as Word does: a…z, aa…zz.
func letters(v int) string {
	if v < 1 {
		v = 1
	}
	return strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, x := range vals {
		for v >= x {
			b.WriteString(syms[i])
			v -= x
		}
	}
	return b.String()
}
