package policies_test

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies"
)

// TestClauseInputsAreWhatTheRuleReads checks that the inputs each clause
// rule declares in its METADATA (custom.inputs) are exactly what its Rego
// reads: the evidence kinds and topics passed to the library's accessors,
// the control results it looks up, the themes whose controls it iterates,
// and the risk register and applicability file in data.run. A lib function
// that reads data.facts or data.run and is not in the readers table below
// fails the test, so the table cannot silently fall behind the library.
func TestClauseInputsAreWhatTheRuleReads(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	lib := parseDir(t, "lib")
	clauseMods := parseDir(t, "clauses")
	libReads := inputReadingRules(lib)
	for _, r := range e.ClauseRules() {
		file := strings.TrimPrefix(r.File, "policies/")
		mod, ok := clauseMods[file]
		if !ok {
			t.Errorf("%s: clause rule file not found among %v", r.File, slices.Sorted(maps.Keys(clauseMods)))
			continue
		}
		a := &clauseAnalysis{mod: mod, libReads: libReads, got: map[string]map[string]bool{}}
		a.run()
		for _, msg := range a.errs {
			t.Errorf("%s: %s", r.File, msg)
		}
		declared := map[string][]string{
			"evidence":     r.Inputs.Evidence,
			"declarations": r.Inputs.Declarations,
			"controls":     r.Inputs.Controls,
			"themes":       r.Inputs.Themes,
		}
		for _, key := range []string{"evidence", "declarations", "controls", "themes"} {
			want := slices.Sorted(maps.Keys(a.got[key]))
			have := slices.Sorted(slices.Values(declared[key]))
			if !slices.Equal(want, have) {
				t.Errorf("%s: METADATA custom.inputs.%s is %q, but the rule reads %q", r.File, key, have, want)
			}
		}
	}
}

// inputReaders maps a library function or rule that reads an input to
// what it reads, given its arguments (resolved to constant values).
var inputReaders = map[string]func(args [][]ast.Value, add func(key, v string)) error{
	"data.annexa.lib.evidence.records":             kindArg(0),
	"data.annexa.lib.evidence.entries":             kindArg(0),
	"data.annexa.lib.evidence.people_with":         kindArg(0),
	"data.annexa.lib.clauses.latest":               kindArg(0),
	"data.annexa.lib.clauses.performed":            kindArg(0),
	"data.annexa.lib.governance.register_findings": kindArg(0),
	"data.annexa.lib.documents.on_file":            documentArgs,
	"data.annexa.lib.documents.in_force":           documentArgs,
	"data.annexa.lib.documents.findings":           documentArgs,
	"data.annexa.lib.documents.in_force_findings":  documentArgs,
	"data.annexa.lib.documents.communication_findings": func(args [][]ast.Value, add func(key, v string)) error {
		return eachString(args[0], func(topic string) { add("evidence", "policy:"+topic) })
	},
	"data.annexa.lib.clauses.document_met":        singleDocumentArgs,
	"data.annexa.lib.clauses.document_gaps":       singleDocumentArgs,
	"data.annexa.lib.clauses.control":             controlArg,
	"data.annexa.lib.clauses.control_met":         controlArg,
	"data.annexa.lib.clauses.control_gaps":        controlArg,
	"data.annexa.lib.clauses.top_management":      fixed("evidence", "role_register"),
	"data.annexa.lib.governance.holders":          fixed("evidence", "role_register"),
	"data.annexa.lib.clauses.person_problem":      fixed("evidence", "personnel_register"),
	"data.annexa.lib.governance.person_status":    fixed("evidence", "personnel_register"),
	"data.annexa.lib.governance.same_person":      fixed("evidence", "personnel_register"),
	"data.annexa.lib.evidence.people":             fixed("evidence", "personnel_register"),
	"data.annexa.lib.evidence.active_people":      fixed("evidence", "personnel_register"),
	"data.annexa.lib.clauses.risks":               fixed("declarations", engine.DeclarationRiskRegister),
	"data.annexa.lib.clauses.register_declared":   fixed("declarations", engine.DeclarationRiskRegister),
	"data.annexa.lib.governance.active_assets":    fixed("evidence", "asset_register"),
	"data.annexa.lib.governance.contact_findings": fixed("evidence", "contact_register"),
}

