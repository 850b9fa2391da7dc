// Package providertest helps test providers: it writes input files into a
// test's own temporary directory, so tests and fuzz targets of file-reading
// providers need no helpers of their own.
package providertest

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteFile writes content to a file called name in a new temporary
// directory of t and returns its path; a failure to write fails the test.
func WriteFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
	return p
}

// ReadAnyFile returns a fuzz function (for testing.F.Fuzz) that writes the
// fuzzer's bytes to fuzz.csv when isCSV is set, else fuzz.yaml, and reads
// the file with read: an error is fine, a panic is not.
func ReadAnyFile(read func(path string)) func(t *testing.T, data []byte, isCSV bool) {
	return func(t *testing.T, data []byte, isCSV bool) {
		name := "fuzz.yaml"
		if isCSV {
			name = "fuzz.csv"
		}
		read(WriteFile(t, name, string(data)))
	}
}
