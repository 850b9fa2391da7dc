// Command gentypes builds the attribute type table of the Terraform source
// provider (providers/tfsource/internal/schematypes/types.json.gz) from the
// unpacked npm packages of CDK for Terraform providers.
//
// Each resource class of such a package lists, in its compiled JavaScript,
// every argument the provider schema accepts with its Terraform type
// (synthesizeHclAttributes for the resource, one *ToHclTerraform function
// per nested block). gentypes reads those lists; it does not run the
// JavaScript. Data sources and the provider configuration are left out.
//
// Usage (make types runs it):
//
//	go run ./providers/tfsource/internal/gentypes -o FILE DIR...
//
// where each DIR is an unpacked package (the directory holding
// package.json and lib/).
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/providers/tfsource/internal/schematypes"
)

func main() {
	out := flag.String("o", "", "write the gzip-compressed table to this file")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: gentypes -o FILE PACKAGE_DIR...")
		os.Exit(2)
	}
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gentypes:", err)
		os.Exit(1)
	}
}

// table is the file's JSON form; the runtime reader is
// providers/tfsource/internal/schematypes.
type table struct {
	Provenance []schematypes.Provenance `json:"provenance"`
	Resources  map[string]*block        `json:"resources"`
}

// block holds a block's attributes, with types in cty's JSON type syntax,
// and its nested blocks.
type block struct {
	Attrs  map[string]any    `json:"a,omitempty"`
	Blocks map[string]*block `json:"b,omitempty"`
	// Nesting is list, set, single or map for a nested block.
	Nesting string `json:"n,omitempty"`
}

func run(out string, dirs []string) error {
	t := table{Resources: map[string]*block{}}
	for _, dir := range dirs {
		p, err := readPackage(dir, t.Resources)
		if err != nil {
			return fmt.Errorf("read %s: %w", dir, err)
		}
		t.Provenance = append(t.Provenance, p)
	}
	js, err := json.Marshal(t)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(js); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	for _, p := range t.Provenance {
		fmt.Fprintf(os.Stderr, "%s@%s (%s %s): %d resource types, %d attributes\n",
			p.Package, p.Version, p.Provider, p.ProviderVersion, p.Resources, p.Attributes)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes (%d uncompressed)\n", out, buf.Len(), len(js))
	return nil
}

type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	CDKTF   struct {
		Provider struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		} `json:"provider"`
	} `json:"cdktf"`
}

func readPackage(dir string, into map[string]*block) (schematypes.Provenance, error) {
	var pj packageJSON
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return schematypes.Provenance{}, err
	}
	if err := json.Unmarshal(raw, &pj); err != nil {
		return schematypes.Provenance{}, fmt.Errorf("package.json: %w", err)
	}
	p := schematypes.Provenance{Package: pj.Name, Version: pj.Version, Provider: pj.CDKTF.Provider.Name, ProviderVersion: pj.CDKTF.Provider.Version}
	entries, err := os.ReadDir(filepath.Join(dir, "lib"))
	if err != nil {
		return p, err
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "data-") || e.Name() == "provider" {
			continue
		}
		typ, b, err := readResource(filepath.Join(dir, "lib", e.Name()))
		if err != nil {
			return p, fmt.Errorf("%s: %w", e.Name(), err)
		}
		if b == nil {
			continue
		}
		if _, dup := into[typ]; dup {
			return p, fmt.Errorf("resource type %s appears twice", typ)
		}
		into[typ] = b
		p.Resources++
		p.Attributes += countAttrs(b)
	}
	if p.Resources == 0 {
		return p, errors.New("no resource classes found; is this an unpacked @cdktf/provider-* package?")
	}
	return p, nil
}

func countAttrs(b *block) int {
	n := len(b.Attrs)
	for _, nb := range b.Blocks {
		n += countAttrs(nb)
	}
	return n
}

var (
	resourceTypeRE = regexp.MustCompile(`(?m)^(\w+)\.tfResourceType = "([a-z0-9_]+)";`)
	structFuncRE   = regexp.MustCompile(`function (\w+)ToHclTerraform\(struct\) \{`)
	attrsStartRE   = regexp.MustCompile(`const attrs = \{`)
	entryRE        = regexp.MustCompile(`\A\s*(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\},`)
	funcRefRE      = regexp.MustCompile(`(\w+)ToHclTerraform\b`)
)

// entry is one argument as a synthesizeHclAttributes or *ToHclTerraform
// function lists it.
type entry struct {
	name, value, kind, class string
	isBlock                  bool
}

