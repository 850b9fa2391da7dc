package bundles

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/facts"
)

// policyFilesOf reads a recorded policy bundle back into engine.PolicyFiles.
func policyFilesOf(t *testing.T, raw []byte) engine.PolicyFiles {
	t.Helper()
	builtin, sources, err := readPolicyBundle(raw, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	pf := engine.PolicyFiles{Builtin: map[string][]byte(builtin.(memFS))}
	for _, s := range sources {
		pf.Sources = append(pf.Sources, engine.SourceFiles{Name: s.Name, Files: map[string][]byte(s.FS.(memFS))})
	}
	return pf
}

func TestPolicyBundleRoundTrip(t *testing.T) {
	ev := evidence(t, effective, customPolicy)
	var buf bytes.Buffer
	if err := writePolicyBundle(&buf, ev.Policies, "annexa test"); err != nil {
		t.Fatal(err)
	}
	got := policyFilesOf(t, buf.Bytes())
	want := ev.Policies
	if !slices.Equal(slices.Sorted(maps.Keys(got.Builtin)), slices.Sorted(maps.Keys(want.Builtin))) {
		t.Fatalf("built-in files %v, want %v", slices.Sorted(maps.Keys(got.Builtin)), slices.Sorted(maps.Keys(want.Builtin)))
	}
	for p, b := range want.Builtin {
		if strings.HasSuffix(p, ".rego") && !bytes.Equal(got.Builtin[p], b) {
			t.Errorf("%s differs after the round trip", p)
		}
	}
	if _, err := catalog.Parse(got.Builtin["catalog/controls.json"], "catalog"); err != nil {
		t.Errorf("recorded catalog: %v", err)
	}
	if len(got.Sources) != 1 || got.Sources[0].Name != customPolicy || !maps.EqualFunc(got.Sources[0].Files, want.Sources[0].Files, bytes.Equal) {
		t.Errorf("sources %+v, want %+v", got.Sources, want.Sources)
	}
}

// TestReplayReadsNothingFromDisk: the policy directory of the original run
// is gone, and replay still reproduces the report from the bundle alone.
func TestReplayReadsNothingFromDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policies")
	if err := os.CopyFS(dir, os.DirFS(customPolicy)); err != nil {
		t.Fatal(err)
	}
	ev := evidence(t, effective, dir)
	raw := writeBundle(t, ev, loadSigner(t, "annexa-test"))
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	res, err := Verify(context.Background(), mustRead(t, raw), loadVerifier(t, "annexa-test"), VerifyOptions{Now: effective, Replay: testReplay})
	if err != nil {
		t.Fatalf("Verify --replay: %v", err)
	}
	if res.Replay.Policies != ev.Report.Summary.Policies {
		t.Errorf("replayed %d policies, the run had %d", res.Replay.Policies, ev.Report.Summary.Policies)
	}
}

// TestReplayUsesRecordedPolicies: a bundle whose recorded policy set lacks
// the EBS policy (re-signed, so only replay can tell) replays without its
// finding, although this binary embeds that policy.
func TestReplayUsesRecordedPolicies(t *testing.T) {
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	pf := policyFilesOf(t, a.Files[FilePolicies])
	delete(pf.Builtin, "controls/8_24/aws_ebs.rego")
	var buf bytes.Buffer
	if err := writePolicyBundle(&buf, pf, "annexa test"); err != nil {
		t.Fatal(err)
	}
	a.Files[FilePolicies] = buf.Bytes()
	fixManifest(t, a)
	resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
		p.BuiltinPolicies = engine.TreeDigest(pf.Builtin)
		return "", ""
	})
	opts := VerifyOptions{Now: effective}
	if _, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts); err != nil {
		t.Fatalf("without replay the re-signed bundle verifies: %v", err)
	}
	opts.Replay = testReplay
	_, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts)
	var ve *VerificationError
	if !errors.As(err, &ve) || !strings.Contains(ve.Error(), "c8_24.aws_ebs") {
		t.Fatalf("replay with the EBS policy removed: %v; want a difference naming c8_24.aws_ebs", err)
	}
}

func TestDiffJSON(t *testing.T) {
	tests := []struct {
		rec, rep string
		want     []string
	}{
		{`[{"id":"8.24","status":"fail"}]`, `[{"id":"8.24","status":"pass"}]`, []string{`controls[8.24].status: recorded "fail", replayed "pass"`}},
		{`[{"msg":"a"},{"msg":"b"}]`, `[{"msg":"a"}]`, []string{"controls: recorded 2 entries, replayed 1"}},
		{`{"a":1}`, `{"b":1}`, []string{"controls.a: recorded 1, not replayed", "controls.b: not recorded, replayed 1"}},
		{`{"a":1.0}`, `{"a":1}`, []string{`controls.a: recorded 1.0, replayed 1`}},
		{`{"a":1,"b":2}`, `{"b":2,"a":1}`, []string{"controls: same values but encoded differently (key order or number format)"}},
	}
	for _, tt := range tests {
		got := diffJSON("controls", []byte(tt.rec), []byte(tt.rep))
		if !slices.Equal(got, tt.want) {
			t.Errorf("diffJSON(%s, %s) = %q, want %q", tt.rec, tt.rep, got, tt.want)
		}
	}
}

