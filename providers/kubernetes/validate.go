package kubernetes

import (
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/input"
)

// valueType is the JSON type the Kubernetes API gives a field.
type valueType int

const (
	mapping valueType = iota
	list
	boolean
	integer
)

func (t valueType) String() string {
	switch t {
	case mapping:
		return "a mapping"
	case list:
		return "a list"
	case boolean:
		return "a boolean"
	}
	return "an integer"
}

func (t valueType) matches(v any) bool {
	switch t {
	case mapping:
		_, ok := v.(map[string]any)
		return ok
	case list:
		_, ok := v.([]any)
		return ok
	case boolean:
		_, ok := v.(bool)
		return ok
	}
	switch n := v.(type) {
	case int64:
		return true
	case float64:
		return n == math.Trunc(n) && !math.IsInf(n, 0)
	}
	return false
}

// The pod spec fields the policies judge, with the type the Kubernetes API
// gives them. A value of another type is rejected by the API server
// (kubectl apply fails); null is accepted there as absent, and so here.
func podSpecFields() map[string]valueType {
	return map[string]valueType{
		"initContainers": list, "ephemeralContainers": list, "volumes": list,
		"securityContext": mapping, "hostNetwork": boolean, "hostPID": boolean,
		"hostIPC": boolean, "automountServiceAccountToken": boolean,
	}
}

func podSecurityFields() map[string]valueType {
	return map[string]valueType{
		"runAsNonRoot": boolean, "runAsUser": integer, "runAsGroup": integer,
		"fsGroup": integer, "seccompProfile": mapping,
	}
}

func containerFields() map[string]valueType {
	return map[string]valueType{
		"securityContext": mapping, "resources": mapping, "env": list,
		"envFrom": list, "ports": list, "volumeMounts": list, "command": list, "args": list,
	}
}

func containerSecurityFields() map[string]valueType {
	return map[string]valueType{
		"capabilities": mapping, "privileged": boolean, "allowPrivilegeEscalation": boolean,
		"readOnlyRootFilesystem": boolean, "runAsNonRoot": boolean, "runAsUser": integer,
		"runAsGroup": integer, "seccompProfile": mapping,
	}
}

func capabilitiesFields() map[string]valueType {
	return map[string]valueType{"add": list, "drop": list}
}

func resourcesFields() map[string]valueType {
	return map[string]valueType{"limits": mapping, "requests": mapping}
}

// field is a place in an object: its JSON pointer (for the line) and its
// dotted path (for the message), both relative to the object.
type field struct {
	pointer, path string
}

func (f field) key(k string) field {
	p := k
	if f.path != "" {
		p = f.path + "." + k
	}
	return field{pointer: f.pointer + "/" + k, path: p}
}

func (f field) index(i int) field {
	return field{pointer: f.pointer + "/" + strconv.Itoa(i), path: fmt.Sprintf("%s[%d]", f.path, i)}
}

// workloadCheck checks one built-in workload object against the parts of
// the Kubernetes API schema that policies judge.
type workloadCheck struct {
	doc *input.Document
	// pointer is the object's JSON pointer in doc ("" or "/items/N").
	pointer string
	// id names the object in messages: Deployment/payments/api.
	id string
	// warnings collects what is read but likely a mistake.
	warnings *diag.Diagnostics
}

func (w workloadCheck) errorf(at field, format string, args ...any) error {
	return fmt.Errorf("%s: %s: %s: %s", w.doc.Where(w.pointer+at.pointer), w.id, at.path, fmt.Sprintf(format, args...))
}

