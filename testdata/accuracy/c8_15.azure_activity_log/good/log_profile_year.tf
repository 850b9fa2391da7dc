terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.116"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_monitor_log_profile" "default" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global", "westeurope"]
  storage_account_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Storage/storageAccounts/stacmelogs"

  retention_policy {
    enabled = true
    days    = 365
  }
}
