//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowSource is Terraform source that no bound stops for a long time:
// every iteration hashes a 1 MB string, so only the deadline, or a signal,
// ends it.
const slowSource = `locals {
  kb  = format("%01000d", 0)
  big = join("", [for i in range(1000) : local.kb])
  l   = range(1000)
  x   = [for a in local.l : [for b in local.l : sha256("${local.big}${a}${b}")]]
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { n = length(local.x) }
}
`

// TestSignalStopsSourceAndFIFO: SIGINT and SIGTERM stop a run that is
// evaluating Terraform source, or waiting for a writer on a FIFO given as
// --plan, within about a second, with exit status 2 and no report.
func TestSignalStopsSourceAndFIFO(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string) []string
	}{
		{"--tf evaluating", func(t *testing.T, dir string) []string {
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(slowSource), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"check", "--tf", ".", "--format", "json=report.json"}
		}},
		{"--plan FIFO without a writer", func(t *testing.T, dir string) []string {
			if err := syscall.Mkfifo(filepath.Join(dir, "plan.json"), 0o600); err != nil {
				t.Fatal(err)
			}
			return []string{"check", "--plan", "plan.json", "--format", "json=report.json"}
		}},
	}
	for _, c := range cases {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(c.name+"/"+sig.String(), func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				args := c.setup(t, dir)
				cmd := exec.Command(builtBinary(t), args...)
				cmd.Dir = dir
				cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				// Let the run reach the evaluation or the FIFO.
				time.Sleep(3 * time.Second)
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
				if _, err := os.Stat(filepath.Join(dir, "report.json")); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("wrote report.json although the run was stopped")
				}
			})
		}
	}
}

// TestSourceBoundsCLI: Terraform source built to exhaust annexa ends, in
// the CLI, with exit status 2 and an error naming the bound and the file.
func TestSourceBoundsCLI(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"three nested 1024-element for expressions", `locals {
  l = range(1024)
  x = [for a in local.l : [for b in local.l : [for c in local.l : "${a}-${b}-${c}"]]]
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { n = length(local.x) }
}
`, "main.tf:3:"},
		{"a string doubled 30 times", doubledSource(), "returns a string longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeAt(t, dir, "main.tf", tt.src)
			start := time.Now()
			// facts: the same evaluation as check, without compiling the
			// policies alongside it.
			res := annexaGuarded(t, "facts", "--tf", dir)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) || !strings.Contains(res.stderr, "annexa stops here") {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", res.code, res.stderr, tt.want)
			}
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
}

func doubledSource() string {
	var b strings.Builder
	b.WriteString("locals {\n  s0 = \"xxxxxxxxxxxxxxxx\"\n")
	for i := 1; i <= 30; i++ {
		b.WriteString("  s" + strconv.Itoa(i) + " = \"${local.s" + strconv.Itoa(i-1) + "}${local.s" + strconv.Itoa(i-1) + "}\"\n")
	}
	b.WriteString("}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags   = { n = length(local.s30) }\n}\n")
	return b.String()
}