// notInputs read data.facts or data.run without reading an input: whether
// any evidence is declared, and the effective time.
var notInputs = map[string]bool{
	"data.annexa.lib.evidence.declared": true,
}

func fixed(key, v string) func([][]ast.Value, func(string, string)) error {
	return func(_ [][]ast.Value, add func(string, string)) error { add(key, v); return nil }
}

func kindArg(i int) func([][]ast.Value, func(string, string)) error {
	return func(args [][]ast.Value, add func(string, string)) error {
		return eachString(args[i], func(kind string) { add("evidence", kind) })
	}
}

func controlArg(args [][]ast.Value, add func(string, string)) error {
	return eachString(args[0], func(id string) { add("controls", id) })
}

// documentArgs reads (kinds, topic, ...): each kind of the list with topic.
func documentArgs(args [][]ast.Value, add func(string, string)) error {
	var topics []string
	if err := eachString(args[1], func(s string) { topics = append(topics, s) }); err != nil {
		return err
	}
	if args[0] == nil {
		return fmt.Errorf("the kinds cannot be resolved to constants")
	}
	for _, v := range args[0] {
		kinds, ok := v.(*ast.Array)
		if !ok {
			return fmt.Errorf("kinds %v is not a list", v)
		}
		for i := range kinds.Len() {
			kind, ok := kinds.Elem(i).Value.(ast.String)
			if !ok {
				return fmt.Errorf("kind %v is not a string", kinds.Elem(i))
			}
			for _, topic := range topics {
				add("evidence", string(kind)+":"+topic)
			}
		}
	}
	return nil
}

// singleDocumentArgs reads (kind, topic, ...).
func singleDocumentArgs(args [][]ast.Value, add func(string, string)) error {
	var topics []string
	if err := eachString(args[1], func(s string) { topics = append(topics, s) }); err != nil {
		return err
	}
	return eachString(args[0], func(kind string) {
		for _, topic := range topics {
			add("evidence", kind+":"+topic)
		}
	})
}

func eachString(vs []ast.Value, f func(string)) error {
	if vs == nil {
		return fmt.Errorf("an argument it reads cannot be resolved to constants")
	}
	for _, v := range vs {
		s, ok := v.(ast.String)
		if !ok {
			return fmt.Errorf("argument %v is not a string", v)
		}
		f(string(s))
	}
	return nil
}

