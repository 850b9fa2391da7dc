package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies/catalog"
)

const (
	compliantPlan    = "../../testdata/plans/compliant.json"
	noncompliantPlan = "../../testdata/plans/noncompliant.json"
	effective        = "--effective-time=2026-11-22T00:00:00Z"
)

// The sensitive values in the demo plans; they must never be printed.
var secrets = []string{"Zx9-Kp2!vRq7-Lm4#Tw8", "tok_live_51HxQ2eZvKYlo2CwA7aP"}

func checkJSON(t *testing.T, args ...string) (*engine.Report, result) {
	t.Helper()
	res := annexa(t, append([]string{"check", "--format", "json", effective}, args...)...)
	var r engine.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("check %v: output is not a JSON report: %v\nstderr: %s", args, err, res.stderr)
	}
	return &r, res
}

// controlResult returns control id of r (the zero result when absent).
func controlResult(r *engine.Report, id string) engine.ControlResult {
	for _, c := range r.Controls {
		if c.ID == id {
			return c
		}
	}
	return engine.ControlResult{}
}

func statuses(r *engine.Report) map[string]engine.Status {
	out := map[string]engine.Status{}
	for _, c := range r.Controls {
		out[c.ID] = c.Status
	}
	return out
}

// controlsWithPolicies are the controls the built-in AWS policies map to.
var controlsWithPolicies = []string{"5.15", "8.2", "8.3", "8.5", "8.13", "8.14", "8.15", "8.16", "8.20", "8.22", "8.24"}

func TestCheckCompliantPlan(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--plan", compliantPlan)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	if len(r.Findings) != 0 {
		t.Errorf("compliant plan has findings: %+v", r.Findings)
	}
	st := statuses(r)
	for _, id := range controlsWithPolicies {
		if st[id] != engine.StatusPass {
			t.Errorf("control %s = %s, want pass", id, st[id])
		}
	}
	if len(r.Controls) != 93 {
		t.Errorf("%d controls in report, want 93", len(r.Controls))
	}
	if st["5.1"] != engine.StatusNotAssessed {
		t.Errorf("5.1 = %s: a control nothing looked at must not pass", st["5.1"])
	}
}

// noncompliantFindings are the findings the demo stack's noncompliant
// variant gives, as a plan and as Terraform source alike (policy resource).
var noncompliantFindings = []string{
	"c8_13.aws_dynamodb_pitr aws_dynamodb_table.sessions",
	"c8_13.aws_rds_backup module.db.aws_db_instance.main",
	"c8_13.aws_rds_deletion_protection module.db.aws_db_instance.main",
	"c8_14.aws_rds_multi_az module.db.aws_db_instance.main",
	"c8_15.aws_cloudtrail aws_cloudtrail.main",
	"c8_16.aws_vpc_flow_logs aws_vpc.main",
	"c8_20.aws_security_group aws_security_group.web",
	"c8_20.aws_security_group aws_security_group_rule.db_public",
	"c8_20.aws_security_group aws_vpc_security_group_ingress_rule.admin_rdp",
	"c8_24.aws_cloudtrail_kms aws_cloudtrail.main",
	"c8_24.aws_dynamodb aws_dynamodb_table.sessions",
	"c8_24.aws_ebs aws_ebs_volume.data",
	"c8_24.aws_kms_rotation aws_kms_key.data",
	"c8_24.aws_rds module.db.aws_db_instance.main",
	"c8_24.aws_s3_encryption aws_s3_bucket.uploads",
	"c8_24.aws_s3_secure_transport aws_s3_bucket.logs",
	"c8_24.aws_s3_secure_transport aws_s3_bucket.uploads",
	"c8_2.aws_iam_admin aws_iam_policy.admin",
	"c8_3.aws_s3_public_access aws_s3_bucket_acl.uploads",
	"c8_3.aws_s3_public_access aws_s3_bucket_public_access_block.uploads",
	"c8_5.aws_password_policy aws_iam_account_password_policy.strict",
	"c8_5.aws_rds_iam_auth module.db.aws_db_instance.main",
}

