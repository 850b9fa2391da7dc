package kubernetes

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// PodSpecAttribute is the attribute holding a workload's pod spec, the
// same for a Pod, a Deployment or a CronJob, so a policy on containers
// is written once.
const PodSpecAttribute = "pod_spec"

// ContainerLists are the pod spec fields that hold containers.
func ContainerLists() []string {
	return []string{"containers", "initContainers", "ephemeralContainers"}
}

// podSpecPath returns where the pod spec of a workload kind is, nil for
// kinds that run no pods. The built-in kinds are matched by API group and
// kind: a custom resource that happens to be called Deployment has a shape
// of its own. A custom resource (an API group with a dot that is not a
// Kubernetes one) whose spec.template.spec holds a containers list is a
// workload too: an Argo Rollout, an OpenShift DeploymentConfig, a Knative
// Service run pods from that template.
func podSpecPath(apiVersion, kind string, obj map[string]any) []string {
	if p := builtinPodSpecPath(apiVersion, kind); p != nil {
		return p
	}
	group, _, found := strings.Cut(apiVersion, "/")
	// OpenShift 3 served DeploymentConfig in the legacy core group ("v1").
	legacy := !found && kind == "DeploymentConfig"
	if !legacy && (!found || !strings.Contains(group, ".") || strings.HasSuffix(group, ".k8s.io")) {
		return nil
	}
	path := []string{"spec", "template", "spec"}
	spec, _ := lookup(obj, path).(map[string]any)
	if _, ok := spec["containers"].([]any); !ok {
		return nil
	}
	return path
}

func builtinPodSpecPath(apiVersion, kind string) []string {
	group, _, found := strings.Cut(apiVersion, "/")
	if !found {
		group = "" // the core group: "v1"
	}
	switch {
	case group == "" && kind == "Pod":
		return []string{"spec"}
	case group == "" && kind == "PodTemplate":
		return []string{"template", "spec"}
	case group == "" && kind == "ReplicationController",
		(group == "apps" || group == "extensions") && (kind == "Deployment" || kind == "DaemonSet" || kind == "ReplicaSet"),
		group == "apps" && kind == "StatefulSet",
		group == "batch" && kind == "Job":
		return []string{"spec", "template", "spec"}
	case group == "batch" && kind == "CronJob":
		return []string{"spec", "jobTemplate", "spec", "template", "spec"}
	}
	return nil
}

// WorkloadKinds lists the kinds that get a pod spec attribute.
func WorkloadKinds() []string {
	return []string{"CronJob", "DaemonSet", "Deployment", "Job", "Pod", "PodTemplate", "ReplicaSet", "ReplicationController", "StatefulSet"}
}

// clusterScoped reports whether objects of a built-in kind live outside
// any namespace. Their id is KIND/NAME.
func clusterScoped(kind string) bool {
	switch kind {
	case "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
		"CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "APIService",
		"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
		"ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
		"CSIDriver", "CSINode", "VolumeAttachment", "PodSecurityPolicy", "CertificateSigningRequest",
		"ComponentStatus", "FlowSchema", "PriorityLevelConfiguration", "VolumeAttributesClass",
		"DeviceClass", "ClusterTrustBundle":
		return true
	}
	return false
}

// lastApplied is the annotation in which `kubectl apply` keeps the whole
// object as JSON, Secret data and environment values included.
const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// markSecrets replaces, in obj, the values that are secret by where they
// stand rather than by their name: a Secret's data and stringData values
// and the last-applied annotation (marked, the returned paths), and secret
// command-line flags of every container list in the object, whatever its
// kind (detected, the returned map: literal secrets). Literal environment
// values, {"name": ..., "value": ...} pairs anywhere in any kind (a Pod, an
// Argo Rollout, an OpenShift DeploymentConfig, any custom resource with a
// pod template), are judged by the redactor after this.
func markSecrets(obj map[string]any, apiVersion, kind string) ([]string, map[string]string) {
	var paths []string
	set := func(m map[string]any, key, path string) {
		if v, ok := m[key]; ok && v != nil {
			m[key] = facts.Redacted
			paths = append(paths, path)
		}
	}
	if apiVersion == "v1" && kind == "Secret" {
		for _, field := range []string{"data", "stringData"} {
			if m, ok := obj[field].(map[string]any); ok {
				for k := range m {
					set(m, k, field+"."+k)
				}
			}
		}
	}
	if meta, ok := obj["metadata"].(map[string]any); ok {
		if ann, ok := meta["annotations"].(map[string]any); ok {
			set(ann, lastApplied, "metadata.annotations."+lastApplied)
		}
	}
	detected := map[string]string{}
	forContainers(obj, "", 0, func(cm map[string]any, at string) {
		for _, field := range []string{"command", "args"} {
			if argv, ok := cm[field].([]any); ok {
				for _, p := range markArgs(argv, at+"."+field) {
					detected[p] = "secret-flag"
				}
			}
		}
	})
	return paths, detected
}

