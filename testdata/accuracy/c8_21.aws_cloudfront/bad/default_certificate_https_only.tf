# The default *.cloudfront.net certificate keeps the security policy at
# TLSv1: viewers may still negotiate TLS 1.0 and 1.1.
# annexa-accuracy: needs viewer_certificate
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  comment = "site"
  origin {
    domain_name              = "acme-site-eu.s3.eu-west-1.amazonaws.com"
    origin_id                = "s3-site"
    origin_access_control_id = "E2QWRUHAPOMQZL"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "s3-site"
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
