package tfsource

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/annexa-dev/annexa/providers/input"
)

// fileSystem is everything the provider reads: configuration directories,
// variable files and the files that file() and templatefile() open. The
// provider reads the OS; fuzz tests give it an in-memory tree.
type fileSystem interface {
	ReadFile(name string, maxBytes int64) ([]byte, error)
	ReadDir(name string) ([]fs.DirEntry, error)
	// Within reports whether name, with symbolic links resolved, lies in
	// dir or below it.
	Within(name, dir string) (bool, error)
}

type osFS struct{}

func (osFS) ReadFile(name string, maxBytes int64) ([]byte, error) {
	return input.ReadFile(name, maxBytes)
}

func (osFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := os.ReadDir(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("read directory %s: %w", name, pe.Err)
		}
		return nil, fmt.Errorf("read directory %s: %w", name, err)
	}
	return entries, nil
}

func (osFS) Within(name, dir string) (bool, error) {
	realName, err := realPath(name)
	if err != nil {
		return false, err
	}
	realDir, err := realPath(dir)
	if err != nil {
		return false, err
	}
	rel, err := filepath.Rel(realDir, realName)
	if err != nil {
		return false, nil
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)), nil
}

func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// mapFS reads an fs.FS (testing/fstest.MapFS in tests) with slash-separated
// names relative to its root.
type mapFS struct{ fsys fs.FS }

func (m mapFS) name(p string) string { return path.Clean(filepath.ToSlash(p)) }

func (m mapFS) ReadFile(name string, maxBytes int64) ([]byte, error) {
	b, err := fs.ReadFile(m.fsys, m.name(name))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if maxBytes > 0 && int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("read %s: file is larger than the %d MiB limit", name, maxBytes>>20)
	}
	return b, nil
}

func (m mapFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(m.fsys, m.name(name))
	if err != nil {
		return nil, fmt.Errorf("read directory %s: %w", name, err)
	}
	return entries, nil
}

func (m mapFS) Within(name, dir string) (bool, error) {
	n, d := m.name(name), m.name(dir)
	if n == ".." || strings.HasPrefix(n, "../") {
		return false, nil
	}
	return d == "." || n == d || strings.HasPrefix(n, d+"/"), nil
}
