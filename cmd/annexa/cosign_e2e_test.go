package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/bundles"
)

// TestCosignVerifiesBundle proves that upstream cosign, with nothing but the
// public key, accepts every signed file of a bundle the annexa binary wrote,
// through both the DSSE envelope and the sigstore bundle, and rejects a
// changed one.
// CI installs cosign (.ci/run); elsewhere the test is skipped without it.
func TestCosignVerifiesBundle(t *testing.T) {
	t.Parallel()
	cosign, err := exec.LookPath("cosign")
	if err != nil {
		t.Skip("cosign is not on PATH; install it with `go install github.com/sigstore/cosign/v2/cmd/cosign@v2.6.5` (CI does)")
	}
	dir := t.TempDir()
	for name, data := range unpack(t, writeBundleWith(t, annexaBinary, bundlePlan)) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	trustedRoot := filepath.Join(t.TempDir(), "empty-trusted-root.json")
	if err := os.WriteFile(trustedRoot, []byte(bundles.EmptyTrustedRoot), 0o644); err != nil {
		t.Fatal(err)
	}
	key := abs(t, "../../testdata/keys/annexa-test.pub")
	home := t.TempDir()
	verify := func(file string, viaBundle bool) (string, error) {
		args := []string{"verify-blob-attestation", "--key", key, "--type", bundles.PredicateType, "--insecure-ignore-tlog"}
		if viaBundle {
			args = append(args, "--bundle", bundles.FileSigstore, "--new-bundle-format", "--trusted-root", trustedRoot)
		} else {
			args = append(args, "--signature", bundles.FileDSSE)
		}
		cmd := exec.Command(cosign, append(args, file)...)
		cmd.Dir = dir
		// With --signature cosign tries to fetch Sigstore's TUF root first;
		// a loopback mirror with no cached root makes it give up at once
		// instead of reaching the network. --trusted-root needs no TUF.
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TUF_ROOT=" + filepath.Join(home, "tuf"), "TUF_MIRROR=http://127.0.0.1:9"}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	subjects := []string{bundles.FileVerify, bundles.FileFacts, bundles.FileManifest, bundles.FilePolicies, bundles.FileReport}
	for _, f := range subjects {
		for _, viaBundle := range []bool{false, true} {
			out, err := verify(f, viaBundle)
			if err != nil || !strings.Contains(out, "Verified OK") {
				t.Errorf("cosign verify-blob-attestation (sigstore bundle %v) %s: %v\n%s", viaBundle, f, err, out)
			}
		}
	}
	report := filepath.Join(dir, bundles.FileReport)
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(report, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, viaBundle := range []bool{false, true} {
		if out, err := verify(bundles.FileReport, viaBundle); err == nil {
			t.Errorf("cosign accepted a changed report.json (sigstore bundle %v):\n%s", viaBundle, out)
		}
	}
}
