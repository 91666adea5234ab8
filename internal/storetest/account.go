package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/accordmea/accord"
)

// audited returns the audit entries of action, newest first.
func audited(t *testing.T, s accord.Store, action string) []accord.AuditEntry {
	t.Helper()
	log, err := s.AuditLog(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []accord.AuditEntry
	for _, e := range log {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// testSessionsExpire: a session ends at its expiry, or when no request
// came for its idle timeout; a request within it keeps it alive.
func testSessionsExpire(t *testing.T, s accord.Store) {
	ctx := context.Background()
	u, err := s.AddUser(ctx, accord.User{Name: "sam", Role: accord.RoleAdmin}, tok(strings.Repeat("12", 32)))
	if err != nil {
		t.Fatal(err)
	}
	const idle = time.Second // stores keep whole seconds
	for _, ss := range []accord.Session{
		{UserID: u.ID, IDHash: "idle", CSRF: "c1", Expires: time.Now().Add(time.Hour), Idle: idle, Via: "token"},
		{UserID: u.ID, IDHash: "kept", CSRF: "c2", Expires: time.Now().Add(time.Hour), Idle: idle, Via: "token"},
		{UserID: u.ID, IDHash: "short", CSRF: "c3", Expires: time.Now().Add(idle), Via: "oidc"},
	} {
		if err := s.CreateSession(ctx, ss); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(audited(t, s, "sign in")); n != 3 {
		t.Errorf("%d sign-ins audited, want 3", n)
	}
	for _, id := range []string{"idle", "kept", "short"} {
		if _, _, err := s.Session(ctx, id); err != nil {
			t.Errorf("Session(%s) at once: %v", id, err)
		}
	}
	// "kept" is used every third of its idle timeout; "idle" not at all.
	for range 3 {
		time.Sleep(idle / 3)
		if _, _, err := s.Session(ctx, "kept"); err != nil {
			t.Fatalf("Session(kept) in use: %v", err)
		}
	}
	time.Sleep(idle / 10)
	for _, id := range []string{"idle", "short"} {
		if _, _, err := s.Session(ctx, id); !errors.Is(err, accord.ErrExpired) {
			t.Errorf("Session(%s) after %v: err = %v, want ErrExpired", id, idle, err)
		}
	}
	if _, _, err := s.Session(ctx, "kept"); err != nil {
		t.Errorf("Session(kept), used within its idle timeout: %v", err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID + 100, IDHash: "nobody", CSRF: "c", Expires: time.Now().Add(time.Hour)}); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("CreateSession of no account: err = %v", err)
	}
}

// testTokens: a token works until it expires or is revoked (by id, by
// prefix, or all of an account's); revoking one ends the sessions signed
// in with it; each new token and each revocation is in the audit log.
func testTokens(t *testing.T, s accord.Store) {
	ctx := context.Background()
	tk := func(c byte, ttl time.Duration) accord.Token {
		return accord.Token{Hash: strings.Repeat(string(c), 64), Prefix: "acc_" + strings.Repeat(string(c), 8), Expires: time.Now().Add(ttl)}
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "jo", Role: accord.RoleEditor}, tk('a', time.Hour)); err != nil {
		t.Fatal(err)
	}
	u, err := s.UserByToken(ctx, strings.Repeat("a", 64))
	if err != nil || u.Name != "jo" || u.TokenID == 0 {
		t.Fatalf("UserByToken(a) = %+v, %v", u, err)
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "late", Role: accord.RoleEditor}, tk('z', -time.Second)); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("AddUser with a token expired already: err = %v", err)
	}
	short := tk('b', 300*time.Millisecond)
	short.User = "jo"
	if _, err := s.AddToken(ctx, "admin", short); err != nil {
		t.Fatal(err)
	}
	for _, c := range "cde" {
		x := tk(byte(c), time.Hour)
		x.User = "jo"
		if _, err := s.AddToken(ctx, "admin", x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddToken(ctx, "admin", accord.Token{User: "nobody", Hash: strings.Repeat("f", 64), Expires: time.Now().Add(time.Hour)}); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("AddToken for no account: err = %v", err)
	}
	if _, err := s.UserByToken(ctx, short.Hash); err != nil {
		t.Errorf("UserByToken(b) before its expiry: %v", err)
	}
	time.Sleep(400 * time.Millisecond)
	if _, err := s.UserByToken(ctx, short.Hash); !errors.Is(err, accord.ErrExpired) || !strings.Contains(err.Error(), "expired") {
		t.Errorf("UserByToken(b) after its expiry: err = %v, want ErrExpired", err)
	}
	// A session signed in with token c ends when c is revoked.
	c, _ := s.UserByToken(ctx, strings.Repeat("c", 64))
	if err := s.CreateSession(ctx, accord.Session{UserID: c.ID, TokenID: c.TokenID, IDHash: "by-c", CSRF: "x", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: c.ID, IDHash: "by-oidc", CSRF: "y", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RevokeTokens(ctx, "admin", accord.TokenFilter{ID: c.TokenID}); err != nil || n != 1 {
		t.Errorf("RevokeTokens(id %d) = %d, %v", c.TokenID, n, err)
	}
	if _, err := s.UserByToken(ctx, strings.Repeat("c", 64)); !errors.Is(err, accord.ErrExpired) || !strings.Contains(err.Error(), "revoked") {
		t.Errorf("UserByToken(c) revoked: err = %v", err)
	}
	if _, _, err := s.Session(ctx, "by-c"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("session of a revoked token: err = %v, want ErrNotFound", err)
	}
	if _, _, err := s.Session(ctx, "by-oidc"); err != nil {
		t.Errorf("another session of the account: %v", err)
	}
	// By prefix: the whole token, or its first characters.
	if n, err := s.RevokeTokens(ctx, "admin", accord.TokenFilter{Prefix: "acc_dddddddd-and-the-rest"}); err != nil || n != 1 {
		t.Errorf("RevokeTokens(prefix d) = %d, %v", n, err)
	}
	if _, err := s.UserByToken(ctx, strings.Repeat("d", 64)); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("UserByToken(d) revoked by prefix: err = %v", err)
	}
	for _, bad := range []accord.TokenFilter{{}, {Prefix: "acc_dd"}, {Prefix: "dddddddddddd"}, {ID: 1, User: "jo"}} {
		if _, err := s.RevokeTokens(ctx, "admin", bad); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("RevokeTokens(%+v): err = %v, want ErrInvalid", bad, err)
		}
	}
	for _, none := range []accord.TokenFilter{{ID: 9999}, {Prefix: "acc_xxxxxxxx"}, {User: "nobody"}} {
		if _, err := s.RevokeTokens(ctx, "admin", none); !errors.Is(err, accord.ErrNotFound) {
			t.Errorf("RevokeTokens(%+v): err = %v, want ErrNotFound", none, err)
		}
	}
	// All of an account's: a and e are live still (b expired, c and d revoked).
	if n, err := s.RevokeTokens(ctx, "admin", accord.TokenFilter{User: "jo"}); err != nil || n != 3 {
		t.Errorf("RevokeTokens(user jo) = %d, %v; want 3 (a, b expired but not revoked, e)", n, err)
	}
	if n, err := s.RevokeTokens(ctx, "admin", accord.TokenFilter{User: "jo"}); err != nil || n != 0 {
		t.Errorf("RevokeTokens(user jo) again = %d, %v; want 0", n, err)
	}
	for _, c := range "ae" {
		if _, err := s.UserByToken(ctx, strings.Repeat(string(c), 64)); !errors.Is(err, accord.ErrExpired) {
			t.Errorf("UserByToken(%c) after revoking jo's: err = %v", c, err)
		}
	}
	if n := len(audited(t, s, "revoke token")); n != 5 {
		t.Errorf("%d revocations audited, want 5", n)
	}
	if n := len(audited(t, s, "add token")); n != 4 {
		t.Errorf("%d new tokens audited, want 4", n)
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 1 || len(users[0].Tokens) != 5 {
		t.Fatalf("Users() = %+v, %v", users, err)
	}
	for _, tk := range users[0].Tokens {
		if tk.Revoked.IsZero() || tk.User != "jo" || tk.Expires.IsZero() || len(tk.Prefix) != 12 {
			t.Errorf("token listed %+v", tk)
		}
	}
}

// testRemoveUser: a removed account's tokens and sessions stop working,
// its history stays, and its name is not given again.
func testRemoveUser(t *testing.T, s accord.Store) {
	ctx := context.Background()
	u, err := s.AddUser(ctx, accord.User{Name: "rex", Role: accord.RoleEditor, Instruments: []string{"minamata"}}, tok(strings.Repeat("7", 64)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, accord.Source{Name: "a.txt"}, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	st := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &st, Who: "rex", Why: "done"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "rex-session", CSRF: "x", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(ctx, "admin", "rex"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserByToken(ctx, strings.Repeat("7", 64)); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("token of a removed account: err = %v", err)
	}
	if _, _, err := s.Session(ctx, "rex-session"); err == nil {
		t.Errorf("session of a removed account still works")
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "again", CSRF: "x", Expires: time.Now().Add(time.Hour)}); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("new session of a removed account: err = %v", err)
	}
	if _, err := s.AddToken(ctx, "admin", accord.Token{User: "rex", Hash: strings.Repeat("8", 64), Expires: time.Now().Add(time.Hour)}); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("new token of a removed account: err = %v", err)
	}
	if err := s.RemoveUser(ctx, "admin", "rex"); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("removing twice: err = %v", err)
	}
	if err := s.RemoveUser(ctx, "admin", "nobody"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("removing no one: err = %v", err)
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "rex", Role: accord.RoleEditor}, tok(strings.Repeat("9", 64))); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("a new account of a removed one's name: err = %v", err)
	}
	m, err := s.Mandate(ctx, id)
	if err != nil || len(m.History) != 1 || m.History[0].Who != "rex" {
		t.Errorf("history of the removed account's change: %+v, %v", m.History, err)
	}
	if rm := audited(t, s, "remove user"); len(rm) != 1 || rm[0].Who != "admin" || rm[0].After != `{"sessions_ended":1,"tokens_revoked":1}` {
		t.Errorf("removal audited as %+v", rm)
	}
	if len(audited(t, s, "update mandate")) != 1 {
		t.Errorf("the removed account's audit history is gone")
	}
	users, _ := s.Users(ctx)
	if len(users) != 1 || users[0].Removed.IsZero() {
		t.Errorf("Users() = %+v, want rex, removed", users)
	}
}

