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

# annexa-accuracy: needs ssl_minimal_tls_version_enforced
# SSL is enforced but TLS 1.0 and 1.1 clients are still accepted.
resource "azurerm_postgresql_server" "ledger" {
  name                = "psql-acme-ledger"
  location            = "westeurope"
  resource_group_name = "rg-acme-prod"

  administrator_login          = "ledgeradmin"
  administrator_login_password = "Corpus-Fixture-Pw-3!"

  sku_name   = "GP_Gen5_2"
  storage_mb = 5120
  version    = "11"

  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_0"
}
