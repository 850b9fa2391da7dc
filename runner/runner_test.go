package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/internal/testfs"

	"github.com/annexa-dev/annexa/bundles"
	"github.com/annexa-dev/annexa/providers/facts"
)

// root is a Terraform root whose bucket is public or private: the
// addresses are the same in every root, only the settings differ.
func root(public bool) string {
	block := "true"
	if public {
		block = "false"
	}
	return `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = ` + block + `
  block_public_policy     = ` + block + `
  ignore_public_acls      = ` + block + `
  restrict_public_buckets = ` + block + `
}
`
}

func TestScopes(t *testing.T) {
	tests := []struct {
		name    string
		sources []FlagValue
		want    []string
	}{
		{"one source per space keeps ids", []FlagValue{{"plan", "a.json"}, {"evidence", "ev"}, {"k8s", "k"}}, []string{"", "", ""}},
		{"two Terraform roots", []FlagValue{{"tf", "envs/prod/"}, {"tf", "./envs/staging"}}, []string{"envs/prod", "envs/staging"}},
		{"a plan and a root share the Terraform space", []FlagValue{{"plan", "p.json"}, {"tf", "infra"}, {"evidence", "ev"}}, []string{"p.json", "infra", ""}},
		{"external providers by name", []FlagValue{{"provider", "inv=a.csv"}, {"provider", "cmdb"}}, []string{"inv=a.csv", "cmdb"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run, err := Resolve(Inputs{Sources: tc.sources})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range run.Project.Sources {
				got = append(got, s.Scope)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("scopes = %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := Resolve(Inputs{Sources: []FlagValue{{"tf", "infra"}, {"tf", "infra/"}}}); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("the same root twice: err = %v", err)
	}
}

func TestTwoRootsSameAddress(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"prod/main.tf": root(false), "staging/main.tf": root(true)})
	prod, staging := filepath.Join(dir, "prod"), filepath.Join(dir, "staging")
	run, err := Resolve(Inputs{Sources: []FlagValue{{"tf", prod}, {"tf", staging}}, EffectiveTime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]facts.Fact{}
	for _, f := range res.Facts {
		ids[f.ID] = f
	}
	pab := filepath.ToSlash(staging) + "//aws_s3_bucket_public_access_block.logs"
	for _, want := range []string{
		filepath.ToSlash(prod) + "//aws_s3_bucket.logs",
		filepath.ToSlash(staging) + "//aws_s3_bucket.logs",
		filepath.ToSlash(prod) + "//aws_s3_bucket_public_access_block.logs",
		pab,
	} {
		if _, ok := ids[want]; !ok {
			t.Errorf("no fact %s; have %v", want, slices.Sorted(func(yield func(string) bool) {
				for k := range ids {
					if !yield(k) {
						return
					}
				}
			}))
		}
	}
	if got := ids[pab].References["bucket"]; !slices.Equal(got, []string{filepath.ToSlash(staging) + "//aws_s3_bucket.logs"}) {
		t.Errorf("staging's block refers to %v, want staging's bucket only", got)
	}
	var flagged []string
	for _, f := range res.Report.Findings {
		if strings.Contains(f.Policy, "public") || strings.Contains(f.Resource, "public_access_block") {
			flagged = append(flagged, f.Resource)
		}
	}
	if len(flagged) == 0 {
		t.Fatal("the public staging bucket was not flagged")
	}
	for _, r := range flagged {
		if !strings.HasPrefix(r, filepath.ToSlash(staging)+"//") {
			t.Errorf("finding on %s; only staging's bucket is public", r)
		}
	}
}

func TestWarningsReachTheReport(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"main.tf": `module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`})
	run, err := Resolve(Inputs{Sources: []FlagValue{{"tf", dir}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Report.Diagnostics
	if len(ds) != 1 || ds[0].Summary != "Module not evaluated" || ds[0].Line != 2 || ds[0].Column != 12 ||
		ds[0].File != filepath.Join(dir, "main.tf") || ds[0].Source != "terraform-source" {
		t.Errorf("diagnostics = %+v", ds)
	}
}

func TestCollectReadsEverySource(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"bad.json": `{"format_version": "1.2", `, "bad/main.tf": "resource \"x\" {"})
	run, err := Resolve(Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "bad.json")}, {"tf", filepath.Join(dir, "bad")}}})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = run.Collect(context.Background())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"bad.json", filepath.Join("bad", "main.tf") + ":1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s:\n%v", want, err)
		}
	}
}

