package tfsource

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestLenientEvaluation: what terraform validate rejects because the
// configuration is partial (a reference to something not declared, a file
// that is built later, a module directory not checked out) becomes an
// unknown value with a warning at file:line:col, and everything else is
// still evaluated. The expectations are Terraform's: a reference to an
// undeclared object is a validation error (hence --strict), try() over a
// failing file() takes its fallback, and a syntax error is never lenient.
func TestLenientEvaluation(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		// id is the fact whose attributes are checked; attrs maps
		// attributes to their JSON ("<absent>" for unknown); unknown lists
		// the fact's unknown paths.
		id      string
		attrs   map[string]string
		unknown []string
		// warnings must each appear among the warnings.
		warnings []string
		// strictErr must appear in the error of a strict run ("" when the
		// strict run succeeds too).
		strictErr string
	}{
		{
			name: "security group rule alone in a directory",
			files: map[string]string{"root/main.tf": `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.x.id
  cidr_blocks       = ["0.0.0.0/0"]
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
}
`},
			id:        "aws_security_group_rule.r",
			attrs:     map[string]string{"cidr_blocks": `["0.0.0.0/0"]`, "from_port": "22", "to_port": "22", "type": `"ingress"`, "security_group_id": "<absent>"},
			unknown:   []string{"security_group_id"},
			warnings:  []string{`root/main.tf:3:23: Reference to undeclared resource; A managed resource "aws_security_group" "x" is not declared in root. annexa treats the value as unknown (--strict makes this an error).`},
			strictErr: `root/main.tf:3:23: Reference to undeclared resource`,
		},
		{
			name:      "undeclared input variable",
			files:     map[string]string{"root/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n  acl    = \"private\"\n}\n"},
			id:        "aws_s3_bucket.b",
			attrs:     map[string]string{"bucket": "<absent>", "acl": `"private"`},
			unknown:   []string{"bucket"},
			warnings:  []string{`root/main.tf:2:12: Reference to undeclared input variable; An input variable named "name" is not declared in root.`},
			strictErr: `root/main.tf:2:12: Reference to undeclared input variable`,
		},
		{
			name:      "undeclared local through another local",
			files:     map[string]string{"root/main.tf": "locals {\n  tags = merge(local.common, { team = \"a\" })\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  tags   = local.tags\n}\n"},
			id:        "aws_s3_bucket.b",
			attrs:     map[string]string{"bucket": `"x"`, "tags": "<absent>"},
			unknown:   []string{"tags", "tags_all"},
			warnings:  []string{`root/main.tf:2:16: Reference to undeclared local value; A local value named "common" is not declared in root.`},
			strictErr: `root/main.tf:2:16: Reference to undeclared local value`,
		},
		{
			name:      "undeclared data source",
			files:     map[string]string{"root/main.tf": "resource \"aws_kms_key\" \"k\" {\n  policy              = data.aws_iam_policy_document.p.json\n  enable_key_rotation = true\n}\n"},
			id:        "aws_kms_key.k",
			attrs:     map[string]string{"enable_key_rotation": "true", "policy": "<absent>"},
			unknown:   []string{"policy"},
			warnings:  []string{`root/main.tf:2:25: Reference to undeclared resource; A data resource "aws_iam_policy_document" "p" is not declared in root.`},
			strictErr: `root/main.tf:2:25: Reference to undeclared resource`,
		},
		{
			name:      "undeclared module",
			files:     map[string]string{"root/main.tf": "resource \"aws_flow_log\" \"f\" {\n  vpc_id       = module.vpc.vpc_id\n  traffic_type = \"ALL\"\n}\n"},
			id:        "aws_flow_log.f",
			attrs:     map[string]string{"traffic_type": `"ALL"`, "vpc_id": "<absent>"},
			unknown:   []string{"vpc_id"},
			warnings:  []string{`root/main.tf:2:18: Reference to undeclared module; No module call named "vpc" is declared in root.`},
			strictErr: `root/main.tf:2:18: Reference to undeclared module`,
		},
		{
			name: "undeclared output of a local module",
			files: map[string]string{
				"root/main.tf":   "module \"m\" { source = \"./m\" }\nresource \"aws_flow_log\" \"f\" {\n  vpc_id       = module.m.vpc_id\n  traffic_type = module.m.kind\n}\n",
				"root/m/main.tf": "output \"kind\" { value = \"ALL\" }\n",
			},
			id:        "aws_flow_log.f",
			attrs:     map[string]string{"traffic_type": `"ALL"`, "vpc_id": "<absent>"},
			unknown:   []string{"vpc_id"},
			warnings:  []string{`root/main.tf:3:18: Unsupported attribute; The module "m" has no output named "vpc_id".`},
			strictErr: `root/main.tf:3:18: Unsupported attribute`,
		},
		{
			name:      "file function of a build artefact",
			files:     map[string]string{"root/main.tf": "resource \"aws_lambda_function\" \"f\" {\n  function_name    = \"f\"\n  source_code_hash = filebase64sha256(\"${path.module}/lambda.zip\")\n}\n"},
			id:        "aws_lambda_function.f",
			attrs:     map[string]string{"function_name": `"f"`, "source_code_hash": "<absent>"},
			unknown:   []string{"source_code_hash"},
			warnings:  []string{`root/main.tf:3:22: File not read; filebase64sha256("./lambda.zip"): no file exists at ./lambda.zip; the value is unknown`},
			strictErr: `root/main.tf:3:22: Error in function call; Call to function "filebase64sha256" failed: no file exists at ./lambda.zip.`,
		},
		{
			name:      "templatefile of a missing template",
			files:     map[string]string{"root/main.tf": "resource \"aws_instance\" \"i\" {\n  user_data     = templatefile(\"init.tpl\", { a = 1 })\n  instance_type = \"t3.micro\"\n}\n"},
			id:        "aws_instance.i",
			attrs:     map[string]string{"instance_type": `"t3.micro"`, "user_data": "<absent>"},
			unknown:   []string{"user_data"},
			warnings:  []string{`root/main.tf:2:19: File not read; templatefile("init.tpl"): no file exists at init.tpl`},
			strictErr: `Call to function "templatefile" failed: no file exists at init.tpl.`,
		},
		{
			name:      "file outside the scan root",
			files:     map[string]string{"root/main.tf": "resource \"aws_iam_policy\" \"p\" {\n  name   = \"p\"\n  policy = file(\"../outside.json\")\n}\n", "outside.json": `{"Secret": "never shown"}`},
			id:        "aws_iam_policy.p",
			attrs:     map[string]string{"name": `"p"`, "policy": "<absent>"},
			unknown:   []string{"policy"},
			warnings:  []string{`root/main.tf:3:12: File not read; file("../outside.json"): ../outside.json lies outside the scan root /root; the value is unknown`},
			strictErr: `../outside.json lies outside the scan root /root`,
		},
		{
			name:  "try over a missing file takes its fallback, as in Terraform",
			files: map[string]string{"root/main.tf": "resource \"aws_iam_policy\" \"p\" {\n  policy = try(file(\"policy.json\"), \"{}\")\n}\n"},
			id:    "aws_iam_policy.p",
			attrs: map[string]string{"policy": `"{}"`},
		},
		{
			name: "missing local module directory",
			files: map[string]string{"root/main.tf": `module "net" { source = "./modules/net" }
module "app" { source = "./app" }
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { vpc = module.net.vpc_id }
}
`},
			id:        "aws_s3_bucket.b",
			attrs:     map[string]string{"bucket": `"b"`, "tags": `{}`},
			unknown:   []string{"tags.vpc", "tags_all"},
			warnings:  []string{"root/main.tf:1:1: Module not evaluated; The module directory root/modules/net does not exist", "root/main.tf:2:1: Module not evaluated; The module directory root/app does not exist"},
			strictErr: "root/main.tf:1:1: Unreadable module directory",
		},
		{
			name:      "count from an undeclared variable",
			files:     map[string]string{"root/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  count  = var.n\n  bucket = \"b\"\n}\nresource \"aws_s3_bucket\" \"c\" { bucket = \"c\" }\n"},
			id:        "aws_s3_bucket.c",
			attrs:     map[string]string{"bucket": `"c"`},
			warnings:  []string{"root/main.tf:2:12: Reference to undeclared input variable", "root/main.tf:2:12: Instances not checked"},
			strictErr: "root/main.tf:2:12: Reference to undeclared input variable",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, warnings, err := run(t, tt.files)
			if err != nil {
				t.Fatalf("lenient run failed: %v", err)
			}
			f, ok := byID(fs)[tt.id]
			if !ok {
				t.Fatalf("no fact %s; have %v", tt.id, slices.Sorted(maps.Keys(byID(fs))))
			}
			for attr, want := range tt.attrs {
				if got := attrJSON(t, fs, tt.id, attr); got != want {
					t.Errorf("%s = %s, want %s", attr, got, want)
				}
			}
			// What is unknown because the provider computes an argument
			// left out (defaults.json) is not what these cases test.
			if got := withoutComputedDefaults(f.Type, f.Unknown); !slices.Equal(got, tt.unknown) {
				t.Errorf("unknown = %v, want %v", got, tt.unknown)
			}
			for _, w := range tt.warnings {
				if !strings.Contains(warnings, "warning: "+w) {
					t.Errorf("warnings lack %q:\n%s", w, warnings)
				}
			}
			if len(tt.warnings) == 0 && warnings != "" {
				t.Errorf("unexpected warnings:\n%s", warnings)
			}
			if strings.Contains(warnings, "never shown") {
				t.Errorf("warnings show an outside file's content:\n%s", warnings)
			}
			_, _, err = runStrict(t, tt.files)
			switch {
			case tt.strictErr == "" && err != nil:
				t.Errorf("strict run failed: %v", err)
			case tt.strictErr != "" && (err == nil || !strings.Contains(err.Error(), tt.strictErr)):
				t.Errorf("strict error = %v, want %q", err, tt.strictErr)
			}
		})
	}
}

