# METADATA
# title: Storage media are handled under an approved, current procedure
# description: |
#   The organisation has a procedure for the life cycle of storage media, from
#   acquisition and use through transport to secure re-use or disposal (a
#   procedure record with topic storage_media), that is approved, neither
#   draft nor retired, and inside its review period. A missing procedure, or
#   one that cannot be relied on, is a finding.
# custom:
#   controls: ["7.10"]
#   severity: medium
#   coverage: partial
#   inputs: ["evidence:procedure"]
#   remediation: |
#     Approve a storage media procedure (authorised removable media,
#     encryption, labelling, storage, transport, sanitisation before re-use
#     and disposal), set a review interval and record it as a procedure with
#     topic storage_media.
package annexa.controls.c7_10.storage_media_procedure

import data.annexa.lib.documents

deny contains f if {
	some f in documents.findings(["procedure"], "storage_media", "storage media procedure")
}

# judged are the storage media procedures findings judges.
judged := documents.judged(["procedure"], "storage_media")
