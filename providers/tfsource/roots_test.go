package tfsource

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/annexa-dev/annexa/internal/testfs"
)

func TestRoots(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		// A monorepo: two environments calling shared modules, a registry
		// module's examples calling the module at the top, and what
		// discovery must not read.
		"envs/prod/main.tf":                `module "net" { source = "../../modules/net" }`,
		"envs/staging/main.tf":             `module "net" { source = "../../modules/net" }`,
		"envs/staging/extra.tf.json":       `{"module": {"db": {"source": "../../modules/db"}}}`,
		"modules/net/main.tf":              `module "sub" { source = "./sub" }`,
		"modules/net/sub/main.tf":          `resource "aws_vpc" "v" {}`,
		"modules/db/main.tf":               `resource "aws_db_instance" "d" {}`,
		"registry/main.tf":                 `resource "aws_s3_bucket" "b" {}`,
		"registry/examples/basic/main.tf":  `module "m" { source = "../../" }`,
		"registry/examples/remote/main.tf": `module "m" { source = "terraform-aws-modules/s3-bucket/aws" }`,
		".terraform/modules/x/main.tf":     `resource "aws_s3_bucket" "hidden" {}`,
		"envs/dev/.terraform/m/main.tf":    `resource "aws_s3_bucket" "hidden" {}`,
		"sandbox/main.tf":                  `resource "aws_s3_bucket" "tmp" {}`,
		"broken/main.tf":                   `resource "x" {`,
		"docs/README.md":                   "no configuration",
	})
	got, err := Roots(dir, []string{"sandbox"})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, r := range got {
		p, _ := filepath.Rel(dir, r)
		rel = append(rel, filepath.ToSlash(p))
	}
	want := []string{"broken", "envs/prod", "envs/staging", "registry/examples/basic", "registry/examples/remote"}
	if !slices.Equal(rel, want) {
		t.Errorf("roots %q, want %q", rel, want)
	}

	// A root module that only calls its subdirectories is the one root.
	one, err := Roots(filepath.Join(dir, "modules", "net"), nil)
	if err != nil || len(one) != 1 || one[0] != filepath.Join(dir, "modules", "net") {
		t.Errorf("roots of modules/net: %v, %v", one, err)
	}
	if _, err := Roots(dir, []string{"["}); err == nil {
		t.Error("a malformed --exclude glob was accepted")
	}
	if _, err := Roots(filepath.Join(dir, "missing"), nil); err == nil {
		t.Error("a missing directory gave no error")
	}
}
