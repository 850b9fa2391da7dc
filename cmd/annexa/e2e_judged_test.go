package main

import (
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
)

// untaggedPlan holds seven resources that carry no environment tag and that
// no policy's criterion applies to (testdata/plans/README.md).
const untaggedPlan = "../../testdata/plans/untagged.json"

// TestNoVacuousPass checks that a control passes only when one of its
// policies judged a fact: a plan whose resources carry no environment tag
// leaves 8.31 not assessed (its policy judges tagged resources only), so
// no operational control passes and clause 8.1 is not conformant on the
// strength of facts that merely exist.
func TestNoVacuousPass(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--plan", untaggedPlan, effective)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	c := controlResult(r, "8.31")
	if c.Status != engine.StatusNotAssessed || c.Assessed != 0 ||
		!strings.Contains(c.Reason, "its policies judged none of the 7 facts of their inputs (c8_31.mixed_environments)") {
		t.Errorf("8.31 = %s, %d assessed (%q); want not_assessed: no resource has an environment tag", c.Status, c.Assessed, c.Reason)
	}
	for _, c := range r.Controls {
		if c.Status == engine.StatusPass || c.Assessed != 0 {
			t.Errorf("control %s = %s over %d facts; nothing in the plan is judged", c.ID, c.Status, c.Assessed)
		}
	}
	for _, cl := range r.Clauses {
		if cl.ID == "8.1" && cl.Status != engine.ClauseNotAssessed {
			t.Errorf("clause 8.1 = %s (%v), want not_assessed: no operational control was assessed", cl.Status, cl.Reasons)
		}
	}
	if !strings.Contains(res.stderr, "None of the 7 facts collected is one a policy judged") {
		t.Errorf("stderr %q does not warn that nothing was judged", res.stderr)
	}
}

// TestSupportingEvidenceAloneDoesNotPass checks that Kubernetes manifests
// alone, whose environment-variable check is supporting evidence for 8.4,
// leave 8.4 not assessed with no effectiveness, while the same check
// decides part of 5.17.
func TestSupportingEvidenceAloneDoesNotPass(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--k8s", k8sGood)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	if c := controlResult(r, "8.4"); c.Status != engine.StatusNotAssessed || c.Effectiveness != 0 ||
		!strings.Contains(c.Reason, "only supporting policies judged facts (c5_17.k8s_secret_env)") ||
		!strings.Contains(c.Reason, "needs config:github_repository") {
		t.Errorf("8.4 = %s, effectiveness %v (%q); want not_assessed, naming what would decide it", c.Status, c.Effectiveness, c.Reason)
	}
	if c := controlResult(r, "5.17"); c.Status != engine.StatusPass || c.Assessed == 0 {
		t.Errorf("5.17 = %s over %d facts, want pass over the workloads", c.Status, c.Assessed)
	}
	for _, p := range r.Policies {
		if p.ID == "c5_17.k8s_secret_env" && (p.CoverageOf("5.17") != engine.CoveragePartial || p.CoverageOf("8.4") != engine.CoverageSupporting) {
			t.Errorf("c5_17.k8s_secret_env coverage %s, by control %v", p.Coverage, p.CoverageByControl)
		}
	}
}
