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

resource "azurerm_sql_firewall_rule" "legacy" {
  name                = "fw-legacy"
  resource_group_name = "rg-acme-prod"
  server_name         = "sql-acme-legacy"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255"
}
