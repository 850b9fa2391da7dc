// Package project reads annexa's project file (annexa.yaml), which names the
// sources of one ISMS's facts and how to evaluate them, and resolves a path
// given alone on the command line (a project, a plan, an evidence
// directory) into sources.
package project

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/riskregister"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// FileNames are the names a project file is looked for under in a
// directory, in order.
func FileNames() []string { return []string{"annexa.yaml", "annexa.yml"} }

//go:embed schema.json
var schemaJSON []byte

const schemaURL = "https://annexa.dev/schemas/project.json"

// maxProjectBytes bounds a project file; real ones are a few hundred bytes.
const maxProjectBytes = 1 << 20

// Project is a loaded project file, or the project a single path given on
// the command line stands for.
type Project struct {
	// File is the project file, "" for a project made from a plain path.
	File string
	Name string
	// EffectiveTime, when not zero, is the time to evaluate as of.
	EffectiveTime time.Time
	// FailOn is the default --fail-on, "" when the file does not set it.
	FailOn string
	// Policies are extra policy directories, resolved against the file.
	Policies []string
	Sources  []providers.Source
	// Applicability and Risks are the applicability file and the risk
	// register, resolved against the file; "" when not set.
	Applicability string
	Risks         string
	// Risk holds the residual risk settings the file makes.
	Risk riskregister.Settings
}

// sourceType is one kind of entry in the sources list: its key and how to
// build the source from the entry.
type sourceType struct {
	key   string
	build func(path string, entry map[string]any) (providers.Provider, error)
}

func sourceTypes() []sourceType {
	return []sourceType{
		{key: "plan", build: func(string, map[string]any) (providers.Provider, error) { return tfplan.Provider{}, nil }},
		{key: "evidence", build: func(string, map[string]any) (providers.Provider, error) { return evidence.Provider{}, nil }},
	}
}

type schemas struct {
	file    *jsonschema.Schema
	sources map[string]*jsonschema.Schema
}

func compile() (*schemas, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemaURL, bytes.NewReader(schemaJSON)); err != nil {
		return nil, fmt.Errorf("project schema: %w", err)
	}
	s := &schemas{sources: map[string]*jsonschema.Schema{}}
	var err error
	if s.file, err = c.Compile(schemaURL); err != nil {
		return nil, fmt.Errorf("project schema: %w", err)
	}
	for _, t := range sourceTypes() {
		if s.sources[t.key], err = c.Compile(schemaURL + "#/$defs/" + t.key); err != nil {
			return nil, fmt.Errorf("project schema, source %s: %w", t.key, err)
		}
	}
	return s, nil
}

// Load reads and checks a project file. Errors name the file, line and
// field.
func Load(file string) (*Project, error) {
	data, err := input.ReadFile(file, maxProjectBytes)
	if err != nil {
		return nil, err
	}
	docs, err := input.DecodeYAML(file, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: a project file holds one YAML document, found %d", file, len(docs))
	}
	doc := &docs[0]
	sch, err := compile()
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(sch.file, "", "project file"); err != nil {
		return nil, err
	}
	top := doc.Value.(map[string]any)
	dir := filepath.Dir(file)
	p := &Project{File: file}
	p.Name, _ = top["name"].(string)
	p.FailOn, _ = top["fail_on"].(string)
	if s, ok := top["effective_time"].(string); ok {
		if p.EffectiveTime, err = ParseTime(s); err != nil {
			return nil, fmt.Errorf("%s: effective_time: %w", doc.Where("/effective_time"), err)
		}
	}
	for _, d := range anyStrings(top["policies"]) {
		p.Policies = append(p.Policies, resolve(dir, d))
	}
	if s, ok := top["applicability"].(string); ok {
		p.Applicability = resolve(dir, s)
	}
	if s, ok := top["risks"].(string); ok {
		p.Risks = resolve(dir, s)
	}
	if risk, ok := top["risk"].(map[string]any); ok {
		p.Risk.File, p.Risk.Line = file, doc.Pos("/risk").Line
		switch n := risk["appetite"].(type) {
		case int64:
			p.Risk.Appetite = int(n)
		case float64: // 6.0 is a whole number to the schema
			p.Risk.Appetite = int(n)
		}
		p.Risk.Method, _ = risk["method"].(string)
	}
	types := sourceTypes()
	for i, raw := range top["sources"].([]any) {
		pointer := fmt.Sprintf("/sources/%d", i)
		entry := raw.(map[string]any)
		t, err := typeOf(entry, types)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		if err := doc.Validate(sch.sources[t.key], pointer, fmt.Sprintf("sources[%d] (%s)", i, t.key)); err != nil {
			return nil, err
		}
		path := resolve(dir, entry[t.key].(string))
		prov, err := t.build(path, entry)
		if err != nil {
			return nil, fmt.Errorf("%s: sources[%d]: %w", doc.Where(pointer), i, err)
		}
		p.Sources = append(p.Sources, providers.Source{Path: path, Provider: prov})
	}
	return p, nil
}

