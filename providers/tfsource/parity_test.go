package tfsource_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// findingsByPolicy evaluates the built-in policies over one source and
// returns, per policy, the sorted resources it flagged.
func findingsByPolicy(t *testing.T, eng *engine.Engine, src providers.Source) map[string][]string {
	t.Helper()
	ctx := context.Background()
	fs, err := diag.AsError(providers.Collect(ctx, []providers.Source{src}))
	if err != nil {
		t.Fatalf("collect %s: %v", src.Path, err)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		t.Fatalf("evaluate %s: %v", src.Path, err)
	}
	if errs := report.Errors(); len(errs) > 0 {
		t.Fatalf("evaluate %s: control %s failed: %s", src.Path, errs[0].ID, errs[0].Reason)
	}
	out := map[string][]string{}
	for _, f := range report.Findings {
		out[f.Policy] = append(out[f.Policy], f.Resource)
	}
	for p, rs := range out {
		slices.Sort(rs)
		out[p] = slices.Compact(rs)
	}
	return out
}

// stack is one pair of parity fixtures: the same Terraform stack as plan
// JSON and as source, each in a compliant and a noncompliant variant
// (testdata/plans/README.md, testdata/tf/README.md).
type stack struct {
	name                                string
	noncompliantPlan, compliantPlan     string
	noncompliantSource, compliantSource string
}

// stacks are the parity fixtures. Every built-in AWS resource policy must
// find something in the noncompliant variant of at least one of them; a new
// policy whose resources none holds gets them added to the stack of its
// kind of service, or a new stack here.
var stacks = []stack{
	{
		name:               "demo",
		noncompliantPlan:   "../../testdata/plans/noncompliant.json",
		compliantPlan:      "../../testdata/plans/compliant.json",
		noncompliantSource: "../../testdata/tf/noncompliant",
		compliantSource:    "../../testdata/tf/compliant",
	},
	{
		name:               "aws-platform",
		noncompliantPlan:   "../../testdata/plans/aws-platform-noncompliant.json",
		compliantPlan:      "../../testdata/plans/aws-platform-compliant.json",
		noncompliantSource: "../../testdata/tf/aws-platform/noncompliant",
		compliantSource:    "../../testdata/tf/aws-platform/compliant",
	},
	{
		name:               "aws-edge",
		noncompliantPlan:   "../../testdata/plans/aws-edge-noncompliant.json",
		compliantPlan:      "../../testdata/plans/aws-edge-compliant.json",
		noncompliantSource: "../../testdata/tf/aws-edge/noncompliant",
		compliantSource:    "../../testdata/tf/aws-edge/compliant",
	},
}

// accountStatePolicies judge what the account shows rather than the
// configuration: MFA enrolment (live facts only), access keys' creation
// dates (live facts, or a plan's state of keys that exist already) and the
// active keys of a user (which an account may hold beyond those the
// configuration declares). Their bad cases are in the accuracy corpus
// (plans and snapshots) and providers/aws's tests, not in the fixture
// stacks; plan and source must still agree on them in every stack.
var accountStatePolicies = []string{
	"c5_17.aws_access_key_age",
	"c5_17.aws_access_keys_per_user",
	"c8_5.aws_console_mfa",
}

