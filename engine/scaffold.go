package engine

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"text/template"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// Scaffold describes a new policy to start from: the control it maps to, a
// name for its package, and the one input it reads.
type Scaffold struct {
	// Control is the Annex A control id (8.24; A.8.24 is accepted).
	Control string
	// Name is the last element of the package name: lower case letters,
	// digits and underscores, starting with a letter.
	Name string
	// Input is KIND:TYPE, as in METADATA custom.inputs: resource:aws_s3_bucket,
	// evidence:training_record, kubernetes:Deployment, config:sshd_config.
	Input string
	// Severity of the findings (default medium).
	Severity Severity
}

var scaffoldName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// scaffoldKinds say, per fact kind, how a policy lists the facts of one type
// and how a test builds one (both from policies/lib).
var scaffoldKinds = map[string]struct {
	imports string
	list    string
	fact    string
}{
	"resource":   {"tf", `tf.resources(%q)`, `testing.resource(%q, "example", %s)`},
	"evidence":   {"evidence", `evidence.records(%q)`, `testing.evidence(%q, "example", %s)`},
	"kubernetes": {"k8s", `k8s.objects(%q)`, `testing.kubernetes(%q, "default", "example", %s)`},
	"config":     {"", `object.get(data.facts.by_type, ["config", %q], [])`, `testing.config(%q, "example.conf", %s)`},
}

// NewPolicyFiles returns the file names (relative to a policy directory)
// and contents of a new policy and its tests for s: METADATA filled in
// from the catalog, a deny rule over the facts of s.Input with a
// placeholder criterion to replace, the judged rule (the facts the
// criterion applies to), and a passing and a failing test that pass as
// generated, so `annexa policy test` is green from the start.
func (e *Engine) NewPolicyFiles(s Scaffold) (map[string][]byte, error) {
	id := catalog.NormalizeID(s.Control)
	ctl, ok := e.catalog.Lookup(id)
	if !ok {
		msg := fmt.Sprintf("unknown control %q", s.Control)
		if near := e.catalog.Suggest(id); len(near) > 0 {
			msg += " (did you mean " + strings.Join(near, ", ") + "?)"
		}
		return nil, fmt.Errorf("%s", msg)
	}
	if !scaffoldName.MatchString(s.Name) {
		return nil, fmt.Errorf("policy name %q: use lower case letters, digits and underscores, starting with a letter (e.g. s3_owner_tag)", s.Name)
	}
	kind, typ, ok := strings.Cut(s.Input, ":")
	k, known := scaffoldKinds[kind]
	// The type is written into the generated Rego (METADATA and a string
	// literal): only what a METADATA input may hold is accepted, so no
	// input can inject code into the skeleton.
	if !ok || !known || typ == "" || !inputPattern.MatchString(s.Input) {
		return nil, fmt.Errorf("input %q: give KIND:TYPE with KIND one of resource, evidence, kubernetes, config (e.g. resource:aws_s3_bucket)", s.Input)
	}
	sev := s.Severity
	if sev == "" {
		sev = SeverityMedium
	}
	if sev.Rank() == 0 {
		return nil, fmt.Errorf("severity %q: use low, medium, high or critical", sev)
	}
	dir := "c" + strings.ReplaceAll(ctl.ID, ".", "_")
	pkg := "annexa.controls." + dir + "." + s.Name
	for _, p := range e.policies {
		if p.Package == pkg {
			return nil, fmt.Errorf("package %s is already defined by %s; choose another name", pkg, p.File)
		}
	}
	v := scaffoldValues{
		Control:  ctl,
		Package:  pkg,
		Name:     s.Name,
		Input:    s.Input,
		Type:     typ,
		Severity: string(sev),
		Import:   k.imports,
		List:     fmt.Sprintf(k.list, typ),
		Passing:  fmt.Sprintf(k.fact, typ, `{"example_setting": true}`),
		Failing:  fmt.Sprintf(k.fact, typ, `{"example_setting": false}`),
		Resource: kind == "resource",
	}
	out := map[string][]byte{}
	for name, tmpl := range map[string]*template.Template{
		s.Name + ".rego":      policyTemplate,
		s.Name + "_test.rego": testTemplate,
	} {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, v); err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		out[path.Join(dir, name)] = b.Bytes()
	}
	return out, nil
}

type scaffoldValues struct {
	Control                                            Control
	Package, Name, Input, Type, Severity, Import, List string
	Passing, Failing                                   string
	Resource                                           bool
}

var policyTemplate = template.Must(template.New("policy").Parse(`# METADATA
# title: {{.Type}} meets the criterion of {{.Control.ID}} (replace with what it checks)
# description: |
#   Say which testable criterion of control {{.Control.ID}} ({{.Control.Title}})
#   this policy checks, and why a finding matters.
# custom:
#   controls: ["{{.Control.ID}}"]
#   severity: {{.Severity}}
#   coverage: partial
#   inputs: ["{{.Input}}"]
#   remediation: |
#     Say how to fix a finding.
package {{.Package}}
{{if .Import}}
import data.annexa.lib.{{.Import}}
{{end}}
deny contains finding if {
	some f in {{.List}}
	not compliant(f){{if .Resource}}

	# A value known only after apply is never judged.
	not tf.is_unknown(f, "example_setting"){{end}}
	finding := {
		"msg": sprintf("%s does not meet the criterion (say what is wrong)", [f.id]),
		"resource": f.id,
	}
}

# judged are the facts the criterion applies to, whatever the verdict: a
# control passes only when one of its policies judged a fact. Leave out
# the facts the criterion does not apply to.{{if .Resource}} A value known only after
# apply cannot be judged.{{end}}
judged contains f.id if {
	some f in {{.List}}{{if .Resource}}
	not tf.is_unknown(f, "example_setting"){{end}}
}

# compliant is the criterion. example_setting stands in for the attributes
# the control's criterion reads; replace it here and in the tests.
compliant(f) if f.attributes.example_setting == true
`))

var testTemplate = template.Must(template.New("test").Parse(`package {{.Package}}_test

import data.{{.Package}} as check
import data.annexa.lib.testing

test_pass_compliant if {
	passing := {{.Passing}}
	facts := testing.facts([passing])
	count(check.deny) == 0 with data.facts as facts
	check.judged == {passing.id} with data.facts as facts
}

test_fail_not_compliant if {
	failing := {{.Failing}}
	[f.resource | some f in check.deny] == [failing.id] with data.facts as testing.facts([failing])
}
`))
