package kubernetes

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

func byID(t *testing.T, fs []facts.Fact) map[string]facts.Fact {
	t.Helper()
	out := map[string]facts.Fact{}
	for _, f := range fs {
		out[f.ID] = f
	}
	return out
}

const deployment = `# the API
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: payments
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"env":[{"name":"DB_PASSWORD","value":"hunter2-literal"}]}'
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: acme/migrate:1.2
          args: ["--db-password=argv-secret-1", "--verbose", "--api-token", "argv-secret-2"]
      containers:
        - name: api
          image: acme/api@sha256:0123
          env:
            - {name: DB_PASSWORD, value: hunter2-literal}
            - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
            - {name: LOG_LEVEL, value: info}
            - name: STRIPE_KEY
              valueFrom: {secretKeyRef: {name: stripe, key: key}}
            - {name: DATABASE_URL, value: "postgres://api:url-secret-pw@ledger:5432/ledger"}
---
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}}
`

const secret = `apiVersion: v1
kind: Secret
metadata: {name: stripe, namespace: payments}
type: Opaque
data:
  key: c2tfbGl2ZV9zZWNyZXQ=
stringData:
  password: plain-secret-value
`

const cronJob = `{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "settle", "namespace": "payments"},
 "spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": {"template": {"spec": {"hostNetwork": true,
   "containers": [{"name": "settle", "image": "acme/settle:2.0", "env": [{"name": "API_TOKEN", "value": "cron-token-secret"}]}]}}}}}}`

const kubectlList = `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "apiVersion": "v1",
      "kind": "Namespace",
      "metadata": {"name": "payments", "managedFields": [{"manager": "kubectl"}]}
    },
    {
      "apiVersion": "apps/v1",
      "kind": "StatefulSet",
      "metadata": {"name": "ledger", "namespace": "payments"},
      "spec": {"template": {"spec": {"containers": [{"name": "pg", "image": "postgres:16"}]}}}
    }
  ]
}`

