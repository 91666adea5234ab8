package web

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
	"github.com/accordmea/accord/internal/search"
	"github.com/accordmea/accord/internal/xlsxout"
)

// Every list downloads as CSV and as Excel with the filters of its page:
// /decisions.csv?instrument=minamata holds what /decisions?instrument=minamata
// lists over all its pages. A list's rows come from one function used by
// its page and its downloads alike (decisionRows, mandateRows, searchRows,
// auditRows), so that what a page hides from a reader its download hides
// too.
const (
	// exportMaxRows is the most rows a download holds: a spreadsheet
	// of them is tens of megabytes. A list longer than that ends with
	// a row saying so, and a reader narrows it with its filters.
	exportMaxRows = 100_000
	// searchExportMax is the most hits a search's download holds: as
	// far as its pages go (maxListPage pages of searchPageSize hits),
	// beyond which results rank too deep to be worth their cost.
	searchExportMax = maxListPage * searchPageSize
	// exportChunk is how many rows a download reads from the store at
	// a time, and searchExportChunk how many hits.
	exportChunk       = 2000
	searchExportChunk = 1000
	// exportTimeout is how long a download may take: reading and
	// writing exportMaxRows rows takes seconds.
	exportTimeout = 2 * time.Minute
)

// Media types of the downloads.
const (
	csvType  = "text/csv; charset=utf-8"
	xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// column is a column of a download: its header, the kind of its cells
// and, in Excel, its width in characters.
type column = xlsxout.Column

func col(name string, kind xlsxout.Kind, width float64) column {
	return column{Name: name, Kind: kind, Width: width}
}

// The kinds of cells.
const (
	textCell   = xlsxout.Text
	numberCell = xlsxout.Number
	dateCell   = xlsxout.Date
	timeCell   = xlsxout.DateTime
)

// sheet is a list as a download holds it.
type sheet struct {
	Name  string // of the file and of the worksheet: "mandates"
	Parts []string
	Cols  []column
	// Max is the most rows it holds.
	Max int
	// Rows calls row for each row of the list, in its order, cells of
	// the kinds of Cols (string; int; time.Time or a string for days
	// and moments), until row has been called max times; it says
	// whether rows followed.
	Rows func(ctx context.Context, max int, row func([]any) error) (more bool, err error)
}

// rowsOf reads a list in chunks, read(offset, limit) returning a chunk in
// the list's order, and calls row for each of its first max rows.
func rowsOf[T any](ctx context.Context, max, chunk int, read func(offset, limit int) ([]T, error), row func(T) error) (bool, error) {
	for offset := 0; ; {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		limit := min(chunk, max-offset+1) // one past max says whether more follow
		xs, err := read(offset, limit)
		if err != nil {
			return false, err
		}
		for i, x := range xs {
			if offset+i == max {
				return true, nil
			}
			if err := row(x); err != nil {
				return false, err
			}
		}
		if len(xs) < limit {
			return false, nil
		}
		offset += len(xs)
	}
}

// exportFormat reads the format of a download from its path's extension.
func exportFormat(r *http.Request) string {
	return strings.TrimPrefix(path.Ext(r.URL.Path), ".")
}

// downloads links a list's page to its downloads, with the page's filters
// and without its place in the list.
type downloads struct{ CSV, XLSX string }

func downloadsOf(r *http.Request, drop ...string) downloads {
	q := r.URL.Query()
	for _, k := range append(drop, "page") {
		q.Del(k)
	}
	qs := ""
	if len(q) > 0 {
		qs = "?" + q.Encode()
	}
	return downloads{CSV: r.URL.Path + ".csv" + qs, XLSX: r.URL.Path + ".xlsx" + qs}
}

// fileNameRE are the characters a download's file name keeps from the
// filters it is named after.
var fileNameRE = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName names a download after its list, its filters and the day:
// "accord-mandates-minamata-open-2026-11-29.csv".
func fileName(name string, parts []string, now time.Time, ext string) string {
	words := []string{"accord", name}
	for _, p := range parts {
		if p = strings.Trim(fileNameRE.ReplaceAllString(p, "-"), "-."); p != "" {
			words = append(words, p)
		}
	}
	s := strings.Join(words, "-")
	if len(s) > 100 {
		s = strings.TrimRight(s[:100], "-.")
	}
	return s + "-" + now.Format("2006-01-02") + "." + ext
}

// attachment sets the headers of a download named name.
func attachment(w http.ResponseWriter, contentType, name string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
}

// export writes sh as a download in format, csv or xlsx. CSV is streamed
// as it is read; the spreadsheet is made first (its rows spill to a
// temporary file past a few megabytes), then sent.
func (s *Server) export(w http.ResponseWriter, r *http.Request, sh sheet, format string) error {
	now := time.Now()
	switch format {
	case "csv":
		attachment(w, csvType, fileName(sh.Name, sh.Parts, now, "csv"))
		return writeCSV(r.Context(), w, sh)
	case "xlsx":
		f, err := buildXLSX(r.Context(), sh)
		if err != nil {
			return err
		}
		defer f.Close()
		attachment(w, xlsxType, fileName(sh.Name, sh.Parts, now, "xlsx"))
		_, err = f.WriteTo(w)
		return err
	}
	return accord.ErrNotFound
}

// truncated is the note that ends a download cut at max rows.
func truncated(max int) string {
	return fmt.Sprintf("Only the first %d rows are here: narrow the list with its filters to download the rest.", max)
}

// csvText writes a cell as CSV text: days as 2006-01-02, moments in UTC
// as RFC 3339, the zero time as nothing.
func csvText(v any, kind xlsxout.Kind) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case time.Time:
		switch {
		case v.IsZero():
			return ""
		case kind == dateCell:
			return v.Format("2006-01-02")
		}
		return v.UTC().Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

func writeCSV(ctx context.Context, w io.Writer, sh sheet) error {
	cw := csvout.NewWriter(w)
	header := make([]string, len(sh.Cols))
	for i, c := range sh.Cols {
		header[i] = c.Name
	}
	cw.Write(header)
	rec := make([]string, len(sh.Cols))
	n := 0
	more, err := sh.Rows(ctx, sh.Max, func(cells []any) error {
		for i, c := range cells {
			rec[i] = csvText(c, sh.Cols[i].Kind)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
		// Send what is written now and then, so the client sees the
		// download begin and the server holds little of it.
		if n++; n%exportChunk == 0 {
			return cw.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if more {
		clear(rec)
		rec[0] = truncated(sh.Max)
		cw.Write(rec)
	}
	return cw.Flush()
}

// buildXLSX makes sh a workbook of one worksheet.
func buildXLSX(ctx context.Context, sh sheet) (*xlsxout.Writer, error) {
	x, err := xlsxout.New(strings.ToUpper(sh.Name[:1])+sh.Name[1:], sh.Cols)
	if err != nil {
		return nil, err
	}
	more, err := sh.Rows(ctx, sh.Max, x.Write)
	if err == nil && more {
		err = x.Note(truncated(sh.Max))
	}
	if err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// decisionFilter reads the filters of the decisions list.
func decisionFilter(q url.Values) (accord.DecisionFilter, error) {
	year, err := yearParam(q.Get("year"))
	if err != nil {
		return accord.DecisionFilter{}, err
	}
	kind := accord.Kind(q.Get("kind"))
	if kind != "" && !slices.Contains(accord.Kinds, kind) {
		return accord.DecisionFilter{}, fmt.Errorf("%w: kind %q: want one of %s", accord.ErrInvalid, kind, kindList())
	}
	return accord.DecisionFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Year: year, Kind: kind,
		Text: q.Get("q")}, nil
}

// kindList names the kinds of decision, for messages.
func kindList() string {
	var ks []string
	for _, k := range accord.Kinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// decisionRows reads decisions for the decisions list and its downloads.
func (s *Server) decisionRows(ctx context.Context, f accord.DecisionFilter) ([]accord.Decision, error) {
	return s.store.Decisions(ctx, f)
}

func (s *Server) exportDecisions(w http.ResponseWriter, r *http.Request) error {
	f, err := decisionFilter(r.URL.Query())
	if err != nil {
		return err
	}
	sh := sheet{Name: "decisions", Parts: []string{f.Instrument, f.Meeting, yearPart(f.Year), string(f.Kind), f.Text}, Max: exportMaxRows,
		Cols: []column{col("id", numberCell, 8), col("symbol", textCell, 16), col("title", textCell, 60), col("kind", textCell, 12),
			col("instrument", textCell, 14), col("meeting", textCell, 14), col("year", numberCell, 8), col("source", textCell, 30),
			col("updated", timeCell, 18)}}
	sh.Rows = func(ctx context.Context, max int, row func([]any) error) (bool, error) {
		read := func(offset, limit int) ([]accord.Decision, error) {
			g := f
			g.Offset, g.Limit = offset, limit
			return s.decisionRows(ctx, g)
		}
		return rowsOf(ctx, max, exportChunk, read, func(d accord.Decision) error {
			year := any("")
			if d.Year != 0 {
				year = d.Year
			}
			return row([]any{d.ID, d.Symbol, d.Title, string(d.Kind), d.Instrument, d.Meeting, year, d.Source.Name, d.Updated})
		})
	}
	return s.export(w, r, sh, exportFormat(r))
}

func yearPart(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// mandateFilter reads the filters of the mandate board.
func mandateFilter(q url.Values) (accord.MandateFilter, error) {
	f := accord.MandateFilter{Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Actor: q.Get("actor"),
		DueMeeting: q.Get("due"), Overdue: q.Get("overdue") == "true", Body: q.Get("body"), Owner: q.Get("owner"),
		Checked: q.Get("checked"), Sort: q.Get("sort"), Mentions: q.Get("mentions")}
	if f.Checked != "" && f.Checked != "yes" && f.Checked != "no" {
		return f, fmt.Errorf("%w: checked %q: want yes or no", accord.ErrInvalid, f.Checked)
	}
	if !accord.ValidMandateSort(f.Sort) {
		return f, fmt.Errorf("%w: sort %q: want one of %s, or one of them after -", accord.ErrInvalid, f.Sort, strings.Join(accord.MandateSorts, ", "))
	}
	if st := q.Get("status"); st != "" {
		if !accord.Status(st).Valid() {
			return f, fmt.Errorf("%w: unknown status %q", accord.ErrInvalid, st)
		}
		f.Status = accord.Status(st)
	}
	if d := q.Get("decision"); d != "" {
		id, err := strconv.ParseInt(d, 10, 64)
		if err != nil || id <= 0 {
			return f, fmt.Errorf("%w: decision %q: want the number of a decision", accord.ErrInvalid, d)
		}
		f.DecisionID = id
	}
	return f, nil
}

// mandateRows reads mandates for the mandate board, its downloads and
// the report.
func (s *Server) mandateRows(ctx context.Context, f accord.MandateFilter) ([]accord.Mandate, error) {
	return s.store.Mandates(ctx, f)
}

func (s *Server) exportMandates(w http.ResponseWriter, r *http.Request) error {
	f, err := mandateFilter(r.URL.Query())
	if err != nil {
		return err
	}
	parts := []string{f.Instrument, f.Body, f.Meeting, f.Actor, string(f.Status), f.DueMeeting, f.Owner}
	if f.Overdue {
		parts = append(parts, "overdue")
	}
	if f.DecisionID != 0 {
		parts = append(parts, "decision", strconv.FormatInt(f.DecisionID, 10))
	}
	sh := sheet{Name: "mandates", Parts: parts, Max: exportMaxRows,
		Cols: []column{col("id", numberCell, 8), col("decision", textCell, 14), col("paragraph", textCell, 10), col("instrument", textCell, 12),
			col("meeting", textCell, 12), col("verb", textCell, 10), col("asked_of", textCell, 30), col("action", textCell, 60),
			col("deliverable", textCell, 14), col("due", textCell, 30), col("due_meeting", textCell, 12), col("due_date", dateCell, 12),
			col("periodicity", textCell, 14), col("conditions", textCell, 30), col("status", textCell, 12), col("owner", textCell, 16),
			col("updated", timeCell, 18)}}
	sh.Rows = func(ctx context.Context, max int, row func([]any) error) (bool, error) {
		read := func(offset, limit int) ([]accord.Mandate, error) {
			g := f
			g.Offset, g.Limit = offset, limit
			return s.mandateRows(ctx, g)
		}
		return rowsOf(ctx, max, exportChunk, read, func(m accord.Mandate) error {
			var dueMeeting string
			var dueDate any = ""
			if m.Deadline != nil {
				dueMeeting, dueDate = m.Deadline.Meeting, xlsxout.Day(m.Deadline.Date)
			}
			return row([]any{m.ID, m.Symbol, m.Path, m.Instrument, m.Meeting, m.Phrase, m.AskedOf(), m.Action, m.Deliverable,
				m.Due(), dueMeeting, dueDate, m.Periodicity, strings.Join(m.Conditions, "; "), string(m.Status), m.Owner, m.Updated})
		})
	}
	return s.export(w, r, sh, exportFormat(r))
}

// searchQuery reads a search and its filters, all but its place in the
// results.
func searchQuery(q url.Values) (accord.SearchQuery, error) {
	terms, err := search.Parse(q.Get("q"))
	if err != nil {
		return accord.SearchQuery{}, err
	}
	year, err := yearParam(q.Get("year"))
	if err != nil {
		return accord.SearchQuery{}, err
	}
	return accord.SearchQuery{Terms: terms, Instrument: q.Get("instrument"), Meeting: q.Get("meeting"), Year: year, Actor: q.Get("actor"),
		Class: accord.VerbClass(q.Get("class")), Status: accord.Status(q.Get("status")), Order: q.Get("order")}, nil
}

// searchRows runs a search for the search page and its downloads.
func (s *Server) searchRows(ctx context.Context, q accord.SearchQuery) (accord.SearchResult, error) {
	return s.store.Search(ctx, q)
}

// unmark removes the markers of matches from a snippet.
var unmark = strings.NewReplacer("\x02", "", "\x03", "")

func (s *Server) exportSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Get("q") == "" {
		return fmt.Errorf("%w: a search's download needs the words searched for (q)", accord.ErrInvalid)
	}
	sq, err := searchQuery(q)
	if err != nil {
		return err
	}
	sh := sheet{Name: "search", Parts: []string{q.Get("q"), sq.Instrument, sq.Meeting, yearPart(sq.Year), string(sq.Class), sq.Actor, string(sq.Status)},
		Max: searchExportMax,
		Cols: []column{col("decision", textCell, 14), col("title", textCell, 40), col("instrument", textCell, 12), col("meeting", textCell, 12),
			col("year", numberCell, 8), col("paragraph", textCell, 10), col("class", textCell, 12), col("text", textCell, 80), col("decision_id", numberCell, 10)}}
	sh.Rows = func(ctx context.Context, max int, row func([]any) error) (bool, error) {
		read := func(offset, limit int) ([]accord.SearchHit, error) {
			g := sq
			g.Offset, g.Limit = offset, limit
			res, err := s.searchRows(ctx, g)
			return res.Hits, err
		}
		return rowsOf(ctx, max, searchExportChunk, read, func(h accord.SearchHit) error {
			year := any("")
			if h.Year != 0 {
				year = h.Year
			}
			return row([]any{h.Symbol, h.Title, h.Instrument, h.Meeting, year, h.Path, string(h.Class), unmark.Replace(h.Snippet), h.DecisionID})
		})
	}
	return s.export(w, r, sh, exportFormat(r))
}

// auditor checks that r's visitor may read the audit log.
func auditor(r *http.Request) error {
	v := visitorOf(r)
	if !v.ok {
		return errSignIn
	}
	if v.user.Role != accord.RoleAdmin {
		return fmt.Errorf("%w: the audit log is for admins", accord.ErrForbidden)
	}
	return nil
}

// auditRows reads the audit log for its page and its downloads: limit
// entries before entry before (0: the latest), newest first.
func (s *Server) auditRows(ctx context.Context, before int64, limit int) ([]accord.AuditEntry, error) {
	return s.store.AuditLogBefore(ctx, before, limit)
}

func (s *Server) exportAudit(w http.ResponseWriter, r *http.Request) error {
	if err := auditor(r); err != nil {
		return err
	}
	// The rows read as the audit page does: a sentence per entry, and
	// what changed, field by field, before and after side by side.
	sh := sheet{Name: "audit", Max: exportMaxRows,
		Cols: []column{col("id", numberCell, 8), col("at", timeCell, 18), col("who", textCell, 16), col("what_happened", textCell, 50),
			col("action", textCell, 16), col("target", textCell, 18), col("before", textCell, 40), col("after", textCell, 40)}}
	sh.Rows = func(ctx context.Context, max int, row func([]any) error) (bool, error) {
		var before int64
		names := map[string]string{}
		for n := 0; ; {
			limit := min(exportChunk, max-n+1)
			es, err := s.auditRows(ctx, before, limit)
			if err != nil {
				return false, err
			}
			vs := auditViews(es)
			s.nameTargets(ctx, vs, names)
			for _, v := range vs {
				if n == max {
					return true, nil
				}
				n++
				was, is := v.sides()
				if err := row([]any{v.ID, v.At, v.Who, v.Sentence, v.Action, v.Target, was, is}); err != nil {
					return false, err
				}
				before = v.ID
			}
			if len(vs) < limit {
				return false, nil
			}
		}
	}
	return s.export(w, r, sh, exportFormat(r))
}
