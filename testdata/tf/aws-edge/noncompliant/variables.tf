variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "domain" {
  description = "Public DNS domain the entry points serve"
  type        = string
  default     = "acme-payments.example"
}

# The certificates are issued and renewed by the acme-dns stack.
variable "certificate_arn" {
  description = "ACM certificate for *.domain in eu-west-1 (load balancers, API Gateway)"
  type        = string
  default     = "arn:aws:acm:eu-west-1:739275460217:certificate/5f0c8a3e-2b4d-4c6e-9a1f-7d3b5e8c2a40"
}

variable "cdn_certificate_arn" {
  description = "ACM certificate for *.domain in us-east-1 (CloudFront)"
  type        = string
  default     = "arn:aws:acm:us-east-1:739275460217:certificate/c2e4a6b8-1d3f-4a5c-8e7b-9f0a2c4e6b81"
}

# The access logs of the load balancers go to the log archive of the
# acme-logging stack, whose bucket policy lets the ELB service write.
variable "access_logs_bucket" {
  description = "S3 bucket of the load balancers' access logs"
  type        = string
  default     = "acme-log-archive-739275460217-eu-west-1"
}
