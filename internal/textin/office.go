package textin

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/accordmea/accord"
)

// What to do with a file accord does not read, by what it holds.
const (
	saveDocument = "save it as .docx or PDF"
	saveDecision = "save the decision as .docx, PDF or text"
)

// office names, by extension, the files people are sent decisions in
// that accord does not read, and what to do instead.
var office = map[string]string{
	".doc":   "a Word 97-2003 document (.doc): " + saveDocument,
	".dot":   "a Word 97-2003 template (.dot): " + saveDocument,
	".odt":   "an OpenDocument text (.odt): " + saveDocument,
	".rtf":   "a Rich Text file (.rtf): " + saveDocument,
	".wpd":   "a WordPerfect document (.wpd): " + saveDocument,
	".pages": "a Pages document (.pages): " + saveDocument,
	".xls":   "a spreadsheet (.xls): " + saveDecision,
	".xlsx":  "a spreadsheet (.xlsx): " + saveDecision,
	".ods":   "a spreadsheet (.ods): " + saveDecision,
	".ppt":   "a presentation (.ppt): " + saveDecision,
	".pptx":  "a presentation (.pptx): " + saveDecision,
	".odp":   "a presentation (.odp): " + saveDecision,
	".zip":   "a zip archive: unzip it and give accord the decision files it holds",
	".7z":    "a 7-Zip archive: unpack it and give accord the decision files it holds",
	".rar":   "a RAR archive: unpack it and give accord the decision files it holds",
}

// openDocument names the OpenDocument formats by the mimetype entry that
// opens their zip.
var openDocument = map[string]string{
	"application/vnd.oasis.opendocument.text":         ".odt",
	"application/vnd.oasis.opendocument.spreadsheet":  ".ods",
	"application/vnd.oasis.opendocument.presentation": ".odp",
}

// oleMagic opens the compound files of Office 97-2003 (.doc, .xls, .ppt).
var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// otherFormat refuses a file in a format accord does not read, saying
// which and what to do, whether its contents or only its name give it
// away. It returns nil for anything else, even a broken DOCX: reading it
// says what is wrong.
func otherFormat(name string, data []byte) error {
	ext := strings.ToLower(filepath.Ext(name))
	msg := ""
	switch {
	case bytes.HasPrefix(data, oleMagic):
		switch ext {
		case ".doc", ".dot", ".xls", ".ppt":
			msg = office[ext]
		default:
			msg = "an Office 97-2003 file (.doc, .xls or .ppt): " + saveDocument
		}
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		msg = office[".rtf"]
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		msg = zipKind(ext, data)
	case ext != ".txt" && ext != ".text" && ext != ".md":
		msg = office[ext]
	}
	if msg == "" {
		return nil
	}
	return fmt.Errorf("%w: %s", accord.ErrInvalid, msg)
}

// zipKind says what a zip that is not a DOCX holds, or "" for a DOCX
// (or what may be one: a .docx that is no zip at all).
func zipKind(ext string, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return office[ext]
	}
	has := map[string]*zip.File{}
	for _, f := range zr.File {
		has[f.Name] = f
	}
	switch {
	case has["word/document.xml"] != nil:
		return ""
	case has["xl/workbook.xml"] != nil:
		return office[".xlsx"]
	case has["ppt/presentation.xml"] != nil:
		return office[".pptx"]
	case has["mimetype"] != nil:
		if rc, err := has["mimetype"].Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if e, ok := openDocument[strings.TrimSpace(string(b))]; ok {
				return office[e]
			}
		}
	}
	if m := office[ext]; m != "" || ext == ".docx" {
		return m
	}
	return office[".zip"]
}
