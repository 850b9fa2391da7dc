package config

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/annexa-dev/annexa/providers/input"
)

//go:embed schemas/github.json
var githubSchemaJSON []byte

const githubSchemaURL = "https://annexa.dev/schemas/config/github.json"

// githubSchemas are the export's schema and the parts a raw API response
// is checked against.
type githubSchemas struct {
	export, repository, protection *jsonschema.Schema
}

// githubSchemasOnce compiles the schemas once for every export read: the
// compiled schemas are only read, and compiling them was most of the time
// spent reading a directory of exports.
var githubSchemasOnce = sync.OnceValues(compileGitHub)

func compileGitHub() (*githubSchemas, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(githubSchemaURL, bytes.NewReader(githubSchemaJSON)); err != nil {
		return nil, fmt.Errorf("github export schema: %w", err)
	}
	var s githubSchemas
	var err error
	for ref, dst := range map[string]**jsonschema.Schema{"": &s.export, "#/$defs/repository": &s.repository, "#/$defs/protection": &s.protection} {
		if *dst, err = c.Compile(githubSchemaURL + ref); err != nil {
			return nil, fmt.Errorf("github export schema %s: %w", ref, err)
		}
	}
	return &s, nil
}

// githubForm is how an export is laid out.
type githubForm int

const (
	notGitHub githubForm = iota
	// githubCombined is {"repository": ..., "branch_protection": ...}.
	githubCombined
	// githubRawRepository is the response of GET /repos/OWNER/REPO alone.
	githubRawRepository
	// githubRawPair is [repository response, protection response], as
	// `jq -s . repo.json protection.json` writes the two.
	githubRawPair
)

func githubFormOf(v any) githubForm {
	switch x := v.(type) {
	case map[string]any:
		if repo, ok := x["repository"].(map[string]any); ok {
			if _, ok := repo["full_name"]; ok {
				return githubCombined
			}
		}
		if isRepositoryResponse(x) {
			return githubRawRepository
		}
	case []any:
		if len(x) == 2 {
			if repo, ok := x[0].(map[string]any); ok && isRepositoryResponse(repo) {
				return githubRawPair
			}
		}
	}
	return notGitHub
}

func isRepositoryResponse(m map[string]any) bool {
	_, name := m["full_name"]
	_, branch := m["default_branch"]
	_, private := m["private"]
	_, visibility := m["visibility"]
	return name && branch && (private || visibility)
}

// sniffGitHub reads a .json file as a GitHub export when it has one of an
// export's shapes; ok is false when it does not.
func sniffGitHub(path string, data []byte) ([]parsed, bool, error) {
	docs, err := input.DecodeYAML(path, data, input.DecodeLimits{})
	if err != nil {
		return nil, false, err
	}
	if len(docs) != 1 || githubFormOf(docs[0].Value) == notGitHub {
		return nil, false, nil
	}
	out, err := githubFromDoc(&docs[0])
	return out, true, err
}

// parseGitHub reads a file named as a GitHub export.
func parseGitHub(path string, data []byte) ([]parsed, error) {
	docs, err := input.DecodeYAML(path, data, input.DecodeLimits{})
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, fmt.Errorf("%s: a GitHub export is one JSON document, found %d", path, len(docs))
	}
	return githubFromDoc(&docs[0])
}

func githubFromDoc(doc *input.Document) ([]parsed, error) {
	s, err := githubSchemasOnce()
	if err != nil {
		return nil, err
	}
	attrs := map[string]any{}
	var repoPointer string
	switch githubFormOf(doc.Value) {
	case githubCombined:
		top := doc.Value.(map[string]any)
		if bp, ok := top["branch_protection"].(map[string]any); ok && notProtected(bp) {
			top["branch_protection"] = nil
		}
		if err := doc.Validate(s.export, "", "GitHub export"); err != nil {
			return nil, err
		}
		for k, v := range top {
			attrs[k] = v
		}
		repoPointer = "/repository"
	case githubRawRepository:
		if err := doc.Validate(s.repository, "", "GitHub repository"); err != nil {
			return nil, err
		}
		attrs["repository"] = doc.Value
	case githubRawPair:
		pair := doc.Value.([]any)
		if err := doc.Validate(s.repository, "/0", "GitHub repository"); err != nil {
			return nil, err
		}
		attrs["repository"] = pair[0]
		prot, ok := pair[1].(map[string]any)
		switch {
		case ok && notProtected(prot):
			attrs["branch_protection"] = nil
		case ok:
			if err := doc.Validate(s.protection, "/1", "GitHub branch protection"); err != nil {
				return nil, err
			}
			attrs["branch_protection"] = prot
		default:
			return nil, fmt.Errorf("%s: GitHub export: the second element must be the branch protection response, found %s", doc.Where("/1"), input.Describe(pair[1]))
		}
		repoPointer = "/0"
	default:
		return nil, fmt.Errorf("%s: not a GitHub export: expected {\"repository\": ..., \"branch_protection\": ...}, a repository response, or [repository, protection] (see docs/facts.md)", doc.Where(""))
	}
	repo := attrs["repository"].(map[string]any)
	if _, ok := attrs["branch"]; !ok {
		attrs["branch"] = repo["default_branch"]
	}
	return []parsed{{
		file:       doc.File,
		typ:        TypeGitHub,
		name:       repo["full_name"].(string),
		line:       doc.Pos(repoPointer).Line,
		attributes: attrs,
	}}, nil
}

// notProtected reports whether a protection response is GitHub's 404 for
// an unprotected branch, which is what a script saving the response gets.
func notProtected(m map[string]any) bool {
	msg, _ := m["message"].(string)
	return msg == "Branch not protected"
}
