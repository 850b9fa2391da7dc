package facts

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestFactJSONRoundTrip(t *testing.T) {
	base := func(index any, attrs map[string]any, configured ...string) Fact {
		return Fact{
			Kind:         KindResource,
			Source:       Source{Provider: "terraform-plan", File: "plan.json", Line: 7},
			ID:           "module.db.aws_db_instance.main",
			Type:         "aws_db_instance",
			BaseAddress:  "module.db.aws_db_instance.main",
			Mode:         ModeManaged,
			Module:       "module.db",
			Name:         "main",
			Index:        index,
			ProviderName: "registry.terraform.io/hashicorp/aws",
			Actions:      []string{"create"},
			Attributes:   attrs,
			Unknown:      []string{"arn"},
			Sensitive:    []string{"password"},
			References:   map[string][]string{"kms_key_id": {"aws_kms_key.data"}},
			Configured:   configured,
		}
	}
	attrs := map[string]any{
		"allocated_storage": json.Number("20"),
		"ratio":             json.Number("1.50"),
		"big":               json.Number("12345678901234567890"),
		"password":          Redacted,
		"tags":              map[string]any{"Name": "db", "Count": json.Number("3")},
		"list":              []any{json.Number("1e3"), true, nil, "x"},
	}
	tests := []struct {
		name string
		fact Fact
	}{
		{"count index", base(2, attrs)},
		{"zero count index", base(0, attrs)},
		{"for_each key", base("eu-west-1", attrs)},
		{"numeric-looking for_each key", base("10", attrs)},
		{"no index", base(nil, attrs)},
		{"no attributes", base(nil, nil)},
		{"configured", base(nil, attrs, "engine", "kms_key_id")},
		// An empty list says the block sets nothing, unlike an absent one.
		{"nothing configured", base(nil, attrs, []string{}...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.fact)
			if err != nil {
				t.Fatal(err)
			}
			var got Fact
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("unmarshal %s: %v", b, err)
			}
			if !reflect.DeepEqual(got, tt.fact) {
				t.Errorf("round trip changed the fact:\n got %#v\nwant %#v", got, tt.fact)
			}
			if !reflect.DeepEqual(got.Document(), tt.fact.Document()) {
				t.Errorf("round trip changed what policies see:\n got %#v\nwant %#v", got.Document(), tt.fact.Document())
			}
		})
	}
}

func TestFactJSONBadIndex(t *testing.T) {
	for _, idx := range []string{`1.5`, `true`, `[1]`, `{}`} {
		var f Fact
		err := json.Unmarshal([]byte(`{"kind":"resource","id":"a.b","index":`+idx+`,"attributes":{}}`), &f)
		if err == nil || !strings.Contains(err.Error(), `fact "a.b"`) {
			t.Errorf("index %s: error %v, want one naming the fact", idx, err)
		}
	}
}
