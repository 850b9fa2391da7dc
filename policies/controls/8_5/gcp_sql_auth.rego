# METADATA
# title: Cloud SQL instances take IAM sign-in and hold built-in passwords to a policy
# description: |
#   Cloud SQL for PostgreSQL and MySQL instances have IAM database
#   authentication switched on (the cloudsql.iam_authentication flag for
#   PostgreSQL, cloudsql_iam_authentication for MySQL, set to on), so people
#   sign in with their Google identity and its 2-step verification rather
#   than a shared database password. The passwords of the built-in users
#   that remain are held to a password validation policy: enabled, at least
#   gcp_sql_password_min_length (14) characters, with the default
#   complexity rules; enable_password_policy and complexity left out of a
#   written policy are the provider's defaults (off, unspecified) and
#   fail. SQL Server instances
#   are not judged here.
# custom:
#   controls: ["8.5"]
#   severity: medium
#   coverage: partial
#   inputs: ["resource:google_sql_database_instance"]
#   parameters: ["gcp_sql_password_min_length"]
#   remediation: |
#     Add database_flags { name = "cloudsql.iam_authentication" (PostgreSQL)
#     or "cloudsql_iam_authentication" (MySQL), value = "on" } and
#     google_sql_user resources of type CLOUD_IAM_USER or CLOUD_IAM_GROUP,
#     and a password_validation_policy { enable_password_policy = true,
#     min_length = 14, complexity = "COMPLEXITY_DEFAULT",
#     disallow_username_substring = true } in settings.
package annexa.controls.c8_5.gcp_sql_auth

import data.annexa.lib.params
import data.annexa.lib.tf

min_length := params.value("gcp_sql_password_min_length")

iam_flag := {"POSTGRES": "cloudsql.iam_authentication", "MYSQL": "cloudsql_iam_authentication"}

deny contains finding if {
	some i in tf.resources("google_sql_database_instance")
	flag := iam_flag[engine(i)]
	some s in i.attributes.settings
	is_array(s.database_flags)
	not flag_on(s, flag)
	finding := {
		"msg": sprintf("Cloud SQL instance has IAM database authentication off (flag %s is not on), so people sign in with database passwords", [flag]),
		"resource": i.id,
	}
}

deny contains finding if {
	some i in tf.resources("google_sql_database_instance")
	iam_flag[engine(i)]
	some s in i.attributes.settings
	problems := password_problems(s)
	count(problems) > 0
	finding := {
		"msg": sprintf("Cloud SQL instance does not hold built-in user passwords to a policy: %s", [concat("; ", problems)]),
		"resource": i.id,
		"details": {"weaknesses": problems},
	}
}

engine(i) := split(i.attributes.database_version, "_")[0] if is_string(i.attributes.database_version)

flag_on(s, name) if {
	some f in s.database_flags
	f.name == name
	is_string(f.value)
	lower(f.value) == "on"
}

password_problems(s) := ["there is no password validation policy"] if {
	s.password_validation_policy == []
} else := problems if {
	some p in s.password_validation_policy
	problems := [msg |
		some check, msg in checks
		weak(p, check)
	]
}

checks := {
	"disabled": "the password validation policy is not enabled",
	"length": sprintf("the minimum length is under %d characters", [min_length]),
	"complexity": "complexity is not required",
}

weak(p, "disabled") if object.get(p, "enable_password_policy", false) == false

weak(p, "length") if {
	p.enable_password_policy == true
	not long_enough(p)
}

weak(p, "complexity") if {
	p.enable_password_policy == true
	object.get(p, "complexity", "COMPLEXITY_UNSPECIFIED") != "COMPLEXITY_DEFAULT"
}

long_enough(p) if object.get(p, "min_length", 0) >= min_length

# judged are the PostgreSQL and MySQL instances whose flags or password
# validation policy are known.
judged contains i.id if {
	some i in tf.resources("google_sql_database_instance")
	iam_flag[engine(i)]
	some s in i.attributes.settings
	some field in ["database_flags", "password_validation_policy"]
	is_array(s[field])
}
