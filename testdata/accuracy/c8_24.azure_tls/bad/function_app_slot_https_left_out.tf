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

# The parent app is HTTPS-only, but the staging slot leaves https_only out
# (default false), so its own host name also answers plain HTTP.
resource "azurerm_linux_function_app" "jobs" {
  name                       = "func-acme-jobs"
  location                   = "westeurope"
  resource_group_name        = "rg-acme-prod"
  service_plan_id            = azurerm_service_plan.main.id
  storage_account_name       = "stacmejobs"
  storage_account_access_key = "Corpus-Fixture-Key"
  https_only                 = true

  site_config {
    minimum_tls_version = "1.2"
  }
}

resource "azurerm_linux_function_app_slot" "staging" {
  name                 = "staging"
  function_app_id      = azurerm_linux_function_app.jobs.id
  storage_account_name = "stacmejobs"

  site_config {
    minimum_tls_version = "1.2"
  }
}
