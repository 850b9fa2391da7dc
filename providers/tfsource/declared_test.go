package tfsource

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

// Declarations finds each resource and data source block by its
// configuration address, in local modules too, and never reads a module
// outside the directory.
func TestDeclarations(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "infra")
	testfs.Write(t, root, map[string]string{
		"infra/main.tf":         "resource \"aws_s3_bucket\" \"logs\" {\n}\n\ndata \"aws_caller_identity\" \"me\" {}\nmodule \"db\" {\n  source = \"./modules/db\"\n}\nmodule \"out\" {\n  source = \"../shared\"\n}\nmodule \"lnk\" {\n  source = \"./link\"\n}\n",
		"infra/modules/db/x.tf": "\n\nresource \"aws_db_instance\" \"main\" {\n  count = 2\n}\n",
		"shared/main.tf":        "resource \"aws_s3_bucket\" \"outside\" {}\n",
		"infra/broken.tf":       "resource \"aws_s3_bucket\" {",
	})
	// A module reached through a link that leads out of the directory is
	// not read either.
	if err := os.Symlink(filepath.Join(root, "shared"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	got := Declarations(dir)
	want := map[string]Declaration{
		"aws_s3_bucket.logs":             {filepath.Join(dir, "main.tf"), 1},
		"data.aws_caller_identity.me":    {filepath.Join(dir, "main.tf"), 4},
		"module.db.aws_db_instance.main": {filepath.Join(dir, "modules", "db", "x.tf"), 3},
	}
	for addr, w := range want {
		g, ok := got[addr]
		if !ok {
			t.Errorf("%s not found in %v", addr, got)
			continue
		}
		// The directory may be reached through a symbolic link (macOS
		// /var); compare the files themselves.
		gs, err1 := os.Stat(g.File)
		ws, err2 := os.Stat(w.File)
		if err1 != nil || err2 != nil || !os.SameFile(gs, ws) || g.Line != w.Line {
			t.Errorf("%s at %s:%d, want %s:%d", addr, g.File, g.Line, w.File, w.Line)
		}
	}
	if len(got) != len(want) {
		t.Errorf("declarations %v, want only %v (nothing outside the directory)", got, want)
	}
}
