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

resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh-bastion"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "10.0.1.0/26"
  destination_port_range      = "22"
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = azurerm_network_security_group.app.name
}
