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

resource "azurerm_storage_account" "files" {
  resource_group_name               = "rg-acme-prod"
  location                          = "westeurope"
  name                              = "stacmefiles"
  account_tier                      = "Premium"
  account_replication_type          = "ZRS"
  account_kind                      = "FileStorage"
  infrastructure_encryption_enabled = true
}
