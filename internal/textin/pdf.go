package textin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

// ErrNoPDFTool is returned for PDF input on a machine without pdftotext.
var ErrNoPDFTool = errors.New("reading PDF needs pdftotext: install the Debian package poppler-utils")

// maxInfo bounds what pdfinfo may print: a few lines of metadata.
const maxInfo = 64 << 10

// maxStderr bounds what is kept of a tool's error output, which a broken
// file can make run to a line per object.
const maxStderr = 4 << 10

// pdfText extracts the text layer of a PDF with pdftotext, page breaks as
// form feeds. It asks pdfinfo for the number of pages first, so that a
// file of too many pages is refused before its text is extracted, and
// runs both tools within the limits l (see runTool).
func pdfText(ctx context.Context, data []byte, l Limits) (string, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", ErrNoPDFTool
	}
	f, err := os.CreateTemp("", "accord-*.pdf")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	// pdfinfo comes with pdftotext in poppler-utils; without it, the
	// last page pdftotext reads still bounds the work.
	if info, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := runTool(ctx, l, maxInfo, info, f.Name())
		if err != nil {
			return "", err
		}
		if n := pdfPages(out); n > l.MaxPages {
			return "", &LimitError{What: fmt.Sprintf("PDF has %d pages", n), Limit: fmt.Sprintf("%d pages", l.MaxPages)}
		}
	}
	out, err := runTool(ctx, l, l.MaxText, bin, "-enc", "UTF-8", "-eol", "unix", "-l", strconv.Itoa(l.MaxPages), f.Name(), "-")
	if err != nil {
		return "", err
	}
	s := string(out)
	if strings.TrimSpace(strings.ReplaceAll(s, "\f", "")) == "" {
		return "", fmt.Errorf("%w: PDF has no text layer (a scanned image?); it needs OCR first", accord.ErrInvalid)
	}
	return s, nil
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pdfPages reads the number of pages from what pdfinfo prints; 0 when
// it does not say.
func pdfPages(info []byte) int {
	m := pagesLine.FindSubmatch(info)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil { // more pages than an int holds
		return int(^uint(0) >> 1)
	}
	return n
}

// runTool runs a PDF tool and returns what it prints, up to max bytes.
// The tool runs in a process group of its own, with its address space and
// CPU time limited (l.PDFMemory, l.PDFTime); the group is killed when it
// prints more than max bytes, when l.PDFTime has passed, or when ctx is
// done. Going over a limit is a *LimitError; a tool that fails is a
// file that is not a readable PDF.
func runTool(ctx context.Context, l Limits, max int, bin string, args ...string) ([]byte, error) {
	tctx, cancel := context.WithTimeout(ctx, l.PDFTime)
	defer cancel()
	cmd := toolCommand(tctx, l, bin, args...)
	stderr := &cappedBuffer{max: maxStderr}
	cmd.Stderr = stderr
	cmd.WaitDelay = time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	out, rerr := io.ReadAll(io.LimitReader(stdout, int64(max)+1))
	over := len(out) > max
	if over {
		cancel() // kills the group
	}
	err = cmd.Wait()
	tool := bin[strings.LastIndexByte(bin, '/')+1:]
	switch {
	case over:
		if tool == "pdftotext" {
			return nil, textTooLarge("PDF", l)
		}
		return nil, &LimitError{What: fmt.Sprintf("%s printed more than %s", tool, megabytes(int64(max))), Limit: megabytes(int64(max))}
	case ctx.Err() != nil:
		return nil, fmt.Errorf("reading PDF: %w", ctx.Err())
	case tctx.Err() != nil:
		return nil, &LimitError{What: fmt.Sprintf("%s ran for more than %v", tool, l.PDFTime), Limit: l.PDFTime.String()}
	case rerr != nil:
		return nil, rerr
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i]
		}
		if sig, ok := stoppedByLimit(err, msg); ok {
			return nil, &LimitError{What: fmt.Sprintf("%s was stopped (%s)", tool, sig),
				Limit: fmt.Sprintf("%s of memory, %v of CPU", megabytes(l.PDFMemory), l.PDFTime)}
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%w: not a readable PDF (%s)", accord.ErrInvalid, msg)
	}
	return out, nil
}

// cappedBuffer keeps the first max bytes written to it and drops the
// rest.
type cappedBuffer struct {
	bytes.Buffer
	max int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
