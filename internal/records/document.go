package records

import (
	"context"
	"strings"

	"github.com/accordmea/accord"
)

// documentColumns are those of the lists of meeting documents the
// secretariats publish: symbol, title, agenda item, date of issue and
// languages, with the meeting and the address of the text.
var documentColumns = []string{"symbol", "title", "instrument", "meeting", "agenda_item", "date", "languages", "url"}

// Documents is the record type of UN documents, by symbol.
var Documents = New("documents", "UN documents by symbol: title, meeting, agenda item, date, languages, address",
	documentColumns, Codec[accord.Document]{
		Parse: func(c *Checker) accord.Document {
			// the cells in the order of the columns, so that the
			// problems of a row are listed in it
			d := accord.Document{Symbol: c.Required("symbol")}
			if d.Symbol != "" {
				if _, err := accord.ParseSymbol(d.Symbol); err != nil {
					c.Errorf("symbol", "%s", strings.TrimPrefix(err.Error(), accord.ErrInvalid.Error()+": "))
				}
			}
			d.Title, d.Instrument, d.Meeting, d.AgendaItem = c.Get("title"), c.Instrument("instrument"), c.Get("meeting"), c.Get("agenda_item")
			if t := c.Date("date"); !t.IsZero() {
				d.Date = c.Get("date")
			}
			d.Languages, d.URL = c.List("languages"), c.URL("url")
			if !c.OK() {
				return d
			}
			// What Check refuses that the cells above do not (a
			// language tag, a field too long) is named by its column.
			if err := d.Check(); err != nil {
				col, msg, _ := strings.Cut(err.Error(), ": ")
				c.Errorf(col, "%s", strings.TrimPrefix(msg, accord.ErrInvalid.Error()+": "))
			}
			return d
		},
		Store: func(ctx context.Context, st accord.Store, who string, recs []accord.Document) (accord.ImportCounts, error) {
			_, n, err := st.PutDocuments(ctx, recs, accord.DocumentEdit{Who: who})
			return n, err
		},
		List: func(ctx context.Context, st accord.Store) ([]accord.Document, error) {
			return st.Documents(ctx, accord.DocumentFilter{})
		},
		Row: func(d accord.Document) map[string]string {
			return map[string]string{"symbol": d.Symbol, "title": d.Title, "instrument": d.Instrument, "meeting": d.Meeting,
				"agenda_item": d.AgendaItem, "date": d.Date, "languages": strings.Join(d.Languages, ListSep), "url": d.URL}
		},
	})
