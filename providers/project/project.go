// Package project reads annexa's project file (annexa.yaml), which names the
// sources of one ISMS's facts and how to evaluate them, and resolves a path
// given alone on the command line (a project, a plan, an evidence
// directory) into sources.
package project

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/riskregister"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// FileNames are the names a project file is looked for under in a
// directory, in order.
func FileNames() []string { return []string{"annexa.yaml", "annexa.yml"} }

//go:embed schema.json
var schemaJSON []byte

const schemaURL = "https://annexa.dev/schemas/project.json"

// maxProjectBytes bounds a project file; real ones are a few hundred bytes.
const maxProjectBytes = 1 << 20

// Project is a loaded project file, or the project a single path given on
// the command line stands for.
type Project struct {
	// File is the project file, "" for a project made from a plain path.
	File string
	Name string
	// EffectiveTime, when not zero, is the time to evaluate as of.
	EffectiveTime time.Time
	// FailOn is the default --fail-on, "" when the file does not set it.
	FailOn string
	// Policies are extra policy directories, resolved against the file.
	Policies []string
	Sources  []providers.Source
	// Applicability and Risks are the applicability file and the risk
	// register, resolved against the file; "" when not set.
	Applicability string
	Risks         string
	// Risk holds the residual risk settings the file makes.
	Risk riskregister.Settings
}

// sourceType is one kind of entry in the sources list: its key and how to
// build the source from the entry.
type sourceType struct {
	key string
	// build makes the provider of an entry whose key names a path; path is
	// resolved against the project file's directory.
	build func(path string, entry map[string]any) (providers.Provider, error)
	// source, set instead of build, makes the whole source of an entry
	// whose key names something else (an external provider's name); dir is
	// the project file's directory.
	source func(dir string, entry map[string]any) (providers.Source, error)
}

func sourceTypes() []sourceType {
	return []sourceType{
		{key: "plan", build: func(string, map[string]any) (providers.Provider, error) { return tfplan.Provider{}, nil }},
		{key: "terraform", source: terraformSource},
		{key: "evidence", build: func(string, map[string]any) (providers.Provider, error) { return evidence.Provider{}, nil }},
		{key: "kubernetes", build: func(string, map[string]any) (providers.Provider, error) { return kubernetes.Provider{}, nil }},
		{key: "config", build: func(_ string, entry map[string]any) (providers.Provider, error) {
			format, _ := entry["format"].(string)
			return config.New(format)
		}},
		{key: "provider", source: externalSource},
	}
}

// terraformSource builds a Terraform source entry: its variable files are
// relative to the project file and come before its variables, whose order
// is by name so that the same file always gives the same result.
func terraformSource(dir string, entry map[string]any) (providers.Source, error) {
	var p tfsource.Provider
	for _, f := range anyStrings(entry["var_files"]) {
		p.Vars = append(p.Vars, tfsource.Var{File: resolve(dir, f)})
	}
	vars, _ := entry["vars"].(map[string]any)
	for _, name := range slices.Sorted(maps.Keys(vars)) {
		p.Vars = append(p.Vars, tfsource.Var{Assignment: name + "=" + vars[name].(string)})
	}
	return providers.Source{Path: resolve(dir, entry["terraform"].(string)), Provider: p}, nil
}

// externalSource builds an external provider entry: its source and a
// command path with a slash are relative to the project file, like every
// path in it.
func externalSource(dir string, entry map[string]any) (providers.Source, error) {
	p := external.Provider{Name: entry["provider"].(string), Env: anyStrings(entry["env"])}
	if args, ok := entry["args"].(map[string]any); ok {
		p.Args = args
	}
	if cmd := anyStrings(entry["command"]); len(cmd) > 0 {
		if strings.ContainsRune(cmd[0], '/') || strings.ContainsRune(cmd[0], filepath.Separator) {
			cmd[0] = resolve(dir, cmd[0])
		}
		p.Command = cmd
	}
	if t, ok := entry["timeout"].(string); ok {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			return providers.Source{}, fmt.Errorf("timeout %q is not a duration such as 30s or 2m", t)
		}
		p.Timeout = d
	}
	src := providers.Source{Provider: p}
	if s, ok := entry["source"].(string); ok {
		src.Path = resolve(dir, s)
	}
	return src, nil
}

type schemas struct {
	file    *jsonschema.Schema
	sources map[string]*jsonschema.Schema
}

