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
# RDP also listens on UDP 3389 (its UDP transport): a Udp rule from the
# internet on 3389 exposes the RDP service.
resource "azurerm_network_security_rule" "rdp_udp" {
  resource_group_name         = "rg-acme-prod"
  network_security_group_name = "nsg-jump"
  name                        = "allow-rdp-udp"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  source_address_prefix       = "0.0.0.0/0"
  destination_port_range      = "3389"
}
