package web

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/accordmea/accord"
)

// OIDC configures sign-in with the organization's identity provider by
// OpenID Connect (authorization code flow with state, nonce and PKCE).
// The provider's claim RoleClaim (a list of groups, say) carries what the
// account may do: each of its values found in Roles grants a role and
// instruments; a sign-in whose values grant nothing is refused.
type OIDC struct {
	Issuer       string // the provider's issuer URL, where its discovery document lives
	ClientID     string
	ClientSecret string
	RedirectURL  string   // this site's /signin/oidc/callback as the provider knows it
	Scopes       []string // "openid" and those that bring the claims; default openid, profile, email
	NameClaim    string   // the claim that names the account; default preferred_username, then email
	RoleClaim    string   // the claim whose values grant roles; default groups
	Roles        map[string]Grant
	Label        string // the provider's name on the sign-in page; default "your organization's account"
}

// Grant is what one value of the role claim grants.
type Grant struct {
	Role        accord.Role
	Instruments []string // of an editor; none: all
}

// ParseRoles reads a mapping of claim values to grants:
// "accord-admin=admin,accord-minamata=editor:minamata,accord-chem=editor:basel+rotterdam".
// A value named twice grants the union.
func ParseRoles(s string) (map[string]Grant, error) {
	out := map[string]Grant{}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		value, grant, ok := strings.Cut(item, "=")
		value = strings.TrimSpace(value)
		if !ok || value == "" {
			return nil, fmt.Errorf("%w: %q: want VALUE=admin or VALUE=editor[:INSTRUMENT[+INSTRUMENT…]]", accord.ErrInvalid, item)
		}
		role, insts, _ := strings.Cut(strings.TrimSpace(grant), ":")
		g := Grant{Role: accord.Role(role)}
		switch g.Role {
		case accord.RoleAdmin:
			if insts != "" {
				return nil, fmt.Errorf("%w: %q: an admin has every instrument; name instruments of editors only", accord.ErrInvalid, item)
			}
		case accord.RoleEditor:
			for _, i := range strings.Split(insts, "+") {
				if i = strings.TrimSpace(i); i != "" {
					g.Instruments = append(g.Instruments, i)
				}
			}
		default:
			return nil, fmt.Errorf("%w: %q: role %q: want admin or editor", accord.ErrInvalid, item, role)
		}
		if prev, ok := out[value]; ok {
			g = union([]Grant{prev, g})
		}
		out[value] = g
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no claim value is mapped to a role", accord.ErrInvalid)
	}
	return out, nil
}

// union is what several grants give together: admin over editor, and an
// editor of all instruments over one of some.
func union(gs []Grant) Grant {
	var out Grant
	all := false
	for _, g := range gs {
		switch {
		case g.Role == accord.RoleAdmin:
			return Grant{Role: accord.RoleAdmin}
		case len(g.Instruments) == 0:
			all = true
		}
		out.Role = g.Role
		out.Instruments = append(out.Instruments, g.Instruments...)
	}
	if all {
		out.Instruments = nil
	}
	sort.Strings(out.Instruments)
	out.Instruments = slices.Compact(out.Instruments)
	return out
}

// oidcClient talks to the identity provider, found by discovery at the
// first sign-in (so that serve starts while the provider is down).
type oidcClient struct {
	cfg  OIDC
	http *http.Client

	mu       sync.Mutex
	provider *oidc.Provider
}

// oidcTimeout bounds each request to the identity provider.
const oidcTimeout = 15 * time.Second

func newOIDCClient(cfg OIDC) *oidcClient {
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = []string{oidc.ScopeOpenID, "profile", "email"}
	}
	if !slices.Contains(cfg.Scopes, oidc.ScopeOpenID) {
		cfg.Scopes = append([]string{oidc.ScopeOpenID}, cfg.Scopes...)
	}
	if cfg.RoleClaim == "" {
		cfg.RoleClaim = "groups"
	}
	if cfg.Label == "" {
		cfg.Label = "your organization's account"
	}
	return &oidcClient{cfg: cfg, http: &http.Client{Timeout: oidcTimeout}}
}

func (s *Server) oidcLabel() string {
	if s.oidc == nil {
		return ""
	}
	return s.oidc.cfg.Label
}

