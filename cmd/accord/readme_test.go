package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord/internal/pgtest"
	"github.com/accordmea/accord/internal/testpdf"
)

// TestREADMEExamples runs every accord line of the README's "Using it"
// block as written, on a store holding the bundled sample (SQLite, and
// PostgreSQL when ACCORD_TEST_POSTGRES is set), in a directory holding
// the files the lines name. Nothing of a line is changed but the token
// prefix, which only the token added before it can give. Each must exit
// 0 and print what it is for.
func TestREADMEExamples(t *testing.T) {
	lines := readmeExamples(t)
	if len(lines) < 10 {
		t.Fatalf("README's Using it block holds %d accord lines: %q", len(lines), lines)
	}
	t.Run("sqlite", func(t *testing.T) { runExamples(t, lines, filepath.Join(t.TempDir(), "accord.db"), true) })
	t.Run("postgres", func(t *testing.T) { runExamples(t, lines, pgtest.URL(t), false) })
}

// sqliteOnly are the commands that work on SQLite files only (PostgreSQL
// has pg_dump and pg_restore): their lines are left out of the
// PostgreSQL run.
var sqliteOnly = map[string]bool{"backup": true, "restore": true}

// readmeExamples returns the lines starting "accord " of the first
// indented block after the README's "## Using it".
func readmeExamples(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "\n## Using it\n")
	if !ok {
		t.Fatal(`README.md has no "## Using it" section`)
	}
	var out []string
	started := false
	for _, line := range strings.Split(rest, "\n") {
		switch {
		case strings.HasPrefix(line, "    "):
			started = true
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "accord ") {
				out = append(out, l)
			}
		case strings.TrimSpace(line) == "":
		case started:
			return out
		}
	}
	return out
}

// readmeWant is what the output of a README line (by its start) must
// hold, beyond exit 0 and some output.
var readmeWant = map[string]string{
	"accord parse decision.pdf":                   "MC-7/4  Reporting",
	"accord parse --format json decision.txt":     `"symbol": "MC-7/2"`,
	"accord ingest meeting-report.docx":           "ingested 2 of 2 files: 2 decisions (2 new",
	"accord decisions list --instrument minamata": "MC-6/[--]",
	"accord decisions show":                       "International cooperation and coordination",
	"accord mandates list --mentions":             "MC-6/[--]",
	"accord mandates set 12":                      "status: completed",
	"accord report implementation":                "wrote report.html",
	"accord demo":                                 "3 decisions (0 new, 3 updated",
	"accord users add":                            "user jane (editor) added",
	"accord users list":                           "jane\teditor\tminamata",
	"accord tokens revoke":                        "1 token(s) revoked",
	"accord backup":                               "backed up ",
	"accord users remove jane":                    "user jane removed",
}

