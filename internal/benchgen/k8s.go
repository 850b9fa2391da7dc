package benchgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// writeManifests writes the good and bad Kubernetes fixtures copies times, each copy's namespaces renamed so that its
// objects are its own while names inside a namespace still match.
func writeManifests(dir, testdata string, copies int) (int, error) {
	var seeds [][]map[string]any
	var names, tags []string
	for _, sub := range []string{"good", "bad"} {
		paths, err := filepath.Glob(filepath.Join(testdata, "k8s", sub, "*"))
		if err != nil {
			return 0, err
		}
		slices.Sort(paths)
		for _, p := range paths {
			if ext := filepath.Ext(p); ext != ".yaml" && ext != ".json" {
				continue
			}
			objs, err := readObjects(p)
			if err != nil {
				return 0, err
			}
			seeds = append(seeds, objs)
			names = append(names, sub+"-"+strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
			tags = append(tags, sub[:1])
		}
	}
	if len(seeds) == 0 {
		return 0, fmt.Errorf("benchgen: no manifests under %s", filepath.Join(testdata, "k8s"))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	count := 0
	for k := range copies * len(seeds) {
		i := k % len(seeds)
		suffix := fmt.Sprintf("-%s%d", tags[i], k/len(seeds))
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		for _, obj := range seeds[i] {
			obj = clone(obj)
			renameNamespace(obj, suffix)
			if err := enc.Encode(obj); err != nil {
				return 0, fmt.Errorf("benchgen: encode manifest: %w", err)
			}
			count++
		}
		if err := enc.Close(); err != nil {
			return 0, fmt.Errorf("benchgen: encode manifest: %w", err)
		}
		name := fmt.Sprintf("%s%s.yaml", names[i], suffix)
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			return 0, fmt.Errorf("benchgen: %w", err)
		}
	}
	return count, nil
}

// readObjects reads every object of a YAML stream or a JSON file, the
// items of a List included.
func readObjects(path string) ([]map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("benchgen: %w", err)
	}
	var out []map[string]any
	add := func(obj map[string]any) {
		if items, ok := obj["items"].([]any); ok && strings.HasSuffix(fmt.Sprint(obj["kind"]), "List") {
			for _, it := range items {
				if m, ok := it.(map[string]any); ok {
					out = append(out, m)
				}
			}
			return
		}
		out = append(out, obj)
	}
	if filepath.Ext(path) == ".json" {
		var obj map[string]any
		if err := json.Unmarshal(b, &obj); err != nil {
			return nil, fmt.Errorf("benchgen: %s: %w", path, err)
		}
		add(obj)
		return out, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var obj map[string]any
		err := dec.Decode(&obj)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("benchgen: %s: %w", path, err)
		}
		if obj != nil {
			add(obj)
		}
	}
}

// clusterScoped are the kinds whose objects have no namespace and whose
// names a copy must change instead.
var clusterScoped = []string{"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass", "CustomResourceDefinition", "Node", "PodSecurityPolicy", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"}

func renameNamespace(obj map[string]any, suffix string) {
	meta, _ := obj["metadata"].(map[string]any)
	if meta == nil {
		meta = map[string]any{}
		obj["metadata"] = meta
	}
	kind, _ := obj["kind"].(string)
	if slices.Contains(clusterScoped, kind) {
		if name, ok := meta["name"].(string); ok {
			meta["name"] = name + suffix
		}
		return
	}
	ns, _ := meta["namespace"].(string)
	if ns == "" {
		ns = "default"
	}
	meta["namespace"] = ns + suffix
}
