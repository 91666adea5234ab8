package web

import (
	"net/http/httptest"
	"testing"
)

// TestClientIP: X-Forwarded-For counts only from a trusted proxy, read
// from its end past the proxies trusted; a client cannot name itself
// another by writing the header, directly or through the proxy.
func TestClientIP(t *testing.T) {
	trusted, err := ParseProxies("10.0.0.0/8,::1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, remote string
		xff          []string
		want         string
	}{
		{"no proxy", "203.0.113.7:4000", nil, "203.0.113.7"},
		{"untrusted sender's header ignored", "203.0.113.7:4000", []string{"198.51.100.1"}, "203.0.113.7"},
		{"through the proxy", "10.0.0.2:4000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"a client's own claim before the proxy's", "10.0.0.2:4000", []string{"192.0.2.66, 198.51.100.1"}, "198.51.100.1"},
		{"two trusted proxies", "10.0.0.2:4000", []string{"198.51.100.1, 10.0.0.9"}, "198.51.100.1"},
		{"headers repeated", "10.0.0.2:4000", []string{"192.0.2.66", "198.51.100.1"}, "198.51.100.1"},
		{"garbage after the client", "10.0.0.2:4000", []string{"198.51.100.1, bogus"}, "10.0.0.2"},
		{"proxy without header", "10.0.0.2:4000", nil, "10.0.0.2"},
		{"IPv6 proxy", "[::1]:4000", []string{"2001:db8::5"}, "2001:db8::5"},
		{"IPv4-mapped", "10.0.0.2:4000", []string{"::ffff:198.51.100.1"}, "198.51.100.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := trusted.ClientIP(r); got != tt.want {
				t.Errorf("ClientIP(%s, %q) = %q, want %q", tt.remote, tt.xff, got, tt.want)
			}
		})
	}
}
