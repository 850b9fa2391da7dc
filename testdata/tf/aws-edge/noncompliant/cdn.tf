# --- CloudFront (8.21, 8.26) ---------------------------------------------

# The managed policies of CloudFront.
locals {
  caching_disabled  = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  caching_optimized = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  all_viewer        = "216adef6-5c7f-47e4-b989-5492eafa07d3"
}

data "aws_route53_zone" "public" {
  name = local.domain
}

# CloudFront reaches the public load balancer by this name: the load
# balancer's certificate is for *.domain, not for its own amazonaws.com
# name.
resource "aws_route53_record" "origin" {
  zone_id = data.aws_route53_zone.public.zone_id
  name    = "origin.${local.domain}"
  type    = "A"

  alias {
    name                   = aws_lb.public.dns_name
    zone_id                = aws_lb.public.zone_id
    evaluate_target_health = true
  }
}

# The site, in front of the public load balancer; static assets cached.
resource "aws_cloudfront_distribution" "web" {
  comment         = "${local.name} web"
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = "PriceClass_100"
  aliases         = ["www.${local.domain}"]
  web_acl_id      = aws_wafv2_web_acl.cloudfront.arn

  origin {
    origin_id   = "public-alb"
    domain_name = aws_route53_record.origin.fqdn

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only" # to the load balancer on port 80
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id         = "public-alb"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = local.caching_disabled
    origin_request_policy_id = local.all_viewer
    compress                 = true
  }

  ordered_cache_behavior {
    path_pattern           = "/assets/*"
    target_origin_id       = "public-alb"
    viewer_protocol_policy = "allow-all" # assets over HTTP too
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = local.caching_optimized
    compress               = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = var.cdn_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1_2016"
  }

  tags = { Name = "${local.name}-web" }
}

# The developer documentation, built by CI and hosted on GitHub Pages.
resource "aws_cloudfront_distribution" "docs" {
  comment         = "${local.name} docs"
  enabled         = true
  is_ipv6_enabled = true
  price_class     = "PriceClass_100"
  aliases         = ["docs.${local.domain}"]
  # No web_acl_id: the docs are static, so no WAF was thought necessary.

  origin {
    origin_id   = "github-pages"
    domain_name = "acme-payments.github.io"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "github-pages"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = local.caching_optimized
    compress               = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # No minimum_protocol_version: the provider's default, TLSv1, accepts
  # TLS 1.0.
  viewer_certificate {
    acm_certificate_arn = var.cdn_certificate_arn
    ssl_support_method  = "sni-only"
  }

  tags = { Name = "${local.name}-docs" }
}
