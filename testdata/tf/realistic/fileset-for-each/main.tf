resource "aws_iam_policy" "p" {
  for_each = fileset(path.module, "policies/*.json")
  name     = trimsuffix(basename(each.value), ".json")
  policy   = file("${path.module}/${each.value}")
}
