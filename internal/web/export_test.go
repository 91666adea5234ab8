package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/store"
	"github.com/accordmea/accord/internal/xlsxout"
)

// onBoth runs test over the pages of the sample stored on SQLite, and on
// PostgreSQL when ACCORD_TEST_POSTGRES names one.
func onBoth(t *testing.T, test func(t *testing.T, srv *httptest.Server, st accord.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		srv, st := newSite(t)
		test(t, srv, st)
	})
	t.Run("postgres", func(t *testing.T) {
		ctx := context.Background()
		st, err := store.Open(ctx, pgtest.URL(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		for _, f := range append(sample.Files(), sample.File{Name: "citing.txt", Data: []byte(citing)}) {
			if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
				t.Fatal(err)
			}
		}
		srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
		t.Cleanup(srv.Close)
		test(t, srv, st)
	})
}

// download gets a download with c and returns its body, checking its
// status, type and file name.
func download(t *testing.T, c *http.Client, srv *httptest.Server, path string, status int) (*http.Response, []byte) {
	t.Helper()
	resp, err := c.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != status {
		t.Fatalf("GET %s = %d, want %d\n%.500s", path, resp.StatusCode, status, b)
	}
	return resp, b
}

// fileNameOf returns the file name a download's Content-Disposition gives.
func fileNameOf(t *testing.T, resp *http.Response) string {
	t.Helper()
	kind, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
	if err != nil || kind != "attachment" {
		t.Fatalf("Content-Disposition %q: %v", resp.Header.Get("Content-Disposition"), err)
	}
	return params["filename"]
}

// rowsOfDownload parses a CSV or XLSX download into its rows of text, and
// for XLSX checks that no cell is a formula.
func rowsOfDownload(t *testing.T, format string, b []byte) [][]string {
	t.Helper()
	if format == "csv" {
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("CSV: %v\n%.500s", err, b)
		}
		return rows
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("XLSX: %v", err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fm, err := f.GetCellFormula(sheet, cell); err != nil || fm != "" {
				t.Errorf("XLSX %s is a formula %q (%v)", cell, fm, err)
			}
		}
	}
	return rows
}

// column returns the index of header name in rows[0].
func columnOf(t *testing.T, rows [][]string, name string) int {
	t.Helper()
	if len(rows) == 0 {
		t.Fatal("no header row")
	}
	i := slices.Index(rows[0], name)
	if i < 0 {
		t.Fatalf("no column %q in %q", name, rows[0])
	}
	return i
}

// evil is a formula a spreadsheet would run; a name may hold it (no colon).
const evil = `=HYPERLINK("//evil.example","x")`

// TestListDownloads: each list downloads as CSV and Excel holding every
// row its filters match, beyond the page, under a file name saying what
// it holds; text that looks like a formula stays text.
func TestListDownloads(t *testing.T) { onBoth(t, testListDownloads) }

