// Package testfs writes file trees for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes each file of files (slash-separated path relative to dir →
// content) under dir, creating directories, and fails t on any error.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
