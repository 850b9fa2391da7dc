//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// credentials is what a file outside the scan root holds; it must never
// appear in annexa's output.
const credentials = "aws_secret_access_key = wJalrXUtnFEMI-K7MDENG-outside"

// TestSourceConfinementCLI replays, through the CLI, the attack that
// found the Terraform source provider reading outside its scan root: a
// symlinked *.auto.tfvars.json pointing at a credentials file, symlinks to
// a FIFO and to /proc/self/fd/0, and fileexists() and fileset() as
// oracles for what exists outside.
func TestSourceConfinementCLI(t *testing.T) {
	t.Parallel()
	useVar := "variable \"v\" {\n  default = \"d\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.v\n}\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, outside, root string)
		// code is the exit status; want is part of stderr.
		code int
		want string
	}{
		{"auto tfvars json symlinked to a credentials file", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", useVar)
			writeAt(t, outside, "credentials.json", `{"v": "`+credentials+`"}`)
			linkAt(t, filepath.Join(outside, "credentials.json"), filepath.Join(root, "prod.auto.tfvars.json"))
		}, 2, "prod.auto.tfvars.json leads outside the scan root"},
		{"auto tfvars symlinked to ~/.aws/credentials", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", useVar)
			writeAt(t, outside, ".aws/credentials", "[default]\n"+credentials+"\n")
			linkAt(t, filepath.Join(outside, ".aws", "credentials"), filepath.Join(root, "x.auto.tfvars"))
		}, 2, "x.auto.tfvars leads outside the scan root"},
		{"auto tfvars symlinked to a FIFO", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", useVar)
			if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o600); err != nil {
				t.Fatal(err)
			}
			linkAt(t, "pipe", filepath.Join(root, "x.auto.tfvars"))
		}, 2, "x.auto.tfvars is not a regular file (a FIFO)"},
		{"auto tfvars symlinked to /proc/self/fd/0", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", useVar)
			linkAt(t, "/proc/self/fd/0", filepath.Join(root, "x.auto.tfvars"))
		}, 2, "x.auto.tfvars leads outside the scan root"},
		{"file() of /proc/self/fd/0", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = file(\"/proc/self/fd/0\")\n}\n")
		}, 0, "/proc/self/fd/0 lies outside the scan root"},
		{"file() of a symlink to a FIFO", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = file(\"name.txt\")\n}\n")
			if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o600); err != nil {
				t.Fatal(err)
			}
			linkAt(t, "pipe", filepath.Join(root, "name.txt"))
		}, 0, "name.txt is not a regular file (a FIFO)"},
		{"templatefile() of a symlink to a credentials file", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = templatefile(\"t.tpl\", {})\n}\n")
			writeAt(t, outside, "credentials", credentials)
			linkAt(t, filepath.Join(outside, "credentials"), filepath.Join(root, "t.tpl"))
		}, 0, "t.tpl leads outside the scan root"},
		{"fileset() outside the scan root", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags = { f = join(\",\", fileset(\"../outside\", \"**\")) }\n}\n")
			writeAt(t, outside, "credentials", credentials)
		}, 0, "lies outside the scan root"},
		{"fileset() through a symlinked directory", func(t *testing.T, outside, root string) {
			writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags = { f = join(\",\", fileset(\"out\", \"**\")) }\n}\n")
			writeAt(t, outside, "credentials", credentials)
			linkAt(t, outside, filepath.Join(root, "out"))
		}, 0, "leads outside the scan root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			base := t.TempDir()
			outside, root := filepath.Join(base, "outside"), filepath.Join(base, "root")
			for _, d := range []string{outside, root} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			tt.setup(t, outside, root)
			res := annexaGuarded(t, "facts", "--tf", root)
			if res.code != tt.code || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", res.code, res.stderr, tt.code, tt.want)
			}
			for _, leak := range []string{credentials, "credentials"} {
				if strings.Contains(res.stdout+res.stderr, leak) {
					t.Errorf("output holds %q from outside the scan root:\n%s\n%s", leak, res.stdout, res.stderr)
				}
			}
		})
	}
}

// TestFileExistsIsNoOracleCLI: fileexists() of a path outside the scan
// root prints the same, facts and messages, whether a file is there or not.
func TestFileExistsIsNoOracleCLI(t *testing.T) {
	t.Parallel()
	outputs := map[string]result{}
	for _, present := range []bool{true, false} {
		base := t.TempDir()
		root := filepath.Join(base, "a", "root")
		writeAt(t, root, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags = {\n    a = tostring(fileexists(\"../../probe/id_rsa\"))\n    b = tostring(fileexists(\"link\"))\n  }\n}\n")
		if present {
			writeAt(t, base, "probe/id_rsa", credentials)
		}
		linkAt(t, filepath.Join(base, "probe", "id_rsa"), filepath.Join(root, "link"))
		res := annexaGuarded(t, "facts", "--tf", root)
		res.stdout = strings.ReplaceAll(res.stdout, base, "BASE")
		res.stderr = strings.ReplaceAll(res.stderr, base, "BASE")
		outputs[map[bool]string{true: "present", false: "absent"}[present]] = res
		if strings.Contains(res.stdout+res.stderr, credentials) {
			t.Errorf("output holds the probed file's content")
		}
	}
	p, a := outputs["present"], outputs["absent"]
	if p.code != a.code || p.stdout != a.stdout || p.stderr != a.stderr {
		t.Errorf("fileexists() outside the scan root tells whether a file is there:\npresent: exit %d\n%s\n%s\nabsent: exit %d\n%s\n%s", p.code, p.stdout, p.stderr, a.code, a.stdout, a.stderr)
	}
	if !strings.Contains(p.stderr, "outside the scan root") {
		t.Errorf("no warning about the refused path: %s", p.stderr)
	}
}

func writeAt(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func linkAt(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// annexaGuarded runs the CLI in process, failing the test if it has not
// returned within 20 seconds (a FIFO or standard input opened blocks, an
// unbounded evaluation runs on).
func annexaGuarded(t *testing.T, args ...string) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- annexa(t, args...) }()
	select {
	case r := <-done:
		return r
	case <-time.After(20 * time.Second):
		t.Fatalf("annexa %s did not return within 20s", strings.Join(args, " "))
		return result{}
	}
}
