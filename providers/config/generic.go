package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/pelletier/go-toml/v2"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	"gopkg.in/ini.v1"

	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// maxDepth bounds the nesting of a parsed file, as input.DecodeYAML does
// for YAML.
const maxDepth = 256

func name(path string) string { return filepath.ToSlash(path) }

// parseYAMLOrJSON makes one fact per document: a YAML stream of several
// documents gets ids ending in #1, #2, ...
func parseYAMLOrJSON(path, format string, data []byte) ([]parsed, error) {
	docs, err := input.DecodeYAML(path, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return []parsed{{file: path, typ: format, name: name(path), attributes: map[string]any{"content": nil}}}, nil
	}
	out := make([]parsed, 0, len(docs))
	for i, d := range docs {
		n := name(path)
		if len(docs) > 1 {
			n += "#" + strconv.Itoa(i+1)
		}
		out = append(out, parsed{file: path, typ: format, name: n, line: d.Pos("").Line, attributes: map[string]any{"content": d.Value}})
	}
	return out, nil
}

func parseTOML(path string, data []byte) ([]parsed, error) {
	data, err := input.CheckText(path, data)
	if err != nil {
		return nil, err
	}
	if err := checkNesting(path, data, "[{"); err != nil {
		return nil, err
	}
	var v map[string]any
	if err := toml.Unmarshal(data, &v); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: invalid TOML: %s", path, row, col, de.Error())
		}
		if line := tomlErrorLine(data, err.Error()); line > 0 {
			return nil, fmt.Errorf("%s:%d: invalid TOML: %w", path, line, err)
		}
		return nil, fmt.Errorf("%s: invalid TOML: %w", path, err)
	}
	content, err := plain(v, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return []parsed{{file: path, typ: FormatTOML, name: name(path), attributes: map[string]any{"content": content}}}, nil
}

// tomlErrorLine finds the line of a TOML error the library reports without
// a position (a key or table defined twice): the first line whose prefix of
// the file fails with the same message. TOML is read top down, so the
// prefixes that fail are the ones that reach that line; it returns 0 when
// the search does not reproduce the error.
func tomlErrorLine(data []byte, msg string) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		var v map[string]any
		err := toml.Unmarshal(bytes.Join(lines[:n], nil), &v)
		return err != nil && err.Error() == msg
	}
	lo, hi := 1, len(lines)
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if !fails(lo) {
		return 0
	}
	return lo
}

// checkNesting rejects input nested deeper than maxDepth before a parser
// that recurses per level sees it. It over-counts (brackets in strings), so
// its bound is generous.
func checkNesting(path string, data []byte, open string) error {
	depth := 0
	for i, b := range data {
		switch {
		case strings.IndexByte(open, b) >= 0:
			depth++
			if depth > 4*maxDepth {
				line, col := input.Position(data, int64(i))
				return fmt.Errorf("%s:%d:%d: nested more than %d levels deep", path, line, col, 4*maxDepth)
			}
		case b == ']' || b == '}' || b == ')':
			depth = max(depth-1, 0)
		}
	}
	return nil
}

// plainList is plain for each element of an array (TOML decodes an array
// of tables as []map[string]any).
func plainList[T any](xs []T, depth int) ([]any, error) {
	out := make([]any, len(xs))
	for i, c := range xs {
		pv, err := plain(c, depth+1)
		if err != nil {
			return nil, err
		}
		out[i] = pv
	}
	return out, nil
}

// plain turns a decoded TOML value into the JSON-like values facts hold:
// dates and times become the strings they were written as, and the
// non-finite floats TOML allows become strings too.
func plain(v any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("nested more than %d levels deep", maxDepth)
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, c := range x {
			pv, err := plain(c, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = pv
		}
		return out, nil
	case []any:
		return plainList(x, depth)
	case []map[string]any:
		return plainList(x, depth)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64), nil
		}
		return x, nil
	case time.Time:
		return x.Format(time.RFC3339Nano), nil
	case fmt.Stringer:
		return x.String(), nil
	}
	return v, nil
}

// parseINI reads an INI file into {section: {key: value}}; keys before
// the first section are under "DEFAULT", left out when there are none.
// Values stay strings; a key without a value (my.cnf's skip-name-resolve)
// is "true".
func parseINI(path string, data []byte) ([]parsed, error) {
	data, err := input.CheckText(path, data)
	if err != nil {
		return nil, err
	}
	f, err := ini.LoadSources(ini.LoadOptions{AllowBooleanKeys: true, SpaceBeforeInlineComment: true}, data)
	if err != nil {
		return nil, iniError(path, data, err)
	}
	content := map[string]any{}
	for _, sec := range f.Sections() {
		keys := map[string]any{}
		for _, k := range sec.Keys() {
			keys[k.Name()] = k.Value()
		}
		if sec.Name() == ini.DefaultSection && len(keys) == 0 {
			continue
		}
		content[sec.Name()] = keys
	}
	return []parsed{{file: path, typ: FormatINI, name: name(path), attributes: map[string]any{"content": content}}}, nil
}

