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

resource "azurerm_key_vault" "main" {
  resource_group_name      = "rg-acme-prod"
  location                 = "westeurope"
  name                     = "kv-acme-main"
  tenant_id                = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_storage_account" "ledger" {
  resource_group_name      = "rg-acme-prod"
  location                 = "westeurope"
  name                     = "stacmeledger"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  tags                     = { classification = "confidential", environment = "production" }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_key_vault_key" "storage_cmk" {
  name         = "storage-cmk"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["decrypt", "encrypt", "sign", "unwrapKey", "verify", "wrapKey"]

  rotation_policy {
    expire_after = "P365D"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_storage_account_customer_managed_key" "ledger" {
  storage_account_id = azurerm_storage_account.ledger.id
  key_vault_id       = azurerm_key_vault.main.id
  key_name           = azurerm_key_vault_key.storage_cmk.name
}
