package main

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

const (
	compliantTF    = "../../testdata/tf/compliant"
	noncompliantTF = "../../testdata/tf/noncompliant"
)

// declLine finds the line of a block header in a fixture file, so the test
// does not hard-code line numbers.
func declLine(t *testing.T, file, header string) int {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(sc.Text(), header) {
			return n
		}
	}
	t.Fatalf("%s has no line starting with %s", file, header)
	return 0
}

func TestCheckNoncompliantSource(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--tf", noncompliantTF)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	want := slices.Clone(noncompliantFindings)
	slices.Sort(want)
	var got []string
	sources := map[string]string{}
	for _, f := range r.Findings {
		got = append(got, f.Policy+" "+f.Resource)
		if f.Source == nil || f.Source.Provider != "terraform-source" || f.Source.Line == 0 {
			t.Errorf("finding lacks a source file and line: %+v", f)
			continue
		}
		sources[f.Resource] = f.Source.File + ":" + strconv.Itoa(f.Source.Line)
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings (policy resource):\n got %q\nwant %q", got, want)
	}
	main := filepath.Join(noncompliantTF, "main.tf")
	db := filepath.Join(noncompliantTF, "modules", "db", "main.tf")
	for res, loc := range map[string]string{
		"aws_ebs_volume.data":            main + ":" + strconv.Itoa(declLine(t, main, `resource "aws_ebs_volume" "data"`)),
		"aws_security_group.web":         main + ":" + strconv.Itoa(declLine(t, main, `resource "aws_security_group" "web"`)),
		"module.db.aws_db_instance.main": db + ":" + strconv.Itoa(declLine(t, db, `resource "aws_db_instance" "main"`)),
	} {
		if sources[res] != loc {
			t.Errorf("%s is sourced at %q, want %q", res, sources[res], loc)
		}
	}
	st := statuses(r)
	for _, id := range controlsWithPolicies {
		if st[id] != engine.StatusFail {
			t.Errorf("control %s = %s, want fail", id, st[id])
		}
	}
}

func TestCheckCompliantSource(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--tf", compliantTF)
	if res.code != 0 || len(r.Findings) != 0 {
		t.Fatalf("exit %d, findings %+v; stderr: %s", res.code, r.Findings, res.stderr)
	}
	st := statuses(r)
	for _, id := range controlsWithPolicies {
		if st[id] != engine.StatusPass {
			t.Errorf("control %s = %s, want pass", id, st[id])
		}
	}
	if res.stderr != "" {
		t.Errorf("the demo stack gives warnings: %s", res.stderr)
	}
}

func TestTerraformSourceSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{compliantTF, noncompliantTF} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join(dir, "terraform.tfvars"))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets {
				if !strings.Contains(string(raw), s) {
					t.Fatalf("%s/terraform.tfvars no longer holds secret %q; the test would prove nothing", dir, s)
				}
			}
			out := filepath.Join(t.TempDir(), "report.json")
			runs := [][]string{
				{"check", "--tf", dir},
				{"check", "--tf", dir, "--format", "json", "--format", "json=" + out},
				{"facts", "--tf", dir},
				{"facts", "--tf", dir, "--var", "db_password=" + secrets[0] + "-from-cli"},
				// A failing validation must not echo the value either.
				{"check", "--tf", dir, "--var", "environment=" + secrets[1]},
			}
			for _, args := range runs {
				res := annexa(t, args...)
				written, _ := os.ReadFile(out)
				for _, s := range secrets {
					if strings.Contains(res.stdout+res.stderr+string(written), s) {
						t.Errorf("annexa %v printed secret %q", args, s)
					}
				}
			}
		})
	}
}

func TestSourceFacts(t *testing.T) {
	t.Parallel()
	res := annexa(t, "facts", "--tf", noncompliantTF, "--type", "aws_db_instance", "--type", "aws_subnet")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{
		`"id": "module.db.aws_db_instance.main"`,
		`"password": "(sensitive)"`,
		`"id": "aws_subnet.private[1]"`,
		`"cidr_block": "10.20.2.0/24"`,
		`"provider": "terraform-source"`,
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("facts lack %s:\n%s", want, res.stdout)
		}
	}
}

