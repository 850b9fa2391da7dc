package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/policies"
)

// builtinWanted says whether the Rego file at rel (a path inside the
// built-in tree) is one an engine loads: the library, the clause rules and
// the risk policies always, the controls when withControls is set; test
// files never.
func builtinWanted(rel string, withControls bool) bool {
	return strings.HasSuffix(rel, ".rego") && !strings.HasSuffix(rel, "_test.rego") && inBuiltinTree(rel, withControls)
}

// inBuiltinTree says whether rel lies in a part of the built-in tree an
// engine loads.
func inBuiltinTree(rel string, withControls bool) bool {
	for _, dir := range []string{"lib/", "clauses/", "risk/"} {
		if strings.HasPrefix(rel, dir) {
			return true
		}
	}
	return withControls && strings.HasPrefix(rel, "controls/")
}

// BuiltinFiles is the built-in policy tree this annexa embeds as an engine
// loads it (PolicyFiles.Builtin): the catalog, the clause map and the Rego
// files builtinWanted picks.
func BuiltinFiles(withControls bool) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if p != policies.CatalogPath && p != policies.ClausesPath && !builtinWanted(p, withControls) {
			return nil
		}
		b, err := fs.ReadFile(policies.FS, p)
		out[p] = b
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the built-in policies: %w", err)
	}
	return out, nil
}

// TreeDigest is the digest of a policy tree (path to content): the sha256
// of one line per file, sorted by path, of the path and the sha256 of its
// content. JSON files count by their compacted form, so a tree that went
// through an OPA bundle's data document and back keeps its digest.
func TreeDigest(files map[string][]byte) string {
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256(canonicalContent(p, files[p]))
		fmt.Fprintf(h, "%s\x00%s\n", p, hex.EncodeToString(sum[:]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TreeDiff names the files that differ between two policy trees: changed,
// only in a, only in b; each list sorted.
func TreeDiff(a, b map[string][]byte) (changed, onlyA, onlyB []string) {
	for _, p := range slices.Sorted(maps.Keys(a)) {
		other, ok := b[p]
		switch {
		case !ok:
			onlyA = append(onlyA, p)
		case !bytes.Equal(canonicalContent(p, a[p]), canonicalContent(p, other)):
			changed = append(changed, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[p]; !ok {
			onlyB = append(onlyB, p)
		}
	}
	return changed, onlyA, onlyB
}

func canonicalContent(path string, b []byte) []byte {
	if !strings.HasSuffix(path, ".json") {
		return b
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return b
	}
	out, err := json.Marshal(v)
	if err != nil {
		return b
	}
	return out
}
