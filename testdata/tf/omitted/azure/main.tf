terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.14" }
  }
}

provider "azurerm" {
  features {}
}

# The omitted Azure stack: each resource leaves out the arguments the built-in
# policies read, so that they take the provider's default or stay the
# provider's to decide. ../../../plans/omitted-azure.json is its plan.

# soft_delete_enabled (true) and storage_mode_type (GeoRedundant) left out (8.13).
resource "azurerm_recovery_services_vault" "main" {
  name                = "omitted-vault"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
  sku                 = "Standard"
}

# timezone and the weekly, monthly and yearly retention left out (8.13).
resource "azurerm_backup_policy_vm" "daily" {
  name                = "omitted-daily"
  resource_group_name = "acme-omitted"
  recovery_vault_name = "omitted-vault"
  backup {
    frequency = "Daily"
    time      = "23:00"
  }
  retention_daily {
    count = 7
  }
}

# geo_redundant_backup_enabled (false), backup_retention_days and authentication (Azure's:
# 7 days, password sign-in only) left out (8.5, 8.13).
resource "azurerm_postgresql_flexible_server" "ledger" {
  name                   = "omitted-ledger"
  resource_group_name    = "acme-omitted"
  location               = "westeurope"
  version                = "16"
  sku_name               = "GP_Standard_D2s_v3"
  administrator_login    = "ledger"
  administrator_password = "Omitted-Fixture-Pw-1"
}

# geo_redundant_backup_enabled (false) and backup_retention_days (7) left out (8.13).
resource "azurerm_mysql_flexible_server" "cms" {
  name                   = "omitted-cms"
  resource_group_name    = "acme-omitted"
  location               = "westeurope"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "cms"
  administrator_password = "Omitted-Fixture-Pw-2"
}

# No diagnostic setting sends its audit logs anywhere (8.15).
resource "azurerm_key_vault" "main" {
  name                = "omitted-kv"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
  tenant_id           = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  sku_name            = "standard"
}

# minimum_tls_version (1.2) and azuread_administrator (none) left out (8.5, 8.15, 8.24).
resource "azurerm_mssql_server" "main" {
  name                         = "omitted-sql"
  resource_group_name          = "acme-omitted"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "Omitted-Fixture-Pw-3"
}

# enabled (true), retention_in_days (0: for ever) and storage_endpoint left out (8.15).
resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id              = azurerm_mssql_server.main.id
  log_monitoring_enabled = true
}

# transparent_data_encryption_enabled (true), storage_account_type (Geo) and
# short_term_retention_policy (Azure's: 7 days) left out (8.13, 8.24).
resource "azurerm_mssql_database" "app" {
  name      = "omitted-app"
  server_id = azurerm_mssql_server.main.id
}

# min_tls_version (TLS1_2), https_traffic_only_enabled (true), account_kind (StorageV2) and
# blob_properties (Azure's) left out (8.13, 8.24).
resource "azurerm_storage_account" "docs" {
  name                     = "omittedstdocs"
  resource_group_name      = "acme-omitted"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

# local_account_disabled (null: local accounts on) and Entra ID integration left out (8.5).
resource "azurerm_kubernetes_cluster" "main" {
  name                = "omitted-aks"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
  dns_prefix          = "omitted"
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v3"
    node_count = 1
  }
  identity {
    type = "SystemAssigned"
  }
}

# disable_password_authentication left out: true (8.5).
resource "azurerm_linux_virtual_machine" "jumpbox" {
  name                  = "omitted-jumpbox"
  resource_group_name   = "acme-omitted"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "ops"
  network_interface_ids = ["/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/acme-omitted/providers/Microsoft.Network/networkInterfaces/jumpbox"]
  admin_ssh_key {
    username   = "ops"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOmittedFixtureKeyOnlyForTests ops@acme"
  }
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

# https_only (false) and the site's minimum_tls_version (1.2) left out (8.24).
resource "azurerm_linux_web_app" "portal" {
  name                = "omitted-portal"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/8d3e1f2a-6b7c-4d9e-a0f1-2b3c4d5e6f70/resourceGroups/acme-omitted/providers/Microsoft.Web/serverFarms/plan"
  site_config {
    always_on = true
  }
}

# minimum_tls_version (1.0) and non_ssl_port_enabled (false) left out (8.24).
resource "azurerm_redis_cache" "cache" {
  name                = "omitted-cache"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}

# rotation_policy left out: no automatic rotation (8.24).
resource "azurerm_key_vault_key" "data" {
  name         = "omitted-data"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["decrypt", "encrypt", "unwrapKey", "wrapKey"]
}

# security_rule left out: the provider's, unknown in a plan (8.20).
resource "azurerm_network_security_group" "web" {
  name                = "omitted-web"
  resource_group_name = "acme-omitted"
  location            = "westeurope"
}

# Every address, by its two required ends: nothing to omit, the rule itself is
# the finding (8.20).
resource "azurerm_mssql_firewall_rule" "anywhere" {
  name             = "anywhere"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

# The subscription's activity log, with one category exported and the
# others left out (8.15).
resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity"
  target_resource_id         = "/subscriptions/00000000-0000-0000-0000-000000000000"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acme-omitted/providers/Microsoft.OperationalInsights/workspaces/omitted"
  enabled_log {
    category = "Administrative"
  }
}
