package tfsource

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/annexa-dev/annexa/providers/input"
)

// Declaration is where a resource or data source is declared: its file
// and the 1-based line of its block.
type Declaration struct {
	File string
	Line int
}

// maxDeclarationDepth bounds how deep Declarations follows local module
// calls.
const maxDeclarationDepth = 8

var declarationSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
}}

// Declarations reads the Terraform configuration files of dir, without
// evaluating them, and returns where each resource and data source is
// declared, by its configuration address (aws_s3_bucket.logs,
// data.aws_iam_policy_document.x, module.db.aws_db_instance.main, without
// instance keys). Local module calls are followed within dir only;
// symbolic links and files that do not parse are passed over. It lets a
// finding about a plan's resource point at the line of its source.
func Declarations(dir string) map[string]Declaration {
	out := map[string]Declaration{}
	// Files are named as dir is, so that a relative plan path gives
	// relative .tf paths (a SARIF location GitHub resolves in the
	// repository); whether a module lies within dir is decided on the
	// absolute paths, with symbolic links resolved.
	root, err := filepath.Abs(dir)
	if err != nil {
		return out
	}
	if root, err = filepath.EvalSymlinks(root); err != nil {
		return out
	}
	declarations(root, filepath.Clean(dir), "", 0, out)
	return out
}

func declarations(root, dir, prefix string, depth int, out map[string]Declaration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	parser := hclparse.NewParser()
	for _, e := range entries {
		config, _ := isConfigFile(e.Name())
		if !config || !e.Type().IsRegular() {
			continue
		}
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
		content, _, _ := f.Body.PartialContent(declarationSchema)
		for _, b := range content.Blocks {
			switch b.Type {
			case "resource", "data":
				addr := prefix + b.Labels[0] + "." + b.Labels[1]
				if b.Type == "data" {
					addr = prefix + "data." + b.Labels[0] + "." + b.Labels[1]
				}
				if _, seen := out[addr]; !seen {
					out[addr] = Declaration{File: b.DefRange.Filename, Line: b.DefRange.Start.Line}
				}
			case "module":
				if depth >= maxDeclarationDepth {
					continue
				}
				sub, ok := localModuleDir(b, dir)
				if !ok {
					continue
				}
				// A module directory, symbolic links resolved, must lie
				// within root.
				abs, err := filepath.Abs(sub)
				if err != nil {
					continue
				}
				if abs, err = filepath.EvalSymlinks(abs); err != nil || !within(abs, root) {
					continue
				}
				declarations(root, sub, prefix+"module."+b.Labels[0]+".", depth+1, out)
			}
		}
	}
}

// localModuleDir is the directory a module block's local source names.
func localModuleDir(b *hcl.Block, dir string) (string, bool) {
	attrs, _, _ := b.Body.PartialContent(sourceSchema)
	a, ok := attrs.Attributes["source"]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || v.IsNull() || !isLocalSource(v.AsString()) {
		return "", false
	}
	return filepath.Join(dir, filepath.FromSlash(v.AsString())), true
}
