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

resource "azurerm_storage_account" "docs" {
  resource_group_name      = "rg-acme-prod"
  location                 = "westeurope"
  name                     = "stacmedocs"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account_network_rules" "docs" {
  storage_account_id = azurerm_storage_account.docs.id
  default_action     = "Deny"
  ip_rules           = ["203.0.113.0/24"]
  bypass             = ["AzureServices"]
}