const typedList = `apiVersion: apps/v1
kind: DaemonSetList
items:
  - metadata: {name: agent, namespace: ops}
    spec: {template: {spec: {hostPID: true, containers: [{name: a, image: agent:1}]}}}
`

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"app/deployment.yaml":   deployment,
		"app/secret.yml":        secret,
		"jobs/cron.json":        cronJob,
		"cluster/list.json":     kubectlList,
		"cluster/daemons.yaml":  typedList,
		"chart/values.yaml":     "replicas: 3\nimage: {tag: latest}\n",
		"app/kustomization.yml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n",
		".git/HEAD.yaml":        "not: read",
		"README.md":             "# not read",
	})
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
	if err != nil {
		t.Fatal(err)
	}
	got := byID(t, fs)
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	want := []string{"CronJob/payments/settle", "DaemonSet/ops/agent", "Deployment/payments/api", "Namespace/payments", "Secret/payments/stripe", "Service/default/api", "StatefulSet/payments/ledger"}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}

	api := got["Deployment/payments/api"]
	if api.Kind != facts.KindKubernetes || api.Type != "Deployment" || api.Source.Provider != Name ||
		api.Source.File != filepath.Join(dir, "app/deployment.yaml") || api.Source.Line != 2 {
		t.Errorf("api fact = %+v", api)
	}
	ps := api.Attributes[PodSpecAttribute].(map[string]any)
	env := ps["containers"].([]any)[0].(map[string]any)["env"].([]any)
	if env[0].(map[string]any)["value"] != facts.Redacted || env[1].(map[string]any)["value"] != "/run/secrets/db" ||
		env[2].(map[string]any)["value"] != "info" || env[4].(map[string]any)["value"] != facts.Redacted {
		t.Errorf("env = %v", env)
	}
	args := ps["initContainers"].([]any)[0].(map[string]any)["args"].([]any)
	if !slices.Equal(args, []any{"--db-password=(sensitive)", "--verbose", "--api-token", facts.Redacted}) {
		t.Errorf("args = %v", args)
	}
	wantSensitive := []string{
		"metadata.annotations.kubectl.kubernetes.io/last-applied-configuration",
		"pod_spec.containers.0.env.0.value",
		"pod_spec.containers.0.env.4.value",
		"pod_spec.initContainers.0.args.0",
		"pod_spec.initContainers.0.args.3",
		"spec.template.spec.containers.0.env.0.value",
		"spec.template.spec.containers.0.env.4.value",
		"spec.template.spec.initContainers.0.args.0",
		"spec.template.spec.initContainers.0.args.3",
	}
	if !slices.Equal(api.Sensitive, wantSensitive) {
		t.Errorf("sensitive = %v\nwant %v", api.Sensitive, wantSensitive)
	}

	svc := got["Service/default/api"]
	if svc.Source.Line != 28 || svc.Attributes["metadata"].(map[string]any)["namespace"] != "default" {
		t.Errorf("service fact = %+v (want line 28, namespace default)", svc)
	}
	if _, has := svc.Attributes[PodSpecAttribute]; has {
		t.Error("a Service got a pod spec")
	}

	sec := got["Secret/payments/stripe"]
	if !slices.Equal(sec.Sensitive, []string{"data.key", "stringData.password"}) {
		t.Errorf("secret sensitive = %v", sec.Sensitive)
	}

	cron := got["CronJob/payments/settle"]
	cps := cron.Attributes[PodSpecAttribute].(map[string]any)
	if cps["hostNetwork"] != true || !slices.Contains(cron.Sensitive, "pod_spec.containers.0.env.0.value") {
		t.Errorf("cron job pod spec = %v, sensitive %v", cps, cron.Sensitive)
	}
	ns := got["Namespace/payments"]
	if _, has := ns.Attributes["metadata"].(map[string]any)["managedFields"]; has {
		t.Error("managedFields kept")
	}
	if ns.Source.Line != 5 || got["StatefulSet/payments/ledger"].Source.Line != 10 {
		t.Errorf("list item lines = %d, %d; want 5, 10", ns.Source.Line, got["StatefulSet/payments/ledger"].Source.Line)
	}
	agent := got["DaemonSet/ops/agent"]
	if agent.Attributes["kind"] != "DaemonSet" || agent.Attributes["apiVersion"] != "apps/v1" || agent.Attributes[PodSpecAttribute].(map[string]any)["hostPID"] != true {
		t.Errorf("typed list item = %v", agent.Attributes)
	}

	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("invalid fact: %v", err)
		}
	}
	out, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"hunter2-literal", "argv-secret-1", "argv-secret-2", "url-secret-pw", "c2tfbGl2ZV9zZWNyZXQ=", "plain-secret-value", "cron-token-secret"} {
		if strings.Contains(string(out), s) {
			t.Errorf("secret %q is in the facts", s)
		}
	}
}

func TestCollectErrors(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"yaml syntax", "a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n", "a.yaml:5: invalid YAML"},
		{"helm template", "t.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n  x: [\n", "render it first"},
		{"no kind", "a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n", "a.yaml:5:1: object has no kind"},
		{"no apiVersion", "a.yaml", "kind: Pod\nmetadata: {name: a}\n", "a.yaml: no Kubernetes objects"},
		{"no name", "a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n", "a.yaml:3:1: ConfigMap has no metadata.name"},
		{"no metadata", "a.json", `{"apiVersion": "v1", "kind": "ConfigMap"}`, "a.json:1:1: ConfigMap has no metadata"},
		{"scalar document", "a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\njust text\n", "a.yaml:5:1: expected a Kubernetes object"},
		{"bad list item", "a.json", `{"apiVersion": "v1", "kind": "List", "items": [7]}`, "a.json:1:48: List item 0: expected a Kubernetes object, found a number"},
		{"bad kind", "a.yaml", "apiVersion: v1\nkind: my-kind\nmetadata: {name: a}\n", "a.yaml:2:1: kind \"my-kind\" is not a Kubernetes kind"},
		{"slash in name", "a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a/b}\n", "contains a slash"},
		{"empty", "a.yaml", "\n", "a.yaml: file is empty"},
		{"comments only", "a.yaml", "# nothing\n", "no Kubernetes objects"},
		{"truncated json", "a.json", `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": `, "a.json:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, map[string]string{tt.file: tt.content})
			_, err := diag.AsError(Provider{}.Collect(context.Background(), filepath.Join(dir, tt.file)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.file) {
				t.Errorf("err = %v does not name the file", err)
			}
		})
	}
}

