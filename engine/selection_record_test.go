package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// --severity and --exclude are recorded in the report's selection without
// narrowing what is evaluated; a severity that is not one is an error.
func TestSelectionRecordsSeverityAndExclude(t *testing.T) {
	dir := writePolicies(t, map[string]string{"ebs.rego": ebsPolicy})
	fs := []facts.Fact{volume("a", []string{"create"}, map[string]any{"encrypted": false})}
	sel := Selection{Severity: SeverityCritical, Exclude: []string{"vendor", "vendor", "charts/*"}}
	e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir), WithSelection(sel))
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Evaluate(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	if c := control(t, r, "8.24"); c.Status != StatusFail || len(r.Findings) != 1 {
		t.Errorf("8.24 %s with %d findings: --severity must not change what is evaluated", c.Status, len(r.Findings))
	}
	if r.Selection == nil || r.Selection.Severity != SeverityCritical || strings.Join(r.Selection.Exclude, ",") != "charts/*,vendor" {
		t.Errorf("recorded selection %+v", r.Selection)
	}
	if r.Selection.NarrowsControls() || r.Selection.Shows(SeverityHigh) || !r.Selection.Shows(SeverityCritical) {
		t.Errorf("selection %+v narrows controls or shows the wrong findings", r.Selection)
	}
	if _, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir), WithSelection(Selection{Severity: "hgh"})); err == nil || !strings.Contains(err.Error(), `--severity "hgh"`) {
		t.Errorf("error %v for a severity that is not one", err)
	}
}

// A finding may name the line of its fact's file it is about; a line
// that is not a whole number from 1 is an error of the policy.
func TestFindingLine(t *testing.T) {
	tests := []struct {
		line     string
		wantLine int
		wantErr  bool
	}{
		{"", 7, false},
		{`"line": 12,`, 12, false},
		{`"line": 0,`, 0, true},
		{`"line": 1.5,`, 0, true},
		{`"line": "12",`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			policy := strings.Replace(ebsPolicy, `deny contains {"msg": "EBS volume is not encrypted", "resource": r.id}`,
				`deny contains {`+tt.line+`"msg": "EBS volume is not encrypted", "resource": r.id}`, 1)
			dir := writePolicies(t, map[string]string{"ebs.rego": policy})
			v := volume("a", []string{"create"}, map[string]any{"encrypted": false})
			v.Source.File, v.Source.Line, v.Source.Column = "main.tf", 7, 3
			e, err := New(context.Background(), WithoutBuiltinPolicies(), WithPolicyDirs(dir))
			if err != nil {
				t.Fatal(err)
			}
			r, err := e.Evaluate(context.Background(), []facts.Fact{v})
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantErr {
				if c := control(t, r, "8.24"); c.Status != StatusError || !strings.Contains(c.Reason, "line") {
					t.Errorf("8.24 %s (%s), want an error about the line", c.Status, c.Reason)
				}
				return
			}
			if len(r.Findings) != 1 || r.Findings[0].Source.Line != tt.wantLine {
				t.Fatalf("findings %+v, want one at line %d", r.Findings, tt.wantLine)
			}
			if tt.line != "" && r.Findings[0].Source.Column != 0 {
				t.Errorf("a finding at a line of its own keeps the fact's column %d", r.Findings[0].Source.Column)
			}
		})
	}
}
