// Package registry is the one table of annexa's source kinds: for each, the
// flag that names it on the command line, its key in a project file, how a
// path given alone is recognised as one, the address space of its facts,
// and how its provider is built. Adding a provider is one entry here plus
// its package.
package registry

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/aws"
	"github.com/annexa-dev/annexa/providers/config"
	"github.com/annexa-dev/annexa/providers/evidence"
	"github.com/annexa-dev/annexa/providers/external"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/kubernetes"
	"github.com/annexa-dev/annexa/providers/tfplan"
	"github.com/annexa-dev/annexa/providers/tfsource"
)

// Address spaces of fact ids. Two sources of one space in a run may give
// the same id, so the runner qualifies their facts by source
// (facts.Fact.Qualify); a kind without a space (declared records of one
// ISMS) is never qualified, and a repeated id there is an error.
const (
	// SpaceTerraform holds Terraform resource addresses, from plans,
	// source, live cloud accounts and their snapshots alike.
	SpaceTerraform = "terraform"
	// SpaceKubernetes holds Kubernetes object ids; two clusters' manifests
	// may name the same object.
	SpaceKubernetes = "kubernetes"
	// SpaceExternal holds the ids an external provider chooses.
	SpaceExternal = "external"
)

// Kind is one kind of source.
type Kind struct {
	// Name is how annexa calls the kind in messages.
	Name string
	// Flag is the repeatable command-line flag that names a source of
	// this kind, with its usage text.
	Flag, Usage string
	// ProjectKey is the key of a sources entry of this kind in annexa.yaml.
	ProjectKey string
	// Space is the address space of the kind's fact ids, "" for none.
	Space string
	// DetectDir and DetectFile recognise a path given alone on the command
	// line as a source of this kind (head is the start of the file); nil
	// when the kind is never detected.
	DetectDir  func(dir string) bool
	DetectFile func(path string, head []byte) bool
	// Provider reads a path of this kind with default settings; nil for
	// kinds that are not a path (an external provider).
	Provider providers.Provider
	// FromFlag builds the source of one flag value; nil when the value is
	// a path read by Provider.
	FromFlag func(value string) (providers.Source, error)
	// FromEntry builds the source of a project file entry; paths in it are
	// relative to dir, the project file's directory.
	FromEntry func(dir string, entry map[string]any) (providers.Source, error)
	// NoOptValue, when set, lets the flag be given without a value, as
	// if given this one.
	NoOptValue string
	// ExpandDir, when set, lists the files a directory given to the flag
	// stands for, each a source of its own; nil when the kind reads a
	// directory itself.
	ExpandDir func(dir string) ([]string, error)
}

