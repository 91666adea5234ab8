package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/accordmea/accord"
)

// Proxies are the addresses of the reverse proxies whose
// X-Forwarded-Proto is believed: the proxy that ends TLS in front of
// accord says so that the reader came over HTTPS. From anyone else the
// header is ignored, or any client could claim HTTPS.
type Proxies []netip.Prefix

// ParseProxies reads a comma-separated list of CIDR prefixes
// ("10.0.0.0/8") and single addresses ("192.168.1.1", "::1"); "" trusts
// no proxy.
func ParseProxies(s string) (Proxies, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var ps Proxies
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		p, err := netip.ParsePrefix(f)
		if err != nil {
			a, aerr := netip.ParseAddr(f)
			if aerr != nil {
				return nil, fmt.Errorf("%w: trusted proxy %q: want an address or a CIDR prefix such as 10.0.0.0/8", accord.ErrInvalid, f)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		ps = append(ps, p.Masked())
	}
	return ps, nil
}

func (ps Proxies) trusts(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// https reports whether r came over HTTPS: to this server, or to a
// trusted proxy that says so. A proxy appends to the header, so its own
// word is the last value.
func (ps Proxies) https(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	vs := r.Header.Values("X-Forwarded-Proto")
	if len(vs) == 0 || !ps.trusts(r.RemoteAddr) {
		return false
	}
	last := vs[len(vs)-1]
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	return strings.EqualFold(strings.TrimSpace(last), "https")
}

type httpsKey struct{}

// isHTTPS reports whether r came over HTTPS, as Secure found it; without
// Secure in front, only a TLS connection of its own counts.
func isHTTPS(r *http.Request) bool {
	https, _ := r.Context().Value(httpsKey{}).(bool)
	return https || r.TLS != nil
}

// hstsAge is how long, in seconds, a browser that reached accord over
// HTTPS keeps to HTTPS: two years.
const hstsAge = 63072000

// Secure wraps everything accord serves (pages, API, static files,
// errors) so that every response tells browsers not to frame it, not to
// guess its type and not to send its address to other sites; a response
// that came over HTTPS also tells them to keep to HTTPS. Pages replace
// the strict Content-Security-Policy set here by their own, which keeps
// frame-ancestors 'none'. Sessions made behind Secure get Secure cookies
// over HTTPS.
func Secure(h http.Handler, trusted Proxies) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		hd.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		https := trusted.https(r)
		if https {
			hd.Set("Strict-Transport-Security", fmt.Sprintf("max-age=%d", hstsAge))
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), httpsKey{}, https)))
	})
}

// ClientIP is the address of the client that sent r. Behind a trusted
// proxy the connection's address is the proxy's, so the client is read
// from X-Forwarded-For: each proxy appends the address it was reached
// from, so the list is read from its end, past the proxies trusted, and
// the first address no trusted proxy holds is the client's. Anyone else's
// X-Forwarded-For is ignored, or any client could name itself another
// and escape its limits.
func (ps Proxies) ClientIP(r *http.Request) string {
	remote, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		remote = r.RemoteAddr
	}
	if !ps.trusts(r.RemoteAddr) {
		return remote
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		for _, h := range strings.Split(v, ",") {
			hops = append(hops, strings.TrimSpace(h))
		}
	}
	client := remote
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(hops[i])
		if err != nil {
			break // what a client wrote: the last good hop stands
		}
		client = a.Unmap().String()
		if !ps.trusts(client) {
			break
		}
	}
	return client
}
