// Package auth makes and checks the bearer tokens of accord accounts. A
// token is shown once when made; stores keep only its hash. It must not
// import any store.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/accordmea/accord"
)

// prefix marks accord tokens, so that one pasted in the wrong place is
// recognised.
const prefix = "acc_"

// NewToken returns a new random token and the hash to store.
func NewToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("new token: %w", err)
	}
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, Hash(token), nil
}

// prefixLen is how much of a token accord keeps in the clear to name it:
// "acc_" and 8 characters, 48 of its 256 random bits.
const prefixLen = len(prefix) + 8

// New returns a new token that expires after ttl: the secret, shown once,
// and what the store keeps of it (hash, prefix and expiry).
func New(ttl time.Duration) (secret string, t accord.Token, err error) {
	secret, hash, err := NewToken()
	if err != nil {
		return "", t, err
	}
	return secret, accord.Token{Hash: hash, Prefix: secret[:prefixLen], Expires: time.Now().Add(ttl).UTC()}, nil
}

// Hash is what stores keep of a token.
func Hash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Bearer returns the token of an "Authorization: Bearer …" header, or "".
func Bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}
