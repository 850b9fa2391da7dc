package engine

import (
	"encoding/json"
	"testing"
)

// TestEnvironmentTag checks the environment the engine reads from a
// resource's tags against what labels.value(r, environment keys) gives
// in Rego (policies/lib/labels.rego), on the shapes of tags clouds use.
func TestEnvironmentTag(t *testing.T) {
	tests := []struct {
		name  string
		attrs string
		want  string
		found bool
	}{
		{"no tags", `{}`, "", false},
		{"aws tags_all", `{"tags_all": {"Environment": "prod", "Name": "x"}}`, "prod", true},
		{"tags_all wins over tags", `{"tags_all": {"Name": "x"}, "tags": {"env": "dev"}}`, "", false},
		{"tags_all not an object", `{"tags_all": null, "tags": {"env": "dev"}}`, "dev", true},
		{"google effective_labels", `{"effective_labels": {"environment": "test"}, "labels": {"env": "prod"}}`, "test", true},
		{"labels", `{"labels": {"Stage": "qa"}}`, "qa", true},
		{"cloud sql user_labels", `{"settings": [{"user_labels": {"deployment-environment": "live"}}]}`, "live", true},
		{"settings not a list", `{"settings": {"user_labels": {"env": "live"}}}`, "", false},
		{"punctuation and case", `{"tags": {"Deployment_Environment": "Prod"}}`, "Prod", true},
		{"the least of several", `{"tags": {"env": "uat", "Environment": "prod", "stage": "qa"}}`, "prod", true},
		{"not a string", `{"tags": {"env": 3}}`, "", false},
		{"another key", `{"tags": {"environments": "prod", "envy": "dev"}}`, "", false},
		{"non-ASCII dropped", `{"tags": {"énv": "dev"}}`, "", false},
		{"non-ASCII around a key", `{"tags": {"é-env": "dev"}}`, "dev", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var attrs map[string]any
			if err := json.Unmarshal([]byte(tt.attrs), &attrs); err != nil {
				t.Fatal(err)
			}
			got, found := environmentTag(attrs)
			if got != tt.want || found != tt.found {
				t.Errorf("environmentTag(%s) = %q, %v; want %q, %v", tt.attrs, got, found, tt.want, tt.found)
			}
		})
	}
}
