package tfsource

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// fileSystem is everything the provider reads: configuration directories,
// variable files and the files that file() and templatefile() open. The
// provider reads the OS; tests give it an in-memory tree. Reads go through
// a sandbox, which resolves symbolic links itself and checks every path
// before it touches it.
type fileSystem interface {
	// Abs returns name as an absolute, clean path.
	Abs(name string) (string, error)
	// Lstat describes name without following a final symbolic link.
	Lstat(name string) (fs.FileInfo, error)
	// Readlink returns the target of the symbolic link name.
	Readlink(name string) (string, error)
	// ReadFile reads at most maxBytes of the regular file name, a path
	// without symbolic links; it refuses anything else without blocking.
	ReadFile(name string, maxBytes int64) ([]byte, error)
	// ReadDir lists the directory name.
	ReadDir(name string) ([]fs.DirEntry, error)
}

// osFS reads the operating system's files.
type osFS struct{}

func (osFS) Abs(name string) (string, error) { return filepath.Abs(name) }

func (osFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

func (osFS) Readlink(name string) (string, error) { return os.Readlink(name) }

func (osFS) ReadFile(name string, maxBytes int64) ([]byte, error) {
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	b, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("file is larger than the %d MiB limit", maxBytes>>20)
	}
	return b, nil
}

func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// errNotRegular is returned for a FIFO, device, socket or directory where
// a file is expected.
var errNotRegular = errors.New("not a regular file")

// mapFS reads an fs.FS (testing/fstest.MapFS in tests) whose root stands
// for "/"; it holds no symbolic links.
type mapFS struct{ fsys fs.FS }

func (m mapFS) name(p string) string {
	p = strings.TrimPrefix(path.Clean(filepath.ToSlash(p)), "/")
	if p == "" {
		return "."
	}
	return p
}

func (m mapFS) Abs(name string) (string, error) {
	return filepath.FromSlash("/" + strings.TrimPrefix(m.name(name), ".")), nil
}

func (m mapFS) Lstat(name string) (fs.FileInfo, error) { return fs.Stat(m.fsys, m.name(name)) }

func (m mapFS) Readlink(name string) (string, error) {
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

func (m mapFS) ReadFile(name string, maxBytes int64) ([]byte, error) {
	b, err := fs.ReadFile(m.fsys, m.name(name))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("file is larger than the %d MiB limit", maxBytes>>20)
	}
	return b, nil
}

func (m mapFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(m.fsys, m.name(name)) }

// refusal is a path annexa will not read: it leaves the scan root, or it
// is not a regular file. Its message names the path as the configuration
// gave it, never where a symbolic link leads, and says nothing about
// whether anything exists outside the scan root.
type refusal struct {
	name, reason string
}

func (r *refusal) Error() string { return r.name + " " + r.reason }

// maxLinks bounds the symbolic links followed to resolve one path, as the
// operating system does.
const maxLinks = 40

// sandbox confines what the provider reads to a scan root: the root
// module's directory, or the top of the git repository that encloses it,
// so that module sources such as ../../modules/x and .terraform/modules
// are read while nothing else is.
type sandbox struct {
	fsys fileSystem
	// root is the scan root, absolute and with symbolic links resolved.
	root string
	// base is the root module directory as given, made absolute;
	// realBase is the same directory with symbolic links resolved. Paths
	// under base are read under realBase.
	base, realBase string
	// top is the root of the file system base lies on.
	top string
}

// newSandbox makes the sandbox of the root module in dir. scanRoot, when
// not empty, is the directory the user named (root modules discovered
// under it keep it as their scan root); dir must lie inside it.
func newSandbox(fsys fileSystem, dir, scanRoot string) (*sandbox, error) {
	base, err := fsys.Abs(dir)
	if err != nil {
		return nil, err
	}
	top := filepath.VolumeName(base) + string(filepath.Separator)
	realBase, err := resolveLinks(fsys, top, base, dir)
	if err != nil {
		return nil, err
	}
	fi, err := fsys.Lstat(realBase)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	s := &sandbox{fsys: fsys, root: realBase, base: base, realBase: realBase, top: top}
	if scanRoot != "" {
		absScan, err := fsys.Abs(scanRoot)
		if err != nil {
			return nil, err
		}
		if s.root, err = resolveLinks(fsys, top, absScan, scanRoot); err != nil {
			return nil, err
		}
		if !within(realBase, s.root) {
			return nil, fmt.Errorf("%s is outside the scan root %s", dir, scanRoot)
		}
	}
	for d := s.root; ; d = filepath.Dir(d) {
		if _, err := fsys.Lstat(filepath.Join(d, ".git")); err == nil {
			s.root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return s, nil
}

// within reports whether the clean absolute path name is dir or below it.
func within(name, dir string) bool {
	rel, err := filepath.Rel(dir, name)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolveLinks resolves the symbolic links in p, a clean absolute path
// inside root, one component at a time. A component or link target that
// leads outside root is refused before anything outside is looked at, so
// the answer never depends on what exists there. name is the path as the
// configuration gave it, for messages.
func resolveLinks(fsys fileSystem, root, p, name string) (string, error) {
	if !within(p, root) {
		return "", &refusal{name: name, reason: "lies outside the scan root " + root}
	}
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return "", err
	}
	rest := splitPath(rel)
	cur, links := root, 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if cur == root {
				return "", &refusal{name: name, reason: "leads outside the scan root " + root + " through a symbolic link"}
			}
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, c)
		fi, err := fsys.Lstat(next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if links++; links > maxLinks {
			return "", fmt.Errorf("%s: too many levels of symbolic links", name)
		}
		target, err := fsys.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			target = filepath.Clean(target)
			if !within(target, root) {
				return "", &refusal{name: name, reason: "leads outside the scan root " + root + " through a symbolic link"}
			}
			r, err := filepath.Rel(root, target)
			if err != nil {
				return "", err
			}
			cur, rest = root, append(splitPath(r), rest...)
			continue
		}
		rest = append(splitPath(target), rest...)
	}
	return cur, nil
}

