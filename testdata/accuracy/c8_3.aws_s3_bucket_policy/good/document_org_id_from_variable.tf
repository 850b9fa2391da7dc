# The organisation id comes from a variable with no value: whatever it is,
# it names one organisation, so the statement is not open to everyone.
variable "org_id" {
  type = string
}

resource "aws_s3_bucket" "o" {
  bucket = "o-shared"
}

data "aws_iam_policy_document" "o" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::o-shared/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }
}

resource "aws_s3_bucket_policy" "o" {
  bucket = aws_s3_bucket.o.id
  policy = data.aws_iam_policy_document.o.json
}
