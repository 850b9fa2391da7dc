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

resource "azurerm_postgresql_flexible_server" "ledger" {
  resource_group_name    = "rg-acme-prod"
  location               = "westeurope"
  name                   = "psql-acme-ledger"
  version                = "16"
  sku_name               = "GP_Standard_D2s_v3"
  administrator_login    = "ledger"
  administrator_password = "Corpus-Fixture-Pw-1!"
}
