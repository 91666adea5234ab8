package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

// user returns the account of the request's bearer token: a 401 problem
// without a token or with an unknown one.
func (s *Server) user(w http.ResponseWriter, r *http.Request) (accord.User, error) {
	token := auth.Bearer(r)
	if token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="accord"`)
		return accord.User{}, &problem{Status: http.StatusUnauthorized, Detail: "writing needs an account: send Authorization: Bearer TOKEN (accord users add makes one)"}
	}
	u, err := s.store.UserByToken(r.Context(), auth.Hash(token))
	if errors.Is(err, accord.ErrNotFound) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="accord", error="invalid_token"`)
		return accord.User{}, &problem{Status: http.StatusUnauthorized, Detail: "unknown token"}
	}
	if errors.Is(err, accord.ErrExpired) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="accord", error="invalid_token", error_description="expired or revoked"`)
		return accord.User{}, &problem{Status: http.StatusUnauthorized, Detail: strings.TrimPrefix(err.Error(), "expired: ") + ": ask an admin for a new token (accord tokens add)"}
	}
	return u, err
}

// mandateView returns how the request's reader sees mandates: whole for
// an account, with staff names replaced by accord.Staff for anyone else.
// A token that is sent is checked: an unknown one is a 401, not a
// silent anonymous read.
func (s *Server) mandateView(w http.ResponseWriter, r *http.Request) (func(accord.Mandate) mandateOut, error) {
	w.Header().Add("Vary", "Authorization")
	if auth.Bearer(r) == "" {
		return func(m accord.Mandate) mandateOut { return mandate(m.Anonymous()) }, nil
	}
	if _, err := s.user(w, r); err != nil {
		return nil, err
	}
	return mandate, nil
}

// audit lists the latest writes, for admins.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) error {
	q, err := query(r, "limit", "cursor")
	if err != nil {
		return err
	}
	limit, before, err := page(q, "a")
	if err != nil {
		return err
	}
	u, err := s.user(w, r)
	if err != nil {
		return err
	}
	if u.Role != accord.RoleAdmin {
		return &problem{Status: http.StatusForbidden, Detail: "the audit log is for admins; " + u.Name + " is " + string(u.Role)}
	}
	log, err := s.store.AuditLogBefore(r.Context(), before, limit+1)
	if err != nil {
		return err
	}
	return writeJSON(w, r, pageOf(log, limit, "a", func(e accord.AuditEntry) int64 { return e.ID },
		func(e accord.AuditEntry) accord.AuditEntry { return e }))
}
