// Package ingest is the one way decisions get into a store, whatever
// brings them (the command line, the upload page, the demo): read the
// file, parse its text, extract each decision's mandates with the actor
// registry the store extends, and store the file's decisions in one
// transaction.
package ingest

import (
	"context"
	"fmt"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/extract"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/textin"
)

// Result says what storing one file did.
type Result struct {
	accord.IngestResult
	Decisions int // found in the file
	Mandates  int // extracted from them
}

// Registry returns the built-in actors with those users added to st: the
// one registry ingest, the API and the pages resolve addressees against.
// The built-in part is built once; what users added is read from st each
// time, since another process may add to it.
func Registry(ctx context.Context, st accord.Store) (*extract.Actors, error) {
	added, err := st.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return extract.DefaultActors().With(added), nil
}

// File reads a file's bytes and stores its decisions. src names it and
// says who brings it; its checksum and format are filled in. Errors name
// the file.
func File(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, data []byte, opt parse.Options) (Result, error) {
	t, err := textin.Read(ctx, src.Name, data)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", src.Name, err)
	}
	src.SHA256, src.Format = t.SHA256, t.Format
	return Text(ctx, st, reg, src, t.Body, opt)
}

// Text stores the decisions of a file's text. A text with no decision in
// it is an error and stores nothing.
func Text(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, text string, opt parse.Options) (Result, error) {
	doc := parse.Parse(text, opt)
	return Decisions(ctx, st, reg, src, doc.Decisions)
}

// Decisions extracts the mandates of parsed decisions and stores them.
func Decisions(ctx context.Context, st accord.Store, reg *extract.Actors, src accord.Source, ds []accord.Decision) (Result, error) {
	if len(ds) == 0 {
		return Result{}, fmt.Errorf("%s: %w: no decision found in the text", src.Name, accord.ErrInvalid)
	}
	res := Result{Decisions: len(ds)}
	for i := range ds {
		ds[i].Mandates = extract.Decision(&ds[i], reg).Mandates
		res.Mandates += len(ds[i].Mandates)
	}
	r, err := st.Ingest(ctx, src, ds)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", src.Name, err)
	}
	res.IngestResult = r
	return res, nil
}
