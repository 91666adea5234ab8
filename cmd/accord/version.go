package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

const versionHelp = `
usage: accord version    (or accord --version)

Version prints the version accord was built as, from what the Go
toolchain recorded in the binary: the module version, the commit, its
time and whether the checkout had uncommitted changes (when built from a
version-control checkout), and the Go version that built it.
`

func runVersion(ctx context.Context, cfg *Config, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", versionHelp, stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("version takes no arguments")
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprint(stdout, versionText(bi))
	return nil
}

// versionText writes what bi records of the build; bi may be nil.
func versionText(bi *debug.BuildInfo) string {
	var b strings.Builder
	version, goVersion := "", runtime.Version()
	goos, goarch := runtime.GOOS, runtime.GOARCH
	var revision, at string
	modified := false
	if bi != nil {
		version = bi.Main.Version
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			case "GOOS":
				goos = s.Value
			case "GOARCH":
				goarch = s.Value
			}
		}
	}
	if version == "" || version == "(devel)" {
		version = "(development build)"
	}
	fmt.Fprintf(&b, "accord %s\n", version)
	if revision != "" {
		fmt.Fprintf(&b, "commit %s", revision)
		if at != "" {
			fmt.Fprintf(&b, " of %s", at)
		}
		if modified {
			b.WriteString(", with uncommitted changes")
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "built with %s %s/%s\n", goVersion, goos, goarch)
	return b.String()
}
