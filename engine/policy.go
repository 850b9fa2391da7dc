package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/internal/parallel"
	"github.com/annexa-dev/annexa/policies/catalog"
)

// ControlsPackage is the package prefix under which policies live; a
// policy's id is its package path below it.
const ControlsPackage = "annexa.controls"

// RiskPackage is the package prefix of the policies over the residual
// risks: they run after the controls are rolled up, read data.run like
// the clause rules, and name clauses instead of controls. Their id is
// their package path below "annexa" (risk.acceptance).
const RiskPackage = "annexa.risk"

// UserLibraryPackage is the package prefix of helper modules that user
// policies share. A policy directory given with --policy may declare
// packages only under ControlsPackage and UserLibraryPackage, so it cannot
// add to or redefine what the built-in policies read (data.facts, data.run,
// annexa.lib, the clause rules).
const UserLibraryPackage = "annexa.user"

// userPackage checks the package of a module from a --policy directory.
func userPackage(file string, m *ast.Module) error {
	pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
	switch {
	case strings.HasPrefix(pkg, ControlsPackage+"."):
		return nil
	case strings.HasPrefix(pkg, UserLibraryPackage+"."):
		if hasRule(m, "deny") {
			return fmt.Errorf("%s: package %s is a user library (%s.*) but has deny rules, which annexa would never evaluate; put the policy under %s (e.g. package %s.c8_24.my_check)", file, pkg, UserLibraryPackage, ControlsPackage, ControlsPackage)
		}
		return nil
	}
	return fmt.Errorf("%s: package %s is not allowed in a policy directory: user policies go under %s (e.g. package %s.c8_24.my_check) and their shared helpers under %s (e.g. package %s.helpers); no other package, so that no policy can change what the built-in policies and the roll-up read", file, pkg, ControlsPackage, ControlsPackage, UserLibraryPackage, UserLibraryPackage)
}

// maxPolicyFileBytes bounds one .rego file, so a stray huge file in a
// policy directory is an error rather than a memory blow-up.
const maxPolicyFileBytes = 4 << 20

// Coverage says how much of a control a policy decides.
type Coverage string

// Coverage labels.
const (
	CoverageFull       Coverage = "full"
	CoveragePartial    Coverage = "partial"
	CoverageSupporting Coverage = "supporting"
)

// Policy is one evaluated package and what its METADATA declares.
// Control policies run first; policies over the residual risks
// (AfterRollUp) run once the controls are rolled up.
type Policy struct {
	ID          string   `json:"id"`
	Package     string   `json:"package"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Controls    []string `json:"controls"`
	// Clauses are the ISO/IEC 27001 clauses a policy over the residual
	// risks judges; such a policy has no controls and no coverage.
	Clauses     []string `json:"clauses,omitempty"`
	Severity    Severity `json:"severity"`
	Coverage    Coverage `json:"coverage,omitempty"`
	Inputs      []string `json:"inputs"`
	Remediation string   `json:"remediation"`
	File        string   `json:"file"`
	Builtin     bool     `json:"builtin"`

	// CoverageByControl is set when METADATA gives a coverage per control
	// (custom.coverage as a map); Coverage is then the best of them.
	CoverageByControl map[string]Coverage `json:"coverage_by_control,omitempty"`
	// Parameters are the policy parameters it reads (METADATA
	// custom.parameters; policies/lib/params.rego).
	Parameters []string `json:"parameters,omitempty"`
	// DeclaresJudged is true when the package defines the judged rule: the
	// ids of the facts it judged (docs/policies.md). Without it every fact
	// of its inputs counts as assessed.
	DeclaresJudged bool `json:"-"`
	// Detector is METADATA custom.detector: the policy judges only the
	// facts it reports, since a detector that finds nothing has shown
	// nothing about a fact (c5_17.literal_secrets). Such a policy never
	// makes a control look assessed by the facts it found clean.
	Detector bool `json:"detector,omitempty"`
}

// PolicySource is a tree of Rego files: the embedded built-ins or a
// directory named with --policy.
type PolicySource struct {
	FS fs.FS
	// Name prefixes file names in messages: "policies" for the built-ins,
	// the directory as given for others.
	Name    string
	Builtin bool
}

// DirSource returns the policy source for a directory on disk.
func DirSource(dir string) PolicySource {
	return PolicySource{FS: os.DirFS(dir), Name: dir}
}

// PolicyFiles is the exact policy input an engine compiled. It is what an
// evidence bundle records, and WithPolicyFS and WithPolicySources load it
// again for a replay.
type PolicyFiles struct {
	// Builtin holds the built-in tree as loaded, by path inside it: the
	// catalog, lib/ and (unless WithoutBuiltinPolicies) controls/.
	Builtin map[string][]byte
	// Sources are the extra policy trees, in the order they were given.
	Sources []SourceFiles
}

// SourceFiles are the Rego files of one extra policy source.
type SourceFiles struct {
	// Name is the source's name in messages: the --policy directory as given.
	Name string
	// Files holds each file by its slash-separated path inside the source.
	Files map[string][]byte
}

// readModules parses every .rego file of src; test files only when
// withTests is set. It returns the modules by file name and their source by
// path inside src.
func readModules(src PolicySource, withTests bool) (map[string]*ast.Module, map[string][]byte, error) {
	type file struct {
		path, name string
		src        []byte
	}
	var files []file
	err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read policies %s: %w", filepath.Join(src.Name, p), unwrapPath(err))
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".rego") || (!withTests && strings.HasSuffix(p, "_test.rego")) {
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		name := path.Join(filepath.ToSlash(src.Name), p)
		info, err := d.Info()
		if err != nil {
			return fmt.Errorf("read policy %s: %w", name, err)
		}
		if info.Size() > maxPolicyFileBytes {
			return fmt.Errorf("read policy %s: file is larger than the %d MiB limit", name, maxPolicyFileBytes>>20)
		}
		b, err := fs.ReadFile(src.FS, p)
		if err != nil {
			return fmt.Errorf("read policy %s: %w", name, err)
		}
		files = append(files, file{path: p, name: name, src: b})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// Parsing is a good part of start-up and each file parses alone. The
	// parser only reads the capabilities (its language features); made for
	// each file, as it does when given none, they took 25 ms a run.
	parsed := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	caps := ast.CapabilitiesForThisVersion(ast.CapabilitiesRegoVersion(ast.RegoV1))
	parallel.ForEach(len(files), runtime.GOMAXPROCS(0), func(i int) {
		parsed[i], errs[i] = ast.ParseModuleWithOpts(files[i].name, string(files[i].src), ast.ParserOptions{
			ProcessAnnotation: true,
			RegoVersion:       ast.RegoV1,
			Capabilities:      caps,
		})
		if errs[i] != nil {
			errs[i] = fmt.Errorf("parse policy: %w", errs[i])
		}
	})
	// The first error in walk order, as a sequential parse would report.
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	mods := make(map[string]*ast.Module, len(files))
	raw := make(map[string][]byte, len(files))
	for i, f := range files {
		mods[f.name] = parsed[i]
		raw[f.path] = f.src
	}
	return mods, raw, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var inputPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(:[A-Za-z0-9_.\-/]+)?$`)