// checkWorkload returns an error naming the file, line and field when the
// pod spec of a built-in workload kind (at specPath in obj) is missing, is
// not a mapping, has no containers, or has a field the policies judge
// with a value of the wrong type: input the API server rejects, on which
// the policies could judge nothing. A null is read as absent, as the API
// server reads it. A boolean field holding a YAML 1.1 word (yes, no, on,
// off, y, n) in a YAML file is set to the boolean kubectl reads it as, with
// a warning appended to warnings. Kinds that run no pods pass.
func checkWorkload(doc *input.Document, pointer, id string, obj map[string]any, specPath []string, warnings *diag.Diagnostics) error {
	if specPath == nil {
		return nil
	}
	w := workloadCheck{doc: doc, pointer: pointer, id: id, warnings: warnings}
	var at field
	cur := obj
	for _, seg := range specPath {
		parent := at
		at = at.key(seg)
		v, present := cur[seg]
		if v == nil {
			// Point at the null, or at the mapping that lacks the field.
			where := at.pointer
			if !present {
				where = parent.pointer
			}
			return fmt.Errorf("%s: %s: %s: is missing or null; the Kubernetes API requires %s with at least one container",
				w.doc.Where(w.pointer+where), w.id, at.path, strings.Join(specPath, ".")+".containers")
		}
		m, ok := v.(map[string]any)
		if !ok {
			return w.errorf(at, "expected a mapping, found %s", input.Describe(v))
		}
		cur = m
	}
	return w.podSpec(at, cur)
}

func (w workloadCheck) podSpec(at field, spec map[string]any) error {
	if err := w.fields(at, spec, podSpecFields()); err != nil {
		return err
	}
	if sc, ok := spec["securityContext"].(map[string]any); ok {
		if err := w.fields(at.key("securityContext"), sc, podSecurityFields()); err != nil {
			return err
		}
	}
	containers := at.key("containers")
	switch v := spec["containers"].(type) {
	case nil:
		return w.errorf(containers, "is missing or null; the Kubernetes API requires at least one container")
	case []any:
		if len(v) == 0 {
			return w.errorf(containers, "is empty; the Kubernetes API requires at least one container")
		}
	default:
		return w.errorf(containers, "expected a list of containers, found %s", input.Describe(v))
	}
	for _, name := range ContainerLists() {
		cs, _ := spec[name].([]any)
		for i, c := range cs {
			if err := w.container(at.key(name).index(i), c); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w workloadCheck) container(at field, v any) error {
	c, ok := v.(map[string]any)
	if !ok {
		return w.errorf(at, "expected a container (a mapping with name and image), found %s", input.Describe(v))
	}
	if err := w.fields(at, c, containerFields()); err != nil {
		return err
	}
	if sc, ok := c["securityContext"].(map[string]any); ok {
		scAt := at.key("securityContext")
		if err := w.fields(scAt, sc, containerSecurityFields()); err != nil {
			return err
		}
		if caps, ok := sc["capabilities"].(map[string]any); ok {
			if err := w.fields(scAt.key("capabilities"), caps, capabilitiesFields()); err != nil {
				return err
			}
		}
	}
	if res, ok := c["resources"].(map[string]any); ok {
		if err := w.fields(at.key("resources"), res, resourcesFields()); err != nil {
			return err
		}
	}
	return nil
}

// fields checks that each field of m named in want is null, absent or of
// its type. The names are checked in sorted order, so the error reported
// is the same on every run.
func (w workloadCheck) fields(at field, m map[string]any, want map[string]valueType) error {
	for _, name := range slices.Sorted(maps.Keys(want)) {
		v, present := m[name]
		if !present || v == nil {
			continue
		}
		t := want[name]
		if t.matches(v) {
			continue
		}
		if b, ok := w.yaml11Bool(v); ok && t == boolean {
			m[name] = b
			f := at.key(name)
			pos := w.doc.Pos(w.pointer + f.pointer)
			*w.warnings = append(*w.warnings, diag.Diagnostic{
				Severity: diag.Warning, Source: Name, File: w.doc.File, Line: pos.Line, Column: pos.Col,
				Summary: fmt.Sprintf("%s: %s: %q is read as %t, as kubectl's YAML parser reads it", w.id, f.path, v, b),
				Detail:  fmt.Sprintf("write %t: YAML 1.2 parsers read %q as a string", b, v),
			})
			continue
		}
		return w.errorf(at.key(name), "expected %s, found %s", t, input.Describe(v))
	}
	return nil
}

// yaml11Bool returns the boolean a YAML 1.1 parser, such as the one
// kubectl uses, reads the plain scalar v as, and whether it reads one. In
// JSON a string is a string, for kubectl too.
func (w workloadCheck) yaml11Bool(v any) (bool, bool) {
	s, ok := v.(string)
	if !ok || strings.EqualFold(filepath.Ext(w.doc.File), ".json") {
		return false, false
	}
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
		return true, true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false, true
	}
	return false, false
}