// Bundles written before the current report format (format 1, before
// reports were versioned; format 2, before design strengths and the
// effectiveness of missing evidence) still verify; replaying them is
// refused with a message that says why, not reported as tampering or as
// differences.
func TestOldFormatBundlesVerify(t *testing.T) {
	pem, err := os.ReadFile(filepath.Join("..", "testdata", "keys", "annexa-test.pub"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := bundles.LoadPublicKey("annexa-test.pub", pem)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file   string
		format int
	}{{"demo-format1.tar.gz", 1}, {"demo-format2.tar.gz", 2}} {
		t.Run(tc.file, func(t *testing.T) {
			a, err := ReadBundle(filepath.Join("..", "testdata", "bundles", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Verify(context.Background(), a, key, VerifyOptions{})
			if err != nil {
				t.Fatalf("format %d bundle: %v", tc.format, err)
			}
			if res.Predicate.RecordedReportFormat() != tc.format || res.Predicate.Summary.Facts == 0 {
				t.Errorf("predicate = %+v", res.Predicate)
			}
			res, err = Verify(context.Background(), a, key, VerifyOptions{Replay: true})
			var refused *bundles.ReplayRefusedError
			want := fmt.Sprintf("cannot replay: the bundle's report is format %d and this annexa replays format %d only", tc.format, engine.ReportFormat)
			if !errors.As(err, &refused) || refused.Recorded != tc.format || !strings.Contains(err.Error(), want) {
				t.Errorf("replay of a format %d bundle: err = %v, want a ReplayRefusedError saying %q", tc.format, err, want)
			}
			// The refusal comes after the bundle verified.
			if res == nil || res.Manifest == nil || res.Replay != nil {
				t.Errorf("refused replay result %+v", res)
			}
		})
	}
}

// `--tf DIR` on a repository checks every root module below it, each in
// its own scope and confined to DIR, so shared modules reached with ../
// are read; --exclude passes over directories.
func TestRootDiscovery(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"modules/logs/main.tf": `variable "public" { type = bool }
resource "aws_s3_bucket" "logs" { bucket = "logs" }
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = !var.public
  block_public_policy     = !var.public
  ignore_public_acls      = !var.public
  restrict_public_buckets = !var.public
}`,
		"envs/prod/main.tf":    "module \"logs\" {\n  source = \"../../modules/logs\"\n  public = false\n}\n",
		"envs/staging/main.tf": "module \"logs\" {\n  source = \"../../modules/logs\"\n  public = true\n}\n",
		"sandbox/main.tf":      `resource "aws_s3_bucket" "tmp" { bucket = "tmp" }`,
	})
	run, err := Resolve(Inputs{Sources: []FlagValue{{"tf", dir}}, Exclude: []string{"sandbox"}})
	if err != nil {
		t.Fatal(err)
	}
	var scopes []string
	for _, s := range run.Project.Sources {
		scopes = append(scopes, s.Scope)
	}
	slash := filepath.ToSlash(dir)
	if want := []string{slash + "/envs/prod", slash + "/envs/staging"}; !slices.Equal(scopes, want) {
		t.Fatalf("scopes %q, want %q", scopes, want)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, f := range res.Report.Findings {
		if strings.HasSuffix(f.Resource, "aws_s3_bucket_public_access_block.logs") {
			flagged = append(flagged, f.Resource)
		}
	}
	slices.Sort(flagged)
	flagged = slices.Compact(flagged)
	if want := []string{slash + "/envs/staging//module.logs.aws_s3_bucket_public_access_block.logs"}; !slices.Equal(flagged, want) {
		t.Errorf("public access blocks flagged %q, want only staging's", flagged)
	}
	if _, err := Resolve(Inputs{Sources: []FlagValue{{"tf", dir}}, Exclude: []string{"["}}); err == nil {
		t.Error("a malformed --exclude was accepted")
	}
	if run.selection.Exclude[0] != "sandbox" {
		t.Errorf("the run records the selection %+v, without --exclude", run.selection)
	}
}

// --exclude applies to every source that reads a directory, not only to
// Terraform root discovery: a directory of configuration, of manifests,
// of evidence records and of plans each pass over what it matches, by
// path below the directory or by name; a directory of plans it empties is
// an error.
func TestExcludeEverySource(t *testing.T) {
	sshd, err := os.ReadFile(filepath.Join("..", "testdata", "config", "bad", "sshd_config"))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := os.ReadFile(filepath.Join("..", "testdata", "plans", "noncompliant.json"))
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := os.ReadFile(filepath.Join("..", "testdata", "k8s", "bad", "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"k8s/api.yaml":              string(manifest),
		"k8s/charts/x/api.yaml":     string(manifest),
		"config/sshd_config":        string(sshd),
		"config/vendor/sshd_config": string(sshd),
		"plans/a.json":              string(plan),
		"plans/b.json":              string(plan),
		"project/annexa.yaml":       "version: 1\nexclude: [vendor]\nsources:\n  - config: ../config\n",
	})
	files := func(t *testing.T, in Inputs) []string {
		t.Helper()
		run, err := Resolve(in)
		if err != nil {
			t.Fatal(err)
		}
		fs, _, err := run.Collect(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, filepath.ToSlash(f.Source.File))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	slash := filepath.ToSlash(dir)
	tests := []struct {
		name    string
		in      Inputs
		want    []string
		wantErr string
	}{
		{"config, nothing excluded", Inputs{Sources: []FlagValue{{"config", filepath.Join(dir, "config")}}},
			[]string{slash + "/config/sshd_config", slash + "/config/vendor/sshd_config"}, ""},
		{"config, a directory by name", Inputs{Sources: []FlagValue{{"config", filepath.Join(dir, "config")}}, Exclude: []string{"vendor"}},
			[]string{slash + "/config/sshd_config"}, ""},
		{"config, a file by path below the directory", Inputs{Sources: []FlagValue{{"config", filepath.Join(dir, "config")}}, Exclude: []string{"vendor/sshd_*"}},
			[]string{slash + "/config/sshd_config"}, ""},
		{"manifests, a directory by path", Inputs{Sources: []FlagValue{{"k8s", filepath.Join(dir, "k8s")}}, Exclude: []string{"charts/*"}},
			[]string{slash + "/k8s/api.yaml"}, ""},
		{"plans, one by name", Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "plans")}}, Exclude: []string{"b.json"}},
			[]string{slash + "/plans/a.json"}, ""},
		{"plans, every one", Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "plans")}}, Exclude: []string{"*.json"}},
			nil, "passes over every file in it"},
		{"a malformed glob", Inputs{Sources: []FlagValue{{"plan", filepath.Join(dir, "plans")}}, Exclude: []string{"["}},
			nil, `--exclude "["`},
		{"the project file's exclude:", Inputs{Paths: []string{filepath.Join(dir, "project", "annexa.yaml")}},
			[]string{slash + "/config/sshd_config"}, ""},
		{"exclude: and --exclude together, on project and flag sources", Inputs{Paths: []string{filepath.Join(dir, "project", "annexa.yaml")},
			Sources: []FlagValue{{"plan", filepath.Join(dir, "plans")}}, Exclude: []string{"b.json"}},
			[]string{slash + "/config/sshd_config", slash + "/plans/a.json"}, ""},
	}
	// The run records the globs it read its inputs with, the file's and
	// the flag's.
	run, err := Resolve(Inputs{Paths: []string{filepath.Join(dir, "project", "annexa.yaml")}, Exclude: []string{"b.json"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := run.selection.Exclude; !slices.Equal(got, []string{"vendor", "b.json"}) {
		t.Errorf("recorded exclude %q, want [vendor b.json]", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantErr != "" {
				_, err := Resolve(tt.in)
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if got := files(t, tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("facts from %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReleaseAttributes checks that a run that releases the facts'
// attributes (and the other parts only their documents hold) reports what
// one that keeps them does, and keeps those of the declarations the
// engine reads itself.
func TestReleaseAttributes(t *testing.T) {
	kept := checkDemo(t, Inputs{})
	released := checkDemo(t, Inputs{ReleaseAttributes: true})
	want, err := json.Marshal(kept.Report)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(released.Report)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the report differs when the attributes are released")
	}
	var resources, declarations int
	for _, f := range released.Facts {
		switch f.Kind {
		case facts.KindApplicability, facts.KindRisk, facts.KindRiskSettings, facts.KindParameters:
			declarations++
			if f.Attributes == nil {
				t.Errorf("%s: the attributes of a declaration were released", f.ID)
			}
		case facts.KindResource:
			resources++
			if f.Attributes != nil || f.Actions != nil || f.Unknown != nil || f.Sensitive != nil || f.Detected != nil || f.Configured != nil || f.References != nil {
				t.Errorf("%s: a part only the policies read was kept", f.ID)
			}
		}
	}
	if resources == 0 || declarations == 0 {
		t.Fatalf("the demo project gave %d resources and %d declarations", resources, declarations)
	}
	var referencing int
	for _, f := range kept.Facts {
		if f.Kind == facts.KindResource && f.Attributes == nil {
			t.Errorf("%s: attributes released without ReleaseAttributes", f.ID)
		}
		if len(f.References) > 0 {
			referencing++
		}
	}
	if referencing == 0 {
		t.Error("no fact of the demo project has references: the release of references is not tested")
	}
}

// TestEncodeFactsBeforeRelease: a run that renders facts.json before the
// evaluation and then releases the attributes records the facts a run
// that keeps them would write into its bundle.
func TestEncodeFactsBeforeRelease(t *testing.T) {
	kept := checkDemo(t, Inputs{})
	released := checkDemo(t, Inputs{ReleaseAttributes: true, EncodeFacts: true})
	if kept.FactsJSON != nil {
		t.Error("facts.json rendered without EncodeFacts")
	}
	want, err := bundles.EncodeFacts(kept.Facts)
	if err != nil {
		t.Fatal(err)
	}
	got := released.FactsJSON
	if got == nil {
		t.Fatal("no facts.json with EncodeFacts")
	}
	if got.Size() != want.Size() || got.SHA256() != want.SHA256() {
		t.Errorf("facts.json rendered before the release is %d bytes sha256:%s, want %d bytes sha256:%s", got.Size(), got.SHA256(), want.Size(), want.SHA256())
	}
}

// checkDemo checks the demo project at a fixed time with the settings of in.
func checkDemo(t *testing.T, in Inputs) *Result {
	t.Helper()
	in.Paths, in.EffectiveTime = []string{filepath.Join("..", "testdata", "demo")}, time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	run, err := Resolve(in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}
