// Package kubernetes reads Kubernetes manifests into facts of kind
// "kubernetes", one per object: multi-document YAML, JSON, and the List that
// `kubectl get -o json` prints, in a file or a directory tree. Workloads get
// their pod spec at one attribute path whatever their kind, and secrets
// (Secret data, secret-named environment values, credentials in URLs) are
// redacted before anything else sees them. A workload manifest the API
// server would reject (no containers, a pod spec that is not a mapping, a
// judged field of the wrong type) is an error naming the file, line and
// field; a null field is read as absent, as the API server reads it; an
// object defined twice is a warning, and the later definition is judged.
package kubernetes

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "kubernetes"

// DefaultNamespace is the namespace of a namespaced object whose manifest
// names none.
const DefaultNamespace = "default"

// Provider reads Kubernetes manifests from a file or a directory tree.
type Provider struct {
	// MaxBytes bounds one manifest file; zero means input.DefaultMaxBytes.
	MaxBytes int64
	// Exclude are --exclude globs: files and directories below a
	// directory of manifests that are passed over (input.Excluded).
	Exclude []string
}

// WithExclude implements providers.Excluding.
func (p Provider) WithExclude(globs []string) providers.Provider {
	p.Exclude = globs
	return p
}

// FactKinds is the kinds of fact manifests gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindKubernetes} }

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, warnings, err := p.collect(ctx, path)
	if err != nil {
		return nil, append(warnings, diag.FromError(err, Name)...)
	}
	return fs, warnings
}

// collect reads every object under path: one manifest file, or every
// .yaml, .yml and .json file below a directory (hidden directories
// skipped). In a directory, files holding no Kubernetes object at all (a
// Helm values.yaml, a Chart.yaml) are skipped; a file given by name must
// hold objects only. The warnings are about input that kubectl accepts
// but that is likely a mistake (an object defined twice).
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics, error) {
	files, dir, err := manifestFiles(path, p.Exclude)
	if err != nil {
		return nil, nil, err
	}
	c := newCollector(p)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, c.warnings, err
		}
		if err := c.readFile(f, !dir); err != nil {
			return nil, c.warnings, err
		}
	}
	// An empty kubectl listing is a manifest too: it says there is nothing.
	if c.manifests == 0 {
		return nil, c.warnings, fmt.Errorf("read manifests %s: no Kubernetes objects (YAML or JSON with apiVersion and kind)", path)
	}
	facts.Sort(c.facts)
	return c.facts, c.warnings, nil
}

// manifestFiles lists the files to read, sorted, and whether path is a
// directory.
func manifestFiles(path string, exclude []string) ([]string, bool, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, false, fmt.Errorf("read manifests %s: %w", path, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return []string{path}, false, nil
	}
	files, err := input.WalkFiles(path, "manifests", nil, IsManifestName, exclude)
	if err != nil {
		return nil, true, err
	}
	if len(files) == 0 {
		return nil, true, fmt.Errorf("read manifests %s: no .yaml, .yml or .json files", path)
	}
	return files, true, nil
}

// IsManifestName reports whether a file name has a manifest's extension.
func IsManifestName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func newCollector(p Provider) *collector {
	return &collector{provider: p, redactor: redact.New(nil), seen: map[string]seenObject{}}
}

// seenObject is where an object was defined and the index of its fact.
type seenObject struct {
	where string
	fact  int
}

type collector struct {
	provider Provider
	redactor *redact.Redactor
	// seen maps a fact id to the object defined last under it.
	seen map[string]seenObject
	// warnings are the diagnostics that do not stop the run.
	warnings diag.Diagnostics
	// manifests counts the files holding Kubernetes documents.
	manifests int
	facts     []facts.Fact
}

func (c *collector) readFile(file string, named bool) error {
	data, err := input.ReadFile(file, c.provider.MaxBytes)
	if err != nil {
		return err
	}
	return c.read(file, data, named)
}