var severities = []Severity{SeverityLow, SeverityMedium, SeverityHigh, SeverityCritical}

// policiesFromModules finds the policy packages among mods and reads their
// METADATA, checking every field and every control id against the catalog.
func policiesFromModules(mods map[string]*ast.Module, builtin map[string]bool, cat *Catalog) ([]*Policy, error) {
	byPkg := map[string][]string{}
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		m := mods[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, ControlsPackage+".") && !strings.HasPrefix(pkg, RiskPackage+".") {
			if hasRule(m, "deny") && !strings.HasPrefix(pkg, "annexa.") {
				return nil, fmt.Errorf("%s: package %s has deny rules but annexa only evaluates packages under %s (e.g. package %s.c8_24.my_check)", name, pkg, ControlsPackage, ControlsPackage)
			}
			continue
		}
		byPkg[pkg] = append(byPkg[pkg], name)
	}
	var out []*Policy
	var errs []error
	for _, pkg := range slices.Sorted(maps.Keys(byPkg)) {
		files := byPkg[pkg]
		p, err := policyFromFiles(pkg, files, mods, cat)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Builtin = builtin[p.File]
		out = append(out, p)
	}
	return out, errors.Join(errs...)
}

func policyFromFiles(pkg string, files []string, mods map[string]*ast.Module, cat *Catalog) (*Policy, error) {
	var ann *ast.Annotations
	var annFile string
	deny, judged := false, false
	for _, f := range files {
		m := mods[f]
		deny = deny || hasRule(m, "deny")
		judged = judged || hasDocument(m, "judged")
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			if ann != nil {
				return nil, fmt.Errorf("%s: package %s already has METADATA in %s; keep it in one file", f, pkg, annFile)
			}
			ann, annFile = a, f
		}
	}
	if !deny {
		return nil, fmt.Errorf("%s: package %s has no deny rule; a policy yields `deny contains finding if { ... }`", files[0], pkg)
	}
	if ann == nil {
		return nil, fmt.Errorf("%s: package %s has no package METADATA (title, custom.controls, severity, coverage, inputs, remediation); see docs/policies.md", files[0], pkg)
	}
	risk := strings.HasPrefix(pkg, RiskPackage+".")
	id := strings.TrimPrefix(pkg, ControlsPackage+".")
	if risk {
		id = strings.TrimPrefix(pkg, "annexa.")
	}
	p := &Policy{
		ID:          id,
		Package:     pkg,
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		File:        annFile,

		DeclaresJudged: judged,
	}
	field := func(name string) error {
		return fmt.Errorf("%s: METADATA of %s: %s", annFile, pkg, name)
	}
	if p.Title == "" {
		return nil, field("title is required")
	}
	var err error
	if risk {
		if p.Clauses, err = stringList(ann.Custom, "clauses"); err != nil {
			return nil, field(err.Error())
		}
		p.Controls = []string{}
	} else if p.Controls, err = stringList(ann.Custom, "controls"); err != nil {
		return nil, field(err.Error())
	}
	for _, id := range p.Controls {
		if _, ok := cat.Lookup(id); !ok {
			return nil, field(fmt.Sprintf("custom.controls: %q is not an ISO/IEC 27002:2022 control id (e.g. \"8.24\")", id))
		}
	}
	if p.Inputs, err = stringList(ann.Custom, "inputs"); err != nil {
		return nil, field(err.Error())
	}
	for _, in := range p.Inputs {
		if !inputPattern.MatchString(in) {
			return nil, field(fmt.Sprintf("custom.inputs: %q is not KIND or KIND:TYPE (e.g. \"resource:aws_s3_bucket\")", in))
		}
	}
	sev, _ := ann.Custom["severity"].(string)
	p.Severity = Severity(sev)
	if !slices.Contains(severities, p.Severity) {
		return nil, field(fmt.Sprintf("custom.severity: %q is not one of low, medium, high, critical", sev))
	}
	if !risk {
		if p.Coverage, p.CoverageByControl, err = coverageOf(ann.Custom["coverage"], p.Controls); err != nil {
			return nil, field(err.Error())
		}
	}
	if _, ok := ann.Custom["parameters"]; ok {
		if p.Parameters, err = stringList(ann.Custom, "parameters"); err != nil {
			return nil, field(err.Error())
		}
	}
	if v, ok := ann.Custom["detector"]; ok {
		if p.Detector, ok = v.(bool); !ok {
			return nil, field(fmt.Sprintf("custom.detector: %v is not true or false", v))
		}
	}
	p.Remediation, _ = ann.Custom["remediation"].(string)
	p.Remediation = strings.TrimSpace(p.Remediation)
	if p.Remediation == "" {
		return nil, field("custom.remediation is required")
	}
	slices.SortFunc(p.Controls, catalog.CompareIDs)
	slices.Sort(p.Inputs)
	return p, nil
}

