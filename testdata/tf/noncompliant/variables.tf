variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "db_password" {
  description = "Master password of the payments database"
  type        = string
  sensitive   = true
}

variable "api_token" {
  description = "Token for the payments API, stored in SSM"
  type        = string
  sensitive   = true
}
