// Package accuracy measures how well annexa's policies recognise labelled
// examples: the corpus of testdata/accuracy, written by annexa's
// developers, and external labelled fixtures (a scanner project's
// positive and negative test files) through a map of their check ids to
// annexa policies. Every case runs through the same stages as `annexa
// check` with the flag its extension stands for (--tf, --plan, --k8s,
// --config), against one engine compiled once. docs/accuracy.md describes
// the corpus, the verdict rules and the mutation meta-test.
package accuracy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Label is what a case is expected to be.
type Label string

// Labels.
const (
	// Bad: at least one finding of the case's policy.
	Bad Label = "bad"
	// Good: no finding of the case's policy, and the policy judged at
	// least one fact (a good case nothing was judged on proves nothing).
	Good Label = "good"
)

// Source flags a case is run with.
const (
	FlagTF     = "tf"
	FlagPlan   = "plan"
	FlagK8s    = "k8s"
	FlagConfig = "config"
	// FlagSnapshot runs a snapshot of an AWS account (`annexa collect aws
	// --out`), the form in which the facts of a live account are a case.
	FlagSnapshot = "snapshot"
)

// Case is one labelled example.
type Case struct {
	// Policies are the policies the label is about: one for the corpus,
	// the mapped annexa policies for an external check. A bad case is
	// detected when any of them has a finding, a good case is a false
	// positive when any of them does.
	Policies []string
	// Group names what the case belongs to in the tables: the policy id
	// for the corpus, the external check id.
	Group string
	Label Label
	// Name is the case's path relative to the corpus root.
	Name string
	// Path is the file or directory the case is.
	Path string
	// Flag is the source flag the case is run with; Value is the flag's
	// value (the format-prefixed path for --config).
	Flag, Value string
	// Dir is set when the case is a directory of .tf files.
	Dir bool
}

// Cloud is the cloud a policy belongs to, by the prefix of the part of
// its id after the control: aws, azure, gcp, k8s, else other.
func Cloud(policy string) string {
	_, name, _ := strings.Cut(policy, ".")
	for _, c := range []string{"aws", "azure", "gcp", "k8s"} {
		if strings.HasPrefix(name, c+"_") {
			return c
		}
	}
	return "other"
}

// flagFor tells how a case file is run, by its name; ok is false for a
// file that is not a case (a README, an expected-result file).
func flagFor(name string) (flag, value string, ok bool) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tf.json"):
		return FlagTF, "", true
	case strings.HasSuffix(lower, ".aws-snapshot.json"):
		return FlagSnapshot, "", true
	case strings.HasSuffix(lower, ".github.json"):
		return FlagConfig, "github=", true
	case strings.HasSuffix(lower, ".json"):
		return FlagPlan, "", true
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return FlagK8s, "", true
	case strings.HasSuffix(lower, ".sshd_config"):
		return FlagConfig, "sshd_config=", true
	}
	return "", "", false
}

// newCase makes the case of one entry of a good/bad (positive/negative)
// directory: a file whose extension says how to run it, or a directory of
// .tf files. ok is false for anything else.
func newCase(path string, isDir bool) (Case, bool) {
	if isDir {
		entries, err := os.ReadDir(path)
		if err != nil {
			return Case{}, false
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".tf") {
				return Case{Path: path, Flag: FlagTF, Value: path, Dir: true}, true
			}
		}
		return Case{}, false
	}
	flag, prefix, ok := flagFor(filepath.Base(path))
	if !ok {
		return Case{}, false
	}
	return Case{Path: path, Flag: flag, Value: prefix + path}, true
}

// Discover lists the corpus under root:
// root/<policy>/{good,bad}/<case>.{tf,json,yaml} or <case>/ (a directory of
// .tf files); also <case>.sshd_config and <case>.github.json for the
// policies over configuration files. Anything else under a good or bad
// directory is an error, so a misnamed case is not silently skipped.
func Discover(root string) ([]Case, error) {
	policies, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []Case
	var errs []error
	for _, p := range policies {
		if !p.IsDir() {
			continue
		}
		for _, label := range []Label{Bad, Good} {
			dir := filepath.Join(root, p.Name(), string(label))
			entries, err := os.ReadDir(dir)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				path := filepath.Join(dir, e.Name())
				c, ok := newCase(path, e.IsDir())
				if !ok {
					if strings.HasPrefix(e.Name(), ".") || strings.EqualFold(e.Name(), "README.md") {
						continue
					}
					errs = append(errs, fmt.Errorf("%s: not a case: a case is a .tf, .json (plan), .yaml (Kubernetes), .sshd_config or .github.json file, or a directory of .tf files", path))
					continue
				}
				c.Policies = []string{p.Name()}
				c.Group = p.Name()
				c.Label = label
				c.Name = filepath.ToSlash(filepath.Join(p.Name(), string(label), e.Name()))
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b Case) int { return strings.Compare(a.Name, b.Name) })
	return out, errors.Join(errs...)
}
