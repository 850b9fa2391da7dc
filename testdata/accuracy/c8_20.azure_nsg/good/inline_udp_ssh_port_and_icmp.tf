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

# Udp and Icmp rules from the internet: SSH (22) is a TCP service, so a Udp
# rule on 22 opens nothing that listens there; ICMP has no ports.
resource "azurerm_network_security_group" "edge" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "nsg-edge"

  security_rule {
    name                       = "allow-udp-22"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Udp"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "Internet"
    destination_port_range     = "22"
  }

  security_rule {
    name                       = "allow-ping"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Icmp"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "*"
    destination_port_range     = "*"
  }
}
