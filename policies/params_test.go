package policies_test

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies"
)

var (
	// paramRead matches a read of a parameter, params.value(...), and
	// the name when it is a string literal.
	paramRead    = regexp.MustCompile(`\bparams\.value\(\s*("([^"]*)")?`)
	paramDeclare = regexp.MustCompile(`(?m)^defaults\["([^"]+)"\]`)
)

// TestParametersAreDeclared holds the built-in policies to the parameter
// convention of docs/policies.md: every parameter a policy reads with
// params.value is named by a string literal, declared in
// policies/lib/params*.rego with a description and the benchmark behind
// its default, and listed in the policy's METADATA custom.parameters,
// which lists nothing the policy does not read.
func TestParametersAreDeclared(t *testing.T) {
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	decls := map[string]engine.ParameterDecl{}
	for _, d := range e.Parameters() {
		decls[d.Name] = d
		if d.Description == "" || d.Source == "" {
			t.Errorf("parameter %s: its declaration needs a description and the source of its default (the benchmark recommendation)", d.Name)
		}
	}
	if _, ok := decls["tls_min_version"]; !ok {
		t.Fatalf("declared parameters %v lack tls_min_version: the query of data.annexa.lib.params.defaults read nothing", decls)
	}
	// Declarations are written once each, in lib/params*.rego.
	libs, _ := fs.Glob(policies.FS, "lib/params*.rego")
	seen := map[string]string{}
	for _, f := range libs {
		if strings.HasSuffix(f, "_test.rego") {
			continue
		}
		src, _ := fs.ReadFile(policies.FS, f)
		for _, m := range paramDeclare.FindAllSubmatch(src, -1) {
			name := string(m[1])
			if prev, ok := seen[name]; ok {
				t.Errorf("%s: parameter %s is declared again (first in %s)", f, name, prev)
			}
			seen[name] = f
		}
	}
	for _, p := range e.Policies() {
		if !p.Builtin {
			continue
		}
		var read []string
		files, _ := fs.Glob(policies.FS, path.Join(path.Dir(strings.TrimPrefix(p.File, "policies/")), "*.rego"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.rego") {
				continue
			}
			src, _ := fs.ReadFile(policies.FS, f)
			if !strings.Contains(string(src), "package "+p.Package+"\n") {
				continue
			}
			for _, m := range paramRead.FindAllSubmatch(src, -1) {
				if m[1] == nil {
					t.Errorf("%s: policy %s reads a parameter whose name is not a string literal; write params.value(\"name\") so the name can be checked", f, p.ID)
					continue
				}
				name := string(m[2])
				if _, ok := decls[name]; !ok {
					t.Errorf("%s: policy %s reads parameter %q, which policies/lib/params*.rego does not declare", f, p.ID, name)
				}
				if !slices.Contains(p.Parameters, name) {
					t.Errorf("%s: policy %s reads parameter %q but its METADATA custom.parameters does not list it", f, p.ID, name)
				}
				read = append(read, name)
			}
		}
		for _, name := range p.Parameters {
			if _, ok := decls[name]; !ok {
				t.Errorf("%s: METADATA of %s lists parameter %q, which policies/lib/params*.rego does not declare", p.File, p.ID, name)
			}
			if !slices.Contains(read, name) {
				t.Errorf("%s: METADATA of %s lists parameter %q, which the policy does not read", p.File, p.ID, name)
			}
		}
	}
}
