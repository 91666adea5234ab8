package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/api"
	"github.com/accordmea/accord/internal/ingest"
	"github.com/accordmea/accord/internal/limit"
	"github.com/accordmea/accord/internal/parse"
	"github.com/accordmea/accord/internal/sample"
	"github.com/accordmea/accord/internal/web"
)

const serveHelp = `
usage: accord serve [--addr HOST:PORT] [--db DB] [--demo] [--trusted-proxy CIDR,...] [limits]
                    [--session-max-age 12h] [--session-idle 2h]
                    [--oidc-issuer URL --oidc-client-id ID --oidc-redirect-url URL --oidc-roles MAPPING ...]
                    [--retain-sessions D] [--retain-uploads D] [--retain-audit D]

Serve runs accord's web pages (decisions, mandates, search), its JSON API
(under /api/v1, described at /api/v1/openapi.json) and /healthz, on the embedded SQLite store or on
PostgreSQL. Several serve processes may share one PostgreSQL database.
--demo loads the bundled sample into an empty store first. Interrupt or
terminate it to stop; requests under way are finished first.

Behind a reverse proxy that ends TLS, name the proxy's addresses with
--trusted-proxy: its X-Forwarded-Proto then says whether the reader came
over HTTPS (for HSTS and Secure cookies), and its X-Forwarded-For names
the client the limits count; from any other address both headers are
ignored.

Serve limits how often one client address (and one account) may sign in,
use a token, search and upload, answering 429 with Retry-After past it;
locks an address out of sign-in and tokens after repeated failures,
recording it in the audit log; and runs only so many searches and uploads
at once, answering 503 with Retry-After to those that find no place
within --shed-wait. The flags below set each limit.

A web session ends --session-max-age after its sign-in, or when no
request came for --session-idle.

With --oidc-issuer, the sign-in page also offers sign-in with the
organization's identity provider by OpenID Connect (authorization code
flow with PKCE). Register accord with the provider as a confidential
client whose redirect URL is this site's /signin/oidc/callback, and
give its client id, secret (best in ACCORD_OIDC_CLIENT_SECRET) and that
URL. The claim --oidc-role-claim (groups by default; ask for it with
--oidc-scopes when the provider wants a scope for it) carries what an
account may do: --oidc-roles maps its values to roles, as in
  accord-admin=admin,accord-minamata=editor:minamata,accord-chem=editor:basel+rotterdam
An account whose values map to nothing is refused. The first sign-in
makes the account, named by --oidc-name-claim; each later one brings its
role and instruments up to date; both are in the audit log.

Every hour, and at start, serve purges what the --retain-* flags keep no
longer, as accord purge does.
`

func runServe(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveHelp, stderr)
	fs.StringVar(&cfg.DB, "db", cfg.DB, "`store`: SQLite file path or postgres:// URL (ACCORD_DB)")
	addr := fs.String("addr", envOr("ACCORD_ADDR", "127.0.0.1:8080"), "`address` to listen on (ACCORD_ADDR)")
	demo := fs.Bool("demo", false, "load the bundled sample into an empty store")
	fs.StringVar(&cfg.TrustedProxies, "trusted-proxy", cfg.TrustedProxies,
		"`addresses` (CIDR prefixes, comma-separated) of reverse proxies whose X-Forwarded-Proto is believed (ACCORD_TRUSTED_PROXIES)")
	if err := retentionFlags(fs, &cfg.Retention); err != nil {
		return err
	}
	if err := serveLimitFlags(fs, &cfg.Limits); err != nil {
		return err
	}
	accountFlags(fs, cfg)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("serve takes no arguments")
	}
	proxies, err := web.ParseProxies(cfg.TrustedProxies)
	if err != nil {
		return usageError("--trusted-proxy (ACCORD_TRUSTED_PROXIES) %q: %v", cfg.TrustedProxies, strings.TrimPrefix(err.Error(), "invalid: "))
	}
	webCfg, err := webConfig(cfg)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	st, reg, err := openWithRegistry(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		ds, err := st.Decisions(ctx, accord.DecisionFilter{Limit: 1})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			for _, f := range sample.Files() {
				if _, err := ingest.File(ctx, st, reg, accord.Source{Name: f.Name, Who: "demo"}, f.Data, parse.Options{}); err != nil {
					return err
				}
			}
			log.Info("loaded the demo sample", "files", len(sample.Files()))
		}
	}
	go purgeEvery(ctx, st, cfg.Retention, time.Hour, log)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           routes(st, log, proxies, webCfg, cfg.Limits),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "accord serving on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// routes returns what serve serves: the API, /healthz and the pages, each
// response with the headers web.Secure sets, each request logged.
func routes(st accord.Store, log *slog.Logger, proxies web.Proxies, wc web.Config, limits limit.Config) http.Handler {
	mux := http.NewServeMux()
	// one actor registry for the API and the pages: built once, and
	// again only when the store's registry changes
	reg := ingest.NewRegistry(st)
	wc.Registry = reg
	mux.Handle("/api/v1/", api.New(st, log, api.Config{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := st.Decisions(r.Context(), accord.DecisionFilter{Limit: 1}); err != nil {
			if r.Context().Err() != nil {
				return // the client hung up
			}
			log.Error("healthz", "err", err)
			http.Error(w, "store unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.Handle("/", web.New(st, log, wc))
	lim := limit.New(limits, st, log, nil)
	lim.ClientIP = proxies.ClientIP // behind a trusted proxy, each client is limited apart
	return logRequests(log, web.Secure(lim.Handler(mux), proxies))
}

// logRequests logs each request: method, path, status and duration. A
// request whose client hung up before its answer was whole is logged as
// 499 ("client gone"), whatever its handler wrote into the closed
// connection: the server's context of a request is canceled only when its
// connection ends, and its last bytes leave only after the handler returns.
func logRequests(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds()}
		if errors.Is(r.Context().Err(), context.Canceled) {
			attrs[5] = web.StatusClientGone
			attrs = append(attrs, "err", "client gone")
		}
		log.Info("request", attrs...)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
