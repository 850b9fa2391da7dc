resource "aws_lambda_function" "handler" {
  function_name    = "handler"
  role             = "arn:aws:iam::123456789012:role/handler"
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  filename         = "${path.module}/build/lambda.zip"
  source_code_hash = filebase64sha256("${path.module}/build/lambda.zip")
}

resource "aws_kms_key" "lambda" {
  description         = "lambda environment"
  enable_key_rotation = false
}