// TestSyntaxErrorsStayErrors: leniency is about evaluation; a file that
// does not parse stops the run either way.
func TestSyntaxErrorsStayErrors(t *testing.T) {
	for _, files := range []map[string]string{
		{"root/main.tf": "resource \"a_b\" \"c\" {\n  x = \n}\n"},
		{"root/main.tf.json": `{"resource": {`},
		{"root/main.tf": `resource "a_b" "c" { x = 1 }`, "root/terraform.tfvars": "n = \n"},
		{"root/main.tf": `module "m" { source = "./m" }`, "root/m/main.tf": "resource {"},
	} {
		if _, _, err := run(t, files); err == nil {
			t.Errorf("%v: no error", files)
		}
	}
}

// A data source argument left null is the provider's to compute, so an
// expression over it is unknown, not a hard error; a template over a null
// elsewhere is unknown with a warning, unless strict.
func TestConfiguredNull(t *testing.T) {
	files := map[string]string{"root/main.tf": `
variable "region" {
  type    = string
  default = null
}
variable "name" {
  type    = string
  default = null
}
data "aws_region" "current" {
  region = var.region
}
resource "aws_s3_bucket" "b" {
  bucket = "logs-${try(data.aws_region.current.region, "")}"
  tags   = { name = "${var.name}-x" }
}`}
	fs, warnings, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	b := byID(fs)["aws_s3_bucket.b"]
	if !slices.Contains(b.Unknown, "bucket") {
		t.Errorf("bucket over a null data source argument: unknown %v, attributes %v", b.Unknown, b.Attributes)
	}
	if !strings.Contains(warnings, "Value treated as unknown") {
		t.Errorf("no warning for the template over a null variable:\n%s", warnings)
	}
	if _, _, err := runStrict(t, files); err == nil {
		t.Error("strict: a template over a null variable is no error")
	}
}

