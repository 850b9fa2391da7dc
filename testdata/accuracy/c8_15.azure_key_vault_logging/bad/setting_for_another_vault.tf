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

resource "azurerm_key_vault" "other" {
  resource_group_name      = "rg-acme-prod"
  location                 = "westeurope"
  name                     = "kv-acme-other"
  tenant_id                = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "kv_diag" {
  name                       = "kv-diag"
  target_resource_id         = azurerm_key_vault.other.id
  log_analytics_workspace_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.OperationalInsights/workspaces/law-acme"

  enabled_log {
    category_group = "audit"
  }
}
