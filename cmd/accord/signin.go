package main

import (
	"flag"
	"net/url"
	"strings"
	"time"

	"github.com/accordmea/accord/internal/web"
)

// accountFlags adds serve's flags for sessions and sign-in by OpenID
// Connect, with their ACCORD_* variables as defaults.
func accountFlags(fs *flag.FlagSet, cfg *Config) {
	dur := func(key string, def time.Duration) time.Duration {
		if d, err := time.ParseDuration(envOr(key, "")); err == nil {
			return d
		}
		return def
	}
	fs.DurationVar(&cfg.SessionMaxAge, "session-max-age", dur("ACCORD_SESSION_MAX_AGE", web.DefaultSessionMaxAge), "a session ends this `long` after its sign-in (ACCORD_SESSION_MAX_AGE)")
	fs.DurationVar(&cfg.SessionIdle, "session-idle", dur("ACCORD_SESSION_IDLE", web.DefaultSessionIdle), "a session ends when no request came for this `long` (ACCORD_SESSION_IDLE)")
	for _, f := range []struct {
		p          *string
		name, env  string
		def, usage string
	}{
		{&cfg.OIDCIssuer, "oidc-issuer", "ACCORD_OIDC_ISSUER", "", "the identity provider's issuer `URL`; sign-in by OpenID Connect is off without it"},
		{&cfg.OIDCClientID, "oidc-client-id", "ACCORD_OIDC_CLIENT_ID", "", "accord's client `id` at the identity provider"},
		{&cfg.OIDCClientSecret, "oidc-client-secret", "ACCORD_OIDC_CLIENT_SECRET", "", "accord's client `secret` at the identity provider (best given in the environment)"},
		{&cfg.OIDCRedirectURL, "oidc-redirect-url", "ACCORD_OIDC_REDIRECT_URL", "", "this site's `URL` /signin/oidc/callback, as registered with the identity provider"},
		{&cfg.OIDCScopes, "oidc-scopes", "ACCORD_OIDC_SCOPES", "openid,profile,email", "the `scopes` to ask for, comma-separated"},
		{&cfg.OIDCNameClaim, "oidc-name-claim", "ACCORD_OIDC_NAME_CLAIM", "preferred_username", "the `claim` that names the account (email when it is absent)"},
		{&cfg.OIDCRoleClaim, "oidc-role-claim", "ACCORD_OIDC_ROLE_CLAIM", "groups", "the `claim` whose values say the account's role and instruments"},
		{&cfg.OIDCRoles, "oidc-roles", "ACCORD_OIDC_ROLES", "", "`mapping` of role-claim values to roles: accord-admin=admin,accord-minamata=editor:minamata"},
		{&cfg.OIDCLabel, "oidc-label", "ACCORD_OIDC_LABEL", "", "the identity provider's `name` on the sign-in page"},
	} {
		fs.StringVar(f.p, f.name, envOr(f.env, f.def), f.usage+" ("+f.env+")")
	}
}

// webConfig checks the flags of accountFlags and makes the pages'
// configuration of them.
func webConfig(cfg *Config) (web.Config, error) {
	wc := web.Config{SessionMaxAge: cfg.SessionMaxAge, SessionIdle: cfg.SessionIdle}
	if cfg.SessionMaxAge <= 0 || cfg.SessionIdle <= 0 {
		return wc, usageError("--session-max-age %v, --session-idle %v: want positive durations such as 12h and 2h", cfg.SessionMaxAge, cfg.SessionIdle)
	}
	if cfg.OIDCIssuer == "" {
		return wc, nil
	}
	for _, u := range []struct{ flag, v string }{{"--oidc-issuer", cfg.OIDCIssuer}, {"--oidc-redirect-url", cfg.OIDCRedirectURL}} {
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return wc, usageError("%s %q: want an http or https URL", u.flag, u.v)
		}
	}
	if !strings.HasSuffix(strings.TrimSuffix(cfg.OIDCRedirectURL, "/"), "/signin/oidc/callback") {
		return wc, usageError("--oidc-redirect-url %q: want this site's /signin/oidc/callback", cfg.OIDCRedirectURL)
	}
	if cfg.OIDCClientID == "" || cfg.OIDCClientSecret == "" {
		return wc, usageError("--oidc-issuer wants --oidc-client-id and --oidc-client-secret (or ACCORD_OIDC_CLIENT_SECRET)")
	}
	if cfg.OIDCRoles == "" {
		return wc, usageError("--oidc-issuer wants --oidc-roles: which values of %s make an admin or an editor", cfg.OIDCRoleClaim)
	}
	roles, err := web.ParseRoles(cfg.OIDCRoles)
	if err != nil {
		return wc, usageError("--oidc-roles: %v", strings.TrimPrefix(err.Error(), "invalid: "))
	}
	scopes := strings.FieldsFunc(cfg.OIDCScopes, func(r rune) bool { return r == ',' || r == ' ' })
	wc.OIDC = &web.OIDC{
		Issuer: cfg.OIDCIssuer, ClientID: cfg.OIDCClientID, ClientSecret: cfg.OIDCClientSecret, RedirectURL: cfg.OIDCRedirectURL,
		Scopes: scopes, NameClaim: cfg.OIDCNameClaim, RoleClaim: cfg.OIDCRoleClaim, Roles: roles, Label: cfg.OIDCLabel,
	}
	return wc, nil
}
