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

resource "azurerm_postgresql_flexible_server" "ledger" {
  resource_group_name           = "rg-acme-prod"
  location                      = "westeurope"
  name                          = "psql-acme-ledger"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  administrator_login           = "ledger"
  administrator_password        = "Corpus-Fixture-Pw-1!"
  delegated_subnet_id           = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Network/virtualNetworks/vnet/subnets/db"
  private_dns_zone_id           = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Network/privateDnsZones/acme.postgres.database.azure.com"
  public_network_access_enabled = false
}
