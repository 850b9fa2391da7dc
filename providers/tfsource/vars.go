package tfsource

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Var is one --var or --var-file option. Terraform applies them in
// command-line order, later ones overriding earlier ones, after the
// variable files it finds in the root module directory.
type Var struct {
	// File is a variables file (.tfvars, or .tfvars.json) given with
	// --var-file. When it is empty, Assignment applies.
	File string
	// Assignment is NAME=VALUE as given with --var.
	Assignment string
	// CommandLine says that File was named on the command line, so it may
	// lie outside the scan root; every other file must lie inside it.
	CommandLine bool
}

// autoVarFiles lists the variable files Terraform loads on its own from the
// root module directory, in the order it loads them.
func (l *loader) autoVarFiles(dir string) []string {
	entries, err := l.sb.readDir(dir)
	if err != nil {
		return nil
	}
	var out, auto []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		switch name := e.Name(); {
		case name == "terraform.tfvars", name == "terraform.tfvars.json":
			out = append(out, name)
		case strings.HasSuffix(name, ".auto.tfvars"), strings.HasSuffix(name, ".auto.tfvars.json"):
			auto = append(auto, name)
		}
	}
	// terraform.tfvars before terraform.tfvars.json, then the rest by name.
	slices.Sort(out)
	slices.Sort(auto)
	paths := make([]string, 0, len(out)+len(auto))
	for _, n := range append(out, auto...) {
		paths = append(paths, filepath.Join(dir, n))
	}
	return paths
}

// envPrefix starts the names of environment variables that set input
// variables, as in Terraform.
const envPrefix = "TF_VAR_"

// rootValues gathers the values given to the root module's variables, in
// Terraform's order of precedence, lowest first: TF_VAR_ environment
// variables, terraform.tfvars(.json), *.auto.tfvars(.json) by name, then
// --var-file and --var in command-line order.
func (l *loader) rootValues(root *module, environ []string, inputs []Var) map[string]rootValue {
	values := map[string]rootValue{}
	for _, kv := range environ {
		name, raw, ok := strings.Cut(strings.TrimPrefix(kv, envPrefix), "=")
		// Terraform ignores environment variables for variables the root
		// module does not declare.
		if !ok || !strings.HasPrefix(kv, envPrefix) || root.variables[name] == nil {
			continue
		}
		l.setValue(root.variables[name], name, raw, &hcl.Range{Filename: envPrefix + name}, values)
	}
	for _, f := range l.autoVarFiles(root.dir) {
		l.varFile(root, f, false, values)
	}
	n := 0
	for _, in := range inputs {
		if in.File != "" {
			l.varFile(root, in.File, in.CommandLine, values)
			continue
		}
		n++
		l.assignment(root, n, in.Assignment, values)
	}
	return values
}

// varFile reads a variables file: literal values only, as in Terraform.
// Only a file named on the command line (anywhere) may lie outside the
// scan root.
func (l *loader) varFile(root *module, name string, anywhere bool, values map[string]rootValue) {
	read := l.sb.readFile
	if anywhere {
		read = l.sb.readAnywhere
	}
	src, err := read(name, maxFileBytes)
	if err != nil {
		l.errorf(&hcl.Range{Filename: name}, "Failed to read variables file", "%v", err)
		return
	}
	f, diags := parseSource(src, name)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	for _, n := range sortedKeys(attrs) {
		a := attrs[n]
		if _, declared := root.variables[n]; !declared {
			l.warnf(a.NameRange.Ptr(), "Value for undeclared variable", "The root module does not declare a variable named %q; its value is ignored.", n)
			continue
		}
		v, diags := a.Expr.Value(nil)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			continue
		}
		values[n] = rootValue{val: v, rng: a.Expr.Range().Ptr()}
	}
}

// assignment applies one --var NAME=VALUE. A variable whose type is not a
// primitive type takes VALUE as an HCL expression; others take it as a
// literal string, as Terraform does.
//
// The n'th --var is named by its position in errors, never by its text,
// which may hold a secret.
func (l *loader) assignment(root *module, n int, s string, values map[string]rootValue) {
	name, raw, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || !hclsyntax.ValidIdentifier(name) {
		l.errorf(nil, "Invalid --var option", "--var number %d is not of the form NAME=VALUE with NAME a variable name.", n)
		return
	}
	rng := &hcl.Range{Filename: "--var " + name}
	v, declared := root.variables[name]
	if !declared {
		l.warnf(rng, "Value for undeclared variable", "The root module in %s does not declare a variable named %q; its value is ignored.", root.dir, name)
		return
	}
	l.setValue(v, name, raw, rng, values)
}

// setValue sets variable v (named name) from raw, given on the command
// line or in the environment: a variable whose type is not a primitive
// type takes raw as an HCL expression, others as a literal string.
func (l *loader) setValue(v *variable, name, raw string, rng *hcl.Range, values map[string]rootValue) {
	if !v.hasType || v.typ.IsPrimitiveType() {
		values[name] = rootValue{val: cty.StringVal(raw), rng: rng}
		return
	}
	filename := "<value for var." + name + ">"
	if diags := guardExpression([]byte(raw), filename); diags.HasErrors() {
		l.diags = append(l.diags, diags...)
		return
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), filename, hcl.InitialPos)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return
	}
	val, diags := expr.Value(nil)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return
	}
	values[name] = rootValue{val: val, rng: rng}
}
