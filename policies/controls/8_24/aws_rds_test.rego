package annexa.controls.c8_24.aws_rds_test

import data.annexa.controls.c8_24.aws_rds as check
import data.annexa.lib.testing

test_pass_encrypted if {
	facts := testing.facts([
		testing.resource("aws_db_instance", "main", {"storage_encrypted": true}),
		testing.resource("aws_rds_cluster", "aurora", {"storage_encrypted": true}),
	])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_instance_unencrypted if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"storage_encrypted": false})])
	check.deny == {{"msg": "RDS DB instance storage is not encrypted", "resource": "aws_db_instance.main"}} with data.facts as facts
}

test_fail_cluster_unencrypted if {
	facts := testing.facts([testing.resource("aws_rds_cluster", "aurora", {"storage_encrypted": false})])
	count(check.deny) == 1 with data.facts as facts
}

test_pass_replica_inherits if {
	facts := testing.facts([testing.resource("aws_db_instance", "replica", {"storage_encrypted": false, "replicate_source_db": "main"})])
	count(check.deny) == 0 with data.facts as facts
}

test_fail_instance_encryption_left_out if {
	facts := testing.facts([
		testing.resource("aws_db_instance", "plan", {"storage_encrypted": null, "engine": "postgres"}),
		testing.resource("aws_db_instance", "source", {"engine": "postgres"}),
	])
	{f.resource | some f in check.deny} == {"aws_db_instance.plan", "aws_db_instance.source"} with data.facts as facts
}

test_pass_left_out_but_unknown_restored_or_cluster if {
	facts := testing.facts([
		object.union(testing.resource("aws_db_instance", "unknown", {}), {"unknown": ["storage_encrypted"]}),
		testing.resource("aws_db_instance", "restored", {"snapshot_identifier": "rds:main-2026-11-01"}),
		testing.resource("aws_rds_cluster", "aurora", {}),
	])
	count(check.deny) == 0 with data.facts as facts
}

# storage_encrypted left out: unknown in a plan (or null), the provider's default
left_out_storage_encrypted := object.union(
	testing.resource("aws_rds_cluster", "omitted", {"engine": "aurora-postgresql", "engine_mode": "provisioned"}),
	{"configured": ["engine"], "unknown": ["storage_encrypted"]},
)

test_fail_storage_encrypted_left_out if {
	findings := check.deny with data.facts as testing.facts([left_out_storage_encrypted])
	some f in findings
	contains(f.msg, "RDS cluster storage is not encrypted")
}

test_pass_storage_encrypted_written_but_unknown if {
	written := object.union(left_out_storage_encrypted, {"configured": ["engine", "storage_encrypted"]})
	findings := check.deny with data.facts as testing.facts([written])
	every f in findings {
		not contains(f.msg, "RDS cluster storage is not encrypted")
	}
}

test_pass_storage_encrypted_configuration_unsaid if {
	unsaid := object.remove(left_out_storage_encrypted, ["configured"])
	findings := check.deny with data.facts as testing.facts([unsaid])
	every f in findings {
		not contains(f.msg, "RDS cluster storage is not encrypted")
	}
}

test_pass_judges_known_storage if {
	facts := testing.facts([testing.resource("aws_db_instance", "main", {"storage_encrypted": true})])
	check.judged == {"aws_db_instance.main"} with data.facts as facts
}

test_pass_unknown_restored_and_cluster_judge_nothing if {
	facts := testing.facts([
		object.union(testing.resource("aws_db_instance", "unknown", {}), {"unknown": ["storage_encrypted"]}),
		testing.resource("aws_db_instance", "restored", {"snapshot_identifier": "rds:main-2026-11-01"}),
		testing.resource("aws_rds_cluster", "aurora", {}),
	])
	count(check.judged) == 0 with data.facts as facts
}

test_pass_serverless_v1_left_out_is_encrypted if {
	v1 := object.union(
		testing.resource("aws_rds_cluster", "batch", {"engine": "aurora-mysql", "engine_mode": "serverless"}),
		{"configured": ["engine", "engine_mode"], "unknown": ["storage_encrypted"]},
	)
	count(check.deny) == 0 with data.facts as testing.facts([v1])
	check.judged == {"aws_rds_cluster.batch"} with data.facts as testing.facts([v1])
}

test_fail_multi_az_cluster_left_out if {
	# Terraform source of a Multi-AZ DB cluster: engine_mode left out is provisioned.
	multi_az := object.union(
		testing.resource("aws_rds_cluster", "orders", {"engine": "mysql", "db_cluster_instance_class": "db.r6gd.large"}),
		{"configured": ["engine", "db_cluster_instance_class"]},
	)
	findings := check.deny with data.facts as testing.facts([multi_az])
	{f.resource | some f in findings} == {"aws_rds_cluster.orders"}
}
