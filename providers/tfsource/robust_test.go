package tfsource

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers/facts"
)

// configDirs lists every directory under root that holds .tf or .tf.json
// files.
func configDirs(t testing.TB, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ok, _ := isConfigFile(d.Name()); ok && !d.IsDir() {
			seen[filepath.Dir(p)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	slices.Sort(dirs)
	return dirs
}

// TestEveryFixtureParses runs the provider over every directory of
// Terraform source in testdata: each either yields valid facts or a clear
// error, never a panic.
func TestEveryFixtureParses(t *testing.T) {
	dirs := configDirs(t, "../../testdata")
	if len(dirs) == 0 {
		t.Fatal("no .tf fixtures under testdata")
	}
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			fs, err := diag.AsError(Provider{}.Collect(context.Background(), dir))
			if err != nil {
				if !strings.Contains(err.Error(), filepath.ToSlash(dir)) && !strings.Contains(err.Error(), dir) {
					t.Errorf("error does not name the directory or a file in it: %v", err)
				}
				return
			}
			for i := range fs {
				if err := v.Validate(fs[i].Document()); err != nil {
					t.Errorf("invalid fact: %v", err)
				}
			}
		})
	}
}

// TestEdgeCases feeds generated awkward input through the provider.
func TestEdgeCases(t *testing.T) {
	valid := "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"
	long := "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"" + strings.Repeat("x", 1<<20) + "\"\n}\n"
	nestBlocks := strings.Repeat("a {\n", 300) + strings.Repeat("}\n", 300)
	tests := []struct {
		name  string
		files map[string]string
		vars  []Var
		// want is a substring of the error, "" for success.
		want string
	}{
		{"empty file", map[string]string{"root/main.tf": ""}, nil, ""},
		{"only comments", map[string]string{"root/main.tf": "# nothing\n/* here */\n"}, nil, ""},
		{"empty JSON file", map[string]string{"root/main.tf.json": "{}"}, nil, ""},
		{"CRLF line endings", map[string]string{"root/main.tf": strings.ReplaceAll(valid, "\n", "\r\n")}, nil, ""},
		{"UTF-8 byte order mark", map[string]string{"root/main.tf": "\xEF\xBB\xBF" + valid}, nil, ""},
		{"very long line", map[string]string{"root/main.tf": long}, nil, ""},
		{"NUL bytes", map[string]string{"root/main.tf": "resource \x00\x00"}, nil, "root/main.tf:1:"},
		{"binary", map[string]string{"root/main.tf": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"}, nil, "Invalid UTF-8"},
		{"UTF-16", map[string]string{"root/main.tf": "\xff\xfer\x00e\x00"}, nil, "Invalid UTF-8"},
		{"deeply nested blocks", map[string]string{"root/main.tf": "resource \"a_b\" \"c\" {\n" + nestBlocks + "}\n"}, nil, "Nesting too deep"},
		{"deeply nested parentheses", map[string]string{"root/main.tf": "locals {\n  a = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "\n}\n"}, nil, "root/main.tf:2:"},
		{"long operator chain", map[string]string{"root/main.tf": "locals {\n  a = 1" + strings.Repeat(" + 1", 500000) + "\n}\n"}, nil, "Expression too complex"},
		{"long unary chain", map[string]string{"root/main.tf": "locals {\n  a = " + strings.Repeat("!", 500000) + "true\n}\n"}, nil, "Expression too complex"},
		{"long conditional chain", map[string]string{"root/main.tf": "locals {\n  a = " + strings.Repeat("true ? 1 : ", 200000) + "0\n}\n"}, nil, "Expression too complex"},
		{"long index chain", map[string]string{"root/main.tf": "locals {\n  i = 0\n  a = [[1]]" + strings.Repeat("[local.i]", 200000) + "\n}\n"}, nil, "Expression too complex"},
		{"operators across lines in parentheses", map[string]string{"root/main.tf": "locals {\n  a = (1" + strings.Repeat("\n + 1", 5000) + ")\n}\n"}, nil, "Expression too complex"},
		{"many short expressions", map[string]string{"root/main.tf": "locals {\n" + strings.Repeat("  x = 1 + 2 * 3\n", 1) + manyLocals(5000) + "}\n"}, nil, ""},
		{"deep template nesting", map[string]string{"root/main.tf": "locals {\n  a = " + strings.Repeat(`"${`, 5000) + "1" + strings.Repeat(`}"`, 5000) + "\n}\n"}, nil, "Nesting too deep"},
		{"deep JSON", map[string]string{"root/main.tf.json": strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)}, nil, "root/main.tf.json:1:"},
		{"deep JSON template", map[string]string{"root/main.tf.json": `{"locals": {"a": "${1` + strings.Repeat(" + 1", 100000) + `}"}}`}, nil, "Expression too complex"},
		{"deep tfvars", map[string]string{"root/main.tf": `variable "v" {}`, "root/terraform.tfvars": "v = " + strings.Repeat("[", 100000)}, nil, "root/terraform.tfvars:1:"},
		{"deep --var", map[string]string{"root/main.tf": "variable \"v\" {\n  type = list(any)\n}"}, []Var{{Assignment: "v=" + strings.Repeat("[", 100000)}}, "<value for var.v>:1:"},
		{"deep templatefile", map[string]string{"root/main.tf": `resource "a_b" "c" { v = templatefile("t.tpl", {}) }`, "root/t.tpl": strings.Repeat("${(", 5000)}, nil, "Nesting too deep"},
		{"huge count", map[string]string{"root/main.tf": `resource "a_b" "c" { count = 1e12 }`}, nil, "Too many instances"},
		{"huge for_each", map[string]string{"root/main.tf": `resource "a_b" "c" { for_each = toset([for i in range(1000) : tostring(i)]) }` + "\n" +
			`module "m" {
  source = "./m"
  for_each = toset([for i in range(1000) : tostring(i)])
}`, "root/m/main.tf": `resource "a_b" "c" { count = 1000 }`}, nil, "Too many instances"},
		{"nested modules", map[string]string{"root/main.tf": `module "a" { source = "./a" }`, "root/a/main.tf": `module "a" { source = "./a" }`, "root/a/a/main.tf": `resource "a_b" "c" {}`}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, tt.files, tt.vars...)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func manyLocals(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("  l")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(strings.Repeat("y", i/7))
		b.WriteString(" = 1 + 2\n")
	}
	return b.String()
}

// TestCRLFSameFacts checks that Windows line endings change nothing in
// the facts of the demo stack.
func TestCRLFSameFacts(t *testing.T) {
	const dir = "../../testdata/tf/noncompliant"
	lf, crlf := map[string]string{}, map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(filepath.Join("root", rel))
		lf[name] = string(b)
		crlf[name] = strings.ReplaceAll(string(b), "\n", "\r\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := run(t, lf)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := run(t, crlf)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(docs(a))
	jb, _ := json.Marshal(docs(b))
	if len(a) < 20 || string(ja) != string(jb) {
		t.Errorf("%d facts with LF, %d with CRLF; they differ:\n%s\n%s", len(a), len(b), ja, jb)
	}
}

// FuzzParse feeds arbitrary bytes to the provider as a root module's main
// file (native or JSON syntax) and as its terraform.tfvars. It must never
// panic, and whatever facts it returns must satisfy the fact schema.
func FuzzParse(f *testing.F) {
	for _, dir := range configDirs(f, "../../testdata") {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if ok, _ := isConfigFile(e.Name()); ok {
				if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
					f.Add(b, strings.HasSuffix(e.Name(), ".json"), []byte(`db_password = "x"`))
				}
			}
		}
	}
	f.Add([]byte(`resource "a_b" "c" { count = 2
  v = "${count.index}"
  dynamic "d" {
    for_each = { a = 1 }
    content { x = d.value }
  }
}`), false, []byte(""))
	f.Add([]byte(`{"resource": {"a_b": {"c": {"v": "${1 + 2}"}}}}`), true, []byte(`{}`))
	f.Add([]byte(`variable "v" { type = map(number) }`+"\n"+`locals { x = { for k, v in var.v : k => v * 2 } }`), false, []byte(`v = { a = 1 }`))
	v, err := facts.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, isJSON bool, tfvars []byte) {
		name := "root/main.tf"
		if isJSON {
			name += ".json"
		}
		fsys := fstest.MapFS{
			name:                    {Data: src},
			"root/terraform.tfvars": {Data: tfvars},
		}
		fs, err := diag.AsError(Provider{fsys: mapFS{fsys}}.Collect(context.Background(), "root"))
		if err != nil {
			return
		}
		for i := range fs {
			if err := v.Validate(fs[i].Document()); err != nil {
				t.Fatalf("invalid fact %s: %v", fs[i].ID, err)
			}
		}
	})
}
