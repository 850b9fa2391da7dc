package annexa.lib.crypto_test

import data.annexa.lib.crypto
import data.annexa.lib.testing

test_weak_tls if {
	every v in ["TLS1_0", "TLS1_1", "1.0", "1.1", "TLSv1", "TLSv1.1", "TLS_1_0", "tls1_1", "SSLv3", "SSLv2"] {
		crypto.weak_tls(v)
	}
	every v in ["TLS1_2", "1.2", "1.3", "TLSv1.2", "TLS_1_2", "TLS1_3", "Disabled", "", "TLSv1.2_2021"] {
		not crypto.weak_tls(v)
	}
}

test_classification_from_labels if {
	crypto.classification(testing.resource("google_storage_bucket", "b", {"effective_labels": {"data-classification": "restricted", "env": "prod"}})) == "restricted"
	crypto.needs_customer_key(testing.resource("azurerm_managed_disk", "d", {"tags": {"Classification": "Confidential"}}))
	not crypto.needs_customer_key(testing.resource("azurerm_managed_disk", "d", {"tags": {"Classification": "Internal"}}))
	not crypto.needs_customer_key(testing.resource("azurerm_managed_disk", "d", {"tags": {}}))
	not crypto.needs_customer_key(testing.resource("azurerm_managed_disk", "d", {}))
}

test_effective_labels_preferred if {
	r := testing.resource("google_compute_disk", "d", {"labels": {}, "effective_labels": {"classification": "confidential"}})
	crypto.needs_customer_key(r)
}

test_cloud_sql_user_labels if {
	crypto.needs_customer_key(testing.resource("google_sql_database_instance", "db", {"settings": [{"user_labels": {"classification": "restricted"}}]}))
}
