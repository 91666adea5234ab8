package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/accordmea/accord"
	"github.com/accordmea/accord/internal/auth"
)

const cookieName = "accord_session"

type ctxKey struct{}

// visitor is who asks: an account with its session's form token, or no
// one.
type visitor struct {
	user accord.User
	csrf string
	ok   bool
}

// withVisitor finds the session of the request's cookie.
func (s *Server) withVisitor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v visitor
		if c, err := r.Cookie(cookieName); err == nil && c.Value != "" {
			u, csrf, err := s.store.Session(r.Context(), auth.Hash(c.Value))
			switch {
			case err == nil:
				v = visitor{user: u, csrf: csrf, ok: true}
			case !errors.Is(err, accord.ErrNotFound) && !errors.Is(err, accord.ErrExpired):
				s.log.Error("web: session", "err", err)
			}
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, v)))
	})
}

func visitorOf(r *http.Request) visitor {
	v, _ := r.Context().Value(ctxKey{}).(visitor)
	return v
}

// page fills what every page's layout needs.
func (s *Server) page(r *http.Request, title string) page {
	v := visitorOf(r)
	p := page{Title: title}
	if v.ok {
		p.User, p.CSRF = v.user.Name, v.csrf
	}
	return p
}

func random() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// checkForm reads a posted form of a signed-in visitor and checks it came
// from our own page: its form token matches the session's, and its Origin,
// when sent, is this host.
func checkForm(w http.ResponseWriter, r *http.Request) (visitor, error) {
	v := visitorOf(r)
	if !v.ok {
		return v, errSignIn
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return v, fmt.Errorf("%w: the form could not be read (%v)", accord.ErrInvalid, err)
	}
	if o := r.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != r.Host {
			return v, fmt.Errorf("%w: the form came from another site", accord.ErrForbidden)
		}
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("csrf")), []byte(v.csrf)) != 1 {
		return v, fmt.Errorf("%w: the form is stale or came from another site; reload the page and send it again", accord.ErrForbidden)
	}
	return v, nil
}

var errSignIn = errors.New("sign in first")

// postedID reads the id in the path of a form posted to a record's page,
// and who posted it, whose form is checked.
func postedID(w http.ResponseWriter, r *http.Request) (int64, visitor, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, visitor{}, err
	}
	v, err := checkForm(w, r)
	return id, v, err
}

// editableForm checks a form posted to the page of the record load finds
// by the id in the path, and returns who posted it and the record: one
// the poster may change, an editor of every instrument instruments lists
// of it (what names such records in the refusal).
func editableForm[T any](w http.ResponseWriter, r *http.Request, what string, load func(context.Context, string) (T, error), instruments func(T) []string) (visitor, T, error) {
	var rec T
	v, err := checkForm(w, r)
	if err != nil {
		return v, rec, err
	}
	if rec, err = load(r.Context(), r.PathValue("id")); err != nil {
		return v, rec, err
	}
	if ins := instruments(rec); !canEditAll(v.user, ins) {
		return v, rec, fmt.Errorf("%w: %s may not change %s of the %s", accord.ErrForbidden, v.user.Name, what, instrumentNames(ins))
	}
	return v, rec, nil
}

type signinPage struct {
	page
	Error string
	Next  string
	OIDC  string // the identity provider's name, when there is one
	Form  string // the token the form and the visitor's sign-in cookie carry
}

func (s *Server) signinForm(w http.ResponseWriter, r *http.Request) error {
	tok, err := signinToken(w, r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "signin", signinPage{page: s.page(r, "Sign in"), Next: localPath(r.URL.Query().Get("next")), Form: tok, OIDC: s.oidcLabel()})
}

// signinCookie names the cookie that holds the sign-in form's token
// before any session exists. The form posts the token back beside the
// cookie; another site's form can carry neither (it cannot read the
// cookie, nor set it: on HTTPS the __Host- prefix keeps even sibling
// hosts from setting it), so nobody can sign a visitor in to an account
// of their choosing.
func signinCookie(r *http.Request) string {
	if isHTTPS(r) {
		return "__Host-accord_signin"
	}
	return "accord_signin"
}

