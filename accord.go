// Package accord holds the domain of accord: the decisions adopted by the
// governing bodies of multilateral environmental agreements, broken down to
// the paragraph, and the Store that keeps them.
//
// It imports no SQL driver, no net/http and no other package of this module:
// everything depends on it, it depends on nothing. It embeds one data
// file, instruments.csv, the bundled instruments: every layer, the parser
// included, names instruments before any store is open, and a store then
// installs its own (UseInstruments).
package accord

import (
	"errors"
)

// Sentinel errors. Backends and parsers wrap them so that callers can map
// them to exit codes and HTTP statuses with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrInvalid   = errors.New("invalid")
	ErrConflict  = errors.New("conflict")
	ErrForbidden = errors.New("forbidden")
	// ErrExpired is a token or session past its time, revoked, or of a
	// removed account.
	ErrExpired = errors.New("expired")
	// ErrBusy says a write gave way to others made at the same time (a
	// deadlock, a serialization failure, a locked database) as often as
	// it was tried: the same request may well succeed a moment later.
	ErrBusy = errors.New("busy")
)

// Store keeps everything accord knows, one interface per concept; every
// backend implements them all, and internal/storetest holds each backend
// to the same behaviour. Every method takes ctx first; absence is an
// error wrapping ErrNotFound.
type Store interface {
	DecisionStore
	MandateStore
	// Corrector corrects decisions and mandates, and finds decisions by
	// their content.
	Corrector
	ActorStore
	OrganizationStore
	SearchStore
	AccountStore
	UploadStore
	AuditStore
	DocumentStore
	PartyStore
	CentreStore
	MeetingStore
	InstrumentStore
	// Close releases the store's connections.
	Close() error
}
