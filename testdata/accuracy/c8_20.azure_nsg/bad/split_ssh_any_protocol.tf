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

# annexa-accuracy: needs protocol, destination_port_range, source_address_prefix, access, direction
# Protocol "*" is TCP as well as UDP and ICMP: SSH is open to the internet.
resource "azurerm_network_security_rule" "ssh_any_protocol" {
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = "nsg-jump"
  name                        = "allow-ssh-any-protocol"
  priority                    = 130
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "Internet"
  destination_port_range      = "22"
}
