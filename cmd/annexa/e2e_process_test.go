package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The end-to-end tests of what only the real process shows: the exit
// status main passes to the operating system, and a signal stopping a run.
// Everything else runs in process (run_test.go).

// TestBinaryExitCodes runs the built binary for each exit code and checks
// that the process says exactly what run says in this process.
func TestBinaryExitCodes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stdout for 0 and 1, in stderr for 2
	}{
		{"ok", []string{"check", "--plan", abs(t, compliantPlan), effective}, 0, "93 controls:"},
		{"version", []string{"--version"}, 0, "annexa "},
		{"findings at --fail-on", []string{"check", "--plan", abs(t, noncompliantPlan), effective, "--fail-on", "critical"}, 1, "A.8.24   FAIL"},
		{"usage", []string{"check", "--nope"}, 2, "unknown flag: --nope"},
		{"input", []string{"check", "--plan", abs(t, "../../testdata/bad/empty.json")}, 2, "file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			bin := annexaBinary(t, dir, nil, tc.args...)
			if bin.code != tc.code {
				t.Errorf("annexa %v: exit status %d, want %d\n%s%s", tc.args, bin.code, tc.code, bin.stdout, bin.stderr)
			}
			out := bin.stdout
			if tc.code == 2 {
				out = bin.stderr
				if bin.stdout != "" {
					t.Errorf("annexa %v printed to stdout on error: %q", tc.args, bin.stdout)
				}
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("annexa %v: output lacks %q\nstdout: %s\nstderr: %s", tc.args, tc.want, bin.stdout, bin.stderr)
			}
			if in := annexa(t, tc.args...); in != bin {
				t.Errorf("annexa %v in process differs from the binary:\nin process: exit %d\n%s%s\nbinary: exit %d\n%s%s",
					tc.args, in.code, in.stdout, in.stderr, bin.code, bin.stdout, bin.stderr)
			}
		})
	}
}

// TestSignalStopsRun interrupts the binary while an external provider
// hangs: the run stops at once, long before the provider's time limit,
// fails with exit status 2, writes no report, and leaves no provider
// process behind.
func TestSignalStopsRun(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("signals and the test providers are Unix only")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			pidFile := filepath.Join(dir, "helper.pid")
			hang := abs(t, filepath.Join(providersDir, "hostile", "annexa-provider-hang"))
			project := "version: 1\nsources:\n  - provider: hang\n    command: [" + hang + "]\n    timeout: 60s\n    env: [HANG_PIDFILE]\n"
			if err := os.WriteFile(filepath.Join(dir, "annexa.yaml"), []byte(project), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(builtBinary(t), "check", ".", "--format", "json=report.json", "--allow-commands")
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "HANG_PIDFILE=" + pidFile}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// The provider writes its helper's pid once it is running.
			var helper []byte
			for deadline := time.Now().Add(30 * time.Second); len(helper) == 0 || helper[len(helper)-1] != '\n'; {
				if time.Now().After(deadline) {
					_ = cmd.Process.Kill()
					t.Fatalf("the provider did not start within 30s\n%s", stderr.String())
				}
				time.Sleep(20 * time.Millisecond)
				helper, _ = os.ReadFile(pidFile)
			}
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("annexa did not stop within 20s of %v", sig)
			}
			// The design asks for a second; the bound leaves room for a
			// loaded machine and still fails a run that waits for the
			// provider's 60s limit.
			if took := time.Since(sent); took > 5*time.Second {
				t.Errorf("annexa took %v to stop after %v, want about a second", took, sig)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 2 {
				t.Errorf("exit after %v: %v, want exit status 2\nstderr: %s", sig, err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "context canceled") {
				t.Errorf("stderr does not say the run was stopped:\n%s", stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("printed a report after %v: %q", sig, stdout.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "report.json")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("wrote report.json although the run was stopped")
			}
			assertProcessEnds(t, strings.TrimSpace(string(helper)))
		})
	}
}

// assertProcessEnds waits a moment for process pid to end (killing is
// asynchronous) and fails the test, killing it, if it does not.
func assertProcessEnds(t *testing.T, pid string) {
	t.Helper()
	for range 300 {
		stat, err := os.ReadFile("/proc/" + pid + "/stat")
		if err != nil {
			return // gone (or no /proc: nothing to check)
		}
		// A zombie is dead; its state follows the parenthesised name.
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n, err := strconv.Atoi(pid); err == nil {
		_ = syscall.Kill(n, syscall.SIGKILL)
	}
	t.Errorf("provider helper process %s outlived the stopped run", pid)
}
