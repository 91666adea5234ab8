// Package report drafts the documents secretariats submit about mandates:
// the report on implementation of a meeting's decisions, and the one-page
// list of what a meeting asked of the secretariat. It renders HTML (for
// print, A4), Markdown, CSV and JSON from data it is given, and does no
// I/O of its own beyond the writer. It must not import any store.
package report

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/csvout"
	"github.com/accordmea/accord/internal/xlsxout"
)

//go:embed templates/*.html
var templates embed.FS

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"actors":  actors,
	"due":     due,
	"remains": remains,
	"notes":   Notes,
	"date":    func(t time.Time) string { return t.Format("2 January 2006") },
	"checked": checkedLine,
}).ParseFS(templates, "templates/*.html"))

// Report is a report on the mandates of one meeting.
type Report struct {
	Kind       string // "implementation" or "asked"
	Title      string
	Instrument string
	Meeting    string
	Actor      string // for "asked": whom the list is about
	Generated  time.Time
	Decisions  []Section
	Counts     []Count // mandates by status
	// Mandates counts the mandates of the report, and Checked those a
	// person checked (corrected what was extracted of them); the
	// others are as extracted.
	Mandates, Checked int
}

// Section is one decision and its mandates.
type Section struct {
	Symbol   string
	Title    string
	Mandates []accord.Mandate
}

// Count is how many mandates have a status.
type Count struct {
	Status accord.Status
	N      int
}

// secretariat are the actors a secretariat reports for.
var secretariat = map[string]bool{"secretariat": true, "secretariats": true, "executive-secretary": true, "executive-secretaries": true}

// Implementation builds the report on implementation of a meeting's
// decisions from its decisions (in order) and their mandates.
func Implementation(inst, meeting string, ds []accord.Decision, ms []accord.Mandate, now time.Time) Report {
	r := build(ds, ms, func(accord.Mandate) bool { return true })
	r.Kind, r.Instrument, r.Meeting, r.Generated = "implementation", inst, meeting, now
	r.Title = fmt.Sprintf("Report on the implementation of the decisions adopted by the %s at %s", instrumentName(inst), meeting)
	return r
}

// Asked builds the one-page list of what a meeting asked of the
// secretariat (its secretariat, Executive Secretary or secretariats).
func Asked(inst, meeting string, ds []accord.Decision, ms []accord.Mandate, now time.Time) Report {
	r := build(ds, ms, func(m accord.Mandate) bool {
		for _, a := range m.Addressees {
			if secretariat[a.Actor] {
				return true
			}
		}
		return false
	})
	r.Kind, r.Instrument, r.Meeting, r.Generated, r.Actor = "asked", inst, meeting, now, "secretariat"
	r.Title = fmt.Sprintf("What %s %s asked of the secretariat", instrumentName(inst), meeting)
	return r
}

func build(ds []accord.Decision, ms []accord.Mandate, keep func(accord.Mandate) bool) Report {
	var r Report
	byDecision := map[int64][]accord.Mandate{}
	counts := map[accord.Status]int{}
	for _, m := range ms {
		if keep(m) {
			byDecision[m.DecisionID] = append(byDecision[m.DecisionID], m)
			counts[m.Status]++
		}
	}
	for _, d := range ds {
		for _, m := range byDecision[d.ID] {
			r.Mandates++
			if m.CheckedBy != "" {
				r.Checked++
			}
		}
	}
	for _, d := range ds {
		if len(byDecision[d.ID]) == 0 {
			continue
		}
		r.Decisions = append(r.Decisions, Section{Symbol: d.Symbol, Title: d.Title, Mandates: byDecision[d.ID]})
	}
	for _, st := range accord.Statuses {
		if counts[st] > 0 {
			r.Counts = append(r.Counts, Count{st, counts[st]})
		}
	}
	return r
}

func instrumentName(id string) string {
	names := map[string]string{
		"minamata": "Conference of the Parties to the Minamata Convention", "basel": "Conference of the Parties to the Basel Convention",
		"rotterdam": "Conference of the Parties to the Rotterdam Convention", "stockholm": "Conference of the Parties to the Stockholm Convention",
		"cartagena": "Conference of the Parties serving as the meeting of the Parties to the Cartagena Protocol",
		"nagoya":    "Conference of the Parties serving as the meeting of the Parties to the Nagoya Protocol",
		"cbd":       "Conference of the Parties to the Convention on Biological Diversity", "montreal": "Meeting of the Parties to the Montreal Protocol",
	}
	if n, ok := names[id]; ok {
		return n
	}
	if id == "" {
		return "governing body"
	}
	return "governing body of " + id
}

func actors(m accord.Mandate) string { return m.AskedOf() }

func due(m accord.Mandate) string {
	if d := m.Due(); d != "" {
		return d
	}
	return "—"
}

