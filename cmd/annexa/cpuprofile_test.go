package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileFlags checks the hidden profiling flags: a run writes both
// profiles and gives its usual result; a profile that cannot be written is
// a usage error naming the flag.
func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	r := annexa(t, "check", "--plan", compliantPlan, "--format", "json="+filepath.Join(dir, "report.json"), "--cpuprofile", cpu, "--memprofile", mem)
	if r.code != exitOK {
		t.Fatalf("check with profiles: exit %d, stderr %s", r.code, r.stderr)
	}
	for _, p := range []string{cpu, mem} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("profile %s not written (%v)", p, err)
		}
	}
	for _, c := range []struct{ flag, want string }{
		{"--cpuprofile", "--cpuprofile"},
		{"--memprofile", "--memprofile"},
	} {
		bad := filepath.Join(dir, "missing", "x.prof")
		r := annexa(t, "version", c.flag, bad)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s into a missing directory: exit %d, stderr %q; want exit %d naming %s", c.flag, r.code, r.stderr, exitUsage, c.want)
		}
	}
	if r := annexa(t, "check", "--help"); strings.Contains(r.stdout, "cpuprofile") {
		t.Error("--help shows the hidden --cpuprofile flag")
	}
}

// TestCheckProfile: --profile prints, on stderr, the stages of the run and
// its slowest rules with their evaluation counts, as many as
// --profile-limit asks, says how many policies a plan-only run left out,
// and changes nothing in the report.
func TestCheckProfile(t *testing.T) {
	dir := t.TempDir()
	plain, profiled := filepath.Join(dir, "plain.json"), filepath.Join(dir, "profiled.json")
	if r := annexa(t, "check", "--plan", compliantPlan, "--effective-time", "2026-11-20", "--format", "json="+plain); r.code != exitOK {
		t.Fatalf("check: exit %d, stderr %s", r.code, r.stderr)
	}
	r := annexa(t, "check", "--plan", compliantPlan, "--effective-time", "2026-11-20", "--format", "json="+profiled, "--profile", "--profile-limit", "2")
	if r.code != exitOK {
		t.Fatalf("check --profile: exit %d, stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"PROFILE (rules evaluated one at a time",
		"collect and compile, side by side",
		"fact documents",
		"policy or clause rule  ",
		"more rules; --profile-limit 0 lists all)",
		"policies neither compiled nor evaluated: they read no fact of the kinds this run's sources give)",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	_, rules, _ := strings.Cut(r.stderr, "policy or clause rule")
	rows := 0
	for _, line := range strings.Split(rules, "\n")[1:] {
		if strings.HasPrefix(line, "(") || line == "" {
			break
		}
		rows++
	}
	if rows != 2 {
		t.Errorf("--profile-limit 2 listed %d rules:\n%s", rows, r.stderr)
	}
	a, errA := os.ReadFile(plain)
	b, errB := os.ReadFile(profiled)
	if errA != nil || errB != nil || string(a) != string(b) {
		t.Errorf("the report of a profiled run differs from the plain one (%v, %v)", errA, errB)
	}
}
