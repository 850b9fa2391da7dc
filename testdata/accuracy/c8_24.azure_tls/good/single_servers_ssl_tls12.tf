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

# SSL enforced; the PostgreSQL server leaves the TLS minimum out, which
# the provider sets to TLS1_2.
resource "azurerm_mysql_server" "orders" {
  name                = "mysql-acme-orders"
  location            = "westeurope"
  resource_group_name = "rg-acme-prod"

  administrator_login          = "ordersadmin"
  administrator_login_password = "Corpus-Fixture-Pw-2!"

  sku_name   = "GP_Gen5_2"
  storage_mb = 5120
  version    = "8.0"

  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_postgresql_server" "ledger" {
  name                = "psql-acme-ledger"
  location            = "westeurope"
  resource_group_name = "rg-acme-prod"

  administrator_login          = "ledgeradmin"
  administrator_login_password = "Corpus-Fixture-Pw-3!"

  sku_name   = "GP_Gen5_2"
  storage_mb = 5120
  version    = "11"

  ssl_enforcement_enabled = true
}
