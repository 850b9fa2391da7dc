# METADATA
# title: RDS databases accept IAM database authentication
# description: |
#   MySQL, MariaDB, PostgreSQL and Aurora databases have IAM database
#   authentication enabled (iam_database_authentication_enabled), so that
#   people and applications sign in with short-lived IAM tokens instead of
#   long-lived database passwords (AWS Foundational Security Best Practices
#   RDS.10, RDS.12; not a CIS AWS Foundations recommendation). Left out, it
#   is false (the provider's default): a finding. Engines without IAM
#   authentication (SQL Server, Oracle, Db2, RDS Custom) and read replicas,
#   which take their source's setting, are not judged; a value only known
#   after apply is not judged.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs:
#     - resource:aws_db_instance
#     - resource:aws_rds_cluster
#   remediation: |
#     Set iam_database_authentication_enabled = true and grant rds-db:connect
#     to the roles that connect; create database users for IAM
#     authentication (rds_iam role in PostgreSQL, AWSAuthenticationPlugin in
#     MySQL).
package annexa.controls.c8_5.aws_rds_iam_auth

import data.annexa.lib.aws
import data.annexa.lib.tf

types := ["aws_db_instance", "aws_rds_cluster"]

attr := "iam_database_authentication_enabled"

deny contains finding if {
	some t in types
	some db in tf.resources(t)
	applicable(db)
	off(db)
	finding := {
		"msg": sprintf("%s does not accept IAM database authentication (%s)", [label[t], why(db)]),
		"resource": db.id,
	}
}

label := {"aws_db_instance": "RDS DB instance", "aws_rds_cluster": "RDS cluster"}

why(db) := "iam_database_authentication_enabled is false" if tf.explicitly_false(db, attr)

else := "iam_database_authentication_enabled is left out, so it is off"

unsupported_engine_prefixes := ["sqlserver", "oracle", "db2", "custom-"]

applicable(db) if {
	not aws.rds_replica(db)
	engine := object.get(db.attributes, "engine", "")
	not unsupported(engine)
}

unsupported(engine) if {
	is_string(engine)
	some p in unsupported_engine_prefixes
	startswith(lower(engine), p)
}

off(db) if tf.explicitly_false(db, attr)

off(db) if {
	tf.omitted(db, attr)
	not is_boolean(object.get(db.attributes, attr, null))
	not tf.is_unknown(db, attr)
}

# judged are the databases of an engine with IAM authentication whose
# setting is known or left out.
judged contains db.id if {
	some t in types
	some db in tf.resources(t)
	applicable(db)
	decided(db)
}

decided(db) if is_boolean(db.attributes[attr])

decided(db) if off(db)
