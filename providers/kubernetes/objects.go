package kubernetes

import (
	"net/url"
	"regexp"
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
// stand rather than by their key's name, and returns their dotted paths:
// a Secret's data and stringData values, the last-applied annotation,
// literal environment values named like secrets and secret command-line
// flags. The redactor then handles secret-named keys and URLs with
// passwords.
func markSecrets(obj map[string]any, apiVersion, kind string, specPath []string) []string {
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
	spec, _ := lookup(obj, specPath).(map[string]any)
	if specPath != nil && spec != nil {
		base := strings.Join(specPath, ".")
		for _, list := range ContainerLists() {
			cs, _ := spec[list].([]any)
			for i, c := range cs {
				cm, ok := c.(map[string]any)
				if !ok {
					continue
				}
				at := base + "." + list + "." + strconv.Itoa(i)
				paths = append(paths, markEnv(cm, at)...)
				for _, field := range []string{"command", "args"} {
					if argv, ok := cm[field].([]any); ok {
						paths = append(paths, markArgs(argv, at+"."+field)...)
					}
				}
			}
		}
	}
	return paths
}

// markEnv redacts literal values of environment variables whose name says
// they hold a secret. Values taken from a Secret (valueFrom) have no
// literal and are left alone: that is the remedy.
func markEnv(container map[string]any, at string) []string {
	env, _ := container["env"].([]any)
	var paths []string
	for j, e := range env {
		em, ok := e.(map[string]any)
		if !ok {
			continue
		}
		name, _ := em["name"].(string)
		value, _ := em["value"].(string)
		if value != "" && value != facts.Redacted && !NotALiteral(value) && (redact.IsSecretEnvName(name) || redact.HasURLCredentials(value)) {
			em["value"] = facts.Redacted
			paths = append(paths, at+".env."+strconv.Itoa(j)+".value")
		}
	}
	return paths
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
		if m := secretFlag.FindStringSubmatch(s); m != nil && redact.IsSecretEnvName(m[1]) && !NotALiteral(m[2]) {
			argv[k] = strings.TrimSuffix(s, m[2]) + facts.Redacted
			paths = append(paths, at+"."+strconv.Itoa(k))
			continue
		}
		flag, isFlag := strings.CutPrefix(s, "-")
		flag = strings.TrimPrefix(flag, "-")
		if isFlag && !strings.Contains(flag, "=") && redact.IsSecretEnvName(flag) && k+1 < len(argv) {
			if next, ok := argv[k+1].(string); ok && !strings.HasPrefix(next, "-") && !NotALiteral(next) {
				argv[k+1] = facts.Redacted
				paths = append(paths, at+"."+strconv.Itoa(k+1))
				k++
			}
		}
	}
	return paths
}

// reference matches a variable reference: $(VAR), which the kubelet
// expands from the container's environment (itself fed by secretKeyRef),
// and ${VAR}, which a shell does.
var reference = regexp.MustCompile(`\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\}`)

// filePath matches an absolute file path or a file: URL, no spaces.
var filePath = regexp.MustCompile(`^(file://)?(/[^/\s]+)+/?$`)

// NotALiteral reports whether the value given to a secret-named variable
// or flag is no secret itself: a $(VAR) or ${VAR} reference, which is the
// recommended way to hand a Secret to a command line, or a file path
// (--tls-private-key=/etc/tls/tls.key) to where a mounted Secret is read.
func NotALiteral(value string) bool {
	return reference.MatchString(value) || filePath.MatchString(value)
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
	return reference.MatchString(pw) && reference.ReplaceAllString(pw, "") == ""
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
