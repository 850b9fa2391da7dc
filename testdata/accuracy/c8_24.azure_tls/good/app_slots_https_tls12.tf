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

resource "azurerm_windows_function_app_slot" "staging" {
  name                 = "staging"
  function_app_id      = azurerm_windows_function_app.jobs.id
  storage_account_name = "stacmejobs"
  https_only           = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"
    ftps_state              = "FtpsOnly"
  }
}

resource "azurerm_linux_web_app_slot" "preview" {
  name           = "preview"
  app_service_id = azurerm_linux_web_app.portal.id
  https_only     = true

  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "Disabled"
  }
}
