package kubernetes

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
)

// fixtures returns every manifest under testdata/k8s.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("../../testdata/k8s", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !IsManifestName(p) {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("only %d manifest fixtures found", len(out))
	}
	return out
}

// edgeCases derives hostile variants of a manifest: CRLF line ends, a
// byte order mark, truncation, a very long value, deep nesting.
func edgeCases(name string, data []byte) map[string][]byte {
	return map[string][]byte{
		name + " (CRLF)":      bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")),
		name + " (BOM)":       append([]byte("\ufeff"), data...),
		name + " (truncated)": data[:len(data)/2],
		name + " (NUL)":       append(append([]byte{}, data...), 0),
	}
}

func generated() map[string][]byte {
	long := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  blob: " + strings.Repeat("x", 4<<20) + "\n"
	return map[string][]byte{
		"empty":              nil,
		"blank":              []byte(" \n\t\n"),
		"only a comment":     []byte("# nothing\n"),
		"separators":         []byte("---\n---\n...\n"),
		"long line":          []byte(long),
		"deep flow":          []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"),
		"deep block":         []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + deepBlock(400)),
		"json deep":          []byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":` + strings.Repeat(`{"a":`, 3000) + "1" + strings.Repeat("}", 3000) + "}"),
		"list of nulls":      []byte(`{"apiVersion":"v1","kind":"List","items":[null, null]}`),
		"list items null":    []byte(`{"apiVersion":"v1","kind":"List","items":null}`),
		"kind not string":    []byte("apiVersion: v1\nkind: [Pod]\nmetadata: {name: p}\n"),
		"name not string":    []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: 7}\n"),
		"containers scalar":  []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: 3, initContainers: [1, null, {env: 5}], ephemeralContainers: [{env: [1, {name: 2, value: 3}], args: 4}]}\n"),
		"secret data scalar": []byte("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: 5\nstringData: [a]\n"),
		"utf16":              {0xFF, 0xFE, 'a', 0},
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", 2*(i+1)) + "k:\n")
	}
	return b.String()
}

// TestNoPanics reads every fixture and many hostile variants: each gives
// facts that validate and serialize, or an error naming the file.
func TestNoPanics(t *testing.T) {
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	inputs := generated()
	for name, data := range fixtures(t) {
		inputs[name] = data
		for n, d := range edgeCases(name, data) {
			inputs[n] = d
		}
	}
	for name, data := range inputs {
		for _, named := range []bool{true, false} {
			c := newCollector(Provider{})
			err := c.read("in.yaml", data, named)
			if err != nil {
				if !strings.Contains(err.Error(), "in.yaml") {
					t.Errorf("%s: error does not name the file: %v", name, err)
				}
				continue
			}
			for _, f := range c.facts {
				if err := v.Validate(f.Document()); err != nil {
					t.Errorf("%s: invalid fact: %v", name, err)
				}
				if _, err := json.Marshal(f.Document()); err != nil {
					t.Errorf("%s: fact does not serialize: %v", name, err)
				}
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, data := range fixtures(f) {
		f.Add(data)
	}
	f.Add([]byte(`{"apiVersion":"v1","kind":"List","items":[{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a"}}]}`))
	f.Add([]byte("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{env: [{name: API_TOKEN, value: x}], args: [--password, y]}]}}}}}\n"))
	v, err := facts.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newCollector(Provider{})
		if err := c.read("fuzz.yaml", data, true); err != nil {
			return
		}
		for _, fact := range c.facts {
			if err := v.Validate(fact.Document()); err != nil {
				t.Errorf("invalid fact from accepted input: %v", err)
			}
		}
	})
}
