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

resource "azurerm_key_vault_managed_hardware_security_module" "main" {
  resource_group_name        = "rg-acme-prod"
  location                   = "westeurope"
  name                       = "hsm-acme"
  tenant_id                  = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  sku_name                   = "Standard_B1"
  admin_object_ids           = ["0b6e4a9c-1d2f-4e8a-9c37-2f5b8d1e6a40"]
  soft_delete_retention_days = 90
  purge_protection_enabled   = true
}

resource "azurerm_key_vault_managed_hardware_security_module_key" "cmk" {
  name           = "cmk"
  managed_hsm_id = azurerm_key_vault_managed_hardware_security_module.main.id
  key_type       = "RSA-HSM"
  key_size       = 3072
  key_opts       = ["unwrapKey", "wrapKey"]
}
