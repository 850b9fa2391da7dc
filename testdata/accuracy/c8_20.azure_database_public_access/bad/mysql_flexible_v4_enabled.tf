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

resource "azurerm_mysql_flexible_server" "cms" {
  resource_group_name    = "rg-acme-prod"
  location               = "westeurope"
  name                   = "mysql-acme-cms"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "cms"
  administrator_password = "Corpus-Fixture-Pw-1!"
  public_network_access  = "Enabled"
}
