// Package testfs writes input files for tests: a file, a tree of files,
// and the file a fuzz target reads, in a test's own temporary directory.
package testfs

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// FIFO makes a named pipe called name in a new temporary directory of t
// and returns its path, with a writer that waits for a reader, writes
// content at once and closes, as `terraform show -json tfplan > pipe`
// does. It skips t where named pipes cannot be made.
func FIFO(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	go func() {
		// Opening for writing waits for a reader.
		if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			_, _ = f.WriteString(content)
			_ = f.Close()
		}
	}()
	return p
}

// SortedKeysPlan is a Terraform plan JSON whose keys were sorted, as
// `jq -S` leaves them: format_version comes after a configuration longer
// than the head that detection reads.
var SortedKeysPlan = `{"applyable": true, "complete": true, "configuration": {"provider_config": {"aws": {"name": "aws"}}, "root_module": {"resources": [` +
	strings.Repeat(`{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs"},`, 60) +
	`{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b"}]}}, "errored": false, "format_version": "1.2", "resource_changes": []}`