func TestCheckNoncompliantPlan(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--plan", noncompliantPlan)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	want := slices.Clone(noncompliantFindings)
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Policy+" "+f.Resource)
		if f.Source == nil || f.Source.File != noncompliantPlan || f.Message == "" || f.Remediation == "" || len(f.Controls) == 0 {
			t.Errorf("finding lacks source, message, remediation or controls: %+v", f)
		}
		if strings.Contains(f.Resource, "legacy") {
			t.Errorf("a resource being destroyed was judged: %+v", f)
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings (policy resource):\n got %q\nwant %q", got, want)
	}
	st := statuses(r)
	for _, id := range controlsWithPolicies {
		if st[id] != engine.StatusFail {
			t.Errorf("control %s = %s, want fail", id, st[id])
		}
	}
}

// TestCheckAzureAndGCPPlans runs the Azure and Google Cloud policies on a
// plan of each cloud that holds passing and failing resources side by side.
func TestCheckAzureAndGCPPlans(t *testing.T) {
	t.Parallel()
	tests := []struct {
		plan    string
		want    []string
		secrets []string
	}{
		{
			plan: "../../testdata/plans/azure.json",
			want: []string{
				"c8_13.azure_database_backup azurerm_postgresql_flexible_server.ledger",
				"c8_13.azure_sql_backup azurerm_mssql_database.reporting",
				"c8_13.azure_storage_soft_delete azurerm_storage_account.exports",
				"c8_15.azure_key_vault_logging azurerm_key_vault.legacy",
				"c8_5.azure_database_auth azurerm_postgresql_flexible_server.ledger",
				"c8_5.azure_vm_password azurerm_linux_virtual_machine.jumpbox",
			},
			secrets: []string{"Qv7#mT2-xLp9!wRz4", "pg-Adm1n-7Hs2#Kd9Lw"},
		},
		{
			plan: "../../testdata/plans/gcp.json",
			want: []string{
				"c8_13.gcp_sql_backup google_sql_database_instance.cms",
				"c8_13.gcp_storage_deletion google_storage_bucket.exports",
				"c8_15.gcp_audit_logs google_project_iam_audit_config.storage",
				"c8_5.gcp_instance_ssh google_compute_instance.sftp",
				"c8_5.gcp_os_login google_compute_instance.sftp",
				"c8_5.gcp_sql_auth google_sql_database_instance.cms",
				"c8_5.gcp_sql_auth google_sql_database_instance.cms",
			},
			secrets: []string{"r00t-Cms!4hX8pQ2zN"},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.plan), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(tt.plan)
			if err != nil {
				t.Fatal(err)
			}
			r, res := checkJSON(t, "--plan", tt.plan)
			if res.code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
			}
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Policy+" "+f.Resource)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings (policy resource):\n got %q\nwant %q", got, tt.want)
			}
			st := statuses(r)
			for _, id := range []string{"8.5", "8.13", "8.15"} {
				if st[id] != engine.StatusFail {
					t.Errorf("control %s = %s, want fail", id, st[id])
				}
			}
			facts := annexa(t, "facts", "--plan", tt.plan)
			for _, s := range tt.secrets {
				if !bytes.Contains(raw, []byte(s)) {
					t.Fatalf("fixture no longer holds secret %q; the test would prove nothing", s)
				}
				if strings.Contains(res.stdout+res.stderr+facts.stdout+facts.stderr, s) {
					t.Errorf("secret %q printed", s)
				}
			}
		})
	}
}

