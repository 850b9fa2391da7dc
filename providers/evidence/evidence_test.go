package evidence

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
	"github.com/annexa-dev/annexa/policies/catalog"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

const policyRecord = `kind: policy
id: POL-001
title: Information security policy
topic: information_security
controls: ["5.1"]
owner: ciso@acme.example
approved_by: ceo@acme.example
approved_at: 2026-02-01
review_interval: P12M
artifact:
  path: ../artifacts/infosec-policy.pdf
`

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"policies/infosec.yaml":        policyRecord,
		"artifacts/infosec-policy.pdf": "%PDF-1.7 policy text",
		"artifacts/notes.yaml":         "not: a record",
		".git/config.yaml":             "ignored: true",
		"people/training.json":         `[{"kind": "training_record", "id": "TR-2026", "course": "Security awareness 2026", "controls": ["6.3"], "owner": "hr@acme.example", "entries": [{"person": "alice@acme.example", "completed_at": "2026-03-01T10:00:00+01:00"}]}]`,
		"registers/suppliers.yml":      "kind: supplier_register\nid: SUP\ncontrols: [\"5.19\", \"5.22\"]\nowner: procurement@acme.example\nexpires: 2026-06-30\nreviewed_at: 2026-01-15\nreview_interval: P6M\nentries:\n  - id: aws\n    name: Amazon Web Services\n    assessed_at: 2026-01-10\n    agreement: {signed_at: 2024-05-01, security_clauses: true}\n    labels: {renewal_at: soon}\n",
		"registers/multi.yaml":         "kind: contact_register\nid: CON\ncontrols: [\"5.5\"]\nowner: ciso@acme.example\nentries:\n  - {id: ico, organisation: ICO, type: authority}\n---\nkind: role_register\nid: ROLES\ncontrols: [\"5.2\", \"5.3\"]\nowner: ceo@acme.example\nentries:\n  - {role: CISO, holder: bob@acme.example}\n",
		"README.md":                    "# not read",
	})
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]facts.Fact{}
	for _, f := range fs {
		byID[f.ID] = f
	}
	if len(fs) != 5 {
		t.Fatalf("%d facts, want 5: %v", len(fs), byID)
	}
	pol := byID["policy/POL-001"]
	if pol.Kind != facts.KindEvidence || pol.Type != "policy" || pol.Source.Line != 1 || pol.Source.Provider != Name ||
		pol.Source.File != filepath.Join(dir, "policies/infosec.yaml") {
		t.Errorf("policy fact = %+v", pol)
	}
	if pol.Attributes["approved_at"] != "2026-02-01T00:00:00Z" || pol.Attributes["due"] != "2027-02-01T00:00:00Z" {
		t.Errorf("dates: approved_at %v due %v", pol.Attributes["approved_at"], pol.Attributes["due"])
	}
	art := pol.Attributes["artifact"].(map[string]any)
	if art["path"] != "artifacts/infosec-policy.pdf" || art["size"] != int64(20) ||
		art["sha256"] != "e7c042c9b9428361ea1b9ea0ed71102078002ad780a0059c82b0dd659ab49b8c" {
		t.Errorf("artifact = %v", art)
	}
	tr := byID["training_record/TR-2026"]
	if got := tr.Attributes["entries"].([]any)[0].(map[string]any)["completed_at"]; got != "2026-03-01T09:00:00Z" {
		t.Errorf("nested date = %v, want it in UTC", got)
	}
	sup := byID["supplier_register/SUP"]
	if sup.Attributes["due"] != "2026-06-30T00:00:00Z" {
		t.Errorf("due = %v, want the expiry, which is before the review date", sup.Attributes["due"])
	}
	if sup.Source.Line != 1 || byID["role_register/ROLES"].Source.Line != 8 {
		t.Errorf("lines: %d %d", sup.Source.Line, byID["role_register/ROLES"].Source.Line)
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("%s: %v", f.ID, err)
		}
	}
}

func TestCollectErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown kind", map[string]string{"a.yaml": strings.Replace(policyRecord, "kind: policy", "kind: polcy", 1)},
			[]string{"a.yaml:1:1", `unknown kind "polcy"`, `did you mean "policy"?`}},
		{"no kind", map[string]string{"a.yaml": "id: X\nowner: me\n"}, []string{"a.yaml:1:1", "evidence record X has no kind"}},
		{"missing owner", map[string]string{"a.yaml": strings.Replace(policyRecord, "owner: ciso@acme.example\n", "", 1)},
			[]string{"a.yaml:1:1: evidence record POL-001: field (top level): missing properties: 'owner'"}},
		{"typo in field", map[string]string{"a.yaml": policyRecord + "aproved_by: x\n"},
			[]string{"a.yaml", "aproved_by"}},
		{"bad date", map[string]string{"a.yaml": strings.Replace(policyRecord, "2026-02-01", "2026-02-30", 1)},
			[]string{"a.yaml:8:1", "approved_at", `"2026-02-30" is not an RFC 3339 time`}},
		{"bad interval", map[string]string{"a.yaml": strings.Replace(policyRecord, "P12M", "12 months", 1)},
			[]string{"a.yaml:9:1", "review_interval"}},
		{"interval without base", map[string]string{"a.yaml": "kind: procedure\nid: P1\ntopic: backup\ncontrols: [\"8.13\"]\nowner: ops\nreview_interval: P1Y\n"},
			[]string{"a.yaml:1:1", "review_interval is set but none of"}},
		{"unknown control", map[string]string{"a.yaml": strings.Replace(policyRecord, `["5.1"]`, `["5.1", "5.99"]`, 1)},
			[]string{"a.yaml:5:19", `"5.99" is not an ISO/IEC 27002:2022 control`}},
		{"duplicate", map[string]string{"p/a.yaml": policyRecord, "p/b.yaml": policyRecord, "artifacts/infosec-policy.pdf": "x"},
			[]string{"p/b.yaml:1:1", "policy POL-001 is already declared at", "p/a.yaml:1:1"}},
		// Files are read side by side but reported on in order: the
		// duplicate, found before the bad date of the same record, and
		// the first file's error rather than a later one's.
		{"duplicate with a bad date", map[string]string{"p/a.yaml": policyRecord, "p/b.yaml": strings.Replace(policyRecord, "2026-02-01", "2026-02-30", 1), "artifacts/infosec-policy.pdf": "x"},
			[]string{"p/b.yaml:1:1", "policy POL-001 is already declared at", "p/a.yaml:1:1"}},
		{"duplicate in a file", map[string]string{"p/a.yaml": policyRecord + "---\n" + policyRecord, "artifacts/infosec-policy.pdf": "x"},
			[]string{"p/a.yaml:13:1", "policy POL-001 is already declared at", "p/a.yaml:1:1"}},
		{"errors in two files", map[string]string{"p/a.yaml": "id: X\nowner: me\n", "p/b.yaml": strings.Replace(policyRecord, "kind: policy", "kind: polcy", 1)},
			[]string{"p/a.yaml:1:1", "evidence record X has no kind"}},
		{"missing artifact", map[string]string{"p/a.yaml": policyRecord},
			[]string{"p/a.yaml:11:3: evidence record POL-001: artifact", "infosec-policy.pdf", "no such file"}},
		{"artifact outside", map[string]string{"sub/a.yaml": strings.Replace(policyRecord, "../artifacts/infosec-policy.pdf", "../../outside.pdf", 1)},
			[]string{"sub/a.yaml:11:3", "outside the evidence directory"}},
		{"artifact digest mismatch", map[string]string{"artifacts/infosec-policy.pdf": "changed",
			"p/a.yaml": policyRecord + "  sha256: \"0000000000000000000000000000000000000000000000000000000000000000\"\n"},
			[]string{"p/a.yaml:12:3", "the file changed since the record was written"}},
		{"scalar document", map[string]string{"a.yaml": "just a string\n"}, []string{"a.yaml:1:1", "found a string"}},
		{"list of scalars", map[string]string{"a.json": `[1]`}, []string{"a.json:1:2", "found a number"}},
		{"bad yaml", map[string]string{"a.yaml": "kind: policy\n  id: x\n"}, []string{"a.yaml:2: invalid YAML"}},
		{"empty dir", map[string]string{"README.md": "x"}, []string{"no .yaml, .yml or .json record files"}},
		{"entry typo", map[string]string{"a.yaml": "kind: screening_record\nid: S\ncontrols: [\"6.1\"]\nowner: hr\nentries:\n  - person: a\n    compelted_at: 2026-01-01\n"},
			[]string{"a.yaml:7:5", `unknown field "compelted_at"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ev")
			testfs.Write(t, dir, tt.files)
			_, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
			if err == nil {
				t.Fatal("Collect succeeded")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}

func TestCollectPath(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"one.yaml": "kind: procedure\nid: P1\ntopic: backup\ncontrols: [\"8.13\"]\nowner: ops\n", "x.txt": "x"})
	fs, err := diag.AsError(Provider{}.Collect(context.Background(), filepath.Join(dir, "one.yaml")))
	if err != nil || len(fs) != 1 {
		t.Fatalf("single file: %v %v", fs, err)
	}
	for _, p := range []string{filepath.Join(dir, "x.txt"), filepath.Join(dir, "missing")} {
		if _, err := diag.AsError((Provider{}).Collect(context.Background(), p)); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("Collect(%s) err = %v", p, err)
		}
	}
}

func TestKindsHaveSchemas(t *testing.T) {
	kinds, err := Kinds()
	if err != nil {
		t.Fatal(err)
	}
	if len(kinds) < 25 {
		t.Errorf("%d kinds: %v", len(kinds), kinds)
	}
	for _, k := range kinds {
		if _, err := Schema(k); err != nil {
			t.Error(err)
		}
	}
}

func TestAddPeriod(t *testing.T) {
	base, _ := catalog.ParseDate("2026-01-31")
	tests := map[string]string{"P1Y": "2027-01-31", "P1M": "2026-03-03", "P2W": "2026-02-14", "P90D": "2026-05-01", "P1Y6M": "2027-07-31"}
	for p, want := range tests {
		got, err := addPeriod(base, p)
		if err != nil || got.Format("2006-01-02") != want {
			t.Errorf("addPeriod(%s) = %v %v, want %s", p, got, err, want)
		}
	}
	for _, bad := range []string{"P", "1Y", "P1H", "P99999999999Y"} {
		if _, err := addPeriod(base, bad); err == nil {
			t.Errorf("addPeriod(%s) succeeded", bad)
		}
	}
}

func TestArtifactSymlinkOutside(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "secret.txt")
	testfs.Write(t, base, map[string]string{"secret.txt": "outside", "ev/p/a.yaml": policyRecord})
	if err := os.MkdirAll(filepath.Join(base, "ev/artifacts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(base, "ev/artifacts/infosec-policy.pdf")); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	_, err := diag.AsError(Provider{}.Collect(context.Background(), filepath.Join(base, "ev")))
	if err == nil || !strings.Contains(err.Error(), "outside the evidence directory") {
		t.Errorf("err = %v", err)
	}
}