// read turns the content of one manifest file into facts.
func (c *collector) read(file string, data []byte, named bool) error {
	docs, err := input.DecodeYAML(file, data, input.DecodeLimits{})
	if err != nil {
		if bytes.Contains(data, []byte("{{")) {
			return fmt.Errorf("%w (the file looks like a Helm or Go template: render it first, e.g. `helm template`)", err)
		}
		return err
	}
	if !slices.ContainsFunc(docs, isObjectDoc) {
		if named {
			return fmt.Errorf("%s: no Kubernetes objects (YAML or JSON with apiVersion and kind)", file)
		}
		return nil
	}
	c.manifests++
	for i := range docs {
		if err := c.addDocument(&docs[i]); err != nil {
			return err
		}
	}
	return nil
}

func isObjectDoc(d input.Document) bool {
	m, ok := d.Value.(map[string]any)
	if !ok {
		return false
	}
	_, hasKind := m["kind"].(string)
	_, hasVersion := m["apiVersion"].(string)
	return hasKind && hasVersion
}

func (c *collector) addDocument(doc *input.Document) error {
	obj, ok := doc.Value.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: expected a Kubernetes object (a mapping with apiVersion and kind), found %s", doc.Where(""), input.Describe(doc.Value))
	}
	kind, _ := obj["kind"].(string)
	if !isList(kind, obj) {
		return c.addObject(doc, "", obj, "", "")
	}
	items, _ := obj["items"].([]any)
	apiVersion, _ := obj["apiVersion"].(string)
	// A typed list (DeploymentList, as the API returns it) leaves kind and
	// apiVersion out of its items; kubectl's List keeps them.
	itemKind := ""
	if kind != "List" {
		itemKind = strings.TrimSuffix(kind, "List")
	}
	for i, it := range items {
		pointer := fmt.Sprintf("/items/%d", i)
		item, ok := it.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: %s item %d: expected a Kubernetes object, found %s", doc.Where(pointer), kind, i, input.Describe(it))
		}
		if err := c.addObject(doc, pointer, item, itemKind, apiVersion); err != nil {
			return err
		}
	}
	return nil
}

func isList(kind string, obj map[string]any) bool {
	if kind != "List" && !strings.HasSuffix(kind, "List") {
		return false
	}
	items, present := obj["items"]
	if !present {
		return false
	}
	_, isSlice := items.([]any)
	return isSlice || items == nil
}

// kindPattern is what annexa accepts as an object kind: Kubernetes kinds,
// built-in and custom, are CamelCase identifiers.
var kindPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

