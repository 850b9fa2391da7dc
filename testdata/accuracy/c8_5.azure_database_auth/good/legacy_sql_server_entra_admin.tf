terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.110"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_sql_server" "legacy" {
  name                         = "sql-acme-legacy"
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"
}

resource "azurerm_sql_active_directory_administrator" "legacy" {
  server_name                 = azurerm_sql_server.legacy.name
  resource_group_name         = "rg-acme-prod"
  login                       = "grp-sql-admins"
  tenant_id                   = "5f0b2c8e-3d41-4a77-9c1e-0a6d2b7e4f90"
  object_id                   = "2d7f4b1c-8e3a-4c55-9a0d-6f1e2b3c4d5e"
  azuread_authentication_only = true
}
