package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ciWorkspace is a repository as the CI examples expect it: a plan JSON
// at the root and the Terraform source in infra/, both noncompliant.
func ciWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, noncompliantTF, filepath.Join(dir, "infra"))
	plan, err := os.ReadFile(noncompliantPlan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tfplan.json"), plan, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// splitWords splits a command line as a POSIX shell does for the plain
// words, single and double quotes the CI examples use.
func splitWords(line string) []string {
	var words []string
	var b strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		default:
			b.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, b.String())
	}
	return words
}

// docCommands extracts the annexa command lines of the fenced code blocks
// of a Markdown file: lines starting with annexa, as a shell line, a YAML
// list item of a script, or a step's run:.
func docCommands(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fenced := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			continue
		}
		line = strings.TrimPrefix(line, "- ")
		line = strings.TrimPrefix(line, "run: ")
		if strings.HasPrefix(line, "annexa ") {
			out = append(out, line)
		}
	}
	return out
}

// TestCIDocsCommands runs every annexa command line of docs/ci.md with
// the built binary in a workspace holding the files they name: each must
// run (exit 0 or 1, never a usage or input error), write the files its
// --format flags name, and end its table with the exit line.
func TestCIDocsCommands(t *testing.T) {
	t.Parallel()
	commands := docCommands(t, "../../docs/ci.md")
	if len(commands) < 4 {
		t.Fatalf("docs/ci.md has %d annexa command lines, want the GitHub, GitLab and source examples", len(commands))
	}
	for _, line := range commands {
		t.Run(line, func(t *testing.T) {
			t.Parallel()
			dir := ciWorkspace(t)
			args := splitWords(line)[1:]
			res := annexaBinary(t, dir, nil, args...)
			if res.code != 0 && res.code != 1 {
				t.Fatalf("exit %d, want 0 or 1\n%s", res.code, res.stderr)
			}
			toStdout := true
			for i, a := range args {
				if a != "--format" || i+1 >= len(args) {
					continue
				}
				name, file, ok := strings.Cut(args[i+1], "=")
				if !ok {
					toStdout = name == "table"
					continue
				}
				if st, err := os.Stat(filepath.Join(dir, file)); err != nil || st.Size() == 0 {
					t.Errorf("--format %s: %v", args[i+1], err)
				}
			}
			if toStdout && !strings.Contains(res.stdout, "\nexit ") {
				t.Errorf("the table has no exit line:\n%s", res.stdout)
			}
		})
	}
}

