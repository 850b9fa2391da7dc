package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
)

const (
	k8sMalformed  = "../../testdata/k8s/malformed"
	k8sNulls      = "../../testdata/k8s/nulls"
	k8sDuplicates = "../../testdata/k8s/duplicates"
	k8sYAML11     = "../../testdata/k8s/yaml11"
)

// TestK8sMalformedWorkloads runs check on manifests the Kubernetes API
// server rejects (a pod spec or containers missing, null or of the wrong
// type): exit 2, the file, line and field path on stderr, nothing on
// stdout and no report file written.
func TestK8sMalformedWorkloads(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file, want string
	}{
		{"pod-containers-null.yaml", "pod-containers-null.yaml:9:3: Pod/payments/debug: spec.containers: is missing or null"},
		{"pod-no-spec.yaml", "pod-no-spec.yaml:1:1: Pod/payments/debug: spec: is missing or null"},
		{"deployment-containers-map.yaml", "deployment-containers-map.yaml:14:7: Deployment/payments/api: spec.template.spec.containers: expected a list of containers, found an object"},
		{"statefulset-spec-list.yaml", "statefulset-spec-list.yaml:6:1: StatefulSet/payments/ledger-db: spec: expected a mapping, found a list"},
		{"daemonset-template-null.yaml", "daemonset-template-null.yaml:9:3: DaemonSet/payments-ops/log-shipper: spec.template: is missing or null"},
		{"replicaset-containers-empty.yaml", "ReplicaSet/payments/api-7d9f: spec.template.spec.containers: is empty"},
		{"job-container-scalar.yaml", "Job/payments/migrate: spec.template.spec.containers[0]: expected a container"},
		{"cronjob-pod-spec-null.yaml", "cronjob-pod-spec-null.yaml:11:9: CronJob/payments/nightly-settlement: spec.jobTemplate.spec.template.spec: is missing or null"},
		{"replicationcontroller-security-context-list.yaml", "ReplicationController/payments/legacy: spec.template.spec.containers[0].securityContext: expected a mapping, found a list"},
		{"pod-host-network-string.yaml", "Pod/payments/sniffer: spec.hostNetwork: expected a boolean, found a string"},
		{"pod-host-network-yes.json", "pod-host-network-yes.json:6:5: Pod/payments/sniffer: spec.hostNetwork: expected a boolean, found a string"},
		{"deployment-capabilities-add-string.yaml", "spec.template.spec.containers[0].securityContext.capabilities.add: expected a list, found a string"},
		{"list-item-containers-null.json", "list-item-containers-null.json:17:31: Deployment/payments/api: spec.template.spec.containers: is missing or null"},
		{"typed-list-init-container-null.json", "Deployment/payments/webhook-relay: spec.template.spec.initContainers[0]: expected a container (a mapping with name and image), found null"},
	}
	out := t.TempDir()
	for _, tt := range tests {
		report := filepath.Join(out, tt.file+".json")
		args := []string{"check", "--k8s", filepath.Join(k8sMalformed, tt.file), "--format", "json=" + report, effective}
		res := annexa(t, args...)
		if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("annexa %v: exit %d, stderr %q\nwant exit 2 and %q", args, res.code, res.stderr, tt.want)
		}
		if res.stdout != "" || strings.Contains(res.stderr, "panic") {
			t.Errorf("annexa %v: stdout %q, stderr %q", args, res.stdout, res.stderr)
		}
		if _, err := os.Stat(report); !os.IsNotExist(err) {
			t.Errorf("annexa %v: the report %s was written (stat: %v)", args, report, err)
		}
	}
	// The built binary says the same with the same exit status.
	args := []string{"check", "--k8s", abs(t, filepath.Join(k8sMalformed, "deployment-containers-map.yaml")), effective}
	bin := annexaBinary(t, t.TempDir(), nil, args...)
	if bin.code != 2 || !strings.Contains(bin.stderr, "deployment-containers-map.yaml:14:7: Deployment/payments/api: spec.template.spec.containers: expected a list of containers") {
		t.Errorf("binary: exit %d, stderr %q", bin.code, bin.stderr)
	}
}

