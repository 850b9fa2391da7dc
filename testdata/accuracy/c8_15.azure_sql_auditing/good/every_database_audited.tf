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

# No server policy, but the server's only database has its own auditing.
resource "azurerm_mssql_server" "main" {
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  name                         = "sql-acme-main"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"
}

resource "azurerm_mssql_database" "orders" {
  name      = "sqldb-orders"
  server_id = azurerm_mssql_server.main.id
}

resource "azurerm_mssql_database_extended_auditing_policy" "orders" {
  database_id            = azurerm_mssql_database.orders.id
  log_monitoring_enabled = true
}
