package input

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Excluded reports whether a file or directory met while walking a
// directory matches one of the --exclude globs (path.Match syntax): its
// path below the directory walked (rel, slash-separated), or its name.
// A trailing slash on a glob is ignored.
func Excluded(rel, name string, globs []string) bool {
	for _, g := range globs {
		g = strings.TrimSuffix(filepath.ToSlash(g), "/")
		if ok, _ := path.Match(g, rel); ok {
			return true
		}
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// CheckGlobs refuses an --exclude glob that is not valid path.Match
// syntax.
func CheckGlobs(globs []string) error {
	for _, g := range globs {
		if _, err := path.Match(g, ""); err != nil {
			return fmt.Errorf("--exclude %q: %w", g, err)
		}
	}
	return nil
}

// WalkFiles lists, sorted, the regular files under dir that match wants,
// skipping hidden directories, the directories skip names (nil skips
// none) and the files and directories that match an exclude glob
// (Excluded). what names the input in errors ("evidence", "manifests").
func WalkFiles(dir, what string, skip func(name string) bool, wants func(path string) bool, exclude []string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s %s: %w", what, p, errors.Unwrap(err))
		}
		rel, _ := filepath.Rel(dir, p)
		excluded := p != dir && Excluded(filepath.ToSlash(rel), d.Name(), exclude)
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || (skip != nil && skip(d.Name())) || excluded) {
				return fs.SkipDir
			}
			return nil
		}
		if excluded {
			return nil
		}
		if d.Type().IsRegular() && wants(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// Describe names the JSON type of a decoded value for messages such as
// "expected an evidence record, found a list".
func Describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case nil:
		return "null"
	case bool:
		return "a boolean"
	}
	return "a number"
}
