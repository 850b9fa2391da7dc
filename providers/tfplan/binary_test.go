package tfplan

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/diag"
)

// binaryPlan builds a zip archive laid out like the plan file that
// `terraform plan -out tfplan` writes.
func binaryPlan(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range []string{"tfplan", "tfstate", "tfconfig/main.tf"} {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte("\x0a\x05binary")); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBinaryPlan: a plan saved with terraform plan -out is recognised and
// the error says how to make the JSON annexa reads.
func TestBinaryPlan(t *testing.T) {
	data := binaryPlan(t)
	if !IsBinaryPlan(data) {
		t.Error("IsBinaryPlan = false for a plan file")
	}
	for _, other := range [][]byte{[]byte(`{"format_version":"1.2"}`), []byte("PK\x03\x04\x14\x00lambda.py")} {
		if IsBinaryPlan(other) {
			t.Errorf("IsBinaryPlan(%q) = true", other)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "tfplan")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := diag.AsError(Provider{}.Collect(context.Background(), path))
	want := "run `terraform show -json " + path + " > " + path + ".json`"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("error = %v, want it to name the file and say %q", err, want)
	}
}
