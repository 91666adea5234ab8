package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/textin"
)

func TestFile(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.AddActor(ctx, "lead-country", []string{"lead country"}); err != nil {
		t.Fatal(err)
	}
	reg, err := Registry(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	text := "Decision RC-7/5\n\nThe Conference of the Parties,\n\n1. Requests the lead country to facilitate the work;\n\n2. Invites parties to nominate experts by 31 July 2015.\n"
	res, err := File(ctx, st, reg, accord.Source{Name: "rc.txt", Who: "tester"}, []byte(text), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Decisions != 1 || res.Mandates != 2 || res.Inserted != 1 {
		t.Errorf("result = %+v", res)
	}
	ms, _ := st.Mandates(ctx, accord.MandateFilter{Actor: "lead-country"})
	if len(ms) != 1 {
		t.Errorf("the added actor was not used: %+v", ms)
	}
	log, _ := st.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Who != "tester" || log[0].Action != "ingest" {
		t.Errorf("audit = %+v", log)
	}
	d, _ := st.Decision(ctx, "", "RC-7/5")
	if d.Source.Format != "txt" || len(d.Source.SHA256) != 64 {
		t.Errorf("source = %+v", d.Source)
	}
	if _, err := File(ctx, st, reg, accord.Source{Name: "notes.txt"}, []byte("Lunch."), parse.Options{}); !errors.Is(err, accord.ErrInvalid) || !strings.HasPrefix(err.Error(), "notes.txt: ") {
		t.Errorf("no decision: err = %v", err)
	}
	if _, err := File(ctx, st, reg, accord.Source{Name: "empty.txt"}, nil, parse.Options{}); !errors.Is(err, accord.ErrInvalid) || !strings.Contains(err.Error(), "empty.txt: invalid: empty file") {
		t.Errorf("empty: err = %v", err)
	}
}

// TestFileExpanding: a file over the limits of reading is refused with an
// error naming it and the limit, and stores nothing.
func TestFileExpanding(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	f, _ := zw.Create("word/document.xml")
	f.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Decision RC-7/5</w:t></w:r></w:p><w:p><w:r><w:t>The Conference of the Parties,</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>1. Requests the secretariat to report.</w:t></w:r></w:p>` + strings.Repeat(`<w:p/>`, 300000) + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = File(ctx, st, nil, accord.Source{Name: "rc.docx", Who: "tester"}, docx.Bytes(), parse.Options{})
	var le *textin.LimitError
	if !errors.As(err, &le) || !errors.Is(err, accord.ErrInvalid) || !strings.HasPrefix(err.Error(), "rc.docx: invalid: DOCX has more than 50000 paragraphs") {
		t.Errorf("File(rc.docx) err = %v, want a *textin.LimitError naming the file", err)
	}
	if ds, err := st.Decisions(ctx, accord.DecisionFilter{}); err != nil || len(ds) != 0 {
		t.Errorf("a refused file stored %d decisions (%v)", len(ds), err)
	}
	if log, err := st.AuditLog(ctx, 10); err != nil || len(log) != 0 {
		t.Errorf("a refused file was recorded: %+v (%v)", log, err)
	}
}
