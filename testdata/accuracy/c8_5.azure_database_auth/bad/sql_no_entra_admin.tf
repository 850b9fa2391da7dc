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
}
