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

resource "azurerm_mssql_server" "main" {
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  name                         = "sql-acme-main"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"
}

resource "azurerm_mssql_database" "ledger" {
  name                                = "sqldb-acme-ledger"
  server_id                           = azurerm_mssql_server.main.id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = false
}
