package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("got %q, %v", got, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
	// A failed write leaves the old file and no temporary file behind.
	err = Write(path, 0o644, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return errors.New("boom")
	})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want one naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after a failed write: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	if err := CheckDir(filepath.Join(dir, "x")); err != nil {
		t.Error(err)
	}
	if err := CheckDir(filepath.Join(dir, "missing", "x")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("err = %v", err)
	}
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: filepath.Join(dir, "a", "x.key"), Data: []byte("k"), Mode: 0o600},
		{Path: filepath.Join(dir, "a", "x.pub"), Data: []byte("p"), Mode: 0o644},
	}
	if err := WriteAll(files, false); err != nil {
		t.Fatal(err)
	}
	files[1].Data = []byte("changed")
	if err := WriteAll(files, false); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second write without overwrite: %v", err)
	}
	if got, _ := os.ReadFile(files[1].Path); string(got) != "p" {
		t.Errorf("refused write changed a file: %q", got)
	}
	if err := WriteAll(files, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(files[1].Path); string(got) != "changed" {
		t.Errorf("overwrite: %q", got)
	}
}

// TestWriteRespectsUmask: a file written atomically has the mode a file
// created in place would have had under the process's umask.
func TestWriteRespectsUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "report.json")
	if err := Write(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err }); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("mode %v under umask 077, want -rw-------", got)
	}
}
