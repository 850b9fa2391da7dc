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

resource "azurerm_mssql_database" "app" {
  name                                = "sqldb-acme-app"
  server_id                           = azurerm_mssql_server.main.id
  sku_name                            = "S1"
  transparent_data_encryption_enabled = true
}

resource "azurerm_synapse_sql_pool" "dw" {
  name                 = "dwacme"
  synapse_workspace_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Synapse/workspaces/syn-acme"
  sku_name             = "DW100c"
  create_mode          = "Default"
  data_encrypted       = true
}
