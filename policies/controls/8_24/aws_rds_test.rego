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
