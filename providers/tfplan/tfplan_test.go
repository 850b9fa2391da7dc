package tfplan

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

const secret = "hunter2-Very-Secret"

// plan builds a minimal Terraform 1.x plan around the given resource
// changes, prior-state resources and configuration.
func plan(t *testing.T, changes []map[string]any, prior []map[string]any, config map[string]any) []byte {
	t.Helper()
	p := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.9.8",
		"variables":         map[string]any{"db_password": map[string]any{"value": secret}, "env": map[string]any{"value": "prod"}},
		"planned_values":    map[string]any{"root_module": map[string]any{}},
		"resource_changes":  changes,
		"configuration":     config,
	}
	if prior != nil {
		p["prior_state"] = map[string]any{"format_version": "1.0", "values": map[string]any{
			"root_module": map[string]any{"child_modules": []any{map[string]any{"address": "module.iam", "resources": prior}}},
		}}
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func change(addr, module, typ, name string, index any, actions []string, before, after, afterUnknown, afterSensitive any) map[string]any {
	c := map[string]any{
		"address": addr, "mode": "managed", "type": typ, "name": name,
		"provider_name": "registry.terraform.io/hashicorp/aws",
		"change": map[string]any{
			"actions": actions, "before": before, "after": after,
			"after_unknown": afterUnknown, "after_sensitive": afterSensitive, "before_sensitive": false,
		},
	}
	if module != "" {
		c["module_address"] = module
	}
	if index != nil {
		c["index"] = index
	}
	return c
}

var sensitiveConfig = map[string]any{
	"root_module": map[string]any{
		"variables": map[string]any{"db_password": map[string]any{"sensitive": true}, "env": map[string]any{}},
		"resources": []any{
			map[string]any{"address": "aws_s3_bucket_public_access_block.logs", "mode": "managed", "type": "aws_s3_bucket_public_access_block", "name": "logs",
				"expressions": map[string]any{"bucket": map[string]any{"references": []any{"aws_s3_bucket.logs.id", "aws_s3_bucket.logs"}}}},
		},
		"module_calls": map[string]any{"db": map[string]any{"source": "./modules/db", "module": map[string]any{
			"resources": []any{map[string]any{"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
				"expressions": map[string]any{
					"password":               map[string]any{"references": []any{"var.password"}},
					"vpc_security_group_ids": map[string]any{"references": []any{"aws_security_group.db.id", "aws_security_group.db"}},
					"tags":                   map[string]any{"constant_value": map[string]any{"Name": "db"}},
				}}},
		}}},
	},
}

func collect(t *testing.T, data []byte) map[string]facts.Fact {
	t.Helper()
	fs, err := Parse(context.Background(), "plan.json", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	out := map[string]facts.Fact{}
	for _, f := range fs {
		out[f.ID] = f
	}
	return out
}

func TestParseResources(t *testing.T) {
	data := plan(t, []map[string]any{
		change("module.db.aws_db_instance.main", "module.db", "aws_db_instance", "main", nil, []string{"create"}, nil,
			map[string]any{"password": secret, "storage_encrypted": true, "engine": "postgres", "user_data": "export PW=" + secret + " && run",
				"auth_token": "literal-token-value", "tags": map[string]any{"Name": "db"}},
			map[string]any{"id": true, "arn": true, "kms_key_id": true},
			map[string]any{"password": true, "tags": map[string]any{}}),
		change("aws_subnet.private[1]", "", "aws_subnet", "private", 1, []string{"create"}, nil,
			map[string]any{"cidr_block": "10.0.1.0/24"}, map[string]any{"id": true}, map[string]any{}),
		change(`aws_s3_bucket.b["logs"]`, "", "aws_s3_bucket", "b", "logs", []string{"no-op"},
			map[string]any{"bucket": "acme-logs"}, map[string]any{"bucket": "acme-logs"}, map[string]any{}, map[string]any{}),
		change("aws_ebs_volume.old", "", "aws_ebs_volume", "old", nil, []string{"delete"},
			map[string]any{"encrypted": false, "size": 10}, nil, map[string]any{}, false),
		change("aws_s3_bucket_public_access_block.logs", "", "aws_s3_bucket_public_access_block", "logs", nil, []string{"create"}, nil,
			map[string]any{"block_public_acls": true, "ingress": []any{map[string]any{"cidr": "x"}, nil}},
			map[string]any{"bucket": true, "ingress": []any{map[string]any{}, true}}, map[string]any{}),
	}, []map[string]any{
		{"address": "module.iam.data.aws_iam_policy_document.ci", "mode": "data", "type": "aws_iam_policy_document", "name": "ci",
			"values": map[string]any{"json": "{}", "statement": []any{}}, "sensitive_values": map[string]any{}},
	}, sensitiveConfig)

	got := collect(t, data)

	db := got["module.db.aws_db_instance.main"]
	if db.Attributes["password"] != facts.Redacted {
		t.Errorf("password = %v, want redacted", db.Attributes["password"])
	}
	if db.Attributes["user_data"] != "export PW="+facts.Redacted+" && run" {
		t.Errorf("user_data = %v, want the sensitive variable value scrubbed", db.Attributes["user_data"])
	}
	if db.Attributes["auth_token"] != facts.Redacted {
		t.Errorf("auth_token = %v, want redacted by name", db.Attributes["auth_token"])
	}
	if !slices.Equal(db.Sensitive, []string{"auth_token", "password", "user_data"}) {
		t.Errorf("sensitive = %v", db.Sensitive)
	}
	if !slices.Equal(db.Unknown, []string{"arn", "id", "kms_key_id"}) {
		t.Errorf("unknown = %v", db.Unknown)
	}
	if _, ok := db.Attributes["kms_key_id"]; ok {
		t.Error("unknown kms_key_id must be absent from attributes")
	}
	if db.Module != "module.db" || db.BaseAddress != db.ID {
		t.Errorf("module = %q base = %q", db.Module, db.BaseAddress)
	}
	if want := []string{"module.db.aws_security_group.db"}; !slices.Equal(db.References["vpc_security_group_ids"], want) {
		t.Errorf("references = %v, want vpc_security_group_ids -> %v", db.References, want)
	}
	if _, ok := db.References["password"]; ok {
		t.Error("a reference to a variable is not a resource reference")
	}

	sub := got["aws_subnet.private[1]"]
	if sub.Index != 1 || sub.BaseAddress != "aws_subnet.private" {
		t.Errorf("subnet index = %#v base = %q", sub.Index, sub.BaseAddress)
	}
	b := got[`aws_s3_bucket.b["logs"]`]
	if b.Index != "logs" || b.BaseAddress != "aws_s3_bucket.b" {
		t.Errorf("bucket index = %#v base = %q", b.Index, b.BaseAddress)
	}

	old := got["aws_ebs_volume.old"]
	if !old.DeleteOnly() || old.Attributes["encrypted"] != false {
		t.Errorf("delete-only volume: actions %v attributes %v", old.Actions, old.Attributes)
	}

	pab := got["aws_s3_bucket_public_access_block.logs"]
	if want := []string{"aws_s3_bucket.logs"}; !slices.Equal(pab.References["bucket"], want) {
		t.Errorf("pab references = %v", pab.References)
	}
	if !slices.Equal(pab.Unknown, []string{"bucket", "ingress.1"}) {
		t.Errorf("pab unknown = %v", pab.Unknown)
	}
	if ing := pab.Attributes["ingress"].([]any); len(ing) != 2 || ing[1] != nil {
		t.Errorf("unknown list element must stay as null in place, got %v", ing)
	}

	if want := []string{"password", "tags", "vpc_security_group_ids"}; !slices.Equal(db.Configured, want) {
		t.Errorf("db configured = %v, want %v (the module's expressions)", db.Configured, want)
	}
	if want := []string{"bucket"}; !slices.Equal(pab.Configured, want) {
		t.Errorf("pab configured = %v, want %v", pab.Configured, want)
	}
	if sub.Configured != nil {
		t.Errorf("a resource without configuration has configured = %v, want nil", sub.Configured)
	}

	ds := got["module.iam.data.aws_iam_policy_document.ci"]
	if ds.Mode != facts.ModeData || ds.Module != "module.iam" {
		t.Errorf("data source = %+v", ds)
	}

	all, _ := json.Marshal(got)
	if strings.Contains(string(all), secret) || strings.Contains(string(all), "literal-token-value") {
		t.Error("a secret survived into the facts")
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for id, f := range got {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("fact %s fails its schema: %v", id, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	valid := plan(t, nil, nil, nil)
	tests := []struct {
		name, content, want string
	}{
		{"empty", "", "file is empty"},
		{"whitespace", " \n\t\n", "file is empty"},
		{"truncated", string(valid[:len(valid)/2]), "plan.json:1:"},
		{"truncated multi-line", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [\n", "plan.json:4:1: invalid JSON"},
		{"random bytes", "\x8f\x01\xfe\xa0garbage", "not UTF-8"},
		{"not json", "resource \"aws_s3_bucket\" \"b\" {}", "plan.json:1:1: invalid JSON"},
		{"array", `[1, 2]`, "expected a JSON object"},
		{"string", `"plan"`, "expected a JSON object"},
		{"other object", `{"name": "x"}`, "no \"format_version\""},
		{"state file", `{"version": 4, "terraform_version": "1.9.8", "resources": []}`, "Terraform state file"},
		{"show state", `{"format_version": "1.0", "values": {}}`, "of a state, not of a plan"},
		{"future format", `{"format_version": "2.0", "resource_changes": []}`, "unsupported plan format version"},
		{"wrong type", `{"format_version": "1.2", "resource_changes": {"a": 1}}`, "field resource_changes"},
		{"utf16", "\xff\xfe{\x00}\x00", "UTF-16"},
		{"change without type", `{"format_version": "1.2", "resource_changes": [{"address": "x", "change": {"actions": ["create"]}}]}`, "lacks address, type or name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(context.Background(), "plan.json", []byte(tt.content))
			if err == nil {
				t.Fatal("Parse succeeded, want error")
			}
			if !strings.Contains(err.Error(), "plan.json") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name the file and say %q", err, tt.want)
			}
		})
	}
}

func TestCollectFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"format_version":"1.2"}`+strings.Repeat(" ", 2048)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "no such file"},
		{dir, "is a directory"},
		{big, "larger than"},
	}
	for _, tt := range tests {
		_, err := diag.AsError(Provider{MaxBytes: 1024}.Collect(context.Background(), tt.path))
		if err == nil || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Collect(%s) error = %v, want it to name the file and say %q", tt.path, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","mode":"managed","change":{"actions":["create"],"after":{"x":1},"after_unknown":{"y":true}}}]}`))
	f.Add([]byte(`{"format_version":"1.2","configuration":{"root_module":{"module_calls":{"m":{"module":{}}}}}}`))
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[null,{"address":"a.b","type":"a","name":"b","change":{"actions":["delete"],"before":{"x":1.5}}}],"resource_drift":[]}`))
	f.Add([]byte(`{"format_version":"1.2","configuration":{"root_module":{"variables":{"v":{"sensitive":true}},"resources":[{"mode":"managed","type":"a","name":"b","expressions":{"p":{"constant_value":"x"},"blk":[{"r":{"references":["a.c"]}}]}}],"module_calls":{"m":{"module":{}}}}},"variables":{"v":{"value":"hunter22"}},"resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":["create"],"after":{"p":"hunter22"}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The streaming pass and encoding/json read every input alike.
		sameAsSlow(t, "fuzz input", data)
	})
}
