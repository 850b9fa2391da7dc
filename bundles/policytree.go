package bundles

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/annexa-dev/annexa/engine"
)

// PolicyTreeCheck compares the built-in policy tree a bundle recorded
// with the verifier's own. Versions cannot decide this (every build from
// source reports "devel"), so the trees themselves are compared.
type PolicyTreeCheck struct {
	// Digest is the engine.TreeDigest of the recorded tree.
	Digest string
	// Same is true when the verifier embeds exactly the recorded tree:
	// the report was made by the policies this annexa would run.
	Same bool
	// Changed, OnlyRecorded and OnlyHere name the files that differ when
	// the trees are not the same.
	Changed, OnlyRecorded, OnlyHere []string
	// Unconfirmed says why the trees could not be compared, when they
	// could not.
	Unconfirmed string
}

// checkPolicyTree reads the recorded built-in tree from policies.tar.gz,
// checks it against the digest the predicate signed (when it has one), and
// compares it with this annexa's. Only a tree that disagrees with its own
// signed digest is a verification problem; a tree that differs from the
// verifier's is authentic evidence made with other policies, and is
// reported as such.
func checkPolicyTree(a *Archive, p *Predicate, lim Limits) (*PolicyTreeCheck, []string) {
	builtin, _, err := readPolicyBundle(a.Files[FilePolicies], lim)
	if err != nil {
		return nil, []string{err.Error()}
	}
	recorded := map[string][]byte{}
	err = fs.WalkDir(builtin, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtin, path)
		recorded[path] = b
		return err
	})
	if err != nil {
		return nil, []string{fmt.Sprintf("read %s: %v", FilePolicies, err)}
	}
	check := &PolicyTreeCheck{Digest: engine.TreeDigest(recorded)}
	if p.BuiltinPolicies != "" && p.BuiltinPolicies != check.Digest {
		return check, []string{fmt.Sprintf("%s: its built-in policy tree has digest %s, but the signed predicate records %s", FilePolicies, check.Digest, p.BuiltinPolicies)}
	}
	withControls := false
	for path := range recorded {
		withControls = withControls || strings.HasPrefix(path, "controls/")
	}
	own, err := engine.BuiltinFiles(withControls)
	if err != nil {
		check.Unconfirmed = err.Error()
		return check, nil
	}
	check.Changed, check.OnlyRecorded, check.OnlyHere = engine.TreeDiff(recorded, own)
	check.Same = len(check.Changed)+len(check.OnlyRecorded)+len(check.OnlyHere) == 0
	return check, nil
}
