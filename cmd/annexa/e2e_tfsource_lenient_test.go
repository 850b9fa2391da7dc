package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

// TestLenientSourceCLI: a partial configuration is judged, with the
// unresolved reference as a warning on stderr and in the report, and exit
// 1 for its finding; --strict refuses it with exit 2, as terraform validate
// would, on every command that reads sources.
func TestLenientSourceCLI(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.x.id
  cidr_blocks       = ["0.0.0.0/0"]
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
}
resource "aws_lambda_function" "f" {
  function_name    = "f"
  source_code_hash = filebase64sha256("lambda.zip")
}
`})
	main := filepath.Join(dir, "main.tf")
	r, res := checkJSON(t, "--tf", dir)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	found := false
	for _, f := range r.Findings {
		if f.Resource == "aws_security_group_rule.r" && f.Source != nil && f.Source.File == main && f.Source.Line == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no finding on aws_security_group_rule.r at %s:1; findings %+v", main, r.Findings)
	}
	for _, want := range []string{
		"warning: " + main + ":3:23: Reference to undeclared resource",
		"warning: " + main + ":11:22: File not read",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
		}
	}
	if len(r.Diagnostics) != 2 {
		t.Errorf("report diagnostics = %+v", r.Diagnostics)
	}
	for _, cmd := range []string{"check", "facts", "soa", "risk"} {
		res := annexa(t, cmd, "--strict", "--tf", dir)
		if res.code != 2 || !strings.Contains(res.stderr, main+":3:23: Reference to undeclared resource") || !strings.Contains(res.stderr, main+":11:22:") {
			t.Errorf("%s --strict: exit %d, stderr %q; want exit 2 naming both problems", cmd, res.code, res.stderr)
		}
	}
}

// TestPlanInputsCLI: a binary plan is refused with the command that
// converts it; a directory of plans is checked plan by plan.
func TestPlanInputsCLI(t *testing.T) {
	dir := t.TempDir()
	tfplan := filepath.Join(dir, "tfplan")
	if err := os.WriteFile(tfplan, []byte("PK\x03\x04\x14\x00\x08\x00tfplan"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--plan", tfplan}, {"check", tfplan}} {
		res := annexa(t, args...)
		if want := "terraform show -json " + tfplan + " > " + tfplan + ".json"; res.code != 2 || !strings.Contains(res.stderr, want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", args, res.code, res.stderr, want)
		}
	}
	plan, err := os.ReadFile("../../testdata/plans/noncompliant.json")
	if err != nil {
		t.Fatal(err)
	}
	plans := filepath.Join(dir, "plans")
	testfs.Write(t, plans, map[string]string{"a.json": string(plan), "b.json": string(plan)})
	r, res := checkJSON(t, "--plan", plans)
	if res.code != 1 {
		t.Fatalf("--plan DIR: exit %d; stderr %s", res.code, res.stderr)
	}
	perPlan := map[string]int{}
	for _, f := range r.Findings {
		scope, _, _ := strings.Cut(f.Resource, "//")
		perPlan[scope]++
	}
	a, b := filepath.ToSlash(filepath.Join(plans, "a.json")), filepath.ToSlash(filepath.Join(plans, "b.json"))
	if len(perPlan) != 2 || perPlan[a] == 0 || perPlan[a] != perPlan[b] {
		t.Errorf("findings per plan = %v, want the same non-zero count for %s and %s", perPlan, a, b)
	}
}
