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

resource "azurerm_recovery_services_vault" "main" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "rsv-acme"
  sku                 = "Standard"
  storage_mode_type   = "LocallyRedundant"
}
