package accuracy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/internal/parallel"
)

// The mutation meta-test (docs/accuracy.md, "Mutations"). For a bad case
// of the corpus (a .tf file, a directory of them, or a plan .json), every
// top-level argument and nested block type of each resource a finding of
// the case's policy is about is, one at a time, removed (the author left
// it out) and, for arguments, made unknown until apply (in source, a
// reference to an undeclared variable; in a plan, after_unknown). Each
// mutant is run like the case, and the policy must still have a finding
// about that resource, unless the argument is one the verdict needs:
//
//   - the case names it: a line `annexa-accuracy: needs a, b` in a comment
//     of the .tf (# or //), or in a plan a top-level "//" string (or list
//     of strings) holding that line: those are not mutated;
//   - the case names none, and the policy's own Rego mentions the name
//     (PolicyMentions): then the mutant may lose the finding; whether the
//     policy still judged the resource is noted for review (Note);
//   - an argument that refers to another resource, data source or module
//     (a link between split resources) is not mutated unless the case
//     names its needs.
//
// Meta-arguments (count, for_each, provider, depends_on, lifecycle) are
// never mutated.

// Mutation kinds.
const (
	Drop    = "drop"
	Unknown = "unknown"
)

// Mutant is one mutation of a bad case.
type Mutant struct {
	Case Case
	// Resource is the fact id of the resource mutated, Attr the argument
	// or block type, Kind Drop or Unknown.
	Resource, Attr, Kind string
	// Lenient is set when the case names no needs and the policy mentions
	// Attr: the finding may go if the policy judges soundly (see above).
	Lenient bool
	// write puts the mutated case in dir and returns the flag value.
	write func(dir string) (string, error)
}

func (m Mutant) String() string {
	return fmt.Sprintf("%s: %s %s.%s", m.Case.Name, m.Kind, m.Resource, m.Attr)
}

var (
	needsLine = regexp.MustCompile(`annexa-accuracy:\s*needs\s+([A-Za-z0-9_.,\s]+)`)
	metaArgs  = []string{"count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"}
)

// parseNeeds reads the attribute names of `annexa-accuracy: needs ...`
// lines in text; declared is false when there is none.
func parseNeeds(text string) (needs map[string]bool, declared bool) {
	needs = map[string]bool{}
	for _, m := range needsLine.FindAllStringSubmatch(text, -1) {
		declared = true
		for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
			top, _, _ := strings.Cut(f, ".")
			needs[top] = true
		}
	}
	return needs, declared
}

// Mentions reports whether a policy's Rego (its files' text) mentions a
// name as a word.
type Mentions func(name string) bool

