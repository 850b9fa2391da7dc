package annexa.lib.labels_test

import data.annexa.lib.labels
import data.annexa.lib.testing

test_of_prefers_complete_sets if {
	labels.of(testing.resource("aws_s3_bucket", "a", {"tags": {"a": "1"}, "tags_all": {"a": "1", "Environment": "prod"}})) == {"a": "1", "Environment": "prod"}
	labels.of(testing.resource("google_storage_bucket", "b", {"labels": {}, "effective_labels": {"env": "dev"}})) == {"env": "dev"}
	labels.of(testing.resource("azurerm_managed_disk", "c", {"tags": {"env": "test"}})) == {"env": "test"}
	labels.of(testing.resource("google_sql_database_instance", "d", {"settings": [{"user_labels": {"env": "prod"}}]})) == {"env": "prod"}
	labels.of(testing.resource("random_id", "e", {})) == {}
}

test_value if {
	r := testing.resource("aws_s3_bucket", "a", {"tags_all": {"Data-Classification": "Restricted", "Name": "x"}})
	labels.value(r, {"dataclassification"}) == "Restricted"
	not labels.value(r, {"environment"})
}
