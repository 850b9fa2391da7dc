# The legacy azurerm_sql_server is audited by a standalone server auditing
# policy that sends its records to Azure Monitor.

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

resource "azurerm_sql_server" "billing" {
  resource_group_name          = "rg-acme-billing"
  location                     = "northeurope"
  name                         = "sql-acme-billing"
  version                      = "12.0"
  administrator_login          = "billingadmin"
  administrator_login_password = "Corpus-Fixture-Pw-7!"
}

resource "azurerm_mssql_server_extended_auditing_policy" "billing" {
  server_id              = azurerm_sql_server.billing.id
  log_monitoring_enabled = true
}