// Kinds lists every source kind, in the order detection tries them.
func Kinds() []Kind {
	return []Kind{
		{
			Name: "Terraform plan", Flag: "plan", ProjectKey: "plan", Space: SpaceTerraform,
			Usage:      "Terraform plan as JSON, from `terraform show -json PLANFILE`, or a directory of them, each checked as its own source (repeatable)",
			DetectFile: func(_ string, head []byte) bool { return isPlanHead(head) || tfplan.IsBinaryPlan(head) },
			Provider:   tfplan.Provider{},
			FromEntry:  entrySource("plan", tfplan.Provider{}),
			ExpandDir:  planFiles,
		},
		{
			Name: "Terraform source", Flag: "tf", ProjectKey: "terraform", Space: SpaceTerraform,
			Usage:     "directory of Terraform source (.tf, .tf.json), evaluated without a plan (repeatable)",
			DetectDir: isTerraformDir,
			Provider:  tfsource.Provider{},
			FromEntry: terraformEntry,
		},
		{
			Name: "evidence", Flag: "evidence", ProjectKey: "evidence",
			Usage:      "directory (or file) of declared evidence records (repeatable)",
			DetectDir:  isEvidenceDir,
			DetectFile: func(_ string, head []byte) bool { return isEvidenceHead(head) },
			Provider:   evidence.Provider{},
			FromEntry:  entrySource("evidence", evidence.Provider{}),
		},
		{
			Name: "Kubernetes manifests", Flag: "k8s", ProjectKey: "kubernetes", Space: SpaceKubernetes,
			Usage:      "Kubernetes manifests: a YAML/JSON file, a `kubectl get -o json` listing or a directory (repeatable)",
			DetectDir:  isManifestDir,
			DetectFile: func(_ string, head []byte) bool { return isManifestHead(head) },
			Provider:   kubernetes.Provider{},
			FromEntry:  entrySource("kubernetes", kubernetes.Provider{}),
		},
		{
			Name: "configuration", Flag: "config", ProjectKey: "config",
			Usage: fmt.Sprintf("configuration file or directory, as [FORMAT=]PATH; FORMAT (%s) is told by the file name when left out (repeatable)",
				strings.Join(config.Formats(), "|")),
			DetectDir:  func(dir string) bool { return anyFile(dir, isConfigFile) },
			DetectFile: func(path string, _ []byte) bool { return isConfigFile(path) },
			Provider:   config.Provider{},
			FromFlag:   configFlag,
			FromEntry:  configEntry,
		},
		{
			Name: "AWS account", Flag: "aws", ProjectKey: "aws", Space: SpaceTerraform, NoOptValue: aws.DefaultRegions,
			Usage:     "read a live AWS account, read-only, with the standard credential chain (AWS_PROFILE, SSO, environment, instance role): --aws for the default region, --aws=REGION[,REGION...] or --aws=all for every enabled region (docs/providers.md)",
			FromFlag:  awsFlag,
			FromEntry: awsEntry,
		},
		{
			Name: "AWS snapshot", Flag: "snapshot", ProjectKey: "snapshot", Space: SpaceTerraform,
			Usage:      "AWS snapshot written by annexa collect aws --out FILE, evaluated offline (repeatable)",
			DetectFile: func(_ string, head []byte) bool { return aws.IsSnapshotHead(head) },
			Provider:   aws.SnapshotProvider{},
			FromEntry:  entrySource("snapshot", aws.SnapshotProvider{}),
		},
		{
			Name: "external provider", Flag: "provider", ProjectKey: "provider", Space: SpaceExternal,
			Usage:     "external provider as NAME[=SOURCE]: runs annexa-provider-NAME from PATH with SOURCE (docs/providers.md) (repeatable)",
			FromFlag:  externalFlag,
			FromEntry: externalEntry,
		},
	}
}

// FlagSource builds the source of one value of the kind's flag.
func (k Kind) FlagSource(value string) (providers.Source, error) {
	if k.FromFlag == nil {
		return k.PathSource(value), nil
	}
	src, err := k.FromFlag(value)
	src.Space = k.Space
	return src, err
}

// EntrySource builds the source of a project file entry of the kind.
func (k Kind) EntrySource(dir string, entry map[string]any) (providers.Source, error) {
	src, err := k.FromEntry(dir, entry)
	src.Space = k.Space
	return src, err
}

// PathSource builds the source of a path detected as this kind.
func (k Kind) PathSource(path string) providers.Source {
	return providers.Source{Path: path, Provider: k.Provider, Space: k.Space}
}

// FlagSources builds the sources of one value of the kind's flag: one,
// or for a kind with ExpandDir given a directory, one for each file the
// directory stands for.
func (k Kind) FlagSources(value string) ([]providers.Source, error) {
	if k.ExpandDir != nil {
		if st, err := os.Stat(value); err == nil && st.IsDir() {
			paths, err := k.ExpandDir(value)
			if err != nil {
				return nil, fmt.Errorf("--%s %s: %w", k.Flag, value, err)
			}
			out := make([]providers.Source, 0, len(paths))
			for _, p := range paths {
				src, err := k.FlagSource(p)
				if err != nil {
					return nil, err
				}
				out = append(out, src)
			}
			return out, nil
		}
	}
	src, err := k.FlagSource(value)
	if err != nil {
		return nil, err
	}
	return []providers.Source{src}, nil
}

// ByFlag returns the kind named by flag.
func ByFlag(flag string) (Kind, bool) {
	i := slices.IndexFunc(Kinds(), func(k Kind) bool { return k.Flag == flag })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds()[i], true
}

// entrySource builds sources whose project entry names a path under key.
func entrySource(key string, p providers.Provider) func(string, map[string]any) (providers.Source, error) {
	return func(dir string, entry map[string]any) (providers.Source, error) {
		return providers.Source{Path: Resolve(dir, entry[key].(string)), Provider: p}, nil
	}
}

