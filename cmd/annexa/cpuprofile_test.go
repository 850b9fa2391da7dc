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