// TestK8sNullFieldsJudged checks that fields set to null (which the API
// server reads as absent) leave every workload kind judged: each gets its
// findings for the missing limits and the unblocked privilege escalation.
func TestK8sNullFieldsJudged(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--k8s", k8sNulls)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (findings)\n%s", res.code, res.stderr)
	}
	workloads := []string{
		"Pod/payments/debug", "Deployment/payments/api", "StatefulSet/payments/ledger-db",
		"DaemonSet/payments/log-shipper", "ReplicaSet/payments/api-7d9f", "Job/payments/migrate",
		"CronJob/payments/nightly-settlement", "ReplicationController/payments/legacy",
		"Deployment/payments/webhook-relay",
	}
	got := map[string]bool{}
	for _, f := range r.Findings {
		got[f.Policy+" "+f.Resource] = true
	}
	for _, w := range workloads {
		for _, p := range []string{"c8_9.k8s_resource_limits", "c8_2.k8s_privileged"} {
			if !got[p+" "+w] {
				t.Errorf("no %s finding for %s", p, w)
			}
		}
	}
	if len(r.Diagnostics) != 0 {
		t.Errorf("diagnostics %v, want none", r.Diagnostics)
	}
}

// TestK8sDuplicateObjects checks that an object defined twice, as kubectl
// apply accepts, is a warning naming both places, not an input error, and
// that the later definition is judged.
func TestK8sDuplicateObjects(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--k8s", k8sDuplicates)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (the later Deployment has no limits)\n%s", res.code, res.stderr)
	}
	for _, want := range []string{
		"warning: " + filepath.Join(k8sDuplicates, "02-api-again.yaml") + ":3:1: Deployment/payments/api is defined again (first at " + filepath.Join(k8sDuplicates, "01-api.yaml") + ":2:1)",
		"Service/payments/api is defined again (first at " + filepath.Join(k8sDuplicates, "02-api-again.yaml") + ":15:1)",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr %q lacks %q", res.stderr, want)
		}
	}
	if len(r.Diagnostics) != 2 || r.Diagnostics[0].Severity != diag.Warning {
		t.Errorf("diagnostics %v, want two warnings", r.Diagnostics)
	}
	found := false
	for _, f := range r.Findings {
		if f.Policy == "c8_9.k8s_resource_limits" && f.Resource == "Deployment/payments/api" {
			found = true
			if f.Source == nil || filepath.Base(f.Source.File) != "02-api-again.yaml" {
				t.Errorf("finding from %v, want 02-api-again.yaml", f.Source)
			}
		}
	}
	if !found {
		t.Error("no resource-limits finding for the later Deployment/payments/api, which has no limits")
	}
}

// TestK8sYAML11Booleans checks that yes, on and off where the API has a
// boolean, which kubectl accepts, are warnings and are judged as the
// booleans kubectl makes of them.
func TestK8sYAML11Booleans(t *testing.T) {
	t.Parallel()
	r, res := checkJSON(t, "--k8s", k8sYAML11)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 (findings)\n%s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, `spec.template.spec.hostNetwork: "yes" is read as true`) || len(r.Diagnostics) != 3 {
		t.Errorf("stderr %q, %d diagnostics: want three warnings, hostNetwork's among them", res.stderr, len(r.Diagnostics))
	}
	got := map[string]bool{}
	for _, f := range r.Findings {
		got[f.Policy] = true
	}
	for _, p := range []string{"c8_2.k8s_host_access", "c8_2.k8s_privileged"} {
		if !got[p] {
			t.Errorf("no %s finding for DaemonSet payments-ops/sniffer", p)
		}
	}
}