func parseDir(t *testing.T, dir string) map[string]*ast.Module {
	t.Helper()
	mods := map[string]*ast.Module{}
	err := fs.WalkDir(policies.FS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		mods[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods
}

// qualify turns a ref as written in mod into a ref from data: through the
// imports, or to a rule of the module's own package. Local variables give
// nil.
func qualify(mod *ast.Module, ref ast.Ref) ast.Ref {
	head, ok := ref[0].Value.(ast.Var)
	if !ok {
		return nil
	}
	if head.Equal(ast.DefaultRootDocument.Value) {
		return ref
	}
	for _, imp := range mod.Imports {
		path, ok := imp.Path.Value.(ast.Ref)
		if !ok {
			continue
		}
		alias := imp.Alias
		if alias == "" {
			alias = ast.Var(path[len(path)-1].Value.(ast.String))
		}
		if alias == head {
			return path.Concat(ref[1:])
		}
	}
	for _, r := range mod.Rules {
		if ruleVar(r) == head {
			return mod.Package.Path.Append(ast.StringTerm(string(head))).Concat(ref[1:])
		}
	}
	return nil
}

// ruleVar is the name a rule defines, also for rules with a ref head.
func ruleVar(r *ast.Rule) ast.Var {
	v, _ := r.Head.Ref()[0].Value.(ast.Var)
	return v
}

// libFunctions is the set of library functions (rules with arguments).
var libFunctions = map[string]bool{}

// ruleName returns the rule (data.pkg.name) a qualified ref starts with,
// if it is one of names.
func ruleName(ref ast.Ref, names map[string]bool) string {
	for k := len(ref); k >= 2; k-- {
		if s := ref[:k].String(); names[s] {
			return s
		}
	}
	return ""
}

// inputReadingRules is the set of library rules (data.annexa.lib.X.name)
// that read data.facts or data.run (other than the effective time),
// directly or through other library rules.
func inputReadingRules(lib map[string]*ast.Module) map[string]bool {
	names := map[string]bool{}
	for _, m := range lib {
		for _, r := range m.Rules {
			name := m.Package.Path.Append(ast.StringTerm(string(ruleVar(r)))).String()
			names[name] = true
			if len(r.Head.Args) > 0 {
				libFunctions[name] = true
			}
		}
	}
	deps := map[string]map[string]bool{}
	reads := map[string]bool{}
	for _, m := range lib {
		for _, r := range m.Rules {
			name := m.Package.Path.Append(ast.StringTerm(string(ruleVar(r)))).String()
			if deps[name] == nil {
				deps[name] = map[string]bool{}
			}
			ast.WalkRefs(r, func(ref ast.Ref) bool {
				q := qualify(m, ref)
				switch {
				case q == nil || notInputs[name]:
				case q.HasPrefix(ast.MustParseRef("data.facts")):
					reads[name] = true
				case q.HasPrefix(ast.MustParseRef("data.run")) && !isEffectiveTime(q):
					reads[name] = true
				default:
					if dep := ruleName(q, names); dep != "" && dep != name {
						deps[name][dep] = true
					}
				}
				return false
			})
		}
	}
	for changed := true; changed; {
		changed = false
		for name, ds := range deps {
			if reads[name] || notInputs[name] {
				continue
			}
			for d := range ds {
				if reads[d] {
					reads[name], changed = true, true
					break
				}
			}
		}
	}
	return reads
}

func isEffectiveTime(ref ast.Ref) bool {
	if len(ref) < 3 {
		return false
	}
	s, ok := ref[2].Value.(ast.String)
	return ok && strings.HasPrefix(string(s), "effective_time")
}

// clauseAnalysis derives what one clause module reads.
type clauseAnalysis struct {
	mod      *ast.Module
	libReads map[string]bool
	got      map[string]map[string]bool
	errs     []string
	// iteratesControls is set when the module ranges over every
	// control's result; themes then come from its .theme comparisons.
	iteratesControls bool
	themes           map[string]bool
}

func (a *clauseAnalysis) add(key, v string) {
	if a.got[key] == nil {
		a.got[key] = map[string]bool{}
	}
	a.got[key][v] = true
}

var (
	runControls = ast.MustParseRef("data.run.controls")
	runRisks    = ast.MustParseRef("data.run.risks")
	runSoA      = ast.MustParseRef("data.run.soa")
)

func (a *clauseAnalysis) run() {
	a.themes = map[string]bool{}
	for _, r := range a.mod.Rules {
		for rule := r; rule != nil; rule = rule.Else {
			a.rule(r, rule)
		}
	}
	if a.iteratesControls {
		if len(a.themes) == 0 {
			for _, th := range engine.Themes() {
				a.themes[th] = true
			}
		}
		for th := range a.themes {
			a.add("themes", th)
		}
	}
}

func (a *clauseAnalysis) rule(top, r *ast.Rule) {
	ast.WalkExprs(r, func(x *ast.Expr) bool {
		if x.IsCall() {
			a.call(top, x.Operator(), x.Operands())
		}
		if x.IsEquality() || x.IsCall() && x.Operator().Equal(ast.Equal.Ref()) {
			a.themeComparison(x.Operands())
		}
		return false
	})
	ast.WalkTerms(r, func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.Call:
			if ref, ok := v[0].Value.(ast.Ref); ok {
				a.call(top, ref, v[1:])
			}
		case ast.Ref:
			a.ref(top, v)
		}
		return false
	})
}

