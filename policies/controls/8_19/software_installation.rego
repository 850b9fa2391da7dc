# METADATA
# title: Software installation procedure in force
# description: |
#   Installing software on operational systems follows a procedure or
#   policy with topic software_installation: only authorised people install
#   software, only approved and tested versions from trusted sources reach
#   production (through the change process and the deployment pipeline,
#   not by hand), previous versions are kept for rollback, and users may
#   not install software on endpoints outside an allow list. It must be in
#   force, approved and inside its review period. Whether installations in
#   fact followed it is for the auditor to sample against the change
#   records (8.32).
# custom:
#   controls: ["8.19"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure", "evidence:policy"]
#   remediation: |
#     Document who may install software on production systems and on
#     endpoints, from which sources, and how it is tested and rolled back;
#     have it approved and record it as a procedure with topic
#     software_installation and a review interval.
package annexa.controls.c8_19.software_installation

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure", "policy"], "software_installation", "software installation procedure")
}

# judged are the software installation procedures and policies findings
# judges.
judged := documents.judged(["procedure", "policy"], "software_installation")
