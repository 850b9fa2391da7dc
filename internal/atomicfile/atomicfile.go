// Package atomicfile writes files so that a reader, or a failed run, never
// sees half of one: the content goes to a private temporary file beside the
// target, which is renamed into place only when it is complete.
package atomicfile

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Write writes path with the given mode from write. When write or any
// step after it fails, the temporary file is removed and path is left as
// it was.
func Write(path string, mode os.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := createTemp(path, mode)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new file beside path, with mode as the process's
// umask leaves it (as the file written in place would have been: a user
// whose umask is 077 gets private reports), and a name no other writer
// uses.
func createTemp(path string, mode os.FileMode) (*os.File, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", base, rand.Uint32()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
		if os.IsExist(err) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("no free temporary file name beside %s", path)
}

// CheckDir reports an error naming path when the directory it would be
// written to does not exist, so a run can fail before doing any work.
func CheckDir(path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("write %s: directory %s does not exist", path, dir)
	}
	return nil
}

// ExistsError is WriteAll's refusal to replace an existing file.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string { return e.Path + " already exists" }

// File is one file for WriteAll.
type File struct {
	Path string
	Data []byte
	Mode os.FileMode
}

// WriteAll writes files in order, each atomically, creating their
// directories. Unless overwrite is set it first makes sure none of them
// exists, so that it never replaces a file the user has (a key, a
// policy) and either writes all or none.
func WriteAll(files []File, overwrite bool) error {
	if !overwrite {
		for _, f := range files {
			if _, err := os.Lstat(f.Path); err == nil {
				return &ExistsError{Path: f.Path}
			}
		}
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			return fmt.Errorf("create %s: %w", filepath.Dir(f.Path), err)
		}
		if err := Write(f.Path, f.Mode, func(w io.Writer) error { _, err := w.Write(f.Data); return err }); err != nil {
			return err
		}
	}
	return nil
}
