package tfsource

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// maxFileFuncBytes bounds what file(), templatefile() and their kin read
// in one evaluation.
const maxFileFuncBytes = 256 << 20

// fileUnavailable is a file a file function could not read because it is
// not there (a build artefact such as lambda.zip) or because annexa
// refuses to read it (outside the scan root, not a regular file). Unless
// the provider is strict, the call's value is unknown, with a warning.
type fileUnavailable struct {
	path string
	err  error
}

func (e *fileUnavailable) Error() string {
	var r *refusal
	if errors.As(e.err, &r) {
		return r.Error()
	}
	return "no file exists at " + e.path
}

func (e *fileUnavailable) Unwrap() error { return e.err }

// configPath is the path a file function reads: Terraform resolves
// relative paths against the working directory, which for annexa is the
// root module's directory.
func (ev *evaluator) configPath(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(ev.rootDir, p)
}

// readConfigFile reads a file for a file function. It must be a regular
// file inside the scan root, symbolic links resolved, which is checked
// before the file is opened, so that a configuration cannot make annexa
// read (and put into facts) arbitrary files, nor hang on a FIFO.
func (ev *evaluator) readConfigFile(p string) ([]byte, error) {
	b, err := ev.sb.readFile(ev.configPath(p), maxFileBytes)
	var r *refusal
	switch {
	case errors.As(err, &r):
		// Name the path as the configuration gave it.
		r2 := *r
		r2.name = p
		return nil, &fileUnavailable{path: p, err: &r2}
	case errors.Is(err, fs.ErrNotExist):
		return nil, &fileUnavailable{path: p, err: err}
	case err != nil:
		return nil, fmt.Errorf("%s cannot be read: %w", p, err)
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

// fileExistsFunc makes fileexists(), confined like file(): a path outside
// the scan root is refused whether or not a file is there.
func (ev *evaluator) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			ok, err := ev.sb.exists(ev.configPath(p))
			var r *refusal
			if errors.As(err, &r) {
				r2 := *r
				r2.name = p
				return cty.UnknownVal(cty.Bool), &fileUnavailable{path: p, err: &r2}
			}
			return cty.BoolVal(ok), nil
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
			src, err := ev.readConfigFile(p)
			if err != nil {
				return cty.DynamicVal, err
			}
			return ev.renderTemplate(src, p, args[1], funcs)
		},
	})
}

// templateStringFunc makes templatestring() (Terraform 1.9), which renders
// a template held in a string.
func (ev *evaluator) templateStringFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "template", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return ev.renderTemplate([]byte(args[0].AsString()), "<templatestring>", args[1], funcs)
		},
	})
}

// renderTemplate renders template source src, named name in messages,
// with the variables in vars (a map or an object) and the functions in
// funcs.
func (ev *evaluator) renderTemplate(src []byte, name string, vars cty.Value, funcs map[string]function.Function) (cty.Value, error) {
	if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
		return cty.DynamicVal, function.NewArgErrorf(1, "vars must be a map or an object")
	}
	if _, err := readText(src); err != nil {
		return cty.DynamicVal, fmt.Errorf("%s: %w", name, err)
	}
	if diags := guardTemplate(src, name, hcl.InitialPos); diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	expr, diags := hclsyntax.ParseTemplate(src, name, hcl.InitialPos)
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
			return cty.DynamicVal, fmt.Errorf("%s: vars map does not contain key %q, referenced at %s", name, t.RootName(), rangeString(t.SourceRange()))
		}
	}
	tctx := &hcl.EvalContext{Variables: values, Functions: funcs}
	v, diags := ev.bound(expr).Value(tctx)
	if diags.HasErrors() {
		diags = hideSensitiveDetails(expr, tctx, diags)
		return cty.DynamicVal, diags
	}
	return v, nil
}

// Bounds of fileset: how many directory entries and how deep it walks.
const (
	maxFilesetEntries = 10000
	maxFilesetDepth   = 32
)

// filesetFunc makes fileset(path, pattern): the regular files below path
// (inside the scan root, symbolic links not followed) whose path relative
// to it matches pattern (*, **, ?, [...], {a,b}), as a set of
// slash-separated paths.
func (ev *evaluator) filesetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			dir, pattern := args[0].AsString(), args[1].AsString()
			if !doublestar.ValidatePattern(pattern) {
				return cty.UnknownVal(cty.Set(cty.String)), function.NewArgErrorf(1, "invalid glob pattern %q", pattern)
			}
			var matches []cty.Value
			seen := 0
			var walk func(rel string, depth int) error
			walk = func(rel string, depth int) error {
				if depth > maxFilesetDepth {
					return fmt.Errorf("fileset(%q): directories nested more than %d deep", dir, maxFilesetDepth)
				}
				entries, err := ev.sb.readDir(ev.configPath(filepath.Join(dir, filepath.FromSlash(rel))))
				if err != nil {
					return err
				}
				for _, e := range entries {
					if seen++; seen > maxFilesetEntries {
						return fmt.Errorf("fileset(%q): more than %d entries", dir, maxFilesetEntries)
					}
					p := path.Join(rel, e.Name())
					switch {
					case e.IsDir():
						if err := walk(p, depth+1); err != nil {
							return err
						}
					case e.Type().IsRegular():
						if ok, _ := doublestar.Match(pattern, p); ok {
							matches = append(matches, cty.StringVal(p))
						}
					}
				}
				return nil
			}
			if err := walk("", 0); err != nil {
				var r *refusal
				if errors.As(err, &r) || errors.Is(err, fs.ErrNotExist) {
					return cty.UnknownVal(cty.Set(cty.String)), &fileUnavailable{path: dir, err: err}
				}
				return cty.UnknownVal(cty.Set(cty.String)), err
			}
			if len(matches) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(matches), nil
		},
	})
}