func TestCollectDirectory(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"values.yaml": "a: 1\n", "notes.txt": "x"})
	if _, err := diag.AsError((Provider{}).Collect(context.Background(), dir)); err == nil || !strings.Contains(err.Error(), "no Kubernetes objects") {
		t.Errorf("a directory without manifests: err = %v", err)
	}
	if _, err := diag.AsError((Provider{}).Collect(context.Background(), filepath.Join(dir, "missing"))); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing path: err = %v", err)
	}
	testfs.Write(t, dir, map[string]string{"empty-list.json": `{"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}`})
	if fs, err := diag.AsError((Provider{}).Collect(context.Background(), filepath.Join(dir, "empty-list.json"))); err != nil || len(fs) != 0 {
		t.Errorf("an empty kubectl listing: %d facts, err = %v; want none and no error", len(fs), err)
	}
	empty := t.TempDir()
	if _, err := diag.AsError((Provider{}).Collect(context.Background(), empty)); err == nil || !strings.Contains(err.Error(), "no .yaml, .yml or .json files") {
		t.Errorf("an empty directory: err = %v", err)
	}
}

func TestPodSpecPath(t *testing.T) {
	tests := []struct {
		apiVersion, kind string
		want             string
	}{
		{"v1", "Pod", "spec"},
		{"apps/v1", "Deployment", "spec.template.spec"},
		{"extensions/v1beta1", "Deployment", "spec.template.spec"},
		{"apps/v1", "StatefulSet", "spec.template.spec"},
		{"apps/v1", "DaemonSet", "spec.template.spec"},
		{"apps/v1", "ReplicaSet", "spec.template.spec"},
		{"v1", "ReplicationController", "spec.template.spec"},
		{"batch/v1", "Job", "spec.template.spec"},
		{"batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec"},
		{"v1", "PodTemplate", "template.spec"},
		{"example.com/v1", "Deployment", ""},
		{"v1", "Service", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(podSpecPath(tt.apiVersion, tt.kind, nil), "."); got != tt.want {
			t.Errorf("podSpecPath(%s, %s) = %q, want %q", tt.apiVersion, tt.kind, got, tt.want)
		}
	}
	template := map[string]any{"spec": map[string]any{"template": map[string]any{"spec": map[string]any{"containers": []any{}}}}}
	custom := []struct {
		apiVersion, kind string
		obj              map[string]any
		want             string
	}{
		{"argoproj.io/v1alpha1", "Rollout", template, "spec.template.spec"},
		{"apps.openshift.io/v1", "DeploymentConfig", template, "spec.template.spec"},
		{"v1", "DeploymentConfig", template, "spec.template.spec"},
		{"v1", "Widget", template, ""},
		{"example.com/v1", "Widget", map[string]any{"spec": map[string]any{"template": "x"}}, ""},
		{"example.com/v1", "Widget", map[string]any{"spec": map[string]any{"template": map[string]any{"spec": map[string]any{}}}}, ""},
		{"networking.k8s.io/v1", "Widget", template, ""},
		{"v1", "Service", template, ""},
	}
	for _, tt := range custom {
		if got := strings.Join(podSpecPath(tt.apiVersion, tt.kind, tt.obj), "."); got != tt.want {
			t.Errorf("podSpecPath(%s, %s, %v) = %q, want %q", tt.apiVersion, tt.kind, tt.obj, got, tt.want)
		}
	}
	for _, k := range WorkloadKinds() {
		if podSpecPath("v1", k, nil) == nil && podSpecPath("apps/v1", k, nil) == nil && podSpecPath("batch/v1", k, nil) == nil {
			t.Errorf("WorkloadKinds lists %s, which gets no pod spec", k)
		}
	}
}
