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
    name                       = "allow-all"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    source_address_prefix      = "Internet"
    destination_port_range     = "*"
  }
}
