package annexa.controls.c8_12.aws_macie_test

import data.annexa.controls.c8_12.aws_macie as check
import data.annexa.lib.testing

test_pass_enabled if {
	m := testing.resource("aws_macie2_account", "this", {"status": "ENABLED", "finding_publishing_frequency": "FIFTEEN_MINUTES"})
	count(check.deny) == 0 with data.facts as testing.facts([m])
}

test_fail_paused if {
	m := testing.resource("aws_macie2_account", "this", {"status": "PAUSED", "finding_publishing_frequency": "SIX_HOURS"})
	check.deny == {{"msg": "Amazon Macie is paused: no sensitive data discovery runs", "resource": "aws_macie2_account.this"}} with data.facts as testing.facts([m])
}

test_pass_judges_known_status if {
	m := testing.resource("aws_macie2_account", "this", {"status": "ENABLED"})
	check.judged == {"aws_macie2_account.this"} with data.facts as testing.facts([m])
	u := object.union(testing.resource("aws_macie2_account", "this", {}), {"unknown": ["status"]})
	count(check.judged) == 0 with data.facts as testing.facts([u])
}