// withoutComputedDefaults drops from unknown the top-level arguments that
// the defaults table marks Optional+Computed for resources of type typ.
func withoutComputedDefaults(typ string, unknown []string) []string {
	return slices.DeleteFunc(slices.Clone(unknown), func(p string) bool {
		return slices.ContainsFunc(builtinDefaults[typ], func(d providerDefault) bool { return d.Computed && d.Attribute == p })
	})
}

// What terraform validate refuses but peer scanners read past is a warning
// without --strict, and the rest of the configuration is judged.
func TestLenientStructuralMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, warning string
		// strictError is what --strict reports, when not the warning.
		strictError string
		files       map[string]string
	}{
		{"duplicate resource block", "Duplicate resource block", "", map[string]string{"root/main.tf": `resource "aws_s3_bucket" "b" { bucket = "one" }
resource "aws_s3_bucket" "b" { bucket = "two" }`}},
		{"for_each over a list", "Instances not checked", "Invalid for_each argument", map[string]string{"root/main.tf": `resource "aws_s3_bucket" "l" {
  for_each = ["a", "b"]
  bucket   = each.value
}
resource "aws_s3_bucket" "b" { bucket = "one" }`}},
		{"a bare name", "Invalid reference", "", map[string]string{"root/main.tf": `resource "aws_s3_bucket" "b" {
  bucket        = "one"
  force_destroy = True
}`}},
		{"count.index without count", "non-counted context", "", map[string]string{"root/main.tf": `resource "aws_s3_bucket" "b" { bucket = "b-${count.index}" }`}},
		{"module arguments", "Missing required argument", "", map[string]string{
			"root/main.tf":   "module \"m\" {\n  source = \"./m\"\n  extra  = 1\n}\nresource \"aws_s3_bucket\" \"b\" { bucket = \"one\" }\n",
			"root/m/main.tf": `variable "name" {}`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, warnings, err := run(t, tc.files)
			if err != nil {
				t.Fatalf("lenient: %v", err)
			}
			if _, ok := byID(fs)["aws_s3_bucket.b"]; !ok {
				t.Errorf("aws_s3_bucket.b was not judged; facts %v", byID(fs))
			}
			if !strings.Contains(warnings, tc.warning) {
				t.Errorf("warnings lack %q:\n%s", tc.warning, warnings)
			}
			want := cmp.Or(tc.strictError, tc.warning)
			if _, _, err := runStrict(t, tc.files); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("strict: err %v, want %q", err, want)
			}
		})
	}
}