var coverageRank = map[Coverage]int{CoverageSupporting: 1, CoveragePartial: 2, CoverageFull: 3}

// coverageOf reads custom.coverage: one label for every control, or a map
// from each of the policy's controls to its label (a check that decides
// part of one control may be only supporting evidence for another). It
// returns the best label and, for a map, the label per control.
func coverageOf(raw any, controls []string) (Coverage, map[string]Coverage, error) {
	label := func(v any) (Coverage, error) {
		s, _ := v.(string)
		if coverageRank[Coverage(s)] == 0 {
			return "", fmt.Errorf("custom.coverage: %q is not one of full, partial, supporting", fmt.Sprint(v))
		}
		return Coverage(s), nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		c, err := label(raw)
		return c, nil, err
	}
	var best Coverage
	by := map[string]Coverage{}
	for _, id := range controls {
		v, ok := m[id]
		if !ok {
			return "", nil, fmt.Errorf("custom.coverage names no coverage for control %s; give one label or one per control", id)
		}
		c, err := label(v)
		if err != nil {
			return "", nil, err
		}
		by[id] = c
		if coverageRank[c] > coverageRank[best] {
			best = c
		}
	}
	for id := range m {
		if !slices.Contains(controls, id) {
			return "", nil, fmt.Errorf("custom.coverage: %q is not one of the policy's controls %v", id, controls)
		}
	}
	return best, by, nil
}

// CoverageOf is how much of control id the policy decides.
func (p *Policy) CoverageOf(id string) Coverage {
	if c, ok := p.CoverageByControl[id]; ok {
		return c
	}
	return p.Coverage
}

func stringList(custom map[string]any, key string) ([]string, error) {
	raw, ok := custom[key].([]any)
	if !ok || len(raw) == 0 {
		return nil, fmt.Errorf("custom.%s must be a non-empty list of strings", key)
	}
	out := make([]string, 0, len(raw))
	for _, v := range raw {
		s, ok := v.(string)
		if !ok || s == "" {
			return nil, fmt.Errorf("custom.%s must be a non-empty list of strings, found %v", key, v)
		}
		out = append(out, s)
	}
	return slices.Compact(slices.Sorted(slices.Values(out))), nil
}

func hasRule(m *ast.Module, name string) bool {
	for _, r := range m.Rules {
		if r.Head.Name.String() == name || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.String() == name) {
			return true
		}
	}
	return false
}

// hasDocument is hasRule for a rule that is not a function.
func hasDocument(m *ast.Module, name string) bool {
	return slices.ContainsFunc(m.Rules, func(r *ast.Rule) bool {
		return len(r.Head.Args) == 0 && hasRule(&ast.Module{Rules: []*ast.Rule{r}}, name)
	})
}

// AfterRollUp reports whether p runs after the controls are rolled up: a
// policy over the residual risks, which reads data.run.
func (p *Policy) AfterRollUp() bool { return strings.HasPrefix(p.Package, RiskPackage+".") }
