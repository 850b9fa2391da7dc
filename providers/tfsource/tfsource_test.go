package tfsource

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/providers/facts"
)

const secret = "hunter2-Very-Secret"

// run collects the facts of an in-memory configuration whose root module
// is the directory "root".
func run(t *testing.T, files map[string]string, vars ...Var) ([]facts.Fact, string, error) {
	t.Helper()
	return collectWith(t, Provider{Vars: vars}, files)
}

// runStrict is run with Provider.Strict set.
func runStrict(t *testing.T, files map[string]string, vars ...Var) ([]facts.Fact, string, error) {
	t.Helper()
	return collectWith(t, Provider{Vars: vars, Strict: true}, files)
}

// collectWith collects the facts of an in-memory configuration with p.
func collectWith(t *testing.T, p Provider, files map[string]string) ([]facts.Fact, string, error) {
	t.Helper()
	p.fsys = mapFS{mapFSOf(files)}
	fs, ds := p.Collect(context.Background(), "root")
	err := ds.Err()
	if err == nil {
		v, verr := facts.NewValidator()
		if verr != nil {
			t.Fatal(verr)
		}
		for i := range fs {
			if verr := v.Validate(fs[i].Document()); verr != nil {
				t.Fatalf("fact %s does not validate: %v", fs[i].ID, verr)
			}
		}
	}
	var warnings strings.Builder
	for _, d := range ds.Warnings() {
		fmt.Fprintf(&warnings, "warning: %s\n", d)
	}
	return fs, warnings.String(), err
}