// maxContainerDepth bounds the search for container lists.
const maxContainerDepth = 32

// forContainers calls f with every container (a map in a list under one
// of ContainerLists) in v and its dotted path.
func forContainers(v any, path string, depth int, f func(map[string]any, string)) {
	if depth > maxContainerDepth {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			at := redact.Join(path, k)
			if list, ok := child.([]any); ok && slices.Contains(ContainerLists(), k) {
				for i, c := range list {
					if cm, ok := c.(map[string]any); ok {
						f(cm, at+"."+strconv.Itoa(i))
					}
				}
				continue
			}
			forContainers(child, at, depth+1, f)
		}
	case []any:
		for i, child := range x {
			forContainers(child, redact.Join(path, strconv.Itoa(i)), depth+1, f)
		}
	}
}

// secretFlag matches "--db-password=VALUE" and "-token=VALUE".
var secretFlag = regexp.MustCompile(`^--?([A-Za-z][A-Za-z0-9_.-]*)=(.+)$`)

// markArgs redacts secrets passed on a command line: "--password=VALUE"
// and the argument after a bare "--password".
func markArgs(argv []any, at string) []string {
	var paths []string
	for k := 0; k < len(argv); k++ {
		s, ok := argv[k].(string)
		if !ok {
			continue
		}
		if m := secretFlag.FindStringSubmatch(s); m != nil && redact.IsSecretEnvName(m[1]) && !redact.NotALiteral(m[2]) {
			argv[k] = strings.TrimSuffix(s, m[2]) + facts.Redacted
			paths = append(paths, at+"."+strconv.Itoa(k))
			continue
		}
		flag, isFlag := strings.CutPrefix(s, "-")
		flag = strings.TrimPrefix(flag, "-")
		if isFlag && !strings.Contains(flag, "=") && redact.IsSecretEnvName(flag) && k+1 < len(argv) {
			if next, ok := argv[k+1].(string); ok && !strings.HasPrefix(next, "-") && !redact.NotALiteral(next) {
				argv[k+1] = facts.Redacted
				paths = append(paths, at+"."+strconv.Itoa(k+1))
				k++
			}
		}
	}
	return paths
}

// referencedURLs lists, by dotted path, the environment values and
// command-line arguments of the containers of the pod spec at specPath
// that are URLs whose password is a reference
// (postgres://app:$(DB_PASSWORD)@db/ledger): the redactor takes every URL
// with a password for a secret, but these hold none.
func referencedURLs(obj map[string]any, specPath []string) map[string]string {
	spec, _ := lookup(obj, specPath).(map[string]any)
	if specPath == nil || spec == nil {
		return nil
	}
	out := map[string]string{}
	add := func(v any, path string) {
		if s, ok := v.(string); ok && redact.HasURLCredentials(s) && urlPasswordIsReference(s) {
			out[path] = s
		}
	}
	base := strings.Join(specPath, ".")
	for _, list := range ContainerLists() {
		cs, _ := spec[list].([]any)
		for i, c := range cs {
			cm, ok := c.(map[string]any)
			if !ok {
				continue
			}
			at := base + "." + list + "." + strconv.Itoa(i)
			env, _ := cm["env"].([]any)
			for j, e := range env {
				if em, ok := e.(map[string]any); ok {
					add(em["value"], at+".env."+strconv.Itoa(j)+".value")
				}
			}
			for _, field := range []string{"command", "args"} {
				argv, _ := cm[field].([]any)
				for k, a := range argv {
					add(a, at+"."+field+"."+strconv.Itoa(k))
				}
			}
		}
	}
	return out
}

// urlPasswordIsReference reports whether the password in the user
// information of the URL in s is a reference.
func urlPasswordIsReference(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.User == nil {
		return false
	}
	pw, _ := u.User.Password()
	return redact.OnlyReferences(pw)
}

// restore puts value back at the dotted path of attrs (maps and lists).
func restore(attrs map[string]any, path, value string) {
	parts := strings.Split(path, ".")
	var v any = attrs
	for _, p := range parts[:len(parts)-1] {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(x) {
				return
			}
			v = x[i]
		default:
			return
		}
	}
	last := parts[len(parts)-1]
	switch x := v.(type) {
	case map[string]any:
		x[last] = value
	case []any:
		if i, err := strconv.Atoi(last); err == nil && i >= 0 && i < len(x) {
			x[i] = value
		}
	}
}
