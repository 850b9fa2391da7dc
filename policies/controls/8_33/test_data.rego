# METADATA
# title: Test data rules in force
# description: |
#   The selection and protection of test information follow a procedure or
#   policy with topic test_data: production data, and personal data above
#   all, is not used for testing unless masked or synthetic, or unless each
#   copy is authorised, protected like production, logged and deleted after
#   the test. It must be in force, approved and inside its review period.
#   Whether test environments hold production data is for the auditor to
#   check.
# custom:
#   controls: ["8.33"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:procedure", "evidence:policy"]
#   remediation: |
#     Document how test data is produced (synthetic or masked), who may
#     authorise a copy of production data for a test and how such copies
#     are protected and deleted; have it approved and record it as a
#     procedure with topic test_data and a review interval.
package annexa.controls.c8_33.test_data

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure", "policy"], "test_data", "test data procedure")
}

# judged are the test data procedures and policies findings judges.
judged := documents.judged(["procedure", "policy"], "test_data")
