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

# azurerm v3 still accepts the auditing policy inline on the server.
resource "azurerm_mssql_server" "main" {
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  name                         = "sql-acme-main"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"

  extended_auditing_policy {
    storage_endpoint                        = "https://stacmeaudit.blob.core.windows.net/"
    storage_account_access_key_is_secondary = false
    retention_in_days                       = 180
  }
}