// PolicyMentions returns the names the policy's own file
// (controls/<N_M>/<name>.rego under policiesRoot) and the library files it
// imports (lib/<name>.rego, and theirs in turn) mention in their rules, as
// a string or a reference component, outside the building of findings:
// the operands of sprintf and object literals with a "msg" key do not
// count, since an attribute read there decides no verdict (and one read
// there without a default silences the finding, which is what the strict
// mutants catch). A library counts because policies decide through it
// (the classification tags a key policy applies to, the rules of a split
// security group).
func PolicyMentions(policiesRoot, policy string) (Mentions, error) {
	ctl, name, _ := strings.Cut(policy, ".")
	names := map[string]bool{}
	seen := map[string]bool{}
	var read func(file string, required bool) error
	read = func(file string, required bool) error {
		if seen[file] {
			return nil
		}
		seen[file] = true
		data, err := os.ReadFile(file)
		if err != nil {
			if required {
				return err
			}
			return nil
		}
		mod, err := ast.ParseModuleWithOpts(file, string(data), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		collectMentions(mod, names)
		for _, imp := range mod.Imports {
			ref, ok := imp.Path.Value.(ast.Ref)
			if !ok || len(ref) != 4 || !ref.HasPrefix(ast.MustParseRef("data.annexa.lib")) {
				continue
			}
			lib, _ := ref[3].Value.(ast.String)
			if err := read(filepath.Join(policiesRoot, "lib", string(lib)+".rego"), false); err != nil {
				return err
			}
		}
		return nil
	}
	if err := read(filepath.Join(policiesRoot, "controls", strings.TrimPrefix(ctl, "c"), name+".rego"), true); err != nil {
		return nil, err
	}
	return func(attr string) bool { return names[attr] }, nil
}

// collectMentions adds the strings and variable names of mod's rules to
// names, leaving out sprintf operands and finding objects.
func collectMentions(mod *ast.Module, names map[string]bool) {
	vis := ast.NewGenericVisitor(func(x any) bool {
		switch v := x.(type) {
		case *ast.Package, *ast.Import:
			return true
		case ast.Call:
			if len(v) > 0 && v[0].String() == "sprintf" {
				return true
			}
		case *ast.Expr:
			if v.IsCall() && v.Operator().String() == "sprintf" {
				return true
			}
		case ast.Object:
			if v.Get(ast.StringTerm("msg")) != nil {
				return true
			}
		case ast.String:
			names[string(v)] = true
		case ast.Var:
			names[string(v)] = true
		}
		return false
	})
	vis.Walk(mod)
}

// resourceAddr splits a finding's resource id into a root module
// resource's type and name; ok is false for anything else (a module's
// resource, a fact that is not a resource).
func resourceAddr(id string) (typ, name string, ok bool) {
	if i := strings.IndexByte(id, '['); i >= 0 {
		id = id[:i]
	}
	parts := strings.Split(id, ".")
	if len(parts) != 2 || !strings.Contains(parts[0], "_") || strings.Contains(id, ":") || strings.Contains(id, "/") {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// Mutants lists the mutants of a bad case whose outcome o found what it
// should. mentions may be nil (nothing mentioned).
func Mutants(o Outcome, mentions Mentions) ([]Mutant, error) {
	cs := o.Case
	if cs.Label != Bad || !o.Fired() {
		return nil, nil
	}
	if mentions == nil {
		mentions = func(string) bool { return false }
	}
	var resources []string
	for _, f := range o.Findings {
		if _, _, ok := resourceAddr(f.Resource); ok && !slices.Contains(resources, f.Resource) {
			resources = append(resources, f.Resource)
		}
	}
	slices.Sort(resources)
	switch cs.Flag {
	case FlagTF:
		return tfMutants(cs, resources, mentions)
	case FlagPlan:
		return planMutants(cs, resources, mentions)
	}
	return nil, nil
}

// tfFiles reads the .tf files of a case: name -> content.
func tfFiles(cs Case) (map[string][]byte, error) {
	files := map[string][]byte{}
	if !cs.Dir {
		data, err := os.ReadFile(cs.Path)
		if err != nil {
			return nil, err
		}
		files[filepath.Base(cs.Path)] = data
		return files, nil
	}
	entries, err := os.ReadDir(cs.Path)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tf") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(cs.Path, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	return files, nil
}

// isLink reports whether an expression refers to another resource, a
// data source or a module.
func isLink(expr *hclwrite.Expression) bool {
	for _, v := range expr.Variables() {
		root := strings.TrimSpace(string(v.BuildTokens(nil).Bytes()))
		root, _, _ = strings.Cut(root, ".")
		switch {
		case root == "data", root == "module", strings.Contains(root, "_"):
			return true
		}
	}
	return false
}

var unknownTokens = hclwrite.TokensForTraversal(hcl.Traversal{
	hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: "annexa_mutation_unknown"},
})

func tfMutants(cs Case, resources []string, mentions Mentions) ([]Mutant, error) {
	files, err := tfFiles(cs)
	if err != nil {
		return nil, err
	}
	var all bytes.Buffer
	for _, name := range slices.Sorted(mapKeys(files)) {
		all.Write(files[name])
	}
	needs, declared := parseNeeds(all.String())
	var out []Mutant
	for _, id := range resources {
		typ, name, _ := resourceAddr(id)
		for _, fname := range slices.Sorted(mapKeys(files)) {
			f, diags := hclwrite.ParseConfig(files[fname], fname, hcl.InitialPos)
			if diags.HasErrors() {
				return nil, fmt.Errorf("%s: %s", fname, diags.Error())
			}
			block := f.Body().FirstMatchingBlock("resource", []string{typ, name})
			if block == nil {
				continue
			}
			var attrs, blocks []string
			links := map[string]bool{}
			for a, attr := range block.Body().Attributes() {
				attrs = append(attrs, a)
				links[a] = isLink(attr.Expr())
			}
			for _, b := range block.Body().Blocks() {
				if b.Type() != "dynamic" && !slices.Contains(blocks, b.Type()) {
					blocks = append(blocks, b.Type())
				}
			}
			slices.Sort(attrs)
			slices.Sort(blocks)
			mutant := func(attr, kind string, edit func(body *hclwrite.Body)) {
				if slices.Contains(metaArgs, attr) || needs[attr] || (!declared && links[attr]) {
					return
				}
				fname := fname
				out = append(out, Mutant{
					Case: cs, Resource: id, Attr: attr, Kind: kind,
					Lenient: !declared && mentions(attr),
					write: func(dir string) (string, error) {
						for other, data := range files {
							if other == fname {
								g, _ := hclwrite.ParseConfig(data, fname, hcl.InitialPos)
								edit(g.Body().FirstMatchingBlock("resource", []string{typ, name}).Body())
								data = g.Bytes()
							}
							if err := os.WriteFile(filepath.Join(dir, other), data, 0o600); err != nil {
								return "", err
							}
						}
						return dir, nil
					},
				})
			}
			for _, a := range attrs {
				mutant(a, Drop, func(body *hclwrite.Body) { body.RemoveAttribute(a) })
				mutant(a, Unknown, func(body *hclwrite.Body) { body.SetAttributeRaw(a, unknownTokens) })
			}
			for _, bt := range blocks {
				mutant(bt, Drop, func(body *hclwrite.Body) {
					for _, b := range body.Blocks() {
						if b.Type() == bt {
							body.RemoveBlock(b)
						}
					}
				})
			}
			break
		}
	}
	return out, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// planNeeds reads the needs of a plan case from its top-level "//".
func planNeeds(plan map[string]any) (map[string]bool, bool) {
	var text []string
	switch v := plan["//"].(type) {
	case string:
		text = append(text, v)
	case []any:
		for _, s := range v {
			if s, ok := s.(string); ok {
				text = append(text, s)
			}
		}
	}
	return parseNeeds(strings.Join(text, "\n"))
}

func planMutants(cs Case, resources []string, mentions Mentions) ([]Mutant, error) {
	raw, err := os.ReadFile(cs.Path)
	if err != nil {
		return nil, err
	}
	var plan map[string]any
	if err := json.Unmarshal(raw, &plan); err != nil {
		return nil, fmt.Errorf("%s: %w", cs.Path, err)
	}
	needs, declared := planNeeds(plan)
	changes, _ := plan["resource_changes"].([]any)
	var out []Mutant
	for _, id := range resources {
		for _, rc := range changes {
			rcm, _ := rc.(map[string]any)
			if rcm["address"] != id {
				continue
			}
			change, _ := rcm["change"].(map[string]any)
			after, _ := change["after"].(map[string]any)
			expr := configExpressions(plan, id)
			for _, attr := range slices.Sorted(mapKeys(after)) {
				if after[attr] == nil || slices.Contains(metaArgs, attr) || needs[attr] {
					continue
				}
				if e, ok := expr[attr].(map[string]any); ok && !declared && e["references"] != nil {
					continue // a link to another resource
				}
				for _, kind := range []string{Drop, Unknown} {
					out = append(out, Mutant{
						Case: cs, Resource: id, Attr: attr, Kind: kind,
						Lenient: !declared && mentions(attr),
						write: func(dir string) (string, error) {
							var p map[string]any
							_ = json.Unmarshal(raw, &p)
							mutatePlan(p, id, attr, kind)
							data, err := json.Marshal(p)
							if err != nil {
								return "", err
							}
							file := filepath.Join(dir, filepath.Base(cs.Path))
							return file, os.WriteFile(file, data, 0o600)
						},
					})
				}
			}
			break
		}
	}
	return out, nil
}

// configExpressions returns the configuration expressions of a root
// module resource of the plan, nil when there are none.
func configExpressions(plan map[string]any, id string) map[string]any {
	if i := strings.IndexByte(id, '['); i >= 0 {
		id = id[:i]
	}
	cfg, _ := plan["configuration"].(map[string]any)
	root, _ := cfg["root_module"].(map[string]any)
	rs, _ := root["resources"].([]any)
	for _, r := range rs {
		rm, _ := r.(map[string]any)
		if rm["address"] == id {
			e, _ := rm["expressions"].(map[string]any)
			return e
		}
	}
	return nil
}

// mutatePlan removes attr of resource id from the plan (after, its
// unknown and sensitive markers, planned_values and the configuration:
// the author left it out), or for Unknown makes it unknown until apply
// (after_unknown, and a configuration expression referring to a
// variable).
func mutatePlan(plan map[string]any, id, attr, kind string) {
	changes, _ := plan["resource_changes"].([]any)
	for _, rc := range changes {
		rcm, _ := rc.(map[string]any)
		if rcm["address"] != id {
			continue
		}
		change, _ := rcm["change"].(map[string]any)
		if after, ok := change["after"].(map[string]any); ok {
			delete(after, attr)
		}
		for _, k := range []string{"after_unknown", "after_sensitive"} {
			if m, ok := change[k].(map[string]any); ok {
				delete(m, attr)
			}
		}
		if kind == Unknown {
			au, ok := change["after_unknown"].(map[string]any)
			if !ok {
				au = map[string]any{}
				change["after_unknown"] = au
			}
			au[attr] = true
		}
	}
	var walk func(mod map[string]any)
	walk = func(mod map[string]any) {
		rs, _ := mod["resources"].([]any)
		for _, r := range rs {
			rm, _ := r.(map[string]any)
			if rm["address"] == id {
				for _, k := range []string{"values", "sensitive_values"} {
					if m, ok := rm[k].(map[string]any); ok {
						delete(m, attr)
					}
				}
			}
		}
		children, _ := mod["child_modules"].([]any)
		for _, c := range children {
			if cm, ok := c.(map[string]any); ok {
				walk(cm)
			}
		}
	}
	if pv, ok := plan["planned_values"].(map[string]any); ok {
		if root, ok := pv["root_module"].(map[string]any); ok {
			walk(root)
		}
	}
	if expr := configExpressions(plan, id); expr != nil {
		if kind == Drop {
			delete(expr, attr)
		} else {
			expr[attr] = map[string]any{"references": []any{"var.annexa_mutation_unknown"}}
		}
	}
}

// MutantOutcome is how a mutant fared.
type MutantOutcome struct {
	Mutant Mutant
	// Kept is set when the policy still has a finding about the resource;
	// Judged when it still assessed it.
	Kept, Judged bool
	Err          error
}

// OK reports whether the outcome is acceptable under the rule above: the
// finding is kept, or the argument may be one the verdict needs (the case
// names no needs and the policy mentions it).
func (m MutantOutcome) OK() bool {
	return m.Err == nil && (m.Kept || m.Mutant.Lenient)
}

// Note says, for an acceptable outcome that lost its finding, whether the
// policy went on soundly: removed, it should still judge the resource (it
// decided the omission), unknown, it should not (an unknown value says
// nothing). Neither fails, since a policy judges a resource on all its
// criteria at once and a required argument cannot be left out; they are
// for review (accuracy -mutate lists them). "" when there is nothing to
// note.
func (m MutantOutcome) Note() string {
	switch {
	case m.Err != nil, m.Kept:
		return ""
	case m.Mutant.Kind == Drop && !m.Judged:
		return "without the argument the finding is gone and the resource is not judged (an omission the policy does not decide, or a required argument)"
	case m.Mutant.Kind == Unknown && m.Judged:
		return "with the argument unknown the finding is gone but the resource is still judged (an unknown value judged compliant, or judged on other criteria)"
	}
	return ""
}

// Why explains a failed outcome.
func (m MutantOutcome) Why() string {
	if m.Err != nil {
		return m.Err.Error()
	}
	return "the finding is gone: the policy does not need this argument for its verdict, yet loses the finding without it (read it with object.get and a default), or the case should name it in `annexa-accuracy: needs ...`"
}

// RunMutant runs a mutant like its case.
func (c *Checker) RunMutant(ctx context.Context, m Mutant) MutantOutcome {
	mo := MutantOutcome{Mutant: m}
	dir, err := os.MkdirTemp("", "annexa-mutant-*")
	if err != nil {
		mo.Err = err
		return mo
	}
	defer os.RemoveAll(dir)
	value, err := m.write(dir)
	if err != nil {
		mo.Err = err
		return mo
	}
	o := c.RunCase(ctx, Case{Policies: m.Case.Policies, Group: m.Case.Group, Label: Bad, Name: m.String(), Path: value, Flag: m.Case.Flag, Value: value, Dir: m.Case.Flag == FlagTF})
	if o.Err != nil {
		mo.Err = o.Err
		return mo
	}
	for _, f := range o.Findings {
		mo.Kept = mo.Kept || f.Resource == m.Resource
	}
	mo.Judged = slices.Contains(o.AssessedIDs, m.Resource)
	return mo
}

// Sample keeps at most perCase mutants of each case, chosen by a hash of
// the case, resource, argument and kind, so the same corpus always gives
// the same sample; perCase <= 0 keeps them all.
func Sample(ms []Mutant, perCase int) []Mutant {
	if perCase <= 0 {
		return ms
	}
	key := func(m Mutant) uint64 {
		h := fnv.New64a()
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", m.Case.Name, m.Resource, m.Attr, m.Kind)
		return h.Sum64()
	}
	byCase := map[string][]Mutant{}
	for _, m := range ms {
		byCase[m.Case.Name] = append(byCase[m.Case.Name], m)
	}
	var out []Mutant
	for _, name := range slices.Sorted(mapKeys(byCase)) {
		group := byCase[name]
		slices.SortFunc(group, func(a, b Mutant) int {
			ka, kb := key(a), key(b)
			switch {
			case ka < kb:
				return -1
			case ka > kb:
				return 1
			}
			return 0
		})
		out = append(out, group[:min(perCase, len(group))]...)
	}
	return out
}

// MutationTest runs the mutants of every bad case that its policy
// detects (a missed case is the corpus run's failure, not this one's),
// perCase of each (Sample), and returns the outcomes that break the rule
// and how many mutants ran. policiesRoot is the built-in policy tree, for
// what each policy mentions.
func MutationTest(ctx context.Context, c *Checker, cases []Case, policiesRoot string, perCase int) (failed, notes []MutantOutcome, n int, err error) {
	var bad []Case
	for _, cs := range cases {
		if cs.Label == Bad && (cs.Flag == FlagTF || cs.Flag == FlagPlan) {
			bad = append(bad, cs)
		}
	}
	var ms []Mutant
	for _, o := range c.Run(ctx, bad) {
		if o.Verdict() != Pass {
			continue
		}
		mentions, err := PolicyMentions(policiesRoot, o.Case.Group)
		if err != nil {
			mentions = nil // a policy from elsewhere: nothing mentioned
		}
		got, err := Mutants(o, mentions)
		if err != nil {
			return nil, nil, 0, err
		}
		ms = append(ms, got...)
	}
	ms = Sample(ms, perCase)
	outs := make([]MutantOutcome, len(ms))
	parallel.ForEach(len(ms), c.Workers, func(i int) { outs[i] = c.RunMutant(ctx, ms[i]) })
	for _, mo := range outs {
		switch {
		case !mo.OK():
			failed = append(failed, mo)
		case mo.Note() != "":
			notes = append(notes, mo)
		}
	}
	return failed, notes, len(ms), nil
}
