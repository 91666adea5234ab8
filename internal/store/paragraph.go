package store

import (
	"context"
	"database/sql"

	"github.com/accordmea/accord"
)

// Paragraphs lists paragraphs and items with their decision, in decision
// and document order.
func (s *Store) Paragraphs(ctx context.Context, f accord.ParagraphFilter) ([]accord.ParagraphRow, error) {
	query := `SELECT p.decision_id, p.seq, d.symbol, d.instrument, d.meeting, d.year, p.path, p.number, p.depth, p.phrase, p.verb, p.class, p.text
		FROM paragraphs p JOIN decisions d ON d.id = p.decision_id WHERE (p.decision_id, p.seq) > (?, ?)`
	args := []any{f.After.DecisionID, f.After.Seq}
	add := func(cond string, a any) {
		query += ` AND ` + cond
		args = append(args, a)
	}
	if f.DecisionID != 0 {
		add(`p.decision_id = ?`, f.DecisionID)
	}
	if f.Instrument != "" {
		add(`d.instrument = ?`, accord.InstrumentID(f.Instrument))
	}
	if f.Meeting != "" {
		add(`d.meeting = ?`, f.Meeting)
	}
	if f.Year != 0 {
		add(`d.year = ?`, f.Year)
	}
	if f.Class != "" {
		add(`p.class = ?`, string(f.Class))
	}
	if f.Verb != "" {
		add(`p.verb = ?`, f.Verb)
	}
	query += ` ORDER BY p.decision_id, p.seq`
	return list(ctx, s, query, args, f.Limit, func(rows *sql.Rows) (accord.ParagraphRow, error) {
		var p accord.ParagraphRow
		var class string
		err := rows.Scan(&p.DecisionID, &p.Seq, &p.Symbol, &p.Instrument, &p.Meeting, &p.Year, &p.Path, &p.Number, &p.Depth,
			&p.Phrase, &p.Verb, &class, &p.Text)
		p.Class = accord.VerbClass(class)
		return p, err
	})
}
