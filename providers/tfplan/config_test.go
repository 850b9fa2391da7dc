package tfplan

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

// TestPlanConfigMatchesTerraformJSON decodes the configuration of every
// plan under testdata, and some edge cases, with planConfig and with
// terraform-json's Config, and checks that they read the same resources,
// expressions, module calls and sensitive variables.
func TestPlanConfigMatchesTerraformJSON(t *testing.T) {
	docs := map[string]string{
		"nested blocks and references": `{"root_module":{"resources":[{"address":"aws_instance.a","mode":"managed","type":"aws_instance","name":"a","provider_config_key":"aws","expressions":{
			"ami":{"constant_value":"ami-1"},
			"subnet_id":{"references":["aws_subnet.b.id","aws_subnet.b"]},
			"both":{"constant_value":"x","references":["var.y"]},
			"null":{"constant_value":null},
			"empty":{},
			"ebs_block_device":[{"encrypted":{"constant_value":true}},{}],
			"deep":[{"inner":[{"k":{"constant_value":1.5}}]}],
			"nil":null},
			"schema_version":1,"count_expression":{"constant_value":2}}],
			"variables":{"pw":{"sensitive":true},"name":{"default":"x"}},
			"module_calls":{"net":{"source":"./net","module":{"resources":[{"mode":"data","type":"aws_vpc","name":"v","expressions":{"id":{"constant_value":"vpc-1"}}}]}}}}}`,
		"no root module": `{}`,
	}
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc struct {
			Config json.RawMessage `json:"configuration"`
		}
		if json.Unmarshal(b, &doc) == nil && len(doc.Config) > 0 && string(doc.Config) != "null" {
			docs[path] = string(doc.Config)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 10 {
		t.Fatalf("found only %d configurations under testdata", len(docs))
	}
	for name, doc := range docs {
		var want tfjson.Config
		if err := json.Unmarshal([]byte(doc), &want); err != nil {
			continue // not a configuration terraform-json reads
		}
		var got planConfig
		if err := json.Unmarshal([]byte(doc), &got); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if w := fromTerraformJSON(want.RootModule); !reflect.DeepEqual(got.RootModule, w) {
			gj, _ := json.Marshal(dump(got.RootModule))
			wj, _ := json.Marshal(dump(w))
			t.Errorf("%s: configuration decoded as\n%s\nwant\n%s", name, gj, wj)
		}
	}
}

// TestExpressionRejectsScalars checks that an expression that is neither
// an object nor a list of blocks is an error, as in terraform-json.
func TestExpressionRejectsScalars(t *testing.T) {
	for _, doc := range []string{`"x"`, `1`, `true`, `[1]`} {
		var e expression
		if err := json.Unmarshal([]byte(doc), &e); err == nil {
			t.Errorf("expression %s decoded without an error", doc)
		}
	}
}

func fromTerraformJSON(m *tfjson.ConfigModule) *configModule {
	if m == nil {
		return nil
	}
	out := &configModule{}
	for _, r := range m.Resources {
		if r == nil {
			out.Resources = append(out.Resources, nil)
			continue
		}
		out.Resources = append(out.Resources, &configResource{Mode: string(r.Mode), Type: r.Type, Name: r.Name, Expressions: fromExpressions(r.Expressions)})
	}
	if m.ModuleCalls != nil {
		out.ModuleCalls = map[string]*moduleCall{}
		for k, c := range m.ModuleCalls {
			if c == nil {
				out.ModuleCalls[k] = nil
				continue
			}
			out.ModuleCalls[k] = &moduleCall{Module: fromTerraformJSON(c.Module)}
		}
	}
	if m.Variables != nil {
		out.Variables = map[string]*configVariable{}
		for k, v := range m.Variables {
			if v == nil {
				out.Variables[k] = nil
				continue
			}
			out.Variables[k] = &configVariable{Sensitive: v.Sensitive}
		}
	}
	return out
}

func fromExpressions(exprs map[string]*tfjson.Expression) map[string]*expression {
	if exprs == nil {
		return nil
	}
	out := make(map[string]*expression, len(exprs))
	for k, e := range exprs {
		if e == nil || e.ExpressionData == nil {
			out[k] = nil
			continue
		}
		x := &expression{references: e.References}
		if e.ConstantValue != nil && e.ConstantValue != tfjson.UnknownConstantValue {
			x.constant, x.hasConstant = e.ConstantValue, true
		}
		for _, b := range e.NestedBlocks {
			x.blocks = append(x.blocks, fromExpressions(b))
		}
		out[k] = x
	}
	return out
}

// dump shows a decoded module in test failures, expressions included.
func dump(m *configModule) any {
	if m == nil {
		return nil
	}
	var res []any
	for _, r := range m.Resources {
		if r == nil {
			res = append(res, nil)
			continue
		}
		res = append(res, map[string]any{"mode": r.Mode, "type": r.Type, "name": r.Name, "expressions": dumpExprs(r.Expressions)})
	}
	calls := map[string]any{}
	for k, c := range m.ModuleCalls {
		if c != nil {
			calls[k] = dump(c.Module)
		}
	}
	return map[string]any{"resources": res, "module_calls": calls, "variables": m.Variables}
}

func dumpExprs(exprs map[string]*expression) map[string]any {
	out := map[string]any{}
	for k, e := range exprs {
		if e == nil {
			out[k] = nil
			continue
		}
		var blocks []any
		for _, b := range e.blocks {
			blocks = append(blocks, dumpExprs(b))
		}
		out[k] = map[string]any{"constant": e.constant, "has": e.hasConstant, "refs": e.references, "blocks": blocks}
	}
	return out
}

// TestSplitArrayMatchesUnmarshal checks the split of the resource changes
// against json.Unmarshal into raw messages.
func TestSplitArrayMatchesUnmarshal(t *testing.T) {
	for _, doc := range []string{
		`[]`, ` [ ] `, `[1]`, `[ {"a":"]"} , {"b":["x,y", {"c":"\"],"}]} ,null,"s\\",[] ,[[]]]`,
		"[\n  {\"address\": \"a\"},\n  {\"address\": \"b\\\\\"}\n]",
		`[{"k":"é ü \u00e9"}, true, false, -1.5e3]`,
	} {
		var want []json.RawMessage
		if err := json.Unmarshal([]byte(doc), &want); err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		got := splitArray([]byte(doc))
		if len(got) != len(want) {
			t.Errorf("splitArray(%s) = %d elements %q, want %d %q", doc, len(got), got, len(want), want)
			continue
		}
		for i := range want {
			if string(got[i]) != string(want[i]) {
				t.Errorf("splitArray(%s)[%d] = %s, want %s", doc, i, got[i], want[i])
			}
		}
	}
}

// TestResourceChangeMatchesTerraformJSON decodes every resource change of
// the plans under testdata with resourceChange and with terraform-json's
// ResourceChange and checks that they read the same.
func TestResourceChangeMatchesTerraformJSON(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc struct {
			Changes []json.RawMessage `json:"resource_changes"`
		}
		if json.Unmarshal(b, &doc) != nil {
			return nil
		}
		for i, raw := range doc.Changes {
			var want tfjson.ResourceChange
			if decodeNumbers(raw, &want) != nil {
				continue
			}
			var got resourceChange
			if err := decodeNumbers(raw, &got); err != nil {
				t.Errorf("%s: change %d: %v", path, i, err)
				continue
			}
			n++
			same := got.Address == want.Address && got.ModuleAddress == want.ModuleAddress &&
				got.Mode == string(want.Mode) && got.Type == want.Type && got.Name == want.Name &&
				reflect.DeepEqual(got.Index, want.Index) && got.ProviderName == want.ProviderName &&
				got.DeposedKey == want.DeposedKey && (got.Change == nil) == (want.Change == nil)
			if same && got.Change != nil {
				var before any
				if err := decodeNumbers(got.Change.Before, &before); err != nil {
					t.Errorf("%s: change %d: before: %v", path, i, err)
				}
				actions := make([]string, len(want.Change.Actions))
				for j, a := range want.Change.Actions {
					actions[j] = string(a)
				}
				same = len(actions) == len(got.Change.Actions) && (len(actions) == 0 || reflect.DeepEqual(actions, got.Change.Actions)) &&
					reflect.DeepEqual(before, want.Change.Before) &&
					reflect.DeepEqual(got.Change.After, want.Change.After) &&
					reflect.DeepEqual(got.Change.AfterUnknown, want.Change.AfterUnknown) &&
					reflect.DeepEqual(got.Change.BeforeSensitive, want.Change.BeforeSensitive) &&
					reflect.DeepEqual(got.Change.AfterSensitive, want.Change.AfterSensitive)
			}
			if !same {
				t.Errorf("%s: change %d decoded differently from terraform-json", path, i)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("compared only %d resource changes", n)
	}
}
