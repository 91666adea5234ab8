package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/search"
	"github.com/accordmea/accord/internal/textin"
)

// TestTokensAsIndexed checks that search.Tokens, which marks matches in
// snippets, splits, folds and stems every paragraph of the sample and the
// corpus word for word as the full-text index does.
func TestTokensAsIndexed(t *testing.T) {
	ctx := context.Background()
	var texts []string
	add := func(name string, data []byte) {
		tx, err := textin.Read(ctx, name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range parse.Parse(tx.Body, parse.Options{}).Decisions {
			d.Walk(func(p *accord.Paragraph) { texts = append(texts, p.Text) })
			for _, r := range d.Preamble {
				texts = append(texts, r.Text)
			}
		}
	}
	for _, f := range sample.Files() {
		add(f.Name, f.Data)
	}
	corpus, _ := filepath.Glob("../../../shared/corpus/*.txt")
	if len(corpus) == 0 {
		t.Log("../shared/corpus is absent: checking the sample only")
	}
	for _, path := range corpus {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		add(path, data)
	}
	texts = append(texts, "Coopération, naïve Ærø SECRETARIATS 3–7 Nº ½ Ⅻ x²", "Genève: l’Organisation des Nations Unies; año, niño")

	s := openTestSQLite(t)
	defer s.Close()
	for _, stmt := range []string{
		`CREATE VIRTUAL TABLE tok USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE tok_v USING fts5vocab(tok, 'instance')`,
	} {
		if _, err := s.write.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	for i, text := range texts {
		if _, err := s.write.ExecContext(ctx, `INSERT INTO tok (rowid, text) VALUES (?, ?)`, i+1, text); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.write.QueryContext(ctx, `SELECT doc, term FROM tok_v ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	indexed := make([][]string, len(texts))
	for rows.Next() {
		var doc int
		var term string
		if err := rows.Scan(&doc, &term); err != nil {
			t.Fatal(err)
		}
		indexed[doc-1] = append(indexed[doc-1], term)
	}
	rows.Close()
	bad := 0
	for i, text := range texts {
		got, want := strings.Join(search.Tokens(text), " "), strings.Join(indexed[i], " ")
		if got != want && bad < 5 {
			bad++
			t.Errorf("Tokens(%.60q…):\n got %s\nwant %s", text, got, want)
		}
	}
	t.Logf("%d paragraphs and recitals compared", len(texts))
}