// readResource reads the JavaScript of one resource directory: the
// resource class's argument list and the struct functions of its blocks.
// It returns a nil block for a directory that holds no resource class.
func readResource(dir string) (string, *block, error) {
	var src strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		b, err := os.ReadFile(path)
		src.Write(b)
		src.WriteByte('\n')
		return err
	})
	if err != nil {
		return "", nil, err
	}
	text := src.String()
	m := resourceTypeRE.FindStringSubmatch(text)
	if m == nil || !strings.Contains(text, "class "+m[1]+" extends cdktf.TerraformResource") {
		return "", nil, nil
	}
	structs := map[string][]entry{}
	for _, loc := range structFuncRE.FindAllStringSubmatchIndex(text, -1) {
		name := text[loc[2]:loc[3]]
		es, err := readEntries(text[loc[1]:])
		if err != nil {
			return "", nil, fmt.Errorf("%sToHclTerraform: %w", name, err)
		}
		structs[name] = es
	}
	i := strings.Index(text, "synthesizeHclAttributes() {")
	if i < 0 {
		return "", nil, fmt.Errorf("%s: no synthesizeHclAttributes", m[2])
	}
	es, err := readEntries(text[i:])
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", m[2], err)
	}
	b, err := buildBlock(es, structs, 0)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", m[2], err)
	}
	return m[2], b, nil
}

// readEntries reads the attrs object literal that follows in text.
func readEntries(text string) ([]entry, error) {
	loc := attrsStartRE.FindStringIndex(text)
	if loc == nil {
		return nil, errors.New("no attrs object")
	}
	rest := text[loc[1]:]
	var out []entry
	for {
		m := entryRE.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		g := func(i int) string { return rest[m[2*i]:m[2*i+1]] }
		out = append(out, entry{name: g(1), value: g(2), isBlock: g(3) == "true", kind: g(4), class: g(5)})
		rest = rest[m[1]:]
	}
	if !strings.HasPrefix(strings.TrimSpace(rest), "};") {
		return nil, fmt.Errorf("unexpected text in attrs after %d entries: %.80q", len(out), strings.TrimSpace(rest))
	}
	return out, nil
}

func buildBlock(es []entry, structs map[string][]entry, depth int) (*block, error) {
	if depth > 64 {
		return nil, errors.New("blocks nested too deeply")
	}
	b := &block{}
	for _, e := range es {
		if !e.isBlock {
			ty, ok := attrType(e.kind, e.class)
			if !ok {
				return nil, fmt.Errorf("attribute %s: unknown type %s/%s", e.name, e.kind, e.class)
			}
			if ty == nil {
				continue // any: the provider takes whatever is written
			}
			if b.Attrs == nil {
				b.Attrs = map[string]any{}
			}
			b.Attrs[e.name] = ty
			continue
		}
		var fn string
		for _, m := range funcRefRE.FindAllStringSubmatch(e.value, -1) {
			if !slices.Contains([]string{"string", "number", "boolean", "any"}, m[1]) {
				fn = m[1]
			}
		}
		inner, ok := structs[fn]
		if fn == "" || !ok {
			return nil, fmt.Errorf("block %s: no struct function in %q", e.name, e.value)
		}
		nb, err := buildBlock(inner, structs, depth+1)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", e.name, err)
		}
		switch e.kind {
		case "list", "set", "map":
			nb.Nesting = e.kind
		case "struct":
			nb.Nesting = "single"
		default:
			return nil, fmt.Errorf("block %s: unknown nesting %s", e.name, e.kind)
		}
		if b.Blocks == nil {
			b.Blocks = map[string]*block{}
		}
		b.Blocks[e.name] = nb
	}
	return b, nil
}

// attrType turns a CDKTF storage class (stringList, numberMap,
// stringListList, ...) into cty's JSON type syntax; the outermost list is a
// set when kind says so. It returns nil for "any".
func attrType(kind, class string) (any, bool) {
	var base string
	for _, b := range []string{"string", "number", "boolean", "any"} {
		if strings.HasPrefix(class, b) {
			base = b
		}
	}
	if base == "" {
		return nil, false
	}
	if base == "any" {
		return nil, true
	}
	var ty any = base
	if base == "boolean" {
		ty = "bool"
	}
	rest := class[len(base):]
	for rest != "" {
		var coll string
		switch {
		case strings.HasPrefix(rest, "List"):
			coll, rest = "list", rest[4:]
		case strings.HasPrefix(rest, "Map"):
			coll, rest = "map", rest[3:]
		default:
			return nil, false
		}
		if rest == "" && coll == "list" && kind == "set" {
			coll = "set"
		}
		ty = []any{coll, ty}
	}
	return ty, true
}
