package input

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
)

// WalkFiles lists, sorted, the regular files under dir that match wants,
// skipping hidden directories and the directories skip names (nil skips
// none). what names the input in errors ("evidence", "manifests").
func WalkFiles(dir, what string, skip func(name string) bool, wants func(path string) bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s %s: %w", what, p, errors.Unwrap(err))
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || (skip != nil && skip(d.Name()))) {
				return fs.SkipDir
			}
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