// mapFSOf is an in-memory tree of files by slash-separated name.
func mapFSOf(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// byID indexes facts by address.
func byID(fs []facts.Fact) map[string]facts.Fact {
	m := map[string]facts.Fact{}
	for _, f := range fs {
		m[f.ID] = f
	}
	return m
}

// attrJSON renders attribute attr of fact id as compact JSON, "<absent>"
// when it is not there.
func attrJSON(t *testing.T, fs []facts.Fact, id, attr string) string {
	t.Helper()
	f, ok := byID(fs)[id]
	if !ok {
		t.Fatalf("no fact %s; have %v", id, slices.Sorted(maps.Keys(byID(fs))))
	}
	v, ok := f.Attributes[attr]
	if !ok {
		return "<absent>"
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestVariablePrecedence(t *testing.T) {
	decl := `
variable "a" { default = "default" }
variable "n" { type = number }
variable "l" { type = list(string) }
variable "o" {
  type = object({ name = string, size = optional(number, 3) })
  default = { name = "x" }
}
resource "null_resource" "r" {
  a = var.a
  n = var.n
  l = var.l
  o = var.o
}
`
	tests := []struct {
		name  string
		files map[string]string
		vars  []Var
		want  map[string]string
	}{
		{
			name:  "defaults and literal --var conversion",
			files: map[string]string{},
			vars:  []Var{{Assignment: "n=3"}, {Assignment: `l=["x", "y"]`}},
			want:  map[string]string{"a": `"default"`, "n": `3`, "l": `["x","y"]`, "o": `{"name":"x","size":3}`},
		},
		{
			name: "auto files in Terraform's order",
			files: map[string]string{
				"root/terraform.tfvars":        `a = "tfvars"` + "\nn = 1\nl = []\n",
				"root/terraform.tfvars.json":   `{"a": "tfvars.json"}`,
				"root/b.auto.tfvars":           `a = "b.auto"`,
				"root/a.auto.tfvars.json":      `{"a": "a.auto.json", "n": 2}`,
				"root/ignored.tfvars":          `a = "not loaded"`,
				"root/.hidden.auto.tfvars":     `a = "not loaded"`,
				"root/nested/x.auto.tfvars":    `a = "not loaded"`,
				"root/nested/terraform.tfvars": `a = "not loaded"`,
			},
			want: map[string]string{"a": `"b.auto"`, "n": `2`, "l": `[]`},
		},
		{
			name: "--var and --var-file in command-line order win over auto files",
			files: map[string]string{
				"root/terraform.tfvars": "a = \"tfvars\"\nn = 1\nl = [\"t\"]\n",
				"vars/one.tfvars":       "a = \"one\"\nn = 10\n",
				"vars/two.tfvars.json":  `{"n": 20, "o": {"name": "two", "size": 9}}`,
			},
			vars: []Var{{File: "vars/one.tfvars", CommandLine: true}, {Assignment: "n=5"}, {File: "vars/two.tfvars.json", CommandLine: true}},
			want: map[string]string{"a": `"one"`, "n": `20`, "l": `["t"]`, "o": `{"name":"two","size":9}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"root/main.tf": decl}
			maps.Copy(files, tt.files)
			fs, warnings, err := run(t, files, tt.vars...)
			if err != nil {
				t.Fatalf("collect: %v", err)
			}
			for attr, want := range tt.want {
				if got := attrJSON(t, fs, "null_resource.r", attr); got != want {
					t.Errorf("%s = %s, want %s", attr, got, want)
				}
			}
			if strings.Contains(warnings, "not loaded") {
				t.Errorf("warnings mention a file Terraform would not load: %s", warnings)
			}
		})
	}
}

func TestVariableErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		vars  []Var
		want  string
	}{
		{"type mismatch from tfvars", map[string]string{"root/terraform.tfvars": "n = \"many\"\n"}, nil,
			`root/terraform.tfvars:1:5: Invalid value for input variable; The value given for variable "n"`},
		{"malformed --var", nil, []Var{{Assignment: "no-equals-" + secret}}, "--var number 1 is not of the form NAME=VALUE"},
		{"bad HCL in --var", nil, []Var{{Assignment: "l=[1,"}}, "<value for var.l>:1:"},
		{"missing var file", nil, []Var{{File: "nope.tfvars"}}, "Failed to read variables file"},
		{"tfvars syntax error", map[string]string{"root/terraform.tfvars": "n = \n"}, nil, "root/terraform.tfvars:1:"},
		{"tfvars function call", map[string]string{"root/terraform.tfvars": "n = max(1, 2)\n"}, nil, "root/terraform.tfvars:1:5: Function calls not allowed"},
		{"validation", map[string]string{"root/terraform.tfvars": "n = 0\n"}, nil,
			"root/terraform.tfvars:1:5: Invalid value for variable; n must be positive. This was checked by the validation rule at root/main.tf:4:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"root/main.tf": `
variable "n" {
  type = number
  validation {
    condition     = var.n > 0
    error_message = "n must be positive."
  }
}
variable "l" { type = list(number) }
resource "null_resource" "r" { n = var.n }
`}
			maps.Copy(files, tt.files)
			_, _, err := run(t, files, tt.vars...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error repeats a --var value: %v", err)
			}
		})
	}
}

func TestSensitiveValuesNeverLeave(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
variable "db_password" {
  type      = string
  sensitive = true
}
variable "token" {
  type    = string
  default = "short"
}
locals {
  url = "postgres://admin:${var.db_password}@db:5432/app"
}
resource "aws_db_instance" "db" {
  engine   = "postgres"
  password = var.db_password
  tags     = { conn = local.url, plain = "visible" }
}
resource "aws_ssm_parameter" "p" {
  name  = "x"
  value = nonsensitive(var.db_password)
  api_token = var.token
}
module "m" {
  source = "./mod"
  secret = "literal-secret-value"
}
`,
		"root/terraform.tfvars": `db_password = "` + secret + `"`,
		"root/mod/main.tf": `
variable "secret" {
  type      = string
  sensitive = true
}
resource "null_resource" "n" { note = "uses ${var.secret}" }
`,
	}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := json.Marshal(docs(fs))
	for _, s := range []string{secret, "literal-secret-value"} {
		if bytes.Contains(all, []byte(s)) || strings.Contains(warnings, s) {
			t.Errorf("secret %q appears in facts or warnings:\n%s", s, all)
		}
	}
	db := byID(fs)["aws_db_instance.db"]
	// tags_all merges the provider's default_tags with tags, so the
	// sensitive tag is sensitive there too.
	if !slices.Equal(db.Sensitive, []string{"password", "tags.conn", "tags_all.conn"}) {
		t.Errorf("sensitive = %v, want password, tags.conn and tags_all.conn", db.Sensitive)
	}
	if got := attrJSON(t, fs, "aws_db_instance.db", "tags"); got != `{"conn":"(sensitive)","plain":"visible"}` {
		t.Errorf("tags = %s", got)
	}
	// nonsensitive() drops the mark, but the value is still a known secret.
	if got := attrJSON(t, fs, "aws_ssm_parameter.p", "value"); got != `"(sensitive)"` {
		t.Errorf("value = %s", got)
	}
	if got := attrJSON(t, fs, "aws_ssm_parameter.p", "api_token"); got != `"(sensitive)"` {
		t.Errorf("api_token = %s: secret-named attributes are redacted", got)
	}
	if got := attrJSON(t, fs, "module.m.null_resource.n", "note"); got != `"(sensitive)"` {
		t.Errorf("note = %s", got)
	}
}

func docs(fs []facts.Fact) []map[string]any {
	out := make([]map[string]any, len(fs))
	for i := range fs {
		out[i] = fs[i].Document()
	}
	return out
}

func TestExpansion(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
locals {
  zones = { a = "eu-west-1a", b = "eu-west-1b" }
}
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = values(local.zones)[count.index]
}
resource "aws_subnet" "public" {
  for_each          = local.zones
  vpc_id            = aws_vpc.main.id
  availability_zone = each.value
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, 100 + index(keys(local.zones), each.key))
}
resource "aws_route_table_association" "private" {
  count     = length(aws_subnet.private)
  subnet_id = aws_subnet.private[count.index].id
}
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = "acme-${each.key}"
}
resource "aws_s3_bucket_policy" "b" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.bucket
}
resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}
module "net" {
  source   = "./net"
  for_each = { east = 1, west = 2 }
  n        = each.value
}
module "counted" {
  source = "./net"
  count  = 2
  n      = count.index
}
`,
		"root/net/main.tf": `
variable "n" { type = number }
resource "aws_eip" "ip" {
  count = var.n
  tags  = { n = var.n, i = count.index }
}
`,
	}
	fs, _, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(maps.Keys(byID(fs)))
	want := []string{
		`aws_route_table_association.private[0]`, `aws_route_table_association.private[1]`,
		`aws_s3_bucket.b["data"]`, `aws_s3_bucket.b["logs"]`,
		`aws_s3_bucket_policy.b["data"]`, `aws_s3_bucket_policy.b["logs"]`,
		`aws_subnet.private[0]`, `aws_subnet.private[1]`,
		`aws_subnet.public["a"]`, `aws_subnet.public["b"]`,
		`aws_vpc.main`,
		`module.counted[1].aws_eip.ip[0]`,
		`module.net["east"].aws_eip.ip[0]`,
		`module.net["west"].aws_eip.ip[0]`, `module.net["west"].aws_eip.ip[1]`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("addresses:\n got %q\nwant %q", got, want)
	}
	checks := []struct{ id, attr, want string }{
		{"aws_subnet.private[1]", "cidr_block", `"10.0.1.0/24"`},
		{"aws_subnet.private[1]", "availability_zone", `"eu-west-1b"`},
		{`aws_subnet.public["b"]`, "cidr_block", `"10.0.101.0/24"`},
		{`aws_s3_bucket_policy.b["logs"]`, "bucket", `"acme-logs"`},
		// tags is a map of strings in the aws provider schema: count.index and
		// length() become strings, as in a plan.
		{`module.net["west"].aws_eip.ip[1]`, "tags", `{"i":"1","n":"2"}`},
		{"aws_route_table_association.private[0]", "subnet_id", "<absent>"},
	}
	for _, c := range checks {
		if got := attrJSON(t, fs, c.id, c.attr); got != c.want {
			t.Errorf("%s.%s = %s, want %s", c.id, c.attr, got, c.want)
		}
	}
	f := byID(fs)[`module.net["west"].aws_eip.ip[1]`]
	if f.Module != `module.net["west"]` || f.BaseAddress != `module.net["west"].aws_eip.ip` || f.Index != 1 || f.Name != "ip" {
		t.Errorf("module instance fact fields: %+v", f)
	}
	if f := byID(fs)[`aws_subnet.public["a"]`]; f.Index != "a" {
		t.Errorf("for_each index = %v", f.Index)
	}
	rta := byID(fs)["aws_route_table_association.private[0]"]
	if !slices.Equal(rta.Unknown, []string{"subnet_id"}) {
		t.Errorf("unknown = %v", rta.Unknown)
	}
	// count.index is not a literal key, so the reference names the resource.
	if got := rta.References["subnet_id"]; !slices.Equal(got, []string{"aws_subnet.private"}) {
		t.Errorf("references = %v", got)
	}
}

func TestExpansionErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"list for_each", `resource "x_y" "z" {
  for_each = ["a"]
}`, `root/main.tf:2:14: Invalid for_each argument; The given for_each argument value is unsuitable: the for_each argument must be a map, or set of strings, and you have provided a value of type tuple`},
		{"null count", `resource "x_y" "z" {
  count = null
}`, "root/main.tf:2:11: Invalid count argument"},
		{"fractional count", `resource "x_y" "z" { count = 1.5 }`, "whole number"},
		{"huge count", `resource "x_y" "z" { count = 1000000 }`, "root/main.tf:1:30: Too many instances"},
		{"count and for_each", `resource "x_y" "z" {
  count    = 1
  for_each = {}
}`, `Invalid combination of "count" and "for_each"`},
		{"sensitive for_each", `variable "s" {
  sensitive = true
  default   = { a = 1 }
}
resource "x_y" "z" { for_each = var.s }`, "Sensitive values"},
		{"count.index outside count", `resource "x_y" "z" { n = count.index }`, `root/main.tf:1:26: Reference to "count" in non-counted context`},
		{"total budget", `resource "x_y" "a" { count = 10000 }
resource "x_y" "b" { count = 10000 }
resource "x_y" "c" { count = 10000 }
resource "x_y" "d" { count = 10000 }
resource "x_y" "e" { count = 10000 }
resource "x_y" "f" { count = 10000 }
resource "x_y" "g" { count = 10000 }
resource "x_y" "h" { count = 10000 }
resource "x_y" "i" { count = 10000 }
resource "x_y" "j" { count = 10000 }
resource "x_y" "k" { count = 10000 }`, "more than 100000 resource and module instances"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runStrict(t, map[string]string{"root/main.tf": tt.src})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestUnknownCountIsAWarning(t *testing.T) {
	fs, warnings, err := run(t, map[string]string{"root/main.tf": `
resource "aws_vpc" "v" {}
resource "aws_subnet" "s" {
  count  = length(aws_vpc.v.secondary_cidrs)
  vpc_id = aws_vpc.v.id
}
`})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := byID(fs)["aws_subnet.s[0]"]; ok || len(fs) != 1 {
		t.Errorf("facts = %v", slices.Sorted(maps.Keys(byID(fs))))
	}
	if !strings.Contains(warnings, "root/main.tf:4:12: Instances not checked; The count of aws_subnet.s is known only after apply") {
		t.Errorf("warnings = %q", warnings)
	}
}

func TestDynamicBlocks(t *testing.T) {
	files := map[string]string{"root/main.tf": `
variable "rules" {
  default = [
    { port = 22, cidrs = ["10.0.0.0/8"] },
    { port = 443, cidrs = ["0.0.0.0/0"] },
  ]
}
resource "aws_security_group" "known" {
  name = "known"
  ingress {
    from_port = 80
    to_port   = 80
    protocol  = "tcp"
  }
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
      description = "rule ${rule.key}"
      dynamic "nested" {
        for_each = rule.value.cidrs
        content {
          cidr  = nested.value
          outer = rule.key
        }
      }
    }
  }
}
resource "aws_vpc" "v" {}
resource "aws_security_group" "unknown" {
  dynamic "ingress" {
    for_each = aws_vpc.v.cidr_block_associations
    content {
      from_port = 22
      cidr_blocks = [ingress.value.cidr_block]
      security_groups = [aws_security_group.known.id]
    }
  }
  egress { from_port = 0 }
}
`}
	fs, _, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"from_port":80,"protocol":"tcp","to_port":80},` +
		`{"cidr_blocks":["10.0.0.0/8"],"description":"rule 0","from_port":22,"nested":[{"cidr":"10.0.0.0/8","outer":0}],"protocol":"tcp","to_port":22},` +
		`{"cidr_blocks":["0.0.0.0/0"],"description":"rule 1","from_port":443,"nested":[{"cidr":"0.0.0.0/0","outer":1}],"protocol":"tcp","to_port":443}]`
	if got := attrJSON(t, fs, "aws_security_group.known", "ingress"); got != want {
		t.Errorf("ingress =\n%s\nwant\n%s", got, want)
	}
	u := byID(fs)["aws_security_group.unknown"]
	if !slices.Equal(u.Unknown, []string{"ingress"}) {
		t.Errorf("unknown = %v", u.Unknown)
	}
	if got := attrJSON(t, fs, "aws_security_group.unknown", "egress"); got != `[{"from_port":0}]` {
		t.Errorf("egress = %s", got)
	}
	// The iterator is not a resource type; references inside content count.
	if got := u.References; len(got) != 1 || !slices.Equal(got["ingress.security_groups"], []string{"aws_security_group.known"}) {
		t.Errorf("references = %v", got)
	}
}

