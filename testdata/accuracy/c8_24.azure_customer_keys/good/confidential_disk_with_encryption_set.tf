terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.14"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_managed_disk" "exports" {
  resource_group_name    = "rg-acme-prod"
  location               = "westeurope"
  name                   = "disk-acme-exports"
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 128
  tags                   = { classification = "confidential", environment = "production" }
  disk_encryption_set_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Compute/diskEncryptionSets/des-acme"
}