func TestMemFS(t *testing.T) {
	m := memFS{
		"catalog/controls.json":      []byte(`{}`),
		"controls/8_24/aws_ebs.rego": []byte("package x"),
		"lib/tf.rego":                []byte("package y"),
	}
	if err := fstest.TestFS(m, "catalog/controls.json", "controls/8_24/aws_ebs.rego", "lib/tf.rego"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Open("nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(nope) = %v, want ErrNotExist", err)
	}
}

// TestFactsFileIsWhatPoliciesSaw: each fact in facts.json is, as JSON, the
// document the engine gave the policies, and reads back into the same fact.
func TestFactsFileIsWhatPoliciesSaw(t *testing.T) {
	ev := evidence(t, effective)
	a := mustRead(t, writeBundle(t, ev, loadSigner(t, "annexa-test")))
	facts.Sort(ev.Facts)
	var recorded []map[string]any
	if err := json.Unmarshal(a.Files[FileFacts], &recorded); err != nil {
		t.Fatal(err)
	}
	var back []facts.Fact
	if err := json.Unmarshal(a.Files[FileFacts], &back); err != nil {
		t.Fatal(err)
	}
	if len(recorded) != len(ev.Facts) || len(back) != len(ev.Facts) {
		t.Fatalf("%d facts recorded, %d read back, the run had %d", len(recorded), len(back), len(ev.Facts))
	}
	for i := range ev.Facts {
		doc, err := json.Marshal(ev.Facts[i].Document())
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]any
		if err := json.Unmarshal(doc, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(recorded[i], want) {
			t.Errorf("facts.json entry %d:\n got %v\nwant %v", i, recorded[i], want)
		}
		if !reflect.DeepEqual(back[i], ev.Facts[i]) {
			t.Errorf("fact %s does not read back as it was:\n got %#v\nwant %#v", ev.Facts[i].ID, back[i], ev.Facts[i])
		}
	}
}

// TestReplayValidatesFacts: a re-signed bundle whose facts no longer fit
// the fact schemas is refused by replay, naming the fact and the field, as
// a first run refuses a provider's invalid fact.
func TestReplayValidatesFacts(t *testing.T) {
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	var fs []facts.Fact
	if err := json.Unmarshal(a.Files[FileFacts], &fs); err != nil {
		t.Fatal(err)
	}
	// In place of a fact, so the fact count the report states still holds.
	fs[0] = facts.Fact{
		Kind: facts.KindRisk, ID: "risk/R-9", Source: facts.Source{Provider: "risk-register", File: "risks.yaml", Line: 4},
		Attributes: map[string]any{"id": "R-9", "asset": "a", "threat": "t", "likelihood": 9, "impact": 1,
			"controls": []any{}, "treatment": "retain", "owner": "o"},
	}
	raw, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	a.Files[FileFacts] = raw
	fixManifest(t, a)
	resign(t, a, nil)
	opts := VerifyOptions{Now: effective}
	if _, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts); err != nil {
		t.Fatalf("without replay the re-signed bundle verifies: %v", err)
	}
	opts.Replay = testReplay
	_, err = Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts)
	if err == nil || !strings.Contains(err.Error(), `invalid fact "risk/R-9": field /attributes/likelihood`) {
		t.Fatalf("replay of a bundle with a likelihood of 9: %v; want an invalid fact error naming the field", err)
	}
}

// TestReplayRefusesAnotherRiskModel: risk settings recorded under a risk
// model this annexa does not compute (model 1, before design strengths)
// are refused by the replay, naming the model, rather than recomputed
// under model 2's rules.
func TestReplayRefusesAnotherRiskModel(t *testing.T) {
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	var fs []facts.Fact
	if err := json.Unmarshal(a.Files[FileFacts], &fs); err != nil {
		t.Fatal(err)
	}
	// In place of two facts, so the fact count the report states holds.
	fs = append(fs[2:],
		facts.Fact{Kind: facts.KindRisk, ID: "risk/R-1", Source: facts.Source{Provider: "risk-register", File: "risks.yaml", Line: 2},
			Attributes: map[string]any{"id": "R-1", "asset": "a", "threat": "t", "likelihood": 4, "impact": 5,
				"controls": []any{map[string]any{"id": "8.24"}}, "treatment": "modify", "owner": "o"}},
		facts.Fact{Kind: facts.KindRiskSettings, ID: "risk_settings", Source: facts.Source{Provider: "risk-register", File: "annexa.yaml", Line: 9},
			Attributes: map[string]any{"appetite": 6, "method": "score", "model": 1}},
	)
	raw, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	a.Files[FileFacts] = raw
	fixManifest(t, a)
	resign(t, a, nil)
	opts := VerifyOptions{Now: effective, Replay: testReplay}
	_, err = Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts)
	if err == nil || !strings.Contains(err.Error(), "annexa.yaml:9: the risk settings were recorded under risk model 1; this annexa computes residual risk with model 2 only") {
		t.Fatalf("replay of risk settings of model 1: %v", err)
	}
}

