resource "aws_lambda_layer_version" "deps" {
  layer_name = "deps"
  filename   = "layer.zip"
}

resource "aws_s3_object" "bundle" {
  bucket         = "artifacts-example"
  key            = "bundle.zip"
  content_base64 = filebase64("dist/bundle.zip")
}