func runExamples(t *testing.T, lines []string, db string, sqlite bool) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("ACCORD_DB", db)
	t.Setenv("ACCORD_ADDR", "127.0.0.1:0")
	if code, _, errs := runAccord(t, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	pdf := true
	if _, err := exec.LookPath("pdftotext"); err != nil {
		pdf = false
		t.Log("pdftotext (Debian package poppler-utils) is not installed: the lines reading a PDF are left out")
	}
	writeFile(t, dir, "decision.pdf", testpdf.Pages([]string{"Decision MC-7/4: Reporting", "The Conference of the Parties,",
		"1. Requests the secretariat to report to the Conference of the Parties at its eighth meeting."}))
	writeFile(t, dir, "decision.txt", []byte(decisionText))
	writeFile(t, dir, "meeting-report.docx", docxBytes(t, "Decision MC-7/5: Budget", "The Conference of the Parties,",
		"1. Requests the Executive Secretary to prepare a budget for the biennium 2028-2029;"))
	os.Mkdir(filepath.Join(dir, "decisions"), 0o755)
	writeFile(t, dir, "decisions/mc-7-6.txt", []byte("Decision MC-7/6: Reporting\n\nThe Conference of the Parties,\n\n1. Invites Parties to submit their national reports.\n"))
	writeFile(t, dir, "decisions/README.md", []byte("# COP-7\n\nThe decisions of COP-7 as received.\n"))

	token := ""
	for _, line := range lines {
		args, out, err := shellWords(line)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if !pdf && strings.Contains(line, ".pdf") {
			continue
		}
		for i, a := range args {
			if a == "acc_AbCdEfGh" && token != "" {
				args[i] = token
			}
		}
		if args[1] == "serve" {
			serveExample(t, line, args[1:])
			continue
		}
		if !sqlite && sqliteOnly[args[1]] {
			continue
		}
		// restore restores "into an empty store", as its line says: a
		// new one, checked to hold the sample after.
		restored := ""
		if args[1] == "restore" {
			restored = filepath.Join(t.TempDir(), "restored.db")
			t.Setenv("ACCORD_DB", restored)
		}
		code, stdout, stderr := runAccord(t, args[1:]...)
		if restored != "" {
			t.Setenv("ACCORD_DB", db)
			if code, out, errs := runAccord(t, "decisions", "list", "--db", restored); code != 0 || !strings.Contains(out, "MC-6/[--]") {
				t.Errorf("%s: the restored store holds, exit %d:\n%s%s", line, code, out, errs)
			}
		}
		if code != 0 {
			t.Errorf("%s\nexit %d\n%s%s", line, code, stdout, stderr)
			continue
		}
		if out != "" {
			writeFile(t, dir, out, []byte(stdout))
		}
		if strings.TrimSpace(stdout) == "" {
			t.Errorf("%s: printed nothing (stderr %q)", line, stderr)
		}
		for start, want := range readmeWant {
			if strings.HasPrefix(line, start) && !strings.Contains(stdout, want) {
				t.Errorf("%s: output lacks %q:\n%s", line, want, stdout)
			}
		}
		for i, a := range args {
			if a == "--out" && i+1 < len(args) {
				if b, err := os.ReadFile(args[i+1]); err != nil || len(b) == 0 {
					t.Errorf("%s: wrote no %s (%v)", line, args[i+1], err)
				}
			}
		}
		if args[1] == "users" && args[2] == "add" {
			token = regexp.MustCompile(`acc_[A-Za-z0-9_-]{8}`).FindString(stdout)
		}
	}
}

// serveExample runs accord serve until it answers its home page and API,
// then interrupts it.
func serveExample(t *testing.T, line string, args []string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		done <- run(ctx, args, pw, &errb)
		pw.Close()
	}()
	first, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	base, ok := strings.CutPrefix(strings.TrimSpace(first), "accord serving on ")
	if err != nil || !ok {
		cancel()
		code := <-done
		t.Errorf("%s: exit %d, printed %q, %v; stderr %s", line, code, first, err, errb.String())
		return
	}
	for path, want := range map[string]string{"/": "accord", "/api/v1/decisions?instrument=minamata": `"symbol":"MC-6/[--]"`} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Errorf("%s: GET %s: %v", line, path, err)
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("%s: GET %s = %d %.200s; want 200 with %q", line, path, resp.StatusCode, b, want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("%s: exit %d after interrupt: %s", line, code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Errorf("%s: did not stop", line)
	}
}

// shellWords splits a command line as the shell would for what the
// README uses: words, "double" and 'single' quotes, a # comment, and
// > FILE, returned as out.
func shellWords(line string) (words []string, out string, err error) {
	var cur strings.Builder
	inWord, redirect := false, false
	var quote rune
	end := func() {
		if !inWord {
			return
		}
		if redirect {
			out, redirect = cur.String(), false
		} else {
			words = append(words, cur.String())
		}
		cur.Reset()
		inWord = false
	}
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			end()
		case r == '#' && !inWord:
			end()
			return words, out, nil
		case r == '>' && !inWord:
			redirect = true
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, "", fmt.Errorf("unterminated %c quote", quote)
	}
	end()
	return words, out, nil
}

// docxBytes builds a DOCX of one paragraph per line.
func docxBytes(t *testing.T, lines ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, l)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`, body.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
