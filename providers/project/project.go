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
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/registry"
	"github.com/annexa-dev/annexa/providers/riskregister"
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
	// Exclude are the globs of exclude:, which the run adds --exclude to.
	Exclude []string
	Sources []providers.Source
	// Applicability and Risks are the applicability file and the risk
	// register, resolved against the file; "" when not set.
	Applicability string
	Risks         string
	// Waivers is the waivers file (waivers:), resolved against the file;
	// "" when not set.
	Waivers string
	// Risk holds the residual risk settings the file makes.
	Risk riskregister.Settings
	// Parameters are the values the file sets for policy parameters
	// (parameters:), sorted by name; the runner checks them against the
	// parameters the compiled policies declare.
	Parameters []Parameter
	// ParametersLine is the line of parameters: in the file.
	ParametersLine int
}

// Parameter is one value of parameters: in a project file.
type Parameter struct {
	Name string
	// Value is the YAML value as JSON would hold it: string, bool, int64,
	// float64, []any or map[string]any.
	Value any
	// File and Line say where the file sets it.
	File string
	Line int
}

// Where is the parameter's file:line.
func (p Parameter) Where() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

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
	for _, k := range registry.Kinds() {
		if s.sources[k.ProjectKey], err = c.Compile(schemaURL + "#/$defs/" + k.ProjectKey); err != nil {
			return nil, fmt.Errorf("project schema, source %s: %w", k.ProjectKey, err)
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
		if p.EffectiveTime, err = catalog.ParseEffectiveTime(s); err != nil {
			return nil, fmt.Errorf("%s: effective_time: %w", doc.Where("/effective_time"), err)
		}
	}
	for _, d := range input.Strings(top["policies"]) {
		p.Policies = append(p.Policies, registry.Resolve(dir, d))
	}
	for i, g := range input.Strings(top["exclude"]) {
		if _, err := path.Match(g, ""); err != nil {
			return nil, fmt.Errorf("%s: exclude[%d] %q: %w", doc.Where(fmt.Sprintf("/exclude/%d", i)), i, g, err)
		}
		p.Exclude = append(p.Exclude, g)
	}
	if s, ok := top["applicability"].(string); ok {
		p.Applicability = registry.Resolve(dir, s)
	}
	if s, ok := top["risks"].(string); ok {
		p.Risks = registry.Resolve(dir, s)
	}
	if s, ok := top["waivers"].(string); ok {
		p.Waivers = registry.Resolve(dir, s)
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
	if params, ok := top["parameters"].(map[string]any); ok {
		p.ParametersLine = doc.Pos("/parameters").Line
		for _, name := range slices.Sorted(maps.Keys(params)) {
			p.Parameters = append(p.Parameters, Parameter{Name: name, Value: params[name], File: file, Line: doc.Pos("/parameters/" + name).Line})
		}
	}
	kinds := registry.Kinds()
	for i, raw := range top["sources"].([]any) {
		pointer := fmt.Sprintf("/sources/%d", i)
		entry := raw.(map[string]any)
		k, err := kindOf(entry, kinds)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		if err := doc.Validate(sch.sources[k.ProjectKey], pointer, fmt.Sprintf("sources[%d] (%s)", i, k.ProjectKey)); err != nil {
			return nil, err
		}
		src, err := k.EntrySource(dir, entry)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		p.Sources = append(p.Sources, src)
	}
	return p, nil
}

// kindOf finds which source kind an entry is by the one known key it has.
func kindOf(entry map[string]any, kinds []registry.Kind) (registry.Kind, error) {
	var found []registry.Kind
	for _, k := range kinds {
		if _, ok := entry[k.ProjectKey]; ok {
			found = append(found, k)
		}
	}
	keys := make([]string, len(kinds))
	for i, k := range kinds {
		keys[i] = k.ProjectKey
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := "no source type: expected one of " + strings.Join(keys, ", ")
		for _, k := range slices.Sorted(maps.Keys(entry)) {
			for _, known := range keys {
				if levenshtein.ComputeDistance(k, known) <= 2 {
					return registry.Kind{}, fmt.Errorf("%s (did you mean %q instead of %q?)", msg, known, k)
				}
			}
		}
		return registry.Kind{}, errors.New(msg)
	}
	return registry.Kind{}, fmt.Errorf("one entry names two source types (%s and %s); give each its own entry", found[0].ProjectKey, found[1].ProjectKey)
}

// Resolve turns a path given alone on the command line into a project: a
// project file, a directory holding one, or a source whose kind the
// registry recognises (a Terraform plan or root module, evidence records,
// Kubernetes manifests, an sshd_config, a GitHub export, or a TOML, INI or
// HCL file).
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
	} else if slices.Contains(FileNames(), filepath.Base(path)) {
		return Load(path)
	}
	k, ok, err := registry.Detect(path)
	switch {
	case err != nil:
		return nil, err
	case ok:
		return &Project{Sources: []providers.Source{k.PathSource(path)}}, nil
	case st.IsDir():
		return nil, fmt.Errorf("%s: cannot tell what this directory holds: it has no %s, no evidence records, no Kubernetes manifests and no configuration files annexa recognizes; name its contents with a flag (--tf, --evidence, --k8s, --config)", path, FileNames()[0])
	}
	return nil, fmt.Errorf("%s: cannot tell what this file is (not a Terraform plan JSON, an evidence record, a Kubernetes manifest, an sshd_config, a GitHub export, a TOML, INI or HCL file, or an annexa.yaml); name it with a flag (--plan, --evidence, --k8s, --config FORMAT=PATH)", path)
}