func compile() (*schemas, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemaURL, bytes.NewReader(schemaJSON)); err != nil {
		return nil, fmt.Errorf("project schema: %w", err)
	}
	s := &schemas{sources: map[string]*jsonschema.Schema{}}
	var err error
	if s.file, err = c.Compile(schemaURL); err != nil {
		return nil, fmt.Errorf("project schema: %w", err)
	}
	for _, t := range sourceTypes() {
		if s.sources[t.key], err = c.Compile(schemaURL + "#/$defs/" + t.key); err != nil {
			return nil, fmt.Errorf("project schema, source %s: %w", t.key, err)
		}
	}
	return s, nil
}

// Load reads and checks a project file. Errors name the file, line and
// field.
func Load(file string) (*Project, error) {
	data, err := input.ReadFile(file, maxProjectBytes)
	if err != nil {
		return nil, err
	}
	docs, err := input.DecodeYAML(file, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: a project file holds one YAML document, found %d", file, len(docs))
	}
	doc := &docs[0]
	sch, err := compile()
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(sch.file, "", "project file"); err != nil {
		return nil, err
	}
	top := doc.Value.(map[string]any)
	dir := filepath.Dir(file)
	p := &Project{File: file}
	p.Name, _ = top["name"].(string)
	p.FailOn, _ = top["fail_on"].(string)
	if s, ok := top["effective_time"].(string); ok {
		if p.EffectiveTime, err = catalog.ParseDate(s); err != nil {
			return nil, fmt.Errorf("%s: effective_time: %w", doc.Where("/effective_time"), err)
		}
	}
	for _, d := range anyStrings(top["policies"]) {
		p.Policies = append(p.Policies, resolve(dir, d))
	}
	if s, ok := top["applicability"].(string); ok {
		p.Applicability = resolve(dir, s)
	}
	if s, ok := top["risks"].(string); ok {
		p.Risks = resolve(dir, s)
	}
	if risk, ok := top["risk"].(map[string]any); ok {
		p.Risk.File, p.Risk.Line = file, doc.Pos("/risk").Line
		switch n := risk["appetite"].(type) {
		case int64:
			p.Risk.Appetite = int(n)
		case float64: // 6.0 is a whole number to the schema
			p.Risk.Appetite = int(n)
		}
		p.Risk.Method, _ = risk["method"].(string)
	}
	types := sourceTypes()
	for i, raw := range top["sources"].([]any) {
		pointer := fmt.Sprintf("/sources/%d", i)
		entry := raw.(map[string]any)
		t, err := typeOf(entry, types)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		if err := doc.Validate(sch.sources[t.key], pointer, fmt.Sprintf("sources[%d] (%s)", i, t.key)); err != nil {
			return nil, err
		}
		if t.source != nil {
			src, err := t.source(dir, entry)
			if err != nil {
				return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
			}
			p.Sources = append(p.Sources, src)
			continue
		}
		path := resolve(dir, entry[t.key].(string))
		prov, err := t.build(path, entry)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		p.Sources = append(p.Sources, providers.Source{Path: path, Provider: prov})
	}
	return p, nil
}

// typeOf finds which source type an entry is by the one known key it has.
func typeOf(entry map[string]any, types []sourceType) (sourceType, error) {
	var found []sourceType
	for _, t := range types {
		if _, ok := entry[t.key]; ok {
			found = append(found, t)
		}
	}
	keys := make([]string, len(types))
	for i, t := range types {
		keys[i] = t.key
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := "no source type: expected one of " + strings.Join(keys, ", ")
		for _, k := range slices.Sorted(maps.Keys(entry)) {
			for _, known := range keys {
				if levenshtein.ComputeDistance(k, known) <= 2 {
					return sourceType{}, fmt.Errorf("%s (did you mean %q instead of %q?)", msg, known, k)
				}
			}
		}
		return sourceType{}, errors.New(msg)
	}
	return sourceType{}, fmt.Errorf("one entry names two source types (%s and %s); give each its own entry", found[0].key, found[1].key)
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Resolve turns a path given alone on the command line into a project: a
// project file, a directory holding one, a Terraform plan, an evidence
// directory or record file, Kubernetes manifests, an sshd_config, a GitHub
// export, or a TOML, INI or HCL configuration file.
func Resolve(path string) (*Project, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	if st.IsDir() {
		for _, name := range FileNames() {
			f := filepath.Join(path, name)
			if _, err := os.Stat(f); err == nil {
				return Load(f)
			}
		}
		switch {
		case isTerraformDir(path):
			return single(path, tfsource.Provider{}), nil
		case isEvidenceDir(path):
			return single(path, evidence.Provider{}), nil
		case isManifestDir(path):
			return single(path, kubernetes.Provider{}), nil
		case anyFile(path, isConfigFile):
			return single(path, config.Provider{}), nil
		}
		return nil, fmt.Errorf("%s: cannot tell what this directory holds: it has no %s, no evidence records, no Kubernetes manifests and no configuration files annexa recognizes; name its contents with a flag (--tf, --evidence, --k8s, --config)", path, FileNames()[0])
	}
	if slices.Contains(FileNames(), filepath.Base(path)) {
		return Load(path)
	}
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.Contains(head, []byte(`"format_version"`)):
		return single(path, tfplan.Provider{}), nil
	case isEvidenceHead(head):
		return single(path, evidence.Provider{}), nil
	case isManifestHead(head):
		return single(path, kubernetes.Provider{}), nil
	}
	if isConfigFile(path) {
		return single(path, config.Provider{}), nil
	}
	return nil, fmt.Errorf("%s: cannot tell what this file is (not a Terraform plan JSON, an evidence record, a Kubernetes manifest, an sshd_config, a GitHub export, a TOML, INI or HCL file, or an annexa.yaml); name it with a flag (--plan, --evidence, --k8s, --config FORMAT=PATH)", path)
}

