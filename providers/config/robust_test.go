package config

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/redact"
)

// fixtures returns every configuration file under testdata/config with its
// detected format.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("../../testdata/config", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || DetectFormat(p) == "" {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 7 {
		t.Fatalf("only %d config fixtures found", len(out))
	}
	return out
}

func generated() map[string][]byte {
	return map[string][]byte{
		"empty":         nil,
		"blank":         []byte("\n \n"),
		"comment":       []byte("# nothing here\n"),
		"long line":     []byte("key = \"" + strings.Repeat("v", 4<<20) + "\"\n"),
		"long sshd arg": []byte("Ciphers " + strings.Repeat("aes128-cbc,", 200000) + "\n"),
		"deep brackets": []byte("a = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"),
		"deep braces":   []byte("a = " + strings.Repeat("{b = ", 20000) + "1" + strings.Repeat("}", 20000) + "\n"),
		"deep blocks":   []byte(strings.Repeat("b {\n", 2000) + strings.Repeat("}\n", 2000)),
		"deep json":     []byte(strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000)),
		"nul":           []byte("a = 1\x00\n"),
		"utf16":         {0xFE, 0xFF, 0, 'a'},
		"only equals":   []byte("=\n==\n= =\n"),
		"quotes":        []byte("Banner \"\nMatch \"\"\n\"\n"),
		"github shapes": []byte(`[{"full_name": "a/b", "default_branch": "main", "private": true}, {"message": 5}]`),
		"github nulls":  []byte(`{"repository": {"full_name": "a/b", "default_branch": "main", "visibility": null}, "branch_protection": {"required_pull_request_reviews": null, "enforce_admins": null}}`),
	}
}

// TestNoPanics reads every fixture, its CRLF, BOM and truncated variants,
// and generated hostile input, in every format: each gives facts that
// validate and serialize, or an error naming the file.
func TestNoPanics(t *testing.T) {
	v, err := facts.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	inputs := generated()
	for name, data := range fixtures(t) {
		inputs[name] = data
		inputs[name+" (CRLF)"] = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		inputs[name+" (BOM)"] = append([]byte("\ufeff"), data...)
		inputs[name+" (truncated)"] = data[:len(data)/2]
	}
	for name, data := range inputs {
		for _, format := range Formats() {
			fs, err := parse("in.cfg", format, false, data)
			if err != nil {
				if !strings.Contains(err.Error(), "in.cfg") {
					t.Errorf("%s as %s: error does not name the file: %v", name, format, err)
				}
				continue
			}
			c := &collector{redactor: redact.New(nil), seen: map[string]string{}}
			for _, p := range fs {
				if err := c.add(p); err != nil {
					t.Errorf("%s as %s: %v", name, format, err)
				}
			}
			for _, f := range c.facts {
				if err := v.Validate(f.Document()); err != nil {
					t.Errorf("%s as %s: invalid fact: %v", name, format, err)
				}
				if _, err := json.Marshal(f.Document()); err != nil {
					t.Errorf("%s as %s: fact does not serialize: %v", name, format, err)
				}
			}
		}
	}
}

// fuzzFormat parses data as format and checks that what it accepts makes
// valid facts.
func fuzzFormat(t *testing.T, v *facts.Validator, format string, data []byte) {
	fs, err := parse("fuzz.cfg", format, false, data)
	if err != nil {
		if !strings.Contains(err.Error(), "fuzz.cfg") {
			t.Errorf("error does not name the file: %v", err)
		}
		return
	}
	c := &collector{redactor: redact.New(nil), seen: map[string]string{}}
	for _, p := range fs {
		if err := c.add(p); err != nil {
			return // a duplicate id inside one file is a reported error
		}
	}
	for _, f := range c.facts {
		if err := v.Validate(f.Document()); err != nil {
			t.Errorf("invalid fact from accepted input: %v", err)
		}
		if _, err := json.Marshal(f.Document()); err != nil {
			t.Errorf("fact does not serialize: %v", err)
		}
	}
}

func addFixtures(f *testing.F, keep func(path string) bool) {
	for p, data := range fixtures(f) {
		if keep(p) {
			f.Add(data)
		}
	}
}

func FuzzSSHD(f *testing.F) {
	addFixtures(f, func(p string) bool { return DetectFormat(p) == FormatSSHD })
	f.Add([]byte("Port=22\nMatch User x\n  PasswordAuthentication \"yes\" # c\nInclude a b\n"))
	v, err := facts.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzFormat(t, v, FormatSSHD, data) })
}

func FuzzGitHub(f *testing.F) {
	addFixtures(f, func(p string) bool { return strings.Contains(p, "github") })
	v, err := facts.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFormat(t, v, FormatGitHub, data)
		fuzzFormat(t, v, FormatJSON, data) // the shape sniffing path
	})
}

// FuzzGeneric feeds the generic parsers; the first byte picks the format.
func FuzzGeneric(f *testing.F) {
	generic := []string{FormatJSON, FormatYAML, FormatTOML, FormatINI, FormatHCL}
	for p, data := range fixtures(f) {
		for i, format := range generic {
			if DetectFormat(p) == format {
				f.Add(append([]byte{byte(i)}, data...))
			}
		}
	}
	f.Add(append([]byte{4}, "listener \"tcp\" {\n  address = \"${var.a}\"\n  x = [1, {a = 2}]\n}\n"...))
	f.Add(append([]byte{2}, "a = 1979-05-27T07:32:00Z\nb = nan\n[[c]]\nd = {e = [1, 2]}\n"...))
	v, err := facts.NewValidator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		fuzzFormat(t, v, generic[int(data[0])%len(generic)], data[1:])
	})
}
