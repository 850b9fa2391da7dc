// Package config reads configuration files into facts of kind "config":
// generic JSON, YAML, TOML, INI and HCL files (type = the format,
// attributes.content = the parsed file) and files annexa understands in
// depth: OpenSSH's sshd_config and exports of a GitHub repository's
// settings and branch protection. Secret-looking values are redacted.
package config

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/annexa-dev/annexa/diag"

	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/facts"
	"github.com/annexa-dev/annexa/providers/input"
	"github.com/annexa-dev/annexa/providers/redact"
)

// Name is the provider name recorded in each fact's source.
const Name = "config"

// Formats a file can be read as.
const (
	FormatJSON   = "json"
	FormatYAML   = "yaml"
	FormatTOML   = "toml"
	FormatINI    = "ini"
	FormatHCL    = "hcl"
	FormatSSHD   = "sshd_config"
	FormatGitHub = "github"
)

// Formats lists the formats, for flag help and errors.
func Formats() []string {
	return []string{FormatJSON, FormatYAML, FormatTOML, FormatINI, FormatHCL, FormatSSHD, FormatGitHub}
}

// Fact types besides the generic formats' own names.
const (
	TypeSSHD   = "sshd_config"
	TypeGitHub = "github_repository"
)

// Provider reads configuration files.
type Provider struct {
	// Format is the format every file is read as; empty detects each
	// file's format from its name (and a JSON file's shape).
	Format string
	// MaxBytes bounds one file; zero means input.DefaultMaxBytes.
	MaxBytes int64
	// Exclude are --exclude globs: files and directories below a
	// directory of configuration that are passed over (input.Excluded).
	Exclude []string
}

// WithExclude implements providers.Excluding.
func (p Provider) WithExclude(globs []string) providers.Provider {
	p.Exclude = globs
	return p
}