// TestPolicyWrittenOnceJudgesPlanAndSource is the point of the Terraform
// source provider: in every fixture stack, every built-in AWS policy flags
// the same resources in the .tf source as in the plan, and nothing in the
// compliant variant of either; and every such policy is exercised, with
// findings, by at least one stack.
func TestPolicyWrittenOnceJudgesPlanAndSource(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	// The AWS policies that judge resource facts alone. Those that also
	// need declared evidence (an asset register, a classification scheme,
	// a personnel register) judge nothing without it; the source gives
	// them tags_all as a plan does (TestDefaultTags).
	var aws, evidenceGated []string
	for _, p := range eng.Policies() {
		if !p.Builtin || !strings.Contains(p.ID, ".aws_") {
			continue
		}
		if slices.ContainsFunc(p.Inputs, func(in string) bool { return !strings.HasPrefix(in, "resource") }) {
			evidenceGated = append(evidenceGated, p.ID)
			continue
		}
		aws = append(aws, p.ID)
	}
	if len(aws) < 22 {
		t.Fatalf("only %d built-in AWS resource policies found: %v", len(aws), aws)
	}
	if want := []string{"c5_12.aws_classification_tags", "c5_16.aws_iam_leavers", "c5_9.aws_asset_tags"}; !slices.Equal(evidenceGated, want) {
		t.Errorf("AWS policies that need evidence = %v, want %v; a new one needs its own source fixture", evidenceGated, want)
	}

	exercised := map[string][]string{}
	for _, s := range stacks {
		t.Run(s.name, func(t *testing.T) {
			plan := findingsByPolicy(t, eng, providers.Source{Path: s.noncompliantPlan, Provider: tfplan.Provider{}})
			source := findingsByPolicy(t, eng, providers.Source{Path: s.noncompliantSource, Provider: tfsource.Provider{}})
			for _, id := range aws {
				if len(plan[id]) > 0 {
					exercised[id] = append(exercised[id], s.name)
				}
				t.Run(id, func(t *testing.T) {
					if !slices.Equal(plan[id], source[id]) {
						t.Errorf("findings differ:\n plan   %q\n source %q", plan[id], source[id])
					}
				})
			}
			for name, src := range map[string]providers.Source{
				"compliant plan":   {Path: s.compliantPlan, Provider: tfplan.Provider{}},
				"compliant source": {Path: s.compliantSource, Provider: tfsource.Provider{}},
			} {
				if got := findingsByPolicy(t, eng, src); len(got) != 0 {
					t.Errorf("%s has findings: %v", name, got)
				}
			}
		})
	}
	for _, id := range aws {
		if len(exercised[id]) == 0 && !slices.Contains(accountStatePolicies, id) {
			t.Errorf("no noncompliant fixture stack has a finding for %s; add the resources it judges to one", id)
		}
	}
}

// omittedStack is a pair of fixtures whose resources leave out the
// arguments the built-in policies read: the source, and the plan
// Terraform makes of it, with the provider's defaults filled in and what
// the provider decides unknown (testdata/plans/README.md, "Omitted
// arguments").
type omittedStack struct {
	name, plan, source string
	// want is every finding, "policy resource", that the plan and the
	// source must both give: the provider defaults that are bad ones.
	want []string
}

