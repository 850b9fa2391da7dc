package registry

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/tfplan"
)

// planKeys are top-level keys of Terraform's JSON plan output. Terraform
// writes format_version first, but a plan passed through `jq -S` or
// re-encoded by a script has its keys sorted, and then format_version
// comes after the configuration, which can fill the head alone; its
// root_module key is near the top either way.
var planKeys = [][]byte{[]byte(`"format_version"`), []byte(`"terraform_version"`), []byte(`"planned_values"`), []byte(`"resource_changes"`), []byte(`"root_module"`)}

// isPlanHead reports whether the start of a file is Terraform's JSON plan
// output: a JSON object with one of its keys.
func isPlanHead(head []byte) bool {
	if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) == 0 || t[0] != '{' {
		return false
	}
	for _, k := range planKeys {
		if bytes.Contains(head, k) {
			return true
		}
	}
	return false
}

// planFiles lists the plan JSON files directly in dir (*.json whose start
// is Terraform's plan output), sorted by name; a directory with none is an
// error that says what it holds instead.
func planFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read directory %s: %w", dir, errors.Unwrap(err))
	}
	var plans, binary []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		head, err := ReadHead(p)
		if err != nil {
			continue
		}
		switch {
		case strings.HasSuffix(strings.ToLower(e.Name()), ".json") && isPlanHead(head):
			plans = append(plans, p)
		case tfplan.IsBinaryPlan(head):
			binary = append(binary, e.Name())
		}
	}
	if len(plans) == 0 {
		if len(binary) > 0 {
			return nil, fmt.Errorf("is a directory with no plan JSON in it, only binary plan files (%s); run `terraform show -json %s > %s.json` for each", strings.Join(binary, ", "), binary[0], binary[0])
		}
		return nil, errors.New("is a directory with no Terraform plan JSON in it (*.json from `terraform show -json PLANFILE`)")
	}
	slices.Sort(plans)
	return plans, nil
}

// Detect finds the kind of a path given alone on the command line, trying
// the kinds in order; ok is false when none recognises it.
func Detect(path string) (k Kind, ok bool, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return Kind{}, false, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	var head []byte
	if !st.IsDir() {
		if head, err = ReadHead(path); err != nil {
			return Kind{}, false, err
		}
	}
	for _, k := range Kinds() {
		switch {
		case st.IsDir() && k.DetectDir != nil && k.DetectDir(path):
			return k, true, nil
		case !st.IsDir() && k.DetectFile != nil && k.DetectFile(path, head):
			return k, true, nil
		}
	}
	return Kind{}, false, nil
}

// isTerraformDir reports whether dir is a Terraform root module: it holds
// .tf or .tf.json files itself (not only in subdirectories, which may be
// modules it calls).
func isTerraformDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".tf") || strings.HasSuffix(e.Name(), ".tf.json")) {
			return true
		}
	}
	return false
}

// headBytes is how much of a file detection reads: Terraform writes
// format_version first, and a record's kind is near its top.
const headBytes = 4096

// ReadHead reads the start of a file, as much as detection looks at.
func ReadHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
	}
	defer f.Close()
	buf := make([]byte, headBytes)
	n, err := f.Read(buf)
	if n == 0 && err != nil {
		return nil, fmt.Errorf("read %s: file is empty", path)
	}
	return buf[:n], nil
}

// kindPattern finds "kind: policy" and "\"kind\": \"policy\"" in YAML and JSON.
var kindPattern = regexp.MustCompile(`["']?\bkind["']?\s*:\s*["']?([a-z][a-z0-9_]*)`)

// isEvidenceHead reports whether the start of a file declares an evidence
// record kind.
func isEvidenceHead(head []byte) bool {
	kinds, err := evidence.Kinds()
	if err != nil {
		return false
	}
	for _, m := range kindPattern.FindAllSubmatch(head, -1) {
		if slices.Contains(kinds, string(m[1])) {
			return true
		}
	}
	return false
}

// manifestAPIVersion and manifestKind find the apiVersion and CamelCase
// kind of a Kubernetes object at the start of a YAML or JSON file.
var (
	manifestAPIVersion = regexp.MustCompile(`(?m)(^|[{,\s])["']?apiVersion["']?\s*:\s*["']?[a-z0-9.-]*/?v[0-9]`)
	manifestKind       = regexp.MustCompile(`(?m)(^|[{,\s])["']?kind["']?\s*:\s*["']?[A-Z][A-Za-z0-9]*["']?\s*[,}\n\r]`)
)

// isManifestHead reports whether the start of a file holds a Kubernetes
// object (or a kubectl List of them).
func isManifestHead(head []byte) bool {
	return manifestAPIVersion.Match(head) && manifestKind.Match(head)
}

func isManifestDir(dir string) bool {
	return anyFile(dir, func(p string) bool {
		if !kubernetes.IsManifestName(p) {
			return false
		}
		head, err := ReadHead(p)
		return err == nil && isManifestHead(head)
	})
}

// isConfigFile reports whether a file is configuration annexa recognizes
// without being told: an sshd_config, a TOML, INI or HCL file by its name,
// or a GitHub export. Other JSON and YAML files are too ambiguous.
func isConfigFile(path string) bool {
	switch config.DetectFormat(path) {
	case config.FormatSSHD, config.FormatTOML, config.FormatINI, config.FormatHCL:
		return true
	case config.FormatJSON:
		head, err := ReadHead(path)
		return err == nil && isGitHubHead(head)
	}
	return false
}

// isGitHubHead reports whether the start of a JSON file looks like a GitHub
// repository export (docs/facts.md): a repository response's full_name and
// default_branch.
func isGitHubHead(head []byte) bool {
	return bytes.Contains(head, []byte(`"full_name"`)) && bytes.Contains(head, []byte(`"default_branch"`))
}

// anyFile reports whether a file under dir (hidden directories and
// evidence artifacts skipped) satisfies match.
func anyFile(dir string, match func(path string) bool) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == evidence.ArtifactsDir) {
				return filepath.SkipDir
			}
			return nil
		}
		found = d.Type().IsRegular() && match(p)
		return nil
	})
	return found
}

func isEvidenceDir(dir string) bool {
	return anyFile(dir, func(p string) bool {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
			head, err := ReadHead(p)
			return err == nil && isEvidenceHead(head)
		}
		return false
	})
}