func (a *clauseAnalysis) themeComparison(ops []*ast.Term) {
	if len(ops) != 2 {
		return
	}
	for i, op := range ops {
		ref, ok := op.Value.(ast.Ref)
		if !ok || len(ref) < 2 || !ref[len(ref)-1].Equal(ast.StringTerm("theme")) {
			continue
		}
		if s, ok := ops[1-i].Value.(ast.String); ok {
			a.themes[string(s)] = true
		}
	}
}

func (a *clauseAnalysis) ref(top *ast.Rule, ref ast.Ref) {
	q := qualify(a.mod, ref)
	switch {
	case q == nil:
	case q.HasPrefix(runRisks):
		a.add("declarations", engine.DeclarationRiskRegister)
	case q.HasPrefix(runSoA):
		a.add("declarations", engine.DeclarationApplicability)
	case q.HasPrefix(runControls):
		if len(q) == len(runControls) {
			a.iteratesControls = true
			return
		}
		vals, all, err := a.resolve(top, q[len(runControls)], 0)
		if err != nil {
			a.errs = append(a.errs, fmt.Sprintf("%s: %v", ref, err))
		}
		a.iteratesControls = a.iteratesControls || all
		for _, v := range vals {
			if s, ok := v.(ast.String); ok {
				a.add("controls", string(s))
			}
		}
	default:
		// A library rule read as a value (clauses.risks, top_management).
		if name := ruleName(q, a.libReads); name != "" && !libFunctions[name] {
			if f, ok := inputReaders[name]; ok {
				_ = f(nil, a.add)
			}
		}
	}
}

func (a *clauseAnalysis) call(top *ast.Rule, op ast.Ref, args []*ast.Term) {
	q := qualify(a.mod, op)
	if q == nil || !q.HasPrefix(ast.MustParseRef("data.annexa.lib")) {
		return
	}
	name := q.String()
	f, ok := inputReaders[name]
	if !ok {
		if a.libReads[name] {
			a.errs = append(a.errs, fmt.Sprintf("calls %s, which reads facts or run data; add it to inputReaders in %s", name, "clause_inputs_test.go"))
		}
		return
	}
	vals := make([][]ast.Value, len(args))
	for i, arg := range args {
		v, _, err := a.resolve(top, arg, 0)
		if err != nil {
			vals[i] = nil
			continue
		}
		vals[i] = v
	}
	if err := f(vals, a.add); err != nil {
		a.errs = append(a.errs, fmt.Sprintf("%s: %v", ast.CallTerm(append([]*ast.Term{ast.NewTerm(op)}, args...)...), err))
	}
}

// resolve returns the constant values term can take in rule top: the term
// itself when it is constant, else what the variable it names ranges over
// (some x in C, some k, v in C, x := C), a field of such values, a
// constant rule of the module, or the arguments at the call sites of a
// function parameter. all reports that it ranges over every control.
func (a *clauseAnalysis) resolve(top *ast.Rule, term *ast.Term, depth int) (vals []ast.Value, all bool, err error) {
	if depth > 8 {
		return nil, false, fmt.Errorf("cannot resolve %v", term)
	}
	if ast.IsConstant(term.Value) {
		return []ast.Value{term.Value}, false, nil
	}
	switch v := term.Value.(type) {
	case ast.Var:
		return a.resolveVar(top, v, depth)
	case *ast.ArrayComprehension:
		return a.comprehension(top, v.Term, depth)
	case *ast.SetComprehension:
		return a.comprehension(top, v.Term, depth)
	case ast.Ref:
		if q := qualify(a.mod, v); q != nil {
			if q.Equal(runControls) {
				return nil, true, nil
			}
			if q.HasPrefix(a.mod.Package.Path) && len(q) == len(a.mod.Package.Path)+1 {
				return a.resolveRule(q[len(q)-1].Value.(ast.String), depth)
			}
			return nil, false, fmt.Errorf("cannot resolve %v", v)
		}
		head, ok := v[0].Value.(ast.Var)
		if !ok {
			return nil, false, fmt.Errorf("cannot resolve %v", v)
		}
		base, all, err := a.resolveVar(top, head, depth)
		if err != nil {
			return nil, all, err
		}
		for _, b := range base {
			x := ast.NewTerm(b)
			for _, p := range v[1:] {
				obj, ok := x.Value.(ast.Object)
				if !ok {
					x = nil
					break
				}
				if x = obj.Get(p); x == nil {
					break
				}
			}
			if x != nil {
				vals = append(vals, x.Value)
			}
		}
		return vals, all, nil
	}
	return nil, false, fmt.Errorf("cannot resolve %v", term)
}