// setup returns the provider and the OAuth 2 configuration, discovering
// the provider when not done yet.
func (c *oidcClient) setup(ctx context.Context) (*oidc.Provider, *oauth2.Config, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.provider == nil {
		p, err := oidc.NewProvider(oidc.ClientContext(ctx, c.http), c.cfg.Issuer)
		if err != nil {
			return nil, nil, fmt.Errorf("identity provider %s: %w", c.cfg.Issuer, err)
		}
		c.provider = p
	}
	return c.provider, &oauth2.Config{
		ClientID:     c.cfg.ClientID,
		ClientSecret: c.cfg.ClientSecret,
		RedirectURL:  c.cfg.RedirectURL,
		Endpoint:     c.provider.Endpoint(),
		Scopes:       c.cfg.Scopes,
	}, nil
}

// oidcCookie keeps a sign-in's state, nonce, PKCE verifier and next page
// between the visitor leaving for the identity provider and coming back.
// The state is matched against the callback's, so that no other site can
// finish a sign-in in the visitor's browser; the cookie is Lax, as the
// provider sends the visitor back by a top-level GET.
const (
	oidcCookie     = "accord_oidc"
	oidcCookiePath = "/signin/oidc"
	oidcCookieAge  = 10 * time.Minute
)

// oidcStart sends the visitor to the identity provider.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return accord.ErrNotFound
	}
	_, conf, err := s.oidc.setup(r.Context())
	if err != nil {
		s.log.Error("web: OpenID Connect", "err", err)
		form, ferr := signinToken(w, r)
		if ferr != nil {
			return ferr
		}
		return s.render(w, http.StatusBadGateway, "signin", signinPage{page: s.page(r, "Sign in"), Next: localPath(r.URL.Query().Get("next")), OIDC: s.oidcLabel(), Form: form,
			Error: "The identity provider does not answer now: try again later, or sign in with a token."})
	}
	state, err := random()
	if err != nil {
		return err
	}
	nonce, err := random()
	if err != nil {
		return err
	}
	verifier := oauth2.GenerateVerifier()
	next := base64.RawURLEncoding.EncodeToString([]byte(localPath(r.URL.Query().Get("next"))))
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Value: strings.Join([]string{state, nonce, verifier, next}, "."),
		Path: oidcCookiePath, MaxAge: int(oidcCookieAge / time.Second), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isHTTPS(r)})
	http.Redirect(w, r, conf.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier)), http.StatusSeeOther)
	return nil
}

// errOIDC is a sign-in the identity provider or accord refused: the
// visitor is told why on the sign-in page.
type errOIDC struct {
	status int
	msg    string
}

func (e *errOIDC) Error() string { return e.msg }

// oidcCallback finishes a sign-in: it checks the state, trades the code
// (with the PKCE verifier) for tokens, verifies the ID token and its
// nonce, maps the role claim to a role and instruments, and starts a
// session of the account matched or made for the subject.
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request) error {
	if s.oidc == nil {
		return accord.ErrNotFound
	}
	// The cookie serves one attempt, whatever its outcome.
	http.SetCookie(w, &http.Cookie{Name: oidcCookie, Value: "", Path: oidcCookiePath, MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isHTTPS(r)})
	next := "/"
	u, err := s.oidcUser(r, &next)
	var e *errOIDC
	if errors.As(err, &e) {
		s.log.Info("web: OpenID Connect sign-in refused", "err", e.msg)
		form, err := signinToken(w, r)
		if err != nil {
			return err
		}
		return s.render(w, e.status, "signin", signinPage{page: s.page(r, "Sign in"), Error: e.msg, Next: next, OIDC: s.oidcLabel(), Form: form})
	}
	if err != nil {
		return err
	}
	return s.startSession(w, r, accord.Session{UserID: u.ID, Via: "oidc"}, next)
}

