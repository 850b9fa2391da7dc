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

# annexa-accuracy: needs site_config
resource "azurerm_windows_web_app_slot" "preview" {
  name           = "preview"
  app_service_id = azurerm_windows_web_app.portal.id
  https_only     = true

  site_config {
    minimum_tls_version = "1.0"
  }
}