// TestSectionComparer: comparing a rendering as it streams, by section
// digests, says "identical" exactly when comparing the whole documents
// section by section finds no difference.
func TestSectionComparer(t *testing.T) {
	tests := []struct {
		name, rec, rep string
		same           bool
	}{
		{"layout only", `{"a": [1, 2], "b": {"c": "d e"}}`, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\"c\":\"d e\"}\n}\n", true},
		{"tool and diagnostics not compared", `{"tool":{"v":"1"},"a":1}`, `{"tool":{"v":"2"},"a":1,"diagnostics":[]}`, true},
		{"literals", `{"n": 1, "b": true, "z": null}`, `{"n":1,"b":true,"z":null}`, true},
		{"empty", `{}`, `{}`, true},
		{"value differs", `{"a":[1,2]}`, `{"a":[1,3]}`, false},
		{"literal differs", `{"n":1,"m":2}`, `{"n":10,"m":2}`, false},
		{"space inside a string", `{"a":"x \" y"}`, `{"a":"x \"  y"}`, false},
		{"not replayed", `{"a":1,"b":2}`, `{"a":1}`, false},
		{"not recorded", `{"a":1}`, `{"a":1,"b":2}`, false},
		{"escaped name", `{"a\u0062":1}`, `{"ab":1}`, true},
		{"key order inside", `{"a":{"x":1,"y":2}}`, `{"a":{"y":2,"x":1}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			digests, err := sectionDigests([]byte(tt.rec))
			if err != nil {
				t.Fatal(err)
			}
			c := newSectionComparer(digests)
			// Byte by byte, as a writer may be given its input in any pieces.
			for i := range len(tt.rep) {
				if _, err := c.Write([]byte{tt.rep[i]}); err != nil {
					t.Fatal(err)
				}
			}
			if err := c.close(); err != nil {
				t.Fatal(err)
			}
			names, same := c.identical()
			wantNames, diffs, err := compareReports([]byte(tt.rec), []byte(tt.rep))
			if err != nil {
				t.Fatal(err)
			}
			if same != tt.same || same != (len(diffs) == 0) {
				t.Errorf("identical = %v, want %v (whole documents differ in %q)", same, tt.same, diffs)
			}
			if !slices.Equal(names, wantNames) {
				t.Errorf("sections %q, want %q", names, wantNames)
			}
		})
	}
}

// TestSectionComparerRefusesNonObjects: a rendering that is not one JSON
// object is an error, not a verdict.
func TestSectionComparerRefusesNonObjects(t *testing.T) {
	for _, doc := range []string{`[1]`, `{"a":1`, `{"a":1}{"b":2}`, `{"a":1,"a":1}`} {
		c := newSectionComparer(nil)
		_, err := c.Write([]byte(doc))
		if err == nil {
			err = c.close()
		}
		if err == nil {
			t.Errorf("%s: no error", doc)
		}
	}
}

// TestReplayDiffersAfterReleasingFiles: a replay that releases the
// archive's largest files still says where it differs, from report.json
// read again from the compressed archive.
func TestReplayDiffersAfterReleasingFiles(t *testing.T) {
	base, _ := bundlesForTest(t)
	a := mustRead(t, base)
	pf := policyFilesOf(t, a.Files[FilePolicies])
	delete(pf.Builtin, "controls/8_24/aws_ebs.rego")
	var buf bytes.Buffer
	if err := writePolicyBundle(&buf, pf, "annexa test"); err != nil {
		t.Fatal(err)
	}
	a.Files[FilePolicies] = buf.Bytes()
	fixManifest(t, a)
	resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
		p.BuiltinPolicies = engine.TreeDigest(pf.Builtin)
		return "", ""
	})
	for _, release := range []bool{false, true} {
		a := mustRead(t, tarGz(t, entriesOf(a)))
		opts := VerifyOptions{Now: effective, Replay: testReplay, ReleaseFiles: release}
		_, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts)
		var ve *VerificationError
		if !errors.As(err, &ve) || !strings.Contains(ve.Error(), "c8_24.aws_ebs") {
			t.Fatalf("release %v: replay with the EBS policy removed: %v; want a difference naming c8_24.aws_ebs", release, err)
		}
		if _, kept := a.Files[FileFacts]; kept == release {
			t.Errorf("release %v: facts.json kept %v", release, kept)
		}
	}
	// Untouched, the same bundle replays identical with its files released.
	a = mustRead(t, base)
	res, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), VerifyOptions{Now: effective, Replay: testReplay, ReleaseFiles: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Replay.Sections) == 0 || len(res.Replay.Differences) > 0 {
		t.Errorf("replay of an intact bundle: sections %q, differences %q", res.Replay.Sections, res.Replay.Differences)
	}
}
