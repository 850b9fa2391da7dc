package tfsource

import "testing"

// tags_all is what the AWS provider plans: its configuration's
// default_tags merged with the resource's tags, which win.
func TestDefaultTags(t *testing.T) {
	files := map[string]string{
		"root/main.tf": `
variable "env" { default = "prod" }
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { owner = "ops", environment = var.env }
  }
}
provider "aws" {
  alias = "us"
  default_tags {
    tags = { owner = "us-ops" }
  }
}
provider "aws" {
  alias = "bare"
}
resource "aws_s3_bucket" "own" {
  bucket = "b"
  tags   = { environment = "dev", cost = 12 }
}
resource "aws_s3_bucket" "none" { bucket = "n" }
resource "aws_s3_bucket" "us" {
  provider = aws.us
  bucket   = "u"
}
resource "aws_s3_bucket" "bare" {
  provider = aws.bare
  bucket   = "x"
}
resource "aws_iam_role_policy_attachment" "no_tags" {
  role       = "r"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
module "m" { source = "./m" }
`,
		"root/m/main.tf": `resource "aws_sqs_queue" "q" { name = "q" }`,
	}
	fs, _, err := run(t, files)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"aws_s3_bucket.own":                      `{"cost":"12","environment":"dev","owner":"ops"}`,
		"aws_s3_bucket.none":                     `{"environment":"prod","owner":"ops"}`,
		"aws_s3_bucket.us":                       `{"owner":"us-ops"}`,
		"aws_s3_bucket.bare":                     `{}`,
		"module.m.aws_sqs_queue.q":               `{"environment":"prod","owner":"ops"}`,
		"aws_iam_role_policy_attachment.no_tags": `<absent>`,
	} {
		if got := attrJSON(t, fs, id, "tags_all"); got != want {
			t.Errorf("%s tags_all = %s, want %s", id, got, want)
		}
	}
}
