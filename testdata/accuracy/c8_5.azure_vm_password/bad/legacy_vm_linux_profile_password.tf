terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.116"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_virtual_machine" "legacy" {
  resource_group_name   = "rg-acme-prod"
  location              = "westeurope"
  name                  = "vm-acme-legacy"
  vm_size               = "Standard_B2s"
  network_interface_ids = [azurerm_network_interface.main.id]

  storage_os_disk {
    name              = "osdisk"
    create_option     = "FromImage"
    managed_disk_type = "Premium_LRS"
  }

  os_profile {
    computer_name  = "legacy"
    admin_username = "azureuser"
    admin_password = "Corpus-Fixture-Pw-1!"
  }

  os_profile_linux_config {
    disable_password_authentication = false
  }
}
