# METADATA
# title: RDS databases accept IAM database authentication
# description: |
#   MySQL, PostgreSQL, Aurora (MySQL and PostgreSQL) and MariaDB databases
#   have IAM database authentication enabled
#   (iam_database_authentication_enabled), so that people and applications
#   sign in with short-lived IAM tokens instead of long-lived database
#   passwords (AWS Foundational Security Best Practices RDS.10, RDS.12;
#   not a CIS AWS Foundations recommendation). Left out, it is false (the
#   provider's default): a finding. Only the engines that offer IAM
#   authentication are judged: mysql, postgres, aurora, aurora-mysql,
#   aurora-postgresql, and mariadb from version 10.11 (RDS for MariaDB
#   10.6 and older have no IAM authentication; a MariaDB database whose
#   engine_version is left out or only known after apply is not judged).
#   SQL Server, Oracle, Db2, RDS Custom, an engine left out or unknown,
#   and read replicas, which take their source's setting, are not judged;
#   nor is a setting only known after apply.
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

# supported_engine_prefixes are the engines with IAM database
# authentication at every version RDS offers (aurora takes in aurora-mysql
# and aurora-postgresql).
supported_engine_prefixes := ["mysql", "postgres", "aurora"]

applicable(db) if {
	not aws.rds_replica(db)
	supported(db)
}

supported(db) if {
	some p in supported_engine_prefixes
	startswith(engine(db), p)
}

# RDS for MariaDB offers IAM authentication from 10.11 on.
supported(db) if {
	engine(db) == "mariadb"
	[major, minor] := version(object.get(db.attributes, "engine_version", null))
	mariadb_with_iam(major, minor)
}

mariadb_with_iam(major, _) if major > 10

mariadb_with_iam(10, minor) if minor >= 11

engine(db) := lower(db.attributes.engine) if is_string(db.attributes.engine)

# version is the major and minor number of a version string such as
# "10.11.9" or "11.4"; undefined for anything else.
version(v) := [to_number(m[1]), to_number(m[2])] if {
	is_string(v)
	some m in regex.find_all_string_submatch_n(`^\s*([0-9]+)\.([0-9]+)`, v, 1)
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
