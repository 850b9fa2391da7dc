package tfsource

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/annexa-dev/annexa/providers/input"
)

// maxDiscoveredDirs bounds how many directories root discovery looks at.
const maxDiscoveredDirs = 20000

// moduleCallSchema finds the module blocks of a file and their source.
var moduleCallSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}}

var sourceSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "source"}}}

// ExcludeError is a malformed --exclude glob.
type ExcludeError struct {
	Glob string
	Err  error
}

func (e *ExcludeError) Error() string { return fmt.Sprintf("--exclude %q: %v", e.Glob, e.Err) }

// Roots finds the Terraform root modules under dir: the directories that
// hold configuration files (*.tf, *.tf.json) and that no other directory
// under dir calls as a local module (source = "./x" or "../x"). It skips
// hidden directories (.terraform, .git), symbolic links, and the paths
// matching one of the exclude globs (path.Match against the path relative
// to dir, slash-separated, or against a directory's name). Roots are
// returned sorted; dir itself is a root when it holds configuration that
// nothing calls.
func Roots(dir string, exclude []string) ([]string, error) {
	for _, g := range exclude {
		if _, err := path.Match(g, ""); err != nil {
			return nil, &ExcludeError{Glob: g, Err: err}
		}
	}
	dir = filepath.Clean(dir)
	var withConfig []string
	called := map[string]bool{}
	seen := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("discover root modules in %s: %w", dir, err)
		}
		if !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if p != dir && (strings.HasPrefix(d.Name(), ".") || input.Excluded(rel, d.Name(), exclude)) {
			return filepath.SkipDir
		}
		if seen++; seen > maxDiscoveredDirs {
			return fmt.Errorf("discover root modules in %s: more than %d directories; name the roots with --tf or narrow them with --exclude", dir, maxDiscoveredDirs)
		}
		calls, hasConfig := localCalls(p)
		if hasConfig {
			withConfig = append(withConfig, p)
		}
		for _, c := range calls {
			called[c] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	roots := slices.DeleteFunc(withConfig, func(p string) bool { return called[p] })
	slices.Sort(roots)
	return roots, nil
}

// localCalls reads the configuration files of one directory and returns
// the directories its local module calls name, and whether it holds
// configuration at all. Files that do not parse are passed over: the
// evaluation of their module reports them.
func localCalls(dir string) (calls []string, hasConfig bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	parser := hclparse.NewParser()
	for _, e := range entries {
		config, _ := isConfigFile(e.Name())
		if !config || !e.Type().IsRegular() {
			continue
		}
		hasConfig = true
		name := filepath.Join(dir, e.Name())
		src, err := input.ReadFile(name, maxFileBytes)
		if err != nil {
			continue
		}
		var f *hcl.File
		if strings.HasSuffix(e.Name(), ".json") {
			f, _ = parser.ParseJSON(src, name)
		} else {
			f, _ = parser.ParseHCL(src, name)
		}
		if f == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(moduleCallSchema)
		for _, b := range content.Blocks {
			attrs, _, _ := b.Body.PartialContent(sourceSchema)
			a, ok := attrs.Attributes["source"]
			if !ok {
				continue
			}
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() || v.Type() != cty.String || v.IsNull() {
				continue
			}
			if src := v.AsString(); isLocalSource(src) {
				calls = append(calls, filepath.Join(dir, filepath.FromSlash(src)))
			}
		}
	}
	return calls, hasConfig
}
