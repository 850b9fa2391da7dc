package runner

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// sgRuleAlone is a security group rule copied without its security group:
// terraform validate rejects it, yet the rule itself is plainly open to
// the world on port 22.
const sgRuleAlone = `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.x.id
  cidr_blocks       = ["0.0.0.0/0"]
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
}
`

var at2026 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// findingsAt lists the findings of a check as "resource file:line".
func findingsAt(t *testing.T, in Inputs) ([]string, *Result, error) {
	t.Helper()
	run, err := Resolve(in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		return nil, nil, err
	}
	var out []string
	for _, f := range res.Report.Findings {
		where := ""
		if f.Source != nil {
			where = filepath.ToSlash(f.Source.File) + ":" + strconv.Itoa(f.Source.Line)
		}
		out = append(out, f.Policy+" "+f.Resource+" "+where)
	}
	return out, res, nil
}

// TestLenientSourceIsJudged: a partial configuration is judged on what it
// says, with a warning at the reference it could not resolve; --strict
// refuses it as terraform validate does.
func TestLenientSourceIsJudged(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": sgRuleAlone})
	got, res, err := findingsAt(t, Inputs{Sources: []FlagValue{{"tf", dir}}, EffectiveTime: at2026})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(filepath.Join(dir, "main.tf")) + ":1"
	if !slices.ContainsFunc(got, func(s string) bool {
		return strings.Contains(s, " aws_security_group_rule.r ") && strings.HasSuffix(s, want)
	}) {
		t.Errorf("no finding on aws_security_group_rule.r at %s; findings: %q", want, got)
	}
	if !slices.ContainsFunc(res.Report.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Summary == "Reference to undeclared resource" && d.Line == 3 && d.Column == 23
	}) {
		t.Errorf("diagnostics = %+v", res.Report.Diagnostics)
	}
	_, _, err = findingsAt(t, Inputs{Sources: []FlagValue{{"tf", dir}}, Strict: true, EffectiveTime: at2026})
	if err == nil || !strings.Contains(err.Error(), "main.tf:3:23: Reference to undeclared resource") {
		t.Errorf("strict: err = %v", err)
	}
}

// TestStrictAndVarFilesReachEveryTerraformSource: --strict and --var-file
// apply to every Terraform source, however it was named, and a variables
// file from the command line may lie outside the scan root.
func TestStrictAndVarFilesReachEveryTerraformSource(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"a/main.tf":         "variable \"v\" {}\nresource \"aws_s3_bucket\" \"b\" { bucket = var.v }\n",
		"b/main.tf":         "variable \"v\" {}\nresource \"aws_s3_bucket\" \"b\" { bucket = var.v }\n",
		"vars/prod.tfvars":  `v = "prod"`,
		"a/terraform.tf":    "",
		"b/terraform.tf":    "",
		"unused/README.txt": "",
	})
	in := Inputs{
		Paths:   []string{filepath.Join(dir, "b")},
		Sources: []FlagValue{{"tf", filepath.Join(dir, "a")}},
		TFVars:  []tfsource.Var{{File: filepath.Join(dir, "vars", "prod.tfvars")}},
		Strict:  true,
	}
	run, err := Resolve(in)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range run.Project.Sources {
		p, ok := s.Provider.(tfsource.Provider)
		if !ok {
			continue
		}
		n++
		if !p.Strict || len(p.Vars) != 1 || !p.Vars[0].CommandLine {
			t.Errorf("%s: provider = %+v", s.Path, p)
		}
	}
	if n != 2 {
		t.Fatalf("%d Terraform sources, want 2", n)
	}
	fs, _, err := run.Collect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Attributes["bucket"] != "prod" {
			t.Errorf("%s: bucket = %v, want the command line's value", f.ID, f.Attributes["bucket"])
		}
	}
}

