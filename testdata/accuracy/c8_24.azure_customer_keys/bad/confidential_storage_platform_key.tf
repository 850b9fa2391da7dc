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

resource "azurerm_storage_account" "ledger" {
  resource_group_name      = "rg-acme-prod"
  location                 = "westeurope"
  name                     = "stacmeledger"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  tags                     = { classification = "confidential", environment = "production" }
}
