package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestUploadPreviewCountsWithTheStoreRegistry: the preview of an upload
// counts the mandates storing it will extract, with the actors the store
// knows: a body a user added is asked in "Requests that the work … of
// the Reef Alliance be completed", which the bundled actors alone do not
// tell.
func TestUploadPreviewCountsWithTheStoreRegistry(t *testing.T) {
	srv, st := newSite(t)
	if err := st.AddActor(context.Background(), "reef-alliance", []string{"reef alliance"}); err != nil {
		t.Fatal(err)
	}
	c, csrf := signIn(t, srv, st, "jo", "minamata")
	data := []byte("Decision MC-7/8: Reefs\n\nThe Conference of the Parties,\n\n1. Requests that the work on bleaching of the Reef Alliance be completed.\n")
	code, doc := upload(t, c, srv, "reefs.txt", data, csrf)
	var got []string
	for _, td := range all(doc, "table.preview td") {
		if attr(td, "data-label") == "Mandates" {
			got = append(got, strings.TrimSpace(text(td)))
		}
	}
	if code != http.StatusOK || len(got) != 1 || got[0] != "1" {
		t.Errorf("preview: %d, mandates %q, want one decision with 1", code, got)
	}
}
