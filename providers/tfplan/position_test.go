package tfplan

import (
	"context"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// Each resource of a plan records where its change starts in the plan
// JSON, on one line (as terraform show -json writes it) or over many, so
// a finding about it has a region; a change repeated verbatim elsewhere
// (resource_drift) does not confuse it.
func TestResourcePositions(t *testing.T) {
	change := func(addr string) string {
		return `{"address":"` + addr + `","mode":"managed","type":"aws_s3_bucket","name":"` + addr[len("aws_s3_bucket."):] + `","change":{"actions":["create"],"before":null,"after":{}}}`
	}
	tests := []struct {
		name string
		plan string
		want map[string][2]int
	}{
		{
			name: "one line",
			plan: `{"format_version":"1.2","resource_drift":[` + change("aws_s3_bucket.b") + `],"resource_changes":[` + change("aws_s3_bucket.a") + `,` + change("aws_s3_bucket.b") + `]}`,
			want: map[string][2]int{"aws_s3_bucket.a": {1, 202}, "aws_s3_bucket.b": {1, 340}},
		},
		{
			name: "pretty",
			plan: "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [\n    " + change("aws_s3_bucket.a") + ",\n    " + change("aws_s3_bucket.b") + "\n  ]\n}\n",
			want: map[string][2]int{"aws_s3_bucket.a": {4, 5}, "aws_s3_bucket.b": {5, 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all, err := Parse(context.Background(), "tfplan.json", []byte(tt.plan))
			if err != nil {
				t.Fatal(err)
			}
			// The drift itself is a fact of its own (DriftType), not a
			// position of the resource.
			fs := slices.DeleteFunc(all, func(f facts.Fact) bool { return f.Type == DriftType })
			if len(fs) != len(tt.want) {
				t.Fatalf("%d facts, want %d", len(fs), len(tt.want))
			}
			for _, f := range fs {
				if got := [2]int{f.Source.Line, f.Source.Column}; got != tt.want[f.ID] {
					t.Errorf("%s at line %d column %d, want %v", f.ID, got[0], got[1], tt.want[f.ID])
				}
			}
		})
	}
}
