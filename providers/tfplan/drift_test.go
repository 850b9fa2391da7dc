package tfplan_test

import (
	"context"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/providers/tfplan"
)

func TestResourceDrift(t *testing.T) {
	plan := `{"format_version": "1.2", "resource_changes": [],
	 "resource_drift": [
	  {"address": "aws_security_group.web", "mode": "managed", "type": "aws_security_group", "name": "web",
	   "change": {"actions": ["update"], "before": {"id": "sg-1", "ingress": [], "name": "web", "description": "x"},
	              "after": {"id": "sg-1", "ingress": [{"from_port": 22}], "name": "web", "tags": {}}}},
	  {"address": "aws_db_instance.app", "mode": "managed", "type": "aws_db_instance", "name": "app",
	   "change": {"actions": ["delete"], "before": {"id": "db-1", "password": "s3cr3t-Passw0rd!"}, "after": null}},
	  {"address": "data.aws_caller_identity.me", "mode": "data", "type": "aws_caller_identity", "name": "me",
	   "change": {"actions": ["update"], "before": {"id": "1"}, "after": {"id": "2"}}}
	 ]}`
	fs, err := tfplan.Parse(context.Background(), "tfplan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("got %d facts, want one per drifted managed resource: %+v", len(fs), fs)
	}
	tests := []struct {
		id, address string
		actions     []any
		changed     []any
	}{
		{`data.annexa_plan_drift.this["aws_db_instance.app"]`, "aws_db_instance.app", []any{"delete"}, []any{"id", "password"}},
		{`data.annexa_plan_drift.this["aws_security_group.web"]`, "aws_security_group.web", []any{"update"}, []any{"description", "ingress", "tags"}},
	}
	for i, tt := range tests {
		f := fs[i]
		if f.ID != tt.id || f.Type != tfplan.DriftType || f.Mode != "data" || f.Attributes["address"] != tt.address {
			t.Errorf("fact %d = %s %s %s %v", i, f.ID, f.Type, f.Mode, f.Attributes["address"])
		}
		if !slices.Equal(f.Attributes["actions"].([]any), tt.actions) || !slices.Equal(f.Attributes["changed"].([]any), tt.changed) {
			t.Errorf("%s: actions %v changed %v, want %v %v", f.ID, f.Attributes["actions"], f.Attributes["changed"], tt.actions, tt.changed)
		}
	}

	bad := `{"format_version": "1.2", "resource_drift": [{"address": "", "mode": "managed", "change": {"actions": ["update"]}}]}`
	if _, err := tfplan.Parse(context.Background(), "tfplan.json", []byte(bad)); err == nil || err.Error() != "tfplan.json: resource_drift[0] lacks address or type" {
		t.Errorf("err = %v", err)
	}
}
