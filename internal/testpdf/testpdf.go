// Package testpdf builds small PDF files for tests, so that tests of PDF
// input need no fixtures made by other tools.
package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// Minimal builds a one-page PDF showing lines of text, or no text at all
// when lines is empty (as a scanned page without OCR has none).
func Minimal(lines ...string) []byte {
	return Pages(lines)
}

// Pages builds a PDF with one page per element of pages, each showing its
// lines top down; a page with no lines shows only a filled rectangle.
func Pages(pages ...[]string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	font := 3 + 2*len(pages)
	for i, lines := range pages {
		var content bytes.Buffer
		if len(lines) > 0 {
			content.WriteString("BT /F1 11 Tf 72 720 Td 14 TL\n")
			for _, l := range lines {
				fmt.Fprintf(&content, "(%s) Tj T*\n", strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l))
			}
			content.WriteString("ET\n")
		} else {
			content.WriteString("0 0 1 rg 72 72 100 100 re f\n")
		}
		page, stream := 3+2*i, 4+2*i
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, stream),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Repeated builds a PDF of n pages that all draw one shared content
// stream showing lines (up to 700, in tiny type), compressed: a small file whose text is n times
// that of one page, as a hostile upload would be. It writes as it goes,
// so that files of hundreds of thousands of pages stay cheap to make.
func Repeated(n int, lines ...string) []byte {
	var content bytes.Buffer
	// Type small enough for 700 lines to stay on the page.
	content.WriteString("BT /F1 1 Tf 36 756 Td 1 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l))
	}
	content.WriteString("ET\n")
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content.Bytes())
	zw.Close()

	// Objects: 1 catalog, 2 page tree, 3 font, 4 content, 5… pages.
	var b bytes.Buffer
	b.Grow(n*110 + z.Len() + 1024)
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, 0, n+4)
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	kids.Grow(n * 8)
	for i := range n {
		if i > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", 5+i)
	}
	// Pages inherit their box and resources from the tree, to keep
	// each page object short.
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> >>", kids.String(), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	for range n {
		obj("<</Type/Page/Parent 2 0 R/Contents 4 0 R>>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}