func TestCheckTable(t *testing.T) {
	t.Parallel()
	res := annexa(t, "check", "--plan", noncompliantPlan, effective)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	for _, want := range []string{
		"A.8.24   FAIL", "aws_ebs_volume.data", "module.db.aws_db_instance.main", "[c8_24.aws_ebs; A.8.24]",
		"93 controls:", "findings:",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestFailOn(t *testing.T) {
	t.Parallel()
	tests := []struct {
		plan, failOn string
		want         int
	}{
		{noncompliantPlan, "low", 1},
		{noncompliantPlan, "critical", 1}, // IAM admin access is critical
		{noncompliantPlan, "none", 0},
		{compliantPlan, "low", 0},
	}
	for _, tt := range tests {
		res := annexa(t, "check", "--plan", tt.plan, "--fail-on", tt.failOn, "--format", "json")
		if res.code != tt.want {
			t.Errorf("check %s --fail-on %s: exit %d, want %d; stderr: %s", filepath.Base(tt.plan), tt.failOn, res.code, tt.want, res.stderr)
		}
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	for _, plan := range []string{compliantPlan, noncompliantPlan} {
		raw, err := os.ReadFile(plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if !bytes.Contains(raw, []byte(s)) {
				t.Fatalf("fixture %s no longer holds secret %q; the test would prove nothing", plan, s)
			}
		}
		out := filepath.Join(t.TempDir(), "report.json")
		runs := [][]string{
			{"check", "--plan", plan},
			{"check", "--plan", plan, "--format", "json", "--format", "table=" + filepath.Join(t.TempDir(), "t.txt"), "--format", "json=" + out},
			{"facts", "--plan", plan},
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
	}
}

func TestFactsCommand(t *testing.T) {
	t.Parallel()
	res := annexa(t, "facts", "--plan", noncompliantPlan, "--type", "aws_db_instance")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0]["id"] != "module.db.aws_db_instance.main" {
		t.Fatalf("facts --type aws_db_instance = %v", docs)
	}
	attrs := docs[0]["attributes"].(map[string]any)
	if attrs["password"] != "(sensitive)" || !slices.Contains(docs[0]["sensitive"].([]any), any("password")) {
		t.Errorf("password not redacted: %v", attrs["password"])
	}
}

func TestBadInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.json")
	tests := []struct {
		name, path, want string
	}{
		{"empty", "../../testdata/bad/empty.json", "file is empty"},
		{"truncated", "../../testdata/bad/truncated.json", "truncated.json:12:15: invalid JSON: unexpected end of input"},
		{"not a plan", "../../testdata/bad/not-a-plan.json", "not a Terraform plan"},
		{"state file", "../../testdata/bad/state.json", "Terraform state file"},
		{"random bytes", "../../testdata/bad/random.bin", "random.bin:1:1: file is not UTF-8"},
		{"missing", missing, "no such file"},
		{"directory", dir, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, cmd := range []string{"check", "facts"} {
				res := annexa(t, cmd, "--plan", tt.path)
				if res.code != 2 {
					t.Errorf("%s: exit %d, want 2", cmd, res.code)
				}
				if !strings.Contains(res.stderr, tt.path) && !strings.Contains(res.stderr, filepath.Base(tt.path)) {
					t.Errorf("%s: stderr does not name the file: %q", cmd, res.stderr)
				}
				if !strings.Contains(res.stderr, tt.want) {
					t.Errorf("%s: stderr %q does not say %q", cmd, res.stderr, tt.want)
				}
				if res.stdout != "" {
					t.Errorf("%s: printed to stdout on error: %q", cmd, res.stdout)
				}
				if strings.Contains(res.stderr, "panic") || strings.Contains(res.stderr, "goroutine") {
					t.Errorf("%s: panicked: %s", cmd, res.stderr)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "no input given"},
		{[]string{"check", "--plan", compliantPlan, "--format", "xml"}, `unknown format "xml"`},
		{[]string{"check", "--plan", compliantPlan, "--format", "json", "--format", "table"}, "only one format can go to stdout"},
		{[]string{"check", "--plan", compliantPlan, "--fail-on", "severe"}, `"severe" is not one of`},
		{[]string{"check", "--plan", compliantPlan, "--effective-time", "yesterday"}, "not an RFC 3339 time"},
		{[]string{"check", "--nope"}, "unknown flag"},
		{[]string{"check", "stray-arg", "--plan", compliantPlan}, "read stray-arg: no such file"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"check", "--plan", compliantPlan, "--policy", "../../testdata/bad"}, "no .rego files"},
		{[]string{"controls", "--theme", "cosmic"}, `"cosmic" is not one of`},
	}
	for _, tt := range tests {
		res := annexa(t, tt.args...)
		if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("annexa %v: exit %d stderr %q, want 2 and %q", tt.args, res.code, res.stderr, tt.want)
		}
	}
}

func TestOutputFilesAreDeterministic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var outs [][]byte
	for i := range 2 {
		out := filepath.Join(dir, fmt.Sprintf("r%d.json", i))
		res := annexa(t, "check", "--plan", noncompliantPlan, effective, "--format", "json="+out, "--format", "table")
		if res.code != 1 {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs with the same inputs and effective time differ")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestUserPolicies(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--plan", compliantPlan, "--policy", "../../testdata/policies/custom")
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (low finding, default --fail-on low); stderr: %s", res.code, res.stderr)
	}
	found := false
	for _, f := range r.Findings {
		if f.Policy == "c5_9.example_owner_tag" && f.Severity == engine.SeverityLow {
			found = true
		}
	}
	if !found || statuses(r)["5.9"] != engine.StatusFail {
		t.Errorf("user policy did not run: 5.9 = %s, findings %+v", statuses(r)["5.9"], r.Findings)
	}
}

func TestControlsCommand(t *testing.T) {
	t.Parallel()
	res := annexa(t, "controls", "--format", "json")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var entries []controlEntry
	if err := json.Unmarshal([]byte(res.stdout), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 93 {
		t.Fatalf("%d controls, want 93", len(entries))
	}
	cat := builtinCatalog(t)
	for _, e := range entries {
		// Every control is evaluated by at least one built-in policy.
		if len(e.Policies) == 0 {
			t.Errorf("control %s has no policy", e.ID)
		}
		want, _ := cat.Lookup(e.ID)
		if e.Summary == "" || e.Summary != want.Summary || e.Testability != want.Testability {
			t.Errorf("control %s: JSON has summary %q, testability %q; want the catalog's", e.ID, e.Summary, e.Testability)
		}
	}
	res = annexa(t, "controls", "--theme", "people")
	if res.code != 0 || !strings.Contains(res.stdout, "6.3 ") || strings.Contains(res.stdout, "8.24") {
		t.Errorf("controls --theme people: exit %d\n%s", res.code, res.stdout)
	}
}

func builtinCatalog(t *testing.T) *engine.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// unwrapped joins the indented lines under heading back into one paragraph.
func unwrapped(out, heading string) string {
	_, rest, ok := strings.Cut(out, heading+"\n")
	if !ok {
		return ""
	}
	para, _, _ := strings.Cut(rest, "\n\n")
	return strings.Join(strings.Fields(para), " ")
}

func TestControlsShow(t *testing.T) {
	t.Parallel()
	cat := builtinCatalog(t)
	tests := []struct {
		args []string
		id   string
		want []string
		not  []string
	}{
		{
			args: []string{"controls", "show", "8.24"},
			id:   "8.24",
			want: []string{
				"8.24  Use of cryptography\n", "technological", "A, automatable", "preventive", "secure_configuration",
				"Policies (", "best coverage partial):",
				"c8_24.aws_ebs:\n    EBS volumes are encrypted at rest\n    coverage partial, severity high\n" +
					"    inputs: resource:aws_ebs_encryption_by_default\n            resource:aws_ebs_volume\n" +
					"            resource:aws_instance\n            resource:aws_launch_configuration\n" +
					"            resource:aws_launch_template\n",
				"c8_24.aws_kms_rotation:", "file: policies/controls/8_24/aws_rds.rego",
			},
		},
		{
			args: []string{"controls", "show", "A.8.16"}, // the Annex A form
			id:   "8.16",
			want: []string{"8.16  Monitoring activities", "new in 2022:               yes", "c8_16.aws_vpc_flow_logs:", "Policies (1, best coverage"},
		},
		{
			args: []string{"controls", "show", "5.1"},
			id:   "5.1",
			want: []string{
				"5.1  Policies for information security", "M, manual", "new in 2022:               no",
				"Policies (1, best coverage partial):", "c5_1.policy_documents:", "inputs: evidence:policy\n",
			},
		},
		{
			args: []string{"controls", "show", "5.32"},
			id:   "5.32",
			want: []string{"5.32  Intellectual property rights", "M, manual", "c5_32.ip_procedure:\n", "inputs: evidence:procedure\n"},
		},
		{
			args: []string{"controls", "show", "5.9", "--policy", "../../testdata/policies/custom"},
			id:   "5.9",
			want: []string{"Policies (3, best coverage partial):", "c5_9.example_owner_tag:\n    S3 buckets name an owner", "coverage supporting, severity low"},
		},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[2:], " "), func(t *testing.T) {
			t.Parallel()
			res := annexa(t, tt.args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, res.stdout)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(res.stdout, w) {
					t.Errorf("output has %q:\n%s", w, res.stdout)
				}
			}
			ctl, _ := cat.Lookup(tt.id)
			if got := unwrapped(res.stdout, "Testable criteria:"); got != ctl.Summary {
				t.Errorf("criteria shown:\n%s\nwant the catalog summary:\n%s", got, ctl.Summary)
			}
			for _, line := range strings.Split(res.stdout, "\n") {
				if len([]rune(line)) > 80 && !strings.Contains(line, "resource:") {
					t.Errorf("line longer than 80 columns: %q", line)
				}
			}
		})
	}
}

