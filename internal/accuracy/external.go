package accuracy

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Map is a map of external check ids to the annexa policies that check the
// same thing, read from a map file:
//
//	# external check id: [annexa policy id, ...]
//	5a2486aa-facf-477d-a5c1-b010789459ce: [c8_20.aws_security_group]
//	"CKV_AWS_19": [c8_24.aws_s3_encryption]
//	CKV_AWS_999: []        # no annexa equivalent: listed, not measured
//
// It is one YAML mapping (JSON is YAML too); a value is a list of policy
// ids or a single id. Lines tells where each check is, for errors.
type Map struct {
	File     string
	Policies map[string][]string
	Lines    map[string]int
}

// ReadMap reads a map file.
func ReadMap(file string) (*Map, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	m := &Map{File: file, Policies: map[string][]string{}, Lines: map[string]int{}}
	if len(doc.Content) == 0 {
		return m, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a map file is a mapping of external check ids to lists of annexa policy ids", file, top.Line)
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if _, dup := m.Policies[k.Value]; dup {
			return nil, fmt.Errorf("%s:%d: check %s is mapped twice", file, k.Line, k.Value)
		}
		var ids []string
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Value != "" {
				ids = []string{v.Value}
			}
		case yaml.SequenceNode:
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode || item.Value == "" {
					return nil, fmt.Errorf("%s:%d: check %s: expected annexa policy ids (c8_20.aws_security_group)", file, item.Line, k.Value)
				}
				ids = append(ids, item.Value)
			}
		default:
			return nil, fmt.Errorf("%s:%d: check %s: expected a list of annexa policy ids", file, v.Line, k.Value)
		}
		m.Policies[k.Value] = ids
		m.Lines[k.Value] = k.Line
	}
	return m, nil
}

// Check reports the map's policy ids that name no policy of known.
func (m *Map) Check(known map[string]bool) error {
	var errs []error
	for _, check := range slices.Sorted(maps.Keys(m.Policies)) {
		for _, p := range m.Policies[check] {
			if !known[p] {
				errs = append(errs, fmt.Errorf("%s:%d: check %s: no annexa policy %s", m.File, m.Lines[check], check, p))
			}
		}
	}
	return errors.Join(errs...)
}

// External is the labelled fixtures of an external directory, as cases.
type External struct {
	Cases []Case
	// Unmapped are the check directories the map does not name;
	// NoEquivalent those it maps to no policy. Neither is measured.
	Unmapped, NoEquivalent []string
}

// DiscoverExternal lists the fixtures under dir, one directory per
// external check id:
//
//	DIR/<check id>/positive/<case>   and   DIR/<check id>/negative/<case>
//	DIR/<check id>/positive*.<ext>   and   DIR/<check id>/negative*.<ext>
//
// A case is a file or a directory of .tf files, as in the corpus
// (Discover); positive fixtures are bad cases, negative ones good cases.
// Files whose name has "expected_result" in it (a scanner's expected
// output) are not cases.
func DiscoverExternal(dir string, m *Map) (*External, error) {
	checks, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ext := &External{}
	for _, ch := range checks {
		if !ch.IsDir() {
			continue
		}
		id := ch.Name()
		policies, mapped := m.Policies[id]
		switch {
		case !mapped:
			ext.Unmapped = append(ext.Unmapped, id)
			continue
		case len(policies) == 0:
			ext.NoEquivalent = append(ext.NoEquivalent, id)
			continue
		}
		add := func(path string, isDir bool, label Label) {
			if strings.Contains(filepath.Base(path), "expected_result") {
				return
			}
			c, ok := newCase(path, isDir)
			if !ok {
				return
			}
			rel, _ := filepath.Rel(dir, path)
			c.Policies, c.Group, c.Label, c.Name = policies, id, label, filepath.ToSlash(rel)
			ext.Cases = append(ext.Cases, c)
		}
		entries, err := os.ReadDir(filepath.Join(dir, id))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			path := filepath.Join(dir, id, e.Name())
			label := Label("")
			switch name := strings.ToLower(e.Name()); {
			case strings.HasPrefix(name, "positive"):
				label = Bad
			case strings.HasPrefix(name, "negative"):
				label = Good
			default:
				continue
			}
			if e.IsDir() && (strings.EqualFold(e.Name(), "positive") || strings.EqualFold(e.Name(), "negative")) {
				inner, err := os.ReadDir(path)
				if err != nil {
					return nil, err
				}
				for _, f := range inner {
					add(filepath.Join(path, f.Name()), f.IsDir(), label)
				}
				continue
			}
			add(path, e.IsDir(), label)
		}
	}
	slices.SortFunc(ext.Cases, func(a, b Case) int { return strings.Compare(a.Name, b.Name) })
	return ext, nil
}
