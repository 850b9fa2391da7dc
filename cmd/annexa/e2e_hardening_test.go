package main

import (
	"strings"
	"testing"
)

// TestEffectiveTimeBeforeTheEpoch: a zero or pre-1970 effective time is a
// usage error, not a run as of "now" or of a negative nanosecond count.
func TestEffectiveTimeBeforeTheEpoch(t *testing.T) {
	for _, at := range []string{"0001-01-01", "1969-12-31", "1970-01-01T00:00:00Z"} {
		res := annexa(t, "check", "--plan", compliantPlan, "--effective-time", at)
		if res.code != 2 || !strings.Contains(res.stderr, "is not after 1970-01-01T00:00:00Z") {
			t.Errorf("--effective-time %s: exit %d\n%s", at, res.code, res.stderr)
		}
	}
}

// TestProjectCommandsNeedConsent: pointed at a project file whose provider
// entry names a program, annexa refuses to run it without
// --allow-commands, naming the file and the command, and runs nothing.
func TestProjectCommandsNeedConsent(t *testing.T) {
	res := annexa(t, "check", mixedProject)
	if res.code != 2 || !strings.Contains(res.stderr, "annexa.yaml: provider inventory runs the command") || !strings.Contains(res.stderr, "--allow-commands") {
		t.Errorf("exit %d\n%s", res.code, res.stderr)
	}
}
