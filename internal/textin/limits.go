package textin

import (
	"fmt"
	"time"

	"github.com/accordmea/accord"
)

// The default limits of reading one file. A file is at most MaxSize
// bytes, but a DOCX is a zip and a PDF draws its pages from streams that
// several pages may share: a file of a hundred kilobytes can expand to
// gigabytes of XML, hundreds of thousands of paragraphs or pages, and
// hours of pdftotext. These bound what one file may cost.
const (
	// DefaultMaxPart bounds one part of a DOCX (document, footnotes,
	// numbering) once unzipped: Word writes a 500-page report in well
	// under 16 MB of XML.
	DefaultMaxPart = 16 << 20
	// DefaultMaxParagraphs bounds the paragraphs of a DOCX, body and
	// footnotes: a meeting report with all its decisions holds a few
	// thousand, counting the empty ones Word uses for spacing.
	DefaultMaxParagraphs = 50000
	// DefaultMaxPages bounds the pages of a PDF: the longest meeting
	// reports run to a few hundred.
	DefaultMaxPages = 1000
	// DefaultMaxText bounds the text a DOCX or PDF yields: the decisions
	// of a whole meeting come to one or two megabytes of text.
	DefaultMaxText = 8 << 20
	// DefaultPDFTime bounds how long the PDF tools may run on one file
	// (and the CPU time they may take): pdftotext reads a report of a
	// few hundred pages in a few seconds.
	DefaultPDFTime = time.Minute
	// DefaultPDFMemory bounds the address space of the PDF tools, which
	// take a few tens of megabytes on ordinary files.
	DefaultPDFMemory = 1 << 30
)

// Limits bound the work of reading one file. A zero field takes its
// default (DefaultMaxPart, …).
type Limits struct {
	MaxPart       int64         // bytes of one DOCX part, unzipped
	MaxParagraphs int           // paragraphs of a DOCX
	MaxPages      int           // pages of a PDF
	MaxText       int           // bytes of text from a DOCX or PDF
	PDFTime       time.Duration // wall-clock and CPU time of each PDF tool run
	PDFMemory     int64         // bytes of address space of the PDF tools
}

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.MaxPart <= 0 {
		l.MaxPart = DefaultMaxPart
	}
	if l.MaxParagraphs <= 0 {
		l.MaxParagraphs = DefaultMaxParagraphs
	}
	if l.MaxPages <= 0 {
		l.MaxPages = DefaultMaxPages
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxText
	}
	if l.PDFTime <= 0 {
		l.PDFTime = DefaultPDFTime
	}
	if l.PDFMemory <= 0 {
		l.PDFMemory = DefaultPDFMemory
	}
	return l
}

// LimitError says that a file goes over one of its Limits. It wraps
// accord.ErrInvalid; the upload page answers it with 413.
type LimitError struct {
	What  string // what the file does: "PDF has 3000 pages"
	Limit string // the limit it goes over: "1000 pages"
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%v: %s (limit: %s)", accord.ErrInvalid, e.What, e.Limit)
}

func (e *LimitError) Unwrap() error { return accord.ErrInvalid }

// megabytes writes n bytes as whole megabytes ("16 MB"), or kilobytes
// below one megabyte.
func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d MB", n>>20)
}
