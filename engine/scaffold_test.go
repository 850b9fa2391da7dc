package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/format"
)

// TestNewPolicyFilesAreReady checks that a scaffold for every kind of input
// is opa fmt clean, loads with its METADATA, and that its generated tests
// pass and would fail: the policy flags the failing fact, not everything.
func TestNewPolicyFilesAreReady(t *testing.T) {
	ctx := context.Background()
	eng, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Scaffold{
		{Control: "8.24", Name: "bucket_example", Input: "resource:aws_s3_bucket", Severity: SeverityHigh},
		{Control: "A.6.3", Name: "training_example", Input: "evidence:training_record"},
		{Control: "8.9", Name: "deployment_example", Input: "kubernetes:Deployment"},
		{Control: "8.5", Name: "sshd_example", Input: "config:sshd_config", Severity: SeverityLow},
	} {
		t.Run(s.Input, func(t *testing.T) {
			files, err := eng.NewPolicyFiles(s)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for name, content := range files {
				if formatted, err := format.Source(name, content); err != nil || string(formatted) != string(content) {
					t.Errorf("%s is not opa fmt clean (err %v):\n%s", name, err, content)
				}
				if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			withPolicy, err := New(ctx, WithPolicyDirs(dir))
			if err != nil {
				t.Fatalf("the scaffold does not load: %v", err)
			}
			var found *Policy
			for _, p := range withPolicy.Policies() {
				if strings.HasSuffix(p.ID, "."+s.Name) {
					found = p
				}
			}
			if found == nil || found.Inputs[0] != s.Input || len(found.Controls) != 1 || !found.DeclaresJudged {
				t.Fatalf("scaffold policy loaded as %+v", found)
			}
			results, err := RunPolicyTests(ctx, TestOptions{Dirs: []string{dir}})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if !r.Pass() {
					t.Errorf("%s.%s fails: %v %s", r.Package, r.Name, r.Error, r.Output)
				}
			}
			if len(results) != 2 {
				t.Errorf("%d tests ran, want the scaffold's test_pass_ and test_fail_", len(results))
			}
		})
	}
}

func TestNewPolicyFilesRejects(t *testing.T) {
	eng, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		s    Scaffold
		want string
	}{
		{Scaffold{Control: "8.42", Name: "x", Input: "resource:aws_s3_bucket"}, `unknown control "8.42" (did you mean 8.24`},
		{Scaffold{Control: "8.24", Name: "Bad-Name", Input: "resource:aws_s3_bucket"}, "lower case letters"},
		{Scaffold{Control: "8.24", Name: "x", Input: "aws_s3_bucket"}, "give KIND:TYPE"},
		{Scaffold{Control: "8.24", Name: "x", Input: "cloud:bucket"}, "give KIND:TYPE"},
		{Scaffold{Control: "8.24", Name: "x", Input: "resource:aws_s3_bucket\")\n\tdeny contains 1 if true #"}, "give KIND:TYPE"},
		{Scaffold{Control: "8.24", Name: "x", Input: "evidence:a\nb"}, "give KIND:TYPE"},
		{Scaffold{Control: "8.24", Name: "x", Input: "resource:aws_s3_bucket", Severity: "urgent"}, `severity "urgent"`},
		{Scaffold{Control: "8.24", Name: "aws_ebs", Input: "resource:aws_ebs_volume"}, "already defined by policies/controls/8_24/aws_ebs.rego"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := eng.NewPolicyFiles(tt.s)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
