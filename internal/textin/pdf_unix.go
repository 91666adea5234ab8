//go:build unix

package textin

import (
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// toolCommand makes the command that runs bin within the limits l: a
// shell lowers its address space and CPU time limits and replaces itself
// with bin, in a process group of its own that is killed whole when ctx is
// done. A limit the system will not set (one its hard limit already holds
// lower, or one it does not know) is left as it is: the time limit and the
// cap on output still hold.
func toolCommand(ctx context.Context, l Limits, bin string, args ...string) *exec.Cmd {
	script := `ulimit -v ` + strconv.FormatInt(l.PDFMemory>>10, 10) + ` 2>/dev/null; ` +
		`ulimit -t ` + strconv.Itoa(max(1, int(l.PDFTime.Seconds()+0.5))) + ` 2>/dev/null; ` +
		`exec "$0" "$@"`
	cmd := exec.CommandContext(ctx, "/bin/sh", append([]string{"-c", script, bin}, args...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	return cmd
}

// stoppedByLimit reports whether a tool that failed with err, printing
// msg, was stopped by its limits: killed for its CPU time, or aborted
// for want of memory. It names the signal.
func stoppedByLimit(err error, msg string) (string, bool) {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return "", false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return "", false
	}
	switch sig := ws.Signal(); {
	case sig == syscall.SIGXCPU, sig == syscall.SIGKILL, strings.Contains(msg, "Out of memory"):
		return sig.String(), true
	}
	return "", false
}
