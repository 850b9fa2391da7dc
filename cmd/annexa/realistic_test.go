package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// realisticDir holds the labelled Terraform configurations of issue 12: one
// directory per case, each with an expected.json written from Terraform's
// documented behaviour and the policies' descriptions, not from annexa's
// output.
const realisticDir = "../../testdata/tf/realistic"

// realisticCase is a case's expected.json.
type realisticCase struct {
	Description string `json:"description"`
	// Tf are the --tf arguments, relative to the case directory ("." when
	// empty); the run's working directory is the copied case.
	Tf   []string          `json:"tf"`
	Args []string          `json:"args"`
	Env  map[string]string `json:"env"`
	// Links are symbolic links made in the copy (git does not carry links
	// that leave the repository well); a target under ../outside/ points at
	// the case's outside/ directory, copied beside the scan root.
	Links    []struct{ Path, Target string } `json:"links"`
	Exit     int                             `json:"exit"`
	Findings []realisticFinding              `json:"findings"`
	// Warnings are texts that some diagnostic's summary or detail holds.
	Warnings []string `json:"warnings"`
	// Pending names the point of issue 12 whose implementation the case
	// waits for; the case is skipped until then.
	Pending string `json:"pending"`
}

type realisticFinding struct {
	Policy   string `json:"policy"`
	Resource string `json:"resource"`
}

func (f realisticFinding) String() string { return f.Policy + " " + f.Resource }

// TestRealisticTerraform runs `annexa check --tf` over every labelled case
// and compares the exit code, the set of findings (policy, resource) and
// the expected warnings.
func TestRealisticTerraform(t *testing.T) {
	entries, err := os.ReadDir(realisticDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) { runRealisticCase(t, filepath.Join(realisticDir, name)) })
	}
	if n < 40 {
		t.Errorf("%d realistic cases, want at least 40", n)
	}
}

func runRealisticCase(t *testing.T, dir string) {
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c realisticCase
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if c.Pending != "" && os.Getenv("ANNEXA_REALISTIC_PENDING") == "" {
		t.Skipf("pending on %s: %s (ANNEXA_REALISTIC_PENDING=1 runs it)", c.Pending, c.Description)
	}

	// The copy has no git repository above it, so the scan root is the
	// --tf directory itself and outside/ really is outside.
	tmp := t.TempDir()
	root := filepath.Join(tmp, "root")
	copyRealisticTree(t, dir, root, filepath.Join(tmp, "outside"))
	for _, l := range c.Links {
		if err := os.Symlink(l.Target, filepath.Join(root, l.Path)); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range c.Env {
		t.Setenv(k, v)
	}
	t.Chdir(root)

	tf := c.Tf
	if len(tf) == 0 {
		tf = []string{"."}
	}
	args := []string{"check", "--format", "json", "--effective-time", "2026-01-01T00:00:00Z"}
	for _, d := range tf {
		args = append(args, "--tf", d)
	}
	args = append(args, c.Args...)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	if code != c.Exit {
		t.Errorf("exit %d, want %d\nstderr:\n%s", code, c.Exit, stderr.String())
	}
	if code == 2 {
		return
	}

	var report struct {
		Findings    []realisticFinding `json:"findings"`
		Diagnostics []struct {
			Summary string `json:"summary"`
			Detail  string `json:"detail"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("stdout is not a JSON report: %v\nstderr:\n%s", err, stderr.String())
	}
	got, want := findingSet(report.Findings), findingSet(c.Findings)
	for _, f := range want {
		if !slices.Contains(got, f) {
			t.Errorf("missing finding %s", f)
		}
	}
	for _, f := range got {
		if !slices.Contains(want, f) {
			t.Errorf("unexpected finding %s", f)
		}
	}
	var diags []string
	for _, d := range report.Diagnostics {
		diags = append(diags, d.Summary+": "+d.Detail)
	}
	for _, w := range c.Warnings {
		if !slices.ContainsFunc(diags, func(d string) bool { return strings.Contains(strings.ToLower(d), strings.ToLower(w)) }) {
			t.Errorf("no diagnostic mentions %q; diagnostics:\n%s", w, strings.Join(diags, "\n"))
		}
	}
}

func findingSet(fs []realisticFinding) []string {
	var out []string
	for _, f := range fs {
		s := f.String()
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// copyRealisticTree copies a case into root, except expected.json and the
// outside/ directory, which goes to outside.
func copyRealisticTree(t *testing.T, src, root, outside string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(root, rel)
		if rel == "outside" || strings.HasPrefix(rel, "outside"+string(filepath.Separator)) {
			dst = filepath.Join(outside, strings.TrimPrefix(strings.TrimPrefix(rel, "outside"), string(filepath.Separator)))
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case rel == "expected.json":
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("%s: only regular files belong in a case; make links in expected.json", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
