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

resource "azurerm_key_vault_secret" "db_password" {
  name         = "db-password"
  key_vault_id = azurerm_key_vault.main.id
  value        = "corpus-not-a-secret"
  content_type = "text/plain"
}
