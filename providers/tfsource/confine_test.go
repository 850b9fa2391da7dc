//go:build unix

package tfsource

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/providers/facts"
)

// outsideSecret is the content of files outside the scan root; it must
// never appear in facts or messages.
const outsideSecret = "outside-secret-7f3a"

// collectOS collects dir on the real file system, failing the test when
// the provider does not return within a few seconds (a FIFO that was
// opened blocks forever).
func collectOS(t *testing.T, p Provider, dir string) ([]facts.Fact, diag.Diagnostics) {
	t.Helper()
	type result struct {
		fs []facts.Fact
		ds diag.Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		fs, ds := p.Collect(context.Background(), dir)
		done <- result{fs, ds}
	}()
	select {
	case r := <-done:
		return r.fs, r.ds
	case <-time.After(10 * time.Second):
		t.Fatal("Collect did not return: it opened a FIFO or a terminal")
		return nil, nil
	}
}

// everything renders facts and diagnostics as one string, to look for
// what must not be there.
func everything(fs []facts.Fact, ds diag.Diagnostics) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%+v\n", f.Document())
	}
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestConfinement: nothing outside the scan root is read, symbolic links
// resolved first, and nothing but regular files is opened.
func TestConfinement(t *testing.T) {
	const sg = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"
	tests := []struct {
		name   string
		setup  func(t *testing.T, outside, root string)
		strict bool
		// wantErr is part of the error, "" when the run succeeds.
		wantErr string
		// wantWarn is part of a warning.
		wantWarn string
		// attr and want check null_resource.r's attribute.
		attr, want string
	}{
		{
			name: "auto tfvars symlinked outside the scan root",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "variable \"v\" {}\nresource \"null_resource\" \"r\" { v = var.v }\n"})
				testfs.Write(t, outside, map[string]string{"x.json": `{"v": "` + outsideSecret + `"}`})
				symlink(t, filepath.Join(outside, "x.json"), filepath.Join(root, "x.auto.tfvars.json"))
			},
			wantErr: "x.auto.tfvars.json leads outside the scan root",
		},
		{
			name: "auto tfvars symlinked outside through a relative link",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "variable \"v\" {}\nresource \"null_resource\" \"r\" { v = var.v }\n"})
				testfs.Write(t, outside, map[string]string{"x.json": `{"v": "` + outsideSecret + `"}`})
				rel, err := filepath.Rel(root, filepath.Join(outside, "x.json"))
				if err != nil {
					t.Fatal(err)
				}
				symlink(t, rel, filepath.Join(root, "x.auto.tfvars.json"))
			},
			wantErr: "x.auto.tfvars.json leads outside the scan root",
		},
		{
			name: "configuration file symlinked outside",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": sg})
				testfs.Write(t, outside, map[string]string{"other.tf": "resource \"null_resource\" \"r\" { v = \"" + outsideSecret + "\" }\n"})
				symlink(t, filepath.Join(outside, "other.tf"), filepath.Join(root, "other.tf"))
			},
			wantErr: "other.tf leads outside the scan root",
		},
		{
			name: "auto tfvars symlinked to a FIFO",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "variable \"v\" {}\nresource \"null_resource\" \"r\" { v = var.v }\n"})
				if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o600); err != nil {
					t.Fatal(err)
				}
				symlink(t, "fifo", filepath.Join(root, "x.auto.tfvars"))
			},
			wantErr: "x.auto.tfvars is not a regular file (a FIFO)",
		},
		{
			name: "configuration file that is a FIFO",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": sg})
				if err := syscall.Mkfifo(filepath.Join(root, "pipe.tf"), 0o600); err != nil {
					t.Fatal(err)
				}
			},
			wantErr: "pipe.tf is not a regular file (a FIFO)",
		},
		{
			name: "file() of a symlink to a FIFO",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "resource \"null_resource\" \"r\" { v = file(\"data.txt\") }\n"})
				if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o600); err != nil {
					t.Fatal(err)
				}
				symlink(t, "fifo", filepath.Join(root, "data.txt"))
			},
			wantWarn: `File not read; file("data.txt"): data.txt is not a regular file (a FIFO)`,
			attr:     "v", want: "<absent>",
		},
		{
			name: "file() of a symlink to a FIFO, strict",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "resource \"null_resource\" \"r\" { v = file(\"data.txt\") }\n"})
				if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o600); err != nil {
					t.Fatal(err)
				}
				symlink(t, "fifo", filepath.Join(root, "data.txt"))
			},
			strict:  true,
			wantErr: "data.txt is not a regular file (a FIFO)",
		},
		{
			name: "auto tfvars symlinked to standard input",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "variable \"v\" {}\nresource \"null_resource\" \"r\" { v = var.v }\n"})
				symlink(t, "/proc/self/fd/0", filepath.Join(root, "x.auto.tfvars"))
			},
			wantErr: "x.auto.tfvars leads outside the scan root",
		},
		{
			name: "file() of /proc/self/fd/0",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "resource \"null_resource\" \"r\" { v = file(\"/proc/self/fd/0\") }\n"})
			},
			wantWarn: `file("/proc/self/fd/0"): /proc/self/fd/0 lies outside the scan root`,
			attr:     "v", want: "<absent>",
		},
		{
			name: "file() of a symlink to a file outside",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "resource \"null_resource\" \"r\" { v = file(\"policy.json\") }\n"})
				testfs.Write(t, outside, map[string]string{"x.json": outsideSecret})
				symlink(t, filepath.Join(outside, "x.json"), filepath.Join(root, "policy.json"))
			},
			wantWarn: `file("policy.json"): policy.json leads outside the scan root`,
			attr:     "v", want: "<absent>",
		},
		{
			name: "symbolic links inside the scan root are followed",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{
					"main.tf":          "resource \"null_resource\" \"r\" { v = \"${file(\"a.txt\")}${file(\"b.txt\")}\" }\n",
					"files/real.txt":   "x",
					"files/other.txt":  "y",
					"shared/common.tf": "",
				})
				symlink(t, "files/real.txt", filepath.Join(root, "a.txt"))
				symlink(t, filepath.Join(root, "files", "other.txt"), filepath.Join(root, "b.txt"))
			},
			attr: "v", want: `"xy"`,
		},
		{
			name: "a variables file named on the command line may lie outside",
			setup: func(t *testing.T, outside, root string) {
				testfs.Write(t, root, map[string]string{"main.tf": "variable \"v\" {}\nresource \"null_resource\" \"r\" { v = var.v }\n"})
				testfs.Write(t, outside, map[string]string{"prod.tfvars": `v = "prod"`})
			},
			attr: "v", want: `"prod"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			outside, root := filepath.Join(base, "outside"), filepath.Join(base, "root")
			for _, d := range []string{outside, root} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			tt.setup(t, outside, root)
			p := Provider{Strict: tt.strict}
			if strings.Contains(tt.name, "command line") {
				p.Vars = []Var{{File: filepath.Join(outside, "prod.tfvars"), CommandLine: true}}
			}
			fs, ds := collectOS(t, p, root)
			all := everything(fs, ds)
			if strings.Contains(all, outsideSecret) {
				t.Fatalf("an outside file's content appears:\n%s", all)
			}
			err := ds.Err()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantWarn != "" && !strings.Contains(all, tt.wantWarn) {
				t.Errorf("warnings lack %q:\n%s", tt.wantWarn, all)
			}
			if tt.attr != "" {
				if got := attrJSON(t, fs, "null_resource.r", tt.attr); got != tt.want {
					t.Errorf("%s = %s, want %s", tt.attr, got, tt.want)
				}
			}
		})
	}
}

// TestFileExistsOutsideRevealsNothing: fileexists() of a path outside the
// scan root gives the same answer and message whether or not a file is
// there.
func TestFileExistsOutsideRevealsNothing(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	testfs.Write(t, base, map[string]string{"there.txt": outsideSecret})
	testfs.Write(t, root, map[string]string{"main.tf": `resource "null_resource" "r" {
  a = fileexists("../there.txt")
  b = fileexists("../not-there.txt")
  c = fileexists("link-there")
  d = fileexists("link-not-there")
  e = fileexists("main.tf")
  f = fileexists("nope")
}
`})
	symlink(t, filepath.Join(base, "there.txt"), filepath.Join(root, "link-there"))
	symlink(t, filepath.Join(base, "not-there.txt"), filepath.Join(root, "link-not-there"))
	fs, ds := collectOS(t, Provider{}, root)
	if err := ds.Err(); err != nil {
		t.Fatal(err)
	}
	for attr, want := range map[string]string{"a": "<absent>", "b": "<absent>", "c": "<absent>", "d": "<absent>", "e": "true", "f": "false"} {
		if got := attrJSON(t, fs, "null_resource.r", attr); got != want {
			t.Errorf("%s = %s, want %s", attr, got, want)
		}
	}
	msgs := map[string]string{}
	for _, d := range ds.Warnings() {
		msgs[fmt.Sprint(d.Line)] = d.Summary + "; " + d.Detail
	}
	same := func(a, b, nameA, nameB string) {
		t.Helper()
		if strings.ReplaceAll(msgs[a], nameA, "X") != strings.ReplaceAll(msgs[b], nameB, "X") || msgs[a] == "" {
			t.Errorf("messages differ or are missing:\n%s\n%s", msgs[a], msgs[b])
		}
	}
	same("2", "3", "../there.txt", "../not-there.txt")
	same("4", "5", "link-there", "link-not-there")
	_, ds = collectOS(t, Provider{Strict: true}, root)
	if err := ds.Err(); err == nil || !strings.Contains(err.Error(), "lies outside the scan root") {
		t.Errorf("strict: error = %v", err)
	}
}

// TestScanRootIsTheRepository: inside a git repository the scan root is
// its top, so modules and files elsewhere in the repository are read; a
// module outside the scan root is refused, lenient or not.
func TestScanRootIsTheRepository(t *testing.T) {
	base := t.TempDir()
	files := map[string]string{
		"repo/envs/prod/main.tf":      "module \"net\" { source = \"../../modules/net\" }\n",
		"repo/modules/net/main.tf":    "resource \"aws_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/16\"\n  tags = { policy = file(\"${path.module}/policy.txt\") }\n}\n",
		"repo/modules/net/policy.txt": "p",
	}
	testfs.Write(t, base, files)
	dir := filepath.Join(base, "repo", "envs", "prod")
	if _, ds := collectOS(t, Provider{}, dir); ds.Err() == nil || !strings.Contains(ds.Err().Error(), "modules/net lies outside the scan root") {
		t.Fatalf("without a repository: %v", ds.Err())
	}
	if err := os.Mkdir(filepath.Join(base, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	fs, ds := collectOS(t, Provider{}, dir)
	if err := ds.Err(); err != nil {
		t.Fatal(err)
	}
	if got := attrJSON(t, fs, "module.net.aws_vpc.v", "tags"); got != `{"policy":"p"}` {
		t.Errorf("tags = %s", got)
	}
	// A worktree or submodule has a .git file, not a directory.
	if err := os.Remove(filepath.Join(base, "repo", ".git")); err != nil {
		t.Fatal(err)
	}
	testfs.Write(t, base, map[string]string{"repo/.git": "gitdir: /elsewhere\n"})
	if _, ds := collectOS(t, Provider{}, dir); ds.Err() != nil {
		t.Errorf("with a .git file: %v", ds.Err())
	}
}
