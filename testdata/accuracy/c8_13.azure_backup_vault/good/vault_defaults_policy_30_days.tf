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

resource "azurerm_recovery_services_vault" "main" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "rsv-acme"
  sku                 = "Standard"
}

resource "azurerm_backup_policy_vm" "daily" {
  name                = "bkpol-daily"
  resource_group_name = "rg-acme-prod"
  recovery_vault_name = azurerm_recovery_services_vault.main.name

  backup {
    frequency = "Daily"
    time      = "23:00"
  }

  retention_daily {
    count = 30
  }
}