// New returns a provider reading files as format, "" to detect it.
func New(format string) (Provider, error) {
	if format != "" && !slices.Contains(Formats(), format) {
		return Provider{}, fmt.Errorf("unknown config format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return Provider{Format: format}, nil
}

// DetectFormat returns the format of a file by its name: sshd_config by
// name (and any .conf file in an sshd_config.d directory), the others by
// extension. It returns "" when the name does not tell. A .json file may
// still turn out to be a GitHub export when read.
func DetectFormat(path string) string {
	base := strings.ToLower(filepath.Base(path))
	if base == "sshd_config" || (strings.HasSuffix(base, ".conf") && filepath.Base(filepath.Dir(path)) == "sshd_config.d") {
		return FormatSSHD
	}
	switch filepath.Ext(base) {
	case ".json":
		return FormatJSON
	case ".yaml", ".yml":
		return FormatYAML
	case ".toml":
		return FormatTOML
	case ".ini", ".cfg", ".cnf":
		return FormatINI
	case ".hcl":
		return FormatHCL
	}
	return ""
}

// FactKinds is the kinds of fact configuration files gives (providers.Kinded).
func (Provider) FactKinds() []string { return []string{facts.KindConfig} }

// Collect implements providers.Provider: the facts of path, or the error that stopped it as a diagnostic.
func (p Provider) Collect(ctx context.Context, path string) ([]facts.Fact, diag.Diagnostics) {
	fs, err := p.collect(ctx, path)
	return fs, diag.FromError(err, Name)
}

// collect reads one file, or every file under a directory whose format
// its name tells (every file, with a Format), hidden directories skipped.
func (p Provider) collect(ctx context.Context, path string) ([]facts.Fact, error) {
	files, err := p.files(path)
	if err != nil {
		return nil, err
	}
	c := &collector{redactor: redact.New(nil), seen: map[string]string{}}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := input.ReadFile(f.path, p.MaxBytes)
		if err != nil {
			return nil, err
		}
		fs, err := parse(f.path, f.format, f.forced, data)
		if err != nil {
			return nil, err
		}
		for _, pf := range fs {
			if err := c.add(pf); err != nil {
				return nil, err
			}
		}
	}
	facts.Sort(c.facts)
	return c.facts, nil
}

type file struct {
	path   string
	format string
	// forced is set when the user named the format, so a JSON file is not
	// reinterpreted by its shape.
	forced bool
}

func (p Provider) files(path string) ([]file, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", path, errors.Unwrap(err))
	}
	if !st.IsDir() {
		if p.Format != "" {
			return []file{{path: path, format: p.Format, forced: true}}, nil
		}
		format := DetectFormat(path)
		if format == "" {
			return nil, fmt.Errorf("read config %s: cannot tell the format from the file name; name it, e.g. --config ini=%s (formats: %s)", path, path, strings.Join(Formats(), ", "))
		}
		return []file{{path: path, format: format}}, nil
	}
	var out []file
	err = filepath.WalkDir(path, func(p2 string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read config %s: %w", p2, errors.Unwrap(err))
		}
		rel, _ := filepath.Rel(path, p2)
		excluded := p2 != path && input.Excluded(filepath.ToSlash(rel), d.Name(), p.Exclude)
		if d.IsDir() {
			if p2 != path && (strings.HasPrefix(d.Name(), ".") || excluded) {
				return fs.SkipDir
			}
			return nil
		}
		if excluded {
			return nil
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if p.Format != "" {
			out = append(out, file{path: p2, format: p.Format, forced: true})
		} else if format := DetectFormat(p2); format != "" {
			out = append(out, file{path: p2, format: format})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read config %s: no configuration files (sshd_config, .json, .yaml, .yml, .toml, .ini, .cfg, .cnf, .hcl)", path)
	}
	slices.SortFunc(out, func(a, b file) int { return strings.Compare(a.path, b.path) })
	return out, nil
}

// parsed is one fact's worth of a file before redaction.
type parsed struct {
	file, typ, name string
	line            int
	attributes      map[string]any
	unknown         []string
}

func parse(path, format string, forced bool, data []byte) ([]parsed, error) {
	switch format {
	case FormatSSHD:
		return parseSSHD(path, data)
	case FormatGitHub:
		return parseGitHub(path, data)
	case FormatJSON:
		if !forced {
			if gh, ok, err := sniffGitHub(path, data); ok || err != nil {
				return gh, err
			}
		}
		return parseYAMLOrJSON(path, FormatJSON, data)
	case FormatYAML:
		return parseYAMLOrJSON(path, FormatYAML, data)
	case FormatTOML:
		return parseTOML(path, data)
	case FormatINI:
		return parseINI(path, data)
	case FormatHCL:
		return parseHCL(path, data)
	}
	return nil, fmt.Errorf("read config %s: unknown format %q (known: %s)", path, format, strings.Join(Formats(), ", "))
}

type collector struct {
	redactor *redact.Redactor
	seen     map[string]string
	facts    []facts.Fact
}

func (c *collector) add(p parsed) error {
	id := p.typ + ":" + p.name
	where := p.file
	if p.line > 0 {
		where = fmt.Sprintf("%s:%d", p.file, p.line)
	}
	if prev, dup := c.seen[id]; dup {
		return fmt.Errorf("%s: %s is already read from %s", where, id, prev)
	}
	c.seen[id] = where
	// p is read no more: the redacted attributes may share its maps
	// instead of copying them.
	res := c.redactor.ObjectOwned(p.attributes, nil)
	slices.Sort(p.unknown)
	c.facts = append(c.facts, facts.Fact{
		Kind:       facts.KindConfig,
		Source:     facts.Source{Provider: Name, File: p.file, Line: p.line},
		ID:         id,
		Type:       p.typ,
		Attributes: res.Attributes,
		Unknown:    slices.Compact(p.unknown),
		Sensitive:  res.Sensitive,
		Detected:   res.Detected,
	})
	return nil
}
