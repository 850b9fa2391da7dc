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

resource "azurerm_network_security_group" "web" {
  resource_group_name = "rg-acme-prod"
  location            = "westeurope"
  name                = "nsg-web"

  security_rule {
    name                       = "allow-https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "Internet"
    destination_port_range     = "443"
  }

  security_rule {
    name                       = "allow-ssh-vpn"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "10.99.0.0/16"
    destination_port_range     = "22"
  }

  security_rule {
    name                       = "deny-all"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "*"
    destination_port_range     = "*"
  }
}