var omittedStacks = []omittedStack{
	{name: "aws", plan: "../../testdata/plans/omitted-aws.json", source: "../../testdata/tf/omitted/aws", want: []string{
		"c8_10.aws_log_retention aws_cloudwatch_log_group.app",
		"c8_13.aws_dynamodb_pitr aws_dynamodb_table.sessions",
		"c8_13.aws_rds_backup aws_db_instance.app",
		"c8_13.aws_rds_backup aws_rds_cluster.aurora",
		"c8_13.aws_rds_deletion_protection aws_db_instance.app",
		"c8_13.aws_rds_deletion_protection aws_rds_cluster.aurora",
		"c8_14.aws_rds_multi_az aws_db_instance.app",
		"c8_15.aws_cloudtrail aws_cloudtrail.main",
		"c8_15.aws_lb_access_logs aws_lb.web",
		"c8_16.aws_vpc_flow_logs aws_vpc.main",
		"c8_2.aws_iam_admin aws_iam_policy.admin",
		"c8_20.aws_network_acl aws_network_acl_rule.any",
		"c8_20.aws_security_group aws_vpc_security_group_ingress_rule.any",
		"c8_21.aws_cloudfront aws_cloudfront_distribution.site",
		"c8_21.aws_endpoint_tls aws_opensearch_domain.search",
		"c8_21.aws_lb_listener aws_lb_listener.tls",
		"c8_21.aws_lb_listener aws_lb_listener.web",
		"c8_23.aws_dns_firewall aws_route53_resolver_firewall_rule_group.egress",
		"c8_24.aws_cloudtrail_kms aws_cloudtrail.main",
		"c8_24.aws_dynamodb aws_dynamodb_table.sessions",
		"c8_24.aws_ebs aws_ebs_volume.data",
		"c8_24.aws_kms_rotation aws_kms_key.data",
		"c8_24.aws_rds aws_db_instance.app",
		"c8_24.aws_rds aws_rds_cluster.aurora",
		"c8_24.aws_s3_secure_transport aws_s3_bucket.logs",
		"c8_26.aws_waf aws_cloudfront_distribution.site",
		"c8_26.aws_waf aws_lb.web",
		"c8_3.aws_s3_public_access aws_s3_account_public_access_block.account",
		"c8_3.aws_s3_public_access aws_s3_bucket_public_access_block.logs",
		"c8_5.aws_password_policy aws_iam_account_password_policy.main",
		"c8_5.aws_rds_iam_auth aws_db_instance.app",
		"c8_5.aws_rds_iam_auth aws_rds_cluster.aurora",
		"c8_6.aws_dynamodb_autoscaling aws_dynamodb_table.sessions",
		"c8_6.aws_rds_storage_autoscaling aws_db_instance.app",
		"c8_8.aws_ecr_scanning aws_ecr_repository.app",
		"c8_9.aws_imdsv2 aws_instance.app",
	}},
	{name: "azure", plan: "../../testdata/plans/omitted-azure.json", source: "../../testdata/tf/omitted/azure", want: []string{
		"c8_13.azure_database_backup azurerm_mysql_flexible_server.cms",
		"c8_13.azure_database_backup azurerm_postgresql_flexible_server.ledger",
		"c8_13.azure_storage_soft_delete azurerm_storage_account.docs",
		"c8_15.azure_activity_log azurerm_monitor_diagnostic_setting.activity",
		"c8_15.azure_key_vault_logging azurerm_key_vault.main",
		"c8_20.azure_database_firewall azurerm_mssql_firewall_rule.anywhere",
		"c8_20.azure_database_public_access azurerm_mssql_server.main",
		"c8_20.azure_database_public_access azurerm_mysql_flexible_server.cms",
		"c8_20.azure_database_public_access azurerm_postgresql_flexible_server.ledger",
		"c8_20.azure_storage_network azurerm_storage_account.docs",
		"c8_24.azure_key_expiry azurerm_key_vault_key.data",
		"c8_24.azure_key_rotation azurerm_key_vault_key.data",
		"c8_24.azure_key_vault_recovery azurerm_key_vault.main",
		"c8_24.azure_storage_infrastructure_encryption azurerm_storage_account.docs",
		"c8_24.azure_tls azurerm_linux_web_app.portal",
		"c8_24.azure_tls azurerm_redis_cache.cache",
		"c8_3.azure_storage_public_access azurerm_storage_account.docs",
		"c8_5.azure_aks azurerm_kubernetes_cluster.main",
		"c8_5.azure_database_auth azurerm_mssql_server.main",
		"c8_5.azure_database_auth azurerm_postgresql_flexible_server.ledger",
	}},
	{name: "gcp", plan: "../../testdata/plans/omitted-gcp.json", source: "../../testdata/tf/omitted/gcp", want: []string{
		"c8_13.gcp_sql_backup google_sql_database_instance.warehouse",
		"c8_15.gcp_audit_logs google_project_iam_audit_config.all",
		"c8_15.gcp_flow_logs google_compute_subnetwork.app",
		"c8_20.gcp_firewall google_compute_firewall.ssh",
		"c8_20.gcp_sql_public google_sql_database_instance.warehouse",
		"c8_21.gcp_lb_tls google_compute_ssl_policy.web",
		"c8_21.gcp_lb_tls google_compute_target_https_proxy.web",
		"c8_24.gcp_kms_rotation google_kms_crypto_key.data",
		"c8_24.gcp_sql_tls google_sql_database_instance.warehouse",
		"c8_3.gcp_storage_public google_storage_bucket_iam_member.public",
		"c8_3.gcp_storage_uniform_access google_storage_bucket.exports",
		"c8_5.gcp_instance_ssh google_compute_instance.app",
		"c8_5.gcp_os_login google_compute_instance.app",
		"c8_5.gcp_sql_auth google_sql_database_instance.warehouse",
	}},
}

// cloudPrefixes name a built-in policy's cloud by the start of the part of
// its id after the control (c8_24.aws_kms_rotation).
var cloudPrefixes = []string{"aws_", "azure_", "gcp_"}