// TestPreCommitHooks runs the entry and default arguments of every hook
// of .pre-commit-hooks.yaml with the built binary, where pre-commit would:
// at the root of a repository holding what the hook checks.
func TestPreCommitHooks(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Args          []string `yaml:"args"`
		Language      string   `yaml:"language"`
		PassFilenames *bool    `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(b, &hooks); err != nil {
		t.Fatal(err)
	}
	// What each hook finds in the repository given: the Terraform and the
	// demo project are noncompliant (exit 1), the custom policies' tests
	// pass (exit 0).
	want := map[string]int{"annexa-terraform": 1, "annexa-project": 1, "annexa-policy-test": 0}
	var ids []string
	for _, h := range hooks {
		ids = append(ids, h.ID)
		t.Run(h.ID, func(t *testing.T) {
			t.Parallel()
			if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
				t.Errorf("hook %s: language %q, pass_filenames %v; want golang, false", h.ID, h.Language, h.PassFilenames)
			}
			words := splitWords(h.Entry)
			if len(words) < 2 || words[0] != "annexa" {
				t.Fatalf("entry %q does not run annexa", h.Entry)
			}
			dir := t.TempDir()
			copyTree(t, noncompliantTF, dir)
			copyTree(t, demo, filepath.Join(dir, "demo"))
			copyTree(t, "../../testdata/policies/custom", filepath.Join(dir, "policies"))
			if h.ID == "annexa-project" {
				copyTree(t, demo, dir)
			}
			res := annexaBinary(t, dir, nil, append(words[1:], h.Args...)...)
			if code, ok := want[h.ID]; !ok || res.code != code {
				t.Errorf("hook %s: exit %d, want %d\n%s%s", h.ID, res.code, code, res.stdout, res.stderr)
			}
		})
	}
	if !slices.Equal(ids, []string{"annexa-terraform", "annexa-project", "annexa-policy-test"}) {
		t.Errorf("hooks %q", ids)
	}
}

// TestGitHubAction checks that action.yml has the inputs docs/ci.md lists,
// each reaching scripts/ci/action-check.sh, and runs that script with the
// built binary as the action would: the table on stdout, the SARIF log
// written, the exit code as a step output and the script itself
// successful, so the SARIF upload runs; an input error stops it with 2.
func TestGitHubAction(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID  string            `yaml:"id"`
				Env map[string]string `yaml:"env"`
				Run string            `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(b, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", action.Runs.Using)
	}
	var check map[string]string
	for _, s := range action.Runs.Steps {
		if s.ID == "check" {
			check = s.Env
			if !strings.Contains(s.Run, "scripts/ci/action-check.sh") {
				t.Errorf("the check step runs %q", s.Run)
			}
		}
	}
	for input, env := range map[string]string{
		"paths": "INPUT_PATHS", "fail-on": "INPUT_FAIL_ON", "severity": "INPUT_SEVERITY", "waivers": "INPUT_WAIVERS",
		"baseline": "INPUT_BASELINE", "sarif-file": "INPUT_SARIF_FILE", "junit-file": "INPUT_JUNIT_FILE", "args": "INPUT_ARGS",
	} {
		if _, ok := action.Inputs[input]; !ok {
			t.Errorf("action.yml has no input %s", input)
		}
		if got := check[env]; got != "${{ inputs."+input+" }}" {
			t.Errorf("the check step sets %s to %q, want the input %s", env, got, input)
		}
	}
	if _, ok := action.Inputs["upload-sarif"]; !ok {
		t.Error("action.yml has no input upload-sarif")
	}

	script, err := filepath.Abs("../../scripts/ci/action-check.sh")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		env      []string
		code     int
		wantCode string // the exit-code output
	}{
		{"findings at the gate", []string{"INPUT_PATHS=--plan tfplan.json", "INPUT_FAIL_ON=high", "INPUT_SARIF_FILE=annexa.sarif", "INPUT_JUNIT_FILE=annexa.xml"}, 0, "exit-code=1"},
		{"gate off", []string{"INPUT_PATHS=--plan tfplan.json", "INPUT_FAIL_ON=none", "INPUT_SARIF_FILE=annexa.sarif", "INPUT_ARGS=--severity critical --quiet"}, 0, "exit-code=0"},
		{"input error", []string{"INPUT_PATHS=--plan missing.json", "INPUT_FAIL_ON=high", "INPUT_SARIF_FILE=annexa.sarif"}, 2, "exit-code=2"},
		{"no paths", []string{"INPUT_PATHS=", "INPUT_FAIL_ON=high"}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := ciWorkspace(t)
			out := filepath.Join(dir, "github-output")
			cmd := exec.Command("bash", script)
			cmd.Dir = dir
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "ANNEXA=" + builtBinary(t), "GITHUB_OUTPUT=" + out}, tt.env...)
			res := runBinary(t, cmd)
			if res.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", res.code, tt.code, res.stdout, res.stderr)
			}
			outputs, _ := os.ReadFile(out)
			if tt.wantCode != "" && !strings.Contains(string(outputs), tt.wantCode+"\n") {
				t.Errorf("step outputs %q, want %s", outputs, tt.wantCode)
			}
			if tt.code == 0 {
				if st, err := os.Stat(filepath.Join(dir, "annexa.sarif")); err != nil || st.Size() == 0 {
					t.Errorf("no SARIF log: %v", err)
				}
				if !strings.Contains(res.stdout, "\nexit ") {
					t.Errorf("the table has no exit line:\n%s", res.stdout)
				}
			}
		})
	}
}
