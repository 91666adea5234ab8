package web

import (
	"archive/zip"
	"bytes"
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/accordmea/accord/internal/testpdf"
)

// TestUploadExpanding: a small file that expands past the limits of
// reading (paragraphs, pages) is refused with 413 and a message naming
// the file and the limit, and nothing is kept for confirmation.
func TestUploadExpanding(t *testing.T) {
	srv, st := newSite(t)
	c, csrf := signIn(t, srv, st, "jo")
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	f, _ := zw.Create("word/document.xml")
	f.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Decision MC-7/9: Paragraphs</w:t></w:r></w:p><w:p><w:r><w:t>The Conference of the Parties,</w:t></w:r></w:p>` +
		strings.Repeat(`<w:p><w:r><w:t>(a) To report;</w:t></w:r></w:p>`, 300000) + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		pdf  bool
		want string
	}{
		{"paragraphs.docx", docx.Bytes(), false, "paragraphs.docx: DOCX has more than 50000 paragraphs (limit: 50000 paragraphs)"},
		{"pages.pdf", testpdf.Repeated(3000, "Decision MC-7/9: Pages", "The Conference of the Parties,", "1. Requests the secretariat to report."), true, "pages.pdf: PDF has 3000 pages (limit: 1000 pages)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := exec.LookPath("pdftotext"); err != nil && tt.pdf {
				t.Skip("pdftotext (Debian package poppler-utils) is not installed")
			}
			code, doc := upload(t, c, srv, tt.name, tt.data, csrf)
			if code != http.StatusRequestEntityTooLarge || !strings.Contains(text(doc), tt.want) {
				t.Errorf("upload of %s of %d bytes = %d %q, want 413 with %q", tt.name, len(tt.data), code, text(doc), tt.want)
			}
			if forms := all(doc, "form.confirm"); len(forms) > 0 {
				t.Errorf("upload of %s was kept for confirmation", tt.name)
			}
		})
	}
}
