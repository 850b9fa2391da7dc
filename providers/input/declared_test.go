package input

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// item is the entry type of the test format: a name and its controls.
type item struct {
	Name     string
	Controls []string
	Line     int
}

func testDeclared() Declared[item] {
	return Declared[item]{
		What:      "item list",
		MaxBytes:  1 << 10,
		SchemaURL: "https://annexa.dev/schemas/test-items.json",
		Schema: []byte(`{"type": "object", "required": ["items"], "additionalProperties": false, "properties": {
			"items": {"type": "array", "items": {"type": "object", "required": ["name"], "additionalProperties": false, "properties": {
				"name": {"type": "string"}, "controls": {"type": "array", "items": {"type": "string"}}}}}}}`),
		ControlIDs: []string{"/items/*/controls/*"},
		Required:   []string{"name"},
		Allowed:    []string{"name", "controls"},
		FromYAML: func(doc *Document) ([]item, error) {
			var out []item
			for i, v := range doc.Value.(map[string]any)["items"].([]any) {
				m := v.(map[string]any)
				it := item{Name: m["name"].(string), Line: doc.Pos(fmt.Sprintf("/items/%d", i)).Line}
				ctls, _ := m["controls"].([]any)
				for _, c := range ctls {
					it.Controls = append(it.Controls, c.(string))
				}
				out = append(out, it)
			}
			return out, nil
		},
		FromCSV: func(t *Table) ([]item, error) {
			var out []item
			for _, row := range t.Rows {
				it := item{Name: row.Get("name"), Line: row.Line}
				if c := row.Get("controls"); c != "" {
					it.Controls = strings.Fields(c)
				}
				out = append(out, it)
			}
			return out, nil
		},
		Name: func(it *item) (string, int) { return "item " + it.Name, it.Line },
		Check: func(it *item, cat *catalog.Catalog) error {
			for _, c := range it.Controls {
				if err := cat.CheckID(c); err != nil {
					return fmt.Errorf("item %s: %w", it.Name, err)
				}
			}
			return nil
		},
	}
}

func TestDeclaredRead(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                string // entries as name@line, or the error's start
	}{
		{"yaml", "items.yaml", "items:\n  - name: a\n    controls: [\"8.24\"]\n  - {name: b}\n", "a@2 b@4"},
		{"json", "items.json", `{"items": [{"name": "a"}]}`, "a@1"},
		{"csv", "items.CSV", "name,controls\na,8.24 5.10\nb,\n", "a@2 b@3"},
		{"two documents", "items.yaml", "items: []\n---\nitems: []\n", "items.yaml: an item list holds one YAML document, found 2"},
		{"unquoted control", "items.yaml", "items:\n  - name: a\n    controls: [\"8.24\", 5.10]\n", `items.yaml:3:24: control 5.1 is a number; write control ids in quotes ("5.10")`},
		{"schema", "items.yaml", "items:\n  - name: a\n    owner: b\n", `items.yaml:3:5: item list: field /items/0/owner: unknown field "owner"`},
		{"duplicate", "items.yaml", "items:\n  - name: a\n  - name: a\n", "items.yaml:3: item a is listed twice (first on line 2)"},
		{"check", "items.csv", "name,controls\na,8.24\nb,8.99\n", `items.csv:3: item b: "8.99" is not an ISO/IEC 27002:2022 control (5.1-5.37`},
		{"csv column", "items.csv", "name,owner\na,b\n", `items.csv:1: unknown column "owner" (expected name, controls)`},
		{"csv required column", "items.csv", "controls\n8.24\n", `items.csv:1: the header has no "name" column`},
		{"too large", "items.yaml", "items: []\n" + strings.Repeat("#\n", 1<<10), "read "},
		{"empty", "items.yaml", "", "items.yaml: file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			items, err := testDeclared().Read(path)
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), path, tt.file)
			} else {
				var parts []string
				for _, it := range items {
					parts = append(parts, fmt.Sprintf("%s@%d", it.Name, it.Line))
				}
				got = strings.Join(parts, " ")
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q…", got, tt.want)
			}
		})
	}
}

func TestDeclaredReadMissingFile(t *testing.T) {
	_, err := testDeclared().Read(filepath.Join(t.TempDir(), "none.yaml"))
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "none.yaml") {
		t.Errorf("err = %v, want one naming the file and wrapping ErrNotExist", err)
	}
}

func TestWithArticle(t *testing.T) {
	for in, want := range map[string]string{"risk register": "a risk register", "applicability file": "an applicability file", "": "a "} {
		if got := withArticle(in); got != want {
			t.Errorf("withArticle(%q) = %q, want %q", in, got, want)
		}
	}
}
