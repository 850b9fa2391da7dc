package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// TestSelection: a selection narrows the evaluated policies and controls;
// a control left out is not assessed whatever its policies would find,
// and its findings are not counted; a pattern that matches nothing or is
// not a glob is an error naming the flag.
func TestSelection(t *testing.T) {
	dir := writePolicies(t, map[string]string{"ebs.rego": ebsPolicy})
	fs := []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})}
	tests := []struct {
		name       string
		sel        Selection
		wantStatus Status
		wantReason string
		findings   int
		wantErr    string
	}{
		{"everything", Selection{}, StatusFail, "", 1, ""},
		{"the control selected, with A. prefix", Selection{Controls: []string{"A.8.2*"}}, StatusFail, "", 1, ""},
		{"the control skipped", Selection{SkipControls: []string{"8.24"}}, StatusNotAssessed, "left out of this run by the selection (--skip-control 8.24)", 0, ""},
		{"another control selected", Selection{Controls: []string{"5.*"}}, StatusNotAssessed, "left out of this run by the selection (--control 5.*)", 0, ""},
		{"its policy skipped", Selection{SkipPolicies: []string{"c8_24.*"}}, StatusNotAssessed, "its 1 policies are left out of this run by the selection", 0, ""},
		{"a typo in a skip", Selection{SkipPolicies: []string{"c8_24.tset_ebs"}}, "", "", 0, `--skip-policy "c8_24.tset_ebs" matches no policy id`},
		{"no such control", Selection{Controls: []string{"8.99"}}, "", "", 0, `--control "8.99" matches no Annex A control id`},
		{"not a glob", Selection{Policies: []string{"c8_24.[a"}}, "", "", 0, `--policy-id "c8_24.[a": syntax error in pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir), WithSelection(tt.sel))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r, err := e.Evaluate(context.Background(), fs)
			if err != nil {
				t.Fatal(err)
			}
			c := control(t, r, "8.24")
			if c.Status != tt.wantStatus || !strings.Contains(c.Reason, tt.wantReason) {
				t.Errorf("8.24 = %s (%q), want %s (%q)", c.Status, c.Reason, tt.wantStatus, tt.wantReason)
			}
			if len(r.Findings) != tt.findings {
				t.Errorf("%d findings, want %d", len(r.Findings), tt.findings)
			}
			if tt.sel.Empty() != (r.Selection == nil) {
				t.Errorf("report selection %+v for %+v", r.Selection, tt.sel)
			}
		})
	}
}
