package bundles

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/annexa-dev/annexa/engine"
)

// Inside policies.tar.gz the built-in tree sits under policyBuiltinRoot
// and each --policy directory under sources/<n>; the names these had on the
// command line are in the OPA manifest's metadata, so a replay gives every
// module the file name it had in the original run.
const (
	policyBuiltinRoot = "policies"
	policySourcesRoot = "sources"
	policyMetaKey     = "annexa"
)

// policyMeta is what the OPA bundle's manifest records under
// metadata.annexa.
type policyMeta struct {
	// DataFiles are the built-in tree's JSON files (the catalog). OPA
	// bundles carry JSON as data, so each sits in data.json under
	// policies.<path without .json, dots for slashes>.
	DataFiles []string           `json:"data_files"`
	Sources   []policySourceMeta `json:"sources"`
}

type policySourceMeta struct {
	Name string `json:"name"`
	Root string `json:"root"`
}

// writePolicyBundle writes the exact policy set an engine compiled as an
// OPA bundle, readable by `opa inspect`/`opa eval -b` as well as by replay.
func writePolicyBundle(w io.Writer, pf engine.PolicyFiles, revision string) error {
	b := bundle.Bundle{Data: map[string]any{}}
	var meta policyMeta
	for _, p := range slices.Sorted(maps.Keys(pf.Builtin)) {
		raw := pf.Builtin[p]
		switch {
		case strings.HasSuffix(p, ".rego"):
			b.Modules = append(b.Modules, moduleFile(path.Join(policyBuiltinRoot, p), raw))
		case strings.HasSuffix(p, ".json"):
			var v any
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil {
				return fmt.Errorf("record policy data %s: %w", p, err)
			}
			if err := insertData(b.Data, dataPath(p), v); err != nil {
				return fmt.Errorf("record policy data %s: %w", p, err)
			}
			meta.DataFiles = append(meta.DataFiles, p)
		default:
			return fmt.Errorf("record policies: cannot record built-in file %s: only .rego and .json files are supported", p)
		}
	}
	for i, src := range pf.Sources {
		root := fmt.Sprintf("%s/%d", policySourcesRoot, i+1)
		meta.Sources = append(meta.Sources, policySourceMeta{Name: src.Name, Root: root})
		for _, p := range slices.Sorted(maps.Keys(src.Files)) {
			b.Modules = append(b.Modules, moduleFile(path.Join(root, p), src.Files[p]))
		}
	}
	metaMap, err := toMap(meta)
	if err != nil {
		return err
	}
	regoV1 := 1
	b.Manifest = bundle.Manifest{
		Revision:    revision,
		RegoVersion: &regoV1,
		Metadata:    map[string]any{policyMetaKey: metaMap},
	}
	if err := bundle.NewWriter(w).Write(b); err != nil {
		return fmt.Errorf("write policy bundle: %w", err)
	}
	return nil
}

func moduleFile(p string, raw []byte) bundle.ModuleFile {
	return bundle.ModuleFile{URL: "/" + p, Path: "/" + p, Raw: raw}
}

// dataPath is where a JSON file of the built-in tree sits in the bundle's
// data: catalog/controls.json → policies, catalog, controls.
func dataPath(p string) []string {
	return append([]string{policyBuiltinRoot}, strings.Split(strings.TrimSuffix(p, ".json"), "/")...)
}

func insertData(data map[string]any, keys []string, v any) error {
	for _, k := range keys[:len(keys)-1] {
		next, ok := data[k]
		if !ok {
			next = map[string]any{}
			data[k] = next
		}
		m, ok := next.(map[string]any)
		if !ok {
			return fmt.Errorf("data path %s is both a file and a directory", strings.Join(keys, "."))
		}
		data = m
	}
	last := keys[len(keys)-1]
	if _, dup := data[last]; dup {
		return fmt.Errorf("data path %s is both a file and a directory", strings.Join(keys, "."))
	}
	data[last] = v
	return nil
}

func lookupData(data map[string]any, keys []string) (any, bool) {
	var cur any = data
	for _, k := range keys {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// readPolicyBundle reads policies.tar.gz back into the built-in tree and
// the extra sources, for engine.WithPolicyFS and engine.WithPolicySources.
func readPolicyBundle(raw []byte, lim Limits) (fs.FS, []engine.PolicySource, error) {
	lim = lim.withDefaults()
	// OPA's loader bounds each file but not the whole; bound it here first.
	if err := checkDecompressedSize(raw, lim.MaxTotalBytes); err != nil {
		return nil, nil, err
	}
	loader := bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(raw), "")
	b, err := bundle.NewCustomReader(loader).
		WithSkipBundleVerification(true).
		WithSizeLimitBytes(lim.MaxEntryBytes).
		WithRegoVersion(ast.RegoV1).
		Read()
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", FilePolicies, err)
	}
	var meta policyMeta
	if err := fromMap(b.Manifest.Metadata[policyMetaKey], &meta); err != nil {
		return nil, nil, fmt.Errorf("read %s: manifest metadata: %w", FilePolicies, err)
	}
	builtin := memFS{}
	sources := make([]memFS, len(meta.Sources))
	for i := range sources {
		sources[i] = memFS{}
	}
	for _, m := range b.Modules {
		p := strings.TrimPrefix(m.Path, "/")
		if rest, ok := strings.CutPrefix(p, policyBuiltinRoot+"/"); ok {
			builtin[rest] = m.Raw
			continue
		}
		placed := false
		for i, s := range meta.Sources {
			if rest, ok := strings.CutPrefix(p, s.Root+"/"); ok {
				sources[i][rest] = m.Raw
				placed = true
				break
			}
		}
		if !placed {
			return nil, nil, fmt.Errorf("read %s: module %s is outside the recorded policy roots", FilePolicies, p)
		}
	}
	for _, p := range meta.DataFiles {
		v, ok := lookupData(b.Data, dataPath(p))
		if !ok {
			return nil, nil, fmt.Errorf("read %s: data for %s is missing", FilePolicies, p)
		}
		out, err := json.Marshal(v)
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: data for %s: %w", FilePolicies, p, err)
		}
		builtin[p] = out
	}
	srcs := make([]engine.PolicySource, len(meta.Sources))
	for i, s := range meta.Sources {
		srcs[i] = engine.PolicySource{FS: sources[i], Name: s.Name}
	}
	return builtin, srcs, nil
}

func checkDecompressedSize(raw []byte, maxBytes int64) error {
	gz, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("read %s: %w", FilePolicies, err)
	}
	c := &cappedReader{r: gz, max: maxBytes}
	if _, err := io.Copy(io.Discard, c); err != nil {
		if c.exceeded {
			return fmt.Errorf("read %s: decompresses to more than %d bytes", FilePolicies, maxBytes)
		}
		return fmt.Errorf("read %s: %w", FilePolicies, err)
	}
	return nil
}

func toMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

func fromMap(m any, v any) error {
	if m == nil {
		return errors.New("no annexa metadata")
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}
