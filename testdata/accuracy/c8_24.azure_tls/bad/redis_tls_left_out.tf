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

resource "azurerm_redis_cache" "main" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "redis-acme"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}
