// Command repeated writes a PDF of many pages that all draw one shared
// content stream (testpdf.Repeated): a small file that expands, for
// measuring by hand how accord refuses one (see .ci/expanding).
//
//	go run ./internal/testpdf/repeated -pages 200000 -lines 2 >huge.pdf
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/accordmea/accord/internal/testpdf"
)

func main() {
	pages := flag.Int("pages", 200000, "number of `pages`")
	lines := flag.Int("lines", 2, "`lines` of text on each page, up to 700")
	flag.Parse()
	ls := []string{"Decision MC-7/9: Pages", "The Conference of the Parties,"}
	for len(ls) < *lines {
		ls = append(ls, "1. Requests the secretariat to report on the implementation of this decision at its next meeting.")
	}
	if _, err := os.Stdout.Write(testpdf.Repeated(*pages, ls[:*lines]...)); err != nil {
		fmt.Fprintln(os.Stderr, "repeated:", err)
		os.Exit(1)
	}
}