func splitPath(p string) []string {
	if p == "." || p == "" {
		return nil
	}
	return strings.Split(filepath.Clean(p), string(filepath.Separator))
}

// virtualRoots are file systems whose "regular" files are not files:
// reading them gives the state of the machine or blocks.
var virtualRoots = []string{"/proc", "/sys", "/dev"}

// real returns the path to read for name, a path as the configuration
// gives it (relative to the working directory or absolute), resolved and
// confined to root.
func (s *sandbox) real(name, root string) (string, error) {
	abs, err := s.fsys.Abs(name)
	if err != nil {
		return "", err
	}
	p := abs
	if rel, err := filepath.Rel(s.base, abs); err == nil {
		p = filepath.Join(s.realBase, rel)
	}
	return resolveLinks(s.fsys, root, p, name)
}

// regular returns the path to read for name after checking that it is a
// regular file, outside the machine's virtual file systems.
func (s *sandbox) regular(name, root string) (string, error) {
	p, err := s.real(name, root)
	if err != nil {
		return "", err
	}
	fi, err := s.fsys.Lstat(p)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", &refusal{name: name, reason: "is not a regular file (" + describeMode(fi.Mode()) + "); annexa reads only regular files"}
	}
	for _, v := range virtualRoots {
		if within(p, v) {
			return "", &refusal{name: name, reason: "is on the virtual file system " + v + "; annexa does not read it"}
		}
	}
	return p, nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// readFile reads the regular file name inside the scan root.
func (s *sandbox) readFile(name string, maxBytes int64) ([]byte, error) {
	return s.read(name, s.root, maxBytes)
}

// readAnywhere reads the regular file name wherever it lies: for a
// variables file named on the command line.
func (s *sandbox) readAnywhere(name string, maxBytes int64) ([]byte, error) {
	return s.read(name, s.top, maxBytes)
}

func (s *sandbox) read(name, root string, maxBytes int64) ([]byte, error) {
	p, err := s.regular(name, root)
	if err != nil {
		return nil, describeReadError(name, err)
	}
	b, err := s.fsys.ReadFile(p, maxBytes)
	if err != nil {
		return nil, describeReadError(name, err)
	}
	return b, nil
}

// describeReadError names name in err, keeping refusals and missing files
// recognisable to errors.As and errors.Is.
func describeReadError(name string, err error) error { return describe("read", name, err) }

func describeDirError(name string, err error) error { return describe("read directory", name, err) }

// describe says what was being done to name when err happened, keeping a
// refusal as it is and dropping the path an fs.PathError repeats.
func describe(what, name string, err error) error {
	var r *refusal
	if errors.As(err, &r) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s %s: %w", what, name, err)
}

// exists reports whether name is a regular file inside the scan root; a
// path outside it is refused, whether or not anything is there.
func (s *sandbox) exists(name string) (bool, error) {
	p, err := s.real(name, s.root)
	var r *refusal
	switch {
	case errors.As(err, &r):
		return false, err
	case err != nil:
		return false, nil
	}
	fi, err := s.fsys.Lstat(p)
	return err == nil && fi.Mode().IsRegular(), nil
}

// readDir lists the directory name inside the scan root.
func (s *sandbox) readDir(name string) ([]fs.DirEntry, error) {
	p, err := s.real(name, s.root)
	if err != nil {
		return nil, describeDirError(name, err)
	}
	entries, err := s.fsys.ReadDir(p)
	if err != nil {
		return nil, describeDirError(name, err)
	}
	return entries, nil
}