// testUserBySubject: the first sign-in of a subject makes its account;
// later ones take the role and instruments the identity provider gives.
func testUserBySubject(t *testing.T, s accord.Store) {
	ctx := context.Background()
	in := accord.User{Name: "ana", Role: accord.RoleEditor, Instruments: []string{"minamata"}, Subject: "https://idp.example 42"}
	u, err := s.UserBySubject(ctx, in)
	if err != nil || u.ID == 0 || u.Name != "ana" || u.Subject != in.Subject {
		t.Fatalf("UserBySubject (first) = %+v, %v", u, err)
	}
	again, err := s.UserBySubject(ctx, in)
	if err != nil || again.ID != u.ID {
		t.Errorf("UserBySubject (again) = %+v, %v", again, err)
	}
	in.Role, in.Instruments = accord.RoleAdmin, nil
	up, err := s.UserBySubject(ctx, in)
	if err != nil || up.ID != u.ID || up.Role != accord.RoleAdmin {
		t.Errorf("UserBySubject (now admin) = %+v, %v", up, err)
	}
	if n := len(audited(t, s, "update user")); n != 1 {
		t.Errorf("%d role changes audited, want 1", n)
	}
	if n := len(audited(t, s, "add user")); n != 1 {
		t.Errorf("%d accounts made audited, want 1", n)
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "bo", Role: accord.RoleEditor}, tok(strings.Repeat("5", 64))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserBySubject(ctx, accord.User{Name: "bo", Role: accord.RoleEditor, Subject: "https://idp.example 43"}); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("a subject named like a token account: err = %v, want ErrConflict", err)
	}
	if _, err := s.UserBySubject(ctx, accord.User{Name: "bad name", Role: accord.RoleEditor, Subject: "x"}); !errors.Is(err, accord.ErrInvalid) {
		t.Errorf("bad name: err = %v", err)
	}
	if err := s.RemoveUser(ctx, "admin", "ana"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserBySubject(ctx, in); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("a removed subject signs in: err = %v, want ErrExpired", err)
	}
}

