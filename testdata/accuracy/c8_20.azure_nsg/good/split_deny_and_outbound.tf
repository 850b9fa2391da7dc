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

resource "azurerm_network_security_rule" "deny_ssh" {
  name                        = "deny-ssh"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "*"
  destination_port_range      = "22"
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = azurerm_network_security_group.app.name
}

resource "azurerm_network_security_rule" "out" {
  name                        = "out-any"
  priority                    = 310
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "*"
  destination_port_range      = "*"
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = azurerm_network_security_group.app.name
}
