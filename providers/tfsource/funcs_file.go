package tfsource

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// maxFileFuncBytes bounds what file(), templatefile() and their kin read
// in one evaluation.
const maxFileFuncBytes = 256 << 20

// resolveConfigPath resolves a path given to a file function. Terraform
// resolves relative paths against the working directory, which for annexa
// is the root module's directory; either way the file must lie inside one
// of the configuration's module directories, so that a configuration
// cannot make annexa read (and put into facts) arbitrary files.
func (ev *evaluator) resolveConfigPath(p string) (string, error) {
	full := p
	if !filepath.IsAbs(p) {
		full = filepath.Join(ev.rootDir, p)
	}
	full = filepath.Clean(full)
	for _, d := range ev.dirs {
		if lexicallyWithin(full, d) {
			return full, nil
		}
	}
	return "", fmt.Errorf("%s is outside the configuration's module directories; annexa reads only files inside them", p)
}

func lexicallyWithin(name, dir string) bool {
	absName, err1 := filepath.Abs(name)
	absDir, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(absDir, absName)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readConfigFile reads a file for a file function, confined as
// resolveConfigPath describes, also after following symbolic links.
func (ev *evaluator) readConfigFile(p string) ([]byte, error) {
	full, err := ev.resolveConfigPath(p)
	if err != nil {
		return nil, err
	}
	b, err := ev.fsys.ReadFile(full, maxFileBytes)
	if err != nil {
		return nil, fmt.Errorf("no file exists at %s, or it cannot be read", p)
	}
	inside := false
	for _, d := range ev.dirs {
		if ok, err := ev.fsys.Within(full, d); err == nil && ok {
			inside = true
			break
		}
	}
	if !inside {
		return nil, fmt.Errorf("%s leads outside the configuration's module directories through a symbolic link; annexa reads only files inside them", p)
	}
	ev.fileBytes += int64(len(b))
	if ev.fileBytes > maxFileFuncBytes {
		return nil, fmt.Errorf("file functions read more than %d MiB in all", maxFileFuncBytes>>20)
	}
	return b, nil
}

// fileFunc makes file() and its variants: read a configuration file and
// convert its bytes.
func (ev *evaluator) fileFunc(conv func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := ev.readConfigFile(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			s, err := conv(b)
			if err != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("%s: %w", args[0].AsString(), err)
			}
			return cty.StringVal(s), nil
		},
	})
}

// fileExistsFunc makes fileexists(), confined like file().
func (ev *evaluator) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			full, err := ev.resolveConfigPath(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.Bool), err
			}
			_, err = ev.fsys.ReadFile(full, maxFileBytes)
			return cty.BoolVal(err == nil), nil
		},
	})
}

// templateFileFunc makes templatefile(), which renders a template file
// with the given variables and the functions in funcs.
func (ev *evaluator) templateFileFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			vars := args[1]
			if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
				return cty.DynamicVal, function.NewArgErrorf(1, "vars must be a map or an object")
			}
			src, err := ev.readConfigFile(p)
			if err != nil {
				return cty.DynamicVal, err
			}
			if _, err := readText(src); err != nil {
				return cty.DynamicVal, fmt.Errorf("%s: %w", p, err)
			}
			if diags := guardTemplate(src, p, hcl.InitialPos); diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			expr, diags := hclsyntax.ParseTemplate(src, p, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			values := map[string]cty.Value{}
			for it := vars.ElementIterator(); it.Next(); {
				k, v := it.Element()
				if !hclsyntax.ValidIdentifier(k.AsString()) {
					return cty.DynamicVal, function.NewArgErrorf(1, "invalid template variable name %q: must be an identifier", k.AsString())
				}
				values[k.AsString()] = v
			}
			for _, t := range expr.Variables() {
				if _, ok := values[t.RootName()]; !ok {
					return cty.DynamicVal, fmt.Errorf("%s: vars map does not contain key %q, referenced at %s", p, t.RootName(), rangeString(t.SourceRange()))
				}
			}
			v, diags := expr.Value(&hcl.EvalContext{Variables: values, Functions: funcs})
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			return v, nil
		},
	})
}
