# annexa-accuracy: needs tags
# Production and UAT resource groups and storage accounts from one
# configuration, told apart only by an "env" tag.
provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ledger" {
  name     = "rg-ledger-prd"
  location = "westeurope"
  tags = {
    env = "prd"
  }
}

resource "azurerm_resource_group" "ledger_uat" {
  name     = "rg-ledger-uat"
  location = "westeurope"
  tags = {
    env = "UAT"
  }
}

resource "azurerm_storage_account" "ledger_uat" {
  name                     = "stledgeruat"
  resource_group_name      = azurerm_resource_group.ledger_uat.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
  tags = {
    env = "UAT"
  }
}
