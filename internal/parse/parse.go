package parse

import (
	"github.com/accordmea/accord"
)

// Options give what a text may not say about itself.
type Options struct {
	Instrument string // instrument id for texts that do not name one
	Meeting    string // adopting meeting, such as "COP-6"
}

// Document is what Parse finds in one text.
type Document struct {
	// Preface is the text before the first decision, or around
	// decisions but in none of them: a note by a secretariat, page
	// furniture, web-page chrome.
	Preface   []string
	Decisions []accord.Decision
}

// Parse finds the decisions in text. It never fails: text with no decision
// in it gives a Document with no decisions and all text in Preface.
func Parse(text string, opt Options) Document {
	lines := normalizedLines(text)
	mendCompounds(lines)
	ex := extract(lines)
	bs := splitRunIn(blocks(ex.body))
	seg := newSegmenter(bs)
	seg.run()
	doc := Document{}
	if len(seg.preface) > 0 {
		// room for the furniture and notes that may join it
		doc.Preface = make([]string, 0, len(seg.preface)+len(ex.furniture)+len(ex.footnotes))
	}
	for _, b := range seg.preface {
		doc.Preface = append(doc.Preface, b.text)
	}
	// the whole text, as preface and decisions read, each a line
	wt := &wholeText{preface: doc.Preface[:len(doc.Preface):len(doc.Preface)], drafts: seg.drafts}
	for _, dr := range seg.drafts {
		dr.keepText()
	}
	// Furniture and footnotes go to the decision whose lines hold them.
	for _, f := range ex.furniture {
		if dr := seg.at(f.n); dr != nil {
			dr.d.Unclassified = append(dr.d.Unclassified, f.text)
		} else {
			doc.Preface = append(doc.Preface, f.text)
		}
	}
	for _, f := range ex.footnotes {
		if dr := seg.at(f.n); dr != nil {
			dr.notes = append(dr.notes, f)
		} else {
			doc.Preface = append(doc.Preface, f.marker+" "+f.text)
		}
	}
	if len(seg.drafts) == 1 && seg.drafts[0].d.Symbol == "" {
		// a decision printed alone under its document's header: the
		// header's decision document ("UNEP/CBD/COP/DEC/X/31") names it,
		// in the text above the decision or in what was read as a note
		// above its formula (a page number before the header)
		dr := seg.drafts[0]
		head := append([]string(nil), doc.Preface...)
		for _, f := range dr.notes {
			if f.n < dr.formulaN {
				head = append(head, f.text)
			}
		}
		for _, p := range head {
			if sym := decDocument(p); sym != "" {
				dr.d.Symbol = sym
				break
			}
		}
	}
	if len(seg.drafts) > 0 {
		doc.Decisions = make([]accord.Decision, 0, len(seg.drafts))
	}
	for _, dr := range seg.drafts {
		d := dr.finish(opt, wt)
		d.References = references(&d)
		doc.Decisions = append(doc.Decisions, d)
	}
	return doc
}

// Elements returns the text of every element of the document, in no
// particular order: preface, formula, recitals, headings, paragraphs,
// items, closing lines, footnotes (marker and text), annexes and
// unclassified text. Together they hold every word of the input.
func (doc Document) Elements() []string {
	out := append([]string(nil), doc.Preface...)
	for _, d := range doc.Decisions {
		out = append(out, d.Preface...)
		out = append(out, d.Formula)
		for _, r := range d.Preamble {
			out = append(out, r.Text)
			out = append(out, r.Notes...)
		}
		for _, h := range d.Headings {
			out = append(out, h.Text)
		}
		d.Walk(func(p *accord.Paragraph) {
			out = append(out, p.Number, p.Text)
			out = append(out, p.Notes...)
		})
		out = append(out, d.Closing...)
		for _, f := range d.Footnotes {
			out = append(out, f.Marker, f.Text)
		}
		for _, a := range d.Annexes {
			out = append(out, a.Heading)
			out = append(out, a.Text...)
			for _, p := range a.Paragraphs {
				walkParagraph(p, func(p accord.Paragraph) { out = append(out, p.Number, p.Text) })
			}
		}
		out = append(out, d.Unclassified...)
	}
	return out
}
