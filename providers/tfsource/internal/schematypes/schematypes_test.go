package schematypes

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestTable checks argument types the policies rely on, written down from
// the provider documentation before the table was generated.
func TestTable(t *testing.T) {
	cases := []struct {
		resource string
		path     []string // nested block names, then the argument
		want     cty.Type
	}{
		{"aws_security_group_rule", []string{"from_port"}, cty.Number},
		{"aws_security_group_rule", []string{"cidr_blocks"}, cty.List(cty.String)},
		{"aws_security_group", []string{"ingress", "to_port"}, cty.Number},
		{"aws_db_instance", []string{"storage_encrypted"}, cty.Bool},
		{"aws_db_instance", []string{"backup_retention_period"}, cty.Number},
		{"aws_s3_bucket", []string{"tags"}, cty.Map(cty.String)},
		{"google_compute_instance", []string{"metadata"}, cty.Map(cty.String)},
		{"google_compute_instance", []string{"shielded_instance_config", "enable_secure_boot"}, cty.Bool},
		{"azurerm_storage_account", []string{"min_tls_version"}, cty.String},
		{"azurerm_storage_account", []string{"https_traffic_only_enabled"}, cty.Bool},
	}
	for _, c := range cases {
		b, err := Resource(c.resource)
		if err != nil || b == nil {
			t.Fatalf("%s: %v, %v", c.resource, b, err)
		}
		for _, name := range c.path[:len(c.path)-1] {
			if b = b.Blocks[name]; b == nil {
				t.Fatalf("%s: no block %s", c.resource, name)
			}
		}
		if got := b.Attrs[c.path[len(c.path)-1]]; !got.Equals(c.want) {
			t.Errorf("%s %v: got %s, want %s", c.resource, c.path, got.FriendlyName(), c.want.FriendlyName())
		}
	}
	if b, err := Resource("aws_security_group"); err != nil || b.Blocks["ingress"].Nesting != Set {
		t.Errorf("aws_security_group ingress: want set nesting")
	}
	if b, err := Resource("data_only_type"); b != nil || err != nil {
		t.Errorf("unknown type: got %v, %v", b, err)
	}
	ps, err := Sources()
	if err != nil || len(ps) != 3 {
		t.Fatalf("sources: %v, %v", ps, err)
	}
}