func TestReferencesAndUnknowns(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
resource "aws_kms_key" "k" {
  description = "data"
  enable_key_rotation = true
}
resource "aws_s3_bucket" "logs" { bucket = "acme-logs" }
resource "aws_s3_bucket" "many" {
  count  = 2
  bucket = "acme-${count.index}"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
  }
}
resource "aws_s3_bucket_public_access_block" "many" {
  bucket              = aws_s3_bucket.many[1].id
  block_public_acls   = aws_s3_bucket.many[0].bucket == "acme-0"
  restrict_public_buckets = aws_kms_key.k.enable_key_rotation
  ignore_public_acls  = aws_kms_key.k.is_enabled
}
data "aws_caller_identity" "me" {}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Resource = "arn:aws:s3:::${data.aws_caller_identity.me.account_id}" })
  tags   = { a = "x", list = ["known", aws_kms_key.k.key_id] }
}
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
resource "aws_flow_log" "f" {
  vpc_id = module.remote.vpc_id
  log_destination = module.local.arn
}
module "local" { source = "./m" }
`,
		"root/m/main.tf": `
resource "aws_s3_bucket" "b" { bucket = "inner" }
output "arn" { value = aws_s3_bucket.b.arn }
`,
	}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	ids := byID(fs)
	enc := ids["aws_s3_bucket_server_side_encryption_configuration.logs"]
	wantRefs := map[string][]string{
		"bucket": {"aws_s3_bucket.logs"},
		"rule.apply_server_side_encryption_by_default.kms_master_key_id": {"aws_kms_key.k"},
	}
	if !mapsEqual(enc.References, wantRefs) {
		t.Errorf("references = %v, want %v", enc.References, wantRefs)
	}
	if got := attrJSON(t, fs, enc.ID, "bucket"); got != `"acme-logs"` {
		t.Errorf("bucket = %s: a configured attribute of another resource is known", got)
	}
	if !slices.Equal(enc.Unknown, []string{"rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id"}) {
		t.Errorf("unknown = %v", enc.Unknown)
	}
	pab := ids["aws_s3_bucket_public_access_block.many"]
	if got := pab.References["bucket"]; !slices.Equal(got, []string{"aws_s3_bucket.many", "aws_s3_bucket.many[1]"}) {
		t.Errorf("indexed reference = %v", got)
	}
	for attr, want := range map[string]string{"block_public_acls": "true", "restrict_public_buckets": "true", "ignore_public_acls": "<absent>", "bucket": "<absent>"} {
		if got := attrJSON(t, fs, pab.ID, attr); got != want {
			t.Errorf("%s = %s, want %s", attr, got, want)
		}
	}
	if !slices.Equal(pab.Unknown, []string{"bucket", "ignore_public_acls"}) {
		t.Errorf("unknown = %v", pab.Unknown)
	}
	p := ids["aws_iam_policy.p"]
	if got := attrJSON(t, fs, p.ID, "tags"); got != `{"a":"x","list":["known",null]}` {
		t.Errorf("tags = %s: unknown list elements stay null in place", got)
	}
	if !slices.Equal(p.Unknown, []string{"policy", "tags.list.1", "tags_all"}) {
		t.Errorf("unknown = %v", p.Unknown)
	}
	if got := p.References["policy"]; !slices.Equal(got, []string{"data.aws_caller_identity.me"}) {
		t.Errorf("data reference = %v", got)
	}
	data := ids["data.aws_caller_identity.me"]
	if data.Mode != facts.ModeData || !slices.Equal(data.Actions, []string{"read"}) {
		t.Errorf("data source fact: %+v", data)
	}
	fl := ids["aws_flow_log.f"]
	if !slices.Equal(fl.Unknown, []string{"log_destination", "vpc_id"}) || fl.References != nil {
		t.Errorf("flow log: unknown %v references %v", fl.Unknown, fl.References)
	}
	if !strings.Contains(warnings, `root/main.tf:32:13: Module not evaluated; The module "remote" comes from "terraform-aws-modules/vpc/aws"`) {
		t.Errorf("warnings = %q", warnings)
	}
	if _, ok := ids["module.local.aws_s3_bucket.b"]; !ok {
		t.Error("local module's resource missing")
	}
}

func mapsEqual(a, b map[string][]string) bool {
	return maps.EqualFunc(a, b, slices.Equal[[]string])
}

func TestProviderName(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
terraform {
  required_providers {
    aws    = { source = "hashicorp/aws" }
    mycorp = { source = "registry.example.com/MyCorp/mycorp" }
    google = "~> 5.0"
  }
}
resource "aws_vpc" "a" {}
resource "mycorp_thing" "t" {}
resource "google_bucket" "g" {}
resource "random_id" "r" {}
resource "aws_vpc" "west" { provider = aws.west }
resource "terraform_data" "d" {}
resource "other_thing" "o" { provider = mycorp }
`,
	}
	fs, _, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"aws_vpc.a":        "registry.terraform.io/hashicorp/aws",
		"aws_vpc.west":     "registry.terraform.io/hashicorp/aws",
		"mycorp_thing.t":   "registry.example.com/mycorp/mycorp",
		"other_thing.o":    "registry.example.com/mycorp/mycorp",
		"google_bucket.g":  "registry.terraform.io/hashicorp/google",
		"random_id.r":      "registry.terraform.io/hashicorp/random",
		"terraform_data.d": "terraform.io/builtin/terraform",
	}
	for id, p := range want {
		if got := byID(fs)[id].ProviderName; got != p {
			t.Errorf("%s provider = %q, want %q", id, got, p)
		}
	}
	if got := attrJSON(t, fs, "aws_vpc.west", "provider"); got != "<absent>" {
		t.Errorf("the provider meta-argument became an attribute: %s", got)
	}
}

