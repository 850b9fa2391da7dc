package annexa.lib.tf_test

import data.annexa.lib.testing
import data.annexa.lib.tf

bucket := testing.resource("aws_s3_bucket", "logs", {"id": "logs-bucket", "bucket": "logs-bucket"})

other_bucket := testing.resource("aws_s3_bucket", "data", {"bucket": "data"})

gone := object.union(testing.resource("aws_s3_bucket", "old", {}), {"actions": ["delete"]})

block_by_ref := testing.with_refs(
	testing.resource("aws_s3_bucket_public_access_block", "logs", {}),
	{"bucket": ["aws_s3_bucket.logs"]},
)

block_by_id := testing.resource("aws_s3_bucket_public_access_block", "data", {"bucket": "logs-bucket"})

ami := testing.data_source("aws_ami", "ubuntu", {"most_recent": true})

facts := testing.facts([bucket, other_bucket, gone, block_by_ref, block_by_id, ami])

test_resources if {
	[r.id | some r in tf.resources("aws_s3_bucket")] == ["aws_s3_bucket.data", "aws_s3_bucket.logs"] with data.facts as facts
	tf.resources("aws_instance") == [] with data.facts as facts
}

test_ids if {
	tf.ids(["aws_s3_bucket", "aws_s3_bucket_public_access_block", "aws_ami"]) == {
		"aws_s3_bucket.logs", "aws_s3_bucket.data",
		"aws_s3_bucket_public_access_block.logs", "aws_s3_bucket_public_access_block.data",
	} with data.facts as facts
	tf.ids(["aws_instance"]) == set() with data.facts as facts
	tf.data_ids(["aws_ami", "aws_s3_bucket"]) == {"data.aws_ami.ubuntu"} with data.facts as facts
}

test_data_sources if {
	[d.id | some d in tf.data_sources("aws_ami")] == ["data.aws_ami.ubuntu"] with data.facts as facts
	tf.data_sources("aws_s3_bucket") == [] with data.facts as facts
}

test_pointers if {
	tf.pointers(block_by_ref, "bucket") == {"aws_s3_bucket.logs"}
	tf.pointers(block_by_id, "bucket") == {"logs-bucket"}
	tf.pointers(block_by_id, "absent") == set()
	tf.pointers(testing.resource("x", "y", {"bucket": 3}), "bucket") == set()
}

test_identities if {
	tf.identities(bucket) == {"aws_s3_bucket.logs", "logs-bucket"}
	tf.identities(other_bucket) == {"aws_s3_bucket.data"}
}

test_refers if {
	tf.refers(block_by_ref, "bucket", bucket)
	tf.refers(block_by_id, "bucket", bucket)
	not tf.refers(block_by_ref, "bucket", other_bucket)
	not tf.refers(block_by_ref, "absent", bucket)
}

test_pointed_at if {
	tf.pointed_at("aws_s3_bucket_public_access_block", "bucket") == {"aws_s3_bucket.logs", "logs-bucket"} with data.facts as facts
	tf.pointed_at("aws_s3_bucket_acl", "bucket") == set() with data.facts as facts
}

unknown_key := object.union(
	testing.resource("aws_ebs_volume", "v", {"encrypted": true}),
	{"unknown": ["kms_key_id", "encryption_configuration.0.kms_key_name"]},
)

test_is_unknown if {
	tf.is_unknown(unknown_key, "kms_key_id")
	not tf.is_unknown(unknown_key, "encrypted")
	not tf.is_unknown(bucket, "kms_key_id")
}

test_explicitly_false if {
	tf.explicitly_false(testing.resource("aws_ebs_volume", "v", {"encrypted": false}), "encrypted")
	not tf.explicitly_false(testing.resource("aws_ebs_volume", "v", {"encrypted": true}), "encrypted")
	not tf.explicitly_false(testing.resource("aws_ebs_volume", "v", {"encrypted": null}), "encrypted")
	not tf.explicitly_false(unknown_key, "kms_key_id")
	not tf.explicitly_false(bucket, "encrypted")
}