// comprehension resolves a comprehension to one set of the values its
// head can take.
func (a *clauseAnalysis) comprehension(top *ast.Rule, head *ast.Term, depth int) ([]ast.Value, bool, error) {
	vs, all, err := a.resolve(top, head, depth+1)
	terms := make([]*ast.Term, len(vs))
	for i, v := range vs {
		terms[i] = ast.NewTerm(v)
	}
	return []ast.Value{ast.NewSet(terms...)}, all, err
}

func (a *clauseAnalysis) resolveVar(top *ast.Rule, v ast.Var, depth int) (vals []ast.Value, all bool, err error) {
	found := false
	collect := func(vs []ast.Value, al bool, e error) {
		found = true
		vals = append(vals, vs...)
		all = all || al
		if e != nil && err == nil {
			err = e
		}
	}
	for rule := top; rule != nil; rule = rule.Else {
		ast.WalkExprs(rule, func(x *ast.Expr) bool {
			switch t := x.Terms.(type) {
			case *ast.SomeDecl:
				for _, sym := range t.Symbols {
					call, ok := sym.Value.(ast.Call)
					if !ok {
						continue
					}
					switch {
					case len(call) == 3 && call[1].Value.Compare(v) == 0:
						collect(a.elements(rule, call[2], depth, false))
					case len(call) == 4 && call[1].Value.Compare(v) == 0:
						collect(a.elements(rule, call[3], depth, true))
					case len(call) == 4 && call[2].Value.Compare(v) == 0:
						collect(a.elements(rule, call[3], depth, false))
					}
				}
			default:
				if x.IsAssignment() || x.IsEquality() {
					ops := x.Operands()
					if ops[0].Value.Compare(v) == 0 {
						collect(a.resolve(rule, ops[1], depth+1))
					}
				}
			}
			return false
		})
	}
	if found {
		return vals, all, err
	}
	for i, arg := range top.Head.Args {
		if arg.Value.Compare(v) == 0 {
			return a.resolveParam(ruleVar(top), i, depth)
		}
	}
	if rs := a.rulesNamed(v); len(rs) > 0 {
		return a.resolveRule(ast.String(v), depth)
	}
	return nil, false, fmt.Errorf("cannot resolve variable %s", v)
}

// elements resolves coll and returns its elements (or keys).
func (a *clauseAnalysis) elements(top *ast.Rule, coll *ast.Term, depth int, keys bool) ([]ast.Value, bool, error) {
	cs, all, err := a.resolve(top, coll, depth+1)
	if err != nil {
		return nil, all, err
	}
	var out []ast.Value
	for _, c := range cs {
		switch c := c.(type) {
		case *ast.Array:
			for i := range c.Len() {
				if keys {
					out = append(out, ast.Number(fmt.Sprint(i)))
				} else {
					out = append(out, c.Elem(i).Value)
				}
			}
		case ast.Set:
			c.Foreach(func(x *ast.Term) { out = append(out, x.Value) })
		case ast.Object:
			c.Foreach(func(k, v *ast.Term) {
				if keys {
					out = append(out, k.Value)
				} else {
					out = append(out, v.Value)
				}
			})
		default:
			return nil, false, fmt.Errorf("%v is not a collection", c)
		}
	}
	return out, false, nil
}