func testListDownloads(t *testing.T, srv *httptest.Server, st accord.Store) {
	ctx := context.Background()
	ms, err := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata"})
	if err != nil || len(ms) < 3 {
		t.Fatalf("sample minamata mandates: %d, %v", len(ms), err)
	}
	owner := evil
	if _, err := st.UpdateMandate(ctx, ms[0].ID, accord.MandateUpdate{Owner: &owner, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	completed := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, ms[1].ID, accord.MandateUpdate{Status: &completed, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	all, _ := st.Mandates(ctx, accord.MandateFilter{})
	open, _ := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata", Status: accord.StatusOpen})
	decisions, _ := st.Decisions(ctx, accord.DecisionFilter{})
	hits, err := st.Search(ctx, accord.SearchQuery{Terms: []accord.SearchTerm{{Words: []string{"secretariat"}}}, Limit: 1})
	if err != nil || hits.Total < 3 {
		t.Fatalf("search: %d hits, %v", hits.Total, err)
	}
	for _, format := range []string{"csv", "xlsx"} {
		for _, tt := range []struct {
			name, path, file string
			rows             int
			check            func(t *testing.T, rows [][]string)
		}{
			{"all decisions", "/decisions." + format, "accord-decisions-", len(decisions), nil},
			{"decisions of minamata", "/decisions." + format + "?instrument=minamata&page=1", "accord-decisions-minamata-", 1, func(t *testing.T, rows [][]string) {
				if i := columnOf(t, rows, "instrument"); rows[1][i] != "minamata" {
					t.Errorf("instrument %q", rows[1][i])
				}
			}},
			{"all mandates", "/mandates." + format, "accord-mandates-", len(all), func(t *testing.T, rows [][]string) {
				want := evil
				if format == "csv" {
					want = "'" + evil
				}
				if i := columnOf(t, rows, "owner"); !slices.ContainsFunc(rows, func(r []string) bool { return r[i] == want }) {
					t.Errorf("no owner %q in the %s", want, format)
				}
			}},
			{"open mandates of minamata", "/mandates." + format + "?instrument=minamata&status=open", "accord-mandates-minamata-open-", len(open), func(t *testing.T, rows [][]string) {
				st, in := columnOf(t, rows, "status"), columnOf(t, rows, "instrument")
				for _, r := range rows[1:] {
					if r[st] != "open" || r[in] != "minamata" {
						t.Errorf("row %q outside the filters", r)
					}
				}
			}},
			{"search", "/search." + format + "?q=secretariat&offset=20", "accord-search-secretariat-", hits.Total, func(t *testing.T, rows [][]string) {
				for _, r := range rows[1:] {
					if strings.ContainsAny(r[columnOf(t, rows, "text")], "\x02\x03") {
						t.Errorf("snippet keeps its markers: %q", r)
					}
				}
			}},
		} {
			t.Run(format+" "+tt.name, func(t *testing.T) {
				resp, b := download(t, http.DefaultClient, srv, tt.path, 200)
				wantType := map[string]string{"csv": csvType, "xlsx": xlsxType}[format]
				if ct := resp.Header.Get("Content-Type"); ct != wantType {
					t.Errorf("Content-Type %q, want %q", ct, wantType)
				}
				if name := fileNameOf(t, resp); !strings.HasPrefix(name, tt.file) || !strings.HasSuffix(name, time.Now().Format("2006-01-02")+"."+format) {
					t.Errorf("file name %q, want %s….%s", name, tt.file, format)
				}
				rows := rowsOfDownload(t, format, b)
				if len(rows)-1 != tt.rows {
					t.Errorf("%d rows, want %d", len(rows)-1, tt.rows)
				}
				if tt.check != nil {
					tt.check(t, rows)
				}
			})
		}
	}
}

// TestDownloadsRefuse: bad filters are refused with the page's error, and
// the audit log downloads for admins only, as its page shows.
func TestDownloadsRefuse(t *testing.T) {
	srv, st := newSite(t)
	for _, path := range []string{"/mandates.csv?status=done", "/mandates.xlsx?decision=x", "/decisions.csv?year=12", "/search.csv", "/search.xlsx?q=%22"} {
		if code, _ := get(t, srv, path); code != http.StatusBadRequest {
			t.Errorf("GET %s = %d, want 400", path, code)
		}
	}
	if resp, _ := getWith(t, client(t), srv, "/audit.csv"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("anonymous audit.csv = %d, want 303", resp.StatusCode)
	}
	editor, _ := signIn(t, srv, st, "ed", "minamata")
	if resp, _ := getWith(t, editor, srv, "/audit.xlsx"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("editor audit.xlsx = %d, want 403", resp.StatusCode)
	}
	ms, _ := st.Mandates(context.Background(), accord.MandateFilter{Limit: 1})
	note := "checked"
	if _, err := st.UpdateMandate(context.Background(), ms[0].ID, accord.MandateUpdate{Note: note, Who: evil}); err != nil {
		t.Fatal(err)
	}
	token, tok, _ := auth.New(accord.TokenTTL)
	if _, err := st.AddUser(context.Background(), accord.User{Name: "root", Role: accord.RoleAdmin}, tok); err != nil {
		t.Fatal(err)
	}
	admin := client(t)
	signInWith(t, admin, srv, token, "")
	log, _ := st.AuditLog(context.Background(), 1000)
	for _, format := range []string{"csv", "xlsx"} {
		resp, b := download(t, admin, srv, "/audit."+format, 200)
		rows := rowsOfDownload(t, format, b)
		if len(rows)-1 != len(log) || !strings.HasPrefix(fileNameOf(t, resp), "accord-audit-") {
			t.Errorf("audit.%s: %d rows, want %d; file %q", format, len(rows)-1, len(log), fileNameOf(t, resp))
		}
		want := evil
		if format == "csv" {
			want = "'" + evil
		}
		if i := columnOf(t, rows, "who"); !slices.ContainsFunc(rows, func(r []string) bool { return r[i] == want }) {
			t.Errorf("audit.%s has no who %q: %q", format, want, rows)
		}
	}
}

// TestDownloadLinks: each list's page links to its downloads with its
// filters and without its page number.
func TestDownloadLinks(t *testing.T) {
	srv, _ := newSite(t)
	for _, tt := range []struct{ page, csv, xlsx string }{
		{"/decisions?instrument=minamata&page=1", "/decisions.csv?instrument=minamata", "/decisions.xlsx?instrument=minamata"},
		{"/mandates?status=open&actor=secretariat", "/mandates.csv?actor=secretariat&status=open", "/mandates.xlsx?actor=secretariat&status=open"},
		{"/mandates", "/mandates.csv", "/mandates.xlsx"},
		{"/search?q=secretariat&instrument=minamata&offset=0", "/search.csv?instrument=minamata&q=secretariat", "/search.xlsx?instrument=minamata&q=secretariat"},
	} {
		doc := fetch(t, srv, tt.page, 200)
		links := all(doc, "p.downloads a")
		if len(links) != 2 || attr(links[0], "href") != tt.csv || attr(links[1], "href") != tt.xlsx {
			var got []string
			for _, a := range links {
				got = append(got, attr(a, "href"))
			}
			t.Errorf("%s links to %q, want %q and %q", tt.page, got, tt.csv, tt.xlsx)
		}
	}
}

// TestXLSXSheet: the spreadsheet has a bold header row frozen in view,
// columns of set widths, days and moments as dates, numbers as numbers,
// and text as text; a list longer than its bound ends with a note, in CSV
// too.
func TestXLSXSheet(t *testing.T) {
	when := time.Date(2026, 11, 29, 7, 30, 0, 0, time.UTC)
	sh := sheet{Name: "things", Max: 3,
		Cols: []column{col("id", numberCell, 6), col("text", textCell, 50), col("due", dateCell, 12), col("at", timeCell, 18)}}
	sh.Rows = func(ctx context.Context, max int, row func([]any) error) (bool, error) {
		read := func(offset, limit int) ([]int, error) {
			var xs []int
			for i := offset; i < min(offset+limit, 5); i++ {
				xs = append(xs, i+1)
			}
			return xs, nil
		}
		return rowsOf(ctx, max, 2, read, func(i int) error {
			return row([]any{i, evil + strconv.Itoa(i), xlsxout.Day("2027-06-30"), when})
		})
	}
	f, err := buildXLSX(context.Background(), sh)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	name := x.GetSheetName(0)
	rows := rowsOfDownload(t, "xlsx", b.Bytes())
	want := [][]string{{"id", "text", "due", "at"}, {"1", evil + "1", "2027-06-30", "2026-11-29 07:30"}, {"2", evil + "2", "2027-06-30", "2026-11-29 07:30"},
		{"3", evil + "3", "2027-06-30", "2026-11-29 07:30"}, nil, {truncated(3)}}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
	panes, err := x.GetPanes(name)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v: want the header row frozen", panes, err)
	}
	if w, _ := x.GetColWidth(name, "B"); w != 50 {
		t.Errorf("width of B = %v, want 50", w)
	}
	// Numbers carry no type (Excel's default, "n") and a number as value.
	for cell, want := range map[string]excelize.CellType{"A2": excelize.CellTypeUnset, "B2": excelize.CellTypeInlineString, "C2": excelize.CellTypeUnset, "D2": excelize.CellTypeUnset} {
		got, err := x.GetCellType(name, cell)
		raw, _ := x.GetCellValue(name, cell, excelize.Options{RawCellValue: true})
		if _, nerr := strconv.ParseFloat(raw, 64); err != nil || got != want || (want == excelize.CellTypeUnset) != (nerr == nil) {
			t.Errorf("type of %s = %v holding %q, want %v (%v)", cell, got, raw, want, err)
		}
	}
	if raw, _ := x.GetCellValue(name, "C2", excelize.Options{RawCellValue: true}); raw != "46568" {
		t.Errorf("C2 holds %q, want the serial day 46568 (2027-06-30)", raw)
	}
	styleID, _ := x.GetCellStyle(name, "A1")
	style, err := x.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header style %+v, %v: want bold", style, err)
	}

	var c bytes.Buffer
	if err := writeCSV(context.Background(), &c, sh); err != nil {
		t.Fatal(err)
	}
	recs := rowsOfDownload(t, "csv", c.Bytes())
	if len(recs) != 5 || recs[1][1] != "'"+evil+"1" || recs[1][2] != "2027-06-30" || recs[1][3] != "2026-11-29T07:30:00Z" || recs[4][0] != truncated(3) {
		t.Errorf("CSV = %q", recs)
	}
}

// TestRowsOf: a list read in chunks gives each row once, in order, up to
// its bound, and says whether more followed.
func TestRowsOf(t *testing.T) {
	for _, tt := range []struct{ n, max, chunk, want int }{
		{0, 10, 3, 0}, {5, 10, 3, 5}, {9, 10, 3, 9}, {10, 10, 3, 10}, {11, 10, 3, 10}, {25, 10, 3, 10}, {10, 10, 100, 10}, {12, 10, 11, 10},
	} {
		reads := 0
		read := func(offset, limit int) ([]int, error) {
			reads++
			var xs []int
			for i := offset; i < min(offset+limit, tt.n); i++ {
				xs = append(xs, i)
			}
			return xs, nil
		}
		var got []int
		more, err := rowsOf(context.Background(), tt.max, tt.chunk, read, func(i int) error { got = append(got, i); return nil })
		ok := err == nil && len(got) == tt.want && more == (tt.n > tt.max)
		for i, x := range got {
			ok = ok && x == i
		}
		if !ok {
			t.Errorf("rowsOf(%d rows, max %d, chunk %d) = %v, more %v, %v; want %d rows, more %v", tt.n, tt.max, tt.chunk, got, more, err, tt.want, tt.n > tt.max)
		}
	}
	stop := errors.New("stop")
	_, err := rowsOf(context.Background(), 10, 3, func(int, int) ([]int, error) { return nil, stop }, func(int) error { return nil })
	if !errors.Is(err, stop) {
		t.Errorf("a failed read gave %v", err)
	}
}

func TestFileName(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{nil, "accord-mandates-2026-11-29.csv"},
		{[]string{"minamata", "", "COP-6", "open"}, "accord-mandates-minamata-COP-6-open-2026-11-29.csv"},
		{[]string{`"Global Framework" on/chemicals`, "../../etc"}, "accord-mandates-Global-Framework-on-chemicals-etc-2026-11-29.csv"},
		{[]string{"Conférence\r\nX: y"}, "accord-mandates-Conf-rence-X-y-2026-11-29.csv"},
	} {
		if got := fileName("mandates", tt.parts, now, "csv"); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

// TestReportPage: the report on implementation is chosen from lists of
// what is stored (instrument, then its meetings, then whom mandates ask
// of), shown as a page, and downloaded as HTML, Markdown, CSV and Excel
// holding the same mandates.
func TestReportPage(t *testing.T) { onBoth(t, testReportPage) }

func testReportPage(t *testing.T, srv *httptest.Server, st accord.Store) {
	ctx := context.Background()
	ms, _ := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata", Meeting: "COP-6"})
	// Every mandate of COP-6 is asked of the secretariat, which gathers
	// its Executive Secretary: the report of the Executive Secretary is
	// the part of it.
	secr, _ := st.Mandates(ctx, accord.MandateFilter{Instrument: "minamata", Meeting: "COP-6", Actor: "executive-secretary"})
	if len(ms) < 3 || len(secr) == 0 || len(secr) == len(ms) {
		t.Fatalf("sample: %d mandates of COP-6, %d of the secretariat", len(ms), len(secr))
	}
	done := accord.StatusCompleted
	if _, err := st.UpdateMandate(ctx, secr[0].ID, accord.MandateUpdate{Status: &done, Evidence: []string{"UNEP/MC/COP.7/5"}, Who: "test"}); err != nil {
		t.Fatal(err)
	}
	doc := fetch(t, srv, "/report", 200)
	if got := selectValues(doc, "instrument"); !slices.Contains(got, "minamata") || !slices.Contains(got, "cartagena") || selectValues(doc, "meeting") != nil {
		t.Errorf("/report: instruments %q, meetings %q", got, selectValues(doc, "meeting"))
	}
	doc = fetch(t, srv, "/report?instrument=minamata", 200)
	if got := selectValues(doc, "meeting"); !slices.Equal(got, []string{"", "COP-6"}) || len(all(doc, "table.report")) != 0 {
		t.Errorf("/report?instrument=minamata: meetings %q", got)
	}
	doc = fetch(t, srv, "/report?instrument=minamata&meeting=COP-6", 200)
	rows := all(doc, "table.report tbody tr")
	if actors := selectValues(doc, "actor"); len(rows) != len(ms) || !slices.Contains(actors, "secretariat") {
		t.Errorf("COP-6 report: %d rows, want %d; actors %q", len(rows), len(ms), actors)
	}
	if h1 := text(all(doc, "h1")[0]); !strings.Contains(h1, "Minamata") || !strings.Contains(h1, "COP-6") {
		t.Errorf("h1 %q", h1)
	}
	doc = fetch(t, srv, "/report?instrument=minamata&meeting=COP-6&actor=executive-secretary", 200)
	rows = all(doc, "table.report tbody tr")
	var page string
	for _, r := range rows {
		page += text(r) + "\n"
	}
	if len(rows) != len(secr) || !strings.Contains(page, "UNEP/MC/COP.7/5") || !strings.Contains(page, "Nothing.") {
		t.Errorf("secretariat's report: %d rows, want %d:\n%s", len(rows), len(secr), page)
	}
	var links []string
	for _, a := range all(doc, "p.downloads a") {
		links = append(links, attr(a, "href"))
	}
	q := "?actor=executive-secretary&instrument=minamata&meeting=COP-6"
	if want := []string{"/report.html" + q, "/report.md" + q, "/report.csv" + q, "/report.xlsx" + q}; !slices.Equal(links, want) {
		t.Fatalf("downloads %q, want %q", links, want)
	}
	for _, l := range links {
		resp, b := download(t, http.DefaultClient, srv, l, 200)
		ext := l[len("/report."):strings.IndexByte(l, '?')]
		if name := fileNameOf(t, resp); !strings.HasPrefix(name, "accord-report-minamata-COP-6-executive-secretary-") || !strings.HasSuffix(name, "."+ext) {
			t.Errorf("%s: file %q", l, name)
		}
		switch ext {
		case "html", "md":
			if !bytes.Contains(b, []byte("Report on the implementation")) || !bytes.Contains(b, []byte("UNEP/MC/COP.7/5")) {
				t.Errorf("%s lacks the title or the evidence:\n%.600s", l, b)
			}
		default:
			rows := rowsOfDownload(t, ext, b)
			st, ev := columnOf(t, rows, "status"), columnOf(t, rows, "done")
			if len(rows)-1 != len(secr) || rows[1][st] != "completed" || !strings.Contains(rows[1][ev], "UNEP/MC/COP.7/5") {
				t.Errorf("%s: %d rows, want %d: %q", l, len(rows)-1, len(secr), rows)
			}
		}
	}
	for path, status := range map[string]int{
		"/report?instrument=nowhere":                     404,
		"/report?instrument=minamata&meeting=COP-99":     404,
		"/report.csv?instrument=minamata":                400,
		"/report.xlsx?instrument=minamata&meeting=COP-9": 404,
	} {
		if code, _ := get(t, srv, path); code != status {
			t.Errorf("GET %s = %d, want %d", path, code, status)
		}
	}
}

// selectValues lists the values of the options of the select named name.
func selectValues(doc *html.Node, name string) []string {
	var vs []string
	for _, s := range all(doc, "select") {
		if attr(s, "name") != name {
			continue
		}
		for _, o := range all(s, "option") {
			vs = append(vs, attr(o, "value"))
		}
	}
	return vs
}

// TestDownloadBeyondPage: a download holds every row of its list, not the
// page shown.
func TestDownloadBeyondPage(t *testing.T) {
	srv, st := newSite(t)
	ctx := context.Background()
	for _, f := range sample.Generate(120) {
		if _, err := ingest.File(ctx, st, nil, accord.Source{Name: f.Name}, f.Data, parse.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ds, _ := st.Decisions(ctx, accord.DecisionFilter{})
	ms, _ := st.Mandates(ctx, accord.MandateFilter{})
	if len(ds) <= listPageSize || len(ms) <= listPageSize {
		t.Fatalf("%d decisions and %d mandates: want more than a page", len(ds), len(ms))
	}
	for path, want := range map[string]int{"/decisions.csv": len(ds), "/mandates.xlsx": len(ms)} {
		_, b := download(t, http.DefaultClient, srv, path, 200)
		rows := rowsOfDownload(t, strings.TrimPrefix(path[strings.IndexByte(path, '.'):], "."), b)
		if len(rows)-1 != want {
			t.Errorf("%s: %d rows, want %d", path, len(rows)-1, want)
		}
		seen := map[string]bool{}
		for _, r := range rows[1:] {
			if seen[r[0]] {
				t.Errorf("%s: row %s twice", path, r[0])
			}
			seen[r[0]] = true
		}
	}
}
