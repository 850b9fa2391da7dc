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

  blob_properties {

    delete_retention_policy {
      days = 3
    }
  }
}
