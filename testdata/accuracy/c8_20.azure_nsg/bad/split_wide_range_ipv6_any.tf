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

resource "azurerm_network_security_group" "app" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "nsg-app"
}

resource "azurerm_network_security_rule" "ops" {
  name                        = "ops"
  priority                    = 310
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "0::/0"
  destination_port_range      = "20-3390"
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = azurerm_network_security_group.app.name
}
