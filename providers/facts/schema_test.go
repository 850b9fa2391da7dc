package facts

import (
	"errors"
	"strings"
	"testing"
)

func validResource() Fact {
	return Fact{
		Kind: KindResource, Source: Source{Provider: "terraform-plan", File: "tfplan.json"},
		ID: "aws_s3_bucket.b[0]", BaseAddress: "aws_s3_bucket.b", Mode: ModeManaged, Type: "aws_s3_bucket", Name: "b",
		Index: 0, Actions: []string{"create"}, Attributes: map[string]any{"bucket": "x"},
		Unknown: []string{"arn"}, References: map[string][]string{"logging.target_bucket": {"aws_s3_bucket.logs"}},
	}
}

func TestValidate(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		mutate    func(*Fact)
		wantField string
	}{
		{"valid", func(*Fact) {}, ""},
		{"for_each key", func(f *Fact) { f.Index = "eu-west-1" }, ""},
		{"unknown kind", func(f *Fact) { f.Kind = "widget" }, "/kind"},
		{"missing type", func(f *Fact) { f.Type = "" }, "(root)"},
		{"bad mode", func(f *Fact) { f.Mode = "imported" }, "/mode"},
		{"bad action", func(f *Fact) { f.Actions = []string{"explode"} }, "/actions/0"},
		{"bad module", func(f *Fact) { f.Module = "mod.x" }, "/module"},
		{"duplicate unknown", func(f *Fact) { f.Unknown = []string{"a", "a"} }, "/unknown"},
		{"no file", func(f *Fact) { f.Source.Provider = "" }, "/source/provider"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validResource()
			tt.mutate(&f)
			err := v.Validate(f.Document())
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var ie *InvalidFactError
			if !errors.As(err, &ie) {
				t.Fatalf("Validate error = %v, want *InvalidFactError", err)
			}
			if ie.Field != tt.wantField || ie.File != "tfplan.json" || ie.FactID != f.ID {
				t.Errorf("error names file %q fact %q field %q, want tfplan.json %q %q", ie.File, ie.FactID, ie.Field, f.ID, tt.wantField)
			}
			if !strings.Contains(err.Error(), "tfplan.json") {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

func TestSort(t *testing.T) {
	fs := []Fact{{ID: "b"}, {ID: "a", Source: Source{File: "2"}}, {ID: "a", Source: Source{File: "1"}}}
	Sort(fs)
	if fs[0].Source.File != "1" || fs[1].Source.File != "2" || fs[2].ID != "b" {
		t.Errorf("Sort gave %+v", fs)
	}
}
