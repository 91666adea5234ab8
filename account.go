package accord

import (
	"context"
	"slices"
	"time"
)

// Role says what an account may change.
type Role string

// The roles.
const (
	RoleAdmin  Role = "admin"  // everything, and the audit log
	RoleEditor Role = "editor" // mandates of its instruments (all when none are named)
)

// User is an account. Reading needs none; every write needs one.
type User struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Role        Role      `json:"role"`
	Instruments []string  `json:"instruments,omitempty"`
	Created     time.Time `json:"created"`
	// Subject is the issuer and subject ("https://idp.example sub") of
	// an account that signs in by OpenID Connect, or "".
	Subject string    `json:"subject,omitempty"`
	Removed time.Time `json:"removed,omitzero"`
	Tokens  []Token   `json:"tokens,omitempty"` // listed by Users
	TokenID int64     `json:"-"`                // the token UserByToken found it by
}

// TokenTTL is how long a token lives unless its maker says otherwise.
const TokenTTL = 90 * 24 * time.Hour

// Token is one bearer token of an account. Stores keep its hash and the
// first characters of the token, by which people name it.
type Token struct {
	ID      int64     `json:"id"`
	User    string    `json:"user"`
	Hash    string    `json:"-"`
	Prefix  string    `json:"prefix,omitempty"` // "acc_AbCdEfGh"; "" for tokens made before prefixes were kept
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	Revoked time.Time `json:"revoked,omitzero"`
}

// Live reports whether t may be used at now.
func (t Token) Live(now time.Time) bool {
	return t.Revoked.IsZero() && now.Before(t.Expires)
}

// TokenFilter selects tokens: by id, by the first characters of the
// token (eight or more after "acc_"), or all of one account's.
type TokenFilter struct {
	ID     int64
	Prefix string
	User   string
}

// Session is a web session: the hash of its cookie, the token its forms
// carry, and when it ends: at Expires, or when no request came for Idle.
type Session struct {
	UserID  int64
	TokenID int64 // the token signed in with; 0 for OpenID Connect
	IDHash  string
	CSRF    string
	Expires time.Time
	Idle    time.Duration
	Via     string // "token" or "oidc", for the audit log
}

// CanEdit reports whether u may change what belongs to instrument inst.
// An editor of an instrument that a joint instrument groups may change
// the joint instrument's records too: the joint secretariat of the
// Basel, Rotterdam and Stockholm conventions serves all three, so an
// editor of basel edits the decisions of brs.
func (u User) CanEdit(inst string) bool {
	switch u.Role {
	case RoleAdmin:
		return true
	case RoleEditor:
		if len(u.Instruments) == 0 {
			return true
		}
		groups := known().byID[inst].Groups
		for _, i := range u.Instruments {
			if i == inst || slices.Contains(groups, i) {
				return true
			}
		}
	}
	return false
}

// AccountStore keeps accounts, their tokens and their web sessions.
type AccountStore interface {
	// AddUser creates an account and, when t.Hash is set, its first
	// token, in one transaction.
	AddUser(ctx context.Context, u User, t Token) (User, error)
	// UserByToken returns the account whose token has the given hash,
	// with TokenID set. A token expired or revoked, or of a removed
	// account, is an error wrapping ErrExpired.
	UserByToken(ctx context.Context, tokenHash string) (User, error)
	// Users lists the accounts, removed ones too, each with its tokens.
	Users(ctx context.Context) ([]User, error)
	// RemoveUser removes the account name for who: its tokens are
	// revoked and its sessions ended; it and its audit history stay.
	RemoveUser(ctx context.Context, who, name string) error
	// AddToken gives the account t.User a new token.
	AddToken(ctx context.Context, who string, t Token) (Token, error)
	// RevokeTokens revokes the live tokens f selects for who, ends the
	// sessions signed in with them, and says how many it revoked.
	RevokeTokens(ctx context.Context, who string, f TokenFilter) (int, error)
	// UserBySubject returns the account signed in by OpenID Connect as
	// u.Subject, made from u when there is none; its role and
	// instruments become u's.
	UserBySubject(ctx context.Context, u User) (User, error)
	// CreateSession starts a web session, kept by its cookie's hash,
	// with the token its forms carry, and records the sign-in.
	CreateSession(ctx context.Context, s Session) error
	// Session returns the account and form token of a live session: not
	// past its expiry nor idle longer than its idle timeout.
	Session(ctx context.Context, idHash string) (User, string, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, idHash string) error
}
