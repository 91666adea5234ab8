// Package sample bundles accord's demo sample: the three documents accord
// was created from (a Minamata Convention note with a draft decision on
// international cooperation, the Basel, Rotterdam and Stockholm joint
// working group's recommendation on cooperation and coordination, and
// Cartagena Protocol decision BS-IV/6). It must not import anything but
// the standard library.
package sample

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed files/*.txt
var files embed.FS

// File is one bundled file.
type File struct {
	Name string // "sample/minamata-cop6-cooperation-draft.txt"
	Data []byte
}

// Files returns the bundled files in name order.
func Files() []File {
	entries, _ := fs.ReadDir(files, "files")
	var out []File
	for _, e := range entries {
		data, err := files.ReadFile("files/" + e.Name())
		if err != nil {
			panic("sample: embedded file unreadable: " + err.Error())
		}
		out = append(out, File{Name: "sample/" + e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
