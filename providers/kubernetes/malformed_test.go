package kubernetes

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
)

// TestMalformedWorkloads reads manifests the API server rejects: each is
// an error naming the file, the line and column, the object and the field.
func TestMalformedWorkloads(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"pod-containers-null.yaml", "pod-containers-null.yaml:9:3: Pod/payments/debug: spec.containers: is missing or null; the Kubernetes API requires at least one container"},
		{"pod-no-spec.yaml", "pod-no-spec.yaml:1:1: Pod/payments/debug: spec: is missing or null; the Kubernetes API requires spec.containers"},
		{"deployment-containers-map.yaml", "deployment-containers-map.yaml:14:7: Deployment/payments/api: spec.template.spec.containers: expected a list of containers, found an object"},
		{"statefulset-spec-list.yaml", "statefulset-spec-list.yaml:6:1: StatefulSet/payments/ledger-db: spec: expected a mapping, found a list"},
		{"daemonset-template-null.yaml", "daemonset-template-null.yaml:9:3: DaemonSet/payments-ops/log-shipper: spec.template: is missing or null; the Kubernetes API requires spec.template.spec.containers"},
		{"replicaset-containers-empty.yaml", "replicaset-containers-empty.yaml:13:7: ReplicaSet/payments/api-7d9f: spec.template.spec.containers: is empty"},
		{"job-container-scalar.yaml", "job-container-scalar.yaml:11:11: Job/payments/migrate: spec.template.spec.containers[0]: expected a container (a mapping with name and image), found a string"},
		{"cronjob-pod-spec-null.yaml", "cronjob-pod-spec-null.yaml:11:9: CronJob/payments/nightly-settlement: spec.jobTemplate.spec.template.spec: is missing or null"},
		{"replicationcontroller-security-context-list.yaml", "replicationcontroller-security-context-list.yaml:14:11: ReplicationController/payments/legacy: spec.template.spec.containers[0].securityContext: expected a mapping, found a list"},
		{"pod-host-network-string.yaml", "pod-host-network-string.yaml:7:3: Pod/payments/sniffer: spec.hostNetwork: expected a boolean, found a string"},
		{"pod-host-network-yes.json", "pod-host-network-yes.json:6:5: Pod/payments/sniffer: spec.hostNetwork: expected a boolean, found a string"},
		{"deployment-capabilities-add-string.yaml", "deployment-capabilities-add-string.yaml:18:15: Deployment/payments/vpn: spec.template.spec.containers[0].securityContext.capabilities.add: expected a list, found a string"},
		{"list-item-containers-null.json", "list-item-containers-null.json:17:31: Deployment/payments/api: spec.template.spec.containers: is missing or null"},
		{"typed-list-init-container-null.json", "typed-list-init-container-null.json:10:32: Deployment/payments/webhook-relay: spec.template.spec.initContainers[0]: expected a container (a mapping with name and image), found null"},
	}
	dir := filepath.Join("..", "..", "testdata", "k8s", "malformed")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d fixtures in %s, %d cases: every fixture needs a case", len(files), dir, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			fs, ds := Provider{}.Collect(context.Background(), filepath.Join(dir, tt.file))
			err := ds.Err()
			if err == nil {
				t.Fatalf("%d facts and no error, want %q", len(fs), tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, tt.want)
			}
			if fs != nil {
				t.Errorf("an error, and %d facts", len(fs))
			}
		})
	}
	// In a directory the first malformed file stops the run too.
	if _, err := diag.AsError(Provider{}.Collect(context.Background(), dir)); err == nil || !strings.Contains(err.Error(), "malformed") {
		t.Errorf("directory: err = %v, want an error naming a file", err)
	}
}

// TestNullFieldsAreAbsent reads every workload kind with fields set to
// null, which the API server takes for fields left out: no error, and
// every workload carries its pod spec and containers to be judged.
func TestNullFieldsAreAbsent(t *testing.T) {
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), filepath.Join("..", "..", "testdata", "k8s", "nulls")))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range fs {
		spec, ok := f.Attributes[PodSpecAttribute].(map[string]any)
		if !ok {
			t.Errorf("%s has no pod spec", f.ID)
			continue
		}
		if cs, _ := spec["containers"].([]any); len(cs) != 1 {
			t.Errorf("%s: containers = %v", f.ID, spec["containers"])
		}
		kinds = append(kinds, f.Type)
	}
	slices.Sort(kinds)
	kinds = slices.Compact(kinds)
	want := []string{"CronJob", "DaemonSet", "Deployment", "Job", "Pod", "ReplicaSet", "ReplicationController", "StatefulSet"}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds = %v, want %v", kinds, want)
	}
	if len(fs) != 9 {
		t.Errorf("%d facts, want 9 (8 in workloads.yaml, 1 in list.json)", len(fs))
	}
}