// typeOf finds which source type an entry is by the one known key it has.
func typeOf(entry map[string]any, types []sourceType) (sourceType, error) {
	var found []sourceType
	for _, t := range types {
		if _, ok := entry[t.key]; ok {
			found = append(found, t)
		}
	}
	keys := make([]string, len(types))
	for i, t := range types {
		keys[i] = t.key
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := "no source type: expected one of " + strings.Join(keys, ", ")
		for _, k := range slices.Sorted(maps.Keys(entry)) {
			for _, known := range keys {
				if levenshtein.ComputeDistance(k, known) <= 2 {
					return sourceType{}, fmt.Errorf("%s (did you mean %q instead of %q?)", msg, known, k)
				}
			}
		}
		return sourceType{}, errors.New(msg)
	}
	return sourceType{}, fmt.Errorf("one entry names two source types (%s and %s); give each its own entry", found[0].key, found[1].key)
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// ParseTime reads an RFC 3339 time or a plain date (midnight UTC).
func ParseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (2026-01-31T12:00:00Z) or a date (2026-01-31)", s)
}

// Resolve turns a path given alone on the command line into a project: a
// project file, a directory holding one, a Terraform plan, or an evidence
// directory or record file.
func Resolve(path string) (*Project, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	if st.IsDir() {
		for _, name := range FileNames() {
			f := filepath.Join(path, name)
			if _, err := os.Stat(f); err == nil {
				return Load(f)
			}
		}
		if isEvidenceDir(path) {
			return single(path, evidence.Provider{}), nil
		}
		return nil, fmt.Errorf("%s: cannot tell what this directory holds: it has no %s and no evidence records; name its contents with a flag (--plan, --evidence)", path, FileNames()[0])
	}
	if slices.Contains(FileNames(), filepath.Base(path)) {
		return Load(path)
	}
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.Contains(head, []byte(`"format_version"`)):
		return single(path, tfplan.Provider{}), nil
	case isEvidenceHead(head):
		return single(path, evidence.Provider{}), nil
	}
	return nil, fmt.Errorf("%s: cannot tell what this file is (not a Terraform plan JSON, not an evidence record, not an annexa.yaml); name it with a flag (--plan, --evidence)", path)
}

func single(path string, p providers.Provider) *Project {
	return &Project{Sources: []providers.Source{{Path: path, Provider: p}}}
}

// headBytes is how much of a file detection reads: Terraform writes
// format_version first, and a record's kind is near its top.
const headBytes = 4096

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	buf := make([]byte, headBytes)
	n, err := f.Read(buf)
	if n == 0 && err != nil {
		return nil, fmt.Errorf("read %s: file is empty", path)
	}
	return buf[:n], nil
}

// kindPattern finds "kind: policy" and "\"kind\": \"policy\"" in YAML and JSON.
var kindPattern = regexp.MustCompile(`["']?\bkind["']?\s*:\s*["']?([a-z][a-z0-9_]*)`)

// isEvidenceHead reports whether the start of a file declares an evidence
// record kind.
func isEvidenceHead(head []byte) bool {
	kinds, err := evidence.Kinds()
	if err != nil {
		return false
	}
	for _, m := range kindPattern.FindAllSubmatch(head, -1) {
		if slices.Contains(kinds, string(m[1])) {
			return true
		}
	}
	return false
}

func isEvidenceDir(dir string) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == evidence.ArtifactsDir) {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
			if head, err := readHead(p); err == nil && isEvidenceHead(head) {
				found = true
			}
		}
		return nil
	})
	return found
}
