package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
)

// Most CLI tests call run in this process with buffers for stdout and
// stderr: no binary to build, no process to start, and tests that touch
// no process-wide state run in parallel. A few end-to-end tests
// (e2e_process_test.go, cosign_e2e_test.go) run the built binary, for what
// only a real process shows: its exit status, its signal handling, and a
// bundle checked by upstream cosign.

// isolatedEnv are the variables annexa itself reads (the signing key's
// password, cosign's name for it); no test inherits them from the
// environment go test runs in.
var isolatedEnv = []string{"COSIGN_PASSWORD"}

// startEnv and startDir are the environment and the working directory
// (this package's) the test binary started with, for go build.
var (
	startEnv []string
	startDir string
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	// As for a binary started with no stdin: not a terminal, so annexa
	// never prompts for a password, whatever go test was started from.
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer devNull.Close()
	os.Stdin = devNull
	startEnv = os.Environ()
	if startDir, err = os.Getwd(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, name := range isolatedEnv {
		os.Unsetenv(name)
	}
	// Every run compiles the policies, which allocates a lot: collecting
	// less often cuts the package's CPU time by about a quarter for a few
	// hundred MB more memory. GOGC, when set, still decides.
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(400)
	}
	defer func() {
		if binaryDir != "" {
			os.RemoveAll(binaryDir)
		}
	}()
	return m.Run()
}

type result struct {
	stdout, stderr string
	code           int
}

// invocation is how an in-process run differs from a plain one.
type invocation struct {
	// dir is the working directory of the run; empty keeps the package
	// directory. The test goes back to the package directory after the run.
	dir string
	// env holds NAME=value settings; with exactEnv, the variables of
	// isolatedEnv it does not set are unset, as for a process given exactly
	// env.
	env      []string
	exactEnv bool
}

// annexa runs the CLI in this process, in the package directory, with the
// test process's environment. It is safe in parallel tests.
func annexa(t *testing.T, args ...string) result {
	t.Helper()
	return annexaWith(t, invocation{}, args...)
}

// annexaIn runs the CLI in dir with exactly env among annexa's own
// variables and HOME set to dir. It changes the working directory and the
// environment, so the test must not be parallel (t.Chdir and t.Setenv
// enforce that).
func annexaIn(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return annexaWith(t, invocation{dir: dir, env: append([]string{"HOME=" + dir}, env...), exactEnv: true}, args...)
}

// annexaEnv runs the CLI with extra environment variables; the test must
// not be parallel.
func annexaEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return annexaWith(t, invocation{env: env}, args...)
}

// annexaWith runs the CLI in this process as inv says and returns its
// output and exit code. A panic fails the test and, as in the binary, gives
// exit code 2 with the panic on stderr.
func annexaWith(t *testing.T, inv invocation, args ...string) (res result) {
	t.Helper()
	set := map[string]bool{}
	for _, kv := range inv.env {
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("environment setting %q is not NAME=value", kv)
		}
		t.Setenv(name, value)
		set[name] = true
	}
	if inv.exactEnv {
		for _, name := range isolatedEnv {
			if !set[name] {
				t.Setenv(name, "") // restored after the test
				os.Unsetenv(name)
			}
		}
	}
	if inv.dir != "" {
		back, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		t.Chdir(inv.dir)
		defer func() {
			if err := os.Chdir(back); err != nil {
				t.Fatal(err)
			}
		}()
	}
	var stdout, stderr bytes.Buffer
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("annexa %q panicked: %v", args, p)
			fmt.Fprintf(&stderr, "panic: %v\n\n%s", p, debug.Stack())
			res = result{stdout: stdout.String(), stderr: stderr.String(), code: 2}
		}
	}()
	code := run(t.Context(), args, &stdout, &stderr)
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// The end-to-end tests run the binary, built once on first use.
var (
	buildOnce sync.Once
	binaryDir string
	binary    string
	buildErr  error
)

// builtBinary returns the path of annexa built from this package.
func builtBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binaryDir, buildErr = os.MkdirTemp("", "annexa-e2e-")
		if buildErr != nil {
			return
		}
		binary = filepath.Join(binaryDir, "annexa")
		// As go test started: a test may have changed the working directory
		// or HOME, where the build cache lives.
		build := exec.Command("go", "build", "-o", binary, ".")
		build.Dir, build.Env = startDir, startEnv
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build annexa: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// annexaBinary runs the built binary in dir with exactly env (plus PATH and
// HOME=dir), stdin not a terminal.
func annexaBinary(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(builtBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	return runBinary(t, cmd)
}

// runBinary runs a prepared annexa command and returns its output and exit
// code; only a failure to start it fails the test.
func runBinary(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run annexa %v: %v", cmd.Args[1:], err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}
