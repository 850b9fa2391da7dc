output "public_alb_dns_name" {
  description = "DNS name of the public load balancer"
  value       = aws_lb.public.dns_name
}

output "cdn_domain_name" {
  description = "Domain name of the web distribution"
  value       = aws_cloudfront_distribution.web.domain_name
}
