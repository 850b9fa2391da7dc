# A Lambda function whose signing key and Stripe key are written into its
# environment as literals (fake values): readable by anyone who can read
# this file, its history, the plan or the function's configuration.
# annexa-accuracy: needs environment
resource "aws_lambda_function" "payments" {
  function_name = "payments-api"
  role          = "arn:aws:iam::111122223333:role/payments-api"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "build/payments-api.zip"
  timeout       = 10

  environment {
    variables = {
      JWT_SIGNING_KEY = "annexa-corpus-fake-jwt-signing-key-0000"
      STRIPE_SK       = "sk_test_FAKEannexaCorpusNotAKey0000"
      LOG_LEVEL       = "info"
    }
  }
}
