package bundles

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sigstore/sigstore/pkg/signature"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

const (
	testPassword = "annexa-test"
	testPlan     = "../testdata/bundles/plan.json"
	customPolicy = "../testdata/policies/custom"
)

// The sensitive values in testdata/bundles/plan.json.
var secrets = []string{"Zx9-Kp2!vRq7-Lm4#Tw8", "tok_live_51HxQ2eZvKYlo2CwA7aP"}

var effective = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func loadSigner(t testing.TB, name string) signature.SignerVerifier {
	t.Helper()
	file := filepath.Join("../testdata/keys", name+".key")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sv, err := LoadPrivateKey(file, b, []byte(testPassword))
	if err != nil {
		t.Fatal(err)
	}
	return sv
}

func loadVerifier(t testing.TB, name string) signature.Verifier {
	t.Helper()
	file := filepath.Join("../testdata/keys", name+".pub")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	v, err := LoadPublicKey(file, b)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// evidence runs the real pipeline on testPlan: provider, engine, report.
func evidence(t testing.TB, at time.Time, policyDirs ...string) *Evidence {
	t.Helper()
	ctx := context.Background()
	fs, err := diag.AsError(tfplan.Provider{}.Collect(ctx, testPlan))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(ctx, engine.WithEffectiveTime(at), engine.WithToolVersion("v0.0.0-test"), engine.WithPolicyDirs(policyDirs...))
	if err != nil {
		t.Fatal(err)
	}
	report, err := eng.Evaluate(ctx, fs)
	if err != nil {
		t.Fatal(err)
	}
	return &Evidence{Facts: fs, Report: report, Policies: eng.PolicyFiles(), Inputs: []string{testPlan}}
}

func writeBundle(t testing.TB, ev *Evidence, signer signature.Signer) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, ev, signer, effective.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	baselineOnce  sync.Once
	baselineBytes []byte
	otherBytes    []byte
)

// bundlesForTest returns a bundle of testPlan with the built-in and the
// custom policies, signed with the annexa test key, and a second one from
// another run (a day later); both are written once per test binary, and
// tests read them, never modify them.
func bundlesForTest(t testing.TB) (base, other []byte) {
	t.Helper()
	baselineOnce.Do(func() {
		signer := loadSigner(t, "annexa-test")
		baselineBytes = writeBundle(t, evidence(t, effective, customPolicy), signer)
		otherBytes = writeBundle(t, evidence(t, effective.Add(24*time.Hour), customPolicy), signer)
	})
	if baselineBytes == nil {
		t.Fatal("baseline bundle could not be written")
	}
	return baselineBytes, otherBytes
}

func mustRead(t testing.TB, b []byte) *Archive {
	t.Helper()
	a, err := ReadArchive(bytes.NewReader(b), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// entry is one raw tar entry for hand-built archives.
type entry struct {
	hdr  tar.Header
	data []byte
}

func regular(name string, data []byte) entry {
	return entry{hdr: tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(data))}, data: data}
}

func entriesOf(a *Archive) []entry {
	var out []entry
	for _, p := range a.Order {
		out = append(out, regular(p, a.Files[p]))
	}
	return out
}

func tarGz(t testing.TB, entries []entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := e.hdr
		if err := tw.WriteHeader(&hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(tw, bytes.NewReader(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testReplay evaluates a recording as annexa's runner does (runner.Replay,
// which this package cannot import without a cycle).
func testReplay(ctx context.Context, rec *Recording) (*engine.Report, error) {
	eng, err := rec.Engine(ctx)
	if err != nil {
		return nil, err
	}
	return eng.Evaluate(ctx, rec.Facts)
}
