package bundles

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// TestSignedClaimsMatchTheContent re-signs bundles whose signed predicate,
// or whose report, says something the content does not: each is refused
// though every signature and digest checks out, as a holder of the key
// could make them.
func TestSignedClaimsMatchTheContent(t *testing.T) {
	base, _ := bundlesForTest(t)
	tests := []struct {
		name   string
		mutate func(t *testing.T, a *Archive)
		opts   VerifyOptions
		want   string
	}{
		{"predicate claims fewer findings", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.Summary.Findings, p.Summary.BySeverity = 0, map[engine.Severity]int{}
				return "", ""
			})
		}, VerifyOptions{}, "the signed predicate's summary differs from report.json's"},
		{"predicate claims every control passes", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.Summary.ByStatus = map[engine.Status]int{engine.StatusPass: p.Summary.Controls}
				return "", ""
			})
		}, VerifyOptions{}, "the signed predicate's summary differs"},
		{"predicate and report claim fewer findings than the report lists", func(t *testing.T, a *Archive) {
			editJSON(t, a, FileReport, func(m map[string]any) {
				m["summary"].(map[string]any)["findings"] = 0
			})
			fixManifest(t, a)
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.Summary.Findings = 0
				return "", ""
			})
		}, VerifyOptions{}, "report.json's summary does not match its own content"},
		{"predicate claims another report format", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.ReportFormat = 2
				return "", ""
			})
		}, VerifyOptions{}, "the signed predicate's report format (2)"},
		{"predicate claims a waiver the report does not apply", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.Waivers = []waiver.Result{{Waiver: waiver.Waiver{Policy: "*", Resource: "*", Reason: "r", ApprovedBy: "a", Expires: "2099-01-01", File: "w.yaml", Line: 1}, Status: waiver.StatusActive, Findings: 1}}
				return "", ""
			})
		}, VerifyOptions{}, "the signed predicate's waivers"},
		{"report marks a finding waived that its summary does not count", func(t *testing.T, a *Archive) {
			editJSON(t, a, FileReport, func(m map[string]any) {
				m["findings"].([]any)[0].(map[string]any)["waiver"] = map[string]any{"policy": "*", "resource": "*", "reason": "r", "approved_by": "a", "expires": "2099-01-01", "file": "w.yaml"}
			})
			fixManifest(t, a)
			resign(t, a, func(_ []FileInfo, _ *Predicate) (string, string) { return "", "" })
		}, VerifyOptions{}, "report.json's summary does not match its own content"},
		{"predicate signs another policy tree", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.BuiltinPolicies = strings.Repeat("0", 64)
				return "", ""
			})
		}, VerifyOptions{}, "policies.tar.gz: its built-in policy tree has digest"},
		{"replay under the recorded time limit", func(t *testing.T, a *Archive) {
			resign(t, a, func(_ []FileInfo, p *Predicate) (string, string) {
				p.EvalTimeout = "1ns"
				return "", ""
			})
		}, VerifyOptions{Replay: func(ctx context.Context, rec *Recording) (*engine.Report, error) {
			// Whether 1ns cuts a policy off depends on when OPA looks at its
			// context, so the test reads the limit the replay engine got.
			eng, err := rec.Engine(ctx)
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("replay engine time limit %s", eng.EvalTimeout())
		}}, "replay engine time limit 1ns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustRead(t, base)
			tt.mutate(t, a)
			a = mustRead(t, tarGz(t, entriesOf(a)))
			opts := tt.opts
			opts.Now = effective.Add(time.Hour)
			_, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), opts)
			var ve *VerificationError
			if !errors.As(err, &ve) || !strings.Contains(ve.Error(), tt.want) {
				t.Fatalf("Verify: %v, want a VerificationError saying %q", err, tt.want)
			}
		})
	}
}

// TestRecordedPolicyTree: a bundle made with this annexa's built-in
// policies is confirmed as such; one whose recorded built-in tree differs
// (another annexa build), validly signed, still verifies and names the
// files that differ.
func TestRecordedPolicyTree(t *testing.T) {
	base, _ := bundlesForTest(t)
	opts := VerifyOptions{Now: effective.Add(time.Hour)}
	res, err := Verify(context.Background(), mustRead(t, base), loadVerifier(t, "annexa-test"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Policies == nil || !res.Policies.Same || res.Predicate.BuiltinPolicies != res.Policies.Digest {
		t.Fatalf("policies %+v, predicate digest %q: want the same tree", res.Policies, res.Predicate.BuiltinPolicies)
	}
	if res.Predicate.EvalTimeout != "" {
		t.Errorf("eval_timeout %q recorded without a limit given", res.Predicate.EvalTimeout)
	}

	a := mustRead(t, base)
	pf := policyFilesOf(t, a.Files[FilePolicies])
	pf.Builtin["lib/tf.rego"] = append(slices.Clone(pf.Builtin["lib/tf.rego"]), []byte("\n# edited by another build\n")...)
	delete(pf.Builtin, "lib/labels.rego")
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
	res, err = Verify(context.Background(), mustRead(t, tarGz(t, entriesOf(a))), loadVerifier(t, "annexa-test"), opts)
	if err != nil {
		t.Fatal(err)
	}
	pc := res.Policies
	if pc.Same || !slices.Equal(pc.Changed, []string{"lib/tf.rego"}) || !slices.Equal(pc.OnlyHere, []string{"lib/labels.rego"}) || len(pc.OnlyRecorded) != 0 {
		t.Errorf("policies %+v: want lib/tf.rego changed and lib/labels.rego only here", pc)
	}
}

// TestArchiveFraming: a bundle is exactly one gzip member holding one tar
// archive; anything appended is refused, and the order of the entries is
// not significant (the signature covers names and digests).
func TestArchiveFraming(t *testing.T) {
	base, _ := bundlesForTest(t)
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	plain := func() []byte {
		r, err := gzip.NewReader(bytes.NewReader(base))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(r); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	for _, tc := range []struct {
		name, want string
		archive    []byte
	}{
		{"second gzip member", "a second gzip member follows", slices.Concat(base, gz([]byte("appended report")))},
		{"trailing bytes after the gzip stream", "data follows the end of the gzip stream", slices.Concat(base, []byte("junk"))},
		{"data after the tar end", "data follows the end of the tar archive", gz(slices.Concat(plain, []byte("hidden payload")))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadArchive(bytes.NewReader(tc.archive), Limits{})
			var fe *FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ReadArchive: %v, want a FormatError saying %q", err, tc.want)
			}
		})
	}
	t.Run("zero padding after the tar end", func(t *testing.T) {
		if _, err := ReadArchive(bytes.NewReader(gz(slices.Concat(plain, make([]byte, 10240)))), Limits{}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("entries in another order", func(t *testing.T) {
		entries := entriesOf(mustRead(t, base))
		slices.Reverse(entries)
		a := mustRead(t, tarGz(t, entries))
		if _, err := Verify(context.Background(), a, loadVerifier(t, "annexa-test"), VerifyOptions{Now: effective.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	})
}