// isTerraformDir reports whether dir is a Terraform root module: it holds
// .tf or .tf.json files itself (not only in subdirectories, which may be
// modules it calls).
func isTerraformDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".tf") || strings.HasSuffix(e.Name(), ".tf.json")) {
			return true
		}
	}
	return false
}

func single(path string, p providers.Provider) *Project {
	return &Project{Sources: []providers.Source{{Path: path, Provider: p}}}
}

// headBytes is how much of a file detection reads: Terraform writes
// format_version first, and a record's kind is near its top.
const headBytes = 4096

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	buf := make([]byte, headBytes)
	n, err := f.Read(buf)
	if n == 0 && err != nil {
		return nil, fmt.Errorf("read %s: file is empty", path)
	}
	return buf[:n], nil
}

// kindPattern finds "kind: policy" and "\"kind\": \"policy\"" in YAML and JSON.
var kindPattern = regexp.MustCompile(`["']?\bkind["']?\s*:\s*["']?([a-z][a-z0-9_]*)`)

// isEvidenceHead reports whether the start of a file declares an evidence
// record kind.
func isEvidenceHead(head []byte) bool {
	kinds, err := evidence.Kinds()
	if err != nil {
		return false
	}
	for _, m := range kindPattern.FindAllSubmatch(head, -1) {
		if slices.Contains(kinds, string(m[1])) {
			return true
		}
	}
	return false
}

// manifestAPIVersion and manifestKind find the apiVersion and CamelCase
// kind of a Kubernetes object at the start of a YAML or JSON file.
var (
	manifestAPIVersion = regexp.MustCompile(`(?m)(^|[{,\s])["']?apiVersion["']?\s*:\s*["']?[a-z0-9.-]*/?v[0-9]`)
	manifestKind       = regexp.MustCompile(`(?m)(^|[{,\s])["']?kind["']?\s*:\s*["']?[A-Z][A-Za-z0-9]*["']?\s*[,}\n\r]`)
)

// isManifestHead reports whether the start of a file holds a Kubernetes
// object (or a kubectl List of them).
func isManifestHead(head []byte) bool {
	return manifestAPIVersion.Match(head) && manifestKind.Match(head)
}

func isManifestDir(dir string) bool {
	return anyFile(dir, func(p string) bool {
		if !kubernetes.IsManifestName(p) {
			return false
		}
		head, err := readHead(p)
		return err == nil && isManifestHead(head)
	})
}

// isConfigFile reports whether a file is configuration annexa recognizes
// without being told: an sshd_config, a TOML, INI or HCL file by its name,
// or a GitHub export. Other JSON and YAML files are too ambiguous.
func isConfigFile(path string) bool {
	switch config.DetectFormat(path) {
	case config.FormatSSHD, config.FormatTOML, config.FormatINI, config.FormatHCL:
		return true
	case config.FormatJSON:
		head, err := readHead(path)
		return err == nil && isGitHubHead(head)
	}
	return false
}

// isGitHubHead reports whether the start of a JSON file looks like a GitHub
// repository export (docs/facts.md): a repository response's full_name and
// default_branch.
func isGitHubHead(head []byte) bool {
	return bytes.Contains(head, []byte(`"full_name"`)) && bytes.Contains(head, []byte(`"default_branch"`))
}

// anyFile reports whether a file under dir (hidden directories and
// evidence artifacts skipped) satisfies match.
func anyFile(dir string, match func(path string) bool) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == evidence.ArtifactsDir) {
				return filepath.SkipDir
			}
			return nil
		}
		found = d.Type().IsRegular() && match(p)
		return nil
	})
	return found
}

func isEvidenceDir(dir string) bool {
	return anyFile(dir, func(p string) bool {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
			head, err := readHead(p)
			return err == nil && isEvidenceHead(head)
		}
		return false
	})
}
