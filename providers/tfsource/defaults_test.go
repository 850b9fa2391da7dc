package tfsource

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestDefaultsTable(t *testing.T) {
	if len(builtinDefaults) == 0 {
		t.Fatal("the embedded defaults table is empty")
	}
	for typ, ds := range builtinDefaults {
		for _, d := range ds {
			if !strings.HasPrefix(typ, "aws_") && !strings.HasPrefix(typ, "azurerm_") && !strings.HasPrefix(typ, "google_") {
				t.Errorf("%s.%s: not an AWS, Azure or Google resource", typ, d.Attribute)
			}
		}
	}
	for _, bad := range []string{
		`{"defaults": [{"provider": "p", "resource": "r", "attribute": "a", "source": "s", "says": "x"}]}`,
		`{"defaults": [{"provider": "p", "resource": "r", "attribute": "a", "default": 1, "computed": true, "source": "s", "says": "x"}]}`,
		`{"defaults": [{"provider": "p", "resource": "r", "attribute": "a", "default": 1, "says": "x"}]}`,
		`{"defaults": [{"provider": "p", "resource": "r", "attribute": "a", "default": 1, "source": "s", "says": "x"},
		               {"provider": "p", "resource": "r", "attribute": "a", "computed": true, "source": "s", "says": "x"}]}`,
	} {
		if _, err := loadDefaults([]byte(bad)); err == nil {
			t.Errorf("loadDefaults accepted %s", bad)
		}
	}
}

func TestFillDefaults(t *testing.T) {
	tbl, err := loadDefaults([]byte(`{"defaults": [
		{"provider": "p", "resource": "r", "attribute": "flag", "default": false, "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "days", "default": 1, "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "blocks", "default": [], "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "mode", "computed": true, "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "cert.version", "default": "TLSv1", "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "cert.key", "computed": true, "source": "s", "says": "x"}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string]any{"name": "x", "flag": nil}
	unknown := tbl.fill("r", attrs, []string{"id"})
	if want := []string{"id", "mode"}; !slices.Equal(unknown, want) {
		t.Errorf("unknown = %v, want %v", unknown, want)
	}
	got, _ := json.Marshal(attrs)
	if string(got) != `{"blocks":[],"days":1,"flag":false,"name":"x"}` {
		t.Errorf("attributes = %s", got)
	}

	// What the author wrote is never replaced, and a value unknown from
	// the configuration stays unknown; null is the same as left out.
	attrs = map[string]any{"flag": true, "mode": "m"}
	unknown = tbl.fill("r", attrs, []string{"days"})
	if want := []string{"days"}; !slices.Equal(unknown, want) {
		t.Errorf("unknown = %v, want %v", unknown, want)
	}
	got, _ = json.Marshal(attrs)
	if string(got) != `{"blocks":[],"flag":true,"mode":"m"}` {
		t.Errorf("attributes = %s", got)
	}
}

func TestFillNestedDefaults(t *testing.T) {
	tbl, err := loadDefaults([]byte(`{"defaults": [
		{"provider": "p", "resource": "r", "attribute": "cert.version", "default": "TLSv1", "source": "s", "says": "x"},
		{"provider": "p", "resource": "r", "attribute": "cert.key", "computed": true, "source": "s", "says": "x"}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string]any{"cert": []any{map[string]any{"version": "TLSv1.2_2021"}, map[string]any{}}}
	unknown := tbl.fill("r", attrs, nil)
	if want := []string{"cert.0.key", "cert.1.key"}; !slices.Equal(unknown, want) {
		t.Errorf("unknown = %v, want %v", unknown, want)
	}
	got, _ := json.Marshal(attrs)
	if string(got) != `{"cert":[{"version":"TLSv1.2_2021"},{"version":"TLSv1"}]}` {
		t.Errorf("attributes = %s", got)
	}
	// No block written: nothing to fill inside it.
	attrs = map[string]any{}
	if unknown := tbl.fill("r", attrs, nil); len(unknown) != 0 || len(attrs) != 0 {
		t.Errorf("fill without the block: unknown %v, attributes %v", unknown, attrs)
	}
}
