package registry

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

const planJSON = `{"format_version": "1.2", "resource_changes": []}`

// zipPlan starts like the binary plan file terraform plan -out writes.
const zipPlan = "PK\x03\x04\x14\x00\x08\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00tfplan"

// TestPlanDirectory: a directory given to --plan stands for every plan
// JSON directly in it, each a source of its own.
func TestPlanDirectory(t *testing.T) {
	k, ok := ByFlag("plan")
	if !ok {
		t.Fatal("no plan kind")
	}
	tests := []struct {
		name    string
		files   map[string]string
		want    []string
		wantErr string
	}{
		{
			name: "every plan JSON, by name",
			files: map[string]string{
				"staging.json": planJSON, "prod.json": planJSON, "tfplan": zipPlan,
				"notes.json": `{"a": 1}`, "README.md": "plans", "old/x.json": planJSON,
				"sorted.json": testfs.SortedKeysPlan, "list.json": `["root_module"]`,
			},
			want: []string{"prod.json", "sorted.json", "staging.json"},
		},
		{name: "only binary plans", files: map[string]string{"tfplan": zipPlan}, wantErr: "run `terraform show -json tfplan > tfplan.json`"},
		{name: "nothing", files: map[string]string{"a.txt": "x"}, wantErr: "is a directory with no Terraform plan JSON in it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testfs.Write(t, dir, tt.files)
			srcs, err := k.FlagSources(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "--plan "+dir) {
					t.Fatalf("err = %v, want %q naming --plan %s", err, tt.wantErr, dir)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range srcs {
				got = append(got, filepath.Base(s.Path))
				if s.Space != SpaceTerraform {
					t.Errorf("%s: space %q", s.Path, s.Space)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sources = %v, want %v", got, tt.want)
			}
		})
	}
	file := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(file, []byte(planJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	if srcs, err := k.FlagSources(file); err != nil || len(srcs) != 1 || srcs[0].Path != file {
		t.Errorf("a plan file: %v, %v", srcs, err)
	}
}

// TestBinaryPlanDetected: a binary plan given as a PATH is taken for a
// plan, so that its provider says how to convert it.
func TestBinaryPlanDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tfplan")
	if err := os.WriteFile(path, []byte(zipPlan), 0o600); err != nil {
		t.Fatal(err)
	}
	k, ok, err := Detect(path)
	if err != nil || !ok || k.Flag != "plan" {
		t.Errorf("Detect = %v, %v, %v; want the plan kind", k.Name, ok, err)
	}
}
