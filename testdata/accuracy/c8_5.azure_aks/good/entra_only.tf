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

resource "azurerm_kubernetes_cluster" "main" {
  resource_group_name    = "rg-acme-prod"
  location               = "westeurope"
  name                   = "aks-acme"
  dns_prefix             = "acme"
  local_account_disabled = true

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    tenant_id              = "72f988bf-86f1-41af-91ab-2d7cd011db47"
    admin_group_object_ids = ["0b6e4a9c-1d2f-4e8a-9c37-2f5b8d1e6a40"]
  }
}
