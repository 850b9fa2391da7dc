package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimeZoneDoesNotReachPolicies runs the built binary under two TZ
// values with a policy that asks OPA for the machine's zone by a name the
// compiler cannot see: the reports are byte-identical, the hour is the
// UTC one, and a bundle made under one zone replays under the other.
func TestTimeZoneDoesNotReachPolicies(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	args := func(report string, extra ...string) []string {
		return append([]string{"check", "--plan", abs(t, compliantPlan), "--effective-time=2026-11-22T09:30:00Z",
			"--policy", abs(t, "../../testdata/policies/timezone"), "--format", "json=" + report}, extra...)
	}
	key := abs(t, "../../testdata/keys/annexa-test.key")
	ny := annexaBinary(t, dir, append([]string{"TZ=America/New_York"}, withPassword...), args("ny.json", "--bundle", "ny.tar.gz", "--key", key)...)
	in := annexaBinary(t, dir, []string{"TZ=Asia/Kolkata"}, args("in.json")...)
	for _, r := range []result{ny, in} {
		if r.code > 1 {
			t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
		}
	}
	nyReport, err := os.ReadFile(filepath.Join(dir, "ny.json"))
	if err != nil {
		t.Fatal(err)
	}
	inReport, err := os.ReadFile(filepath.Join(dir, "in.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(nyReport), "hour 9 at 2026-11-22T09:30:00Z") {
		t.Errorf("the policy did not see UTC under TZ=America/New_York:\n%.2000s", nyReport)
	}
	if string(nyReport) != string(inReport) {
		t.Error("the report under TZ=America/New_York differs from the one under TZ=Asia/Kolkata")
	}
	replay := annexaBinary(t, dir, []string{"TZ=Asia/Kolkata"}, "verify", "ny.tar.gz", "--key", abs(t, "../../testdata/keys/annexa-test.pub"), "--replay")
	if replay.code != 0 || !strings.Contains(replay.stdout, "VERIFIED") {
		t.Errorf("replay under another zone: exit %d\n%s%s", replay.code, replay.stdout, replay.stderr)
	}
}
