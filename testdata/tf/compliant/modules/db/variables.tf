variable "name" {
  description = "Name prefix of the database resources"
  type        = string
}

variable "password" {
  description = "Master password"
  type        = string
  sensitive   = true
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group"
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the instance"
  type        = list(string)
}

variable "kms_key_arn" {
  description = "KMS key for storage encryption; null uses the AWS managed key"
  type        = string
  default     = null
}

variable "storage_encrypted" {
  type    = bool
  default = true
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "backup_retention_period" {
  description = "Days to keep automated backups"
  type        = number
  default     = 7
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "tags" {
  description = "Tags added to every resource of the module"
  type        = map(string)
  default     = {}
}
