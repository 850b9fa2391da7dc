# METADATA
# title: Procedure for privileged utility programs in force
# description: |
#   The use of utility programs that can override system and application
#   controls (debuggers, disk and registry editors, database consoles,
#   cloud shells and session managers, kubectl exec) is governed by a
#   procedure or policy with topic privileged_utilities: which utilities
#   are allowed, who may use them and after whose authorisation, how their
#   use is logged, and that unneeded ones are removed. It must be in force,
#   approved and inside its review period. Whether use is in fact
#   restricted and logged is for the auditor to sample.
# custom:
#   controls: ["8.18"]
#   severity: medium
#   coverage: supporting
#   inputs: ["evidence:procedure", "evidence:policy"]
#   remediation: |
#     Document the privileged utility programs in use, who may run them and
#     how use is authorised and logged; have it approved and record it as a
#     procedure with topic privileged_utilities and a review interval.
package annexa.controls.c8_18.privileged_utilities

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure", "policy"], "privileged_utilities", "procedure for privileged utility programs")
}

# judged are the procedures and policies for privileged utility programs
# findings judges.
judged := documents.judged(["procedure", "policy"], "privileged_utilities")