func (c *collector) addObject(doc *input.Document, pointer string, obj map[string]any, defaultKind, defaultAPIVersion string) error {
	if _, ok := obj["kind"]; !ok && defaultKind != "" {
		obj["kind"] = defaultKind
	}
	if _, ok := obj["apiVersion"]; !ok && defaultAPIVersion != "" {
		obj["apiVersion"] = defaultAPIVersion
	}
	apiVersion, _ := obj["apiVersion"].(string)
	kind, _ := obj["kind"].(string)
	where := doc.Where(pointer)
	switch {
	case apiVersion == "" && kind == "":
		return fmt.Errorf("%s: not a Kubernetes object: no apiVersion and kind", where)
	case apiVersion == "":
		return fmt.Errorf("%s: %s has no apiVersion", where, kind)
	case kind == "":
		return fmt.Errorf("%s: object has no kind", where)
	case !kindPattern.MatchString(kind):
		return fmt.Errorf("%s: kind %q is not a Kubernetes kind (a CamelCase name such as Deployment)", doc.Where(pointer+"/kind"), kind)
	}
	if isBuildConfig(apiVersion) {
		return nil
	}
	meta, _ := obj["metadata"].(map[string]any)
	if meta == nil {
		return fmt.Errorf("%s: %s has no metadata (with a name)", where, kind)
	}
	name, _ := meta["name"].(string)
	if name == "" {
		// An object created with generateName has its name only once the
		// API server made one up; the prefix is what the manifest says.
		name, _ = meta["generateName"].(string)
	}
	if name == "" {
		return fmt.Errorf("%s: %s has no metadata.name", doc.Where(pointer+"/metadata"), kind)
	}
	if strings.Contains(name, "/") {
		return fmt.Errorf("%s: %s name %q contains a slash, which Kubernetes names cannot", doc.Where(pointer+"/metadata/name"), kind, name)
	}
	id := kind + "/" + name
	if !clusterScoped(kind) {
		ns, _ := meta["namespace"].(string)
		if ns == "" {
			ns = DefaultNamespace
			meta["namespace"] = ns
		}
		if strings.Contains(ns, "/") {
			return fmt.Errorf("%s: %s namespace %q contains a slash, which Kubernetes names cannot", doc.Where(pointer+"/metadata/namespace"), kind, ns)
		}
		id = kind + "/" + ns + "/" + name
	}
	specPath := podSpecPath(apiVersion, kind, obj)
	if err := checkWorkload(doc, pointer, id, obj, builtinPodSpecPath(apiVersion, kind), &c.warnings); err != nil {
		return err
	}
	prev, dup := c.seen[id]
	if dup {
		// kubectl apply applies both; the later one is what the cluster
		// ends up with, so it replaces the earlier fact.
		pos := doc.Pos(pointer)
		c.warnings = append(c.warnings, diag.Diagnostic{
			Severity: diag.Warning, Source: Name, File: doc.File, Line: pos.Line, Column: pos.Col,
			Summary: fmt.Sprintf("%s is defined again (first at %s)", id, prev.where),
			Detail:  "kubectl apply would apply both, the later last: only this later definition is judged",
		})
	}
	// managedFields records which client set which field: bulky, and
	// nothing a control is judged on.
	delete(meta, "managedFields")

	marked, detected := markSecrets(obj, apiVersion, kind)
	// obj is read no more but for its URLs below, which copy-on-write
	// redaction leaves as they were: the redacted attributes may share
	// its maps instead of copying them.
	res := c.redactor.ObjectOwned(obj, nil)
	// A URL whose password is a $(VAR) reference holds no secret: give it
	// back as written.
	for path, value := range referencedURLs(obj, specPath) {
		if i := slices.Index(res.Sensitive, path); i >= 0 {
			res.Sensitive = slices.Delete(res.Sensitive, i, i+1)
			restore(res.Attributes, path, value)
		}
	}
	sensitive := append(marked, res.Sensitive...)
	for p := range detected {
		sensitive = append(sensitive, p)
	}
	maps.Copy(detected, res.Detected)
	attrs := res.Attributes
	if specPath != nil {
		if spec, ok := lookup(attrs, specPath).(map[string]any); ok {
			attrs[PodSpecAttribute] = spec
			prefix := strings.Join(specPath, ".") + "."
			for _, s := range sensitive {
				if rest, ok := strings.CutPrefix(s, prefix); ok {
					sensitive = append(sensitive, PodSpecAttribute+"."+rest)
				}
			}
			for p, rule := range maps.Clone(detected) {
				if rest, ok := strings.CutPrefix(p, prefix); ok {
					detected[PodSpecAttribute+"."+rest] = rule
				}
			}
		}
	}
	slices.Sort(sensitive)
	if len(detected) == 0 {
		detected = nil
	}
	fact := facts.Fact{
		Kind:       facts.KindKubernetes,
		Source:     facts.Source{Provider: Name, File: doc.File, Line: doc.Pos(pointer).Line},
		ID:         id,
		Type:       kind,
		Attributes: attrs,
		Sensitive:  slices.Compact(sensitive),
		Detected:   detected,
	}
	if dup {
		c.facts[prev.fact] = fact
		c.seen[id] = seenObject{where: where, fact: prev.fact}
		return nil
	}
	c.seen[id] = seenObject{where: where, fact: len(c.facts)}
	c.facts = append(c.facts, fact)
	return nil
}

// isBuildConfig reports whether an apiVersion belongs to a build tool's
// configuration (kustomization.yaml, KRM function configs) that sits beside
// manifests but is never an object in a cluster.
func isBuildConfig(apiVersion string) bool {
	group, _, _ := strings.Cut(apiVersion, "/")
	return group == "kustomize.config.k8s.io" || group == "config.kubernetes.io"
}

func lookup(v any, path []string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