// TestInstalledModuleFindings: after terraform init, a registry module's
// resources are judged, and findings point into .terraform/modules.
func TestInstalledModuleFindings(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"main.tf": "module \"sg\" {\n  source  = \"terraform-aws-modules/security-group/aws\"\n  version = \"5.1.0\"\n}\n",
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},` +
			`{"Key":"sg","Source":"registry.terraform.io/terraform-aws-modules/security-group/aws","Version":"5.1.0","Dir":".terraform/modules/sg"}]}`,
		".terraform/modules/sg/main.tf": "resource \"aws_security_group\" \"this\" {\n  name = \"x\"\n}\n" + strings.Replace(sgRuleAlone, "aws_security_group.x.id", "aws_security_group.this.id", 1),
	})
	got, res, err := findingsAt(t, Inputs{Sources: []FlagValue{{"tf", dir}}, EffectiveTime: at2026})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(filepath.Join(dir, ".terraform", "modules", "sg", "main.tf")) + ":4"
	if !slices.ContainsFunc(got, func(s string) bool {
		return strings.Contains(s, " module.sg.aws_security_group_rule.r ") && strings.HasSuffix(s, want)
	}) {
		t.Errorf("no finding on module.sg.aws_security_group_rule.r at %s; findings: %q", want, got)
	}
	if len(res.Report.Diagnostics) != 0 {
		t.Errorf("diagnostics = %+v", res.Report.Diagnostics)
	}
}

// TestNoFactsIsLoud: a run whose inputs give nothing a policy can judge
// says so with a warning, rather than passing in silence.
func TestNoFactsIsLoud(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"no resources at all", map[string]string{"main.tf": "variable \"region\" { default = \"eu-west-1\" }\n"}, true},
		{"only a remote module", map[string]string{"main.tf": "module \"vpc\" { source = \"terraform-aws-modules/vpc/aws\" }\n"}, true},
		{"a resource policies judge", map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" { bucket = \"b\" }\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, tt.files)
			run, err := Resolve(Inputs{Sources: []FlagValue{{"tf", dir}}, EffectiveTime: at2026})
			if err != nil {
				t.Fatal(err)
			}
			res, err := run.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			got := slices.ContainsFunc(res.Report.Diagnostics, func(d diag.Diagnostic) bool {
				return d.Summary == NoFactsSummary && d.Severity == "warning"
			})
			if got != tt.want {
				t.Errorf("no-facts warning = %v, want %v; diagnostics %+v", got, tt.want, res.Report.Diagnostics)
			}
		})
	}
}

// TestPlanDirectory: --plan DIR checks every plan JSON in it; the plans
// share the Terraform address space, so each file's ids are qualified by
// its path.
func TestPlanDirectory(t *testing.T) {
	plan, err := os.ReadFile(filepath.Join("..", "testdata", "plans", "compliant.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"prod.json": string(plan), "staging.json": string(plan), "tfplan": "PK\x03\x04tfplan"})
	run, err := Resolve(Inputs{Sources: []FlagValue{{"plan", dir}}, EffectiveTime: at2026})
	if err != nil {
		t.Fatal(err)
	}
	var scopes []string
	for _, s := range run.Project.Sources {
		scopes = append(scopes, s.Scope)
	}
	want := []string{filepath.ToSlash(filepath.Join(dir, "prod.json")), filepath.ToSlash(filepath.Join(dir, "staging.json"))}
	if !slices.Equal(scopes, want) {
		t.Fatalf("scopes = %q, want %q", scopes, want)
	}
	fs, _, err := run.Collect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	perScope := map[string]int{}
	for _, f := range fs {
		scope, _, ok := strings.Cut(f.ID, "//")
		if !ok {
			t.Fatalf("fact %s is not qualified", f.ID)
		}
		perScope[scope]++
	}
	if len(perScope) != 2 || perScope[want[0]] == 0 || perScope[want[0]] != perScope[want[1]] {
		t.Errorf("facts per plan = %v", perScope)
	}
	if _, err := Resolve(Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "tfplan")}}}); err != nil {
		t.Fatal(err)
	}
	run, _ = Resolve(Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "tfplan")}}})
	if _, _, err := run.Collect(context.Background()); err == nil || !strings.Contains(err.Error(), "terraform show -json") {
		t.Errorf("a binary plan: err = %v", err)
	}
}

// TestRollupInputsAloneAreNotWarned: a run of an applicability file alone
// asks for the Statement of Applicability; no policy judges it, and that
// is not worth a warning.
func TestRollupInputsAloneAreNotWarned(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"soa.yaml": "controls:\n  - {control: \"5.1\", applicable: true, justification: needed}\n"})
	run, err := Resolve(Inputs{Applicability: filepath.Join(dir, "soa.yaml"), EffectiveTime: at2026})
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Report.Diagnostics {
		if d.Summary == NoFactsSummary {
			t.Errorf("warned: %+v", d)
		}
	}
}
