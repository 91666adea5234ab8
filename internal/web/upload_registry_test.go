package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"
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
	ct, body := multipart(t, "reefs.txt", data, csrf)
	req, _ := http.NewRequest("POST", srv.URL+"/upload", body)
	req.Header.Set("Content-Type", ct)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err := html.Parse(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, td := range all(doc, "table.preview td") {
		if attr(td, "data-label") == "Mandates" {
			got = append(got, strings.TrimSpace(text(td)))
		}
	}
	if resp.StatusCode != http.StatusOK || len(got) != 1 || got[0] != "1" {
		t.Errorf("preview: %d, mandates %q, want one decision with 1", resp.StatusCode, got)
	}
}
