package runner

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/project"
)

// TestBundleDigestsOnlyDeclaredInputs: a provider (an external program
// above all) names the files its facts came from; the bundle records
// digests only of files inside the run's declared inputs, not of a file
// elsewhere on the machine, nor of one reached by a link out of them.
func TestBundleDigestsOnlyDeclaredInputs(t *testing.T) {
	dir := t.TempDir()
	inside := filepath.Join(dir, "inventory.json")
	outside := filepath.Join(t.TempDir(), "credentials")
	for _, f := range []string{inside, outside} {
		if err := os.WriteFile(f, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "escape")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	fs := []facts.Fact{
		{ID: "a", Source: facts.Source{File: inside}},
		{ID: "b", Source: facts.Source{File: outside}},
		{ID: "c", Source: facts.Source{File: link}},
		{ID: "d", Source: facts.Source{File: "/etc/hostname"}},
	}
	p := &project.Project{Sources: []providers.Source{{Path: dir}}}
	if got := inputFiles(fs, p); !slices.Equal(got, []string{inside}) {
		t.Errorf("inputs %v, want only %s", got, inside)
	}
}
