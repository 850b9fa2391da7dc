package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSelectionCLI: --control and --skip-policy narrow a run, the report
// and the bundle record the selection, verify prints it and a replay
// applies it; a pattern that matches nothing is an input error (exit 2)
// naming the flag, so a typo cannot make a gate pass.
func TestSelectionCLI(t *testing.T) {
	plan := "../../testdata/plans/noncompliant.json"
	rep, res := checkJSON(t, "--plan", plan, "--control", "A.8.24", "--skip-policy", "c8_24.aws_kms*")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", res.code, res.stderr)
	}
	if rep.Selection == nil || strings.Join(rep.Selection.Controls, ",") != "8.24" {
		t.Errorf("selection %+v, want controls [8.24]", rep.Selection)
	}
	for _, c := range rep.Controls {
		if c.ID != "8.24" && (c.Status != "not_assessed" || !strings.Contains(c.Reason, "selection")) {
			t.Errorf("%s = %s (%q), want not assessed by the selection", c.ID, c.Status, c.Reason)
		}
	}
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Policy, "c8_24.aws_kms") {
			t.Errorf("finding of a skipped policy: %+v", f)
		}
	}

	for _, bad := range [][]string{{"--control", "8.99"}, {"--skip-policy", "c8_24.aws_ebz"}, {"--policy-id", "c8_24.[x"}} {
		res := annexa(t, append([]string{"check", "--plan", plan}, bad...)...)
		if res.code != 2 || !strings.Contains(res.stderr, bad[0]) {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming the flag", bad, res.code, res.stderr)
		}
	}

	dir := t.TempDir()
	res = annexaIn(t, dir, withPassword, "check", "--plan", abs(t, plan), "--control", "8.2*",
		"--bundle", "evidence.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.key"))
	if res.code != 1 {
		t.Fatalf("check --bundle: exit %d\n%s", res.code, res.stderr)
	}
	res = annexa(t, "verify", filepath.Join(dir, "evidence.tar.gz"), "--key", "../../testdata/keys/annexa-test.pub", "--replay")
	if res.code != 0 || !strings.Contains(res.stdout, "selection    --control 8.2*") || !strings.Contains(res.stdout, "replay identical") {
		t.Errorf("verify --replay: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}