func (s *Server) oidcUser(r *http.Request, next *string) (accord.User, error) {
	ctx := r.Context()
	refuse := func(status int, format string, args ...any) (accord.User, error) {
		return accord.User{}, &errOIDC{status, fmt.Sprintf(format, args...)}
	}
	c, err := r.Cookie(oidcCookie)
	parts := []string{}
	if err == nil {
		parts = strings.Split(c.Value, ".")
	}
	if len(parts) != 4 {
		return refuse(http.StatusBadRequest, "This sign-in was not started here, or took longer than %v: sign in again.", oidcCookieAge)
	}
	state, nonce, verifier := parts[0], parts[1], parts[2]
	if b, err := base64.RawURLEncoding.DecodeString(parts[3]); err == nil {
		*next = localPath(string(b))
	}
	q := r.URL.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
		return refuse(http.StatusBadRequest, "This sign-in does not match the one started here: sign in again.")
	}
	if e := q.Get("error"); e != "" {
		return refuse(http.StatusUnauthorized, "The identity provider refused the sign-in: %s %s", e, q.Get("error_description"))
	}
	code := q.Get("code")
	if code == "" {
		return refuse(http.StatusBadRequest, "The identity provider sent no authorization code: sign in again.")
	}
	p, conf, err := s.oidc.setup(ctx)
	if err != nil {
		return accord.User{}, err
	}
	ctx = oidc.ClientContext(ctx, s.oidc.http)
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return refuse(http.StatusUnauthorized, "The identity provider did not confirm the sign-in (%v): sign in again.", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return refuse(http.StatusUnauthorized, "The identity provider sent no ID token.")
	}
	idt, err := p.Verifier(&oidc.Config{ClientID: s.oidc.cfg.ClientID}).Verify(ctx, raw)
	if err != nil {
		return refuse(http.StatusUnauthorized, "The identity provider's ID token does not verify (%v).", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return refuse(http.StatusUnauthorized, "The identity provider's ID token was not made for this sign-in.")
	}
	claims := map[string]any{}
	if err := idt.Claims(&claims); err != nil {
		return accord.User{}, fmt.Errorf("ID token claims: %w", err)
	}
	// Some providers put groups in the user info only.
	if _, ok := claims[s.oidc.cfg.RoleClaim]; !ok && p.UserInfoEndpoint() != "" {
		info, err := p.UserInfo(ctx, oauth2.StaticTokenSource(tok))
		if err != nil {
			return accord.User{}, fmt.Errorf("user info: %w", err)
		}
		more := map[string]any{}
		if err := info.Claims(&more); err != nil {
			return accord.User{}, fmt.Errorf("user info claims: %w", err)
		}
		if info.Subject == idt.Subject {
			for k, v := range more {
				if _, ok := claims[k]; !ok {
					claims[k] = v
				}
			}
		}
	}
	values := claimValues(claims[s.oidc.cfg.RoleClaim])
	var grants []Grant
	for _, v := range values {
		if g, ok := s.oidc.cfg.Roles[v]; ok {
			grants = append(grants, g)
		}
	}
	if len(grants) == 0 {
		return refuse(http.StatusForbidden, "Your account at the identity provider has no role in accord (its %s: %s). Ask an admin.",
			s.oidc.cfg.RoleClaim, strings.Join(cmpOr(values, []string{"none"}), ", "))
	}
	g := union(grants)
	name := ""
	for _, k := range []string{s.oidc.cfg.NameClaim, "preferred_username", "email"} {
		if v, ok := claims[k].(string); ok && k != "" && v != "" {
			name = v
			break
		}
	}
	if name == "" {
		return refuse(http.StatusForbidden, "The identity provider gave no name for your account (claims %s, preferred_username, email).", s.oidc.cfg.NameClaim)
	}
	u, err := s.store.UserBySubject(ctx, accord.User{Name: name, Role: g.Role, Instruments: g.Instruments, Subject: idt.Issuer + " " + idt.Subject})
	switch {
	case errors.Is(err, accord.ErrConflict), errors.Is(err, accord.ErrInvalid), errors.Is(err, accord.ErrExpired):
		msg := err.Error()
		for _, e := range []error{accord.ErrConflict, accord.ErrInvalid, accord.ErrExpired} {
			msg = strings.TrimPrefix(msg, e.Error()+": ")
		}
		return refuse(http.StatusForbidden, "Your account cannot sign in here: %s.", msg)
	case err != nil:
		return accord.User{}, err
	}
	return u, nil
}

// claimValues reads a claim that holds a list of strings, or one string
// of values separated by spaces or commas.
func claimValues(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		out = strings.FieldsFunc(x, func(r rune) bool { return r == ' ' || r == ',' })
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

func cmpOr(a, b []string) []string {
	if len(a) > 0 {
		return a
	}
	return b
}
