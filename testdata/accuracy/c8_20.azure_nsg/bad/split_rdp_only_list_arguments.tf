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

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefixes     = ["203.0.113.0/24", "0.0.0.0/0"]
  destination_port_ranges     = ["3389"]
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = azurerm_network_security_group.app.name
}
