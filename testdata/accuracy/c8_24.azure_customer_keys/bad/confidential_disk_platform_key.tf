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
  resource_group_name  = "rg-acme-prod"
  location             = "westeurope"
  name                 = "disk-acme-exports"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 128
  tags                 = { classification = "confidential", environment = "production" }
}
