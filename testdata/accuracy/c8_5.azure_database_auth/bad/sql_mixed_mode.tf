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

resource "azurerm_mssql_server" "main" {
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  name                         = "sql-acme-main"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "0b6e4a9c-1d2f-4e8a-9c37-2f5b8d1e6a40"
    azuread_authentication_only = false
  }
}
