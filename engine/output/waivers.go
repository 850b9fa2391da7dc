package output

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// waiverField is one field of a finding's waiver, as the reports show it.
type waiverField struct {
	Name  string
	Value string
}

// waiverFieldRank orders the usual fields of a waiver as the reports list
// them; other fields (-1) follow in name order.
func waiverFieldRank(name string) int {
	return slices.Index([]string{"reason", "approved_by", "expires", "risk", "id", "policy", "control", "resource", "file", "line"}, name)
}

// waiverOf returns the waiver a finding carries, if it is waived.
//
// The human reports (markdown, html) and OSCAL read waivers through the
// finding's JSON form rather than through named Go fields: a finding is
// waived when its JSON has "waived": true (or a non-empty "waived" value)
// or a non-null "waiver" object, and the waiver's fields are that
// object's members. So the reports follow whatever the waiver model
// records without depending on its types.
func waiverOf(f engine.Finding) (fields []waiverField, waived bool) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, false
	}
	return waiverFromJSON(b)
}

// waiverLookup finds the waiver of a finding; nil is waiverOf. Tests give
// the writers their own.
type waiverLookup func(engine.Finding) ([]waiverField, bool)

func (l waiverLookup) of(f engine.Finding) ([]waiverField, bool) {
	if l == nil {
		return waiverOf(f)
	}
	return l(f)
}

// waiverFromJSON reads the waiver of a finding from the finding's JSON.
func waiverFromJSON(b []byte) (fields []waiverField, waived bool) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, false
	}
	if raw, ok := doc["waived"]; ok {
		var v any
		if json.Unmarshal(raw, &v) == nil {
			switch v := v.(type) {
			case bool:
				waived = v
			case string:
				waived = v != ""
			case nil:
			default:
				waived = true
			}
		}
	}
	raw, ok := doc["waiver"]
	if !ok || string(raw) == "null" {
		if waived {
			return []waiverField{}, true
		}
		return nil, false
	}
	var record map[string]any
	if err := json.Unmarshal(raw, &record); err != nil {
		var s string
		if json.Unmarshal(raw, &s) == nil && s != "" {
			return []waiverField{{Name: "waiver", Value: s}}, true
		}
		return nil, waived
	}
	names := make([]string, 0, len(record))
	for k := range record {
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := waiverFieldRank(a), waiverFieldRank(b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, k := range names {
		if v := waiverValue(record[k]); v != "" {
			fields = append(fields, waiverField{Name: k, Value: v})
		}
	}
	return fields, true
}

// waiverValue renders one member of a waiver record as text.
func waiverValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool, float64:
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if s := waiverValue(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// waiverText is a waiver on one line: "reason (approved_by: …, expires: …)".
func waiverText(fields []waiverField) string {
	if len(fields) == 0 {
		return "waived"
	}
	var parts []string
	for _, f := range fields {
		parts = append(parts, f.Name+": "+f.Value)
	}
	return strings.Join(parts, "; ")
}

// statusLabel is a control or clause status as people read it: words
// rather than a token ("not_assessed" is "not assessed"). Statuses the
// reports do not know are shown the same way.
func statusLabel(s string) string { return strings.ReplaceAll(s, "_", " ") }

// location is a finding's place: file:line, the file alone, or "".
func location(f engine.Finding) string {
	if f.Source == nil || f.Source.File == "" {
		return ""
	}
	if f.Source.Line > 0 {
		return fmt.Sprintf("%s:%d", f.Source.File, f.Source.Line)
	}
	return f.Source.File
}
