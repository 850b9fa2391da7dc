# An older stack still on azurerm 3.x declares its database server with the
# legacy azurerm_sql_server resource and never turns auditing on for it.

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
