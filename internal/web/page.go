package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/accordmea/accord"
)

// Every page is bounded in what it lists, in bytes and in time, so that no
// request, however large what it asks for, takes the server's memory or
// keeps working for a client that has gone.
const (
	// listPageSize is how many rows a page of a list shows: a screenful
	// or a few, and tens of kilobytes of HTML.
	listPageSize = 100
	// searchPageSize is how many hits a page of search results shows.
	searchPageSize = 20
	// maxListPage is the last page number a list takes: 100,000 rows
	// in, a reader narrows the list with its filters instead.
	maxListPage = 1000
	// pageTimeout is how long a page may take to read and render
	// before it is answered 503: a page takes milliseconds, a search
	// under load up to a few seconds.
	pageTimeout = 10 * time.Second
	// maxPageBytes is the size no page may reach: pages are made to
	// stay far below it, and one that does not fails rather than grow.
	maxPageBytes = 8 << 20
)

var errPageTooLarge = fmt.Errorf("page larger than %d bytes", maxPageBytes)

// pageWriter is the ResponseWriter of a page request: it carries the
// request's context to render, which stops writing the page into its
// buffer once the client has gone or the deadline has passed.
type pageWriter struct {
	http.ResponseWriter
	ctx context.Context
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *pageWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// pageBuffer is where a page is rendered: buf, behind a writer that fails
// once the page passes maxPageBytes or, when w carries the request's
// context, once that context is done.
func pageBuffer(w http.ResponseWriter, buf *bytes.Buffer) io.Writer {
	pb := &boundedBuffer{buf: buf, ctx: context.Background()}
	if pw, ok := w.(*pageWriter); ok {
		pb.ctx = pw.ctx
	}
	return pb
}

type boundedBuffer struct {
	buf *bytes.Buffer
	ctx context.Context
}

func (b *boundedBuffer) Write(p []byte) (int, error) {
	if err := b.ctx.Err(); err != nil {
		return 0, err
	}
	if b.buf.Len()+len(p) > maxPageBytes {
		return 0, errPageTooLarge
	}
	return b.buf.Write(p)
}

// clientGone reports whether r's client has hung up: its work is of use
// to no one, and its failure is not the server's.
func clientGone(r *http.Request) bool {
	return errors.Is(r.Context().Err(), context.Canceled)
}

// pager is where a page stands in its list: its number from 1, and links
// to the pages before and after it ("" when there is none).
type pager struct {
	Page       int
	Prev, Next string
}

// pageParam reads the page number of a list, 1 when absent.
func pageParam(q url.Values) (int, error) {
	p := q.Get("page")
	if p == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > maxListPage {
		return 0, fmt.Errorf("%w: page %q: want a number from 1 to %d", accord.ErrInvalid, p, maxListPage)
	}
	return n, nil
}

// pagerOf links page n of the list at r's path to its neighbours, keeping
// the other parameters; more says whether rows follow the page.
func pagerOf(r *http.Request, n int, more bool) pager {
	link := func(k int) string {
		q := r.URL.Query()
		q.Del("page")
		q.Del("para") // a decision's page is named by its number
		if k > 1 {
			q.Set("page", strconv.Itoa(k))
		}
		if len(q) == 0 {
			return r.URL.Path
		}
		return r.URL.Path + "?" + q.Encode()
	}
	p := pager{Page: n}
	if n > 1 {
		p.Prev = link(n - 1)
	}
	if more && n < maxListPage {
		p.Next = link(n + 1)
	}
	return p
}
