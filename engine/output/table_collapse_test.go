package output

import (
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

func TestCollapseSources(t *testing.T) {
	t.Parallel()
	tf := Location{File: "main.tf", Line: 58}
	plan := engine.Finding{Policy: "c8_20.sg", Severity: engine.SeverityHigh, Message: "admits 22", Resource: "plan.json//aws_security_group.web"}
	source := plan
	source.Resource = "tf//aws_security_group.web"
	other := source
	other.Resource = "tf//aws_security_group.db"
	waived := source
	waived.Waiver = &waiver.Waiver{Reason: "accepted", Expires: "2027-01-01"}
	tests := []struct {
		name     string
		fs       []engine.Finding
		locs     []Location
		wantLen  int
		wantAlso []int
	}{
		{"plan and source of one resource at one block", []engine.Finding{plan, source}, []Location{tf, tf}, 1, []int{1}},
		{"two resources", []engine.Finding{plan, other}, []Location{tf, tf}, 2, []int{0, 0}},
		{"different lines", []engine.Finding{plan, source}, []Location{tf, {File: "main.tf", Line: 59}}, 2, []int{0, 0}},
		{"no location is never merged", []engine.Finding{plan, source}, []Location{{}, {}}, 2, []int{0, 0}},
		{"waived apart from open", []engine.Finding{plan, waived}, []Location{tf, tf}, 2, []int{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, locs, also := collapseSources(tt.fs, tt.locs)
			if len(fs) != tt.wantLen || len(locs) != tt.wantLen {
				t.Fatalf("kept %d findings, %d locations; want %d", len(fs), len(locs), tt.wantLen)
			}
			for i := range also {
				if also[i] != tt.wantAlso[i] {
					t.Errorf("also = %v, want %v", also, tt.wantAlso)
					break
				}
			}
		})
	}
}
