# The same function with its secrets from sensitive variables (supplied at
# apply time, from a secret store in CI): references, not literals.
variable "jwt_signing_key" {
  type      = string
  sensitive = true
}

variable "stripe_sk" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "payments" {
  function_name = "payments-api"
  role          = "arn:aws:iam::111122223333:role/payments-api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "build/payments-api.zip"
  timeout       = 10

  environment {
    variables = {
      JWT_SIGNING_KEY = var.jwt_signing_key
      STRIPE_SK       = var.stripe_sk
      LOG_LEVEL       = "info"
    }
  }
}