func (a *clauseAnalysis) rulesNamed(v ast.Var) []*ast.Rule {
	var out []*ast.Rule
	for _, r := range a.mod.Rules {
		if ruleVar(r) == v {
			out = append(out, r)
		}
	}
	return out
}

// resolveRule returns the values of a rule of the module: a constant
// value, or for a partial set one set per definition, of the members it
// can add.
func (a *clauseAnalysis) resolveRule(name ast.String, depth int) (vals []ast.Value, all bool, err error) {
	for _, r := range a.rulesNamed(ast.Var(name)) {
		var vs []ast.Value
		var al bool
		var e error
		switch {
		case r.Head.Key != nil && r.Head.Value == nil:
			// A partial set: its value is the set of its members.
			vs, al, e = a.comprehension(r, r.Head.Key, depth)
		case r.Head.Value != nil && len(r.Head.Args) == 0:
			vs, al, e = a.resolve(r, r.Head.Value, depth+1)
		default:
			e = fmt.Errorf("cannot resolve rule %s", name)
		}
		vals = append(vals, vs...)
		all = all || al
		if e != nil && err == nil {
			err = e
		}
	}
	return vals, all, err
}

// resolveParam returns the values argument i of local function name takes
// at its call sites in the module.
func (a *clauseAnalysis) resolveParam(name ast.Var, i int, depth int) (vals []ast.Value, all bool, err error) {
	fn := a.mod.Package.Path.Append(ast.StringTerm(string(name)))
	for _, r := range a.mod.Rules {
		ast.WalkTerms(r, func(t *ast.Term) bool {
			var op ast.Ref
			var args []*ast.Term
			switch v := t.Value.(type) {
			case ast.Call:
				op, _ = v[0].Value.(ast.Ref)
				args = v[1:]
			}
			if op != nil && qualify(a.mod, op).Equal(fn) && i < len(args) {
				vs, al, e := a.resolve(r, args[i], depth+1)
				vals = append(vals, vs...)
				all = all || al
				if e != nil && err == nil {
					err = e
				}
			}
			return false
		})
		ast.WalkExprs(r, func(x *ast.Expr) bool {
			if x.IsCall() && qualify(a.mod, x.Operator()).Equal(fn) && i < len(x.Operands()) {
				vs, al, e := a.resolve(r, x.Operands()[i], depth+1)
				vals = append(vals, vs...)
				all = all || al
				if e != nil && err == nil {
					err = e
				}
			}
			return false
		})
	}
	return vals, all, err
}

// TestClauseAnalysis checks the analysis itself on a made-up rule.
func TestClauseAnalysis(t *testing.T) {
	src := `package annexa.clauses.cx

import data.annexa.lib.clauses
import data.annexa.lib.documents
import data.annexa.lib.evidence

topics := ["scope", "objectives"]

required := [{"kind": "internal_audit"}, {"kind": "management_review"}]

on_file(req) := evidence.records(req.kind)

met contains x if {
	some topic in topics
	some x in documents.in_force(["document", "policy"], topic)
}

met contains x if {
	some req in required
	some x in on_file(req)
}

gaps contains g if some g in clauses.control_gaps("5.1")

gaps contains id if {
	some id, c in data.run.controls
	c.theme == "people"
	data.run.soa.declared
}

status := clauses.status(met, gaps)
`
	mod, err := ast.ParseModuleWithOpts("x.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	a := &clauseAnalysis{mod: mod, libReads: inputReadingRules(parseDir(t, "lib")), got: map[string]map[string]bool{}}
	a.run()
	if len(a.errs) > 0 {
		t.Fatal(a.errs)
	}
	want := map[string][]string{
		"evidence":     {"document:objectives", "document:scope", "internal_audit", "management_review", "policy:objectives", "policy:scope"},
		"declarations": {engine.DeclarationApplicability},
		"controls":     {"5.1"},
		"themes":       {"people"},
	}
	for key, w := range want {
		if got := slices.Sorted(maps.Keys(a.got[key])); !slices.Equal(got, w) {
			t.Errorf("%s: got %q, want %q", key, got, w)
		}
	}
}
