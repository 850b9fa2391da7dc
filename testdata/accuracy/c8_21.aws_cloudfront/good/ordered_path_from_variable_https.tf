# Same shape as the bad case: the ordered behaviour's path is known only at
# apply, but it redirects viewers to HTTPS, so nothing is served in clear.

variable "legacy_downloads_path" {
  type = string
}

resource "aws_cloudfront_distribution" "docs" {
  enabled = true
  comment = "product documentation"
  origin {
    domain_name              = "acme-docs-eu.s3.eu-west-1.amazonaws.com"
    origin_id                = "s3-docs"
    origin_access_control_id = "E1DOCSORIGINAC"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "s3-docs"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  ordered_cache_behavior {
    path_pattern           = var.legacy_downloads_path
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "s3-docs"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/7d2e"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