// TestDuplicateObjects reads an object defined twice, across files and in
// one file: kubectl apply applies both, so it is a warning naming both
// places, and the later definition is the one judged.
func TestDuplicateObjects(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "k8s", "duplicates")
	fs, ds := Provider{}.Collect(context.Background(), dir)
	if ds.HasErrors() {
		t.Fatal(ds.Err())
	}
	want := []string{
		filepath.Join(dir, "02-api-again.yaml") + ":20:1: Service/payments/api is defined again (first at " + filepath.Join(dir, "02-api-again.yaml") + ":15:1)",
		filepath.Join(dir, "02-api-again.yaml") + ":3:1: Deployment/payments/api is defined again (first at " + filepath.Join(dir, "01-api.yaml") + ":2:1)",
	}
	var got []string
	for _, d := range ds {
		if d.Severity != diag.Warning || d.Source != Name {
			t.Errorf("diagnostic %v: want a warning from %s", d, Name)
		}
		got = append(got, strings.SplitN(d.String(), ";", 2)[0])
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ids := map[string]int{}
	for _, f := range fs {
		ids[f.ID]++
		switch f.ID {
		case "Deployment/payments/api":
			if filepath.Base(f.Source.File) != "02-api-again.yaml" || f.Source.Line != 3 {
				t.Errorf("the Deployment judged is from %s:%d, want the later 02-api-again.yaml:3", f.Source.File, f.Source.Line)
			}
		case "Service/payments/api":
			if f.Source.Line != 20 {
				t.Errorf("the Service judged is from line %d, want the later, line 20", f.Source.Line)
			}
		}
	}
	if len(fs) != 2 || ids["Deployment/payments/api"] != 1 || ids["Service/payments/api"] != 1 {
		t.Errorf("facts %v, want one Deployment and one Service", ids)
	}
}

// TestYAML11Booleans reads yes, on and off where the API has a boolean:
// kubectl's YAML 1.1 parser reads them as booleans, so annexa does too,
// with a warning naming each, and judges the booleans.
func TestYAML11Booleans(t *testing.T) {
	fs, ds := Provider{}.Collect(context.Background(), filepath.Join("..", "..", "testdata", "k8s", "yaml11", "sniffer.yaml"))
	if ds.HasErrors() || len(fs) != 1 {
		t.Fatalf("%d facts, diagnostics %v", len(fs), ds)
	}
	want := []string{
		`sniffer.yaml:11:7: DaemonSet/payments-ops/sniffer: spec.template.spec.hostNetwork: "yes" is read as true`,
		`sniffer.yaml:17:13: DaemonSet/payments-ops/sniffer: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: "off" is read as false`,
		`sniffer.yaml:16:13: DaemonSet/payments-ops/sniffer: spec.template.spec.containers[0].securityContext.privileged: "on" is read as true`,
	}
	// Fields are checked in name order, so the warnings come in that order.
	if len(ds) != len(want) {
		t.Errorf("diagnostics %v, want %d warnings", ds, len(want))
	}
	for i, d := range ds {
		if i < len(want) && (d.Severity != diag.Warning || !strings.Contains(d.String(), want[i])) {
			t.Errorf("diagnostic %d = %v, want a warning containing %q", i, d, want[i])
		}
	}
	spec := fs[0].Attributes[PodSpecAttribute].(map[string]any)
	sc := spec["containers"].([]any)[0].(map[string]any)["securityContext"].(map[string]any)
	if spec["hostNetwork"] != true || sc["privileged"] != true || sc["allowPrivilegeEscalation"] != false {
		t.Errorf("pod spec %v: want hostNetwork and privileged true, allowPrivilegeEscalation false", spec)
	}
}

func TestValueTypeMatches(t *testing.T) {
	tests := []struct {
		t    valueType
		v    any
		want bool
	}{
		{mapping, map[string]any{}, true},
		{mapping, []any{}, false},
		{list, []any{}, true},
		{list, "NET_ADMIN", false},
		{boolean, true, true},
		{boolean, "true", false},
		{integer, int64(1000), true},
		{integer, float64(1000), true},
		{integer, 1000.5, false},
		{integer, "1000", false},
	}
	for _, tt := range tests {
		if got := tt.t.matches(tt.v); got != tt.want {
			t.Errorf("%s matches %#v = %v, want %v", tt.t, tt.v, got, tt.want)
		}
	}
}
