package accuracy

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testPolicy fires on a widget whose mode is "open", an omitted mode
// included, and judges every widget.
const testPolicy = `# METADATA
# title: Widgets are closed
# custom:
#   controls: ["8.20"]
#   severity: high
#   coverage: partial
#   inputs: ["resource:test_widget"]
#   remediation: Set mode = "closed".
package annexa.controls.c8_20.test_widget

deny contains finding if {
	some r in data.facts.resources_by_type.test_widget
	object.get(r.attributes, "mode", "open") == "open"
	finding := {"msg": "widget is open", "resource": r.id}
}

judged contains r.id if {
	some r in data.facts.resources_by_type.test_widget
}
`

func widget(mode string) string {
	if mode == "" {
		return "resource \"test_widget\" \"w\" {\n  name = \"w\"\n}\n"
	}
	return "resource \"test_widget\" \"w\" {\n  name = \"w\"\n  mode = \"" + mode + "\"\n}\n"
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCorpusVerdicts(t *testing.T) {
	ctx := context.Background()
	pol := t.TempDir()
	write(t, filepath.Join(pol, "c8_20", "test_widget.rego"), testPolicy)
	checker, err := NewChecker(ctx, pol)
	if err != nil {
		t.Fatal(err)
	}
	const id = "c8_20.test_widget"
	tests := []struct {
		name    string
		label   Label
		files   map[string]string // file name -> content; several make a directory case
		verdict Verdict
	}{
		{"bad detected", Bad, map[string]string{"open.tf": widget("open")}, Pass},
		{"bad omitted detected", Bad, map[string]string{"omitted.tf": widget("")}, Pass},
		{"bad directory case", Bad, map[string]string{"main.tf": widget("open"), "other.tf": "variable \"x\" {}\n"}, Pass},
		{"bad missed", Bad, map[string]string{"closed.tf": widget("closed")}, Miss},
		{"good passes", Good, map[string]string{"closed.tf": widget("closed")}, Pass},
		{"good fires", Good, map[string]string{"open.tf": widget("open")}, FalsePositive},
		{"good vacuous", Good, map[string]string{"none.tf": "resource \"test_gadget\" \"g\" {\n  mode = \"open\"\n}\n"}, Vacuous},
		{"unreadable case", Bad, map[string]string{"broken.tf": "resource \"test_widget\" {\n"}, Error},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, id, string(tc.label))
			if len(tc.files) == 1 {
				for name, content := range tc.files {
					write(t, filepath.Join(dir, name), content)
				}
			} else {
				for name, content := range tc.files {
					write(t, filepath.Join(dir, "multi", name), content)
				}
			}
			cases, err := Discover(root)
			if err != nil || len(cases) != 1 {
				t.Fatalf("Discover: %v, %d cases", err, len(cases))
			}
			o := checker.Run(ctx, cases)[0]
			if got := o.Verdict(); got != tc.verdict {
				t.Fatalf("verdict %q, want %q (findings %v, assessed %v, err %v)", got, tc.verdict, o.Findings, o.Assessed, o.Err)
			}
		})
	}
}

func TestSummaryAndUnknownPolicy(t *testing.T) {
	ctx := context.Background()
	pol := t.TempDir()
	write(t, filepath.Join(pol, "c8_20", "test_widget.rego"), testPolicy)
	checker, err := NewChecker(ctx, pol)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	write(t, filepath.Join(root, "c8_20.test_widget", "bad", "a.tf"), widget("open"))
	write(t, filepath.Join(root, "c8_20.test_widget", "bad", "b.tf"), widget("closed"))
	write(t, filepath.Join(root, "c8_20.test_widget", "good", "c.tf"), widget("closed"))
	write(t, filepath.Join(root, "c8_20.aws_no_such_policy", "bad", "d.tf"), widget("open"))
	cases, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	sum := Summarize(checker.Run(ctx, cases))
	w := sum.ByGroup["c8_20.test_widget"]
	if w.Bad != 2 || w.Detected != 1 || w.Good != 1 || w.FalsePositives != 0 || w.Recall() != 0.5 {
		t.Errorf("tally %+v", *w)
	}
	if sum.ByCloud["aws"] == nil || sum.ByCloud["aws"].Errors != 1 || sum.ByCloud["other"].Bad != 2 {
		t.Errorf("by cloud: %+v", sum.ByCloud)
	}
	if len(sum.Failures) != 2 {
		t.Errorf("failures %d, want the miss and the unknown policy", len(sum.Failures))
	}
	var out bytes.Buffer
	if err := sum.Write(&out, "policy"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"c8_20.test_widget/bad/b.tf: miss", "no policy c8_20.aws_no_such_policy", "overall"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestDiscoverRejectsStrayFiles(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "c8_20.x", "bad", "case.txt"), "x")
	if _, err := Discover(root); err == nil || !strings.Contains(err.Error(), "not a case") {
		t.Fatalf("err = %v", err)
	}
}

func TestExternal(t *testing.T) {
	ctx := context.Background()
	pol := t.TempDir()
	write(t, filepath.Join(pol, "c8_20", "test_widget.rego"), testPolicy)
	checker, err := NewChecker(ctx, pol)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "W1", "positive1.tf"), widget("open"))
	write(t, filepath.Join(dir, "W1", "positive_expected_result.json"), "[]")
	write(t, filepath.Join(dir, "W1", "negative1.tf"), widget("closed"))
	write(t, filepath.Join(dir, "W2", "positive", "a.tf"), widget("closed"))
	write(t, filepath.Join(dir, "W3", "positive1.tf"), widget("open"))
	write(t, filepath.Join(dir, "W4", "positive1.tf"), widget("open"))
	mapFile := filepath.Join(t.TempDir(), "map.yaml")
	write(t, mapFile, "# test map\nW1: [c8_20.test_widget]\nW2: c8_20.test_widget\nW3: []\n")
	m, err := ReadMap(mapFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Check(map[string]bool{"c8_20.test_widget": true}); err != nil {
		t.Fatal(err)
	}
	if err := m.Check(map[string]bool{}); err == nil || !strings.Contains(err.Error(), "map.yaml:2") {
		t.Errorf("unknown policy: %v", err)
	}
	ext, err := DiscoverExternal(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(ext.Cases) != 3 || len(ext.NoEquivalent) != 1 || len(ext.Unmapped) != 1 {
		t.Fatalf("cases %d, no equivalent %v, unmapped %v", len(ext.Cases), ext.NoEquivalent, ext.Unmapped)
	}
	sum := Summarize(checker.Run(ctx, ext.Cases))
	if sum.Overall.Bad != 2 || sum.Overall.Detected != 1 || sum.Overall.Good != 1 || sum.Overall.GoodPassed != 1 {
		t.Errorf("overall %+v", sum.Overall)
	}
}
