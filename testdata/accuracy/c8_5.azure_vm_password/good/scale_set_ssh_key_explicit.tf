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

resource "azurerm_linux_virtual_machine_scale_set" "jump" {
  resource_group_name             = "rg-acme-prod"
  location                        = "westeurope"
  name                            = "vmss-acme"
  admin_username                  = "azureuser"
  sku                             = "Standard_B2s"
  instances                       = 2
  disable_password_authentication = true

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  network_interface {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "ip"
      primary   = true
      subnet_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
    }
  }

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBpA1cOrPuSfIxTuReKeY0000000000000000000000000 ops@acme"
  }
}