func TestSourceVariables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	varFile := filepath.Join(dir, "qa.tfvars")
	if err := os.WriteFile(varFile, []byte("environment = \"staging\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"facts", "--tf", noncompliantTF, "--type", "aws_ssm_parameter", "--var-file", varFile}, 0, `"/acme-payments/staging/api-token"`},
		{[]string{"facts", "--tf", noncompliantTF, "--type", "aws_ssm_parameter", "--var-file", varFile, "--var", "environment=dev"}, 0, `"/acme-payments/dev/api-token"`},
		{[]string{"facts", "--tf", noncompliantTF, "--type", "aws_ssm_parameter", "--var", "environment=dev", "--var-file", varFile}, 0, `"/acme-payments/staging/api-token"`},
		{[]string{"check", "--tf", noncompliantTF, "--var", "environment=qa"}, 2, "variables.tf:6:3"},
		{[]string{"check", "--tf", noncompliantTF, "--var-file", filepath.Join(dir, "missing.tfvars")}, 2, "missing.tfvars"},
		{[]string{"check", "--tf", noncompliantTF, "--var", "novalue"}, 2, "expected NAME=VALUE"},
		{[]string{"check", "--plan", noncompliantPlan, "--var", "a=b"}, 2, "name the source with --tf DIR"},
	}
	for _, tt := range tests {
		res := annexa(t, tt.args...)
		out := res.stdout
		if tt.code != 0 {
			out = res.stderr
		}
		if res.code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("annexa %v: exit %d, output %q; want exit %d and %q", tt.args, res.code, out, tt.code, tt.want)
		}
	}
}

func TestBadSource(t *testing.T) {
	t.Parallel()
	write := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, src := range files {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // after the directory
	}{
		{"malformed", map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n"}, "main.tf:2:12: Invalid expression"},
		{"malformed JSON", map[string]string{"main.tf.json": "{\"resource\": [\n"}, "main.tf.json:2:1"},
		{"bad module", map[string]string{"main.tf": "module \"m\" {\n  source = \"./m\"\n}\n", "m/main.tf": "locals {\n  a = \n}\n"}, "m/main.tf:2:7: Invalid expression"},
		{"no configuration", map[string]string{"README.md": "# nothing"}, "holds no Terraform configuration files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := write(t, tt.files)
			for _, cmd := range []string{"check", "facts"} {
				res := annexa(t, cmd, "--tf", dir)
				if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
					t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", cmd, res.code, res.stderr, tt.want)
				}
				if !strings.Contains(res.stderr, dir) {
					t.Errorf("%s: stderr does not name the directory: %q", cmd, res.stderr)
				}
				if res.stdout != "" || strings.Contains(res.stderr, "goroutine") {
					t.Errorf("%s: stdout %q, stderr %q", cmd, res.stdout, res.stderr)
				}
			}
		})
	}
	res := annexa(t, "check", "--tf", filepath.Join(noncompliantTF, "main.tf"))
	if res.code != 2 || !strings.Contains(res.stderr, "not a directory") {
		t.Errorf("--tf FILE: exit %d, stderr %q", res.code, res.stderr)
	}
}

func TestSourceWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_flow_log" "f" {
  vpc_id = module.vpc.vpc_id
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := annexa(t, "facts", "--tf", dir)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, "warning: "+filepath.Join(dir, "main.tf")+":2:12: Module not evaluated") {
		t.Errorf("stderr = %q", res.stderr)
	}
	if !strings.Contains(res.stdout, `"vpc_id"`) || !strings.Contains(res.stdout, `"unknown"`) {
		t.Errorf("the flow log's vpc_id is not unknown:\n%s", res.stdout)
	}
}

// TestSourceDirectoryDetected checks that a directory of .tf files given as
// a PATH is read as Terraform source, with --var applied to it, exactly as
// with --tf.
func TestSourceDirectoryDetected(t *testing.T) {
	t.Parallel()
	byFlag, res := checkJSON(t, "--tf", noncompliantTF)
	if res.code != 1 {
		t.Fatalf("--tf: exit %d; stderr: %s", res.code, res.stderr)
	}
	byPath, res := checkJSON(t, noncompliantTF)
	if res.code != 1 {
		t.Fatalf("PATH: exit %d; stderr: %s", res.code, res.stderr)
	}
	if len(byPath.Findings) == 0 || len(byPath.Findings) != len(byFlag.Findings) {
		t.Errorf("PATH gives %d findings, --tf %d", len(byPath.Findings), len(byFlag.Findings))
	}
	res = annexa(t, "facts", noncompliantTF, "--var", "environment=staging", "--type", "aws_ssm_parameter")
	if res.code != 0 || !strings.Contains(res.stdout, "/staging/api-token") {
		t.Errorf("--var not applied to a detected source directory: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}