// remains says what is left to do on a mandate, by its status and what
// was reported on it; what was asked stands in its own column.
func remains(m accord.Mandate) string {
	reported := m.Notes != "" || len(m.Evidence) > 0
	var s string
	switch m.Status {
	case accord.StatusCompleted:
		return "Nothing."
	case accord.StatusSuperseded:
		return "Nothing: superseded by a later decision."
	case accord.StatusOngoing:
		s = "Continues"
	case accord.StatusInProgress:
		s = "Work under way to finish"
	default:
		if reported {
			s = firstClause(m.Action) + ": not yet reported as done"
		} else {
			s = "Nothing reported yet"
		}
		if m.Status == accord.StatusDeferred {
			s += "; deferred for lack of resources"
		}
	}
	if m.Deadline != nil {
		s += "; due " + due(m)
	}
	return s + "."
}

// firstClause is an action up to the end of its first clause (a comma or
// semicolon), capitalized: "to conduct, subject to …, a study" reads "To
// conduct". An action without a clause end within clauseMax bytes is
// kept whole: it is never cut inside a phrase.
func firstClause(action string) string {
	s := strings.TrimRight(strings.TrimSpace(action), " .;:")
	if i := strings.IndexAny(s, ",;:"); i > 0 && i <= clauseMax {
		s = s[:i]
	}
	if s == "" {
		return "What was asked"
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

const clauseMax = 200

// A Note is one entry of a mandate's notes: its words, and who wrote it
// when, told apart ("2026-11-29 jane: Report submitted").
type Note struct {
	Date string // "29 November 2026", or "" when the note is unsigned
	Who  string
	Text string
}

// Signed is who wrote the note and when, "jane, 29 November 2026".
func (n Note) Signed() string {
	switch {
	case n.Who != "" && n.Date != "":
		return n.Who + ", " + n.Date
	case n.Who != "":
		return n.Who
	}
	return n.Date
}

// Notes splits a mandate's notes into their entries; the lines after a
// signed line belong to its entry.
func Notes(notes string) []Note {
	var out []Note
	for _, line := range strings.Split(notes, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := signatureRE.FindStringSubmatch(line); m != nil {
			n := Note{Who: strings.TrimSpace(m[2]), Text: strings.TrimSpace(line[len(m[0]):])}
			n.Date = m[1]
			if t, err := time.Parse("2006-01-02", m[1]); err == nil {
				n.Date = t.Format("2 January 2006")
			}
			out = append(out, n)
			continue
		}
		if len(out) == 0 {
			out = append(out, Note{Text: line})
			continue
		}
		last := &out[len(out)-1]
		last.Text = strings.TrimSpace(last.Text + " " + line)
	}
	return out
}

// signatureRE is the date and name that sign a note (see accord.Mandate).
var signatureRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}) ([^:]*):`)

// Formats are the formats Write takes.
var Formats = []string{"html", "markdown", "csv", "xlsx", "json"}

// Write renders r in format (html, markdown, csv, xlsx or json).
func Write(w io.Writer, r Report, format string) error {
	switch format {
	case "html":
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, "report.html", r); err != nil {
			return err
		}
		_, err := w.Write(buf.Bytes())
		return err
	case "markdown":
		return writeMarkdown(w, r)
	case "csv":
		return writeCSV(w, r)
	case "xlsx":
		return writeXLSX(w, r)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	return fmt.Errorf("%w: unknown report format %q (want %s)", accord.ErrInvalid, format, strings.Join(Formats, ", "))
}

// mdEscape makes text stored by someone (a title, an action, a note)
// plain text in Markdown: HTML is escaped, so that a viewer shows
// "<script>" rather than runs it; brackets are escaped, so that no link
// or image is made ("[x](javascript:…)", "![](https://tracker)"); pipes
// do not end a table cell; line breaks stay in their cell or line.
var mdEscape = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "[", `\[`, "]", `\]`, "|", `\|`,
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>")

func mdCell(s string) string { return mdEscape.Replace(s) }

func done(m accord.Mandate) string {
	var parts []string
	for _, n := range Notes(m.Notes) {
		if sig := n.Signed(); sig != "" {
			parts = append(parts, n.Text+" ("+sig+")")
		} else {
			parts = append(parts, n.Text)
		}
	}
	for _, e := range m.Evidence {
		parts = append(parts, e.Ref)
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "\n")
}

func writeMarkdown(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nDrafted %s.", mdCell(r.Title), r.Generated.Format("2 January 2006"))
	if len(r.Counts) > 0 {
		var cs []string
		for _, c := range r.Counts {
			cs = append(cs, fmt.Sprintf("%d %s", c.N, c.Status))
		}
		fmt.Fprintf(&b, " Mandates: %s.", strings.Join(cs, ", "))
	}
	if r.Mandates > 0 {
		fmt.Fprintf(&b, " %s", checkedLine(r))
	}
	b.WriteString("\n")
	if len(r.Decisions) == 0 {
		b.WriteString("\nNo mandates.\n")
	}
	for _, s := range r.Decisions {
		fmt.Fprintf(&b, "\n## Decision %s: %s\n\n", mdCell(s.Symbol), mdCell(s.Title))
		if r.Kind == "asked" {
			for _, m := range s.Mandates {
				fmt.Fprintf(&b, "- ¶ %s — %s, %s; due %s\n", mdCell(m.Path+checkedNote(m)), mdCell(actors(m)), mdCell(m.Action), mdCell(due(m)))
			}
			continue
		}
		b.WriteString("| ¶ | Asked of | What was asked | Due | Status | What was done | What remains |\n|---|---|---|---|---|---|---|\n")
		for _, m := range s.Mandates {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", mdCell(m.Path+checkedNote(m)), mdCell(actors(m)), mdCell(m.Action), mdCell(due(m)),
				mdCell(string(m.Status)), mdCell(done(m)), mdCell(remains(m)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Columns name the cells of a Row, as the CSV's header.
var Columns = []string{"decision", "paragraph", "mandate", "asked_of", "action", "deliverable", "due", "status", "owner", "done", "remains", "due_date", "checked_by"}

// Row is one mandate of a report as its tables and spreadsheets hold it:
// the same cells, in the order of Columns, whatever the format.
type Row struct {
	Decision, Path string
	ID             int64
	AskedOf        string
	Action         string
	Deliverable    string
	Due            string
	DueDate        string // the day (2027-06-30) or year the deadline resolves to, or ""
	Status         accord.Status
	Owner          string
	Done           string // notes and evidence, a line each
	Remains        string
	CheckedBy      string // who corrected or confirmed what was read, or ""
}

// Rows returns the mandates of r in its order, a Row each.
func (r Report) Rows() []Row {
	var rows []Row
	for _, s := range r.Decisions {
		rows = append(rows, s.Rows()...)
	}
	return rows
}

// Rows returns the mandates of s, a Row each.
func (s Section) Rows() []Row {
	rows := make([]Row, len(s.Mandates))
	for i, m := range s.Mandates {
		rows[i] = Row{Decision: s.Symbol, Path: m.Path, ID: m.ID, AskedOf: actors(m), Action: m.Action,
			Deliverable: m.Deliverable, Due: due(m), DueDate: dueDate(m), Status: m.Status, Owner: m.Owner, Done: done(m), Remains: remains(m), CheckedBy: m.CheckedBy}
	}
	return rows
}

// Strings returns the cells of row as text, in the order of Columns.
func (row Row) Strings() []string {
	return []string{row.Decision, row.Path, fmt.Sprint(row.ID), row.AskedOf, row.Action, row.Deliverable, row.Due,
		string(row.Status), row.Owner, row.Done, row.Remains, row.DueDate, row.CheckedBy}
}

func dueDate(m accord.Mandate) string {
	if m.Deadline == nil {
		return ""
	}
	return m.Deadline.Date
}

// xlsxColumns are the Columns as a worksheet lays them out.
var xlsxColumns = func() []xlsxout.Column {
	widths := map[string]float64{"decision": 14, "paragraph": 10, "mandate": 10, "asked_of": 30, "action": 60, "deliverable": 14,
		"due": 30, "status": 12, "owner": 16, "done": 40, "remains": 40, "due_date": 12, "checked_by": 16}
	cols := make([]xlsxout.Column, len(Columns))
	for i, c := range Columns {
		cols[i] = xlsxout.Column{Name: c, Width: widths[c]}
		switch c {
		case "mandate":
			cols[i].Kind = xlsxout.Number
		case "due_date":
			cols[i].Kind = xlsxout.Date
		}
	}
	return cols
}()

// writeXLSX writes the rows of the CSV as a workbook: the mandate's
// number a number, the due date a date where it is a day.
func writeXLSX(w io.Writer, r Report) error {
	x, err := xlsxout.New("Report", xlsxColumns)
	if err != nil {
		return err
	}
	defer x.Close()
	for _, row := range r.Rows() {
		cells := make([]any, len(Columns))
		for i, s := range row.Strings() {
			cells[i] = s
		}
		cells[2], cells[slices.Index(Columns, "due_date")] = row.ID, xlsxout.Day(row.DueDate)
		if err := x.Write(cells); err != nil {
			return err
		}
	}
	_, err = x.WriteTo(w)
	return err
}

func writeCSV(w io.Writer, r Report) error {
	cw := csvout.NewWriter(w)
	cw.Write(Columns)
	for _, row := range r.Rows() {
		cw.Write(row.Strings())
	}
	return cw.Flush()
}

// checkedLine says how many of the report's mandates a person checked.
func checkedLine(r Report) string {
	switch r.Checked {
	case 0:
		return "No mandate was checked by a person: all are as accord extracted them."
	case r.Mandates:
		return fmt.Sprintf("All %d mandates were checked by a person.", r.Mandates)
	}
	return fmt.Sprintf("%d of %d mandates were checked by a person; the others are as accord extracted them.", r.Checked, r.Mandates)
}

// checkedNote marks a mandate a person checked, after its paragraph.
func checkedNote(m accord.Mandate) string {
	if m.CheckedBy == "" {
		return ""
	}
	return " (checked by " + m.CheckedBy + ")"
}

// SortDecisions orders decisions as the meeting adopted them.
func SortDecisions(ds []accord.Decision) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].ID < ds[j].ID })
}
