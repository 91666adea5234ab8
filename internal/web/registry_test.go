package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordmea/accord/internal/records"
	"github.com/accordmea/accord/internal/store"
)

// TestRegistryPage: the registry's index links every kind of record to a
// page that answers, and names each by the type accord import and export
// know it as.
func TestRegistryPage(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "accord.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv := httptest.NewServer(New(st, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)

	code, body := get(t, srv, "/registry")
	if code != 200 {
		t.Fatalf("/registry = %d", code)
	}
	if !strings.Contains(string(body), `<a href="/registry">Registry</a>`) {
		t.Error("the navigation does not link the registry")
	}
	for _, k := range registryKinds {
		if !strings.Contains(string(body), `href="`+k.Href+`"`) {
			t.Errorf("/registry does not link %s", k.Href)
		}
		if code, _ := get(t, srv, k.Href); code != 200 {
			t.Errorf("%s = %d", k.Href, code)
		}
		if k.Type == "" {
			continue
		}
		if _, err := records.Lookup(k.Type); err != nil {
			t.Errorf("%s: %v", k.Name, err)
		}
		if !strings.Contains(string(body), "accord import "+k.Type+" FILE") {
			t.Errorf("/registry does not say how to import %s", k.Type)
		}
	}
}
