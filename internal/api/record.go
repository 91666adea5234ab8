package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/accordmea/accord"
)

// editable opens a change to the one record a request's path names: a
// query holding nothing, the account sending it (401 without one), the
// record load finds (404), and the account's right to change it (403
// unless it may edit every instrument the record belongs to, which
// instruments lists). Nothing is read from the body before the right is
// checked, and nothing is written.
func editable[T any](s *Server, w http.ResponseWriter, r *http.Request, what string,
	load func(context.Context, *http.Request) (T, error), instruments func(T) []string) (T, accord.User, error) {
	var rec T
	if _, err := query(r); err != nil {
		return rec, accord.User{}, err
	}
	u, err := s.user(w, r)
	if err != nil {
		return rec, u, err
	}
	if rec, err = load(r.Context(), r); err != nil {
		return rec, u, err
	}
	for _, in := range instruments(rec) {
		if err := mayEdit(u, in, what); err != nil {
			return rec, u, err
		}
	}
	return rec, u, nil
}

// deleted answers the DELETE of the record load finds, for an account
// that may change it (editable), by del: 204, the audit log keeping
// what it was.
func deleted[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, load func(context.Context, *http.Request) (T, error),
	instruments func(T) []string, del func(ctx context.Context, rec T, who string) error) error {
	rec, u, err := editable(s, w, r, what, load, instruments)
	if err != nil {
		return err
	}
	if err := del(r.Context(), rec, u.Name); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// replaced answers the PUT of the record load finds, for an account that
// may change it (editable), by the record read from the body (read
// refuses one of an instrument the account may not change), stored by
// update and answered as out makes it.
func replaced[T, O any](s *Server, w http.ResponseWriter, r *http.Request, what string, load func(context.Context, *http.Request) (T, error),
	instruments func(T) []string, read func(*http.Request, accord.User) (T, error),
	update func(ctx context.Context, old, rec T, who string) (T, error), out func(T) O) error {
	old, u, err := editable(s, w, r, what, load, instruments)
	if err != nil {
		return err
	}
	rec, err := read(r, u)
	if err != nil {
		return err
	}
	got, err := update(r.Context(), old, rec, u.Name)
	if err != nil {
		return err
	}
	return writeJSON(w, r, out(got))
}

// byID loads a record by the number in its path with get.
func byID[T any](get func(context.Context, int64) (T, error)) func(context.Context, *http.Request) (T, error) {
	return func(ctx context.Context, r *http.Request) (T, error) {
		id, err := pathID(r)
		if err != nil {
			var zero T
			return zero, err
		}
		return get(ctx, id)
	}
}

// bySlug loads a record by the id in its path with get.
func bySlug[T any](get func(context.Context, string) (T, error)) func(context.Context, *http.Request) (T, error) {
	return func(ctx context.Context, r *http.Request) (T, error) {
		return get(ctx, r.PathValue("id"))
	}
}

// orNew loads a record a PUT may create: one not stored is the zero
// record, of no instrument, whose id is the path's.
func orNew[T any](load func(context.Context, *http.Request) (T, error)) func(context.Context, *http.Request) (T, error) {
	return func(ctx context.Context, r *http.Request) (T, error) {
		rec, err := load(ctx, r)
		if errors.Is(err, accord.ErrNotFound) {
			var zero T
			return zero, nil
		}
		return rec, err
	}
}

// one is the instrument of a record of one instrument.
func one(in string) []string { return []string{in} }

// mayEdit refuses a user who may not change records of instrument; a
// record of no instrument (one a PUT is creating) refuses no one.
func mayEdit(u accord.User, instrument, what string) error {
	if instrument != "" && !u.CanEdit(instrument) {
		return &problem{Status: http.StatusForbidden, Detail: fmt.Sprintf("%s may not change %s of the %s", u.Name, what, accord.InstrumentName(instrument))}
	}
	return nil
}
