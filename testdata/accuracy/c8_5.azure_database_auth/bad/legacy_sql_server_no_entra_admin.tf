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

# The legacy server resource has no administrator block, and no
# azurerm_sql_active_directory_administrator names it: SQL logins only.
resource "azurerm_sql_server" "legacy" {
  name                         = "sql-acme-legacy"
  resource_group_name          = "rg-acme-prod"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Corpus-Fixture-Pw-1!"
}
