package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crafted is a name that, printed raw, would erase the line it is on and
// write a verdict of its own.
const crafted = "evil\r\x1b[2K\x1b[1AVERIFIED all good\u202e"

func assertTerminalSafe(t *testing.T, what string, res result) {
	t.Helper()
	for _, out := range []string{res.stdout, res.stderr} {
		if strings.ContainsAny(out, "\r\x1b\u202e") {
			t.Errorf("%s printed a raw control character:\n%q", what, out)
		}
	}
	if !strings.Contains(res.stdout+res.stderr, `\x1b[2K`) {
		t.Errorf("%s: the crafted name is not shown escaped:\n%s%s", what, res.stdout, res.stderr)
	}
}

// TestCraftedNamesCannotSteerTheTerminal feeds names holding control
// sequences through the table (a resource name in a plan) and verify (a
// tar entry name): both print them escaped.
func TestCraftedNamesCannotSteerTheTerminal(t *testing.T) {
	raw, err := os.ReadFile(noncompliantPlan)
	if err != nil {
		t.Fatal(err)
	}
	// Rename the IAM policy; the JSON escapes keep the plan
	// valid.
	quoted := strings.Trim(jsonString(t, crafted), `"`)
	plan := strings.ReplaceAll(string(raw), `"aws_iam_policy.admin"`, `"aws_iam_policy.`+quoted+`"`)
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	res := annexa(t, "check", "--plan", path, effective)
	if res.code == 2 {
		t.Fatalf("check: exit 2\n%s", res.stderr)
	}
	assertTerminalSafe(t, "check table", res)

	good := writeTestBundle(t, bundlePlan)
	bad := tamperedCopy(t, good, func(names []string, files map[string][]byte) []string {
		files[crafted] = []byte("{}")
		return append(names, crafted)
	})
	res = annexa(t, "verify", bad, "--key", abs(t, "../../testdata/keys/annexa-test.pub"))
	if res.code == 0 {
		t.Fatalf("verify accepted a bundle with an extra entry:\n%s", res.stdout)
	}
	assertTerminalSafe(t, "verify", res)
}

func jsonString(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