// signinToken returns the visitor's sign-in token, given a new one when
// the visitor has none, so that several open forms share one.
func signinToken(w http.ResponseWriter, r *http.Request) (string, error) {
	if c, err := r.Cookie(signinCookie(r)); err == nil && len(c.Value) == tokenLen {
		return c.Value, nil
	}
	tok, err := random()
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{Name: signinCookie(r), Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	return tok, nil
}

// tokenLen is the length of what random returns.
const tokenLen = 43

// maxNext is the longest path sign-in goes on to; the pages' own paths
// are far shorter.
const maxNext = 2048

// localPath keeps only a path on this site, so that sign-in never
// redirects elsewhere; anything else becomes "/". Browsers drop tabs and
// newlines from a URL and read a backslash as a slash, so "/\t/evil" and
// "/\\evil" lead to another host: a path must start with one slash, hold
// printable ASCII only, and have no backslash, no control character and
// no "//", neither as written nor once its percent-encoding is undone,
// however many times over.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || len(p) > maxNext {
		return "/"
	}
	for i := 0; i < len(p); i++ {
		if p[i] <= ' ' || p[i] >= 0x7f {
			return "/"
		}
	}
	for s := p; ; {
		if strings.Contains(s, "//") || strings.Contains(s, "\\") || strings.ContainsFunc(s, unicode.IsControl) {
			return "/"
		}
		d, err := url.PathUnescape(s)
		if err != nil {
			return "/"
		}
		if d == s {
			break
		}
		s = d
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return p
}

func (s *Server) signin(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: the form could not be read", accord.ErrInvalid)
	}
	next := localPath(r.PostForm.Get("next"))
	form, err := signinToken(w, r)
	if err != nil {
		return err
	}
	if c, err := r.Cookie(signinCookie(r)); err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostForm.Get("csrf"))) != 1 {
		return s.render(w, http.StatusForbidden, "signin", signinPage{page: s.page(r, "Sign in"),
			Error: "This sign-in form was stale or came from another site: sign in again here.", Next: next, Form: form})
	}
	token := strings.TrimSpace(r.PostForm.Get("token"))
	u, err := s.store.UserByToken(r.Context(), auth.Hash(token))
	if token == "" || errors.Is(err, accord.ErrNotFound) {
		return s.render(w, http.StatusUnauthorized, "signin", signinPage{page: s.page(r, "Sign in"), Error: "That token is not one of an account here.", Next: next, Form: form})
	}
	if errors.Is(err, accord.ErrExpired) {
		return s.render(w, http.StatusUnauthorized, "signin", signinPage{page: s.page(r, "Sign in"), Error: "That token has expired or was revoked: ask an admin for a new one.", Next: next, Form: form})
	}
	if err != nil {
		return err
	}
	return s.startSession(w, r, accord.Session{UserID: u.ID, TokenID: u.TokenID, Via: "token"}, next)
}

// startSession signs a visitor in with a new session and sends it on to
// next.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, ss accord.Session, next string) error {
	id, err := random()
	if err != nil {
		return err
	}
	if ss.CSRF, err = random(); err != nil {
		return err
	}
	ss.IDHash, ss.Expires, ss.Idle = auth.Hash(id), time.Now().Add(s.cfg.SessionMaxAge), s.cfg.SessionIdle
	if err := s.store.CreateSession(r.Context(), ss); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: "/", Expires: ss.Expires, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: isHTTPS(r)})
	http.SetCookie(w, &http.Cookie{Name: signinCookie(r), Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) signout(w http.ResponseWriter, r *http.Request) error {
	if _, err := checkForm(w, r); err != nil {
		return err
	}
	if c, err := r.Cookie(cookieName); err == nil {
		if err := s.store.DeleteSession(r.Context(), auth.Hash(c.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isHTTPS(r)})
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
