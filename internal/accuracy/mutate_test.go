package accuracy

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// silentPolicy builds its message over an attribute the verdict does not
// need, so a widget without a name (or with one unknown until apply) is
// never reported: the bug the mutation test is for.
const silentPolicy = `# METADATA
# title: Widgets are closed (message over the name)
# custom:
#   controls: ["8.20"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:test_widget"]
#   remediation: Set mode = "closed".
package annexa.controls.c8_20.test_silent

deny contains finding if {
	some r in data.facts.resources_by_type.test_widget
	object.get(r.attributes, "mode", "open") == "open"
	finding := {"msg": sprintf("widget %s is open", [r.attributes.name]), "resource": r.id}
}

judged contains r.id if {
	some r in data.facts.resources_by_type.test_widget
}
`

const widgetPlan = `{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "//": "annexa-accuracy: needs mode",
  "planned_values": {"root_module": {"resources": [{"address": "test_widget.w", "mode": "managed", "type": "test_widget", "name": "w", "provider_name": "registry.terraform.io/test/test", "schema_version": 0, "values": {"name": "w", "mode": "open", "size": 3}, "sensitive_values": {}}]}},
  "resource_changes": [{"address": "test_widget.w", "mode": "managed", "type": "test_widget", "name": "w", "provider_name": "registry.terraform.io/test/test",
    "change": {"actions": ["create"], "before": null, "after": {"name": "w", "mode": "open", "size": 3}, "after_unknown": {"id": true}, "before_sensitive": false, "after_sensitive": {}}}],
  "configuration": {"root_module": {"resources": [{"address": "test_widget.w", "mode": "managed", "type": "test_widget", "name": "w", "provider_config_key": "test",
    "expressions": {"name": {"constant_value": "w"}, "mode": {"constant_value": "open"}, "size": {"constant_value": 3}}, "schema_version": 0}]}}
}
`

func mutantFailures(t *testing.T, checker *Checker, policy string, files map[string]string, mentions Mentions) []string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		write(t, filepath.Join(root, policy, "bad", name), content)
	}
	cases, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	for _, o := range checker.Run(context.Background(), cases) {
		if o.Verdict() != Pass {
			t.Fatalf("%s: %s", o.Case.Name, o.describe())
		}
		ms, err := Mutants(o, mentions)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			t.Fatalf("%s: no mutants", o.Case.Name)
		}
		for _, m := range ms {
			if mo := checker.RunMutant(context.Background(), m); !mo.OK() {
				failed = append(failed, m.Kind+" "+m.Attr)
			}
		}
	}
	return failed
}

func TestMutationsFindSilentPolicies(t *testing.T) {
	pol := t.TempDir()
	write(t, filepath.Join(pol, "c8_20", "test_widget.rego"), testPolicy)
	write(t, filepath.Join(pol, "c8_20", "test_silent.rego"), silentPolicy)
	checker, err := NewChecker(context.Background(), pol)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{"w.tf": "# annexa-accuracy: needs mode\nresource \"test_widget\" \"w\" {\n  name = \"w\"\n  mode = \"open\"\n  size = 3\n  tags { team = \"a\" }\n}\n"}
	undeclared := map[string]string{"w.tf": "resource \"test_widget\" \"w\" {\n  name = \"w\"\n  mode = \"open\"\n}\n"}
	plan := map[string]string{"w.json": widgetPlan}
	mentionsName := func(a string) bool { return a == "name" || a == "mode" }
	mentionsMode := func(a string) bool { return a == "mode" }
	tests := []struct {
		name, policy string
		files        map[string]string
		mentions     Mentions
		want         []string
	}{
		{"sound policy, needs declared", "c8_20.test_widget", declared, nil, nil},
		{"sound policy, plan", "c8_20.test_widget", plan, nil, nil},
		{"silent policy, needs declared", "c8_20.test_silent", declared, nil, []string{"drop name", "unknown name"}},
		{"silent policy, plan", "c8_20.test_silent", plan, nil, []string{"drop name", "unknown name"}},
		// Without needs, an argument the policy mentions in its verdict may
		// take the finding with it; one it mentions only in the message
		// may not.
		{"silent policy, nothing declared", "c8_20.test_silent", undeclared, mentionsMode, []string{"drop name", "unknown name"}},
		{"silent policy, mentioned", "c8_20.test_silent", undeclared, mentionsName, nil},
		{"sound policy, nothing declared", "c8_20.test_widget", undeclared, mentionsMode, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mutantFailures(t, checker, tc.policy, tc.files, tc.mentions)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("failed mutants %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCorpusMutations runs the mutation meta-test over the bad cases of
// testdata/accuracy: a sample of mutantsPerCase mutants of each (all of
// them with ANNEXA_MUTANTS=all, or go run ./internal/cmd/accuracy -mutate).
func TestPolicyMentions(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "controls", "8_20", "test_silent.rego"), silentPolicy)
	m, err := PolicyMentions(root, "c8_20.test_silent")
	if err != nil {
		t.Fatal(err)
	}
	// mode decides the verdict; name is read only in the message.
	if !m("mode") || m("name") || m("size") {
		t.Errorf("mentions: mode %v, name %v, size %v; want true, false, false", m("mode"), m("name"), m("size"))
	}
}

func TestCorpusMutations(t *testing.T) {
	const mutantsPerCase = 4
	root := filepath.Join("..", "..", "testdata", "accuracy")
	cases, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	checker, err := NewChecker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checker.Workers = runtime.GOMAXPROCS(0)
	perCase := mutantsPerCase
	if os.Getenv("ANNEXA_MUTANTS") == "all" {
		perCase = 0
	}
	failures, notes, n, err := MutationTest(ctx, checker, cases, filepath.Join("..", "..", "policies"), perCase)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failures {
		t.Errorf("%s: %s", f.Mutant, f.Why())
	}
	for _, mo := range notes {
		t.Logf("to review: %s: %s", mo.Mutant, mo.Note())
	}
	t.Logf("%d mutants of %d cases", n, len(cases))
}