// TestOmittedArgumentsJudgedAlike is the omitted-argument half of the
// parity test: for every built-in AWS, Azure and Google Cloud resource
// policy, a resource it judges leaves out the arguments it reads, and the
// source and the plan give the same facts (the same configured list, the
// same values once nulls are dropped, the same unknowns besides the id and
// ARN a plan always lists) and the same findings.
func TestOmittedArgumentsJudgedAlike(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.WithEffectiveTime(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, s := range omittedStacks {
		t.Run(s.name, func(t *testing.T) {
			planFacts := collectFacts(t, providers.Source{Path: s.plan, Provider: tfplan.Provider{}})
			sourceFacts := collectFacts(t, providers.Source{Path: s.source, Provider: tfsource.Provider{}})
			if len(planFacts) == 0 || len(planFacts) != len(sourceFacts) {
				t.Fatalf("plan has %d resources, source %d", len(planFacts), len(sourceFacts))
			}
			for id, p := range planFacts {
				src, ok := sourceFacts[id]
				if !ok {
					t.Errorf("%s is in the plan, not in the source", id)
					continue
				}
				types[p["type"].(string)] = true
				t.Run(id, func(t *testing.T) { compareFacts(t, p, src) })
			}
			plan := findingsByPolicy(t, eng, providers.Source{Path: s.plan, Provider: tfplan.Provider{}})
			source := findingsByPolicy(t, eng, providers.Source{Path: s.source, Provider: tfsource.Provider{}})
			for _, p := range eng.Policies() {
				if !p.Builtin {
					continue
				}
				if !slices.Equal(plan[p.ID], source[p.ID]) {
					t.Errorf("%s: findings differ:\n plan   %q\n source %q", p.ID, plan[p.ID], source[p.ID])
				}
			}
			var got []string
			for id, rs := range plan {
				for _, r := range rs {
					got = append(got, id+" "+r)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, s.want) {
				t.Errorf("plan findings:\n %s\nwant:\n %s", strings.Join(got, "\n "), strings.Join(s.want, "\n "))
			}
		})
	}
	covered := 0
	for _, p := range eng.Policies() {
		_, local, _ := strings.Cut(p.ID, ".")
		if !p.Builtin || !slices.ContainsFunc(cloudPrefixes, func(pre string) bool { return strings.HasPrefix(local, pre) }) {
			continue
		}
		var resourceTypes []string
		for _, in := range p.Inputs {
			if typ, ok := strings.CutPrefix(in, "resource:"); ok {
				resourceTypes = append(resourceTypes, typ)
			}
		}
		if len(resourceTypes) == 0 || len(resourceTypes) != len(p.Inputs) {
			continue // not a resource policy, or one that needs evidence too
		}
		if !slices.ContainsFunc(resourceTypes, func(typ string) bool { return types[typ] }) && !slices.Contains(accountStatePolicies, p.ID) {
			t.Errorf("no omitted fixture holds a resource %s judges (%v); add one to the stack of its cloud", p.ID, resourceTypes)
			continue
		}
		covered++
	}
	t.Logf("%d built-in resource policies have an omitted variant", covered)
}

// collectFacts returns the resource facts of one source by id.
func collectFacts(t *testing.T, src providers.Source) map[string]map[string]any {
	t.Helper()
	fs, err := diag.AsError(providers.Collect(context.Background(), []providers.Source{src}))
	if err != nil {
		t.Fatalf("collect %s: %v", src.Path, err)
	}
	out := map[string]map[string]any{}
	for _, f := range fs {
		out[f.ID] = f.Document()
	}
	return out
}

// compareFacts checks that a plan fact and a source fact say the same about
// what was configured, what values the resource will have (a null is the
// same as an absent value) and what is unknown until apply (besides the id
// and ARN, which a plan lists and source does not).
func compareFacts(t *testing.T, plan, source map[string]any) {
	t.Helper()
	if p, s := jsonString(t, plan["configured"]), jsonString(t, source["configured"]); p != s {
		t.Errorf("configured differs:\n plan   %s\n source %s", p, s)
	}
	if p, s := jsonString(t, dropNulls(plan["attributes"])), jsonString(t, dropNulls(source["attributes"])); p != s {
		t.Errorf("attributes differ:\n plan   %s\n source %s", p, s)
	}
	unknown := func(doc map[string]any) string {
		var out []string
		for _, u := range asStrings(doc["unknown"]) {
			if u != "id" && u != "arn" {
				out = append(out, u)
			}
		}
		return strings.Join(out, " ")
	}
	if p, s := unknown(plan), unknown(source); p != s {
		t.Errorf("unknown differs:\n plan   %s\n source %s", p, s)
	}
}

func asStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// dropNulls removes null object members, recursively.
func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if e != nil {
				out[k] = dropNulls(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = dropNulls(e)
		}
		return out
	}
	return v
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
