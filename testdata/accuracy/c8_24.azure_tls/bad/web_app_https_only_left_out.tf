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

resource "azurerm_linux_web_app" "portal" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "app-acme-portal"
  service_plan_id     = azurerm_service_plan.main.id

  site_config {
    minimum_tls_version = "1.2"
  }
}