func TestControlsShowJSON(t *testing.T) {
	t.Parallel()
	res := annexa(t, "controls", "show", "8.24", "--format", "json")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	var e controlEntry
	if err := json.Unmarshal([]byte(res.stdout), &e); err != nil {
		t.Fatalf("output is not one control: %v\n%s", err, res.stdout)
	}
	want, _ := builtinCatalog(t).Lookup("8.24")
	var ids []string
	for _, p := range e.Policies {
		ids = append(ids, p.ID)
		if p.Coverage == "" || p.Severity == "" || len(p.Inputs) == 0 {
			t.Errorf("policy %s lacks coverage, severity or inputs: %+v", p.ID, p)
		}
	}
	// Other policies map to 8.24 too (8.21's TLS policies, other clouds);
	// these must be among them, and the list sorted.
	wantIDs := []string{"c8_24.aws_dynamodb", "c8_24.aws_ebs", "c8_24.aws_kms_rotation", "c8_24.aws_rds", "c8_24.aws_s3_encryption"}
	if e.ID != "8.24" || e.Summary != want.Summary || e.Testability != engine.TestabilityAutomatable ||
		e.Coverage != engine.CoveragePartial || !slices.Contains(e.Inputs, "resource:aws_kms_key") || !containsAll(ids, wantIDs) || !slices.IsSorted(ids) {
		t.Errorf("show 8.24 --format json = %+v", e)
	}
	for _, id := range wantIDs {
		if !slices.Contains(ids, id) {
			t.Errorf("show 8.24 --format json lacks policy %s; has %v", id, ids)
		}
	}
	if again := annexa(t, "controls", "show", "8.24", "--format", "json"); again.stdout != res.stdout {
		t.Error("two runs print different JSON")
	}
}

func TestControlsShowErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"controls", "show", "8.42"}, `no control "8.42" in ISO/IEC 27002:2022; did you mean 8.24, 8.32, 8.22, 8.12, 8.4?`},
		{[]string{"controls", "show", "A.9.1"}, `no control "9.1" in ISO/IEC 27002:2022; did you mean 5.1, 6.1, 7.1, 8.1?`},
		{[]string{"controls", "show", "12.4.1"}, "control ids run 5.1–5.37 organizational, 6.1–6.8 people, 7.1–7.14 physical, 8.1–8.34 technological"},
		{[]string{"controls", "show", strings.Repeat("8.1", 10000)}, `no control "8.18.18.18.18.18.18.18.18.18.18.18.18.18…" in`},
		{[]string{"controls", "show"}, "takes one control id, e.g. 'annexa controls show 8.24'; got 0 arguments"},
		{[]string{"controls", "show", "8.24", "8.25"}, "got 2 arguments"},
		{[]string{"controls", "show", "8.24", "--format", "yaml"}, `"yaml" is not one of table, json`},
		{[]string{"controls", "8.24"}, "to show one control, run 'annexa controls show 8.24'"},
		{[]string{"controls", "show", "8.24", "--policy", "../../testdata/bad"}, "no .rego files"},
	}
	for _, tt := range tests {
		res := annexa(t, tt.args...)
		if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("annexa %.60q: exit %d stderr %.300q, want 2 and %q", tt.args, res.code, res.stderr, tt.want)
		}
		if res.stdout != "" {
			t.Errorf("annexa %.60q printed to stdout on error: %q", tt.args, res.stdout)
		}
	}
}