// iniError finds the line an ini parse error is about: the library names
// the offending line's text, not its number.
func iniError(path string, data []byte, err error) error {
	msg := err.Error()
	text := ""
	var dnf ini.ErrDelimiterNotFound
	var ekn ini.ErrEmptyKeyName
	switch {
	case errors.As(err, &dnf):
		text = dnf.Line
	case errors.As(err, &ekn):
		text = ekn.Line
	default:
		if _, after, ok := strings.Cut(msg, "unclosed section: "); ok {
			text = after
		}
	}
	text = strings.TrimSpace(text)
	if text != "" {
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == text {
				return fmt.Errorf("%s:%d: invalid INI: %s", path, i+1, msg)
			}
		}
	}
	return fmt.Errorf("%s: invalid INI: %s", path, msg)
}

// parseHCL reads a native-syntax HCL file (Nomad, Vault, Consul, Packer
// configuration) without a schema: attributes become values and blocks
// nest by type then by each label, ending in a list of bodies
// (`listener "tcp" {...}` is content.listener.tcp[0]). Only values known
// without evaluation context are kept; an expression that needs variables
// or functions is left out and its path listed as unknown.
func parseHCL(path string, data []byte) ([]parsed, error) {
	data, err := input.CheckText(path, data)
	if err != nil {
		return nil, err
	}
	if err := checkNesting(path, data, "[{("); err != nil {
		return nil, err
	}
	f, diags := hclsyntax.ParseConfig(data, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, hclError(path, diags)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, fmt.Errorf("%s: invalid HCL: not a native syntax body", path)
	}
	h := &hclReader{path: path}
	content, err := h.body(body, "content", 0)
	if err != nil {
		return nil, err
	}
	return []parsed{{file: path, typ: FormatHCL, name: name(path), attributes: map[string]any{"content": content}, unknown: h.unknown}}, nil
}

func hclError(path string, diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		if d.Subject != nil {
			return fmt.Errorf("%s:%d:%d: invalid HCL: %s", path, d.Subject.Start.Line, d.Subject.Start.Column, msg)
		}
		return fmt.Errorf("%s: invalid HCL: %s", path, msg)
	}
	return fmt.Errorf("%s: invalid HCL: %s", path, diags.Error())
}

type hclReader struct {
	path    string
	unknown []string
}

func (h *hclReader) body(b *hclsyntax.Body, path string, depth int) (map[string]any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("%s:%d: blocks nested more than %d levels deep", h.path, b.SrcRange.Start.Line, maxDepth)
	}
	out := make(map[string]any, len(b.Attributes)+len(b.Blocks))
	for name, attr := range b.Attributes {
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || !v.IsWhollyKnown() {
			h.unknown = append(h.unknown, redact.Join(path, name))
			continue
		}
		js, err := ctyjson.SimpleJSONValue{Value: v}.MarshalJSON()
		if err != nil {
			h.unknown = append(h.unknown, redact.Join(path, name))
			continue
		}
		var val any
		if err := json.NewDecoder(bytes.NewReader(js)).Decode(&val); err != nil {
			return nil, fmt.Errorf("%s:%d: attribute %s: %w", h.path, attr.SrcRange.Start.Line, name, err)
		}
		out[name] = val
	}
	for _, blk := range b.Blocks {
		if _, isAttr := b.Attributes[blk.Type]; isAttr {
			return nil, fmt.Errorf("%s:%d:%d: block %q has the name of an attribute of the same body", h.path, blk.TypeRange.Start.Line, blk.TypeRange.Start.Column, blk.Type)
		}
		// Walk down type and labels, creating the maps on the way.
		parent := out
		key := blk.Type
		p := redact.Join(path, blk.Type)
		for _, label := range blk.Labels {
			next, ok := parent[key].(map[string]any)
			if !ok {
				if _, taken := parent[key]; taken {
					return nil, fmt.Errorf("%s:%d:%d: block %s %q mixes labelled and unlabelled forms", h.path, blk.TypeRange.Start.Line, blk.TypeRange.Start.Column, blk.Type, label)
				}
				next = map[string]any{}
				parent[key] = next
			}
			parent, key = next, label
			p = redact.Join(p, label)
		}
		list, ok := parent[key].([]any)
		if !ok {
			if _, taken := parent[key]; taken {
				return nil, fmt.Errorf("%s:%d:%d: block %s mixes labelled and unlabelled forms", h.path, blk.TypeRange.Start.Line, blk.TypeRange.Start.Column, blk.Type)
			}
		}
		child, err := h.body(blk.Body, redact.Join(p, strconv.Itoa(len(list))), depth+1)
		if err != nil {
			return nil, err
		}
		parent[key] = append(list, child)
	}
	return out, nil
}
