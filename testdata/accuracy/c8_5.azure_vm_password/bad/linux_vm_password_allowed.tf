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

resource "azurerm_linux_virtual_machine" "jump" {
  resource_group_name             = "rg-acme-prod"
  location                        = "westeurope"
  name                            = "vm-acme-jump"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  network_interface_ids           = [azurerm_network_interface.main.id]
  disable_password_authentication = false
  admin_password                  = "Corpus-Fixture-Pw-1!"

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
}
