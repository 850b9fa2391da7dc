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
