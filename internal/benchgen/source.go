package benchgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WriteSource writes into dir a Terraform configuration of about n
// resource instances: blocks of ten counted buckets, each with a split
// public access block, encryption configuration and a security group with
// dynamic rules, half of them in a local module called twice. It returns
// the number of resource blocks written.
func WriteSource(dir string, n int) (int, error) {
	var root, mod strings.Builder
	root.WriteString(`
variable "env" { default = "prod" }
locals {
  tags  = { Environment = var.env, ManagedBy = "terraform" }
  ports = [22, 443, 5432]
}
module "half" {
  source   = "./mod"
  for_each = toset(["a", "b"])
  prefix   = each.key
  tags     = local.tags
}
`)
	mod.WriteString(`
variable "prefix" { type = string }
variable "tags" { type = map(string) }
`)
	// Each group makes 10 buckets, 10 blocks, 10 encryption configurations
	// and one security group: 31 instances.
	groups := n / 31
	for g := range groups {
		w, prefix := &root, "root"
		if g%2 == 1 {
			w, prefix = &mod, "${var.prefix}"
		}
		tags := "local.tags"
		if w == &mod {
			tags = "var.tags"
		}
		fmt.Fprintf(w, `
resource "aws_s3_bucket" "b%[1]d" {
  count  = 10
  bucket = "%[2]s-%[1]d-${count.index}"
  tags   = merge(%[3]s, { Name = "b%[1]d-${count.index}" })
}
resource "aws_s3_bucket_public_access_block" "b%[1]d" {
  count                   = length(aws_s3_bucket.b%[1]d)
  bucket                  = aws_s3_bucket.b%[1]d[count.index].id
  block_public_acls       = true
  block_public_policy     = count.index %% 2 == 0
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_server_side_encryption_configuration" "b%[1]d" {
  count  = 10
  bucket = aws_s3_bucket.b%[1]d[count.index].bucket
  rule {
    apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
  }
}
resource "aws_security_group" "g%[1]d" {
  name = "g%[1]d"
  dynamic "ingress" {
    for_each = [22, 443, 5432]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [cidrsubnet("10.0.0.0/8", 8, %[1]d %% 256)]
    }
  }
}
`, g, prefix, tags)
	}
	if err := os.MkdirAll(filepath.Join(dir, "mod"), 0o755); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(root.String()), 0o644); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mod", "main.tf"), []byte(mod.String()), 0o644); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	return groups * 4, nil
}
