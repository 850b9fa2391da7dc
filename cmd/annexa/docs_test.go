package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/cli from the commands' help")

const cliDocsDir = "../../docs/cli"

// TestCLIDocsAreCurrent keeps docs/cli, the reference of every command
// generated from its cobra help, in step with the code. Regenerate with
// `make docs` (go test ./cmd/annexa -run TestCLIDocsAreCurrent -update-docs).
func TestCLIDocsAreCurrent(t *testing.T) {
	t.Parallel()
	root := newRootCommand(streams{out: io.Discard, err: io.Discard})
	root.DisableAutoGenTag = true
	dir := t.TempDir()
	if err := doc.GenMarkdownTree(root, dir); err != nil {
		t.Fatal(err)
	}
	want := readDir(t, dir)
	if *updateDocs {
		if err := os.RemoveAll(cliDocsDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(cliDocsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, content := range want {
			if err := os.WriteFile(filepath.Join(cliDocsDir, name), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	have := readDir(t, cliDocsDir)
	for name, content := range want {
		if !bytes.Equal(have[name], content) {
			t.Errorf("docs/cli/%s is stale; run make docs", name)
		}
	}
	for name := range have {
		if _, ok := want[name]; !ok {
			t.Errorf("docs/cli/%s documents no command; run make docs", name)
		}
	}
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestEveryCommandHasExamples holds every command that does something to
// the CLI convention of showing how it is used.
func TestEveryCommandHasExamples(t *testing.T) {
	t.Parallel()
	root := newRootCommand(streams{out: io.Discard, err: io.Discard})
	var missing []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && !c.Hidden && c.Example == "" && c.Name() != "help" && c.Name() != "completion" && !strings.HasPrefix(c.CommandPath(), "annexa completion") {
			missing = append(missing, c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("commands without an Example: %v", missing)
	}
}

// TestPlanREADMEListsFindings keeps the finding lists that
// testdata/plans/README.md gives for each noncompliant AWS stack in step
// with the ones the end-to-end tests require, so that a new policy's
// findings are documented where a fixture's reader looks for them.
func TestPlanREADMEListsFindings(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../testdata/plans/README.md")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		intro string
		want  []string
	}{
		{"`noncompliant.json` must produce exactly these findings", noncompliantFindings},
		{"`aws-platform-noncompliant.json` exactly these", platformFindings},
		{"`aws-edge-noncompliant.json` exactly these", edgeFindings},
	}
	for _, tt := range tests {
		got, err := readmeFindings(string(readme), tt.intro)
		if err != nil {
			t.Errorf("testdata/plans/README.md: %v", err)
			continue
		}
		want := slices.Clone(tt.want)
		slices.Sort(want)
		want = slices.Compact(want)
		if !slices.Equal(got, want) {
			t.Errorf("testdata/plans/README.md after %q lists\n%q\nthe tests require\n%q", tt.intro, got, want)
		}
	}
}

// readmeFindings returns, sorted, the "policy resource" lines of the first
// fenced block after intro.
func readmeFindings(readme, intro string) ([]string, error) {
	_, rest, ok := strings.Cut(readme, intro)
	if !ok {
		return nil, fmt.Errorf("no paragraph starting %q", intro)
	}
	_, rest, ok = strings.Cut(rest, "```\n")
	if !ok {
		return nil, fmt.Errorf("no code block after %q", intro)
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		return nil, fmt.Errorf("unterminated code block after %q", intro)
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		lines = append(lines, strings.Join(strings.Fields(line), " "))
	}
	slices.Sort(lines)
	return lines, nil
}
