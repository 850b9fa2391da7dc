terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.116"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "site" {
  resource_group_name             = "rg-acme-prod"
  location                        = "westeurope"
  name                            = "stacmesite"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "dump" {
  name                  = "dump"
  storage_account_name  = azurerm_storage_account.site.name
  container_access_type = "container"
}
