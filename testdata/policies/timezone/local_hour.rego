# METADATA
# title: Reports the hour of the run in a zone computed at evaluation time
# description: |
#   Test policy for determinism: it reaches for the machine's time zone
#   with a zone name the compiler cannot see, so its finding would change
#   with TZ if the process's local zone were the machine's.
# custom:
#   controls: ["5.9"]
#   severity: low
#   coverage: partial
#   inputs: ["resource:aws_s3_bucket"]
#   remediation: None; this policy exists for a test.
package annexa.controls.c5_9.example_local_hour

import data.annexa.lib.tf

deny contains finding if {
	some b in tf.resources("aws_s3_bucket")
	zone := concat("", ["Lo", "cal"])
	clock := time.clock([data.run.effective_time_ns, zone])
	finding := {"msg": sprintf("hour %d at %s", [clock[0], time.format([data.run.effective_time_ns, zone, "2006-01-02T15:04:05Z07:00"])]), "resource": b.id}
}

judged contains b.id if some b in tf.resources("aws_s3_bucket")
