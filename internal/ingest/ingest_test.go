package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/store"
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
