package accord

import (
	"errors"
	"fmt"
)

// ImportCounts says what storing a batch of registry records did: how
// many records were new, how many changed and how many were already
// stored as given. Importing the same file twice adds and updates
// nothing the second time.
type ImportCounts struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// FieldError is bad input in one field of a record, named as the record's
// CSV column and API field: imports name the row and this column.
type FieldError struct {
	Field string // "email"
	Msg   string // what is wrong with it
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Unwrap makes every FieldError an ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

func fieldErrorf(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// FieldErrors lists the *FieldError that err holds, itself or joined.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var fe *FieldError
	switch {
	case err == nil:
	case errors.As(err, &fe) && !isJoined(err):
		out = append(out, fe)
	default:
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				out = append(out, FieldErrors(e)...)
			}
		}
	}
	return out
}

func isJoined(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}
