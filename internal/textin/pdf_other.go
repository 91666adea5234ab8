//go:build !unix

package textin

import (
	"context"
	"os/exec"
)

// toolCommand makes the command that runs bin, killed when ctx is done.
// Outside Unix its memory and CPU time are not limited.
func toolCommand(ctx context.Context, _ Limits, bin string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, bin, args...)
}

// stoppedByLimit reports false: outside Unix no limit stops a tool.
func stoppedByLimit(error, string) (string, bool) { return "", false }