func TestPolicyTestCommand(t *testing.T) {
	t.Parallel()
	if res := annexa(t, "policy", "test"); res.code != 0 || !strings.Contains(res.stdout, "PASS:") {
		t.Errorf("policy test: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if res := annexa(t, "policy", "test", "../../testdata/policies/custom", "-v"); res.code != 0 || !strings.Contains(res.stdout, "test_fail_no_owner_tag") {
		t.Errorf("policy test custom: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if res := annexa(t, "policy", "test", "../../testdata/policies/failing"); res.code != 1 || !strings.Contains(res.stdout, "FAIL") {
		t.Errorf("policy test failing: exit %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
	}
}

func TestCapabilitiesFileIsCurrent(t *testing.T) {
	t.Parallel()
	res := annexa(t, "policy", "capabilities")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	file, err := os.ReadFile("../../policies/capabilities.json")
	if err != nil {
		t.Fatal(err)
	}
	if res.stdout != string(file) {
		t.Error("policies/capabilities.json is stale; run `make capabilities`")
	}
	if strings.Contains(res.stdout, `"http.send"`) || strings.Contains(res.stdout, `"opa.runtime"`) {
		t.Error("sandbox capabilities list a network or environment built-in")
	}
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// TestPolicyNew starts a policy as a security engineer would: the scaffold
// tests pass as written, the policy runs with check, and a second run
// refuses to overwrite it.
func TestPolicyNew(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	res := annexa(t, "policy", "new", "A.8.24", "bucket_setting", "--input", "resource:aws_s3_bucket", "--dir", dir, "--severity", "high")
	policy := filepath.Join(dir, "c8_24", "bucket_setting.rego")
	if res.code != 0 || !strings.Contains(res.stdout, "wrote "+policy) {
		t.Fatalf("policy new: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if res := annexa(t, "policy", "test", dir); res.code != 0 || !strings.Contains(res.stdout, "PASS: 2/2") {
		t.Errorf("policy test on the scaffold: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	// The compliant plan's buckets lack the placeholder setting, so the
	// new policy flags them: it runs beside the built-in ones.
	r, res := checkJSON(t, "--plan", compliantPlan, "--policy", dir)
	if res.code != 1 {
		t.Fatalf("check with the scaffold: exit %d, want 1; stderr: %s", res.code, res.stderr)
	}
	for _, f := range r.Findings {
		if f.Policy != "c8_24.bucket_setting" || f.Severity != engine.SeverityHigh || !strings.HasPrefix(f.Resource, "aws_s3_bucket.") {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	if len(r.Findings) == 0 {
		t.Error("the scaffold policy found nothing")
	}
	again := annexa(t, "policy", "new", "8.24", "bucket_setting", "--input", "resource:aws_s3_bucket", "--dir", dir)
	if again.code != 2 || !strings.Contains(again.stderr, policy+" exists") {
		t.Errorf("second policy new: exit %d, stderr %q", again.code, again.stderr)
	}
	for _, args := range [][]string{
		{"policy", "new", "8.99", "x", "--input", "resource:aws_s3_bucket", "--dir", dir},
		{"policy", "new", "8.24", "x", "--dir", dir},
		{"policy", "new", "8.24", "x", "--input", "s3", "--dir", dir},
	} {
		if res := annexa(t, args...); res.code != 2 {
			t.Errorf("annexa %v: exit %d, want 2", args, res.code)
		}
	}
}