test_as_list if {
	tf.as_list(["s3:GetObject"]) == ["s3:GetObject"]
	tf.as_list("s3:*") == ["s3:*"]
	tf.as_list([]) == []
}

test_attribute_or_id if {
	tf.attribute_or_id(bucket, "bucket") == "logs-bucket"
	tf.attribute_or_id(bucket, "absent") == "aws_s3_bucket.logs"
	tf.attribute_or_id(testing.resource("x", "y", {"bucket": 3}), "bucket") == "x.y"
	tf.attribute_or_id(unknown_key, "kms_key_id") == "aws_ebs_volume.v"
}

test_display_name if {
	tf.display_name(testing.resource("google_compute_firewall", "ssh", {"name": "allow-ssh"})) == "allow-ssh"
	tf.display_name(testing.resource("google_compute_firewall", "ssh", {"name": null})) == "google_compute_firewall.ssh"
	tf.display_name(testing.resource("google_compute_firewall", "ssh", {})) == "google_compute_firewall.ssh"
}

key(attrs) := testing.resource("azurerm_storage_account", "sa", attrs)

test_has_value if {
	tf.has_value(key({"k": "id"}), "k")
	tf.has_value(key({"k": [{"key_vault_key_id": "id"}]}), "k")
	not tf.has_value(key({"k": ""}), "k")
	not tf.has_value(key({"k": []}), "k")
	not tf.has_value(key({"k": null}), "k")
	not tf.has_value(key({"k": true}), "k")
	not tf.has_value(key({}), "k")
}

test_referenced if {
	tf.referenced(testing.with_refs(key({}), {"k": ["azurerm_key_vault_key.k"]}), "k")
	not tf.referenced(testing.with_refs(key({}), {"k": []}), "k")
	not tf.referenced(key({"k": "id"}), "k")
}

test_configured if {
	tf.configured(key({"k": "id"}), "k")
	tf.configured(testing.with_refs(key({}), {"k": ["azurerm_key_vault_key.k"]}), "k")
	tf.configured(object.union(key({}), {"unknown": ["k"]}), "k")
	not tf.configured(key({"k": ""}), "k")
	not tf.configured(key({"k": null}), "k")
	not tf.configured(key({}), "k")
}

dataset(attrs) := testing.resource("google_bigquery_dataset", "d", attrs)

test_block_configured if {
	tf.block_configured(dataset({"c": [{"kms_key_name": "projects/p/keys/k"}]}), "c", "kms_key_name")
	tf.block_configured(dataset({"c": [{"kms_key_name": ""}, {"kms_key_name": "k2"}]}), "c", "kms_key_name")
	tf.block_configured(testing.with_refs(dataset({}), {"c.kms_key_name": ["google_kms_crypto_key.k"]}), "c", "kms_key_name")
	tf.block_configured(object.union(dataset({"c": [{}]}), {"unknown": ["c.0.kms_key_name"]}), "c", "kms_key_name")
	not tf.block_configured(dataset({"c": [{"kms_key_name": ""}]}), "c", "kms_key_name")
	not tf.block_configured(dataset({"c": []}), "c", "kms_key_name")
	not tf.block_configured(dataset({"c": [{"kms_key_name": null}]}), "c", "kms_key_name")
	not tf.block_configured(dataset({}), "c", "kms_key_name")
	not tf.block_configured(object.union(dataset({}), {"unknown": ["kms_key_name"]}), "c", "kms_key_name")
}

with_configured(r, names) := object.union(r, {"configured": names})

test_omitted if {
	tf.omitted(with_configured(key({"k": false}), ["other"]), "k")
	tf.omitted(with_configured(key({}), []), "k")
	not tf.omitted(with_configured(key({}), ["k"]), "k")
	not tf.omitted(with_configured(object.union(key({}), {"unknown": ["k"]}), ["k"]), "k")

	# no configured list: the input does not say, so nothing is omitted
	not tf.omitted(key({}), "k")
}

test_written if {
	tf.written(with_configured(key({"k": null}), ["k"]), "k")
	not tf.written(with_configured(key({"k": false}), []), "k")
	not tf.written(key({"k": true}), "k")
}
