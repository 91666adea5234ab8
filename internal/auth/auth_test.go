package auth

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestToken(t *testing.T) {
	a, ha, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	b, hb, _ := NewToken()
	if a == b || ha == hb || !strings.HasPrefix(a, "acc_") || len(ha) != 64 || Hash(a) != ha || strings.Contains(ha, a) {
		t.Errorf("tokens %q %q hashes %q %q", a, b, ha, hb)
	}
}

func TestBearer(t *testing.T) {
	tests := []struct{ header, want string }{
		{"Bearer acc_x", "acc_x"}, {"bearer  acc_y ", "acc_y"}, {"Basic dXNlcg==", ""}, {"", ""}, {"Bearer", ""},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Authorization", tt.header)
		if got := Bearer(r); got != tt.want {
			t.Errorf("Bearer(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}