// terraformEntry builds a Terraform source entry: its variable files are
// relative to the project file and come before its variables, whose order
// is by name so that the same file always gives the same result.
func terraformEntry(dir string, entry map[string]any) (providers.Source, error) {
	var p tfsource.Provider
	for _, f := range input.Strings(entry["var_files"]) {
		p.Vars = append(p.Vars, tfsource.Var{File: Resolve(dir, f)})
	}
	vars, _ := entry["vars"].(map[string]any)
	for _, name := range slices.Sorted(maps.Keys(vars)) {
		p.Vars = append(p.Vars, tfsource.Var{Assignment: name + "=" + vars[name].(string)})
	}
	return providers.Source{Path: Resolve(dir, entry["terraform"].(string)), Provider: p}, nil
}

// configFlag reads a --config value: [FORMAT=]PATH. A prefix that is not
// a format is part of the path, unless no such path exists.
func configFlag(spec string) (providers.Source, error) {
	if format, path, found := strings.Cut(spec, "="); found && format != "" && !strings.ContainsAny(format, `/\.`) {
		if slices.Contains(config.Formats(), format) {
			p, err := config.New(format)
			return providers.Source{Path: path, Provider: p}, err
		}
		if _, err := os.Stat(spec); err != nil {
			return providers.Source{}, fmt.Errorf("--config %s: unknown format %q (known: %s)", spec, format, strings.Join(config.Formats(), ", "))
		}
	}
	return providers.Source{Path: spec, Provider: config.Provider{}}, nil
}

func configEntry(dir string, entry map[string]any) (providers.Source, error) {
	format, _ := entry["format"].(string)
	p, err := config.New(format)
	return providers.Source{Path: Resolve(dir, entry["config"].(string)), Provider: p}, err
}

// awsFlag reads an --aws value: the regions to read.
func awsFlag(value string) (providers.Source, error) {
	regions, err := aws.ParseRegions(value)
	if err != nil {
		return providers.Source{}, fmt.Errorf("--aws=%s: %w", value, err)
	}
	p := aws.Provider{Regions: regions, Progress: aws.TerminalProgress()}
	return providers.Source{Path: p.Scope(""), Provider: p}, nil
}

// awsEntry builds an AWS account entry: aws names the regions as --aws
// does, profile a shared-config profile.
func awsEntry(_ string, entry map[string]any) (providers.Source, error) {
	value, _ := entry["aws"].(string)
	regions, err := aws.ParseRegions(value)
	if err != nil {
		return providers.Source{}, fmt.Errorf("aws: %s: %w", value, err)
	}
	p := aws.Provider{Regions: regions, Progress: aws.TerminalProgress()}
	p.Profile, _ = entry["profile"].(string)
	return providers.Source{Path: p.Scope(""), Provider: p}, nil
}

// externalFlag reads a --provider value: NAME[=SOURCE].
func externalFlag(spec string) (providers.Source, error) {
	name, source, _ := strings.Cut(spec, "=")
	if !external.ValidName(name) {
		return providers.Source{}, fmt.Errorf("--provider %s: %q is not a provider name (lower-case letters, digits, - and _; annexa runs %sNAME)", spec, name, external.CommandPrefix)
	}
	return providers.Source{Path: source, Provider: external.Provider{Name: name}}, nil
}

// externalEntry builds an external provider entry: its source and a
// command path with a slash are relative to the project file, like every
// path in it.
func externalEntry(dir string, entry map[string]any) (providers.Source, error) {
	p := external.Provider{Name: entry["provider"].(string), Env: input.Strings(entry["env"])}
	if args, ok := entry["args"].(map[string]any); ok {
		p.Args = args
	}
	if cmd := input.Strings(entry["command"]); len(cmd) > 0 {
		if strings.ContainsRune(cmd[0], '/') || strings.ContainsRune(cmd[0], filepath.Separator) {
			cmd[0] = Resolve(dir, cmd[0])
		}
		p.Command = cmd
	}
	if t, ok := entry["timeout"].(string); ok {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			return providers.Source{}, fmt.Errorf("timeout %q is not a duration such as 30s or 2m", t)
		}
		p.Timeout = d
	}
	src := providers.Source{Provider: p}
	if s, ok := entry["source"].(string); ok {
		src.Path = Resolve(dir, s)
	}
	return src, nil
}

// Resolve makes p, a path written in a project file, relative to the
// file's directory dir.
func Resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}
