# A staging-only configuration: no production resource in the same state.
provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ledger" {
  name     = "rg-ledger-stg"
  location = "westeurope"
  tags = {
    Stage = "staging"
  }
}

resource "azurerm_storage_account" "ledger" {
  name                     = "stledgerstg"
  resource_group_name      = azurerm_resource_group.ledger.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
  tags = {
    Stage = "staging"
  }
}
