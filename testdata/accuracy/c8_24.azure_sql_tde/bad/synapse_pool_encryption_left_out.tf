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

# data_encrypted left out: transparent data encryption of a dedicated SQL
# pool stays off unless it is asked for.
resource "azurerm_synapse_sql_pool" "dw" {
  name                 = "dwacme"
  synapse_workspace_id = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/rg-acme-prod/providers/Microsoft.Synapse/workspaces/syn-acme"
  sku_name             = "DW100c"
  create_mode          = "Default"
  storage_account_type = "GRS"
}
