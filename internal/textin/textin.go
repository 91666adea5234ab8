// Package textin turns the files people receive decisions in (plain text,
// HTML, DOCX, PDF) into text.
//
// It decodes and extracts; it does not interpret. Unwrapping lines, removing
// page furniture and finding footnotes is the parser's work. It must not
// import the parser or any store.
package textin

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/accordmea/accord"
)

// MaxSize is the largest file Read accepts. Decisions, even whole meeting
// reports as PDF, stay well below it.
const MaxSize = 32 << 20

// Text is the text of one file.
type Text struct {
	Body   string
	Format string // txt, html, docx, pdf
	SHA256 string // of the file's bytes
}

// Read returns the text of a file named name with contents data. The format
// is chosen by the name's extension, or by the contents when the extension
// says nothing. Errors wrap accord.ErrInvalid and say why in a few words;
// a file over the default Limits gets a *LimitError.
func Read(ctx context.Context, name string, data []byte) (Text, error) {
	return Limits{}.Read(ctx, name, data)
}

// Read is Read within the limits l.
func (l Limits) Read(ctx context.Context, name string, data []byte) (Text, error) {
	l = l.withDefaults()
	if len(data) == 0 {
		return Text{}, fmt.Errorf("%w: empty file", accord.ErrInvalid)
	}
	if len(data) > MaxSize {
		return Text{}, fmt.Errorf("%w: file is %d MB, over the limit of %d MB", accord.ErrInvalid, len(data)>>20, MaxSize>>20)
	}
	sum := sha256.Sum256(data)
	t := Text{Format: Format(name, data), SHA256: hex.EncodeToString(sum[:])}
	var err error
	switch t.Format {
	case "pdf":
		t.Body, err = pdfText(ctx, data, l)
	case "docx":
		t.Body, err = docxText(data, l)
	case "html":
		var s string
		if s, err = decode(data); err == nil {
			t.Body = htmlText(s)
		}
	default:
		t.Body, err = decode(data)
	}
	if err != nil {
		return Text{}, err
	}
	if strings.TrimSpace(t.Body) == "" {
		return Text{}, fmt.Errorf("%w: no text in the file", accord.ErrInvalid)
	}
	return t, nil
}

// Format names the format of a file: its extension when known, else what
// its first bytes look like.
func Format(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "pdf"
	case ".docx":
		return "docx"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".txt", ".text", ".md":
		return "txt"
	}
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "docx"
	}
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) {
		return "html"
	}
	return "txt"
}

// decode turns the bytes of a text file into a string: UTF-8 (with or
// without a byte-order mark), UTF-16 with a byte-order mark, or, when the
// bytes are not UTF-8 at all, Windows-1252 (which covers Latin-1 text).
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data)
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	// Text with valid multi-byte sequences and invalid ones is broken
	// UTF-8, not a legacy encoding: say where.
	if off, ok := mixedUTF8(data); ok {
		line := 1 + bytes.Count(data[:off], []byte{'\n'})
		return "", fmt.Errorf("%w: invalid UTF-8 at line %d (byte %d)", accord.ErrInvalid, line, off)
	}
	return decodeWindows1252(data), nil
}

// checkBinary refuses data that is not text: NUL bytes, or many control
// characters, in its first 64 KB.
func checkBinary(data []byte) error {
	head := data[:min(len(data), 64<<10)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w: binary file (NUL byte at offset %d), not text", accord.ErrInvalid, i)
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	if ctl*20 > len(head) {
		return fmt.Errorf("%w: binary file (%d control bytes in the first %d), not text", accord.ErrInvalid, ctl, len(head))
	}
	return nil
}

// mixedUTF8 reports the offset of the first invalid sequence when data also
// holds at least one valid multi-byte UTF-8 sequence.
func mixedUTF8(data []byte) (int, bool) {
	first, valid := -1, false
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if first < 0 {
				first = i
			}
		case n > 1:
			valid = true
		}
		i += n
	}
	return first, valid && first >= 0
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252; the rest of the upper
// half is Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func decodeUTF16(data []byte) (string, error) {
	be := data[0] == 0xFE
	data = data[2:]
	if len(data)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 text with an odd number of bytes", accord.ErrInvalid)
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if be {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if strings.ContainsRune(s, 0) {
		return "", fmt.Errorf("%w: binary file (NUL character), not text", accord.ErrInvalid)
	}
	return s, nil
}
