package tfsource

import (
	"strings"
	"testing"
)

// evalJSON evaluates one expression as an attribute of a resource in a
// root module that also holds the given extra files, returning the
// attribute as compact JSON. It evaluates strictly, as terraform validate
// would, so that errors stay errors.
func evalJSON(t *testing.T, expr string, extra map[string]string) (string, error) {
	t.Helper()
	files := map[string]string{"root/main.tf": "resource \"null_resource\" \"r\" {\n  v = " + expr + "\n}\n"}
	for k, v := range extra {
		files[k] = v
	}
	fs, _, err := runStrict(t, files)
	if err != nil {
		return "", err
	}
	return attrJSON(t, fs, "null_resource.r", "v"), nil
}

func TestFunctions(t *testing.T) {
	files := map[string]string{
		"root/policy.json":      `{"Statement": [{"Effect": "Allow"}]}`,
		"root/greeting.tpl":     "Hello, ${name}!%{ for p in ports } ${p}%{ endfor }",
		"root/modules/m/x.txt":  "in a module dir",
		"root/modules/m/m.tf":   "",
		"root/modules/m/bad.md": "\xff",
	}
	tests := []struct{ expr, want string }{
		// Collections and strings, from cty's standard library.
		{`merge({ a = 1 }, { b = 2 }, { a = 3 })`, `{"a":3,"b":2}`},
		{`concat(["a"], ["b", "c"])`, `["a","b","c"]`},
		{`flatten([["a"], [["b"]], []])`, `["a","b"]`},
		{`distinct(["a", "b", "a"])`, `["a","b"]`},
		{`compact(["a", "", "b"])`, `["a","b"]`},
		{`contains(["a", "b"], "b")`, `true`},
		{`keys({ b = 1, a = 2 })`, `["a","b"]`},
		{`values({ b = 1, a = 2 })`, `[2,1]`},
		{`zipmap(["a", "b"], [1, 2])`, `{"a":1,"b":2}`},
		{`element(["a", "b", "c"], 4)`, `"b"`},
		{`range(1, 4)`, `[1,2,3]`},
		{`join("-", ["a", "b"])`, `"a-b"`},
		{`split(",", "a,b")`, `["a","b"]`},
		{`lower("ABC")`, `"abc"`},
		{`upper("abc")`, `"ABC"`},
		{`trimspace("  x  ")`, `"x"`},
		{`format("%s-%03d", "web", 7)`, `"web-007"`},
		{`formatlist("%s.example.com", ["a", "b"])`, `["a.example.com","b.example.com"]`},
		{`min(3, 1, 2)`, `1`},
		{`max(3, 1, 2)`, `3`},
		{`abs(-4.5)`, `4.5`},
		{`jsonencode({ b = [1, true], a = "x" })`, `"{\"a\":\"x\",\"b\":[1,true]}"`},
		{`jsondecode("{\"a\": [1, \"x\"]}").a[1]`, `"x"`},
		{`try(local.missing, "fallback")`, ``},
		{`try(jsondecode("nope"), "fallback")`, `"fallback"`},
		{`can(regex("^a", "abc"))`, `true`},
		{`can(cidrsubnet("nope", 1, 1))`, `false`},
		// Terraform's own functions, implemented by annexa.
		{`length("héllo")`, `5`},
		{`length(["a", "b"])`, `2`},
		{`length({ a = 1 })`, `1`},
		{`lookup({ a = 1 }, "a")`, `1`},
		{`lookup({ a = 1 }, "b", 0)`, `0`},
		{`coalesce("", null, "x", "y")`, `"x"`},
		{`coalesce(null, 2)`, `2`},
		{`replace("a-b-c", "-", "_")`, `"a_b_c"`},
		{`replace("web01", "/([a-z]+)([0-9]+)/", "$2-$1")`, `"01-web"`},
		{`index(["a", "b"], "b")`, `1`},
		{`one(["x"])`, `"x"`},
		{`one([])`, `null`},
		{`sum([1, 2, 3.5])`, `6.5`},
		{`alltrue([true, true])`, `true`},
		{`anytrue([false, true])`, `true`},
		{`startswith("arn:aws", "arn:")`, `true`},
		{`endswith("x.json", ".yaml")`, `false`},
		{`tostring(5)`, `"5"`},
		{`tonumber("42")`, `42`},
		{`tobool("true")`, `true`},
		{`tolist(toset(["b", "a", "b"]))`, `["a","b"]`},
		{`tomap({ a = "x" })`, `{"a":"x"}`},
		{`base64encode("hi")`, `"aGk="`},
		{`base64decode("aGk=")`, `"hi"`},
		{`sha256("abc")`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{`md5("abc")`, `"900150983cd24fb0d6963f7d28e17f72"`},
		{`base64sha256("abc")`, `"ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="`},
		{`urlencode("a b&c")`, `"a+b%26c"`},
		{`transpose({ a = ["1", "2"], b = ["2"] })`, `{"1":["a"],"2":["a","b"]}`},
		{`matchkeys(["i-1", "i-2"], ["a", "b"], ["b"])`, `["i-2"]`},
		{`basename("a/b/c.txt")`, `"c.txt"`},
		{`cidrsubnet("10.0.0.0/16", 8, 2)`, `"10.0.2.0/24"`},
		{`cidrsubnet("10.1.2.3/16", 4, 15)`, `"10.1.240.0/20"`},
		{`cidrsubnet("fd00::/56", 8, 1)`, `"fd00:0:0:1::/64"`},
		{`cidrhost("10.0.1.0/24", 5)`, `"10.0.1.5"`},
		{`cidrhost("10.0.1.0/24", -1)`, `"10.0.1.255"`},
		{`cidrnetmask("10.0.0.0/20")`, `"255.255.240.0"`},
		{`cidrsubnets("10.0.0.0/16", 8, 4, 8)`, `["10.0.0.0/24","10.0.16.0/20","10.0.32.0/24"]`},
		{`timecmp("2026-01-01T00:00:00Z", "2025-12-31T23:00:00Z")`, `1`},
		{`file("policy.json")`, `"{\"Statement\": [{\"Effect\": \"Allow\"}]}"`},
		{`jsondecode(file("${path.module}/policy.json")).Statement[0].Effect`, `"Allow"`},
		{`file("modules/m/x.txt")`, `"in a module dir"`},
		{`fileexists("policy.json")`, `true`},
		{`fileexists("nope.json")`, `false`},
		{`templatefile("greeting.tpl", { name = "annexa", ports = [22, 443] })`, `"Hello, annexa! 22 443"`},
		{`core::upper("x")`, `"X"`},
		{`[for k, v in { a = 1, b = 2 } : "${k}=${v}" if v > 1]`, `["b=2"]`},
		{`{ for s in ["a", "b"] : s => upper(s) }`, `{"a":"A","b":"B"}`},
		{`[{ n = 1 }, { n = 2 }][*].n`, `[1,2]`},
		{`true ? "yes" : "no"`, `"yes"`},
		{`path.module`, `"."`},
		{`terraform.workspace`, `"default"`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := evalJSON(t, tt.expr, files)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("= %s, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("= %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFunctionErrors(t *testing.T) {
	files := map[string]string{"root/bin.dat": "\xff\xfe"}
	tests := []struct{ expr, want string }{
		{`cidrsubnet("10.0.0.0/30", 4, 1)`, "insufficient address space to extend prefix of 30 by 4"},
		{`cidrsubnet("10.0.0.0/16", 2, 4)`, "prefix extension of 2 does not accommodate a subnet numbered 4"},
		{`cidrhost("10.0.0.0/30", 4)`, "prefix of 30 does not accommodate a host numbered 4"},
		{`cidrnetmask("fd00::/8")`, "IPv6 addresses cannot have a netmask"},
		{`cidrsubnets("10.0.0.0/24", 1, 1, 1)`, "not enough remaining address space"},
		{`coalesce("", null)`, "no non-null, non-empty-string arguments"},
		{`lookup({ a = 1 }, "b")`, `lookup failed to find key "b"`},
		{`index(["a"], "z")`, "item not found"},
		{`one(["a", "b"])`, "either zero or one elements"},
		{`tonumber("x")`, "cannot convert"},
		{`format("%999999999d", 1)`, "width or precision 999999999 is larger than 1000"},
		{`indent(-1, "x")`, "spaces must be a whole number from 0 to 1000"},
		{`range(100000)`, "more than 1024 values"},
		{`jsondecode("${join("", [for i in range(200) : "["])}")`, "JSON nested more than 100 levels deep"},
		{`file("/etc/passwd")`, "/etc/passwd lies outside the scan root /root"},
		{`file("bin.dat")`, "not valid UTF-8"},
		{`file("nope.txt")`, "no file exists at nope.txt"},
		{`base64decode("////")`, "not valid UTF-8"},
		{`replace("a", "/(/", "b")`, "invalid regular expression"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := evalJSON(t, tt.expr, files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("= %s, %v; want an error containing %q", got, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "root/main.tf:2:") {
				t.Errorf("error does not name file:line:col: %v", err)
			}
		})
	}
}

// Functions and settings real registry modules and CDKTF output use, each
// as Terraform documents it.
func TestRegistryIdioms(t *testing.T) {
	tests := []struct{ expr, want string }{
		// lookup with a null default gives null when the key is absent.
		{`lookup({ a = "x" }, "b", null)`, `null`},
		{`lookup({ a = "x" }, "a", null)`, `"x"`},
		{`coalesce(lookup({ a = "x" }, "b", null), "d")`, `"d"`},
		{`lookup({ a = 1, b = "y" }, "c", null)`, `null`},
		{`yamldecode("a: 1\nb: [x, z]\n").b[1]`, `"z"`},
		{`yamlencode({ a = "b" })`, `"\"a\": \"b\"\n"`},
		{`terraform.workspace`, `"default"`},
		{`strcontains("hello world", "o w")`, `true`},
		{`textencodebase64("Hello", "UTF-16LE")`, `"SABlAGwAbABvAA=="`},
		{`textdecodebase64("SABlAGwAbABvAA==", "UTF-16LE")`, `"Hello"`},
		{`uuidv5("dns", "www.terraform.io")`, `"a5008fae-b28c-5ba5-96cd-82b4c53552d6"`},
		{`ephemeralasnull("kept")`, `"kept"`},
		{`strcontains("hello", "x")`, `false`},
		{`templatestring("Hi $${name}!", { name = "ops" })`, `"Hi ops!"`},
	}
	for _, tc := range tests {
		got, err := evalJSON(t, tc.expr, nil)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
		}
	}
	if _, err := evalJSON(t, `yamldecode("`+strings.Repeat("*a ", 101)+`")`, nil); err == nil {
		t.Error("a YAML document with 101 aliases was expanded")
	}
}

// TF_VAR_ environment variables set input variables below every file and
// flag; those of undeclared variables are ignored, as Terraform does.
func TestEnvironmentVariables(t *testing.T) {
	files := map[string]string{"root/main.tf": `
variable "region" {}
variable "tags" { type = map(string) }
variable "from_file" {}
resource "null_resource" "r" {
  workspace = terraform.workspace
  region    = var.region
  tags      = var.tags
  from_file = var.from_file
}`, "root/terraform.tfvars": `from_file = "file"`}
	fsys := mapFS{mapFSOf(files)}
	p := Provider{fsys: fsys, Environ: []string{
		"TF_WORKSPACE=staging",
		"TF_VAR_region=eu-west-1", `TF_VAR_tags={ team = "ops" }`, "TF_VAR_from_file=env", "TF_VAR_undeclared=x",
	}}
	fs, ds := p.Collect(t.Context(), "root")
	if err := ds.Err(); err != nil {
		t.Fatal(err)
	}
	for attr, want := range map[string]string{"workspace": `"staging"`, "region": `"eu-west-1"`, "tags": `{"team":"ops"}`, "from_file": `"file"`} {
		if got := attrJSON(t, fs, "null_resource.r", attr); got != want {
			t.Errorf("%s = %s, want %s", attr, got, want)
		}
	}
	if len(ds) != 0 {
		t.Errorf("diagnostics: %v", ds)
	}
}

func TestOnePartProviderSource(t *testing.T) {
	got, err := providerAddress("aws")
	if err != nil || got != "registry.terraform.io/hashicorp/aws" {
		t.Errorf("providerAddress(aws) = %q, %v", got, err)
	}
}

func TestFileset(t *testing.T) {
	extra := map[string]string{
		"root/policies/a.json":     "{}",
		"root/policies/b.json":     "{}",
		"root/policies/sub/c.json": "{}",
		"root/policies/readme.md":  "",
		"root/elsewhere/d.json":    "{}",
	}
	for _, tc := range []struct{ expr, want string }{
		{`fileset(path.module, "policies/*.json")`, `["policies/a.json","policies/b.json"]`},
		{`fileset("policies", "**/*.json")`, `["a.json","b.json","sub/c.json"]`},
		{`fileset("policies", "{a,sub/c}.json")`, `["a.json","sub/c.json"]`},
		{`fileset("policies", "*.yaml")`, `[]`},
	} {
		got, err := evalJSON(t, tc.expr, extra)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
		}
	}
	files := map[string]string{"root/main.tf": "resource \"null_resource\" \"r\" {\n  v = fileset(\"policies\", \"[\")\n}\n", "root/policies/a.json": "{}"}
	if _, warnings, err := run(t, files); err != nil || !strings.Contains(warnings, `invalid glob pattern "["`) {
		t.Errorf("malformed pattern: err %v, warnings %q; want a warning", err, warnings)
	}
	if _, _, err := runStrict(t, files); err == nil {
		t.Error("strict: a malformed pattern gave no error")
	}
}
