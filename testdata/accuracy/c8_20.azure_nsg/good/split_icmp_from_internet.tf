# Operations allow ping from anywhere with a separate rule. ICMP carries no
# ports, so no administration or database port is opened to the internet.

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

resource "azurerm_network_security_group" "edge" {
  resource_group_name = "rg-acme-edge"
  location            = "westeurope"
  name                = "nsg-edge"
}

resource "azurerm_network_security_rule" "ping" {
  name                        = "allow-ping"
  priority                    = 400
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Icmp"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-acme-edge"
  network_security_group_name = azurerm_network_security_group.edge.name
}
