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

# annexa-accuracy: needs ssl_enforcement_enabled
# azurerm v3 docs: ssl_enforcement_enabled = false lets clients connect
# without TLS; the TLS minimum must then be TLSEnforcementDisabled.
resource "azurerm_mysql_server" "orders" {
  name                = "mysql-acme-orders"
  location            = "westeurope"
  resource_group_name = "rg-acme-prod"

  administrator_login          = "ordersadmin"
  administrator_login_password = "Corpus-Fixture-Pw-2!"

  sku_name   = "GP_Gen5_2"
  storage_mb = 5120
  version    = "8.0"

  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"
}