func TestOverridesAndJSON(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = "original"
  acl    = "private"
  versioning { enabled = false }
}
locals { env = "dev" }
`,
		"root/override.tf": `
resource "aws_s3_bucket" "b" {
  acl = "public-read"
  versioning { enabled = true }
}
`,
		"root/z_override.tf.json": `{"locals": {"env": "prod"}}`,
		"root/extra.tf.json": `{
  "//": "JSON syntax",
  "variable": {"n": {"type": "number", "default": 2}},
  "resource": {
    "aws_instance": {
      "web": {
        "count": "${var.n}",
        "ami": "ami-${count.index}",
        "tags": {"Env": "${local.env}"},
        "dynamic": {"ebs_block_device": {"for_each": [1, 2], "content": {"volume_size": "${ebs_block_device.value}"}}},
        "lifecycle": {"ignore_changes": ["tags"]}
      }
    }
  }
}`,
	}
	fs, _, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ id, attr, want string }{
		{"aws_s3_bucket.b", "bucket", `"original"`},
		{"aws_s3_bucket.b", "acl", `"public-read"`},
		{"aws_s3_bucket.b", "versioning", `[{"enabled":true}]`},
		{"aws_instance.web[1]", "ami", `"ami-1"`},
		{"aws_instance.web[1]", "tags", `{"Env":"prod"}`},
		{"aws_instance.web[1]", "ebs_block_device", `[{"volume_size":1},{"volume_size":2}]`},
		{"aws_instance.web[1]", "lifecycle", `<absent>`},
	}
	for _, c := range checks {
		if got := attrJSON(t, fs, c.id, c.attr); got != c.want {
			t.Errorf("%s.%s = %s, want %s", c.id, c.attr, got, c.want)
		}
	}
	if f := byID(fs)["aws_instance.web[0]"]; f.Source.File != "root/extra.tf.json" || f.Source.Line != 6 {
		t.Errorf("JSON source = %+v", f.Source)
	}
	if f := byID(fs)["aws_s3_bucket.b"]; f.Source.File != "root/main.tf" || f.Source.Line != 2 {
		t.Errorf("overridden block keeps its primary position: %+v", f.Source)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"syntax", map[string]string{"root/main.tf": "resource \"a_b\" \"c\" {\n  x = \n}\n"}, "root/main.tf:2:7: Invalid expression"},
		{"JSON syntax", map[string]string{"root/main.tf.json": `{"resource": {`}, "root/main.tf.json:1:"},
		{"no files", map[string]string{"root/README.md": "hi"}, "root holds no Terraform configuration files"},
		{"undeclared variable", map[string]string{"root/main.tf": `resource "a_b" "c" { x = var.nope }`}, `root/main.tf:1:26: Reference to undeclared input variable`},
		{"undeclared resource", map[string]string{"root/main.tf": `resource "a_b" "c" { x = a_b.d.id }`}, `root/main.tf:1:26: Reference to undeclared resource`},
		{"unknown function", map[string]string{"root/main.tf": `resource "a_b" "c" { x = frobnicate(1) }`}, `root/main.tf:1:26: Call to unknown function`},
		{"cycle", map[string]string{"root/main.tf": "locals {\n  a = local.b\n  b = local.a\n}\n"}, `Cycle in references; local.a refers to itself: local.a → local.b → local.a`},
		{"resource cycle", map[string]string{"root/main.tf": `resource "a_b" "x" { v = a_b.y.v }
resource "a_b" "y" { v = a_b.x.v }`}, "Cycle in references"},
		{"duplicate resource", map[string]string{"root/a.tf": `resource "a_b" "c" {}`, "root/b.tf": `resource "a_b" "c" {}`}, `root/b.tf:1:1: Duplicate resource block; A resource block "a_b.c" was already declared at root/a.tf:1:1`},
		{"override without base", map[string]string{"root/main.tf": `locals {}`, "root/override.tf": `resource "a_b" "c" {}`}, "root/override.tf:1:1: Missing base resource to override"},
		{"module missing argument", map[string]string{"root/main.tf": `module "m" { source = "./m" }`, "root/m/main.tf": `variable "v" {}`}, `root/main.tf:1:1: Missing required argument; The argument "v" is required`},
		{"module unsupported argument", map[string]string{"root/main.tf": "module \"m\" {\n  source = \"./m\"\n  w = 1\n}", "root/m/main.tf": `variable "v" { default = 1 }`}, `root/main.tf:3:3: Unsupported argument`},
		{"module without files", map[string]string{"root/main.tf": `module "m" { source = "./missing" }`}, `root/main.tf:1:1: Unreadable module directory; read directory root/missing: file does not exist`},
		{"module directory without configuration", map[string]string{"root/main.tf": `module "m" { source = "./m" }`, "root/m/README.md": "x"}, `root/main.tf:1:1: No configuration files`},
		{"file() of a missing file", map[string]string{"root/main.tf": `resource "a_b" "c" { x = filebase64sha256("lambda.zip") }`}, `root/main.tf:1:26: Error in function call; Call to function "filebase64sha256" failed: no file exists at lambda.zip.`},
		{"undeclared local", map[string]string{"root/main.tf": `resource "a_b" "c" { x = local.nope }`}, `root/main.tf:1:26: Reference to undeclared local value`},
		{"undeclared data source", map[string]string{"root/main.tf": `resource "a_b" "c" { x = data.a_b.d.id }`}, `root/main.tf:1:26: Reference to undeclared resource; A data resource "a_b" "d"`},
		{"undeclared module", map[string]string{"root/main.tf": `resource "a_b" "c" { x = module.nope.id }`}, `root/main.tf:1:26: Reference to undeclared module`},
		{"module calls itself", map[string]string{"root/main.tf": `module "m" { source = "./" }`}, "Module calls itself"},
		{"unknown module output", map[string]string{"root/main.tf": "module \"m\" { source = \"./m\" }\nresource \"a_b\" \"c\" { x = module.m.nope }", "root/m/main.tf": `output "yes" { value = 1 }`}, `root/main.tf:2:26: Unsupported attribute; The module "m" has no output named "nope"`},
		{"invalid UTF-8", map[string]string{"root/main.tf": "locals {\n  a = \"\xff\"\n}"}, "root/main.tf:2:8: Invalid UTF-8"},
		{"file outside the scan root", map[string]string{"root/main.tf": `resource "a_b" "c" { x = file("../secret.txt") }`, "secret.txt": "s"}, "../secret.txt lies outside the scan root"},
		{"templatefile missing var", map[string]string{"root/main.tf": `resource "a_b" "c" { x = templatefile("t.tpl", {}) }`, "root/t.tpl": "hi ${name}"}, `vars map does not contain key "name", referenced at t.tpl:1:6`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runStrict(t, tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestUnsupportedDegradesToUnknown(t *testing.T) {
	files := map[string]string{"root/main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = provider::aws::arn_parse("arn:aws:s3:::x").resource
  tags   = { y = abspath("x"), t = timestamp(), n = "kept" }
}
`}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	f := byID(fs)["aws_s3_bucket.b"]
	// acl and the legacy inline blocks are left out: Optional+Computed,
	// the provider's to decide, as in a plan (defaults.json).
	if !slices.Equal(f.Unknown, []string{"acl", "bucket", "lifecycle_rule", "server_side_encryption_configuration", "tags.t", "tags.y", "tags_all", "versioning"}) {
		t.Errorf("unknown = %v", f.Unknown)
	}
	for _, want := range []string{
		"warning: root/main.tf:3:12: Function not evaluated; annexa does not evaluate provider::aws::arn_parse",
		"warning: root/main.tf:4:18: Function not evaluated; annexa does not evaluate abspath",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
}

func TestComputedAttributesThroughSymbols(t *testing.T) {
	files := map[string]string{"root/main.tf": `
resource "aws_subnet" "s" {
  count      = 2
  cidr_block = "10.0.${count.index}.0/24"
}
locals {
  zones = [for s in aws_subnet.s : s.availability_zone_id]
  cidrs = [for s in aws_subnet.s : s.cidr_block]
  first = aws_subnet.s[0].ipv6_cidr_block
}
resource "null_resource" "r" {
  zones = local.zones
  cidrs = local.cidrs
  first = local.first
}
`}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	if warnings != "" {
		t.Errorf("warnings: %s", warnings)
	}
	if got := attrJSON(t, fs, "null_resource.r", "cidrs"); got != `["10.0.0.0/24","10.0.1.0/24"]` {
		t.Errorf("cidrs = %s", got)
	}
	if f := byID(fs)["null_resource.r"]; !slices.Equal(f.Unknown, []string{"first", "zones.0", "zones.1"}) {
		t.Errorf("unknown = %v", f.Unknown)
	}
}

func TestConfiguredNames(t *testing.T) {
	fs, _, err := run(t, map[string]string{"root/main.tf": `
resource "aws_security_group" "web" {
  count       = 2
  name        = "web"
  description = null
  dynamic "ingress" {
    for_each = [80, 443]
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
  }
  lifecycle {
    create_before_destroy = true
  }
  depends_on = [aws_vpc.main]
}

resource "aws_vpc" "main" {}
`})
	if err != nil {
		t.Fatal(err)
	}
	got := byID(fs)
	want := []string{"description", "egress", "ingress", "name"}
	for _, id := range []string{"aws_security_group.web[0]", "aws_security_group.web[1]"} {
		if !slices.Equal(got[id].Configured, want) {
			t.Errorf("%s configured = %v, want %v (meta-arguments left out, dynamic as its block type)", id, got[id].Configured, want)
		}
	}
	if c := got["aws_vpc.main"].Configured; c == nil || len(c) != 0 {
		t.Errorf("an empty block has configured = %#v, want an empty list", c)
	}
}

func TestProviderDefaultsFilled(t *testing.T) {
	fs, _, err := run(t, map[string]string{"root/main.tf": `
resource "aws_kms_key" "left_out" {}

resource "aws_kms_key" "null" {
  enable_key_rotation = null
}

resource "aws_kms_key" "set" {
  enable_key_rotation = true
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
}

data "aws_kms_key" "d" {
  key_id = "alias/x"
}
`})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"aws_kms_key.left_out": "false", // Terraform plans the provider's default
		"aws_kms_key.null":     "false", // null is the same as left out
		"aws_kms_key.set":      "true",
	} {
		if got := attrJSON(t, fs, id, "enable_key_rotation"); got != want {
			t.Errorf("%s enable_key_rotation = %s, want %s", id, got, want)
		}
	}
	v := byID(fs)["aws_ebs_volume.v"]
	if !slices.Contains(v.Unknown, "encrypted") || attrJSON(t, fs, v.ID, "encrypted") != "<absent>" {
		t.Errorf("an omitted Optional+Computed argument must be unknown, as in a plan: unknown %v", v.Unknown)
	}
	if got := attrJSON(t, fs, "data.aws_kms_key.d", "enable_key_rotation"); got != "<absent>" {
		t.Errorf("a data source gets no resource defaults, got enable_key_rotation = %s", got)
	}
}
