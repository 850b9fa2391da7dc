package tfsource

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestInstalledModules: after terraform init, modules.json maps each
// remote module call, by its key, to the directory it was installed in;
// those modules are evaluated like local ones, and their facts point into
// .terraform/modules. A call the manifest does not list stays a warning.
func TestInstalledModules(t *testing.T) {
	const manifest = `{"Modules":[
  {"Key":"","Source":"","Dir":"."},
  {"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0","Dir":".terraform/modules/vpc"},
  {"Key":"vpc.sg","Source":"git::https://example.com/sg.git?ref=v1","Dir":".terraform/modules/vpc.sg/modules/rule"},
  {"Key":"local","Source":"./local","Dir":"local"}
]}`
	base := map[string]string{
		"root/main.tf": `module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  cidr    = "10.0.0.0/16"
}
module "other" {
  source = "git::https://example.com/other.git"
}
module "local" { source = "./local" }
resource "aws_flow_log" "f" {
  vpc_id       = module.vpc.vpc_id
  traffic_type = module.vpc.traffic
}
`,
		"root/local/main.tf": `resource "aws_s3_bucket" "b" { bucket = "local" }`,
		"root/.terraform/modules/vpc/main.tf": `variable "cidr" {}
resource "aws_vpc" "this" {
  cidr_block = var.cidr
}
module "sg" {
  source = "git::https://example.com/sg.git//modules/rule?ref=v1"
  vpc_id = aws_vpc.this.id
}
output "vpc_id" { value = aws_vpc.this.id }
output "traffic" { value = "ALL" }
`,
		"root/.terraform/modules/vpc.sg/modules/rule/main.tf": `variable "vpc_id" {}
resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  cidr_blocks = ["0.0.0.0/0"]
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
}
`,
	}
	tests := []struct {
		name     string
		manifest string // "" for none
		// want maps fact ids to file:line; absent lists ids that must not
		// be there.
		want     map[string]string
		absent   []string
		warnings []string
	}{
		{
			name:     "installed",
			manifest: manifest,
			want: map[string]string{
				"module.vpc.aws_vpc.this":                          "root/.terraform/modules/vpc/main.tf:2",
				"module.vpc.module.sg.aws_security_group_rule.ssh": "root/.terraform/modules/vpc.sg/modules/rule/main.tf:2",
				"module.local.aws_s3_bucket.b":                     "root/local/main.tf:1",
				"aws_flow_log.f":                                   "root/main.tf:10",
			},
			warnings: []string{`root/main.tf:7:12: Module not evaluated; The module "other" comes from "git::https://example.com/other.git", which annexa does not fetch, and terraform init has not installed it (no entry "other" in root/.terraform/modules/modules.json)`},
		},
		{
			name:   "not installed",
			want:   map[string]string{"module.local.aws_s3_bucket.b": "root/local/main.tf:1", "aws_flow_log.f": "root/main.tf:10"},
			absent: []string{"module.vpc.aws_vpc.this", "module.vpc.module.sg.aws_security_group_rule.ssh"},
			warnings: []string{
				`root/main.tf:2:13: Module not evaluated; The module "vpc" comes from "terraform-aws-modules/vpc/aws"`,
				`root/main.tf:7:12: Module not evaluated; The module "other"`,
			},
		},
		{
			name:     "manifest that is not JSON",
			manifest: "{",
			want:     map[string]string{"aws_flow_log.f": "root/main.tf:10"},
			absent:   []string{"module.vpc.aws_vpc.this"},
			warnings: []string{"root/.terraform/modules/modules.json: Module manifest not read", `root/main.tf:2:13: Module not evaluated; The module "vpc"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(base)
			if tt.manifest != "" {
				files["root/.terraform/modules/modules.json"] = tt.manifest
			}
			fs, warnings, err := run(t, files)
			if err != nil {
				t.Fatal(err)
			}
			ids := byID(fs)
			for id, where := range tt.want {
				f, ok := ids[id]
				if !ok {
					t.Errorf("no fact %s; have %v", id, slices.Sorted(maps.Keys(ids)))
					continue
				}
				if got := f.Source.File + ":" + strconv.Itoa(f.Source.Line); got != where {
					t.Errorf("%s at %s, want %s", id, got, where)
				}
			}
			for _, id := range tt.absent {
				if _, ok := ids[id]; ok {
					t.Errorf("fact %s present", id)
				}
			}
			for _, w := range tt.warnings {
				if !strings.Contains(warnings, "warning: "+w) {
					t.Errorf("warnings lack %q:\n%s", w, warnings)
				}
			}
			if tt.manifest == manifest {
				if got := attrJSON(t, fs, "module.vpc.aws_vpc.this", "cidr_block"); got != `"10.0.0.0/16"` {
					t.Errorf("cidr_block = %s", got)
				}
				if got := attrJSON(t, fs, "aws_flow_log.f", "traffic_type"); got != `"ALL"` {
					t.Errorf("traffic_type from an installed module's output = %s", got)
				}
				if got := attrJSON(t, fs, "module.vpc.module.sg.aws_security_group_rule.ssh", "cidr_blocks"); got != `["0.0.0.0/0"]` {
					t.Errorf("cidr_blocks = %s", got)
				}
			}
		})
	}
}