func testUsers(t *testing.T, s accord.Store) {
	ctx := context.Background()
	hash := strings.Repeat("ab", 32)
	u, err := s.AddUser(ctx, accord.User{Name: "jane", Role: accord.RoleEditor, Instruments: []string{"minamata", "basel"}}, tok(hash))
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 {
		t.Errorf("AddUser gave no id")
	}
	got, err := s.UserByToken(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "jane" || got.Role != accord.RoleEditor || strings.Join(got.Instruments, ",") != "minamata,basel" || got.Created.IsZero() {
		t.Errorf("UserByToken = %+v", got)
	}
	if !got.CanEdit("basel") || got.CanEdit("cbd") {
		t.Errorf("editor of minamata and basel: CanEdit(basel) %v, CanEdit(cbd) %v", got.CanEdit("basel"), got.CanEdit("cbd"))
	}
	if _, err := s.UserByToken(ctx, strings.Repeat("cd", 32)); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("unknown token: err = %v", err)
	}
	if _, err := s.AddUser(ctx, accord.User{Name: "jane", Role: accord.RoleAdmin}, tok(strings.Repeat("ef", 32))); !errors.Is(err, accord.ErrConflict) {
		t.Errorf("duplicate name: err = %v", err)
	}
	for _, bad := range []accord.User{{Name: "x", Role: "boss"}, {Name: "two words", Role: accord.RoleAdmin}, {Name: "", Role: accord.RoleAdmin}} {
		if _, err := s.AddUser(ctx, bad, tok(strings.Repeat("01", 32))); !errors.Is(err, accord.ErrInvalid) {
			t.Errorf("AddUser(%+v) err = %v", bad, err)
		}
	}
	users, err := s.Users(ctx)
	if err != nil || len(users) != 1 {
		t.Errorf("Users() = %v, %v", users, err)
	}
	if _, err := s.Ingest(ctx, src, []accord.Decision{withMandates(sample("MC-6/3", "minamata", "COP-6", "x"), "COP-7")}); err != nil {
		t.Fatal(err)
	}
	id := mandatesOf(t, s, accord.MandateFilter{})[0].ID
	st := accord.StatusCompleted
	if _, err := s.UpdateMandate(ctx, id, accord.MandateUpdate{Status: &st, Who: "jane", Why: "done"}); err != nil {
		t.Fatal(err)
	}
	log, err := s.AuditLog(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 || log[0].Action != "update mandate" || log[0].Who != "jane" || !strings.Contains(log[0].Before, `"status":"open"`) ||
		!strings.Contains(log[0].After, `"status":"completed"`) || log[1].Action != "ingest" || log[1].Target != "source meeting.txt" ||
		!strings.Contains(log[1].After, `"decisions":["MC-6/3"]`) || log[2].Action != "add user" || log[2].Target != "user jane" {
		t.Errorf("audit log = %+v", log)
	}
	// The next page starts after the last entry of the one before.
	older, err := s.AuditLogBefore(ctx, log[0].ID, 1)
	if err != nil || len(older) != 1 || older[0].ID != log[1].ID || older[0].Action != "ingest" {
		t.Errorf("AuditLogBefore(%d, 1) = %+v, %v; want the ingest", log[0].ID, older, err)
	}
	if oldest, err := s.AuditLogBefore(ctx, log[2].ID, 10); err != nil || len(oldest) != 0 {
		t.Errorf("AuditLogBefore(%d, 10) = %+v, %v; want none", log[2].ID, oldest, err)
	}
	e := accord.AuditEntry{Who: "accord", Action: "lock out", Target: "address 192.0.2.1", After: `{"failures":10}`}
	before := time.Now().Add(-time.Minute)
	if err := s.RecordAudit(ctx, e); err != nil {
		t.Fatalf("RecordAudit: %v", err)
	}
	log, err = s.AuditLog(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := log[0]; got.Who != e.Who || got.Action != e.Action || got.Target != e.Target || got.After != e.After || got.At.Before(before) {
		t.Errorf("after RecordAudit(%+v), AuditLog = %+v", e, got)
	}
}

func testSessions(t *testing.T, s accord.Store) {
	ctx := context.Background()
	u, err := s.AddUser(ctx, accord.User{Name: "sam", Role: accord.RoleAdmin}, tok(strings.Repeat("12", 32)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "live", CSRF: "csrf1", Expires: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, accord.Session{UserID: u.ID, IDHash: "old", CSRF: "csrf2", Expires: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got, csrf, err := s.Session(ctx, "live")
	if err != nil || got.Name != "sam" || csrf != "csrf1" {
		t.Errorf("Session(live) = %+v %q %v", got, csrf, err)
	}
	if _, _, err := s.Session(ctx, "old"); !errors.Is(err, accord.ErrExpired) {
		t.Errorf("expired session: err = %v", err)
	}
	if err := s.DeleteSession(ctx, "live"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, "live"); err != nil {
		t.Errorf("DeleteSession of a session gone: %v", err)
	}
	if out := audited(t, s, "sign out"); len(out) != 1 || out[0].Who != "sam" {
		t.Errorf("sign-outs audited: %+v, want one of sam", out)
	}
	if _, _, err := s.Session(ctx, "live"); !errors.Is(err, accord.ErrNotFound) {
		t.Errorf("deleted session: err = %v", err)
	}
}
