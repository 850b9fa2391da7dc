package facts

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
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
	if Sorted(fs) {
		t.Errorf("Sorted(%+v) = true", fs)
	}
	Sort(fs)
	if fs[0].Source.File != "1" || fs[1].Source.File != "2" || fs[2].ID != "b" {
		t.Errorf("Sort gave %+v", fs)
	}
	if !Sorted(fs) {
		t.Errorf("Sorted is false after Sort: %+v", fs)
	}
}

func TestValidateSourceKinds(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	k8s := func(mutate func(*Fact)) Fact {
		f := Fact{Kind: KindKubernetes, Source: Source{Provider: "kubernetes", File: "deploy.yaml", Line: 3},
			ID: "Deployment/payments/api", Type: "Deployment",
			Attributes: map[string]any{"apiVersion": "apps/v1", "kind": "Deployment",
				"metadata": map[string]any{"name": "api", "namespace": "payments"}, "pod_spec": map[string]any{}},
			Sensitive: []string{"pod_spec.containers.0.env.0.value"}}
		mutate(&f)
		return f
	}
	cfg := func(mutate func(*Fact)) Fact {
		f := Fact{Kind: KindConfig, Source: Source{Provider: "config", File: "sshd_config"},
			ID: "sshd_config:etc/ssh/sshd_config", Type: "sshd_config", Attributes: map[string]any{"settings": map[string]any{}}}
		mutate(&f)
		return f
	}
	tests := []struct {
		name      string
		fact      Fact
		wantField string
	}{
		{"kubernetes", k8s(func(*Fact) {}), ""},
		{"cluster-scoped id", k8s(func(f *Fact) { f.ID = "Namespace/payments" }), ""},
		{"kubernetes without name", k8s(func(f *Fact) { f.Attributes["metadata"] = map[string]any{} }), "/attributes/metadata"},
		{"kubernetes with plan fields", k8s(func(f *Fact) { f.Mode = ModeManaged }), "(root)"},
		{"kubernetes bad id", k8s(func(f *Fact) { f.ID = "deployment" }), "/id"},
		{"config", cfg(func(*Fact) {}), ""},
		{"config id without type", cfg(func(f *Fact) { f.ID = "etc/ssh/sshd_config" }), "/id"},
		{"config bad type", cfg(func(f *Fact) { f.Type = "SSHD" }), "/type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(tt.fact.Document())
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var ie *InvalidFactError
			if !errors.As(err, &ie) || ie.Field != tt.wantField {
				t.Fatalf("Validate error = %v, want field %s", err, tt.wantField)
			}
		})
	}
}

// TestSortIsStable: Sort gives the order of a stable sort by the same keys
// on inputs with many ties, so facts equal in id and source keep theirs.
func TestSortIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 100, 1000} {
		fs := make([]Fact, n)
		for i := range fs {
			fs[i] = Fact{ID: fmt.Sprint(rng.IntN(max(n/4, 1))), Source: Source{File: fmt.Sprint(rng.IntN(3)), Line: rng.IntN(2)}, Type: fmt.Sprint(i)}
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Fact) int { return compare(&a, &b) })
		Sort(fs)
		for i := range fs {
			if fs[i].Type != want[i].Type {
				t.Fatalf("n=%d: position %d holds fact %s, want %s", n, i, fs[i].Type, want[i].Type)
			}
		}
	}
}
